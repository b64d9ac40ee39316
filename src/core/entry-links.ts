/** Links from entries to the customer segments they serve: normalised, carried with their entry, checked. */
import { BLOCK_TITLES, type BlockId } from './block-ids';
import { matchEntries } from './segments';

/**
 * Links from an entry to the customer segments it serves: per block, a list parallel to its entries, each a list
 * of segment ids ([] for none). Customer Segments' own entries are the segments and carry no links.
 */
export type EntryLinks = string[][];

/** Links as the canvas keeps them: known segments only, each once, in the order of Customer Segments. */
export function normaliseLinks(links: ReadonlyArray<readonly string[]>, segmentIds: readonly string[]): EntryLinks {
  return links.map((ids) => segmentIds.filter((id) => ids.includes(id)));
}

/**
 * The links after a block's entries were edited, moved, added, deleted or merged without new links being given:
 * each entry keeps the links of the entry it continues (same text anywhere, else the one at its place; see
 * matchEntries); new entries have none.
 */
export function carryLinks(
  before: readonly string[],
  beforeLinks: ReadonlyArray<readonly string[]>,
  after: readonly string[],
): EntryLinks {
  return matchEntries(before, after).map((i) => (i >= 0 ? [...(beforeLinks[i] ?? [])] : []));
}

/**
 * Checks links sent with a save against the block's entries and the canvas's segments; throws one line.
 * (Their shape — a list of lists of texts — is checked by the request schema.)
 */
export function checkLinks(
  blockId: BlockId,
  links: ReadonlyArray<readonly string[]>,
  entryCount: number,
  segmentIds: readonly string[],
): void {
  const what = 'Invalid save request: links';
  if (links.length !== entryCount) {
    throw new Error(`${what} must have one list per entry (${entryCount}), not ${links.length}.`);
  }
  if (blockId === 'customer-segments' && links.some((ids) => ids.length > 0)) {
    throw new Error(`${what}: ${BLOCK_TITLES[blockId]} entries are the segments and cannot be linked to segments.`);
  }
  links.forEach((ids, i) => {
    const unknown = ids.find((id) => !segmentIds.includes(id));
    if (unknown !== undefined) {
      throw new Error(`${what}[${i}] names an unknown segment "${unknown.slice(0, 40)}".`);
    }
  });
}
