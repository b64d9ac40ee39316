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
] as const;
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

export function reportedRowValues(figure: ReportedFigure): CellValue[] {
  return [
    text(figure.metric),
    text(figure.period),
    figure.value,
    text(figure.unit),
    text(figure.source.document),
    text(figure.source.published),
    text(figure.source.statement),
  ];
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
