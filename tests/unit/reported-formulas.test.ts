import { createFakeGoogle } from '../../emulator';
import { columnLetter } from '../../src/core/a1';
import { DIFFERS_FLAG, FIRST_FIGURE_ROW, RATE_CELL, TOLERANCE_CELL } from '../../src/core/key-figures-plan';
import { isLowerBound } from '../../src/core/figure-bound';
import { compareWithReported, convertUnit } from '../../src/core/reported-compare';
import { reportedFormulas } from '../../src/core/reported-formulas';
import { buildReportedResultsPlan } from '../../src/core/reported-results-plan';
import type { ReportedFigure } from '../../src/core/reported-schema';

const source = {
  document: 'Xiaomi Corporation annual results announcement for the year ended December 31, 2024',
  publisher: 'Xiaomi Corporation' as const,
  published: '2025-03-18',
  statement: 'Revenue 365,906.4',
  url: 'https://example.com/announcement',
  kind: 'announcement' as const,
};
const reported = (metric: string, period: string, value: number, unit: string): ReportedFigure => ({
  metric,
  period,
  value,
  unit,
  source,
});

const REPORTED: ReportedFigure[] = [
  reported('total-revenue', '2024', 365906.4, 'CNY m'),
  reported('rd-spend', '2024', 24.1, 'CNY bn'),
  reported('smartphone-shipments', '2024', 168.5, 'million units'),
  reported('us-revenue', '2024', 500, 'USD m'),
  reported('dup', '2024', 10, 'CNY bn'),
  reported('dup', '2024', 20, 'CNY bn'),
  {
    ...reported('miui-mau', '2024', 702, 'million users'),
    note: 'Monthly active users in December 2024: a point-in-time value.',
  },
];

const RATE = `$${columnLetter(RATE_CELL.column)}$${RATE_CELL.row}`;
const TOLERANCE = `$${columnLetter(TOLERANCE_CELL.column)}$${TOLERANCE_CELL.row}`;

interface Row {
  value: number | string;
  unit: string;
  period: string | number;
  metric: string;
  /** Key Figures' Note (column F): "over …" makes the figure a lower bound. */
  note?: string;
}

/**
 * A spreadsheet with a Reported Results sheet and a Key Figures sheet whose rows (from the first figure row) hold
 * constants in the columns the formulas read (C value, D unit, E period, I metric) and the three formulas in K:M.
 */
function sheetsWith(rows: Row[], rate: unknown = 0.14, tolerance: unknown = 0.1) {
  const fake = createFakeGoogle();
  const kf = fake.spreadsheet.getSheets()[0];
  kf.setName('Key Figures');
  const rr = fake.spreadsheet.insertSheet('Reported Results');
  const plan = buildReportedResultsPlan(1, REPORTED);
  const grid = rr.getRange(1, 1, plan.values.length, plan.values[0].length);
  grid.setNumberFormats(plan.numberFormats);
  grid.setValues(plan.values);
  kf.getRange(RATE_CELL.row, RATE_CELL.column, 2, 1).setValues([[rate], [tolerance]]);
  rows.forEach((row, i) => {
    const r = i + FIRST_FIGURE_ROW;
    kf.getRange(`C${r}:E${r}`).setValues([[row.value, row.unit, row.period]]);
    kf.getRange(`I${r}`).setValue(row.metric);
    if (row.note !== undefined) kf.getRange(`F${r}`).setValue(row.note);
    kf.getRange(`K${r}:M${r}`).setFormulas([
      reportedFormulas(
        r,
        { sheet: 'Reported Results', lastRow: 200 },
        { rate: RATE, tolerance: TOLERANCE, flag: DIFFERS_FLAG },
      ),
    ]);
  });
  const results = () => kf.getRange(FIRST_FIGURE_ROW, 11, rows.length, 3).getValues();
  return { fake, kf, rr, results };
}

