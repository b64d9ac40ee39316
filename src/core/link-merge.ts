/**
 * The links and evidence of a merged block (issue 14 with issue 10's three-way merge; issue 19): what rides with
 * an entry's text is merged per entry like the entry itself — a side that left it as it was in the base takes the
 * other side's; two different changes to the same entry's links (or evidence) are a conflict.
 */
import type { EntryEvidence } from './evidence';
import { sameEvidence } from './evidence';

/** A block's entries with something parallel to them (links, evidence). */
export interface ParallelEntries<T> {
  entries: readonly string[];
  items: readonly T[];
}

/** A block's entries with their links, one list of segment ids per entry. */
export interface LinkedEntries {
  entries: readonly string[];
  links: ReadonlyArray<readonly string[]>;
}

/** Per text, the item of each of its occurrences in order (the same text may appear twice). */
function byText<T>(side: ParallelEntries<T>, none: T): Map<string, T[]> {
  const map = new Map<string, T[]>();
  side.entries.forEach((text, i) => {
    const list = map.get(text) ?? [];
    list.push(side.items[i] ?? none);
    map.set(text, list);
  });
  return map;
}

/** The items for `merged` (the merged entries' texts), or null when both sides changed one entry's item differently. */
export function mergeParallel<T>(
  merged: readonly string[],
  base: ParallelEntries<T>,
  mine: ParallelEntries<T>,
  theirs: ParallelEntries<T>,
  same: (a: T, b: T) => boolean,
  none: T,
): T[] | null {
  const [b, m, t] = [byText(base, none), byText(mine, none), byText(theirs, none)];
  const seen = new Map<string, number>();
  const result: T[] = [];
  for (const text of merged) {
    const k = seen.get(text) ?? 0;
    seen.set(text, k + 1);
    const [inBase, inMine, inTheirs] = [b.get(text)?.[k], m.get(text)?.[k], t.get(text)?.[k]];
    let item: T;
    if (inMine === undefined) item = inTheirs ?? inBase ?? none;
    else if (inTheirs === undefined) item = inMine;
    else if (same(inMine, inTheirs)) item = inMine;
    else if (inBase !== undefined && same(inMine, inBase)) item = inTheirs;
    else if (inBase !== undefined && same(inTheirs, inBase)) item = inMine;
    else return null;
    result.push(item);
  }
  return result;
}

const sameLinks = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The links for `merged`, or null when both sides changed one entry's links differently. */
export function mergeLinks(
  merged: readonly string[],
  base: LinkedEntries,
  mine: LinkedEntries,
  theirs: LinkedEntries,
): string[][] | null {
  const side = (s: LinkedEntries) => ({ entries: s.entries, items: s.links });
  const result = mergeParallel<readonly string[]>(merged, side(base), side(mine), side(theirs), sameLinks, []);
  return result && result.map((ids) => [...ids]);
}

/** The evidence for `merged`, or null when both sides changed one entry's evidence differently. */
export function mergeEvidence(
  merged: readonly string[],
  base: ParallelEntries<EntryEvidence>,
  mine: ParallelEntries<EntryEvidence>,
  theirs: ParallelEntries<EntryEvidence>,
  none: EntryEvidence,
): EntryEvidence[] | null {
  const result = mergeParallel(merged, base, mine, theirs, sameEvidence, none);
  return result && result.map((e) => ({ ...e }));
}
