/**
 * Three-way merge of a block: what the user started from (base), what they want (mine) and what the sheet holds
 * now (theirs: a teammate's sidebar save or direct cell edits). Lists are compared item by item (an entry, a
 * figure — or, later, an entry together with its parallel metadata such as links), by a key that holds the item's
 * whole content, so a figure is "changed" when any of its fields is. node-diff3 finds each side's changes (LCS);
 * this file decides which of them collide. Pure: used by saveBlock and by the sidebar to show a conflict.
 */
import { diffIndices } from 'node-diff3';
import type { Figure } from './view';

/** One side's replacement of base[start, end) by `items` (an insertion when start === end). */
interface Hunk<T> {
  start: number;
  end: number;
  items: T[];
  side: 'mine' | 'theirs';
}

/** A run of the merged list: settled items, or a place where both sides changed the same items differently. */
export type MergeChunk<T> =
  | {
      kind: 'clean';
      items: T[];
      /** Who the items come from: unchanged (base), one side's change, or the same change on both sides. */
      from: 'base' | 'mine' | 'theirs' | 'both';
      /** The base items this chunk replaces (empty for unchanged runs and pure insertions). */
      replaced: T[];
    }
  | { kind: 'conflict'; base: T[]; mine: T[]; theirs: T[] };

export type Conflict<T> = Extract<MergeChunk<T>, { kind: 'conflict' }>;

/**
 * One side's changes, item by item: a run of n base items rewritten into m items is n-to-n replacements, then a
 * deletion or an insertion of the rest, so the other side may change or delete a neighbour in the same run.
 */
function hunks<T>(base: readonly T[], other: readonly T[], key: (item: T) => string, side: Hunk<T>['side']): Hunk<T>[] {
  return diffIndices(base.map(key), other.map(key)).flatMap((d) => {
    const [start, length] = d.buffer1;
    const items = other.slice(d.buffer2[0], d.buffer2[0] + d.buffer2[1]);
    const paired = Math.min(length, items.length);
    const out: Hunk<T>[] = [];
    for (let k = 0; k < paired; k++) out.push({ start: start + k, end: start + k + 1, items: [items[k]], side });
    if (length > paired || items.length > paired)
      out.push({ start: start + paired, end: start + length, items: items.slice(paired), side });
    return out;
  });
}

/**
 * Whether `next` touches the group spanning base[start, end). Changes to neighbouring items do not collide; an
 * insertion collides only with another insertion at the same place or with a change of the items around it.
 */
function touches<T>(group: { start: number; end: number }, next: Hunk<T>): boolean {
  if (group.start === group.end) return next.start === group.start && next.end === next.start;
  return next.start < group.end && (next.end > next.start || next.start > group.start);
}

/** base[start, end) with one side's hunks (all inside the range) applied. */
function applySide<T>(base: readonly T[], start: number, end: number, side: readonly Hunk<T>[]): T[] {
  const out: T[] = [];
  let at = start;
  for (const h of side) {
    out.push(...base.slice(at, h.start), ...h.items);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

const sameKeys = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string) =>
  a.length === b.length && a.every((item, i) => key(item) === key(b[i]));

/** Resolves a group both sides changed: identical changes, insertions at the same place, or item by item. */
function bothSides<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
): MergeChunk<T>[] {
  if (sameKeys(mine, theirs, key)) return [{ kind: 'clean', items: [...mine], from: 'both', replaced: [...base] }];
  // Both added items at the same place: keep both, the teammate's (already in the sheet) first.
  if (base.length === 0)
    return [
      { kind: 'clean', items: [...theirs], from: 'theirs', replaced: [] },
      { kind: 'clean', items: [...mine], from: 'mine', replaced: [] },
    ];
  // Same-length rewrites of neighbouring items (one side edited items 1 and 2, the other item 2): item by item.
  if (base.length === mine.length && base.length === theirs.length) {
    return base.map((b, i): MergeChunk<T> => {
      const [m, t] = [mine[i], theirs[i]];
      if (key(m) === key(t))
        return { kind: 'clean', items: [m], from: key(m) === key(b) ? 'base' : 'both', replaced: [b] };
      if (key(t) === key(b)) return { kind: 'clean', items: [m], from: 'mine', replaced: [b] };
      if (key(m) === key(b)) return { kind: 'clean', items: [t], from: 'theirs', replaced: [b] };
      return { kind: 'conflict', base: [b], mine: [m], theirs: [t] };
    });
  }
  return [{ kind: 'conflict', base: [...base], mine: [...mine], theirs: [...theirs] }];
}

