import reportedFile from '../../content/reported-results.json';
import { columnLetter } from '../../src/core/a1';
import {
  FIGURES_MARKER_CELL,
  FIRST_FIGURE_ROW,
  KEY_FIGURES_COLUMNS,
  KEY_FIGURES_HEADER,
  KEY_FIGURES_HEADER_ROW,
  SETTINGS_NOTES,
} from '../../src/core/key-figures-plan';
import type { CanvasView } from '../../src/core/view';
import { errorValues, loadBundle } from '../support/bundle';
import { CONTENT, INSERTED_SHEETS } from '../support/content';

/** Xiaomi's reported results beside the template's figures (issue 12), on the built bundle. */

const FIGURES = 'Key Figures';
const REPORTED = 'Reported Results';
const DETAILS = 'Xiaomi Details';
const NUMBERS = 'Xiaomi in Numbers';
const MARKER = 'xiaomi-canvas:figures:1';
const FLAG = '⚠ Differs from reported';
const reported = (reportedFile as { figures: Array<{ metric: string; period: string; value: number; unit: string }> })
  .figures;
const figureCount = CONTENT.blocks.reduce((n, b) => n + b.figures.length, 0);

function ready() {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  return bundle;
}

type Bundle = ReturnType<typeof ready>;

/** Key Figures row (0-based in values()) of the template figure with this label, unit and period. */
function rowOf(b: Bundle, label: string, unit: string, period: string): number {
  const values = b.fake.direct.values(FIGURES);
  const r = values.findIndex((row) => row[1] === label && row[3] === unit && String(row[4]) === period);
  if (r < 0) throw new Error(`no Key Figures row for ${label} ${unit} ${period}`);
  return r;
}

/** Reported, Vs reported and Reported check of a Key Figures row. */
const comparison = (b: Bundle, r: number) => b.fake.direct.values(FIGURES)[r].slice(10, 13);

