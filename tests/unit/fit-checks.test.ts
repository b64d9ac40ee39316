import { fitChecks } from '../../src/core/fit-checks';
import { linksFromContent, canvasSegments } from '../../src/core/canvas-links';
import type { BlockId } from '../../src/core/block-ids';
import { CONTENT } from '../support/content';

const segments = [
  { id: 's1', text: 'Students', color: '#1565c0' },
  { id: 's2', text: 'Families', color: '#c62828' },
];

/** A canvas where both segments are fully served. */
function served() {
  return {
    segments,
    entries: {
      'value-propositions': ['Cheap', 'Safe'],
      channels: ['Web', 'Shops'],
      'customer-relationships': ['Forum'],
      'revenue-streams': ['Sales'],
    } as Partial<Record<BlockId, string[]>>,
    links: {
      'value-propositions': [['s1'], ['s2']],
      channels: [['s1'], ['s2']],
      'customer-relationships': [['s1', 's2']],
      'revenue-streams': [['s1', 's2']],
    } as Partial<Record<BlockId, string[][]>>,
  };
}

describe('fit checks', () => {
  test('a canvas where every segment is served and everything is linked has none', () => {
    expect(fitChecks(served())).toEqual([]);
  });

  test('a segment with no value proposition, no channel or no customer relationship', () => {
    const input = served();
    input.links['value-propositions'] = [['s1'], ['s1']];
    input.links.channels = [['s1'], ['s1']];
    input.links['customer-relationships'] = [['s1']];
    input.links['revenue-streams'] = [['s1']];
    expect(fitChecks(input)).toEqual([
      {
        id: 'segment-no-value-propositions:s2',
        message: 'The segment “Families” has no value proposition linked to it.',
        blockId: 'customer-segments',
        segmentId: 's2',
        entryIndex: 1,
      },
      {
        id: 'segment-no-channels:s2',
        message: 'The segment “Families” has no channel linked to it.',
        blockId: 'customer-segments',
        segmentId: 's2',
        entryIndex: 1,
      },
      {
        id: 'segment-no-customer-relationships:s2',
        message: 'The segment “Families” has no customer relationship linked to it.',
        blockId: 'customer-segments',
        segmentId: 's2',
        entryIndex: 1,
      },
    ]);
  });

  test('a value proposition, channel or revenue stream linked to no segment', () => {
    const input = served();
    input.entries['value-propositions'] = ['Cheap', 'Safe', 'Shiny'];
    input.links['value-propositions'] = [['s1'], ['s2'], []];
    input.entries.channels = ['Web', 'Shops', 'Fax'];
    input.links.channels = [['s1'], ['s2'], []];
    input.entries['revenue-streams'] = ['Sales', 'Ads'];
    input.links['revenue-streams'] = [['s1'], []];
    expect(fitChecks(input).map((c) => [c.blockId, c.entryIndex, c.message])).toEqual([
      ['value-propositions', 2, 'The value proposition “Shiny” is not linked to any customer segment.'],
      ['channels', 2, 'The channel “Fax” is not linked to any customer segment.'],
      ['revenue-streams', 1, 'The revenue stream “Ads” is not linked to any customer segment.'],
    ]);
  });

  test('a revenue stream from segments no value proposition serves', () => {
    const input = served();
    input.links['value-propositions'] = [['s1'], ['s1']];
    input.links['revenue-streams'] = [['s2']];
    const check = fitChecks(input).find((c) => c.id.startsWith('revenue-without-value'));
    expect(check).toEqual({
      id: 'revenue-without-value:0',
      message: 'The revenue stream “Sales” comes from segments no value proposition serves.',
      blockId: 'revenue-streams',
      entryIndex: 0,
    });
  });

  test('every message is one plain sentence', () => {
    const { segmentIds, links } = linksFromContent(CONTENT);
    const entries = Object.fromEntries(CONTENT.blocks.map((b) => [b.id, b.entries])) as Record<BlockId, string[]>;
    const checks = fitChecks({ segments: canvasSegments(entries, segmentIds), entries, links });
    expect(checks.length).toBeGreaterThan(0);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    for (const c of checks) expect(c.message).toMatch(/^The [^\n]+\.$/);
  });
});