describe('Reported, Vs reported and Reported check, evaluated like Sheets by the fake', () => {
  test('CNY m reported shows in a CNY bn row (bn ↔ m), and in USD bn through the rate', () => {
    const { results } = sheetsWith([
      { value: 281.6, unit: 'CNY bn', period: '2024', metric: 'total-revenue' },
      { value: 35, unit: 'USD bn', period: '2024', metric: 'total-revenue' },
      { value: 35000, unit: 'USD m', period: '2024', metric: 'total-revenue' },
    ]);
    const [cnyBn, usdBn, usdM] = results();
    expect(cnyBn[0]).toBeCloseTo(365.9064, 9);
    expect(usdBn[0]).toBeCloseTo(365.9064 * 0.14, 9);
    expect(usdM[0]).toBeCloseTo(365.9064 * 0.14 * 1000, 6);
    expect(cnyBn[1]).toBeCloseTo(281.6 / 365.9064 - 1, 9);
    expect(usdBn[1]).toBeCloseTo(35 / (365.9064 * 0.14) - 1, 9);
    expect(cnyBn[2]).toBe(DIFFERS_FLAG);
    expect(usdBn[2]).toBe(DIFFERS_FLAG);
  });

  test('USD reported converts to a CNY row through the rate', () => {
    const { results } = sheetsWith([{ value: 3.5, unit: 'CNY bn', period: '2024', metric: 'us-revenue' }]);
    expect(results()[0][0]).toBeCloseTo(0.5 / 0.14, 9);
    expect(results()[0][1]).toBeCloseTo(3.5 / (0.5 / 0.14) - 1, 9);
    expect(results()[0][2]).toBe('');
  });

  test('other units match only the same unit; a different unit or no reported figure leaves the row blank', () => {
    const { results } = sheetsWith([
      { value: 146.3, unit: 'million units', period: '2024', metric: 'smartphone-shipments' },
      { value: 146.3, unit: 'units', period: '2024', metric: 'smartphone-shipments' },
      { value: 146.3, unit: 'million units', period: '2023', metric: 'smartphone-shipments' },
      { value: 12000, unit: 'stores', period: '2024', metric: 'retail-stores' },
      { value: 5, unit: 'CNY bn', period: '2024', metric: '' },
    ]);
    const [same, otherUnit, otherPeriod, noMetric, blankMetric] = results();
    expect(same[0]).toBe(168.5);
    expect(same[1]).toBeCloseTo(146.3 / 168.5 - 1, 9);
    expect(same[2]).toBe(DIFFERS_FLAG);
    for (const row of [otherUnit, otherPeriod, noMetric, blankMetric]) expect(row).toEqual(['', '', '']);
  });

  test('a period typed as a number in Key Figures matches the text period of Reported Results', () => {
    const { results } = sheetsWith([{ value: 24.1, unit: 'CNY bn', period: 2024, metric: 'rd-spend' }]);
    expect(results()[0]).toEqual([24.1, 0, '']);
  });

  test('the rate and the tolerance are live: blank or text rate blanks currency conversions, never an error', () => {
    const { kf, results } = sheetsWith([
      { value: 8, unit: 'USD bn', period: '2024', metric: 'rd-spend' },
      { value: 168.5, unit: 'million units', period: '2024', metric: 'smartphone-shipments' },
    ]);
    expect(results()[0][0]).toBeCloseTo(24.1 * 0.14, 9);
    kf.getRange(RATE_CELL.row, RATE_CELL.column).setValue(0.2);
    expect(results()[0][0]).toBeCloseTo(24.1 * 0.2, 9);
    expect(results()[0][1]).toBeCloseTo(8 / (24.1 * 0.2) - 1, 9);
    for (const rate of ['', 'unknown', 0]) {
      kf.getRange(RATE_CELL.row, RATE_CELL.column).setValue(rate);
      expect(results()[0]).toEqual(['', '', '']);
      expect(results()[1]).toEqual([168.5, 0, '']); // no conversion needed: unaffected
    }
    kf.getRange(RATE_CELL.row, RATE_CELL.column).setValue(0.14);
    kf.getRange(TOLERANCE_CELL.row, TOLERANCE_CELL.column).setValue(5);
    expect(results()[0][2]).toBe('');
    kf.getRange(TOLERANCE_CELL.row, TOLERANCE_CELL.column).setValue('');
    expect(results()[0][2]).toBe('');
  });

  test('an edit on Reported Results recalculates Key Figures; a duplicate typed there averages instead of adding', () => {
    const { rr, results } = sheetsWith([
      { value: 24.1, unit: 'CNY bn', period: '2024', metric: 'rd-spend' },
      { value: 15, unit: 'CNY bn', period: '2024', metric: 'dup' },
    ]);
    expect(results()[0][2]).toBe('');
    rr.getRange('C3').setValue(30);
    expect(results()[0][0]).toBe(30);
    expect(results()[0][2]).toBe(DIFFERS_FLAG);
    expect(results()[1][0]).toBe(15);
    expect(results()[1][1]).toBe(0);
  });

  test('the sidebar’s comparison agrees with the sheet’s formulas', () => {
    const rows: Row[] = [
      { value: 281.6, unit: 'CNY bn', period: '2024', metric: 'total-revenue' },
      { value: 35, unit: 'USD bn', period: '2024', metric: 'total-revenue' },
      { value: 146.3, unit: 'million units', period: '2024', metric: 'smartphone-shipments' },
      { value: 3.5, unit: 'CNY bn', period: '2024', metric: 'us-revenue' },
    ];
    const { results } = sheetsWith(rows);
    rows.forEach((row, i) => {
      const figure = {
        label: 'x',
        value: Number(row.value),
        unit: row.unit,
        period: String(row.period),
        metric: row.metric,
      };
      const mirror = compareWithReported(figure, REPORTED, { rate: 0.14, tolerance: 0.1 })!;
      const [value, vs, check] = results()[i] as unknown[];
      expect(mirror.value).toBeCloseTo(value as number, 9);
      expect(mirror.vsReported).toBeCloseTo(vs as number, 9);
      expect(mirror.differs).toBe(check === DIFFERS_FLAG);
    });
  });
});

