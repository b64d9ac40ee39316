/**
 * The stored state of one sheet: a sparse grid of cells plus per-row/column properties, merges and
 * protections. Only non-empty cells are stored (rows and cells are sparse arrays), so a 1000×26 sheet
 * with a few hundred cells costs a few hundred objects.
 *
 * Structural operations here only touch this sheet's own storage; DocumentModel also rewrites formulas
 * in every sheet and shifts named ranges.
 */
import type { EvalSheet } from './formula/evaluator';
import { shiftRect } from './formula/references';
import type { ChartModel } from './charts';
import type { Cell, CellFormat, Rect } from './types';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export interface ProtectionModel {
  id: number;
  type: 'SHEET' | 'RANGE';
  rect?: Rect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
}

export function cloneFormat(f: CellFormat): CellFormat {
  const out: CellFormat = { ...f };
  if (f.borders) {
    out.borders = {};
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      const b = f.borders[side];
      if (b) out.borders[side] = { ...b };
    }
  }
  return out;
}

export function isEmptyFormat(f: CellFormat | undefined): boolean {
  if (!f) return true;
  for (const k of Object.keys(f) as Array<keyof CellFormat>) {
    if (k === 'borders') {
      const b = f.borders;
      if (b && (b.top || b.left || b.bottom || b.right)) return false;
    } else if (f[k] !== undefined) return false;
  }
  return true;
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== undefined || cell.formula !== undefined);
}

function spliceSparse<T>(arr: T[], at: number, deleteCount: number, insert: T[]): void {
  if (arr.length < at) arr.length = at;
  arr.splice(at, deleteCount, ...insert);
}

export class SheetModel implements EvalSheet {
  rows: Array<Array<Cell | undefined> | undefined> = [];
  columnWidths: Array<number | undefined> = [];
  rowHeights: Array<number | undefined> = [];
  hiddenRows: Array<boolean | undefined> = [];
  hiddenColumns: Array<boolean | undefined> = [];
  merges: Rect[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  gridlinesHidden = false;
  tabColor: string | null = null;
  hidden = false;
  protections: ProtectionModel[] = [];
  /** Embedded charts, in insertion order. */
  charts: ChartModel[] = [];
  deleted = false;
  /** GRID, or OBJECT for a chart moved to its own sheet (no cells: see SheetImpl's OBJECT guard). */
  type: 'GRID' | 'OBJECT' = 'GRID';

  constructor(
    public id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxCols = DEFAULT_COLUMNS,
  ) {}

  cellAt(row: number, col: number): Cell | undefined {
    const r = this.rows[row - 1];
    return r ? r[col - 1] : undefined;
  }

  ensureCell(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = {};
      r[col - 1] = c;
    }
    return c;
  }

  /** Drops a cell that holds nothing any more. */
  prune(row: number, col: number): void {
    const r = this.rows[row - 1];
    if (!r) return;
    const c = r[col - 1];
    if (!c) return;
    if (c.value === undefined && c.formula === undefined && c.note === undefined && isEmptyFormat(c.format)) {
      r[col - 1] = undefined;
    }
  }

  /** Calls fn for every stored cell, row by row. */
  forEachCell(fn: (cell: Cell, row: number, col: number) => void): void {
    for (let ri = 0; ri < this.rows.length; ri++) {
      const r = this.rows[ri];
      if (!r) continue;
      for (let ci = 0; ci < r.length; ci++) {
        const c = r[ci];
        if (c) fn(c, ri + 1, ci + 1);
      }
    }
  }

  /** Last row holding a value or formula (0 when the sheet has no content). Formats do not count. */
  lastRow(): number {
    for (let ri = Math.min(this.rows.length, this.maxRows) - 1; ri >= 0; ri--) {
      const r = this.rows[ri];
      if (!r) continue;
      for (let ci = 0; ci < r.length && ci < this.maxCols; ci++) if (hasContent(r[ci])) return ri + 1;
    }
    return 0;
  }

  /** Last column holding a value or formula (0 when the sheet has no content). */
  lastColumn(): number {
    let last = 0;
    for (let ri = 0; ri < this.rows.length && ri < this.maxRows; ri++) {
      const r = this.rows[ri];
      if (!r) continue;
      for (let ci = Math.min(r.length, this.maxCols) - 1; ci >= last; ci--) {
        if (hasContent(r[ci])) {
          last = ci + 1;
          break;
        }
      }
    }
    return last;
  }

