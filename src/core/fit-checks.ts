/** Fit checks: what a canvas misses to show which value serves whom, one plain sentence each. */
import type { BlockId } from './block-ids';
import type { Segment } from './segments';

/**
 * Fit checks: what a canvas is missing to show which value serves whom. Pure rules over the segments and the
 * links of the other blocks; each check is one plain sentence.
 */
export interface FitCheck {
  /** Stable for the same finding, e.g. "segment-no-value-propositions:s2". */
  id: string;
  message: string;
  blockId: BlockId;
  segmentId?: string;
  entryIndex?: number;
}

export interface FitInput {
  segments: readonly Segment[];
  entries: Partial<Record<BlockId, readonly string[]>>;
  links: Partial<Record<BlockId, ReadonlyArray<readonly string[]>>>;
}

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

/** Blocks every segment needs at least one linked entry in, with how the sentence names them. */
const SEGMENT_NEEDS: ReadonlyArray<{ block: BlockId; what: string }> = [
  { block: 'value-propositions', what: 'value proposition' },
  { block: 'channels', what: 'channel' },
  { block: 'customer-relationships', what: 'customer relationship' },
];

/** Blocks whose every entry should serve some segment. */
const ENTRY_NEEDS: ReadonlyArray<{ block: BlockId; what: string }> = [
  { block: 'value-propositions', what: 'value proposition' },
  { block: 'channels', what: 'channel' },
  { block: 'revenue-streams', what: 'revenue stream' },
];

/** Blocks whose entries the fit checks read links from: the only blocks where linking an entry to segments counts. */
export const LINKED_BLOCKS: readonly BlockId[] = [
  ...new Set<BlockId>([...SEGMENT_NEEDS, ...ENTRY_NEEDS].map((need) => need.block)),
];

/**
 * Where a check is answered: a segment with no channel is fixed in Channels (by linking a channel to it), not in
 * Customer Segments, where nothing can be linked.
 */
export function fixBlockOf(check: Pick<FitCheck, 'id' | 'blockId'>): BlockId {
  const need = SEGMENT_NEEDS.find(({ block }) => check.id.startsWith(`segment-no-${block}:`));
  return need ? need.block : check.blockId;
}

export function fitChecks(input: FitInput): FitCheck[] {
  const checks: FitCheck[] = [];
  const entriesOf = (id: BlockId) => input.entries[id] ?? [];
  const linksOf = (id: BlockId) => entriesOf(id).map((_, i) => input.links[id]?.[i] ?? []);
  const serves = (id: BlockId, segmentId: string) => linksOf(id).some((ids) => ids.includes(segmentId));

  for (const segment of input.segments) {
    for (const { block, what } of SEGMENT_NEEDS) {
      if (!serves(block, segment.id)) {
        checks.push({
          id: `segment-no-${block}:${segment.id}`,
          message: `The segment ${quote(segment.text)} has no ${what} linked to it.`,
          blockId: 'customer-segments',
          segmentId: segment.id,
          entryIndex: input.segments.indexOf(segment),
        });
      }
    }
  }

  for (const { block, what } of ENTRY_NEEDS) {
    linksOf(block).forEach((ids, i) => {
      if (ids.length === 0) {
        checks.push({
          id: `unlinked-${block}:${i}`,
          message: `The ${what} ${quote(entriesOf(block)[i])} is not linked to any customer segment.`,
          blockId: block,
          entryIndex: i,
        });
      }
    });
  }

  const valueFor = new Set(linksOf('value-propositions').flat());
  linksOf('revenue-streams').forEach((ids, i) => {
    if (ids.length > 0 && !ids.some((id) => valueFor.has(id))) {
      checks.push({
        id: `revenue-without-value:${i}`,
        message: `The revenue stream ${quote(entriesOf('revenue-streams')[i])} comes from segments no value proposition serves.`,
        blockId: 'revenue-streams',
        entryIndex: i,
      });
    }
  });
  return checks;
}
