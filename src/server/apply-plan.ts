/** Applies a sheet plan to a sheet with one call per property over whole ranges. */
import { richTextGrid, type FontStyle, type PlanGrid, type RichCell, type SheetPlan } from '../core/sheet-plan';
import { widthRuns } from '../core/width-runs';
import { a1Range } from '../core/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const pick = <K extends keyof PlanGrid['styles'][0][0]>(grid: Pick<PlanGrid, 'styles'>, key: K) =>
  grid.styles.map((row) => row.map((style) => style[key]));

/** What a cell of a sheet fresh from insertSheet() already has, so a fresh sheet skips setting it again. */
const NEW_SHEET_STYLE = {
  wrap: false,
  background: '#ffffff',
} as const;

/**
 * Writes values and every style property of a grid with one call per property, whatever its size; colour, size,
 * weight and italic go together as text styles (one call instead of four).
 * Number formats go first so literal text and bullets display right from the first paint. On a fresh
 * sheet, a property every cell leaves at Sheets' default is not written at all. A grid with coloured runs is
 * written as rich text instead of values, last, so the cell formats do not paint over its runs.
 */
export function writeGrid(
  range: Range,
  grid: Pick<PlanGrid, 'values' | 'styles'> & { runs?: PlanGrid['runs'] },
  { freshSheet = false }: { freshSheet?: boolean } = {},
): void {
  const needed = (key: keyof typeof NEW_SHEET_STYLE) =>
    !freshSheet || grid.styles.some((row) => row.some((style) => style[key] !== NEW_SHEET_STYLE[key]));
  const rich = grid.runs && grid.runs.length > 0 ? richTextGrid({ ...grid, runs: grid.runs }) : null;
  range.setNumberFormats(pick(grid, 'numberFormat'));
  if (!rich) range.setValues(grid.values);
  if (needed('background')) range.setBackgrounds(pick(grid, 'background'));
  range.setTextStyles(textStyles(grid.styles));
  range.setHorizontalAlignments(pick(grid, 'horizontalAlignment'));
  range.setVerticalAlignments(pick(grid, 'verticalAlignment'));
  if (needed('wrap')) range.setWraps(pick(grid, 'wrap'));
  if (rich) range.setRichTextValues(richTextValues(rich));
}

/**
 * Each cell's colour, size, weight and italic as one TextStyle (builders are local objects: no spreadsheet call).
 * Every attribute is set explicitly, so the cells are the same whether Sheets resets or keeps an attribute a
 * style leaves unset (undocumented; docs/sheets-assumptions.md).
 */
export function textStyles(styles: readonly (readonly FontStyle[])[]): GoogleAppsScript.Spreadsheet.TextStyle[][] {
  const built = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  return styles.map((row) =>
    row.map(({ fontColor, fontSize, fontWeight, fontStyle }) => {
      const key = `${fontColor}|${fontSize}|${fontWeight}|${fontStyle}`;
      let style = built.get(key);
      if (!style) {
        style = SpreadsheetApp.newTextStyle()
          .setForegroundColor(fontColor)
          .setFontSize(fontSize)
          .setBold(fontWeight === 'bold')
          .setItalic(fontStyle === 'italic')
          .build();
        built.set(key, style);
      }
      return style;
    }),
  );
}

/** Rich text values for cells (builders are local objects in Apps Script: no spreadsheet call). */
export function richTextValues(
  cells: readonly (readonly RichCell[])[],
): GoogleAppsScript.Spreadsheet.RichTextValue[][] {
  const styles = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  const styleOf = (color: string, bold: boolean) => {
    const key = `${color}|${bold}`;
    let style = styles.get(key);
    if (!style) {
      style = SpreadsheetApp.newTextStyle().setForegroundColor(color).setBold(bold).build();
      styles.set(key, style);
    }
    return style;
  };
  return cells.map((row) =>
    row.map((cell) => {
      const builder = SpreadsheetApp.newRichTextValue().setText(cell.text);
      for (const run of cell.runs) builder.setTextStyle(run.start, run.end, styleOf(run.color, run.bold));
      return builder.build();
    }),
  );
}

/**
 * The range rows × columns from A1 of a sheet fresh from insertSheet(), growing the sheet first if it is smaller.
 * Google does not document a new sheet's size, and reading it right after insertSheet would cost a round trip;
 * getRange outside the grid throws, so the sheet grows only then (inserting after row/column 1 of an empty
 * sheet moves nothing).
 */
export function freshSheetRange(sheet: Sheet, rows: number, columns: number): Range {
  try {
    return sheet.getRange(1, 1, rows, columns);
  } catch {
    if (rows > 1) sheet.insertRowsAfter(1, rows - 1);
  }
  try {
    return sheet.getRange(1, 1, rows, columns);
  } catch {
    if (columns > 1) sheet.insertColumnsAfter(1, columns - 1);
  }
  return sheet.getRange(1, 1, rows, columns);
}

