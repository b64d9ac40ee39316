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
export const REPORTED_DECIMAL_FORMAT = '#,##0.0##';
export const REPORTED_COUNT_FORMAT = '#,##0';
/** Column widths (px), one run (one call): the text columns from Source to Note; Metric to Unit keep 100 px. */
export const REPORTED_COLUMN_WIDTHS = [{ column: 5, count: 6, width: 260 }] as const;
export const REPORTED_RESULTS_COLUMNS = REPORTED_RESULTS_HEADER.length;
/** Key Figures' lookups read this far down, so figures a user adds below the table are found too. */
export const REPORTED_LOOKUP_LAST_ROW = 200;

export interface ReportedResultsPlan {
  values: CellValue[][];
  /** One number format per cell: Value as a grouped number (whole counts without decimals), text automatic. */
  numberFormats: string[][];
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

export function reportedRowValues(figure: ReportedFigure): CellValue[] {
  return [
    text(figure.metric),
    text(figure.period),
    figure.value,
    text(figure.unit),
    text(figure.source.document),
    text(figure.source.published),
    text(figure.source.statement),
    text(statementKind(figure.source)),
    text(figure.source.url),
    figure.note ? text(figure.note) : '',
  ];
}

/** The Value column's format for a unit: whole counts without decimals, everything else grouped with decimals. */
export function reportedValueFormat(unit: string): string {
  const lower = unit.toLowerCase();
  return COUNT_UNITS.some((u) => lower === u) ? REPORTED_COUNT_FORMAT : REPORTED_DECIMAL_FORMAT;
}

export function buildReportedResultsPlan(instance: number, figures: readonly ReportedFigure[]): ReportedResultsPlan {
  const values: CellValue[][] = [REPORTED_RESULTS_HEADER.map(text), ...figures.map(reportedRowValues)];
  const numberFormats = values.map((_, r) =>
    REPORTED_RESULTS_HEADER.map((_h, c) =>
      r > 0 && c === 2 ? reportedValueFormat(figures[r - 1].unit) : AUTOMATIC_FORMAT,
    ),
  );
  return {
    values,
    numberFormats,
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