/**
 * Merges two lists derived from `base`. Changes to different items, additions and deletions elsewhere, and moves
 * that do not touch an item the other side changed are combined; two different changes to the same items become a
 * conflict chunk. `key` must hold an item's whole content (two items with the same key are the same item).
 */
export function mergeLists<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
): MergeChunk<T>[] {
  const all = [...hunks(base, mine, key, 'mine'), ...hunks(base, theirs, key, 'theirs')].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const chunks: MergeChunk<T>[] = [];
  let at = 0;
  const settled = (end: number) => {
    if (end > at) chunks.push({ kind: 'clean', items: base.slice(at, end), from: 'base', replaced: [] });
  };
  for (let i = 0; i < all.length;) {
    const group = { start: all[i].start, end: all[i].end, members: [all[i]] };
    for (i++; i < all.length && touches(group, all[i]); i++) {
      group.members.push(all[i]);
      group.end = Math.max(group.end, all[i].end);
    }
    settled(group.start);
    const side = (s: Hunk<T>['side']) => group.members.filter((h) => h.side === s);
    const [mineHunks, theirHunks] = [side('mine'), side('theirs')];
    const replaced = base.slice(group.start, group.end);
    if (theirHunks.length === 0 || mineHunks.length === 0) {
      const only = mineHunks.length ? 'mine' : 'theirs';
      chunks.push({
        kind: 'clean',
        items: applySide(base, group.start, group.end, group.members),
        from: only,
        replaced,
      });
    } else {
      const mineItems = applySide(base, group.start, group.end, mineHunks);
      const theirItems = applySide(base, group.start, group.end, theirHunks);
      chunks.push(...bothSides(replaced, mineItems, theirItems, key));
    }
    at = group.end;
  }
  settled(base.length);
  return chunks;
}

/** The merged list, with each conflict settled by `pick` (by default: none may remain). */
export function mergedItems<T>(
  chunks: readonly MergeChunk<T>[],
  pick: (conflict: Conflict<T>, index: number) => readonly T[] = () => {
    throw new Error('The merge still has conflicts.');
  },
): T[] {
  let n = 0;
  return chunks.flatMap((c) => (c.kind === 'clean' ? c.items : [...pick(c, n++)]));
}

export const conflictsOf = <T>(chunks: readonly MergeChunk<T>[]): Conflict<T>[] =>
  chunks.filter((c): c is Conflict<T> => c.kind === 'conflict');

/** Positions in the merged list of the items that came from the teammate's changes, and what they removed. */
export function theirChanges<T>(chunks: readonly MergeChunk<T>[]): { added: number[]; removed: T[] } {
  const added: number[] = [];
  const removed: T[] = [];
  let at = 0;
  for (const c of chunks) {
    const items = c.kind === 'clean' ? c.items : c.theirs;
    if (c.kind === 'clean' && c.from === 'theirs') {
      items.forEach((_, i) => added.push(at + i));
      removed.push(...c.replaced);
    }
    at += items.length;
  }
  return { added, removed };
}

/** The content of a block as the merge sees it; entries may carry parallel metadata (E), figures are whole. */
export interface MergeableBlock<E, F = Figure> {
  entries: readonly E[];
  figures: readonly F[];
}

export interface BlockMerge<E, F = Figure> {
  entries: MergeChunk<E>[];
  figures: MergeChunk<F>[];
  /** Number of conflict chunks over entries and figures. */
  conflicts: number;
}

/** A figure's whole content, so two figures are "the same" only when every field is. */
export function figureKey(f: Figure): string {
  return JSON.stringify([f.label, f.value, f.unit, f.period, f.note ?? '', f.metric ?? '']);
}

/** Merges entries and figures of a block independently (an entry and a figure never collide). */
export function mergeBlock<E, F = Figure>(
  base: MergeableBlock<E, F>,
  mine: MergeableBlock<E, F>,
  theirs: MergeableBlock<E, F>,
  keys: { entry: (entry: E) => string; figure: (figure: F) => string },
): BlockMerge<E, F> {
  const entries = mergeLists(base.entries, mine.entries, theirs.entries, keys.entry);
  const figures = mergeLists(base.figures, mine.figures, theirs.figures, keys.figure);
  return { entries, figures, conflicts: conflictsOf(entries).length + conflictsOf(figures).length };
}

/** Keys for the block as saveBlock holds it today: entries are plain texts. */
export const TEXT_BLOCK_KEYS = { entry: (text: string) => text, figure: figureKey };