describe('Reported Results sheet', () => {
  const b = ready();

  test('Insert adds it after Key Figures: the contract header, one row per reported figure, values as numbers', () => {
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    const values = b.fake.direct.values(REPORTED);
    expect(values[0].slice(0, 7)).toEqual(['Metric', 'Period', 'Value', 'Unit', 'Source', 'Published', 'Statement']);
    const rows = values.slice(1).filter((row) => row[0] !== '');
    expect(rows).toHaveLength(reported.length);
    rows.forEach((row, i) => {
      expect(row.slice(0, 4)).toEqual([reported[i].metric, reported[i].period, reported[i].value, reported[i].unit]);
      expect(typeof row[2]).toBe('number');
      expect(row[4]).toMatch(/^Xiaomi Corporation (annual |interim )?results announcement/);
      expect(row[5]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // text, never turned into a date
      expect(String(row[6]).length).toBeGreaterThan(10);
    });
    expect(b.fake.spreadsheet.getSheetByName(REPORTED)!.getFrozenRows()).toBe(1);
    // whole counts show digit grouping and no decimals
    const display = b.fake.direct.displayValues(REPORTED);
    const ev = values.findIndex((row) => row[0] === 'ev-deliveries' && row[1] === 'Q3 2025');
    expect(display[ev][2]).toBe('108,796');
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_ReportedResults')!.getSheet().getName()).toBe(REPORTED);
  });

  test('Key Figures has the three new columns after today’s, and the settings above the table', () => {
    const values = b.fake.direct.values(FIGURES);
    expect(values[3].slice(0, 13)).toEqual([
      'Block',
      'Figure',
      'Value',
      'Unit',
      'Period',
      'Note',
      'USD bn',
      'Conflict',
      'Metric',
      'Compared',
      'Reported',
      'Vs reported',
      'Reported check',
    ]);
    expect(values[0].slice(0, 2)).toEqual(['CNY to USD rate', 0.14]);
    expect(values[1].slice(0, 2)).toEqual(['Conflict tolerance', 0.1]);
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Rate')!.getA1Notation()).toBe('B1');
    expect(b.fake.direct.cell(FIGURES, 'L5').format.numberFormat).toBe('0.0%');
    expect(errorValues(b, FIGURES)).toEqual([]);
  });

  test('the template’s figures meet Xiaomi’s: 2024 revenue, smartphone revenue, R&D, shipments, 2023 revenue', () => {
    const revenue = comparison(b, rowOf(b, 'Total revenue', 'USD bn', '2024'));
    expect(revenue[0]).toBeCloseTo(365.9064 * 0.14, 9);
    expect(revenue[1]).toBeCloseTo(35 / (365.9064 * 0.14) - 1, 9);
    expect(revenue[2]).toBe(FLAG);
    const phones = comparison(b, rowOf(b, 'Smartphone revenue', 'USD bn', '2024'));
    expect(phones[0]).toBeCloseTo(191.8 * 0.14, 9);
    expect(phones[2]).toBe(FLAG);
    expect(comparison(b, rowOf(b, 'R&D spending', 'CNY bn', '2024'))).toEqual([24.1, expect.any(Number), FLAG]);
    const shipments = comparison(b, rowOf(b, 'Smartphone shipments', 'million units', '2024'));
    expect(shipments[0]).toBe(168.5);
    expect(shipments[1]).toBeCloseTo(146.3 / 168.5 - 1, 9);
    const revenue2023 = comparison(b, rowOf(b, 'Total revenue', 'CNY bn', '2023'));
    expect(revenue2023[0]).toBeCloseTo(270.9701, 9);
    expect(revenue2023[2]).toBe(''); // 281.6 vs 271.0: 3.9 %, within the 10 % tolerance
    // a figure without a reported counterpart stays blank
    expect(comparison(b, rowOf(b, 'Brand value', 'USD bn', '2024'))).toEqual(['', '', '']);
  });
});

describe('live: no script runs when a teammate edits', () => {
  test('changing the rate recalculates Reported and its check', () => {
    const b = ready();
    const r = rowOf(b, 'Total revenue', 'USD bn', '2024');
    b.fake.direct.setCell(FIGURES, 'B1', '0.0957');
    const [value, vs, check] = comparison(b, r);
    expect(value).toBeCloseTo(365.9064 * 0.0957, 9);
    expect(Math.abs(vs as number)).toBeLessThan(0.001);
    expect(check).toBe('');
    b.fake.direct.setCell(FIGURES, 'B1', '');
    expect(comparison(b, r)).toEqual(['', '', '']);
    expect(errorValues(b, FIGURES)).toEqual([]);
  });

  test('changing a figure in the details sheet, or a reported value, recalculates Vs reported', () => {
    const b = ready();
    const r = rowOf(b, 'Smartphone shipments', 'million units', '2024');
    const detailsCell = /!G(\d+)$/.exec(b.fake.direct.formulas(FIGURES)[r][2])![1];
    b.fake.direct.setCell(DETAILS, `G${detailsCell}`, '168.5');
    expect(comparison(b, r)).toEqual([168.5, 0, '']);
    const reportedRow = reported.findIndex((f) => f.metric === 'smartphone-shipments' && f.period === '2024') + 2;
    b.fake.direct.setCell(REPORTED, `C${reportedRow}`, '200');
    expect(comparison(b, r)[0]).toBe(200);
    expect(comparison(b, r)[2]).toBe(FLAG);
  });

  test('text, a blank or a misplaced number in other rows of Reported Results leaves every Reported computed', () => {
    const b = ready();
    const r = rowOf(b, 'Smartphone shipments', 'million units', '2024');
    const before = comparison(b, r);
    const other = reported.findIndex((f) => f.metric !== 'smartphone-shipments') + 2;
    const last = reported.length + 1;
    b.fake.direct.setCell(REPORTED, `C${other}`, 'n/a');
    b.fake.direct.setCell(REPORTED, `C${last}`, '');
    b.fake.direct.setCell(REPORTED, `B${other + 1}`, '42');
    expect(errorValues(b, FIGURES)).toEqual([]);
    expect(comparison(b, r)).toEqual(before);
    // the row itself holding text: its Reported is blank, not an error
    const own = reported.findIndex((f) => f.metric === 'smartphone-shipments' && f.period === '2024') + 2;
    b.fake.direct.setCell(REPORTED, `C${own}`, '365.906,4');
    expect(comparison(b, r)).toEqual(['', '', '']);
    expect(errorValues(b, FIGURES)).toEqual([]);
  });

  test('the tolerance cell decides what is flagged', () => {
    const b = ready();
    const r = rowOf(b, 'Total revenue', 'CNY bn', '2023');
    b.fake.direct.setCell(FIGURES, 'B2', '0.03');
    expect(comparison(b, r)[2]).toBe(FLAG);
  });
});

describe('Refresh Key Figures after damage', () => {
  test('restores the new columns a user overwrote and keeps the moved rate', () => {
    const b = ready();
    const before = b.fake.direct.formulas(FIGURES);
    b.fake.direct.setCell(FIGURES, `K${FIRST_FIGURE_ROW}`, '1');
    b.fake.direct.setCell(FIGURES, `M${FIRST_FIGURE_ROW + 3}`, 'fine');
    b.fake.direct.setCell(FIGURES, 'B1', '0.15');
    b.call('refreshKeyFigures');
    expect(b.fake.direct.formulas(FIGURES)).toEqual(before);
    expect(b.fake.direct.values(FIGURES)[0][1]).toBe(0.15);
  });

  test('recreates Reported Results when it was deleted, and Key Figures looks it up again', () => {
    const b = ready();
    const reportedBefore = b.fake.direct.values(REPORTED);
    const figuresBefore = b.fake.direct.values(FIGURES);
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(REPORTED)!);
    expect(errorValues(b, FIGURES).length).toBeGreaterThan(0); // #REF! until refreshed
    b.call('refreshKeyFigures');
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    expect(b.fake.direct.values(REPORTED)).toEqual(reportedBefore);
    expect(b.fake.direct.values(FIGURES)).toEqual(figuresBefore);
    expect(b.fake.ui.toasts.at(-1)!.message).toMatch(new RegExp(`${figureCount} figures`));
  });

  test('a renamed Reported Results keeps working (formulas follow the rename) and is not recreated', () => {
    const b = ready();
    b.fake.spreadsheet.getSheetByName(REPORTED)!.setName('Xiaomi says');
    const values = b.fake.direct.values(FIGURES);
    b.call('refreshKeyFigures');
    expect(b.fake.direct.sheetNames()).not.toContain(REPORTED);
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
    expect(b.fake.direct.formulas(FIGURES)[FIRST_FIGURE_ROW - 1][10]).toContain("'Xiaomi says'!");
  });

  test('recreates both Key Figures and Reported Results when both were deleted', () => {
    const b = ready();
    const values = b.fake.direct.values(FIGURES);
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(REPORTED)!);
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(FIGURES)!);
    b.call('refreshKeyFigures');
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
  });
});

