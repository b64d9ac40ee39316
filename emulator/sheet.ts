/** Sheet: ranges, dimensions, row/column structure, sizes, visibility, freezing, protection. */
import { areaToRect, formatArea, parseReference, relativeArea } from './a1';
import type { FakeContext } from './context';
import { SheetType, enumName } from './enums';
import { SHEET_METHODS } from './method-kinds';
import { OUTSIDE_SHEET, signatureMismatch, typeNames } from './errors';
import { normalizeColor } from './formats';
import { sameSheetName } from './formula/references';
import { cloneChart, newChartModel, type EmbeddedChartImpl } from './charts';
import type { SheetModel } from './sheet-model';
import type { Rect } from './types';

const ROWS_OOB = 'Those rows are out of bounds.';
const COLS_OOB = 'Those columns are out of bounds.';

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

export class SheetImpl {
  constructor(
    private readonly ctx: FakeContext,
    readonly model: SheetModel,
  ) {}

  private get doc() {
    return this.ctx.doc;
  }

  private alive(): void {
    if (this.model.deleted) this.ctx.fail(`The sheet "${this.model.name}" was deleted.`);
  }

  private ints(method: string, args: unknown[]): void {
    if (!args.every(isInt)) this.ctx.fail(signatureMismatch(typeNames(args), `SpreadsheetApp.Sheet.${method}`));
  }

  private range(rect: Rect, notation?: string): object {
    return this.ctx.factories.range(this.model, rect, notation);
  }

  /** Resolves A1 notation on this sheet (a `Sheet!` prefix naming another sheet is an error). */
  resolveA1(a1: string): { rect: Rect; notation: string } {
    const ref = typeof a1 === 'string' ? parseReference(a1) : null;
    if (!ref || (ref.sheet !== undefined && !sameSheetName(ref.sheet, this.model.name)))
      this.ctx.fail('Range not found');
    const rect = areaToRect(ref.area, this.model.maxRows, this.model.maxCols);
    if (rect.r2 > this.model.maxRows || rect.c2 > this.model.maxCols) this.ctx.fail(OUTSIDE_SHEET);
    return { rect, notation: formatArea(relativeArea(ref.area)) };
  }

  // ---- identity ----------------------------------------------------------------------------------------

  getName(): string {
    this.alive();
    return this.model.name;
  }

  setName(name: unknown): this {
    this.alive();
    if (typeof name !== 'string') this.ctx.fail(signatureMismatch(typeNames([name]), 'SpreadsheetApp.Sheet.setName'));
    this.ctx.guard(() => this.doc.renameSheet(this.model, name));
    return this;
  }

  getSheetId(): number {
    return this.model.id;
  }

  getType(): unknown {
    this.alive();
    return SheetType[this.model.type];
  }

  getIndex(): number {
    this.alive();
    return this.doc.sheets.indexOf(this.model) + 1;
  }

  getParent(): object {
    return this.ctx.factories.spreadsheet();
  }

