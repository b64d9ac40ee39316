/**
 * A sheet described as data: everything the add-on writes to a sheet in one go. The pure core builds plans;
 * the server applies them with a fixed number of batched calls (one setter per property over the whole grid),
 * however much content there is.
 */
import { TEXT_FORMAT, isTextFormat, textCell } from './literal';

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

/** A coloured stretch of a cell's text, [start, end) in UTF-16 units (Sheets' rich text runs). */
export interface TextRun {
  start: number;
  end: number;
  color: string;
  bold: boolean;
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
  /** Coloured runs by 1-based cell; when there are any, the grid's text is written as rich text (one call). */
  runs: Array<{ row: number; column: number; runs: TextRun[] }>;
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
  /** Columns kept in view when scrolling right (the row labels). */
  frozenColumns: number;
  hideGridlines: boolean;
  tabColor: string | null;
  /**
   * Warning-only protection of the whole sheet (Protection.setWarningOnly: teammates may still edit after
   * Sheets' "are you sure?"), except the `unprotected` A1 ranges, which are edited freely; null: none.
   */
  protection: { unprotected: string[] } | null;
}

/** What one Range.setTextStyles call sets of a cell. */
export type FontStyle = Pick<CellStyle, 'fontColor' | 'fontSize' | 'fontWeight' | 'fontStyle'>;

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
  readonly runs: Array<{ row: number; column: number; runs: TextRun[] }> = [];

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

  /** Text with coloured runs (e.g. segment numbers, each in its segment's colour). */
  richText(row: number, column: number, text: string, runs: readonly TextRun[], style: Partial<CellStyle> = {}): void {
    this.text(row, column, text, style);
    if (runs.length > 0) this.runs.push({ row, column, runs: [...runs] });
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
    runs: grid.runs,
    mergeAcross: [],
    breakApart: [],
    borders: [],
    columnWidths: [],
    rowHeights: [],
    hiddenColumns: [],
    namedRanges: [],
    notes: null,
    frozenRows: 0,
    frozenColumns: 0,
    hideGridlines: true,
    tabColor: null,
    protection: null,
  };
}

/** One cell as rich text: the text it must hold and its coloured runs. */
export interface RichCell {
  text: string;
  runs: TextRun[];
}

/**
 * A grid's values as rich text, for a plan with coloured runs. Rich text is stored as the text given, never parsed,
 * so the text is what the literal rule meant the cell to hold: an apostrophe the rule put before text in an
 * automatic-format cell is not part of it. Only text grids qualify (a number or formula throws).
 */
export function richTextGrid(plan: Pick<SheetPlan, 'values' | 'styles' | 'runs'>): RichCell[][] {
  const cells = plan.values.map((row, r) =>
    row.map((value, c): RichCell => {
      if (typeof value !== 'string' || (value.startsWith('=') && value.length > 1))
        throw new Error(`Cell ${r + 1}:${c + 1} is not text and cannot be written as rich text.`);
      const literal = !isTextFormat(plan.styles[r][c].numberFormat) && value.startsWith("'");
      return { text: literal ? value.slice(1) : value, runs: [] };
    }),
  );
  for (const { row, column, runs } of plan.runs) cells[row - 1][column - 1].runs = runs;
  return cells;
}