/**
 * Key Figures as an older version left it, made from a fresh one: the three rows above the table taken out (the
 * header back in row 1, and every reference to the table, on any sheet, with it), the formulas reading the rate
 * and tolerance in `rateColumn` rows 1-2, where they sit labelled and noted with the user's values typed, the
 * rate's name on them, the marker hidden two columns right of the rate, one frozen row. The table keeps
 * `tableColumns` columns (the rest is cleared).
 */
function olderKeyFigures(b: Bundle, rateColumn: number, tableColumns: number) {
  const sheet = b.fake.spreadsheet.getSheetByName(FIGURES)!;
  const rate = columnLetter(rateColumn);
  expect(rateColumn - 2).toBeGreaterThanOrEqual(tableColumns); // a gap column between the table and the settings
  const label = columnLetter(rateColumn - 1);
  const marker = rateColumn + 2;
  b.fake.direct.uncounted(() => {
    // this sheet's $B$1 and $B$2 as $P$4 and $P$5 (say): the three rows taken out bring them to P1 and P2
    const formulas = sheet.getRange(1, 1, sheet.getLastRow(), KEY_FIGURES_HEADER.length).getFormulas();
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f.includes('$B$'))
          sheet
            .getRange(r + 1, c + 1)
            .setFormula(
              f
                .replace(/(?<![!:])\$B\$1\b/g, `$${rate}$${KEY_FIGURES_HEADER_ROW}`)
                .replace(/(?<![!:])\$B\$2\b/g, `$${rate}$${KEY_FIGURES_HEADER_ROW + 1}`),
            );
      }),
    );
    sheet.getRange(1, tableColumns + 1, sheet.getLastRow(), KEY_FIGURES_COLUMNS - tableColumns).clear();
    sheet.deleteRows(1, KEY_FIGURES_HEADER_ROW - 1);
    sheet.setFrozenRows(1);
    sheet.getRange(`${label}1:${label}2`).setValues([['CNY to USD rate'], ['Conflict tolerance']]);
    sheet.getRange(`${rate}1`).setNumberFormat('0.0000');
    sheet.getRange(`${rate}2`).setNumberFormat('0%');
    sheet.getRange(`${rate}1:${rate}2`).setNotes(SETTINGS_NOTES);
    sheet.getRange(1, marker).setValue(MARKER);
    sheet.showColumns(FIGURES_MARKER_CELL.column);
    sheet.hideColumns(marker);
    // the oldest table ended at J: the columns after it had Sheets' default width (the previous layout's are today's)
    if (tableColumns < KEY_FIGURES_HEADER.length) sheet.setColumnWidths(tableColumns + 1, 6, 100);
    // (its cell B1 went with the rows, the name stayed, pointing nowhere)
    b.fake.spreadsheet.removeNamedRange('XiaomiCanvas_Rate');
    b.fake.spreadsheet.setNamedRange('XiaomiCanvas_Rate', sheet.getRange(`${rate}1`));
  });
  // the user's own rate and tolerance, typed
  b.fake.direct.setCell(FIGURES, `${rate}1`, '0.15');
  b.fake.direct.setCell(FIGURES, `${rate}2`, '5%');
  // a working sheet of its time: the header in row 1, the settings read where they are, nothing in error
  const values = b.fake.direct.values(FIGURES);
  expect(values[0][0]).toBe('Block');
  expect(values[0].slice(rateColumn - 2, rateColumn)).toEqual(['CNY to USD rate', 0.15]);
  expect(values[1].slice(rateColumn - 2, rateColumn)).toEqual(['Conflict tolerance', 0.05]);
  const cny = values.find((row) => row[3] === 'CNY bn' && typeof row[2] === 'number')!;
  expect(cny[6]).toBeCloseTo((cny[2] as number) * 0.15, 9);
  const model = b.fake.model().sheets.find((s) => s.name === FIGURES)!;
  expect([model.frozenRows, model.hiddenColumns]).toEqual([1, [marker]]);
  expect(errorValues(b, FIGURES)).toEqual([]);
  expect(errorValues(b, NUMBERS)).toEqual([]);
}

