/**
 * Writes the spreadsheet the add-on built (the Sheets fake's read model) as an Excel workbook with
 * exceljs: every sheet in order, values, formulas (without the leading '=', with the value Sheets computed
 * cached so any viewer shows numbers), merges, column widths, row heights, hidden columns and rows,
 * frozen panes, gridlines, tab colours, fonts, fills, borders, alignment, wrapping, number formats, notes,
 * and the named ranges as defined names. The canvas sheet prints landscape on one page.
 * Used by `npm run export` and by the local preview's "Download .xlsx" button.
 */
import { chartBox } from '../charts/chart-option';
import { chartPng } from '../charts/render-chart';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CellScalar, ReadCell, ReadModel, ReadSheet } from '../../emulator';
import { alignment, argb, borders, columnWidthChars, fill, font, numberFormat, pointsFromPixels } from './convert';
import { DEFAULT_ROW_PX, estimateAutoRowHeights } from './row-heights';

export interface WorkbookOptions {
  /** Cache each formula's computed value (default true). False leaves the results for the reader to compute. */
  cacheValues?: boolean;
  /** Workbook creation time (default now). */
  created?: Date;
}

/** The hidden column-A marker the add-on puts in A1 of a canvas sheet. */
export const CANVAS_MARKER = /^xiaomi-canvas:canvas:\d+$/;

export function isCanvasSheet(sheet: ReadSheet): boolean {
  const a1 = sheet.cells.find((c) => c.row === 1 && c.column === 1);
  return !!a1 && typeof a1.computed === 'string' && CANVAS_MARKER.test(a1.computed);
}

/** 'Xiaomi Canvas' → "'Xiaomi Canvas'" (quotes doubled), the way references name a sheet. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function absoluteRange(row: number, column: number, numRows: number, numColumns: number): string {
  const tl = `$${columnLetters(column)}$${row}`;
  if (numRows === 1 && numColumns === 1) return tl;
  return `${tl}:$${columnLetters(column + numColumns - 1)}$${row + numRows - 1}`;
}

function scalar(value: CellScalar): ExcelJS.CellValue {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]'
    ? new Date((value as Date).getTime())
    : value;
}

function formulaResult(cell: ReadCell): ExcelJS.CellFormulaValue['result'] {
  if (cell.error) return { error: cell.error as ExcelJS.CellErrorValue['error'] };
  const v = scalar(cell.computed);
  return v as ExcelJS.CellFormulaValue['result'];
}

/** Rich text (coloured segment numbers) as Excel rich text: every stretch, styled runs over the cell's font. */
function richTextRuns(
  text: string,
  runs: NonNullable<ReadCell['runs']>,
  format: ReadCell['format'],
): ExcelJS.RichText[] {
  const out: ExcelJS.RichText[] = [];
  let at = 0;
  for (const run of [...runs].sort((a, b) => a.start - b.start)) {
    if (run.start > at) out.push({ text: text.slice(at, run.start), font: font(format) });
    const styled: Partial<ExcelJS.Font> = { ...font(format) };
    if (run.foregroundColor) styled.color = { argb: argb(run.foregroundColor) };
    if (run.bold !== undefined) styled.bold = run.bold;
    out.push({ text: text.slice(run.start, run.end), font: styled });
    at = run.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), font: font(format) });
  return out;
}

function writeCell(ws: ExcelJS.Worksheet, cell: ReadCell, cacheValues: boolean): void {
  const target = ws.getCell(cell.row, cell.column);
  if (cell.formula) {
    const formula = cell.formula.replace(/^=/, '');
    target.value = cacheValues ? { formula, result: formulaResult(cell) } : { formula, date1904: false };
  } else if (cell.runs?.length && typeof cell.value === 'string') {
    target.value = { richText: richTextRuns(cell.value, cell.runs, cell.format) };
  } else if (cell.value !== '' && cell.value !== undefined) {
    target.value = scalar(cell.value);
  }
  const f = cell.format;
  const style: Partial<ExcelJS.Style> = { font: font(f) };
  const nf = numberFormat(f.numberFormat);
  if (nf) style.numFmt = nf;
  const fl = fill(f);
  if (fl) style.fill = fl;
  const b = borders(f);
  if (b) style.border = b;
  const al = alignment(f);
  if (al) style.alignment = al;
  target.style = style;
  if (cell.note) target.note = cell.note;
}

function visibleWidthPx(sheet: ReadSheet): number {
  let px = 0;
  for (let c = 1; c <= Math.max(sheet.lastColumn, 1); c++)
    if (!sheet.hiddenColumns.includes(c)) px += sheet.columnWidths[c - 1] ?? 100;
  return px;
}

