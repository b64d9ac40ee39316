/**
 * Issue 19, item 3: each entry's evidence visible on the canvas sheet, to teammates without the add-on too. The
 * marker cell beside an entry starts with its status's symbol; a symbol typed there by hand is read back as the
 * status; canvases from before the symbols (numbers only) read as they did; a save repaints stale markers.
 */
import { BLOCK_IDS, type BlockId } from '../../src/core/block-ids';
import { planBlockWrites, type BlockContent, type BlockWriteRead } from '../../src/core/block-write-plan';
import { blockArea, markerColumnOf } from '../../src/core/canvas-layout';
import { buildCanvasPlan } from '../../src/core/canvas-plan';
import { readCanvasGrid } from '../../src/core/canvas-read';
import { buildDetailsPlan } from '../../src/core/details-plan';
import { readDetailsGrid } from '../../src/core/details-read';
import { EVIDENCE_STATUSES } from '../../src/core/evidence';
import {
  EVIDENCE_LEGEND,
  EVIDENCE_MARKS,
  evidenceLegendRuns,
  markerCell,
  markerColumn,
  markerStatus,
  segmentChip,
} from '../../src/core/segment-markers';
import { contrastRatio, SEGMENT_TEXT_COLOR } from '../../src/core/segment-palette';
import { segmentColor } from '../../src/core/segments';
import { CONTENT } from '../support/content';

const GREEN = EVIDENCE_MARKS.reported[1];

