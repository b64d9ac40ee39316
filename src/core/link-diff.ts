/** Compares two sides' links for a snapshot comparison. */
import type { BlockId } from './block-ids';
import { matchEntries } from './segments';
import { TEMPLATE_EVIDENCE, sameEvidence, type EntryEvidence } from './evidence';
import type { EvidenceChange, LinkChange } from './view';

/** One side of a comparison, as far as links go. */
export interface LinkSide {
  entries: readonly string[];
  links?: ReadonlyArray<readonly string[]>;
  /** Segment id → the segment's text on that side. */
  segmentNames: ReadonlyMap<string, string>;
}

/**
 * Link changes of the entries found on both sides (same text, or edited in place; see matchEntries): the
 * segments each gained and lost, by name. Added and removed entries are reported as such, not here.
 */
export function diffLinks(id: BlockId, before: LinkSide, after: LinkSide): LinkChange[] {
  if (id === 'customer-segments') return [];
  const match = matchEntries(before.entries, after.entries);
  const changes: LinkChange[] = [];
  after.entries.forEach((entry, j) => {
    const i = match[j];
    if (i < 0) return;
    const was = before.links?.[i] ?? [];
    const now = after.links?.[j] ?? [];
    const name = (side: LinkSide, segment: string) => side.segmentNames.get(segment) ?? segment;
    const added = now.filter((s) => !was.includes(s)).map((s) => name(after, s));
    const removed = was.filter((s) => !now.includes(s)).map((s) => name(before, s));
    if (added.length + removed.length > 0) changes.push({ entry, added, removed });
  });
  return changes;
}

/**
 * Evidence changes of the entries found on both sides (see matchEntries): status, source or importance. A side
 * without evidence (an older snapshot) compares as it would import: the template's claims.
 */
export function diffEvidence(
  before: { entries: readonly string[]; evidence?: readonly EntryEvidence[] },
  after: { entries: readonly string[]; evidence?: readonly EntryEvidence[] },
): EvidenceChange[] {
  const match = matchEntries(before.entries, after.entries);
  const changes: EvidenceChange[] = [];
  after.entries.forEach((entry, j) => {
    const i = match[j];
    if (i < 0) return;
    const [from, to] = [before.evidence?.[i] ?? TEMPLATE_EVIDENCE, after.evidence?.[j] ?? TEMPLATE_EVIDENCE];
    if (!sameEvidence(from, to)) changes.push({ entry, from: { ...from }, to: { ...to } });
  });
  return changes;
}
