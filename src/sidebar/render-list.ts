/** Renders the list of the canvas's blocks. */
import { openQuestionsByBlock, openQuestionsText } from './open-questions';
import type { BlockId } from '../core/block-ids';
import type { BlockView } from '../core/view';
import { canonicalBlocks } from './boot';
import { renderCanvasPicker, type CanvasPickerActions } from './canvas-picker';
import { append, el, plural, type Child } from './dom';
import { assumptionsIds, unverifiedEntries, unverifiedLine } from './render-assumptions';
import { icon } from './icons';
import { differingLine } from './reported';
import { renderFitSection, type FitActions } from './render-fit-checks';
import { canvasProblems, renderCellProblems, type CellProblemActions } from './render-cell-problems';
import { BUSY_LABELS, type AppState } from './state';

export interface ListActions extends CanvasPickerActions, FitActions, CellProblemActions {
  open(blockId: BlockId): void;
  openAssumptions(): void;
  refresh(): void;
  openSnapshots(): void;
  openTransfer(): void;
  /** Opens the "Xiaomi in Numbers" sheet (the charts). */
  openNumbers(): void;
}

/** Ids of the list view's entries to the other views (focus returns to them on Back). */
export const listIds = {
  title: 'list-title',
  snapshots: 'open-snapshots',
  transfer: 'open-transfer',
  error: 'list-error',
  refresh: 'refresh',
  numbers: 'open-numbers',
};

const off = (busy: boolean) => (busy ? 'true' : undefined);

function both(a: Child, b: Child): Child {
  const fragment = document.createDocumentFragment();
  append(fragment, [a, b]);
  return fragment;
}

/** Opens the Assumptions view (issue 19): how many entries of the canvas need evidence. */
function assumptionsButton(state: AppState, actions: ListActions, { busy }: { busy: boolean }): HTMLElement {
  const n = unverifiedEntries(state.canvas?.blocks ?? []).length;
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'evidence-title' },
    el('h2', { id: 'evidence-title' }, 'Evidence'),
    el(
      'button',
      {
        type: 'button',
        id: assumptionsIds.open,
        class: 'text-button outlined',
        'aria-disabled': off(busy),
        onclick: () => actions.openAssumptions(),
      },
      `Assumptions to test (${n})`,
    ),
    el('p', { class: 'secondary hint' }, 'Entries Xiaomi’s own reporting does not back, the most important first.'),
  );
}

/** "7 entries · 3 figures". */
export function blockCounts(block: BlockView): string {
  return (
    plural(block.entries.length, 'entry', 'entries') +
    (block.figures.length ? ` · ${plural(block.figures.length, 'figure', 'figures')}` : '')
  );
}

/**
 * The list of the nine blocks, each a row that opens it for editing. `blockExtra` is where other features add a
 * line to a block's row (e.g. how many of its figures differ from the reported ones).
 */
export function renderList(
  state: AppState,
  actions: ListActions,
  blockExtra: (block: BlockView) => Child = (block) => both(differingLine(block), unverifiedLine(block)),
): HTMLElement {
  const blocks = state.canvas ? canonicalBlocks(state.canvas) : [];
  const questions = state.canvas ? openQuestionsByBlock(state.canvas) : {};
  // The leading space keeps the row's accessible name readable: "Channels 5 entries 3 open questions".
  const questionsLine = (block: BlockView) =>
    questions[block.id] ? el('span', { class: 'block-questions' }, ` ${openQuestionsText(questions[block.id])}`) : null;
  const busy = state.busy !== null;
  const refreshing = state.busy === 'refreshing';
  return el(
    'section',
    { class: 'view list-view', 'aria-labelledby': listIds.title },
    el(
      'div',
      { class: 'toolbar' },
      el('h1', { id: listIds.title, class: 'view-title', tabindex: '-1' }, 'Canvas blocks'),
      el(
        'button',
        {
          type: 'button',
          id: listIds.refresh,
          class: 'text-button',
          'aria-disabled': off(busy),
          onclick: () => actions.refresh(),
        },
        icon('refresh', 18),
        refreshing ? BUSY_LABELS.refreshing : 'Refresh',
      ),
    ),
    renderCanvasPicker(state, actions) ??
      (state.canvas && el('p', { class: 'secondary sheet-name' }, `Sheet: ${state.canvas.sheetName}`)),
    state.listError &&
      el(
        'div',
        { class: 'error-box', id: listIds.error, tabindex: '-1' },
        el('p', { class: 'error-title' }, icon('warning', 18), state.listError),
      ),
    renderCellProblems(canvasProblems(state.canvas), actions, 'list', busy),
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
                'aria-disabled': off(busy),
                onclick: () => actions.open(block.id),
              },
              el(
                'span',
                { class: 'block-text' },
                el('span', { class: 'block-title' }, block.title),
                ' ', // keeps the accessible name readable: "Key Activities 7 entries"
                el('span', { class: 'block-count' }, blockCounts(block)),
                questionsLine(block),
                blockExtra(block),
              ),
              icon('next', 20),
            ),
          ),
        ),
        // After the nine blocks, a small entry that opens the charts of Xiaomi's reported results.
        el(
          'li',
          { class: 'numbers-entry' },
          el(
            'button',
            {
              type: 'button',
              class: 'numbers-item',
              id: listIds.numbers,
              'aria-disabled': off(busy),
              onclick: () => actions.openNumbers(),
            },
            el(
              'span',
              { class: 'block-text' },
              el('span', { class: 'block-title' }, 'Numbers'),
              ' ',
              el('span', { class: 'block-count' }, 'Charts of Xiaomi’s reported results'),
            ),
            icon('next', 20),
          ),
        ),
      ),
    blocks.length > 0 &&
      el(
        'p',
        { class: 'secondary hint' },
        'Choose a block to edit its entries and figures. Refresh shows edits made directly in the sheet.',
      ),
    blocks.length > 0 && assumptionsButton(state, actions, { busy }),
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
            class: 'text-button outlined',
            'aria-disabled': off(busy),
            onclick: () => actions.openSnapshots(),
          },
          icon('history', 18),
          'Snapshots',
        ),
        el(
          'button',
          {
            type: 'button',
            id: listIds.transfer,
            class: 'text-button outlined',
            'aria-disabled': off(busy),
            onclick: () => actions.openTransfer(),
          },
          icon('download', 18),
          'Canvas file',
        ),
      ),
      el(
        'p',
        { class: 'secondary hint' },
        'Save versions of the canvas, compare them and go back; download the canvas as a file or open one.',
      ),
    ),
  );
}
