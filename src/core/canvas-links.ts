/** A whole canvas's segment ids and every block's links: from content, and after a write. */
import { BLOCK_IDS, type BlockId } from './block-ids';
import type { CanvasContent } from './content-schema';
import { carryLinks, normaliseLinks, type EntryLinks } from './entry-links';
import { TEMPLATE_EVIDENCE, carryEvidence, type EntryEvidence } from './evidence';
import { carrySegmentIds, resolveSegmentIds, segmentsOf, type Segment } from './segments';

/** The segment ids and every block's links of a whole canvas (what an insert or an import writes). */
export interface CanvasLinks {
  /** Optional: the entries the links are parallel to (linksAfterWrite gives them). */
  entries?: Record<BlockId, readonly string[]>;
  /** Ids of the Customer Segments entries, in order. */
  segmentIds: string[];
  /** Per block, parallel to its entries; Customer Segments' lists are empty. */
  links: Record<BlockId, EntryLinks>;
  /** Per block, parallel to its entries: each entry's evidence. */
  evidence: Record<BlockId, EntryEvidence[]>;
}

/**
 * The links of authored content: segments get s1, s2, … in order; each `segmentLinks` item links the entry with
 * that text to the segment with that text (content validation makes sure both exist).
 */
export function linksFromContent(content: CanvasContent): CanvasLinks {
  const entriesOf = (id: BlockId) => content.blocks.find((b) => b.id === id)?.entries ?? [];
  const segments = entriesOf('customer-segments');
  const segmentIds = resolveSegmentIds(segments.map(() => null));
  const links = Object.fromEntries(
    BLOCK_IDS.map((id) => {
      const raw = entriesOf(id).map((entry) =>
        (content.segmentLinks ?? [])
          .filter((l) => l.block === id && l.entry === entry)
          .map((l) => segmentIds[segments.indexOf(l.segment)])
          .filter((s): s is string => s !== undefined),
      );
      return [id, id === 'customer-segments' ? raw.map(() => []) : normaliseLinks(raw, segmentIds)];
    }),
  ) as Record<BlockId, EntryLinks>;
  return { segmentIds, links, evidence: evidenceFromContent(content) };
}

/** The shipped evidence of authored content: what the content's `evidence` backs, the template's claim otherwise. */
export function evidenceFromContent(content: CanvasContent): Record<BlockId, EntryEvidence[]> {
  return Object.fromEntries(
    BLOCK_IDS.map((id) => [
      id,
      (content.blocks.find((b) => b.id === id)?.entries ?? []).map((entry): EntryEvidence => {
        const backed = content.evidence?.find((e) => e.block === id && e.entry === entry);
        return backed ? { status: backed.status, source: backed.source, importance: null } : { ...TEMPLATE_EVIDENCE };
      }),
    ]),
  ) as Record<BlockId, EntryEvidence[]>;
}

export function canvasSegments(entries: Record<BlockId, readonly string[]>, segmentIds: readonly string[]): Segment[] {
  return segmentsOf(entries['customer-segments'], segmentIds);
}

/** A block as a save writes it: new entries and, optionally, new links (or for Customer Segments, ids). */
export interface WrittenBlock {
  id: BlockId;
  entries: readonly string[];
  /** Omitted = carried over from the entries they continue (carryLinks). */
  links?: ReadonlyArray<readonly string[]>;
  /** Customer Segments only; omitted = carried over (carrySegmentIds). */
  segmentIds?: readonly string[];
  /** Omitted = carried over from the entries they continue (carryEvidence). */
  evidence?: readonly EntryEvidence[];
}

/**
 * The segment ids and links of the whole canvas after some blocks are written: given links are taken as they
 * are, missing ones follow their entries; segments that are gone take their links with them everywhere.
 */
export function linksAfterWrite(
  before: {
    entries: Record<BlockId, readonly string[]>;
    segmentIds: readonly string[];
    links: Record<BlockId, EntryLinks>;
    evidence: Record<BlockId, EntryEvidence[]>;
  },
  written: readonly WrittenBlock[],
): CanvasLinks & { entries: Record<BlockId, readonly string[]> } {
  const byId = new Map(written.map((b) => [b.id, b]));
  const segments = byId.get('customer-segments');
  const segmentIds = segments
    ? segments.segmentIds
      ? resolveSegmentIds(segments.segmentIds)
      : carrySegmentIds(before.entries['customer-segments'], before.segmentIds, segments.entries)
    : [...before.segmentIds];
  const links = Object.fromEntries(
    BLOCK_IDS.map((id) => {
      const block = byId.get(id);
      const raw = !block
        ? before.links[id]
        : (block.links ?? carryLinks(before.entries[id], before.links[id], block.entries));
      const entries = block ? block.entries : before.entries[id];
      return [id, id === 'customer-segments' ? entries.map((): string[] => []) : normaliseLinks(raw, segmentIds)];
    }),
  ) as Record<BlockId, EntryLinks>;
  const entries = Object.fromEntries(
    BLOCK_IDS.map((id) => [id, byId.get(id)?.entries ?? before.entries[id]]),
  ) as Record<BlockId, readonly string[]>;
  const evidence = Object.fromEntries(
    BLOCK_IDS.map((id) => {
      const block = byId.get(id);
      const list = !block
        ? before.evidence[id]
        : (block.evidence ?? carryEvidence(before.entries[id], before.evidence[id], block.entries));
      return [id, list.map((e) => ({ ...e }))];
    }),
  ) as Record<BlockId, EntryEvidence[]>;
  return { segmentIds, links, evidence, entries };
}

/**
 * The shipped links of one block of the content, on the canvas as it is now: each shipped segment is found by its
 * text among the current segments (a segment renamed or deleted since gets no link back).
 */
export function shippedLinks(
  content: CanvasContent,
  id: BlockId,
  current: { entries: readonly string[]; ids: readonly string[] },
): EntryLinks {
  const shipped = linksFromContent(content);
  const shippedSegments = content.blocks.find((b) => b.id === 'customer-segments')?.entries ?? [];
  const toCurrent = (sid: string) =>
    current.ids[current.entries.indexOf(shippedSegments[shipped.segmentIds.indexOf(sid)])];
  return normaliseLinks(
    shipped.links[id].map((ids) => ids.map(toCurrent).filter((x): x is string => x !== undefined)),
    current.ids,
  );
}