/**
 * Applies a whole plan to a sheet freshly made by insertSheet(): a fixed number of calls for any content size.
 * `existing` holds names that already exist (e.g. Key Figures' after its sheet was deleted): they are moved.
 */
export function applySheetPlan(
  sheet: Sheet,
  plan: SheetPlan,
  spreadsheet: Spreadsheet,
  existing: ReadonlyMap<string, GoogleAppsScript.Spreadsheet.NamedRange> = new Map(),
): void {
  const range = freshSheetRange(sheet, plan.numRows, plan.numColumns);
  // Merge while the cells are still empty: merging keeps only the top-left value of each merged range.
  mergeAcross(sheet, plan.mergeAcross);
  if (plan.breakApart.length > 0) sheet.getRangeList(plan.breakApart).breakApart();
  writeGrid(range, plan, { freshSheet: true });
  applyStructure(sheet, plan, spreadsheet, range, existing);
}

function mergeAcross(sheet: Sheet, a1s: readonly string[]): void {
  if (a1s.length === 1) sheet.getRange(a1s[0]).mergeAcross();
  else if (a1s.length > 1) for (const range of sheet.getRangeList([...a1s]).getRanges()) range.mergeAcross();
}

/** Borders, sizes, names and sheet settings of a plan. */
function applyStructure(
  sheet: Sheet,
  plan: SheetPlan,
  spreadsheet: Spreadsheet,
  whole: Range,
  existing: ReadonlyMap<string, GoogleAppsScript.Spreadsheet.NamedRange>,
): void {
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
  if (plan.frozenColumns > 0) sheet.setFrozenColumns(plan.frozenColumns);
  if (plan.hideGridlines) sheet.setHiddenGridlines(true);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  if (plan.protection) protectSheet(sheet, plan.protection.unprotected);
  // Each name gets its own getRange (RangeList.getRanges() promises no order); the whole grid is reused.
  const wholeA1 = a1Range(1, 1, plan.numRows, plan.numColumns);
  for (const { name, range } of plan.namedRanges)
    placeNamedRange(spreadsheet, name, range === wholeA1 ? whole : sheet.getRange(range), existing);
}

/**
 * Points a name at `target`: an existing name is moved with NamedRange.setRange (documented), a missing one is
 * created. `existing` is the document's named ranges by name, read before any write.
 */
export function placeNamedRange(
  spreadsheet: Spreadsheet,
  name: string,
  target: Range,
  existing: ReadonlyMap<string, GoogleAppsScript.Spreadsheet.NamedRange>,
): void {
  const named = existing.get(name);
  if (named) named.setRange(target);
  else createNamedRange(spreadsheet, name, target);
}

/**
 * Creates the name `name` for `target`. Sheets may keep a name whose sheet or cells were deleted (it shows
 * #REF!) and refuse it to a new range: then that leftover is removed and the name created again. Costs nothing
 * more when no leftover is in the way.
 */
export function createNamedRange(spreadsheet: Spreadsheet, name: string, target: Range): void {
  try {
    spreadsheet.setNamedRange(name, target);
  } catch (error) {
    const leftover = spreadsheet.getNamedRanges().find((named) => named.getName() === name);
    if (!leftover) throw error;
    leftover.remove();
    spreadsheet.setNamedRange(name, target);
  }
}

/** Points each name at its A1 range on `sheet` (see placeNamedRange). */
export function placeNamedRanges(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  names: ReadonlyArray<{ name: string; range: string }>,
  existing: ReadonlyMap<string, GoogleAppsScript.Spreadsheet.NamedRange>,
): void {
  for (const { name, range } of names) placeNamedRange(spreadsheet, name, sheet.getRange(range), existing);
}

/**
 * One warning-only protection for the whole sheet (documented: Sheet.protect, Protection.setWarningOnly,
 * setUnprotectedRanges), with `unprotected` left free: two calls, three more when there are free ranges.
 * Never a protection that locks teammates out.
 */
function protectSheet(sheet: Sheet, unprotected: readonly string[]): void {
  const protection = sheet.protect().setWarningOnly(true);
  if (unprotected.length > 0) protection.setUnprotectedRanges(sheet.getRangeList([...unprotected]).getRanges());
}

/** As few setColumnWidths calls as the widths allow (a later call may paint over part of an earlier one). */
function setColumnWidths(sheet: Sheet, widths: readonly number[]): void {
  for (const run of widthRuns(widths)) sheet.setColumnWidths(run.column, run.count, run.width);
}
