/**
 * The naive baseline: the same canvas (the same plans, built by the same src/core builders, so the same cells,
 * formats, merges, borders, sizes and names) written the way most hand-written Apps Script does it — one cell at
 * a time, one format property of one cell at a time, and a read inside the row loop that forces Apps Script to
 * flush the writes queued so far (a new read-after-write round trip per row).
 *
 * It is deliberately not a straw man: the style that most cells of a sheet share (the plan's base style) is set
 * once per property over the whole grid, as a hand-written script would with `getRange('A1:K40').setWrap(true)`;
 * only what differs from it is set cell by cell. bench/README.md describes the method.
 */
import { ASSUMPTIONS_COLUMNS, assumptionsSheetName, assumptionsValues } from '../src/core/assumptions-plan';
import { BLOCK_IDS } from '../src/core/block-ids';
import { buildCanvasPlan } from '../src/core/canvas-plan';
import type { CanvasContent } from '../src/core/content-schema';
import { buildDetailsPlan } from '../src/core/details-plan';
import { sheetName } from '../src/core/instance-names';
import { buildKeyFiguresPlan } from '../src/core/key-figures-plan';
import type { CellStyle, CellValue, SheetPlan } from '../src/core/sheet-plan';
import {
  buildReportedResultsPlan,
  REPORTED_COLUMN_WIDTHS,
  REPORTED_LOOKUP_LAST_ROW,
  reportedRange,
  REPORTED_FROZEN_COLUMNS,
} from '../src/core/reported-results-plan';
import { buildNumbersPlan, chartOptions, comparableFigures } from '../src/core/numbers-plan';
import type { ReportedFigure } from '../src/core/reported-schema';
import reportedResults from '../content/reported-results.json';

const REPORTED = (reportedResults as { figures: ReportedFigure[] }).figures;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
/** What the naive script uses of SpreadsheetApp: border styles, and rich text for the segment numbers. */
type App = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'BorderStyle' | 'newRichTextValue' | 'newTextStyle'>;
type ChartTypes = GoogleAppsScript.Charts.Charts['ChartType'];

type StyleKey = keyof CellStyle;

/** One single-cell (or whole-range) setter per style property, as a hand-written script calls them. */
const SETTERS: Record<StyleKey, (range: Range, value: CellStyle[StyleKey]) => void> = {
  numberFormat: (r, v) => r.setNumberFormat(v as string),
  background: (r, v) => r.setBackground(v as string),
  fontColor: (r, v) => r.setFontColor(v as string),
  fontSize: (r, v) => r.setFontSize(v as number),
  fontWeight: (r, v) => r.setFontWeight(v as CellStyle['fontWeight']),
  fontStyle: (r, v) => r.setFontStyle(v as CellStyle['fontStyle']),
  horizontalAlignment: (r, v) => r.setHorizontalAlignment(v as CellStyle['horizontalAlignment']),
  verticalAlignment: (r, v) => r.setVerticalAlignment(v as CellStyle['verticalAlignment']),
  wrap: (r, v) => r.setWrap(v as boolean),
};
const STYLE_KEYS = Object.keys(SETTERS) as StyleKey[];

/** What a cell of a sheet fresh from insertSheet() already has (Google Sheets' defaults). */
const SHEETS_DEFAULT: Partial<CellStyle> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontSize: 10,
  fontWeight: 'normal',
  fontStyle: 'normal',
  wrap: false,
};

/** The three plans of a canvas instance, exactly as Insert builds them (src/server/insert.ts). */
export function canvasPlans(content: CanvasContent, instance = 1): Array<{ name: string; plan: SheetPlan }> {
  const canvas = buildCanvasPlan(
    content,
    instance,
    undefined,
    REPORTED.map((figure) => figure.period),
  );
  const details = buildDetailsPlan(content, instance);
  const links = content.blocks.flatMap((block) =>
    details.figureRows[block.id].map((row, i) => ({ blockTitle: block.title, row, unit: block.figures[i]?.unit })),
  );
  const detailsName = sheetName('details', instance);
  return [
    { name: sheetName('canvas', instance), plan: canvas.plan },
    { name: detailsName, plan: details.plan },
    {
      name: sheetName('figures', instance),
      plan: buildKeyFiguresPlan(
        instance,
        detailsName,
        links,
        reportedRange(sheetName('reported', instance), REPORTED.length),
      ),
    },
  ];
}