describe('a lower bound ("over 600 million") is flagged only when the reported value is below it', () => {
  const mau = (value: number, note?: string): Row => ({
    value,
    unit: 'million users',
    period: '2024',
    metric: 'miui-mau',
    ...(note === undefined ? {} : { note }),
  });

  test('in Key Figures: over 600 against 702 reported holds, over 800 does not; a plain 600 differs', () => {
    const { results, kf } = sheetsWith([
      mau(600, 'over'),
      mau(800, 'over'),
      mau(600),
      mau(600, 'Over; monthly active users in one month'),
      mau(780, 'over'),
      mau(600, 'overall'),
      mau(600, 'at least'),
    ]);
    expect(results().map((row) => row[2] as unknown)).toEqual([
      '',
      DIFFERS_FLAG,
      DIFFERS_FLAG,
      '',
      // 780 is 11.1 % above 702: beyond the 10 % tolerance.
      DIFFERS_FLAG,
      DIFFERS_FLAG,
      '',
    ]);
    // Live: a teammate who deletes the "over" turns the bound into a plain figure, flagged both ways.
    kf.getRange(`F${FIRST_FIGURE_ROW}`).setValue('');
    expect(results()[0][2]).toBe(DIFFERS_FLAG);
  });

  test('the sidebar agrees with the sheet, note by note, and says the figure is a lower bound', () => {
    const notes = ['over', 'over;x', 'over, x', 'OVER  x', ' over', 'overall', 'over600', 'at least', 'approx.', ''];
    const rows = notes.flatMap((note) => [mau(600, note), mau(800, note)]);
    const { results } = sheetsWith(rows);
    rows.forEach((row, i) => {
      const figure = { label: 'x', value: Number(row.value), unit: row.unit, period: '2024', metric: row.metric };
      const mirror = compareWithReported({ ...figure, note: row.note }, REPORTED, { rate: 0.14, tolerance: 0.1 })!;
      expect({ note: row.note, value: row.value, differs: mirror.differs }).toEqual({
        note: row.note,
        value: row.value,
        differs: results()[i][2] === DIFFERS_FLAG,
      });
      expect(mirror.atLeast).toBe(isLowerBound(row.note) ? true : undefined);
    });
    expect(notes.filter((n) => isLowerBound(n))).toEqual(['over', 'over;x', 'over, x', 'OVER  x', ' over', 'at least']);
  });

  test('the sidebar passes on what kind of value the reported one is (a point-in-time value)', () => {
    const figure = {
      label: 'MAU',
      value: 600,
      unit: 'million users',
      period: '2024',
      metric: 'miui-mau',
      note: 'over',
    };
    expect(compareWithReported(figure, REPORTED, { rate: 0.14, tolerance: 0.1 })).toMatchObject({
      value: 702,
      differs: false,
      atLeast: true,
      note: 'Monthly active users in December 2024: a point-in-time value.',
    });
  });
});

