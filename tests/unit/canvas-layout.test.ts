import { BLOCK_IDS, type BlockId } from '../../src/core/block-ids';
import {
  blockArea,
  computeCanvasLayout,
  entryCapacity,
  growthFor,
  layoutFromMarkers,
  layoutMarkers,
  shiftLayout,
} from '../../src/core/canvas-layout';

const counts = (n: number) => Object.fromEntries(BLOCK_IDS.map((id) => [id, n])) as Record<BlockId, number>;

describe('canvas layout', () => {
  const layout = computeCanvasLayout(counts(8));

  test('places the blocks in the canonical Business Model Canvas arrangement', () => {
    const at = (id: BlockId) => blockArea(layout, id);
    // top band, left to right
    expect(
      [
        at('key-partners'),
        at('key-activities'),
        at('value-propositions'),
        at('customer-relationships'),
        at('customer-segments'),
      ].map((a) => a.column),
    ).toEqual([2, 4, 6, 8, 10]);
    expect(at('key-activities').titleRow).toBe(at('key-partners').titleRow);
    // Key Resources under Key Activities, Channels under Customer Relationships
    expect(at('key-resources').column).toBe(at('key-activities').column);
    expect(at('key-resources').titleRow).toBeGreaterThan(at('key-activities').lastEntryRow);
    expect(at('channels').column).toBe(at('customer-relationships').column);
    expect(at('channels').titleRow).toBe(at('key-resources').titleRow);
    // tall blocks span the whole top band
    expect(at('key-partners').lastEntryRow).toBe(at('key-resources').lastEntryRow);
    // bottom band: two halves on a column boundary
    expect(at('cost-structure')).toMatchObject({ column: 2, numColumns: 5 });
    expect(at('revenue-streams')).toMatchObject({ column: 7, numColumns: 5 });
    expect(at('cost-structure').titleRow).toBeGreaterThan(at('key-partners').lastEntryRow);
  });

  test('every area holds its entries plus a spare row', () => {
    for (const id of BLOCK_IDS) expect(entryCapacity(blockArea(layout, id))).toBeGreaterThanOrEqual(9);
  });

  test('reads back from its markers, also after rows were inserted above', () => {
    const column = Array<string>(80).fill('');
    for (const { row, marker } of layoutMarkers(layout)) column[row - 1] = marker;
    expect(layoutFromMarkers(column)).toEqual(layout);
    const shifted = ['', '', ...column];
    expect(layoutFromMarkers(shifted)).toEqual(shiftLayout(layout, 1, 2));
  });

  test('a missing marker means a damaged canvas', () => {
    const column = Array<string>(80).fill('');
    for (const { row, marker } of layoutMarkers(layout)) if (marker !== 'top-split') column[row - 1] = marker;
    expect(layoutFromMarkers(column)).toBeNull();
  });

  test('growing a block inserts just the missing rows before its last entry row', () => {
    const area = blockArea(layout, 'key-activities');
    expect(growthFor(layout, 'key-activities', entryCapacity(area))).toBeNull();
    const growth = growthFor(layout, 'key-activities', entryCapacity(area) + 3)!;
    expect(growth).toEqual({ beforeRow: area.lastEntryRow, rows: 3 });
    const after = shiftLayout(layout, growth.beforeRow, growth.rows);
    expect(entryCapacity(blockArea(after, 'key-activities'))).toBe(entryCapacity(area) + 3);
    expect(entryCapacity(blockArea(after, 'key-resources'))).toBe(entryCapacity(blockArea(layout, 'key-resources')));
  });
});
