import type { EntryEvidence } from '../../src/core/evidence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK_IDS, type BlockId } from '../../src/core/block-ids';
import { linksAfterWrite, linksFromContent } from '../../src/core/canvas-links';
import { canvasContentSchema } from '../../src/core/content-schema';
import { carryLinks, checkLinks, normaliseLinks } from '../../src/core/entry-links';
import { linkColumn, parseRowStore } from '../../src/core/link-store';
import { computeCanvasLayout, layoutFromMarkers } from '../../src/core/canvas-layout';
import { SEGMENT_PALETTE, SEGMENT_TEXT_COLOR, contrastRatio } from '../../src/core/segment-palette';
import { markerCell } from '../../src/core/segment-markers';
import { carrySegmentIds, matchEntries, newSegmentId, resolveSegmentIds, segmentColor } from '../../src/core/segments';
import { CONTENT } from '../support/content';

const ROOT = join(__dirname, '..', '..');

describe('segment colours', () => {
  test('every colour carries white text at WCAG AA (4.5:1) and stands out from white paper (3:1)', () => {
    for (const color of SEGMENT_PALETTE) {
      expect({ color, text: contrastRatio(color, SEGMENT_TEXT_COLOR) >= 4.5 }).toEqual({ color, text: true });
      expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(3);
    }
  });

  test('the colours are distinct: no two are alike in hue and lightness', () => {
    const lab = (hex: string) => {
      const lin = (i: number) => {
        const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      const [r, g, b] = [lin(0), lin(1), lin(2)];
      const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
      const [x, y, z] = [
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
      ].map(f);
      return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
    };
    const colors = [...SEGMENT_PALETTE];
    expect(new Set(colors).size).toBe(colors.length);
    for (let i = 0; i < colors.length; i++)
      for (let j = i + 1; j < colors.length; j++) {
        const [a, b] = [lab(colors[i]), lab(colors[j])];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        expect({ pair: [colors[i], colors[j]], far: distance > 20 }).toEqual({
          pair: [colors[i], colors[j]],
          far: true,
        });
      }
  });

  test('a segment keeps the colour of its id; new segments take a colour nobody has while there are colours left', () => {
    expect(segmentColor('s1')).toBe(SEGMENT_PALETTE[0]);
    expect(segmentColor(`s${SEGMENT_PALETTE.length + 1}`)).toBe(SEGMENT_PALETTE[0]);
    expect(newSegmentId(['s1', 's2', 's4'])).toBe('s3');
    const ids = resolveSegmentIds(Array(SEGMENT_PALETTE.length).fill(null));
    expect(new Set(ids.map(segmentColor)).size).toBe(SEGMENT_PALETTE.length);
  });

  test('a marker cell names the segments by their numbers, each number in its own segment’s colour', () => {
    expect(markerCell(['s3', 's12'])).toEqual({
      value: '3 12',
      background: '#ffffff',
      fontColor: '#202124',
      runs: [
        { start: 0, end: 1, color: segmentColor('s3'), bold: true },
        { start: 2, end: 4, color: segmentColor('s12'), bold: true },
      ],
    });
    expect(markerCell([]).value).toBe('');
  });
});

describe('segment ids are stable', () => {
  const before = ['Tech enthusiasts', 'Value-conscious consumers', 'Young professionals'];
  const ids = ['s1', 's2', 's3'];

  test('renaming an entry keeps its id', () => {
    expect(carrySegmentIds(before, ids, ['Tech fans', 'Value-conscious consumers', 'Young professionals'])).toEqual(
      ids,
    );
  });

  test('reordering keeps every id with its text', () => {
    expect(carrySegmentIds(before, ids, [before[2], before[0], before[1]])).toEqual(['s3', 's1', 's2']);
  });

  test('a new segment gets a fresh id; a deleted one takes its id along (not handed to a new one elsewhere)', () => {
    expect(carrySegmentIds(before, ids, [...before, 'Gamers'])).toEqual([...ids, 's4']);
    expect(carrySegmentIds(before, ids, [before[0], before[2], 'Gamers'])).toEqual(['s1', 's3', 's4']);
  });

  test('ids read from the sheet: a copied id is not shared, a row a teammate typed gets a fresh one', () => {
    expect(resolveSegmentIds(['s2', 's2', null, 'junk'])).toEqual(['s2', 's1', 's3', 's4']);
    // an id still named by links (its segment was deleted by hand) is never handed to a new segment
    expect(resolveSegmentIds(['s1', null], ['s2'])).toEqual(['s1', 's3']);
  });

  test('ids stored with the rows survive rows inserted anywhere', () => {
    const layout = computeCanvasLayout(Object.fromEntries(BLOCK_IDS.map((id) => [id, 3])) as Record<BlockId, number>);
    const column = linkColumn(layout, [
      { id: 'customer-segments', rows: [6, 7, 8], links: [[], [], []], segmentIds: ['s1', 's2', 's3'] },
      { id: 'value-propositions', rows: [6, 7], links: [['s2'], ['s1', 's3']] },
    ]);
    const values = Array<string>(column.firstRow - 1).fill('');
    for (const [v] of column.values) values.push(v.replace(/^'/, ''));
    const shifted = [...values.slice(0, 7), '', '', ...values.slice(7)]; // two rows inserted before row 8
    expect(layoutFromMarkers(shifted)).not.toBeNull();
    expect(parseRowStore(shifted[5])).toEqual({ 'value-propositions': ['s2'], 'customer-segments': 's1' });
    expect(parseRowStore(shifted[9])).toEqual({ 'customer-segments': 's3' });
    expect(parseRowStore('links:{not json')).toEqual({});
    expect(parseRowStore('links:{"customer-segments":"=1","channels":["s1",3]}')).toEqual({ channels: ['s1'] });
  });
});

describe('links', () => {
  test('match entries: same text anywhere, else edited in place', () => {
    expect(matchEntries(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual([2, 0, 1]);
    expect(matchEntries(['a', 'b', 'c'], ['a', 'B!', 'c'])).toEqual([0, 1, 2]);
    expect(matchEntries(['a', 'b', 'c'], ['a', 'c', 'new'])).toEqual([0, 2, -1]);
  });

  test('without new links, links stay with their entries when entries are edited, moved, merged or deleted', () => {
    const links = [['s1'], ['s2'], []];
    expect(carryLinks(['a', 'b', 'c'], links, ['a edited', 'b', 'c'])).toEqual([['s1'], ['s2'], []]);
    expect(carryLinks(['a', 'b', 'c'], links, ['b', 'c', 'a'])).toEqual([['s2'], [], ['s1']]);
    expect(carryLinks(['a', 'b', 'c'], links, ['c', 'a'])).toEqual([[], ['s1']]);
    expect(carryLinks(['a', 'b', 'c'], links, ['a', 'x', 'b', 'c'])).toEqual([['s1'], [], ['s2'], []]);
  });

  test('links keep known segments only, once each, in the order of Customer Segments', () => {
    expect(normaliseLinks([['s3', 's1', 's3', 's9']], ['s1', 's2', 's3'])).toEqual([['s1', 's3']]);
  });

  test('given links are checked: one list per entry, known segments, none on Customer Segments', () => {
    expect(() => checkLinks('channels', [['s1'], []], 2, ['s1'])).not.toThrow();
    expect(() => checkLinks('channels', [['s1']], 2, ['s1'])).toThrow(
      'Invalid save request: links must have one list per entry (2), not 1.',
    );
    expect(() => checkLinks('channels', [['s1'], ['s7']], 2, ['s1'])).toThrow(
      'Invalid save request: links[1] names an unknown segment "s7".',
    );
    expect(() => checkLinks('customer-segments', [['s1']], 1, ['s1'])).toThrow(/cannot be linked/);
  });

  test('deleting a segment removes its links everywhere', () => {
    const before = {
      entries: {
        ...(Object.fromEntries(BLOCK_IDS.map((id) => [id, []])) as unknown as Record<BlockId, string[]>),
        'customer-segments': ['A', 'B'],
        channels: ['Web', 'Shops'],
      },
      segmentIds: ['s1', 's2'],
      links: {
        ...(Object.fromEntries(BLOCK_IDS.map((id) => [id, []])) as unknown as Record<BlockId, string[][]>),
        'customer-segments': [[], []],
        channels: [['s1', 's2'], ['s2']],
      },
      evidence: Object.fromEntries(BLOCK_IDS.map((id) => [id, []])) as unknown as Record<BlockId, EntryEvidence[]>,
    };
    const after = linksAfterWrite(before, [{ id: 'customer-segments', entries: ['A'] }]);
    expect(after.segmentIds).toEqual(['s1']);
    expect(after.links.channels).toEqual([['s1'], []]);
  });
});

describe('shipped links', () => {
  const source = readFileSync(join(ROOT, 'content/seed/xiaomi-business-model-canvas.txt'), 'utf8');

  test('every link is justified by a quote from the source text', () => {
    const links = CONTENT.segmentLinks ?? [];
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const link of links) expect({ link, quoted: source.includes(link.because) }).toEqual({ link, quoted: true });
  });

  test('links name existing entries and segments (content validation refuses others)', () => {
    expect(canvasContentSchema.safeParse(CONTENT).success).toBe(true);
    const bad = {
      ...CONTENT,
      segmentLinks: [{ block: 'channels', entry: 'Carrier pigeons', segment: 'Tech enthusiasts', because: 'x' }],
    };
    expect(canvasContentSchema.safeParse(bad).success).toBe(false);
  });

  test('affordable pricing serves value-conscious consumers and emerging markets; the EV entries serve early EV adopters', () => {
    const { segmentIds, links } = linksFromContent(CONTENT);
    const segments = CONTENT.blocks[6].entries;
    const named = (block: BlockId, entry: string) => {
      const i = CONTENT.blocks.find((b) => b.id === block)!.entries.indexOf(entry);
      return links[block][i].map((id) => segments[segmentIds.indexOf(id)]);
    };
    expect(named('value-propositions', 'High quality at affordable prices')).toEqual([
      'Value-conscious consumers',
      'Buyers in emerging markets',
    ]);
    expect(named('value-propositions', 'Expanding into electric vehicles')).toEqual(['Early EV adopters']);
    expect(named('revenue-streams', 'SU7 electric vehicle sales')).toEqual(['Early EV adopters']);
  });
});
