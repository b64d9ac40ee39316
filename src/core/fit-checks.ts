/** Fit checks: what a canvas misses to show which value serves whom, one plain sentence each. */
import type { BlockId } from './block-ids';
import type { Segment } from './segments';
import type { EntryEvidence } from './evidence';

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
  /** Per block, parallel to its entries; without it, no evidence checks. */
  evidence?: Partial<Record<BlockId, readonly EntryEvidence[]>>;
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
  if (input.evidence) checks.push(...evidenceChecks(input, linksOf));
  return checks;
}

/**
 * What the canvas claims without evidence: value propositions for a segment that rest on template claims or
 * assumptions only, entries Xiaomi's reporting contradicts, and important entries with no evidence.
 */
function evidenceChecks(input: FitInput, linksOf: (id: BlockId) => ReadonlyArray<readonly string[]>): FitCheck[] {
  const checks: FitCheck[] = [];
  const evidenceOf = (id: BlockId) => (input.entries[id] ?? []).map((_, i) => input.evidence?.[id]?.[i]);
  const vp = evidenceOf('value-propositions');
  for (const segment of input.segments) {
    const serving = vp.filter((_, i) => linksOf('value-propositions')[i].includes(segment.id));
    if (serving.length > 0 && serving.every((e) => e?.status === 'template' || e?.status === 'assumption')) {
      const only = serving.every((e) => e?.status === 'template') ? 'template claims' : 'unverified claims';
      checks.push({
        id: `segment-unverified-value:${segment.id}`,
        message: `Every value proposition for ${segment.text} rests on ${only} only.`,
        blockId: 'value-propositions',
        segmentId: segment.id,
      });
    }
  }
  let unbacked = 0;
  let first: { blockId: BlockId; entryIndex: number } | undefined;
  for (const id of Object.keys(input.entries) as BlockId[]) {
    evidenceOf(id).forEach((e, i) => {
      if (e?.status === 'contradicted')
        checks.push({
          id: `contradicted-${id}:${i}`,
          message: `Xiaomi's reporting contradicts ${quote(input.entries[id]![i])} (${e.source}).`,
          blockId: id,
          entryIndex: i,
        });
      if (e?.importance === 'high' && e.status !== 'reported' && e.status !== 'contradicted') {
        unbacked++;
        first ??= { blockId: id, entryIndex: i };
      }
    });
  }
  if (first)
    checks.push({
      id: 'high-importance-unverified',
      message: `${unbacked} high-importance ${unbacked === 1 ? 'entry has' : 'entries have'} no evidence.`,
      ...first,
    });
  return checks;
}
