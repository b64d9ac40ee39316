import type { BlockView, CanvasView, CellProblem } from '../../src/core/view';
import { columnLetter } from '../../src/core/a1';
import { loadBundle } from '../support/bundle';
import { thrown } from '../support/thrown';

/**
 * Teammates' typing never breaks the add-on (issue 17, item 6): text, a blank or a stray number in a cell the add-on
 * reads leaves every block working; the cell is named (sheet, A1, what it holds) in the view, and fixing it clears it.
 */

type Bundle = ReturnType<typeof loadBundle>;

function ready(): Bundle {
  const b = loadBundle();
  b.call('insertXiaomiCanvas');
  return b;
}

/** The details sheet's value cell of a block's first figure, as A1. */
function valueCell(b: Bundle, block: BlockView): string {
  const values = b.fake.direct.values('Xiaomi Details');
  const row = values.findIndex((r) => r.includes(block.figures[0].label));
  const column = values[row].findIndex((c) => c === block.figures[0].value);
  return `${columnLetter(column + 1)}${row + 1}`;
}

const withFigures = (canvas: CanvasView) => canvas.blocks.find((b) => b.figures.length > 1)!;

describe('a figure value a teammate typed as text', () => {
  test('the canvas and the block name the cell and what it holds; every block stays readable', () => {
    const b = ready();
    const block = withFigures(b.call<CanvasView>('getCanvas'));
    const cell = valueCell(b, block);
    b.fake.direct.setCell('Xiaomi Details', cell, '35 bn');

    const canvas = b.call<CanvasView>('getCanvas');
    expect(canvas.blocks).toHaveLength(9);
    const read = canvas.blocks.find((x) => x.id === block.id)!;
    const problem: CellProblem = { sheet: 'Xiaomi Details', cell, found: '35 bn', expected: 'number', figure: 0 };
    expect(read.problems).toEqual([problem]);
    // The value crosses as null (no number to send); every other figure and the entries are as they were.
    expect(read.figures[0].value).toBeNull();
    expect(read.figures.slice(1)).toEqual(block.figures.slice(1));
    expect(read.entries).toEqual(block.entries);
    for (const other of canvas.blocks.filter((x) => x.id !== block.id)) expect(other.problems).toBeUndefined();
    expect(b.call<BlockView>('getBlock', { blockId: block.id }).problems).toEqual([problem]);
  });

  test('a blank value is named too; a number typed as text ("1,234.5") is simply a number', () => {
    const b = ready();
    const block = withFigures(b.call<CanvasView>('getCanvas'));
    const cell = valueCell(b, block);
    b.fake.direct.setCell('Xiaomi Details', cell, null);
    expect(b.call<BlockView>('getBlock', { blockId: block.id }).problems).toEqual([
      { sheet: 'Xiaomi Details', cell, found: '', expected: 'number', figure: 0 },
    ]);
    b.fake.direct.setCell('Xiaomi Details', cell, "'1,234.5");
    const fixed = b.call<BlockView>('getBlock', { blockId: block.id });
    expect(fixed.problems).toBeUndefined();
    expect(fixed.figures[0].value).toBe(1234.5);
  });

  test('fixing the cell clears the problem at the next read', () => {
    const b = ready();
    const block = withFigures(b.call<CanvasView>('getCanvas'));
    const cell = valueCell(b, block);
    b.fake.direct.setCell('Xiaomi Details', cell, '35 bn');
    expect(b.call<BlockView>('getBlock', { blockId: block.id }).problems).toHaveLength(1);
    b.fake.direct.setCell('Xiaomi Details', cell, 35);
    const canvas = b.call<CanvasView>('getCanvas');
    expect(canvas.blocks.every((x) => x.problems === undefined)).toBe(true);
    expect(canvas.blocks.find((x) => x.id === block.id)!.figures[0].value).toBe(35);
  });

  test('the other blocks save; the block itself saves from its loaded base once the value is a number again', () => {
    const b = ready();
    const block = withFigures(b.call<CanvasView>('getCanvas'));
    const cell = valueCell(b, block);
    b.fake.direct.setCell('Xiaomi Details', cell, '35 bn');
    const canvas = b.call<CanvasView>('getCanvas');
    const other = canvas.blocks.find((x) => x.id !== block.id && x.id !== 'customer-segments')!;
    const savedOther = b.call<BlockView>('saveBlock', {
      blockId: other.id,
      version: other.version,
      entries: [...other.entries, 'Added while a teammate had typed text in a figure'],
      figures: other.figures,
    });
    expect(savedOther.entries.at(-1)).toBe('Added while a teammate had typed text in a figure');

    // The sidebar sends the block as loaded (the unread value as null) as the base, with the value fixed.
    const loaded = canvas.blocks.find((x) => x.id === block.id)!;
    const figures = loaded.figures.map((f, i) => ({ ...f, value: i === 0 ? 35 : f.value }));
    const request = {
      blockId: loaded.id,
      version: loaded.version,
      entries: loaded.entries,
      figures,
      base: { entries: loaded.entries, figures: loaded.figures },
    };
    const saved = b.call<BlockView>('saveBlock', request);
    expect(saved.figures[0].value).toBe(35);
    expect(saved.problems).toBeUndefined();
    expect(b.fake.direct.values('Xiaomi Details').flat()).toContain(35);
  });

  test('fit checks and Refresh Key Figures keep working; a snapshot or export asks for the number in one line', () => {
    const b = ready();
    const block = withFigures(b.call<CanvasView>('getCanvas'));
    b.fake.direct.setCell('Xiaomi Details', valueCell(b, block), '35 bn');
    expect(Array.isArray(b.call('getFitChecks'))).toBe(true);
    b.call('refreshKeyFigures');
    expect(b.fake.ui.alerts).toEqual([]);
    const asks = new RegExp(`${block.title} figure "${block.figures[0].label}" has no numeric value`);
    expect(thrown(() => b.call('saveSnapshot', { label: 'with text' }))).toMatch(asks);
    expect(thrown(() => b.call('exportCanvasJson'))).toMatch(asks);
    expect(b.call<unknown[]>('listSnapshots')).toEqual([]);
  });
});

