/** A block's version: a hash of its content, to detect a teammate's change before a save. */
import { packEvidence, type EntryEvidence } from './evidence';
import type { Figure } from './view';

/** FNV-1a over UTF-16 code units, 32-bit; two seeds give a 64-bit token, plenty for change detection. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The version token of a block: derived only from its content as it stands in the sheet, so any edit
 * (by the sidebar, another sidebar, or a teammate typing in a cell) changes it. The canvas instance is part
 * of it, so a save meant for one canvas can never land on another that happens to hold the same text.
 */
export function blockVersion(
  instance: number,
  blockId: string,
  entries: readonly string[],
  figures: readonly Figure[],
  links: ReadonlyArray<readonly string[]> = [],
  evidence: readonly EntryEvidence[] = [],
): string {
  // Links (or a segment's id) count as content: a teammate's link change is a change. Without any, the token is
  // what it was before links existed.
  const linked = links.some((ids) => ids.length > 0);
  const canonical = [
    instance,
    blockId,
    entries,
    figures.map((f) => [f.label, f.value, f.unit, f.period, f.note ?? '', f.metric ?? '']),
    ...(linked ? [links] : []),
  ];
  // Evidence is content too (a teammate's new status is a change), in the first half only: the second half
  // stands for the rest, so a save's base from a client that does not send evidence can still be checked.
  const withEvidence = JSON.stringify([...canonical, evidence.map(packEvidence)]);
  return fnv1a(withEvidence, 0x811c9dc5) + fnv1a(JSON.stringify(canonical), 0x01000193 ^ 0x5bd1e995);
}

/** The half of a version token that stands for a block's content without its evidence (see blockVersion). */
export const versionWithoutEvidence = (version: string): string => version.slice(8);

/** What of a block's links its version covers: its links, or for Customer Segments the segments' ids. */
export function versionLinks(
  id: string,
  links: ReadonlyArray<readonly string[]>,
  segmentIds: readonly string[],
): ReadonlyArray<readonly string[]> {
  return id === 'customer-segments' ? segmentIds.map((s) => [s]) : links;
}