function writeSheet(
  wb: ExcelJS.Workbook,
  sheet: ReadSheet,
  options: Required<WorkbookOptions>,
  sheets: readonly ReadSheet[] = [sheet],
): void {
  const canvas = isCanvasSheet(sheet);
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: {
      defaultRowHeight: pointsFromPixels(DEFAULT_ROW_PX),
      defaultColWidth: columnWidthChars(100),
      ...(sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {}),
    },
  });

  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  ws.views = [
    frozen
      ? {
          state: 'frozen',
          xSplit: sheet.frozenColumns,
          ySplit: sheet.frozenRows,
          topLeftCell: `${columnLetters(sheet.frozenColumns + 1)}${sheet.frozenRows + 1}`,
          showGridLines: !sheet.gridlinesHidden,
        }
      : { state: 'normal', showGridLines: !sheet.gridlinesHidden },
  ];

  // Columns: widths for every column of the sheet (the add-on trims sheets to the columns it uses).
  const columns = Math.min(sheet.maxColumns, Math.max(sheet.lastColumn, 26));
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    col.width = columnWidthChars(sheet.columnWidths[c - 1] ?? 100);
    if (sheet.hiddenColumns.includes(c)) col.hidden = true;
  }

  for (const cell of sheet.cells) writeCell(ws, cell, options.cacheValues);

  // Merges after the cells, keeping each merged cell's own borders (Excel draws a merge's edges from them).
  for (const m of sheet.merges) ws.mergeCellsWithoutStyle(m.a1);

  // Embedded charts: an image of each (ECharts, rasterised), anchored where Sheets anchors the chart. The tables
  // they draw stay formulas, so the numbers recalculate; the picture is of the values at export time.
  for (const chart of sheet.charts) {
    const png = chartPng(chart, sheet, sheets);
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    const width = sheet.columnWidths[chart.anchorColumn - 1] ?? 100;
    const height = sheet.rowHeights[chart.anchorRow - 1] ?? DEFAULT_ROW_PX;
    const box = chartBox(chart, sheet);
    ws.addImage(image, {
      tl: { col: chart.anchorColumn - 1 + chart.offsetX / width, row: chart.anchorRow - 1 + chart.offsetY / height },
      ext: { width: box.width, height: box.height },
      editAs: 'oneCell',
    });
  }

  // Row heights: explicit ones as set in Sheets; automatic ones grown to fit their wrapped text.
  const estimated = estimateAutoRowHeights(sheet);
  for (let r = 1; r <= sheet.lastRow; r++) {
    const explicit = sheet.rowHeights[r - 1];
    const px = explicit ?? estimated.get(r);
    if (px !== undefined) ws.getRow(r).height = pointsFromPixels(px);
  }
  for (const r of sheet.hiddenRows) ws.getRow(r).hidden = true;

  // Printing: the canvas is a one-page poster; other sheets fit their width and run over as many pages as needed.
  // The used area includes formatted cells (the canvas's right-most column holds only borders and fills).
  const lastColumn = Math.max(
    1,
    sheet.lastColumn,
    ...sheet.cells.map((c) => c.column),
    ...sheet.merges.map((m) => m.column + m.numColumns - 1),
  );
  const lastRow = Math.max(1, sheet.lastRow, ...sheet.merges.map((m) => m.row + m.numRows - 1));
  const firstVisible =
    Array.from({ length: lastColumn }, (_, i) => i + 1).find((c) => !sheet.hiddenColumns.includes(c)) ?? 1;
  const margins = { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 };
  if (canvas) {
    ws.pageSetup = {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins,
      printArea: `${columnLetters(firstVisible)}1:${columnLetters(lastColumn)}${lastRow}`,
    };
  } else if (sheet.lastRow > 0) {
    ws.pageSetup = {
      orientation: visibleWidthPx(sheet) > 900 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins,
      ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
    };
  }
}

/** Builds the workbook for a read model (see fake.model()). */
export function buildWorkbook(model: ReadModel, options: WorkbookOptions = {}): ExcelJS.Workbook {
  const opts: Required<WorkbookOptions> = {
    cacheValues: options.cacheValues ?? true,
    created: options.created ?? new Date(),
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xiaomi Canvas';
  wb.lastModifiedBy = 'Xiaomi Canvas';
  wb.title = model.spreadsheetName;
  wb.created = opts.created;
  wb.modified = opts.created;
  // Any reader that can calculate recalculates on open; the cached values serve those that cannot.
  wb.calcProperties = { fullCalcOnLoad: true };

  for (const sheet of model.sheets) writeSheet(wb, sheet, opts, model.sheets);

  for (const named of model.namedRanges) {
    wb.definedNames.add(
      `${quoteSheet(named.sheet)}!${absoluteRange(named.row, named.column, named.numRows, named.numColumns)}`,
      named.name,
    );
  }

  const active = Math.max(
    0,
    model.sheets.findIndex((s) => s.name === model.activeSheet),
  );
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' }];
  return wb;
}

/** The .xlsx file for a read model, as bytes. */
export async function workbookBuffer(model: ReadModel, options: WorkbookOptions = {}): Promise<Buffer> {
  const data = await buildWorkbook(model, options).xlsx.writeBuffer();
  return Buffer.from(data);
}

/** Writes the .xlsx file for a read model (creating its folder). */
export async function writeWorkbookFile(
  model: ReadModel,
  file: string,
  options: WorkbookOptions = {},
): Promise<number> {
  const bytes = await workbookBuffer(model, options);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return bytes.length;
}
