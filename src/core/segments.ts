/** Customer segments' stable ids and their tags and colours. */
import { SEGMENT_PALETTE } from './segment-palette';

/**
 * Customer segments have stable ids: "s" and a number ("s1", "s2", …). The id is stored with the entry's row in
 * the canvas sheet (see link-store.ts), so it survives renaming, reordering and rows inserted by teammates.
 * The number also picks the segment's colour and is the tag shown beside linked entries on the canvas.
 */
export const SEGMENT_ID_PATTERN = /^s[1-9][0-9]{0,3}$/;

export interface Segment {
  id: string;
  text: string;
  /** #rrggbb */
  color: string;
}

export function isSegmentId(value: unknown): value is string {
  return typeof value === 'string' && SEGMENT_ID_PATTERN.test(value);
}

/** The number of a segment id, shown as its tag on the canvas ("s3" → "3"). */
export function segmentTag(id: string): string {
  return id.slice(1);
}

export function segmentColor(id: string): string {
  const n = Number(segmentTag(id));
  return SEGMENT_PALETTE[(n - 1) % SEGMENT_PALETTE.length];
}

/**
 * A fresh id: the lowest number not taken whose colour no other segment has, so segments keep distinct colours
 * while there are colours left; after that, the lowest number not taken.
 */
export function newSegmentId(taken: Iterable<string>): string {
  const used = new Set(taken);
  const usedColors = new Set([...used].filter(isSegmentId).map(segmentColor));
  const free = (n: number) => !used.has(`s${n}`);
  for (let n = 1; n <= SEGMENT_PALETTE.length * 4; n++) {
    if (free(n) && !usedColors.has(SEGMENT_PALETTE[(n - 1) % SEGMENT_PALETTE.length])) return `s${n}`;
  }
  let n = 1;
  while (!free(n)) n++;
  return `s${n}`;
}

/**
 * The ids of the segments as read from the sheet: a stored id is kept unless an earlier segment already has it
 * (a row copied with its hidden id); a segment typed by a teammate into an empty row (no id yet) gets a fresh one,
 * never one in `reserved` (ids links still name, so a deleted segment's links never pass to a new segment).
 * Deterministic, so two reads of the same sheet agree; the next save stores the ids it handed out.
 */
export function resolveSegmentIds(
  stored: ReadonlyArray<string | null | undefined>,
  reserved: Iterable<string> = [],
): string[] {
  const kept = new Set<string>();
  const ids: Array<string | null> = stored.map((id) => {
    if (!isSegmentId(id) || kept.has(id)) return null;
    kept.add(id);
    return id;
  });
  const taken = new Set([...kept, ...reserved]);
  return ids.map((id) => {
    if (id !== null) return id;
    const fresh = newSegmentId(taken);
    taken.add(fresh);
    return fresh;
  });
}

/**
 * Which old entry each new entry continues, for carrying ids and links across an edit: the same text anywhere
 * (first come, first served, so a reorder keeps everything); of the rest, an old and a new entry at the same
 * place — after the same number of kept entries, in order — are one entry edited (it keeps what it had); the
 * others were deleted or added. Returns, per new entry, the index of its old entry or -1 (a new entry).
 */
export function matchEntries(before: readonly string[], after: readonly string[]): number[] {
  const pool = new Map<string, number[]>();
  before.forEach((text, i) => {
    const list = pool.get(text);
    if (list) list.push(i);
    else pool.set(text, [i]);
  });
  const taken = before.map(() => false);
  const match = after.map((text) => {
    const i = pool.get(text)?.shift();
    if (i === undefined) return -1;
    taken[i] = true;
    return i;
  });
  const placesBefore = places(taken);
  const placesAfter = places(match.map((i) => i >= 0));
  for (const [place, news] of placesAfter) {
    const olds = placesBefore.get(place) ?? [];
    news.forEach((j, k) => {
      if (k < olds.length) match[j] = olds[k];
    });
  }
  return match;
}

/** The unmatched items grouped by how many matched items precede them. */
function places(kept: readonly boolean[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  let anchors = 0;
  kept.forEach((isKept, i) => {
    if (isKept) anchors++;
    else groups.set(anchors, [...(groups.get(anchors) ?? []), i]);
  });
  return groups;
}

/** The ids of the segments after their texts were edited, moved, added or deleted. */
export function carrySegmentIds(
  before: readonly string[],
  beforeIds: readonly string[],
  after: readonly string[],
): string[] {
  const match = matchEntries(before, after);
  // A segment deleted in this same edit keeps its id out of use, so its links are not handed to a new one.
  return resolveSegmentIds(
    match.map((i) => (i >= 0 ? beforeIds[i] : null)),
    beforeIds,
  );
}

export function segmentsOf(entries: readonly string[], ids: readonly string[]): Segment[] {
  return entries.map((text, i) => ({ id: ids[i], text, color: segmentColor(ids[i]) }));
}
