/** The Reported Results sheet as a plan: Xiaomi's own reported figures, one row each. */
import { a1Range } from './a1';
import { rangeNames } from './instance-names';
import { AUTOMATIC_FORMAT, textInput } from './literal';
import type { ReportedFigure } from './reported-schema';
import type { CellValue } from './sheet-plan';
import type { ReportedRange } from './reported-formulas';

/**
 * The Reported Results sheet: Xiaomi's own reported figures, one row each, which Key Figures looks up.
 * It is written as one grid of values on a fresh sheet (bold header, frozen), so it costs a fixed handful of
 * calls however many figures there are; every text goes through the literal rule (literal.ts).
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
] as const;
/** Units counted in whole things: shown without decimals. */
const COUNT_UNITS = ['vehicles', 'employees', 'stores', 'users', 'units'];
/** Column widths (px), one run (one call): the text columns from Source to Note; Metric to Unit keep 100 px. */
export const REPORTED_COLUMN_WIDTHS = [{ column: 5, count: 6, width: 260 }] as const;
export const REPORTED_RESULTS_COLUMNS = REPORTED_RESULTS_HEADER.length;
/** Key Figures' lookups read this far down, so figures a user adds below the table are found too. */
export const REPORTED_LOOKUP_LAST_ROW = 200;

export interface ReportedResultsPlan {
  values: CellValue[][];
  /** The table (header and figures), named so Refresh Key Figures finds the sheet wherever it is. */
  namedRange: { name: string; range: string };
}

/** The sheet is fresh (automatic format everywhere), so text takes the apostrophe: see literal.ts. */
const text = (value: string): string => textInput(value, AUTOMATIC_FORMAT);

/** Whose words the statement is, as the sheet says it. */
export function statementKind(source: ReportedFigure['source']): string {
  if (source.kind === 'announcement')
    return source.outlet ? `Xiaomi's words (${source.outlet})` : "Xiaomi's words (the announcement)";
  if (source.kind === 'translation') return 'Translated from the Chinese announcement';
  return `Coverage: ${source.outlet ?? 'press'}`;
}

/**
 * A whole count of 1,000 or more is written as typed text with digit grouping ("108,796"): Sheets reads it as the
 * number and gives the cell its grouped whole-number format, so no format call is needed. Insert and Refresh write
 * while the locale is en_US (withFormulaLocale), where "," groups digits. Everything else is written as a number
 * (money in CNY bn, millions of units or users), which the automatic format shows as it is.
 */
export function reportedValueCell(value: number, unit: string): CellValue {
  const whole = isCountUnit(unit) && Number.isInteger(value) && Math.abs(value) >= 1000;
  return whole ? value.toLocaleString('en-US') : value;
}

export function reportedRowValues(figure: ReportedFigure): CellValue[] {
  return [
    text(figure.metric),
    text(figure.period),
    reportedValueCell(figure.value, figure.unit),
    text(figure.unit),
    text(figure.source.document),
    text(figure.source.published),
    text(figure.source.statement),
    text(statementKind(figure.source)),
    text(figure.source.url),
    figure.note ? text(figure.note) : '',
  ];
}

/** Units counted in whole things (vehicles, employees, …). */
export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.includes(unit.toLowerCase());
}

export function buildReportedResultsPlan(instance: number, figures: readonly ReportedFigure[]): ReportedResultsPlan {
  const values: CellValue[][] = [REPORTED_RESULTS_HEADER.map(text), ...figures.map(reportedRowValues)];
  return {
    values,
    namedRange: {
      name: rangeNames.reported(instance),
      range: a1Range(1, 1, values.length, REPORTED_RESULTS_COLUMNS),
    },
  };
}

/** The range Key Figures' formulas look up in a Reported Results sheet named `sheet`. */
export function reportedRange(sheet: string, figureCount: number): ReportedRange {
  return { sheet, lastRow: Math.max(REPORTED_LOOKUP_LAST_ROW, figureCount + 1) };
}
