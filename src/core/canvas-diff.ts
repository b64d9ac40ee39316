/**
 * Block-by-block comparison of two canvases (a snapshot against the current canvas, or two snapshots).
 *
 * Entries: a text present on both sides (anywhere, so a reorder is no change) is unchanged. Of the rest, an old
 * and a new text that sit at the same place — after the same number of unchanged entries, in the same order —
 * are a change (old → new); the others are added or removed. Figures are paired by label (duplicates in order):
 * a pair whose value, unit, period, note or metric differs is a change; unpaired figures are added or removed.
 */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import { diffEvidence, diffLinks } from './link-diff';
import type { EntryEvidence } from './evidence';
import type { BlockDiff, EntryChange, Figure, FigureChange } from './view';

export interface DiffBlock {
  id: BlockId;
  entries: readonly string[];
  figures: readonly Figure[];
  /** Parallel to entries: the ids of the segments each serves. */
  links?: ReadonlyArray<readonly string[]>;
  /** Parallel to entries: each one's evidence. */
  evidence?: readonly EntryEvidence[];
}

/** A canvas to compare: its blocks, and the ids of its Customer Segments entries (to name linked segments). */
export interface DiffCanvas {
  blocks: readonly DiffBlock[];
  segmentIds?: readonly string[];
}

/** (to − from) / |from| × 100, rounded to one decimal; null when from is 0 (no meaningful percentage). */
export function changePct(from: number, to: number): number | null {
  if (from === 0 || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const pct = Math.round(((to - from) / Math.abs(from)) * 1000) / 10;
  return pct === 0 ? 0 : pct; // no -0
}

/** For each item, whether it has an identical partner on the other side (multiset matching, first come first served). */
function matchIdentical<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): { oldKept: boolean[]; newKept: boolean[] } {
  const pool = new Map<string, number[]>();
  after.forEach((item, j) => {
    const k = key(item);
    const list = pool.get(k);
    if (list) list.push(j);
    else pool.set(k, [j]);
  });
  const oldKept = before.map(() => false);
  const newKept = after.map(() => false);
  before.forEach((item, i) => {
    const list = pool.get(key(item));
    if (list && list.length > 0) {
      newKept[list.shift()!] = true;
      oldKept[i] = true;
    }
  });
  return { oldKept, newKept };
}

/** Groups the unmatched items by how many kept items precede them: the "place" an entry sits at. */
function byPlace(kept: boolean[]): Map<number, number[]> {
  const places = new Map<number, number[]>();
  let anchors = 0;
  kept.forEach((isKept, i) => {
    if (isKept) {
      anchors++;
      return;
    }
    const list = places.get(anchors);
    if (list) list.push(i);
    else places.set(anchors, [i]);
  });
  return places;
}

export function diffEntries(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[]; changed: EntryChange[] } {
  const { oldKept, newKept } = matchIdentical(before, after, (e) => e);
  const oldPlaces = byPlace(oldKept);
  const newPlaces = byPlace(newKept);
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  const changed: Array<EntryChange & { at: number }> = [];
  for (const [place, olds] of oldPlaces) {
    const news = newPlaces.get(place) ?? [];
    for (let k = 0; k < Math.min(olds.length, news.length); k++) {
      pairedOld.add(olds[k]);
      pairedNew.add(news[k]);
      changed.push({ from: before[olds[k]], to: after[news[k]], at: news[k] });
    }
  }
  changed.sort((a, b) => a.at - b.at);
  return {
    added: after.filter((_, j) => !newKept[j] && !pairedNew.has(j)),
    removed: before.filter((_, i) => !oldKept[i] && !pairedOld.has(i)),
    changed: changed.map(({ from, to }) => ({ from, to })),
  };
}

const FIGURE_FIELDS = ['unit', 'period', 'note', 'metric'] as const;

export function diffFigures(
  before: readonly Figure[],
  after: readonly Figure[],
): { added: Figure[]; removed: Figure[]; changed: FigureChange[] } {
  const pool = new Map<string, number[]>();
  after.forEach((f, j) => {
    const list = pool.get(f.label);
    if (list) list.push(j);
    else pool.set(f.label, [j]);
  });
  const pairedNew = new Set<number>();
  const removed: Figure[] = [];
  const changed: FigureChange[] = [];
  for (const old of before) {
    const j = pool.get(old.label)?.shift();
    if (j === undefined) {
      removed.push(old);
      continue;
    }
    pairedNew.add(j);
    const now = after[j];
    const fields = FIGURE_FIELDS.filter((field) => (old[field] ?? '') !== (now[field] ?? ''));
    if (old.value === now.value && fields.length === 0) continue;
    const unitChanged = old.unit !== now.unit;
    changed.push({
      label: now.label,
      from: old.value,
      to: now.value,
      changePct: unitChanged ? null : changePct(old.value, now.value),
      unit: now.unit,
      ...(unitChanged ? { fromUnit: old.unit } : {}),
      ...(fields.length > 0 ? { otherChanges: [...fields] } : {}),
    });
  }
  return { added: after.filter((_, j) => !pairedNew.has(j)), removed, changed };
}

/** The difference of one block. */
export function diffBlock(
  id: BlockId,
  before: Pick<DiffBlock, 'entries' | 'figures'>,
  after: Pick<DiffBlock, 'entries' | 'figures'>,
): BlockDiff {
  const entries = diffEntries(before.entries, after.entries);
  const figures = diffFigures(before.figures, after.figures);
  const changed =
    entries.added.length +
      entries.removed.length +
      entries.changed.length +
      figures.added.length +
      figures.removed.length +
      figures.changed.length >
    0;
  return {
    blockId: id,
    title: BLOCK_TITLES[id],
    changed,
    entriesAdded: entries.added,
    entriesRemoved: entries.removed,
    entriesChanged: entries.changed,
    figuresChanged: figures.changed,
    figuresAdded: figures.added,
    figuresRemoved: figures.removed,
  };
}

/** All nine blocks in canonical order, unchanged ones included (with `changed: false` and empty lists). */
export function diffCanvases(before: DiffCanvas, after: DiffCanvas): BlockDiff[] {
  const empty = { entries: [] as string[], figures: [] as Figure[] };
  const find = (side: DiffCanvas, id: BlockId) => side.blocks.find((b) => b.id === id) ?? empty;
  const names = (side: DiffCanvas) => {
    const segments = find(side, 'customer-segments').entries;
    return new Map((side.segmentIds ?? []).map((sid, i) => [sid, segments[i] ?? sid]));
  };
  const [namesBefore, namesAfter] = [names(before), names(after)];
  return BLOCK_IDS.map((id) => {
    const diff = diffBlock(id, find(before, id), find(after, id));
    const linksChanged = diffLinks(
      id,
      { ...find(before, id), segmentNames: namesBefore },
      { ...find(after, id), segmentNames: namesAfter },
    );
    const evidenceChanged = diffEvidence(find(before, id), find(after, id));
    return {
      ...diff,
      ...(linksChanged.length > 0 ? { changed: true, linksChanged } : {}),
      ...(evidenceChanged.length > 0 ? { changed: true, evidenceChanged } : {}),
    };
  });
}