describe('the evidence symbol in a marker cell', () => {
  test('comes first, as its own bold run in its status’s colour, then the segment numbers in theirs', () => {
    expect(markerCell(['s3', 's12'], 'reported')).toEqual({
      value: '✓ 3 12',
      background: '#ffffff',
      fontColor: '#202124',
      runs: [
        { start: 0, end: 1, color: GREEN, bold: true },
        { start: 2, end: 3, color: segmentColor('s3'), bold: true },
        { start: 4, end: 6, color: segmentColor('s12'), bold: true },
      ],
    });
    // an entry that serves no segment still shows its evidence
    expect(markerCell([], 'template')).toMatchObject({ value: '◆', runs: [{ start: 0, end: 1 }] });
    // without a status (no entry on the row), as before
    expect(markerCell([]).value).toBe('');
    expect(markerCell(['s2']).value).toBe('2');
  });

  test('in Customer Segments’ chips, symbol and number in white on the segment’s colour', () => {
    expect(segmentChip('s2', 'assumption')).toEqual({
      value: '? 2',
      background: segmentColor('s2'),
      fontColor: SEGMENT_TEXT_COLOR,
      runs: [{ start: 0, end: 3, color: SEGMENT_TEXT_COLOR, bold: true }],
    });
  });

  test('a block’s column: each entry’s row gets its own evidence, blank rows stay blank', () => {
    const cells = markerColumn(4, [10, 12], 10, [['s1'], []], false, [
      { status: 'contradicted', source: 'x', importance: null },
      { status: 'assumption', source: '', importance: 'high' },
    ]);
    expect(cells.map((c) => c.value)).toEqual(['✗ 1', '', '?', '']);
  });

  test('four shapes told apart without colour, each one character, in four colours at WCAG AA on white', () => {
    const marks = EVIDENCE_STATUSES.map((s) => EVIDENCE_MARKS[s]);
    expect(new Set(marks.map(([symbol]) => symbol)).size).toBe(4);
    expect(new Set(marks.map(([, colour]) => colour)).size).toBe(4);
    for (const [symbol, colour] of marks) {
      // one UTF-16 unit: the Assumptions sheet reads it with LEFT()
      expect(symbol).toHaveLength(1);
      expect(/\d|\s/.test(symbol)).toBe(false);
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('the legend names every symbol, each in the colour it has beside the entries, short enough for the first screen', () => {
    const runs = evidenceLegendRuns();
    expect(
      runs.map((r) => [EVIDENCE_LEGEND.slice(r.start, r.end), r.color]).sort(([a], [b]) => a.localeCompare(b)),
    ).toEqual(EVIDENCE_STATUSES.map((s) => [...EVIDENCE_MARKS[s]]).sort(([a], [b]) => a.localeCompare(b)));
    expect(runs.every((r) => r.bold)).toBe(true);
    // from column F, 9 pt: at most 64 characters end before 900 px (tests/integration/presentation.test.ts)
    expect(EVIDENCE_LEGEND.length).toBeLessThanOrEqual(64);
  });
});

describe('reading a marker', () => {
  test('its first symbol, when the legend knows it, is the status; numbers only (older canvases) or another symbol: none', () => {
    expect(markerStatus('✓ 1 3')).toBe('reported');
    expect(markerStatus('  ✗')).toBe('contradicted');
    expect(markerStatus('◆ 12')).toBe('template');
    expect(markerStatus('?')).toBe('assumption');
    expect(markerStatus('1 3')).toBeNull();
    expect(markerStatus('')).toBeNull();
    expect(markerStatus('! 2')).toBeNull();
    expect(markerStatus('x')).toBeNull();
  });
});

/** The canvas as inserted, as a grid of values, with a way to type into a block's marker cells. */
function insertedGrid() {
  const { plan, layout } = buildCanvasPlan(CONTENT, 1);
  const values = plan.values.map((row) => [...row]);
  const marker = (id: BlockId, index: number) => {
    const area = blockArea(layout, id);
    return { row: area.firstEntryRow + index - 1, column: markerColumnOf(area) - 1 };
  };
  const type = (id: BlockId, index: number, text: string) => {
    const { row, column } = marker(id, index);
    values[row][column] = text;
  };
  const text = (id: BlockId, index: number) => String(values[marker(id, index).row][marker(id, index).column]);
  return { values, type, text, read: () => readCanvasGrid(values, 'Xiaomi Canvas') };
}

describe('a teammate’s hand on the markers', () => {
  test('a typed symbol sets that entry’s status and keeps its source and importance; an unknown one keeps the stored status', () => {
    const grid = insertedGrid();
    const before = grid.read();
    const reported = before.evidence['revenue-streams'].findIndex((e) => e.status === 'reported');
    const template = before.evidence['revenue-streams'].findIndex((e) => e.status === 'template');
    grid.type('revenue-streams', reported, '✗ 2');
    grid.type('revenue-streams', template, '?');
    grid.type('key-partners', 0, '! 1');
    const after = grid.read();
    expect(after.evidence['revenue-streams'][reported]).toEqual({
      ...before.evidence['revenue-streams'][reported],
      status: 'contradicted',
    });
    expect(after.evidence['revenue-streams'][template]).toEqual({ status: 'assumption', source: '', importance: null });
    expect(after.evidence['key-partners']).toEqual(before.evidence['key-partners']);
    expect(after.links).toEqual(before.links);
  });

  test('markers from before the symbols (numbers only) read the same statuses and links', () => {
    const grid = insertedGrid();
    const before = grid.read();
    for (const id of BLOCK_IDS)
      before.entries[id].forEach((_, i) => grid.type(id, i, grid.text(id, i).replace(/^[✓✗◆?] ?/, '')));
    const after = grid.read();
    expect(after.evidence).toEqual(before.evidence);
    expect(after.links).toEqual(before.links);
    expect(after.segmentIds).toEqual(before.segmentIds);
  });
});

describe('a save repaints markers', () => {
  const details = () => readDetailsGrid(buildDetailsPlan(CONTENT, 1).plan.values, 'Xiaomi Details');
  const content = (read: BlockWriteRead, id: BlockId): BlockContent => ({
    id,
    entries: read.canvas.entries[id],
    figures: read.details[id].figures.map((f) => f.figure),
  });

  test('of every block whose markers no longer say what they should; a canvas as inserted needs none', () => {
    const grid = insertedGrid();
    const fresh: BlockWriteRead = { canvas: grid.read(), details: details() };
    expect(planBlockWrites(fresh, [content(fresh, 'channels')]).steps).toEqual([]);
    grid.type('key-partners', 0, grid.text('key-partners', 0).replace(/^[✓✗◆?] ?/, ''));
    grid.type('revenue-streams', 1, '✗');
    const read: BlockWriteRead = { canvas: grid.read(), details: details() };
    const steps = planBlockWrites(read, [content(read, 'channels')]).steps;
    const markers = steps.flatMap((s) => (s.kind === 'markers' ? [s] : []));
    expect(markers.map((s) => s.id)).toEqual(['key-partners', 'revenue-streams']);
    expect(markers[0].cells[0].value).toMatch(/^[✓◆]/);
    expect(markers[1].cells[1].value).toMatch(/^✗/);
  });

  test('a canvas from before the symbols (no legend beside the title) gets the legend with them, once', () => {
    const grid = insertedGrid();
    grid.values[0][5] = '';
    for (const id of BLOCK_IDS)
      grid.read().entries[id].forEach((_, i) => grid.type(id, i, grid.text(id, i).replace(/^[✓✗◆?] ?/, '')));
    const read: BlockWriteRead = { canvas: grid.read(), details: details() };
    const kinds = planBlockWrites(read, [content(read, 'channels')]).steps.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'markers')).toHaveLength(BLOCK_IDS.length);
    expect(kinds.filter((k) => k === 'legend')).toEqual(['legend']);
    // a teammate's own text there is left alone
    grid.values[0][5] = 'Our notes';
    const noted: BlockWriteRead = { canvas: grid.read(), details: details() };
    expect(planBlockWrites(noted, [content(noted, 'channels')]).steps.map((s) => s.kind)).not.toContain('legend');
  });

  test('an evidence change repaints that block’s markers', () => {
    const grid = insertedGrid();
    const read: BlockWriteRead = { canvas: grid.read(), details: details() };
    const channels = content(read, 'channels');
    const evidence = read.canvas.evidence.channels.map((e, i) =>
      i === 0 ? { ...e, status: 'assumption' as const } : e,
    );
    const steps = planBlockWrites(read, [{ ...channels, evidence }]).steps;
    const markers = steps.flatMap((s) => (s.kind === 'markers' ? [s] : []));
    expect(markers.map((s) => [s.id, s.cells[0].value[0]])).toEqual([['channels', '?']]);
  });
});
