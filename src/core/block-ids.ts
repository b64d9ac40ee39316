/** The nine building blocks of the Business Model Canvas, in canonical reading order. */
export const BLOCK_IDS = [
  'key-partners',
  'key-activities',
  'key-resources',
  'value-propositions',
  'customer-relationships',
  'channels',
  'customer-segments',
  'cost-structure',
  'revenue-streams',
] as const;

export type BlockId = (typeof BLOCK_IDS)[number];

export const BLOCK_TITLES: Record<BlockId, string> = {
  'key-partners': 'Key Partners',
  'key-activities': 'Key Activities',
  'key-resources': 'Key Resources',
  'value-propositions': 'Value Propositions',
  'customer-relationships': 'Customer Relationships',
  channels: 'Channels',
  'customer-segments': 'Customer Segments',
  'cost-structure': 'Cost Structure',
  'revenue-streams': 'Revenue Streams',
};

export function isBlockId(value: unknown): value is BlockId {
  return typeof value === 'string' && (BLOCK_IDS as readonly string[]).includes(value);
}