describe('convertUnit', () => {
  test('bn ↔ m within a currency and CNY ↔ USD through the rate', () => {
    expect(convertUnit(1, 'CNY bn', 'CNY m', 0.14)).toBeCloseTo(1000, 9);
    expect(convertUnit(1000, 'USD m', 'USD bn', 0.14)).toBeCloseTo(1, 9);
    expect(convertUnit(10, 'CNY bn', 'USD bn', 0.14)).toBeCloseTo(1.4, 9);
    expect(convertUnit(1.4, 'USD bn', 'CNY m', 0.14)).toBeCloseTo(10000, 6);
  });

  test('needs a positive rate for currencies; other units convert only to themselves', () => {
    expect(convertUnit(10, 'CNY bn', 'USD bn', null)).toBeNull();
    expect(convertUnit(10, 'CNY bn', 'USD bn', 0)).toBeNull();
    expect(convertUnit(10, 'CNY bn', 'stores', 0.14)).toBeNull();
    expect(convertUnit(10, 'stores', 'stores', null)).toBe(10);
    expect(convertUnit(10, 'stores', 'employees', null)).toBeNull();
  });

  test('a figure whose unit does not convert still shows the reported value, in its own unit, with no difference', () => {
    const figure = { label: 'x', value: 1, unit: '%', period: '2024', metric: 'rd-spend' };
    expect(compareWithReported(figure, REPORTED, { rate: 0.14, tolerance: 0.1 })).toEqual({
      value: 24.1,
      unit: 'CNY bn',
      period: '2024',
      source: `${source.document} (2025-03-18)`,
      vsReported: null,
      differs: false,
    });
  });
});

describe('SUMPRODUCT in the fake', () => {
  test('applies operators cell by cell, refuses arrays of different sizes, and counts text and booleans as 0', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange('A1:B3').setValues([
      [1, 'x'],
      [2, 'y'],
      [3, 'x'],
    ]);
    sheet
      .getRange('D1:D4')
      .setFormulas([
        ['=SUMPRODUCT((B1:B3="x")*A1:A3)'],
        ['=SUMPRODUCT(A1:A3,A1:A3)'],
        ['=SUMPRODUCT(A1:A3,A1:A2)'],
        ['=SUMPRODUCT(B1:B3="x")'],
      ]);
    const [[a], [b], [c], [d]] = sheet.getRange('D1:D4').getValues();
    expect(a).toBe(4);
    expect(b).toBe(14);
    expect(c).toBe('#VALUE!');
    expect(d).toBe(0);
  });

  test('outside SUMPRODUCT a range in arithmetic is still not a single value', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=A1:A2*2');
    expect(sheet.getRange('B1').getValue()).toBe('#VALUE!');
  });
});
