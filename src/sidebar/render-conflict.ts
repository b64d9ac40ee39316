/** Renders the conflict panel of the editor. */
import type { Figure } from '../core/view';
import { conflictItems, type MergeConflict, type Side } from './conflict';
import { el, plural, type Child } from './dom';
import { formatValue } from './draft';

/** What the conflict panel asks of the editor. */
export interface ConflictActions {
  pickSide(index: number, side: Side): void;
  useChoices(): void;
  discard(): void;
}

export const conflictIds = {
  title: 'conflict-title',
  use: 'use-choices',
  pick: (index: number, side: Side) => `pick-${index}-${side}`,
};

function describeFigure(figure: Figure): string {
  const unit = figure.unit ? ` ${figure.unit}` : '';
  const period = figure.period ? ` (${figure.period})` : '';
  const note = figure.note ? ` — ${figure.note}` : '';
  return `${figure.label}: ${formatValue(figure.value)}${unit}${period}${note}`;
}

function sideList(texts: readonly string[], deleted: string): HTMLElement {
  return texts.length
    ? el('ul', { class: 'conflict-items' }, ...texts.map((text) => el('li', {}, text)))
    : el('p', { class: 'secondary' }, deleted);
}

/**
 * The overlapping items only, the user's version beside the teammate's, one choice each; everything else is already
 * merged into the form. Text is rendered as text (dom.ts), never as markup.
 */
export function renderMergeConflict(
  conflict: MergeConflict,
  actions: ConflictActions,
  { busy }: { busy: boolean },
): Child {
  const items = conflictItems(conflict.merge);
  const rows = items.map((item, index) => {
    const what = item.kind === 'entries' ? 'Entry' : 'Figure';
    const texts =
      item.kind === 'entries'
        ? { mine: item.conflict.mine, theirs: item.conflict.theirs, base: item.conflict.base }
        : {
            mine: item.conflict.mine.map(describeFigure),
            theirs: item.conflict.theirs.map(describeFigure),
            base: item.conflict.base.map(describeFigure),
          };
    const choice = (side: Side, label: string, shown: readonly string[]) =>
      el(
        'div',
        { class: 'conflict-side' },
        el(
          'label',
          { class: 'conflict-pick' },
          el('input', {
            type: 'radio',
            name: `conflict-${index}`,
            id: conflictIds.pick(index, side),
            checked: conflict.picks[index] === side,
            disabled: busy,
            onchange: () => actions.pickSide(index, side),
          }),
          ` ${label}`,
        ),
        sideList(shown, `Deleted`),
      );
    return el(
      'li',
      { class: 'conflict-item' },
      el('p', { class: 'panel-label' }, `${what}${texts.base.length === 1 ? `: was “${texts.base[0]}”` : ''}`),
      el(
        'div',
        { class: 'conflict-sides' },
        choice('mine', 'Keep mine', texts.mine),
        choice('theirs', 'Keep teammate’s', texts.theirs),
      ),
    );
  });
  const open = conflict.picks.filter((p) => p === null).length;
  return el(
    'section',
    { class: 'panel conflict', 'aria-labelledby': conflictIds.title },
    el('h2', { id: conflictIds.title, tabindex: '-1' }, 'A teammate changed the same items'),
    el('p', { class: 'error-text' }, conflict.message),
    el(
      'p',
      {},
      `Everything else is merged. Choose which version to keep for ${plural(items.length, 'item', 'items')} below; you can still edit it in the form before saving.`,
    ),
    el('ol', { class: 'conflict-list' }, ...rows),
    el(
      'div',
      { class: 'buttons' },
      el(
        'button',
        {
          type: 'button',
          id: conflictIds.use,
          class: 'action',
          'aria-disabled': busy || open > 0 ? 'true' : undefined,
          onclick: () => actions.useChoices(),
        },
        'Use these choices',
      ),
      el(
        'button',
        {
          type: 'button',
          id: 'discard',
          'aria-disabled': busy ? 'true' : undefined,
          onclick: () => !busy && actions.discard(),
        },
        'Discard my edits',
      ),
    ),
    open > 0 && el('p', { class: 'secondary' }, `${plural(open, 'item', 'items')} still to choose.`),
  );
}