describe('the Key Figures settings a teammate typed over', () => {
  test('text in the rate and a blank tolerance are named with their setting; fixing them clears both', () => {
    const b = ready();
    const names = b.fake.direct.namedRanges();
    const rate = names.find((n) => /rate/i.test(n.name) && n.sheet !== null)! as { sheet: string; a1: string };
    expect(rate).toBeDefined();
    const at = /([A-Z]+)(\d+)/.exec(rate.a1)!;
    const rateCell = `${at[1]}${at[2]}`;
    const toleranceCell = `${at[1]}${Number(at[2]) + 1}`;
    const before = b.fake.direct.values(rate.sheet);
    b.fake.direct.setCell(rate.sheet, rateCell, 'about 0.14');
    b.fake.direct.setCell(rate.sheet, toleranceCell, null);

    const canvas = b.call<CanvasView>('getCanvas');
    expect(canvas.problems).toEqual([
      { sheet: rate.sheet, cell: rateCell, found: 'about 0.14', expected: 'number', setting: 'rate' },
      { sheet: rate.sheet, cell: toleranceCell, found: '', expected: 'number', setting: 'tolerance' },
    ]);
    expect(canvas.blocks).toHaveLength(9);

    const [r, c] = [Number(at[2]) - 1, at[1].charCodeAt(0) - 65];
    b.fake.direct.setCell(rate.sheet, rateCell, before[r][c]);
    b.fake.direct.setCell(rate.sheet, toleranceCell, before[r + 1][c]);
    expect(b.call<CanvasView>('getCanvas').problems).toBeUndefined();
  });
});

describe('other cells a teammate may type into', () => {
  test('a stray number in a unit and text over a segment marker leave every block as it was', () => {
    const b = ready();
    const before = b.call<CanvasView>('getCanvas');
    const block = withFigures(before);
    const values = b.fake.direct.values('Xiaomi Details');
    const row = values.findIndex((r) => r.includes(block.figures[0].label));
    const unitColumn = values[row].findIndex((c) => c === block.figures[0].unit);
    b.fake.direct.setCell('Xiaomi Details', `${columnLetter(unitColumn + 1)}${row + 1}`, 35);
    const canvasValues = b.fake.direct.values('Xiaomi Canvas');
    // a marker naming two segments, after its entry's evidence symbol (issue 19)
    const twoSegments = /^(?:[✓✗◆?] )?\d+( \d+)+$/;
    const markerRow = canvasValues.findIndex((r) => r.some((c, i) => i > 0 && twoSegments.test(String(c))));
    const markerColumn = canvasValues[markerRow].findIndex((c, i) => i > 0 && twoSegments.test(String(c)));
    expect(markerRow).toBeGreaterThan(0);
    b.fake.direct.setCell('Xiaomi Canvas', `${columnLetter(markerColumn + 1)}${markerRow + 1}`, 'see Channels');

    const after = b.call<CanvasView>('getCanvas');
    expect(after.blocks.every((x) => x.problems === undefined)).toBe(true);
    const read = after.blocks.find((x) => x.id === block.id)!;
    expect(read.figures[0]).toMatchObject({ value: block.figures[0].value, unit: '35' });
    // Links live in the hidden column, not in the marker a teammate typed over.
    expect(after.blocks.map((x) => x.links)).toEqual(before.blocks.map((x) => x.links));
    expect(after.blocks.map((x) => x.entries)).toEqual(before.blocks.map((x) => x.entries));
    // text that starts with no symbol of the legend keeps the entry's evidence
    expect(after.blocks.map((x) => x.evidence)).toEqual(before.blocks.map((x) => x.evidence));
  });
});

describe('Go to a named cell', () => {
  test('selectCell selects the cell on its sheet; a request that is no cell changes nothing', () => {
    const b = ready();
    b.call('selectCell', { sheet: 'Xiaomi Details', cell: 'G8' });
    expect(b.fake.direct.activeRange()).toBe('Xiaomi Details!G8');
    expect(() => b.call('selectCell', { sheet: 'Xiaomi Details', cell: 'G8:H9' })).toThrow(/Invalid cell request/);
    expect(() => b.call('selectCell', { sheet: 'Xiaomi Details' })).toThrow(/Invalid cell request/);
  });
});
