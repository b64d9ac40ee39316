import { createFakeGoogle } from '../../emulator';
import {
  NOT_A_NUMBER,
  NOT_FOUND,
  REPORTED_LOOKUP_LAST_ROW,
  REPORTED_RESULTS_HEADER,
  buildReportedResultsPlan,
  rowCheckFormula,
} from '../../src/core/reported-results-plan';
import type { ReportedFigure } from '../../src/core/reported-schema';

const source = {
  document: 'Xiaomi Corporation annual results announcement for the year ended December 31, 2024',
  publisher: 'Xiaomi Corporation' as const,
  published: '2025-03-18',
  statement: '=Revenue 365,906.4',
  url: 'https://example.com/announcement',
  kind: 'announcement' as const,
};
const figure = (metric: string, value: number, unit: string): ReportedFigure => ({
  metric,
  period: '2024',
  value,
  unit,
  source,
});
const FIGURES = [
  figure('total-revenue', 365.9064, 'CNY bn'),
  figure('ev-deliveries', 136854, 'vehicles'),
  figure('smartphone-revenue-share', 52, '%'),
];

describe('the Reported Results plan', () => {
  const plan = buildReportedResultsPlan(1, FIGURES);

  test('one grid down to the last row Key Figures reads, the header bold, the check last', () => {
    expect(plan.values).toHaveLength(REPORTED_LOOKUP_LAST_ROW);
    expect(plan.values[0]).toEqual([...REPORTED_RESULTS_HEADER]);
    expect(REPORTED_RESULTS_HEADER.at(-1)).toBe('Row check');
    expect(plan.fonts[0].every((f) => f.fontWeight === 'bold')).toBe(true);
    expect(plan.fonts[1].every((f) => f.fontWeight === 'normal')).toBe(true);
    for (const [r, row] of plan.values.entries()) if (r > 0) expect(row[10]).toBe(rowCheckFormula(r + 1));
    expect(plan.namedRange).toEqual({ name: 'XiaomiCanvas_ReportedResults', range: 'A1:K200' });
  });

  test('values in their unit’s format, text in plain-text cells, a leading = kept literal', () => {
    expect(plan.numberFormats.slice(1, 4).map((row) => row[2])).toEqual(['#,##0.0###', '#,##0', '#,##0.0"%"']);
    expect(plan.values[2][2]).toBe(136854);
    expect(plan.values[1][1]).toBe('2024');
    expect(plan.numberFormats[1][1]).toBe('@');
    expect([plan.values[1][6], plan.numberFormats[1][6]]).toEqual(["'=Revenue 365,906.4", '0.###############']);
    // rows below the figures: a value typed there reads as an amount, its check stays live
    expect(plan.numberFormats[10][2]).toBe('#,##0.0###');
    expect(plan.numberFormats[10][10]).not.toBe('@');
  });

  test('the check is written with the formula builder only: no separator outside a call', () => {
    expect(rowCheckFormula(7)).toBe(
      `=IF(AND(A7="",C7=""),"",IF(NOT(ISNUMBER(C7)),"${NOT_A_NUMBER}",IF(OR(A7="",B7="",NOT(ISTEXT(D7))),"${NOT_FOUND}","")))`,
    );
  });

  test('in the in-memory Sheets, each row’s check names what stops Key Figures reading it', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0];
    const grid = sheet.getRange(1, 1, plan.values.length, plan.values[0].length);
    grid.setNumberFormats(plan.numberFormats);
    grid.setValues(plan.values);
    const check = (r: number) => fake.direct.values('Sheet1')[r - 1][10];
    expect([2, 3, 4, 5].map(check)).toEqual(['', '', '', '']);
    fake.direct.setCell('Sheet1', 'C2', 'n/a');
    fake.direct.setCell('Sheet1', 'C3', '');
    fake.direct.setCell('Sheet1', 'C6', 12);
    fake.direct.setCell('Sheet1', 'D4', 3);
    expect([2, 3, 4, 5, 6].map(check)).toEqual([NOT_A_NUMBER, NOT_A_NUMBER, NOT_FOUND, '', NOT_FOUND]);
  });
});