/**
 * After Refresh, Key Figures has the layout of a fresh one with the user's rate (0.15) and tolerance (0.05) at the
 * top, the old settings block gone, and every reference from the numbers sheet where it was.
 */
function expectMigrated(b: Bundle, numbersFormulas: string[][], old: { empty: string; noNotes: string }) {
  const fresh = ready();
  fresh.fake.direct.setCell(FIGURES, 'B1', '0.15');
  fresh.fake.direct.setCell(FIGURES, 'B2', '5%');
  const values = b.fake.direct.values(FIGURES);
  const formulas = b.fake.direct.formulas(FIGURES);
  expect(values.slice(0, 2).map((row) => row.slice(0, 2))).toEqual([
    ['CNY to USD rate', 0.15],
    ['Conflict tolerance', 0.05],
  ]);
  expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Rate')!.getA1Notation()).toBe('B1');
  expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Rate')!.getSheet().getName()).toBe(FIGURES);
  expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_KeyFigures')!.getA1Notation()).toBe(`A4:M${4 + figureCount}`);
  expect(b.fake.direct.cell(FIGURES, 'B1').note).toMatch(/assumption/i);
  expect(b.fake.direct.cell(FIGURES, 'B2').note).toMatch(/flags/i);
  expect(values[2].every((v) => v === '')).toBe(true);
  expect(values[3].slice(0, 13)).toEqual([...KEY_FIGURES_HEADER]);
  // every figure row linked and computing, as on a fresh sheet with the same rate and tolerance
  const rows = values.slice(FIRST_FIGURE_ROW - 1).filter((row) => row[1] !== '');
  expect(rows).toHaveLength(figureCount);
  rows.forEach((_, i) => expect(formulas[FIRST_FIGURE_ROW - 1 + i][2]).toMatch(/^='Xiaomi Details'!G\d+$/));
  expect(formulas.slice(KEY_FIGURES_HEADER_ROW - 1)).toEqual(
    fresh.fake.direct.formulas(FIGURES).slice(KEY_FIGURES_HEADER_ROW - 1),
  );
  expect(values.slice(KEY_FIGURES_HEADER_ROW - 1)).toEqual(
    fresh.fake.direct.values(FIGURES).slice(KEY_FIGURES_HEADER_ROW - 1),
  );
  const cny = values.find((row) => row[3] === 'CNY bn' && typeof row[2] === 'number')!;
  expect(cny[6]).toBeCloseTo((cny[2] as number) * 0.15, 9);
  const r = rowOf(b, 'Total revenue', 'USD bn', '2024');
  expect(comparison(b, r)[0]).toBeCloseTo(365.9064 * 0.15, 9);
  // the old settings block is empty, notes included; the marker is in R1 only
  const sheet = b.fake.spreadsheet.getSheetByName(FIGURES)!;
  expect(
    sheet
      .getRange(old.empty)
      .getValues()
      .flat()
      .filter((v) => v !== ''),
  ).toEqual([]);
  expect(
    sheet
      .getRange(old.noNotes)
      .getNotes()
      .flat()
      .filter((note) => note !== ''),
  ).toEqual([]);
  const markers = values.flatMap((row, i) => row.map((v, c) => (v === MARKER ? `${columnLetter(c + 1)}${i + 1}` : '')));
  expect(markers.filter((at) => at !== '')).toEqual(['R1']);
  // in all: the values and notes of a fresh sheet
  expect(values).toEqual(fresh.fake.direct.values(FIGURES));
  const notes = (x: Bundle) => {
    const figures = x.fake.spreadsheet.getSheetByName(FIGURES)!;
    return figures.getRange(1, 1, figures.getLastRow(), figures.getLastColumn()).getNotes();
  };
  expect(notes(b)).toEqual(notes(fresh));
  const model = b.fake.model().sheets.find((s) => s.name === FIGURES)!;
  expect([model.frozenRows, model.frozenColumns]).toEqual([4, 2]);
  expect(model.hiddenColumns).toEqual([18]);
  // every column of the table and the settings as wide as on a fresh sheet
  const freshModel = fresh.fake.model().sheets.find((s) => s.name === FIGURES)!;
  expect(model.columnWidths.slice(0, 16)).toEqual(freshModel.columnWidths.slice(0, 16));
  // the numbers sheet reads the rows it read before, and nothing shows an error
  expect(b.fake.direct.formulas(NUMBERS)).toEqual(numbersFormulas);
  expect(errorValues(b, FIGURES)).toEqual([]);
  expect(errorValues(b, NUMBERS)).toEqual([]);
  // the canvas is still found from the Key Figures sheet, by its marker in the new place
  b.fake.spreadsheet.setActiveSheet(sheet);
  expect(b.call<CanvasView>('getCanvas').sheetName).toBe('Xiaomi Canvas');
}