/** The most common value of a style property over a grid: the "base" a hand-written script sets range-wide. */
function baseValue(styles: readonly CellStyle[][], key: StyleKey): CellStyle[StyleKey] {
  const counts = new Map<CellStyle[StyleKey], number>();
  let best: CellStyle[StyleKey] = styles[0][0][key];
  let bestCount = 0;
  for (const row of styles) {
    for (const style of row) {
      const n = (counts.get(style[key]) ?? 0) + 1;
      counts.set(style[key], n);
      if (n > bestCount) {
        best = style[key];
        bestCount = n;
      }
    }
  }
  return best;
}

function writeValue(range: Range, value: CellValue): void {
  if (typeof value === 'string' && value.startsWith('=')) range.setFormula(value);
  else range.setValue(value);
}

/** Writes one plan to a fresh sheet, cell by cell. */
export function writeSheetNaively(spreadsheet: Spreadsheet, sheet: Sheet, plan: SheetPlan, app: App): void {
  const borderStyles = app.BorderStyle;
  const runsAt = new Map(plan.runs.map((cell) => [`${cell.row}:${cell.column}`, cell.runs]));
  const maxRows = sheet.getMaxRows();
  if (plan.numRows > maxRows) sheet.insertRowsAfter(maxRows, plan.numRows - maxRows);

  // Merges row by row (a hand-written script merges each block row as it draws it), before any value is written.
  for (const a1 of plan.mergeAcross) {
    const range = sheet.getRange(a1);
    const [row, column, rows, columns] = [range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()];
    for (let r = row; r < row + rows; r++) sheet.getRange(r, column, 1, columns).merge();
  }
  for (const a1 of plan.breakApart) sheet.getRange(a1).breakApart();

  // The shared base style, once per property over the whole grid (the generous part of the baseline).
  const whole = sheet.getRange(1, 1, plan.numRows, plan.numColumns);
  const base = {} as Record<StyleKey, CellStyle[StyleKey]>;
  for (const key of STYLE_KEYS) {
    base[key] = baseValue(plan.styles, key);
    if (SHEETS_DEFAULT[key] !== base[key]) SETTERS[key](whole, base[key]);
  }

  // Then every cell on its own: its value, and each property that differs from the base.
  for (let r = 1; r <= plan.numRows; r++) {
    sheet.getLastRow(); // "where does the table end now?" — the read that flushes this row's writes
    for (let c = 1; c <= plan.numColumns; c++) {
      const value = plan.values[r - 1][c - 1];
      const style = plan.styles[r - 1][c - 1];
      const differing = STYLE_KEYS.filter((key) => style[key] !== base[key]);
      if (value === '' && differing.length === 0) continue;
      const cell = sheet.getRange(r, c);
      for (const key of differing) SETTERS[key](cell, style[key]);
      if (value !== '') writeValue(cell, value);
      const runs = runsAt.get(`${r}:${c}`);
      if (runs) {
        // The coloured segment numbers, cell by cell: one rich text value each.
        const rich = app.newRichTextValue().setText(String(value));
        for (const run of runs)
          rich.setTextStyle(
            run.start,
            run.end,
            app.newTextStyle().setForegroundColor(run.color).setBold(run.bold).build(),
          );
        cell.setRichTextValue(rich.build());
      }
    }
  }

  for (const group of plan.borders) {
    const inner = group.inner === true;
    for (const a1 of group.ranges) {
      sheet.getRange(a1).setBorder(true, true, true, true, inner, inner, group.color, borderStyles[group.style]);
    }
  }
  plan.columnWidths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  for (const { row, count, height } of plan.rowHeights)
    for (let r = row; r < row + count; r++) sheet.setRowHeight(r, height);
  for (const { column, count } of plan.hiddenColumns)
    for (let c = column; c < column + count; c++) sheet.hideColumns(c);
  if (plan.notes) {
    const range = sheet.getRange(plan.notes.range);
    plan.notes.notes.forEach((row, i) =>
      row.forEach((note, j) => {
        if (note !== '') range.getCell(i + 1, j + 1).setNote(note);
      }),
    );
  }
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenColumns > 0) sheet.setFrozenColumns(plan.frozenColumns);
  if (plan.hideGridlines) sheet.setHiddenGridlines(true);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  for (const { name, range } of plan.namedRanges) spreadsheet.setNamedRange(name, sheet.getRange(range));
}

