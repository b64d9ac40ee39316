import type { BlockView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';

/** Structure warns before it breaks (issue 17, item 7): warning-only protections, never a lock-out. */

type Bundle = ReturnType<typeof loadBundle>;
const CANVAS = 'Xiaomi Canvas';
const FIGURES = 'Key Figures';

function ready() {
  const b = loadBundle();
  b.call('insertXiaomiCanvas');
  return b;
}

const sheetProtection = (b: Bundle, name: string) => {
  const sheet = b.fake.spreadsheet.getSheetByName(name)!;
  const found = sheet.getProtections(SpreadsheetAppProtection(b).SHEET);
  return found.length === 1 ? found[0] : null;
};
// The enum lives on the fake's SpreadsheetApp.
const SpreadsheetAppProtection = (b: Bundle) => b.fake.globals.SpreadsheetApp.ProtectionType;

/** True when the cell lies inside one of the protection's unprotected ranges. */
function isFree(b: Bundle, sheetName: string, row: number, column: number): boolean {
  const protection = sheetProtection(b, sheetName)!;
  return protection.getUnprotectedRanges().some((r) => {
    const [r1, c1] = [r.getRow(), r.getColumn()];
    return row >= r1 && row < r1 + r.getNumRows() && column >= c1 && column < c1 + r.getNumColumns();
  });
}

/** Where a block's title and its first entry are on the canvas (1-based). */
function cellsOf(b: Bundle, title: string, entry: string) {
  const values = b.fake.direct.values(CANVAS);
  const at = (text: string) => {
    for (let r = 0; r < values.length; r++) {
      const c = values[r].findIndex((v) => typeof v === 'string' && v.includes(text));
      if (c >= 0) return { row: r + 1, column: c + 1 };
    }
    throw new Error(`${text} is not on the canvas`);
  };
  return { title: at(title), entry: at(entry) };
}

describe('Warning-only protection of what the add-on owns', () => {
  test('the canvas and Key Figures each have one sheet protection, warning-only; no protection locks anyone out', () => {
    const b = ready();
    for (const name of [CANVAS, FIGURES]) expect(sheetProtection(b, name)!.isWarningOnly()).toBe(true);
    const all = b.fake.spreadsheet
      .getSheets()
      .flatMap((s) => [
        ...s.getProtections(SpreadsheetAppProtection(b).SHEET),
        ...s.getProtections(SpreadsheetAppProtection(b).RANGE),
      ]);
    expect(all.every((p) => p.isWarningOnly())).toBe(true);
    expect(sheetProtection(b, 'Xiaomi Details')).toBeNull(); // sections and figures are the team's to edit
  });

  test('titles, guiding questions and the hidden column warn; every entry and its segment marker is free', () => {
    const b = ready();
    const block = b.call<BlockView>('getBlock', { blockId: 'channels' });
    const { title, entry } = cellsOf(b, 'Channels', block.entries[0]);
    expect(isFree(b, CANVAS, title.row, title.column)).toBe(false);
    expect(isFree(b, CANVAS, title.row + 1, title.column)).toBe(false); // the guiding question
    expect(isFree(b, CANVAS, entry.row, entry.column)).toBe(true);
    expect(isFree(b, CANVAS, entry.row, entry.column + 1)).toBe(true); // its marker
    expect(isFree(b, CANVAS, entry.row, 1)).toBe(false); // column A (links) is the add-on's: deleting a row warns
  });

  test('a save that grows a band keeps the new entry rows free (the free ranges grow with inserted rows)', () => {
    const b = ready();
    const block = b.call<BlockView>('getBlock', { blockId: 'key-activities' });
    const entries = [...block.entries, ...Array.from({ length: 12 }, (_, i) => `New activity ${i + 1}`)];
    b.call('saveBlock', { blockId: block.id, version: block.version, entries, figures: block.figures });
    const last = cellsOf(b, 'Key Activities', 'New activity 12').entry;
    expect(isFree(b, CANVAS, last.row, last.column)).toBe(true);
    const { title } = cellsOf(b, 'Key Resources', 'Key Resources');
    expect(isFree(b, CANVAS, title.row, title.column)).toBe(false);
  });

  test('Key Figures recreated by Refresh is protected again', () => {
    const b = ready();
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(FIGURES)!);
    b.call('refreshKeyFigures');
    expect(sheetProtection(b, FIGURES)!.isWarningOnly()).toBe(true);
  });
});
