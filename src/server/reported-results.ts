/** Adds the Reported Results sheet. */
import {
  buildReportedResultsPlan,
  reportedRange,
  REPORTED_COLUMN_WIDTHS,
  REPORTED_FROZEN_COLUMNS,
  REPORTED_RESULTS_COLUMNS,
} from '../core/reported-results-plan';
import type { ReportedRange } from '../core/reported-formulas';
import { createNamedRange, freshSheetRange, textStyles } from './apply-plan';
import { reportedFigures } from './reported';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Adds the Reported Results sheet at `index`, named `name`: one grid of number formats, values (each row's live
 * check in the last column) and text styles (the header bold), the header and row labels frozen, two width runs
 * and the table's named range — ten calls whatever the number of figures. A fresh sheet already has every other
 * property the sheet wants (default font and alignment), so nothing else is written. Formulas: see withFormulaLocale.
 */
export function insertReportedResults(spreadsheet: Spreadsheet, instance: number, name: string, index: number): Sheet {
  const plan = buildReportedResultsPlan(instance, reportedFigures());
  const sheet = spreadsheet.insertSheet(name, index);
  // A new sheet's size is not documented: freshSheetRange grows it only if the grid does not fit.
  const grid = freshSheetRange(sheet, plan.values.length, REPORTED_RESULTS_COLUMNS);
  grid.setNumberFormats(plan.numberFormats);
  grid.setValues(plan.values);
  grid.setTextStyles(textStyles(plan.fonts));
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(REPORTED_FROZEN_COLUMNS);
  for (const [column, count, width] of REPORTED_COLUMN_WIDTHS) sheet.setColumnWidths(column, count, width);
  createNamedRange(spreadsheet, plan.namedRange.name, grid);
  return sheet;
}

/** The lookup range Key Figures' formulas use for a Reported Results sheet named `name`. */
export function reportedLookup(name: string): ReportedRange {
  return reportedRange(name, reportedFigures().length);
}
