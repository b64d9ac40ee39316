import type { BlockId } from '../core/block-ids';
import { canonicalBlocks } from './boot';
import { el, plural } from './dom';
import { renderFitSection, type FitActions } from './render-fit-checks';
import { BUSY_LABELS, type AppState } from './state';

export interface ListActions extends FitActions {
  open(blockId: BlockId): void;
  refresh(): void;
  openSnapshots(): void;
  openTransfer(): void;
}

/** Ids of the list view's entries to the other views (focus returns to them on Back). */
export const listIds = { title: 'list-title', snapshots: 'open-snapshots', transfer: 'open-transfer' };

/** The list of the nine blocks, each a button that opens it for editing. */
export function renderList(state: AppState, actions: ListActions): HTMLElement {
  const blocks = state.canvas ? canonicalBlocks(state.canvas) : [];
  const refreshing = state.busy === 'refreshing';
  return el(
    'section',
    { class: 'view list-view', 'aria-labelledby': 'list-title' },
    el(
      'div',
      { class: 'toolbar' },
      el('h1', { id: 'list-title', class: 'view-title', tabindex: '-1' }, 'Canvas blocks'),
      el(
        'button',
        { type: 'button', id: 'refresh', disabled: state.busy !== null, onclick: () => actions.refresh() },
        refreshing ? BUSY_LABELS.refreshing : 'Refresh',
      ),
    ),
    state.canvas && el('p', { class: 'secondary sheet-name' }, `Sheet: ${state.canvas.sheetName}`),
    state.listError && el('div', { class: 'error-box', role: 'alert', id: 'list-error' }, state.listError),
    blocks.length > 0 &&
      el(
        'ul',
        { class: 'block-list', 'aria-label': 'Blocks of the canvas' },
        ...blocks.map((block) =>
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: 'block-item',
                id: `open-${block.id}`,
                'data-block-id': block.id,
                disabled: state.busy !== null,
                onclick: () => actions.open(block.id),
              },
              el('span', { class: 'block-title' }, block.title),
              ' ', // keeps the accessible name readable: "Key Activities 7 entries"
              el(
                'span',
                { class: 'block-count' },
                plural(block.entries.length, 'entry', 'entries') +
                  (block.figures.length ? ` · ${plural(block.figures.length, 'figure', 'figures')}` : ''),
              ),
            ),
          ),
        ),
      ),
    blocks.length > 0 &&
      el(
        'p',
        { class: 'secondary hint' },
        'Choose a block to edit its entries and figures. Refresh shows edits made directly in the sheet.',
      ),
    renderFitSection(state, actions),
    el(
      'section',
      { class: 'group more', 'aria-labelledby': 'more-title' },
      el('h2', { id: 'more-title' }, 'Versions and files'),
      el(
        'div',
        { class: 'buttons' },
        el(
          'button',
          {
            type: 'button',
            id: listIds.snapshots,
            disabled: state.busy !== null,
            onclick: () => actions.openSnapshots(),
          },
          'Snapshots',
        ),
        el(
          'button',
          {
            type: 'button',
            id: listIds.transfer,
            disabled: state.busy !== null,
            onclick: () => actions.openTransfer(),
          },
          'Export / import JSON',
        ),
      ),
      el(
        'p',
        { class: 'secondary hint' },
        'Save versions of the canvas, compare them and go back; move the canvas to and from other tools.',
      ),
    ),
  );
}
