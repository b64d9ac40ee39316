/** A refused save's three-way merge in the sidebar: only the overlapping items are left to choose. */
import {
  conflictsOf,
  mergeBlock,
  mergedItems,
  TEXT_BLOCK_KEYS,
  type BlockMerge,
  type Conflict,
} from '../core/block-merge';
import type { BlockView, Figure } from '../core/view';
import { draftFromBlock, saveRequest, type BlockDraft } from './draft';

/**
 * A save the server refused because a teammate changed the same entries or figures: the same three-way merge the
 * server runs (src/core/block-merge.ts), so the sidebar can show only the overlapping items and keep the rest merged.
 */
export type Side = 'mine' | 'theirs';

export interface MergeConflict {
  message: string;
  /** The block as the sheet holds it now (the teammate's side). */
  sheet: BlockView;
  merge: BlockMerge<string>;
  /** The side chosen for each conflict: entries' conflicts first, then figures'. */
  picks: (Side | null)[];
}

/** One overlapping item group, as the conflict panel lists it. */
export type ConflictItem =
  { kind: 'entries'; conflict: Conflict<string> } | { kind: 'figures'; conflict: Conflict<Figure> };

export function conflictItems(merge: BlockMerge<string>): ConflictItem[] {
  return [
    ...conflictsOf(merge.entries).map((conflict): ConflictItem => ({ kind: 'entries', conflict })),
    ...conflictsOf(merge.figures).map((conflict): ConflictItem => ({ kind: 'figures', conflict })),
  ];
}

/** Merges what the user loaded (`base`), what they typed (`draft`, already validated) and the sheet now. */
export function mergeConflict(message: string, base: BlockView, draft: BlockDraft, sheet: BlockView): MergeConflict {
  const mine = saveRequest(base, draft);
  const merge = mergeBlock(base, mine, sheet, TEXT_BLOCK_KEYS);
  return { message, sheet, merge, picks: conflictItems(merge).map(() => null) };
}

/**
 * The block after the user's picks: every non-overlapping change of both sides, and the chosen side of each
 * overlap. Its base is the sheet's block, so the next save merges again if the sheet changes once more.
 */
export function resolvedDraft(conflict: MergeConflict): { base: BlockView; draft: BlockDraft } {
  const entryConflicts = conflictsOf(conflict.merge.entries).length;
  const side = (i: number): Side => conflict.picks[i] ?? 'theirs';
  const entries = mergedItems(conflict.merge.entries, (c, i) => (side(i) === 'mine' ? c.mine : c.theirs));
  const figures = mergedItems(conflict.merge.figures, (c, i) =>
    side(entryConflicts + i) === 'mine' ? c.mine : c.theirs,
  );
  return { base: conflict.sheet, draft: draftFromBlock({ ...conflict.sheet, entries, figures }) };
}