/**
 * Inserts the canvas the naive way: the same sheets as Insert Xiaomi canvas (instance 1, into a
 * spreadsheet without a canvas), with the same toasts and the canvas sheet active at the end.
 */
export function naiveInsert(spreadsheet: Spreadsheet, content: CanvasContent, app: App, chartTypes: ChartTypes): void {
  if (spreadsheet.getSheetByName(sheetName('canvas', 1)))
    throw new Error('naiveInsert: the spreadsheet already has a canvas');
  spreadsheet.toast('Inserting the Xiaomi canvas…', 'Xiaomi Canvas', 5);
  let canvas: Sheet | null = null;
  for (const { name, plan } of canvasPlans(content)) {
    const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
    canvas ??= sheet;
    writeSheetNaively(spreadsheet, sheet, plan, app);
  }
  // Reported Results: every cell on its own, the header cells made bold one by one.
  const reported = buildReportedResultsPlan(1, REPORTED);
  const sheet = spreadsheet.insertSheet(sheetName('reported', 1), spreadsheet.getSheets().length);
  reported.values.forEach((row, r) => {
    sheet.getLastRow();
    row.forEach((value, c) => {
      const cell = sheet.getRange(r + 1, c + 1);
      cell.setNumberFormat(reported.numberFormats[r][c]);
      cell.setValue(value);
      if (r === 0) cell.setFontWeight('bold');
    });
  });
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(REPORTED_FROZEN_COLUMNS);
  for (const [column, count, width] of REPORTED_COLUMN_WIDTHS)
    for (let c = column; c < column + count; c++) sheet.setColumnWidth(c, width);
  spreadsheet.setNamedRange(reported.namedRange.name, sheet.getRange(reported.namedRange.range));
  // Xiaomi in Numbers: every cell on its own, then each chart built and inserted.
  const numbers = buildNumbersPlan(
    {
      figuresSheet: sheetName('figures', 1),
      reportedSheet: sheetName('reported', 1),
      reportedLastRow: Math.max(REPORTED_LOOKUP_LAST_ROW, REPORTED.length + 1),
      comparisons: comparableFigures(
        content.blocks.flatMap((b) => b.figures),
        REPORTED,
      ),
    },
    REPORTED,
  );
  const chartsSheet = spreadsheet.insertSheet(sheetName('numbers', 1), spreadsheet.getSheets().length);
  numbers.values.forEach((row, r) => {
    chartsSheet.getLastRow();
    row.forEach((value, c) => {
      if (value !== '') chartsSheet.getRange(r + 1, c + 1).setValue(value);
    });
  });
  for (const spec of numbers.charts) {
    let builder = chartsSheet
      .newChart()
      .setChartType(chartTypes[spec.type])
      .addRange(chartsSheet.getRange(spec.range))
      .setNumHeaders(1)
      .setPosition(spec.position.row, spec.position.column, spec.position.offsetX, spec.position.offsetY);
    for (const [option, value] of chartOptions(spec)) builder = builder.setOption(option, value);
    chartsSheet.insertChart(builder.build());
  }

  // Assumptions: every cell on its own, the headings made bold one by one, each column's width on its own.
  const assumptions = assumptionsValues(sheetName('canvas', 1), buildCanvasPlan(content, 1).entries);
  const list = spreadsheet.insertSheet(assumptionsSheetName(1), spreadsheet.getSheets().length);
  assumptions.values.forEach((row, r) => {
    list.getLastRow();
    row.forEach((value, c) => {
      const cell = list.getRange(r + 1, c + 1);
      if (value !== '') cell.setValue(value);
      if (assumptions.headingRows.includes(r + 1)) cell.setFontWeight('bold');
    });
  });
  for (let c = 1; c <= ASSUMPTIONS_COLUMNS; c++) list.setColumnWidth(c, 240);

  canvas!.activate();
  spreadsheet.toast(`Done: ${BLOCK_IDS.length} blocks.`, 'Xiaomi Canvas', 8);
}