  // ---- ranges ------------------------------------------------------------------------------------------

  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): object {
    this.alive();
    if (typeof a === 'string' && b === undefined) {
      const { rect, notation } = this.resolveA1(a);
      return this.range(rect, notation);
    }
    const args = [a, b, c, d].filter((x) => x !== undefined);
    if (!args.every(isInt) || args.length < 2)
      this.ctx.fail(signatureMismatch(typeNames(args), 'SpreadsheetApp.Sheet.getRange'));
    const row = a as number;
    const col = b as number;
    const numRows = (c as number | undefined) ?? 1;
    const numCols = (d as number | undefined) ?? 1;
    if (row < 1) this.ctx.fail('The starting row of the range is too small.');
    if (col < 1) this.ctx.fail('The starting column of the range is too small.');
    if (numRows < 1) this.ctx.fail('The number of rows in the range must be at least 1.');
    if (numCols < 1) this.ctx.fail('The number of columns in the range must be at least 1.');
    const rect = { r1: row, c1: col, r2: row + numRows - 1, c2: col + numCols - 1 };
    if (rect.r2 > this.model.maxRows || rect.c2 > this.model.maxCols) this.ctx.fail(OUTSIDE_SHEET);
    return this.range(rect);
  }

  getRangeList(a1Notations: unknown): object {
    this.alive();
    if (!Array.isArray(a1Notations))
      this.ctx.fail(signatureMismatch(typeNames([a1Notations]), 'SpreadsheetApp.Sheet.getRangeList'));
    const ranges = (a1Notations as unknown[]).map((a1) => {
      if (typeof a1 !== 'string') this.ctx.fail('Range not found');
      const { rect, notation } = this.resolveA1(a1);
      return { sheet: this.model, rect, notation };
    });
    return this.ctx.factories.rangeList(ranges);
  }

  getDataRange(): object {
    this.alive();
    const lr = Math.max(1, this.model.lastRow());
    const lc = Math.max(1, this.model.lastColumn());
    return this.range({ r1: 1, c1: 1, r2: lr, c2: lc });
  }

  getLastRow(): number {
    this.alive();
    return this.model.lastRow();
  }

  getLastColumn(): number {
    this.alive();
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    this.alive();
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.alive();
    return this.model.maxCols;
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.alive();
    this.ints('getSheetValues', [startRow, startColumn, numRows, numColumns]);
    const nr = numRows === -1 ? Math.max(0, this.model.lastRow() - startRow + 1) : numRows;
    const nc = numColumns === -1 ? Math.max(0, this.model.lastColumn() - startColumn + 1) : numColumns;
    const impl = this.ctx.unwrap<{ getValues(): unknown[][] }>(
      this.getRange(startRow, startColumn, Math.max(1, nr), Math.max(1, nc)),
    );
    return impl!.getValues();
  }

  getNamedRanges(): object[] {
    this.alive();
    const names = this.doc.namedRanges.filter((n) => n.valid && n.sheetId === this.model.id).map((n) => n.name);
    return this.ctx.realm.arrayFrom(names.map((n) => this.ctx.factories.namedRange(n)));
  }

  // ---- rows and columns --------------------------------------------------------------------------------

  private insertRowsAt(at: number, count: number, inheritFrom: number | null): this {
    this.ctx.guard(() => this.doc.insertRows(this.model, at, count, inheritFrom));
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.alive();
    this.ints('insertRowsBefore', [beforePosition, howMany]);
    if (beforePosition < 1 || beforePosition > this.model.maxRows || howMany < 1) this.ctx.fail(ROWS_OOB);
    return this.insertRowsAt(beforePosition, howMany, beforePosition);
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.alive();
    this.ints('insertRowsAfter', [afterPosition, howMany]);
    if (afterPosition < 1 || afterPosition > this.model.maxRows || howMany < 1) this.ctx.fail(ROWS_OOB);
    return this.insertRowsAt(afterPosition + 1, howMany, afterPosition);
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRows(rowIndex: number, numRows?: number): this {
    return this.insertRowsBefore(rowIndex, numRows ?? 1);
  }

  deleteRows(rowPosition: number, howMany: number): this {
    this.alive();
    this.ints('deleteRows', [rowPosition, howMany]);
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.model.maxRows) this.ctx.fail(ROWS_OOB);
    this.ctx.guard(() => this.doc.deleteRows(this.model, rowPosition, howMany));
    return this;
  }

  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.alive();
    this.ints('insertColumnsBefore', [beforePosition, howMany]);
    if (beforePosition < 1 || beforePosition > this.model.maxCols || howMany < 1) this.ctx.fail(COLS_OOB);
    this.ctx.guard(() => this.doc.insertColumns(this.model, beforePosition, howMany, beforePosition));
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.alive();
    this.ints('insertColumnsAfter', [afterPosition, howMany]);
    if (afterPosition < 1 || afterPosition > this.model.maxCols || howMany < 1) this.ctx.fail(COLS_OOB);
    this.ctx.guard(() => this.doc.insertColumns(this.model, afterPosition + 1, howMany, afterPosition));
    return this;
  }

  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumns(columnIndex: number, numColumns?: number): this {
    return this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }

  deleteColumns(columnPosition: number, howMany: number): this {
    this.alive();
    this.ints('deleteColumns', [columnPosition, howMany]);
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.model.maxCols) this.ctx.fail(COLS_OOB);
    this.ctx.guard(() => this.doc.deleteColumns(this.model, columnPosition, howMany));
    return this;
  }

  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }

  /** Writes a row after the last row with content (adding a row when the sheet is full). */
  appendRow(rowContents: unknown): this {
    this.alive();
    if (!Array.isArray(rowContents))
      this.ctx.fail(signatureMismatch(typeNames([rowContents]), 'SpreadsheetApp.Sheet.appendRow'));
    const values = rowContents as unknown[];
    const row = this.model.lastRow() + 1;
    this.ctx.guard(() => {
      for (const v of values) this.doc.checkInput(v);
      if (row > this.model.maxRows) this.doc.insertRows(this.model, row, 1, row - 1);
      if (values.length > this.model.maxCols)
        this.doc.insertColumns(
          this.model,
          this.model.maxCols + 1,
          values.length - this.model.maxCols,
          this.model.maxCols,
        );
      values.forEach((v, i) => this.doc.writeValue(this.model, row, i + 1, v));
    });
    return this;
  }

  // ---- sizes -------------------------------------------------------------------------------------------

  private checkCols(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this.model.maxCols) this.ctx.fail(COLS_OOB);
  }

  private checkRows(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this.model.maxRows) this.ctx.fail(ROWS_OOB);
  }

  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.alive();
    this.ints('setColumnWidths', [startColumn, numColumns]);
    this.checkCols(startColumn, numColumns);
    const w = Math.max(0, Math.round(Number(width)));
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.model.columnWidths[c - 1] = w === 100 ? undefined : w;
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.alive();
    this.ints('getColumnWidth', [columnPosition]);
    this.checkCols(columnPosition, 1);
    return this.model.columnWidth(columnPosition);
  }

  setRowHeight(rowPosition: number, height: number): this {
    return this.setRowHeights(rowPosition, 1, height);
  }

  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.alive();
    this.ints('setRowHeights', [startRow, numRows]);
    this.checkRows(startRow, numRows);
    const h = Math.max(0, Math.round(Number(height)));
    for (let r = startRow; r < startRow + numRows; r++) this.model.rowHeights[r - 1] = h;
    return this;
  }

  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    return this.setRowHeights(startRow, numRows, height);
  }

  getRowHeight(rowPosition: number): number {
    this.alive();
    this.ints('getRowHeight', [rowPosition]);
    this.checkRows(rowPosition, 1);
    return this.model.rowHeight(rowPosition);
  }

  // ---- visibility --------------------------------------------------------------------------------------

  hideColumns(columnIndex: number, numColumns?: number): this {
    this.alive();
    const n = numColumns ?? 1;
    this.ints('hideColumns', [columnIndex, n]);
    this.checkCols(columnIndex, n);
    for (let c = columnIndex; c < columnIndex + n; c++) this.model.hiddenColumns[c - 1] = true;
    return this;
  }

  showColumns(columnIndex: number, numColumns?: number): this {
    this.alive();
    const n = numColumns ?? 1;
    this.ints('showColumns', [columnIndex, n]);
    this.checkCols(columnIndex, n);
    for (let c = columnIndex; c < columnIndex + n; c++) this.model.hiddenColumns[c - 1] = undefined;
    return this;
  }

  private rangeRect(range: unknown, method: string): Rect {
    const impl = this.ctx.unwrap<{ rect: Rect }>(range);
    if (!impl) this.ctx.fail(signatureMismatch(typeNames([range]), `SpreadsheetApp.Sheet.${method}`));
    return impl.rect;
  }

  hideColumn(column: unknown): this {
    const r = this.rangeRect(column, 'hideColumn');
    return this.hideColumns(r.c1, r.c2 - r.c1 + 1);
  }

  unhideColumn(column: unknown): this {
    const r = this.rangeRect(column, 'unhideColumn');
    return this.showColumns(r.c1, r.c2 - r.c1 + 1);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.alive();
    this.ints('isColumnHiddenByUser', [columnPosition]);
    return this.model.hiddenColumns[columnPosition - 1] === true;
  }

  hideRows(rowIndex: number, numRows?: number): this {
    this.alive();
    const n = numRows ?? 1;
    this.ints('hideRows', [rowIndex, n]);
    this.checkRows(rowIndex, n);
    for (let r = rowIndex; r < rowIndex + n; r++) this.model.hiddenRows[r - 1] = true;
    return this;
  }

  showRows(rowIndex: number, numRows?: number): this {
    this.alive();
    const n = numRows ?? 1;
    this.ints('showRows', [rowIndex, n]);
    this.checkRows(rowIndex, n);
    for (let r = rowIndex; r < rowIndex + n; r++) this.model.hiddenRows[r - 1] = undefined;
    return this;
  }

  hideRow(row: unknown): this {
    const r = this.rangeRect(row, 'hideRow');
    return this.hideRows(r.r1, r.r2 - r.r1 + 1);
  }

  unhideRow(row: unknown): this {
    const r = this.rangeRect(row, 'unhideRow');
    return this.showRows(r.r1, r.r2 - r.r1 + 1);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.alive();
    this.ints('isRowHiddenByUser', [rowPosition]);
    return this.model.hiddenRows[rowPosition - 1] === true;
  }

  setHiddenGridlines(hideGridlines: boolean): this {
    this.alive();
    this.model.gridlinesHidden = !!hideGridlines;
    return this;
  }

  hasHiddenGridlines(): boolean {
    this.alive();
    return this.model.gridlinesHidden;
  }

  setFrozenRows(rows: number): this {
    this.alive();
    this.ints('setFrozenRows', [rows]);
    if (rows < 0 || rows > this.model.maxRows) this.ctx.fail(ROWS_OOB);
    this.model.frozenRows = rows;
    return this;
  }

  setFrozenColumns(columns: number): this {
    this.alive();
    this.ints('setFrozenColumns', [columns]);
    if (columns < 0 || columns > this.model.maxCols) this.ctx.fail(COLS_OOB);
    this.model.frozenColumns = columns;
    return this;
  }

  getFrozenRows(): number {
    this.alive();
    return this.model.frozenRows;
  }

  getFrozenColumns(): number {
    this.alive();
    return this.model.frozenColumns;
  }

  setTabColor(color: string | null): this {
    this.alive();
    this.model.tabColor = color === null || color === undefined || color === '' ? null : normalizeColor(color);
    return this;
  }

  getTabColor(): string | null {
    this.alive();
    return this.model.tabColor;
  }

  isSheetHidden(): boolean {
    this.alive();
    return this.model.hidden;
  }

  showSheet(): this {
    this.alive();
    this.model.hidden = false;
    return this;
  }

  hideSheet(): this {
    this.alive();
    const visible = this.doc.sheets.filter((s) => !s.hidden && s !== this.model);
    if (visible.length === 0) this.ctx.fail("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    if (this.doc.activeSheetId === this.model.id) {
      this.doc.activeSheetId = visible[0].id;
      this.doc.activeRange = null;
    }
    return this;
  }

  // ---- protection --------------------------------------------------------------------------------------

  protect(): object {
    this.alive();
    const existing = this.model.protections.find((p) => p.type === 'SHEET');
    if (existing) return this.ctx.factories.protection(this.model, existing.id);
    const id = this.doc.nextProtectionId++;
    this.model.protections.push({
      id,
      type: 'SHEET',
      description: '',
      warningOnly: false,
      editors: [],
      domainEdit: false,
      unprotected: [],
    });
    return this.ctx.factories.protection(this.model, id);
  }

  getProtections(type: unknown): object[] {
    this.alive();
    const t = enumName(type);
    if (t !== 'SHEET' && t !== 'RANGE')
      this.ctx.fail(signatureMismatch(typeNames([type]), 'SpreadsheetApp.Sheet.getProtections'));
    const found = this.model.protections.filter((p) => p.type === t);
    return this.ctx.realm.arrayFrom(found.map((p) => this.ctx.factories.protection(this.model, p.id)));
  }

  // ---- clearing ----------------------------------------------------------------------------------------

  private whole(): {
    clear(o?: object): unknown;
    clearContent(): unknown;
    clearFormat(): unknown;
    clearNote(): unknown;
  } {
    const proxy = this.range({ r1: 1, c1: 1, r2: this.model.maxRows, c2: this.model.maxCols });
    return this.ctx.unwrap(proxy)!;
  }

  clear(options?: object): this {
    this.alive();
    this.whole().clear(options);
    return this;
  }

  clearContents(): this {
    this.alive();
    this.whole().clearContent();
    return this;
  }

  clearFormats(): this {
    this.alive();
    this.whole().clearFormat();
    return this;
  }

  clearNotes(): this {
    this.alive();
    this.whole().clearNote();
    return this;
  }

  // ---- activation --------------------------------------------------------------------------------------

  activate(): this {
    this.alive();
    if (this.doc.activeSheetId !== this.model.id) {
      this.doc.activeSheetId = this.model.id;
      this.doc.activeRange = null;
    }
    return this;
  }

  getActiveRange(): object {
    this.alive();
    const ar = this.doc.activeRange;
    if (ar && ar.sheetId === this.model.id) return this.range({ ...ar.rect });
    return this.range({ r1: 1, c1: 1, r2: 1, c2: 1 });
  }

  setActiveRange(range: unknown): object {
    const impl = this.ctx.unwrap<{ activate(): unknown; sheet: SheetModel }>(range);
    if (!impl) this.ctx.fail(signatureMismatch(typeNames([range]), 'SpreadsheetApp.Sheet.setActiveRange'));
    impl.activate();
    return range as object;
  }

  setActiveSelection(range: unknown): object {
    if (typeof range === 'string') {
      const { rect, notation } = this.resolveA1(range);
      const proxy = this.range(rect, notation);
      this.ctx.unwrap<{ activate(): unknown }>(proxy)!.activate();
      return proxy;
    }
    return this.setActiveRange(range);
  }

  // ---- charts ------------------------------------------------------------------------------------------

  /** A builder for a new chart on this sheet: a local object (no call); insertChart adds what it built. */
  newChart(): object {
    this.alive();
    return this.ctx.factories.chartBuilder(this.model, newChartModel());
  }

  private builtChart(chart: unknown, method: string): EmbeddedChartImpl {
    const impl = this.ctx.unwrap<EmbeddedChartImpl>(chart);
    if (!impl || !('chart' in impl))
      this.ctx.fail(signatureMismatch(typeNames([chart]), `SpreadsheetApp.Sheet.${method}`));
    return impl;
  }

  insertChart(chart: unknown): void {
    this.alive();
    const built = cloneChart(this.builtChart(chart, 'insertChart').chart);
    built.id = this.doc.nextChartId++;
    this.model.charts.push(built);
    this.doc.touch();
  }

  getCharts(): object[] {
    this.alive();
    return this.model.charts.map((c) => this.ctx.factories.embeddedChart(this.model, cloneChart(c)));
  }

  updateChart(chart: unknown): void {
    this.alive();
    const built = this.builtChart(chart, 'updateChart').chart;
    const at = this.model.charts.findIndex((c) => c.id === built.id);
    if (at < 0) this.ctx.fail('The chart was not found on this sheet.');
    this.model.charts[at] = cloneChart(built);
    this.doc.touch();
  }

  removeChart(chart: unknown): void {
    this.alive();
    const built = this.builtChart(chart, 'removeChart').chart;
    const at = this.model.charts.findIndex((c) => c.id === built.id);
    if (at < 0) this.ctx.fail('The chart was not found on this sheet.');
    this.model.charts.splice(at, 1);
    this.doc.touch();
  }
}

/** What a sheet without cells (type OBJECT: a chart on its own sheet) still answers; every other method throws. */
const OBJECT_SHEET_METHODS = new Set([
  'getName',
  'setName',
  'getSheetId',
  'getIndex',
  'getType',
  'getParent',
  'activate',
  'isSheetHidden',
  'hideSheet',
  'showSheet',
  'getTabColor',
  'setTabColor',
]);

/** A Sheet of type OBJECT: cell methods are not meant for it (pessimistic: they throw). */
export function objectSheet(ctx: FakeContext, impl: SheetImpl): SheetImpl {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !(prop in SHEET_METHODS) || OBJECT_SHEET_METHODS.has(prop)) return value;
      return () => ctx.fail(`This operation is not supported on a sheet of type OBJECT (${prop}).`);
    },
  });
}