describe('a Key Figures sheet from an older layout (header in row 1, settings right of the table)', () => {
  // The oldest: table A:J, settings in L1:M2, marker in hidden O1, the rate's name on M1; once three rows go in above,
  // L4:O5 has the table's last two columns and the rest is empty, and column O shows again. The previous one: table
  // A:M, settings in O1:P2, marker in hidden R1, the rate's name on P1.
  test.each([
    ['before the Reported columns', 13, 10, { empty: 'N4:O5', noNotes: 'L4:O5' }],
    ['before the settings moved to the top', 16, 13, { empty: 'O4:R5', noNotes: 'O4:R5' }],
  ])('%s: Refresh moves the rate and tolerance the user set, and the marker, to the top', (_, rate, table, old) => {
    const b = ready();
    const numbers = b.fake.direct.formulas(NUMBERS);
    olderKeyFigures(b, rate, table);
    expect(b.fake.direct.formulas(NUMBERS)).not.toEqual(numbers); // they read the rows three rows up
    b.call('refreshKeyFigures');
    expectMigrated(b, numbers, old);
  });

  test('a save that adds a figure moves it the same way, and the numbers sheet still shows the same figures', () => {
    const b = ready();
    const shown = () => b.fake.direct.values(NUMBERS).map((row) => row.slice(0, 3));
    const before = shown();
    olderKeyFigures(b, 16, 13);
    const view = b.call<CanvasView>('getCanvas');
    const partners = view.blocks.find((x) => x.id === 'key-partners')!;
    b.call('saveBlock', {
      blockId: partners.id,
      version: partners.version,
      entries: partners.entries,
      figures: [{ label: 'Chip design partners', value: 3, unit: 'CNY bn', period: '2024' }, ...partners.figures],
    });
    const values = b.fake.direct.values(FIGURES);
    expect(values.slice(0, 2).map((row) => row.slice(0, 2))).toEqual([
      ['CNY to USD rate', 0.15],
      ['Conflict tolerance', 0.05],
    ]);
    expect(values[3][0]).toBe('Block');
    expect(values[FIRST_FIGURE_ROW - 1][1]).toBe('Chip design partners');
    expect(errorValues(b, FIGURES)).toEqual([]);
    // the same figures, each with its template value in USD bn (a CNY one at the user's rate, 0.15 for 0.14)
    const header = before.findIndex((row) => row[1] === 'Template (USD bn)');
    const after = shown();
    for (let r = header + 1; r < before.length && before[r][0] !== ''; r++) {
      expect(after[r][0]).toBe(before[r][0]);
      const [was, now] = [before[r][1] as number, after[r][1] as number];
      expect([Math.abs(now - was) < 1e-9, Math.abs(now - (was * 0.15) / 0.14) < 1e-9]).toContain(true);
    }
    expect(errorValues(b, NUMBERS)).toEqual([]);
  });
});

