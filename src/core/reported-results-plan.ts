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
 * Column widths (px), two runs (two calls): Metric wide enough for its keys, then the text columns from Source to
 * Row check; Period, Value and Unit keep Sheets' 100 px.
 */
export const REPORTED_COLUMN_WIDTHS = [
  { column: 1, count: 1, width: 180 },
  { column: 5, count: 7, width: 260 },
] as const;
/** Metric and Period: the row labels, frozen with the header. */
export const REPORTED_FROZEN_COLUMNS = 2;
export const NOT_A_NUMBER = '⚠ Not a number: the value must be a number';
export const NOT_FOUND = '⚠ Metric, period or unit missing';
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

/** A cell and the number format it is written with. */
interface Cell {
  value: CellValue;
  numberFormat: string;
}

/** Amounts and millions: digit grouping and the decimals reported (at least one). */
const DECIMALS = '#,##0.0###';

/**
 * The cells of sheet row `r`, each with its number format: `figure`'s, or blank cells where a teammate may add
 * one. Text is stored as typed in plain-text cells (textCell: the literal rule), so Sheets never turns "2024" into
 * a number or "2025-03-18" into a date; the value in its unit's format; the check in a cell that is not plain text,
 * as a formula's must be (literal.ts).
 */
export function reportedRowCells(figure: ReportedFigure | undefined, r: number): Cell[] {
  const check = { value: rowCheckFormula(r), numberFormat: AUTOMATIC_FORMAT };
  if (!figure) {
    const blank: Cell[] = REPORTED_RESULTS_HEADER.map(() => textCell(''));
    blank[2] = { value: '', numberFormat: DECIMALS };
    blank[10] = check;
    return blank;
  }
  const { source } = figure;
  return [
    textCell(figure.metric),
    textCell(figure.period),
    { value: figure.value, numberFormat: valueFormat(figure.unit, DECIMALS) },
    ...[figure.unit, source.document, source.published, source.statement, statementKind(source), source.url].map(
      textCell,
    ),
    textCell(figure.note ?? ''),
    check,
  ];
}

/**
 * The sheet as one grid of values, number formats and font weights, down to the last row Key Figures reads (rows
 * below the figures hold their check, for figures a teammate adds there); the header bold. Counts show whole with
 * digit grouping, percentages with a % sign, amounts and millions grouped with their reported decimals.
 */
export function buildReportedResultsPlan(instance: number, figures: readonly ReportedFigure[]): ReportedResultsPlan {
  const rows = reportedRange('', figures.length).lastRow;
  const cells = [
    REPORTED_RESULTS_HEADER.map(textCell),
    ...Array.from({ length: rows - 1 }, (_, i) => reportedRowCells(figures[i], i + 2)),
  ];
  const values = cells.map((row) => row.map((cell) => cell.value));
  const numberFormats = cells.map((row) => row.map((cell) => cell.numberFormat));
  const font = (fontWeight: FontStyle['fontWeight']) =>
    ({ fontColor: '#000000', fontSize: 10, fontWeight, fontStyle: 'normal' }) as const;
  const fonts = cells.map((row, r) => row.map(() => font(r === 0 ? 'bold' : 'normal')));
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
