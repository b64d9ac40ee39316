/**
 * The links of a merged block (issue 14 with issue 10's three-way merge): links ride with their entry's text, and
 * each merged entry's links are merged three-way like the entry itself — a side that left them as they were in the
 * base takes the other side's; two different changes to the same entry's links are a conflict.
 */

/** A block's entries with their links, one list of segment ids per entry. */
export interface LinkedEntries {
  entries: readonly string[];
  links: ReadonlyArray<readonly string[]>;
}

/** Per text, the links of each of its occurrences in order (the same text may appear twice). */
function byText(side: LinkedEntries): Map<string, Array<readonly string[]>> {
  const map = new Map<string, Array<readonly string[]>>();
  side.entries.forEach((text, i) => {
    const list = map.get(text) ?? [];
    list.push(side.links[i] ?? []);
    map.set(text, list);
  });
  return map;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The links for `merged` (the merged entries' texts), or null when both sides changed one entry's links differently. */
export function mergeLinks(
  merged: readonly string[],
  base: LinkedEntries,
  mine: LinkedEntries,
  theirs: LinkedEntries,
): string[][] | null {
  const [b, m, t] = [byText(base), byText(mine), byText(theirs)];
  const seen = new Map<string, number>();
  const result: string[][] = [];
  for (const text of merged) {
    const k = seen.get(text) ?? 0;
    seen.set(text, k + 1);
    const [inBase, inMine, inTheirs] = [b.get(text)?.[k], m.get(text)?.[k], t.get(text)?.[k]];
    let links: readonly string[];
    if (inMine === undefined) links = inTheirs ?? inBase ?? [];
    else if (inTheirs === undefined) links = inMine;
    else if (same(inMine, inTheirs)) links = inMine;
    else if (inBase !== undefined && same(inMine, inBase)) links = inTheirs;
    else if (inBase !== undefined && same(inTheirs, inBase)) links = inMine;
    else return null;
    result.push([...links]);
  }
  return result;
}
