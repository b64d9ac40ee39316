/** The Reported Results sheet as a plan: Xiaomi's own reported figures, one row each. */
import { a1Range } from './a1';
import { rangeNames } from './instance-names';
import { AUTOMATIC_FORMAT, textCell } from './literal';
import type { ReportedFigure } from './reported-schema';
import type { CellValue, FontStyle } from './sheet-plan';
import type { ReportedRange } from './reported-formulas';
import { AND, EMPTY, IF, ISNUMBER, NOT, OR, call, formula, text as literal } from './formula';
import { valueFormat } from './units';

/**
 * The Reported Results sheet: Xiaomi's own reported figures, one row each, which Key Figures looks up.
 * It is written as one grid of values on a fresh sheet (bold header, frozen), so it costs a fixed handful of
 * calls however many figures there are; every text goes through the literal rule (literal.ts). The last column
 * checks its own row live (rowCheckFormula), down to the last row Key Figures reads.
 */
export const REPORTED_RESULTS_HEADER = [
  'Metric',
  'Period',
  'Value',
  'Unit',
  'Source',
  'Published',
  'Statement',
  'Statement is',
  'Read at',
  'Note',
  'Row check',
] as const;
/**
 * Column widths as [first column, count, px], two runs (two calls): Metric wide enough for its keys, then the text columns from Source to
 * Row check; Period, Value and Unit keep Sheets' 100 px.
 */
export const REPORTED_COLUMN_WIDTHS = [
  [1, 1, 180],
  [5, 7, 260],
] as const;
/** Metric and Period: the row labels, frozen with the header. */
export const REPORTED_FROZEN_COLUMNS = 2;
export const NOT_A_NUMBER = '⚠ Not a number: the value must be a number';
export const NOT_FOUND = '⚠ No metric, period or unit';
export const REPORTED_RESULTS_COLUMNS = REPORTED_RESULTS_HEADER.length;
/** Key Figures' lookups read this far down, so figures a user adds below the table are found too. */
export const REPORTED_LOOKUP_LAST_ROW = 200;

export interface ReportedResultsPlan {
  values: CellValue[][];
  numberFormats: string[][];
  /** Sheets' default font, the header bold. */
  fonts: FontStyle[][];
  /** The table (header, figures and the rows below that are checked), named so Refresh finds the sheet. */
  namedRange: { name: string; range: string };
}

/** Whose words the statement is, as the sheet says it. */
export function statementKind(source: ReportedFigure['source']): string {
  if (source.kind === 'announcement')
    return source.outlet ? `Xiaomi's words (${source.outlet})` : "Xiaomi's words (the announcement)";
  if (source.kind === 'translation') return 'Translated from the Chinese announcement';
  return `Coverage: ${source.outlet ?? 'press'}`;
}

/**
 * The live check of sheet row `r`: blank when the row is empty or Key Figures can read it; else what is wrong,
 * in plain words. A value that is text or blank is "not a number"; a number without its metric, period or unit
 * (a misplaced number) cannot be found.
 */
export function rowCheckFormula(r: number): string {
  const [A, B, C, D] = ['A', 'B', 'C', 'D'].map((col) => `${col}${r}`);
  return formula(
    IF(
      AND(`${A}=${EMPTY}`, `${C}=${EMPTY}`),
      EMPTY,
      IF(
        NOT(ISNUMBER(C)),
        literal(NOT_A_NUMBER),
        IF(OR(`${A}=${EMPTY}`, `${B}=${EMPTY}`, NOT(call('ISTEXT', D))), literal(NOT_FOUND), EMPTY),
      ),
    ),
  );
}

/** Amounts and millions: digit grouping and the decimals reported (at least one). */
const DECIMALS = '#,##0.0###';

/**
 * The sheet as one grid of values, number formats and fonts, down to the last row Key Figures reads (rows below the
 * figures hold their check, for figures a teammate adds there); the header bold. Text is stored as typed in
 * plain-text cells (textCell, the literal rule), so "2024" stays text and "2025-03-18" no date; values in their
 * unit's format (counts whole with digit grouping, percentages with a % sign, amounts and millions grouped with
 * their reported decimals); the check in a cell that is not plain text, as a formula's must be (literal.ts).
 */
export function buildReportedResultsPlan(instance: number, figures: readonly ReportedFigure[]): ReportedResultsPlan {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const fonts: FontStyle[][] = [];
  const normal: FontStyle = { fontColor: '#000000', fontSize: 10, fontWeight: 'normal', fontStyle: 'normal' };
  for (let r = 1; r <= reportedRange('', figures.length).lastRow; r++) {
    const f = figures[r - 2];
    const s = f?.source;
    const texts =
      r === 1
        ? REPORTED_RESULTS_HEADER
        : f && s
          ? [
              f.metric,
              f.period,
              '',
              f.unit,
              s.document,
              s.published,
              s.statement,
              statementKind(s),
              s.url,
              f.note ?? '',
              '',
            ]
          : REPORTED_RESULTS_HEADER.map(() => '');
    const cells: { value: CellValue; numberFormat: string }[] = texts.map(textCell);
    if (r > 1) {
      cells[2] = { value: f ? f.value : '', numberFormat: f ? valueFormat(f.unit, DECIMALS) : DECIMALS };
      cells[10] = { value: rowCheckFormula(r), numberFormat: AUTOMATIC_FORMAT };
    }
    values.push(cells.map((cell) => cell.value));
    numberFormats.push(cells.map((cell) => cell.numberFormat));
    fonts.push(cells.map(() => (r > 1 ? normal : { ...normal, fontWeight: 'bold' })));
  }
  return {
    values,
    numberFormats,
    fonts,
    namedRange: { name: rangeNames.reported(instance), range: reportedTableRange(figures.length) },
  };
}

/** The A1 range of the table's name: every row written (see buildReportedResultsPlan). */
export function reportedTableRange(figureCount: number): string {
  return a1Range(1, 1, reportedRange('', figureCount).lastRow, REPORTED_RESULTS_COLUMNS);
}

/** The range Key Figures' formulas look up in a Reported Results sheet named `sheet`. */
export function reportedRange(sheet: string, figureCount: number): ReportedRange {
  return { sheet, lastRow: Math.max(REPORTED_LOOKUP_LAST_ROW, figureCount + 1) };
}