  columnWidth(col: number): number {
    return this.columnWidths[col - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights[row - 1] ?? DEFAULT_ROW_HEIGHT;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    for (const m of this.merges) if (row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2) return m;
    return undefined;
  }

  // ---- structure -------------------------------------------------------------------------------------

  /**
   * Inserts `count` rows so that the first new row is `at`. New rows take the formats and height of
   * row `inheritFrom` (given in coordinates before the insertion), but no values, notes or merges.
   */
  insertRows(at: number, count: number, inheritFrom: number | null): void {
    const srcRow = inheritFrom !== null ? this.rows[inheritFrom - 1] : undefined;
    const srcHeight = inheritFrom !== null ? this.rowHeights[inheritFrom - 1] : undefined;
    const newRows: Array<Array<Cell | undefined> | undefined> = [];
    for (let i = 0; i < count; i++) {
      if (!srcRow) {
        newRows.push(undefined);
        continue;
      }
      const row: Array<Cell | undefined> = [];
      for (let ci = 0; ci < srcRow.length; ci++) {
        const f = srcRow[ci]?.format;
        if (f && !isEmptyFormat(f)) row[ci] = { format: cloneFormat(f) };
      }
      newRows.push(row.length ? row : undefined);
    }
    if (this.rows.length >= at || newRows.some((r) => r !== undefined)) spliceSparse(this.rows, at - 1, 0, newRows);
    if (this.rowHeights.length >= at || srcHeight !== undefined) {
      spliceSparse(this.rowHeights, at - 1, 0, new Array<number | undefined>(count).fill(srcHeight));
    }
    if (this.hiddenRows.length >= at)
      spliceSparse(this.hiddenRows, at - 1, 0, new Array<boolean | undefined>(count).fill(undefined));
    this.maxRows += count;
    if (at <= this.frozenRows) this.frozenRows += count;
    this.shiftOwnRects({ kind: 'insertRows', at, count });
  }

  deleteRows(at: number, count: number): void {
    if (this.rows.length >= at) this.rows.splice(at - 1, count);
    if (this.rowHeights.length >= at) this.rowHeights.splice(at - 1, count);
    if (this.hiddenRows.length >= at) this.hiddenRows.splice(at - 1, count);
    this.maxRows -= count;
    if (this.frozenRows >= at) this.frozenRows -= Math.min(count, this.frozenRows - at + 1);
    this.shiftOwnRects({ kind: 'deleteRows', at, count });
  }

  insertColumns(at: number, count: number, inheritFrom: number | null): void {
    const srcWidth = inheritFrom !== null ? this.columnWidths[inheritFrom - 1] : undefined;
    for (let ri = 0; ri < this.rows.length; ri++) {
      const r = this.rows[ri];
      if (!r) continue;
      const src = inheritFrom !== null ? r[inheritFrom - 1]?.format : undefined;
      const fresh: Array<Cell | undefined> = [];
      for (let i = 0; i < count; i++) fresh.push(src && !isEmptyFormat(src) ? { format: cloneFormat(src) } : undefined);
      if (r.length >= at || src) spliceSparse(r, at - 1, 0, fresh);
    }
    if (this.columnWidths.length >= at || srcWidth !== undefined) {
      spliceSparse(this.columnWidths, at - 1, 0, new Array<number | undefined>(count).fill(srcWidth));
    }
    if (this.hiddenColumns.length >= at)
      spliceSparse(this.hiddenColumns, at - 1, 0, new Array<boolean | undefined>(count).fill(undefined));
    this.maxCols += count;
    if (at <= this.frozenColumns) this.frozenColumns += count;
    this.shiftOwnRects({ kind: 'insertColumns', at, count });
  }

  deleteColumns(at: number, count: number): void {
    for (const r of this.rows) if (r && r.length >= at) r.splice(at - 1, count);
    if (this.columnWidths.length >= at) this.columnWidths.splice(at - 1, count);
    if (this.hiddenColumns.length >= at) this.hiddenColumns.splice(at - 1, count);
    this.maxCols -= count;
    if (this.frozenColumns >= at) this.frozenColumns -= Math.min(count, this.frozenColumns - at + 1);
    this.shiftOwnRects({ kind: 'deleteColumns', at, count });
  }

  private shiftOwnRects(change: {
    kind: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns';
    at: number;
    count: number;
  }): void {
    const merges: Rect[] = [];
    for (const m of this.merges) {
      const s = shiftRect(m, change);
      if (s && !(s.r1 === s.r2 && s.c1 === s.c2)) merges.push(s);
    }
    this.merges = merges;
    const protections: ProtectionModel[] = [];
    for (const p of this.protections) {
      if (p.type === 'RANGE' && p.rect) {
        const s = shiftRect(p.rect, change);
        if (!s) continue;
        p.rect = s;
      }
      p.unprotected = p.unprotected.map((r) => shiftRect(r, change)).filter((r): r is Rect => r !== null);
      protections.push(p);
    }
    this.protections = protections;
  }
}
