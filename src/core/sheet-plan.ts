/**
 * A sheet described as data: everything the add-on writes to a sheet in one go. The pure core builds plans;
 * the server applies them with a fixed number of batched calls (one setter per property over the whole grid),
 * however much content there is.
 */
import { TEXT_FORMAT, textCell } from './literal';

export type CellValue = string | number | boolean;

export interface CellStyle {
  background: string;
  fontColor: string;
  fontSize: number;
  fontWeight: 'normal' | 'bold';
  fontStyle: 'normal' | 'italic';
  horizontalAlignment: 'left' | 'center' | 'right';
  verticalAlignment: 'top' | 'middle' | 'bottom';
  wrap: boolean;
  numberFormat: string;
}

export interface BorderGroup {
  /** Ranges in A1 notation; each gets a border around its outer edge. */
  ranges: string[];
  color: string;
  style: 'SOLID' | 'SOLID_MEDIUM' | 'SOLID_THICK';
  /** Also draw the lines between cells (a table grid), not just the outline. */
  inner?: boolean;
}

export interface SheetPlan {
  numRows: number;
  numColumns: number;
  values: CellValue[][];
  styles: CellStyle[][];
  /** Ranges merged row by row (Range.mergeAcross). */
  mergeAcross: string[];
  /** Ranges whose merges are broken again after a wide mergeAcross (RangeList.breakApart). */
  breakApart: string[];
  borders: BorderGroup[];
  columnWidths: number[];
  /** Fixed heights by 1-based row; rows not listed keep automatic height so wrapped text fits. */
  rowHeights: Array<{ row: number; count: number; height: number }>;
  hiddenColumns: Array<{ column: number; count: number }>;
  namedRanges: Array<{ name: string; range: string }>;
  /** Notes of one rectangular range, written with a single setNotes call. */
  notes: { range: string; notes: string[][] } | null;
  frozenRows: number;
  hideGridlines: boolean;
  tabColor: string | null;
  /**
   * Warning-only protection of the whole sheet (Protection.setWarningOnly: teammates may still edit after
   * Sheets' "are you sure?"), except the `unprotected` A1 ranges, which are edited freely; null: none.
   */
  protection: { unprotected: string[] } | null;
}

export const BASE_STYLE: CellStyle = {
  background: '#ffffff',
  fontColor: '#202124',
  fontSize: 10,
  fontWeight: 'normal',
  fontStyle: 'normal',
  horizontalAlignment: 'left',
  verticalAlignment: 'top',
  wrap: true,
  numberFormat: TEXT_FORMAT,
};

/** A mutable grid that plan builders paint into, then turn into a SheetPlan. */
export class PlanGrid {
  readonly values: CellValue[][];
  readonly styles: CellStyle[][];

  constructor(
    readonly numRows: number,
    readonly numColumns: number,
    base: CellStyle = BASE_STYLE,
  ) {
    this.values = Array.from({ length: numRows }, () => Array<CellValue>(numColumns).fill(''));
    this.styles = Array.from({ length: numRows }, () => Array.from({ length: numColumns }, () => ({ ...base })));
  }

  /** A number, boolean, formula or fixed marker. Text goes through `text`, never here. */
  set(row: number, column: number, value: CellValue, style: Partial<CellStyle> = {}): void {
    this.values[row - 1][column - 1] = value;
    this.style(row, column, 1, 1, style);
  }

  /** Text stored exactly as given: value and number format come from the one literal rule (textCell). */
  text(row: number, column: number, text: string, style: Partial<CellStyle> = {}): void {
    const cell = textCell(text);
    this.set(row, column, cell.value, { ...style, numberFormat: cell.numberFormat });
  }

  style(row: number, column: number, numRows: number, numColumns: number, style: Partial<CellStyle>): void {
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) {
        Object.assign(this.styles[r - 1][c - 1], style);
      }
    }
  }
}

export function emptyPlan(grid: PlanGrid): SheetPlan {
  return {
    numRows: grid.numRows,
    numColumns: grid.numColumns,
    values: grid.values,
    styles: grid.styles,
    mergeAcross: [],
    breakApart: [],
    borders: [],
    columnWidths: [],
    rowHeights: [],
    hiddenColumns: [],
    namedRanges: [],
    notes: null,
    frozenRows: 0,
    hideGridlines: true,
    tabColor: null,
    protection: null,
  };
}
