import type { PlanGrid, SheetPlan } from '../core/sheet-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A fresh sheet from insertSheet() has this many rows and columns in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const pick = <K extends keyof PlanGrid['styles'][0][0]>(grid: Pick<PlanGrid, 'styles'>, key: K) =>
  grid.styles.map((row) => row.map((style) => style[key]));

/** What a cell of a sheet fresh from insertSheet() already has, so a fresh sheet skips setting it again. */
const NEW_SHEET_STYLE = { fontStyle: 'normal', fontWeight: 'normal', wrap: false, background: '#ffffff' } as const;

/**
 * Writes values and every style property of a grid with one call per property, whatever its size.
 * Number formats go first so literal text and bullets display right from the first paint. On a fresh
 * sheet, a property every cell leaves at Sheets' default is not written at all.
 */
export function writeGrid(range: Range, grid: Pick<PlanGrid, 'values' | 'styles'>, freshSheet = false): void {
  const needed = (key: keyof typeof NEW_SHEET_STYLE) =>
    !freshSheet || grid.styles.some((row) => row.some((style) => style[key] !== NEW_SHEET_STYLE[key]));
  range.setNumberFormats(pick(grid, 'numberFormat'));
  range.setValues(grid.values);
  if (needed('background')) range.setBackgrounds(pick(grid, 'background'));
  range.setFontColors(pick(grid, 'fontColor'));
  range.setFontSizes(pick(grid, 'fontSize'));
  if (needed('fontWeight')) range.setFontWeights(pick(grid, 'fontWeight'));
  if (needed('fontStyle')) range.setFontStyles(pick(grid, 'fontStyle'));
  range.setHorizontalAlignments(pick(grid, 'horizontalAlignment'));
  range.setVerticalAlignments(pick(grid, 'verticalAlignment'));
  if (needed('wrap')) range.setWraps(pick(grid, 'wrap'));
}

/** Applies a whole plan to a sheet freshly made by insertSheet(): a fixed number of calls for any content size. */
export function applySheetPlan(sheet: Sheet, plan: SheetPlan, spreadsheet: Spreadsheet): void {
  if (plan.numRows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, plan.numRows - NEW_SHEET_ROWS);
  // Merge while the cells are still empty: merging keeps only the top-left value of each merged range.
  mergeAcross(sheet, plan.mergeAcross);
  if (plan.breakApart.length > 0) sheet.getRangeList(plan.breakApart).breakApart();
  writeGrid(sheet.getRange(1, 1, plan.numRows, plan.numColumns), plan, true);
  applyStructure(sheet, plan, spreadsheet);
}

function mergeAcross(sheet: Sheet, a1s: readonly string[]): void {
  if (a1s.length === 1) sheet.getRange(a1s[0]).mergeAcross();
  else if (a1s.length > 1) for (const range of sheet.getRangeList([...a1s]).getRanges()) range.mergeAcross();
}

/** Borders, sizes, names and sheet settings of a plan. */
function applyStructure(sheet: Sheet, plan: SheetPlan, spreadsheet: Spreadsheet): void {
  for (const group of plan.borders) {
    const inner = group.inner === true;
    sheet
      .getRangeList(group.ranges)
      .setBorder(true, true, true, true, inner, inner, group.color, SpreadsheetApp.BorderStyle[group.style]);
  }
  setColumnWidths(sheet, plan.columnWidths);
  for (const { row, count, height } of plan.rowHeights) sheet.setRowHeights(row, count, height);
  for (const { column, count } of plan.hiddenColumns) sheet.hideColumns(column, count);
  if (plan.notes) sheet.getRange(plan.notes.range).setNotes(plan.notes.notes);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.hideGridlines) sheet.setHiddenGridlines(true);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  if (plan.namedRanges.length > 0) {
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
