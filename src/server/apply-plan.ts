import type { PlanGrid, SheetPlan } from '../core/sheet-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A fresh sheet from insertSheet() has this many rows and columns in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const pick = <K extends keyof PlanGrid['styles'][0][0]>(grid: Pick<PlanGrid, 'styles'>, key: K) =>
  grid.styles.map((row) => row.map((style) => style[key]));

/**
 * Writes values and every style property of a grid with one call per property, whatever its size.
 * Number formats go first so literal text and bullets display right from the first paint.
 */
export function writeGrid(range: Range, grid: Pick<PlanGrid, 'values' | 'styles'>): void {
  range.setNumberFormats(pick(grid, 'numberFormat'));
  range.setValues(grid.values);
  range.setBackgrounds(pick(grid, 'background'));
  range.setFontColors(pick(grid, 'fontColor'));
  range.setFontSizes(pick(grid, 'fontSize'));
  range.setFontWeights(pick(grid, 'fontWeight'));
  range.setFontStyles(pick(grid, 'fontStyle'));
  range.setHorizontalAlignments(pick(grid, 'horizontalAlignment'));
  range.setVerticalAlignments(pick(grid, 'verticalAlignment'));
  range.setWraps(pick(grid, 'wrap'));
}

/** Applies a whole plan to a sheet freshly made by insertSheet(): a fixed number of calls for any content size. */
export function applySheetPlan(sheet: Sheet, plan: SheetPlan): void {
  if (plan.numRows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, plan.numRows - NEW_SHEET_ROWS);
  if (plan.numColumns < NEW_SHEET_COLUMNS) sheet.deleteColumns(plan.numColumns + 1, NEW_SHEET_COLUMNS - plan.numColumns);
  // Merge while the cells are still empty: merging keeps only the top-left value of each merged range.
  if (plan.mergeAcross.length > 0) {
    for (const range of sheet.getRangeList(plan.mergeAcross).getRanges()) range.mergeAcross();
  }
  if (plan.breakApart.length > 0) sheet.getRangeList(plan.breakApart).breakApart();
  writeGrid(sheet.getRange(1, 1, plan.numRows, plan.numColumns), plan);
  applyStructure(sheet, plan);
}

/** Borders, sizes, names and sheet settings of a plan. */
export function applyStructure(sheet: Sheet, plan: SheetPlan): void {
  for (const group of plan.borders) {
    const inner = group.inner === true;
    sheet
      .getRangeList(group.ranges)
      .setBorder(true, true, true, true, inner, inner, group.color, SpreadsheetApp.BorderStyle[group.style]);
  }
  setColumnWidths(sheet, plan.columnWidths);
  for (const { row, count, height } of plan.rowHeights) sheet.setRowHeights(row, count, height);
  for (const { column, count } of plan.hiddenColumns) sheet.hideColumns(column, count);
  for (const { range, note } of plan.notes) sheet.getRange(range).setNote(note);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.hideGridlines) sheet.setHiddenGridlines(true);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  if (plan.namedRanges.length > 0) {
    const spreadsheet = sheet.getParent();
    const ranges = sheet.getRangeList(plan.namedRanges.map((n) => n.range)).getRanges();
    plan.namedRanges.forEach((n, i) => spreadsheet.setNamedRange(n.name, ranges[i]));
  }
}

/** One setColumnWidths call per run of equal widths. */
function setColumnWidths(sheet: Sheet, widths: readonly number[]): void {
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i === widths.length || widths[i] !== widths[start]) {
      sheet.setColumnWidths(start + 1, i - start, widths[start]);
      start = i;
    }
  }
}
