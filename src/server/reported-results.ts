/** Adds the Reported Results sheet. */
import { sheetName } from '../core/instance-names';
import {
  buildReportedResultsPlan,
  reportedRange,
  REPORTED_COLUMN_WIDTHS,
  REPORTED_RESULTS_COLUMNS,
} from '../core/reported-results-plan';
import type { ReportedRange } from '../core/reported-formulas';
import { createNamedRange, freshSheetRange } from './apply-plan';
import { reportedFigures } from './reported';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Adds the Reported Results sheet at `index`, named `name`: one grid of values (counts typed with digit grouping,
 * see reportedValueCell), a frozen header, one width run and the table's named range — six calls whatever the
 * number of figures. A fresh sheet already has every other
 * property the sheet wants (automatic number format, default font), so nothing else is written.
 */
export function insertReportedResults(spreadsheet: Spreadsheet, instance: number, name: string, index: number): Sheet {
  const plan = buildReportedResultsPlan(instance, reportedFigures());
  const sheet = spreadsheet.insertSheet(name, index);
  // A new sheet's size is not documented: freshSheetRange grows it only if the table does not fit.
  const table = freshSheetRange(sheet, plan.values.length, REPORTED_RESULTS_COLUMNS);
  table.setValues(plan.values);
  // The header row stays in view (frozen: Sheets draws the line under it); readable widths for the long columns.
  sheet.setFrozenRows(1);
  for (const run of REPORTED_COLUMN_WIDTHS) sheet.setColumnWidths(run.column, run.count, run.width);
  createNamedRange(spreadsheet, plan.namedRange.name, table);
  return sheet;
}

/** The lookup range Key Figures' formulas use for a Reported Results sheet named `name`. */
export function reportedLookup(name: string): ReportedRange {
  return reportedRange(name, reportedFigures().length);
}

/**
 * The Reported Results sheet of a canvas (`existingName`, read with the rest of the state), recreated after
 * Key Figures when a user deleted it; returns its name. Used whenever Key Figures is re-linked.
 */
export function ensureReportedResults(
  spreadsheet: Spreadsheet,
  instance: number,
  existingName: string | null,
  after: Sheet | null,
): string {
  if (existingName !== null) return existingName;
  // A sheet of this name would have been found (canvas-instance looks it up by name when its range is gone).
  const name = sheetName('reported', instance);
  const index = after ? after.getIndex() : spreadsheet.getSheets().length;
  insertReportedResults(spreadsheet, instance, name, index);
  return name;
}