describe('the sidebar data', () => {
  test('getCanvas gives each figure its reported value and difference, in one round trip', () => {
    const b = ready();
    b.fake.resetStats();
    const view = b.call<CanvasView>('getCanvas');
    expect(b.fake.stats.roundTrips).toBe(1);
    const partners = view.blocks.find((x) => x.id === 'key-partners')!;
    const revenue = partners.figures.find((f) => f.label === 'Total revenue')!;
    expect(revenue.reported).toEqual({
      value: expect.closeTo(365.9064 * 0.14, 9) as number,
      unit: 'USD bn',
      period: '2024',
      source: 'Xiaomi Corporation annual results announcement for the year ended December 31, 2024 (2025-03-18)',
      vsReported: expect.closeTo(35 / (365.9064 * 0.14) - 1, 9) as number,
      differs: true,
    });
    expect(partners.figures.find((f) => f.label === 'Android global mobile OS share')!.reported).toBeUndefined();
  });

  test('the sidebar can send the figures it received back to saveBlock: the comparison is ignored, never saved', () => {
    const b = ready();
    const block = b.call<CanvasView>('getCanvas').blocks.find((x) => x.id === 'key-partners')!;
    const saved = b.call<CanvasView['blocks'][number]>('saveBlock', {
      blockId: block.id,
      version: block.version,
      entries: block.entries,
      figures: block.figures.map((f) => (f.label === 'Total revenue' ? { ...f, value: 51.2 } : f)),
    });
    const revenue = saved.figures.find((f) => f.label === 'Total revenue')!;
    expect(revenue.value).toBe(51.2);
    expect(revenue.reported!.differs).toBe(false);
    const exported = JSON.parse(b.call<string>('exportCanvasJson')) as { blocks: Array<{ figures: object[] }> };
    // (the figures carry no comparison; "reported" may appear only as an entry's evidence)
    expect(JSON.stringify(exported.blocks.map((block) => block.figures))).not.toContain('reported');
  });
});
