/** The Assumptions view of the sidebar (issue 19) and the block list's count of entries to verify. */
import { BLOCK_IDS, type BlockId } from '../core/block-ids';
import { IMPORTANCES, IMPORTANCE_WORDS, STATUS_WORDS, unverified, type EntryEvidence } from '../core/evidence';
import type { BlockView } from '../core/view';
import { el, plural } from './dom';
import { chipText } from './evidence-chip';
import { backButton } from './back-button';
import type { AppState } from './state';

/**
 * The Assumptions view (issue 19): every entry of the canvas that Xiaomi's reporting does not back, the most
 * important first (then by block), each with Go to, which opens its block with the entry in focus. It mirrors the
 * Assumptions sheet, from the canvas the sidebar holds.
 */

export interface AssumptionsActions {
  back(): void;
  goToEntry(blockId: BlockId, index: number): void;
}

export const assumptionsIds = { title: 'assumptions-title', back: 'assumptions-back', open: 'open-assumptions' };

export interface UnverifiedEntry {
  blockId: BlockId;
  title: string;
  index: number;
  text: string;
  evidence: EntryEvidence;
}

const rank = (e: EntryEvidence) => (e.importance ? IMPORTANCES.indexOf(e.importance) : IMPORTANCES.length);

/** The entries that need evidence, by importance (high first, not rated last), then block, then place. */
export function unverifiedEntries(blocks: readonly BlockView[]): UnverifiedEntry[] {
  return blocks
    .flatMap((b) =>
      b.entries.map((text, index) => ({ blockId: b.id, title: b.title, index, text, evidence: b.evidence?.[index] })),
    )
    .filter((e): e is UnverifiedEntry => e.evidence !== undefined && unverified(e.evidence))
    .sort(
      (a, b) =>
        rank(a.evidence) - rank(b.evidence) ||
        BLOCK_IDS.indexOf(a.blockId) - BLOCK_IDS.indexOf(b.blockId) ||
        a.index - b.index,
    );
}

/** The block list's line: how many of a block's entries need evidence (nothing when none do). */
export function unverifiedLine(block: BlockView): HTMLElement | null {
  const n = (block.evidence ?? []).filter(unverified).length;
  return n === 0 ? null : el('span', { class: 'block-extra secondary' }, `${plural(n, 'entry', 'entries')} to verify`);
}

export function renderAssumptions(state: AppState, actions: AssumptionsActions): HTMLElement {
  const entries = unverifiedEntries(state.canvas?.blocks ?? []);
  const busy = state.busy !== null;
  const groups = [...IMPORTANCES, null].map((importance) => ({
    importance,
    items: entries.filter((e) => e.evidence.importance === importance),
  }));
  return el(
    'section',
    { class: 'view assumptions-view', 'aria-labelledby': assumptionsIds.title },
    el(
      'div',
      { class: 'toolbar' },
      backButton({ id: assumptionsIds.back, label: 'All blocks', busy: busy, onBack: () => actions.back() }),
    ),
    el('h1', { id: assumptionsIds.title, class: 'view-title', tabindex: '-1' }, 'Assumptions to test'),
    el(
      'p',
      { class: 'secondary hint' },
      entries.length === 0
        ? 'Every entry is backed by Xiaomi’s own reporting.'
        : `${plural(entries.length, 'entry', 'entries')} of the canvas ${entries.length === 1 ? 'is' : 'are'} not backed by Xiaomi’s reporting. Test the important ones first; rate an entry’s importance with its evidence chip.`,
    ),
    ...groups
      .filter((g) => g.items.length > 0)
      .map((g) => {
        const heading = g.importance ? `${IMPORTANCE_WORDS[g.importance]} importance` : 'Not rated';
        const headingId = `assumptions-${g.importance ?? 'unrated'}`;
        return el(
          'section',
          { class: 'group', 'aria-labelledby': headingId },
          el('h2', { id: headingId }, `${heading} (${g.items.length})`),
          el(
            'ul',
            { class: 'assumption-list' },
            ...g.items.map((item) =>
              el(
                'li',
                { class: 'assumption' },
                el('p', { class: 'assumption-text' }, item.text),
                el(
                  'p',
                  { class: 'secondary' },
                  el(
                    'span',
                    { class: `evidence-chip status-${item.evidence.status}`, 'aria-hidden': 'true' },
                    chipText(item.evidence),
                  ),
                  el('span', { class: 'visually-hidden' }, STATUS_WORDS[item.evidence.status]),
                  ` ${item.title}${item.evidence.source ? ` · ${item.evidence.source}` : ''}`,
                ),
                el(
                  'button',
                  {
                    type: 'button',
                    class: 'link go-to',
                    'aria-disabled': busy ? 'true' : undefined,
                    'aria-label': `Go to “${item.text.length > 60 ? `${item.text.slice(0, 59)}…` : item.text}” in ${item.title}`,
                    onclick: () => actions.goToEntry(item.blockId, item.index),
                  },
                  'Go to',
                ),
              ),
            ),
          ),
        );
      }),
  );
}
