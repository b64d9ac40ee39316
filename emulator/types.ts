/**
 * Shared data types of the in-memory Google Sheets fake.
 *
 * Coordinates are 1-based and inclusive everywhere (row 1 / column 1 = A1), like Apps Script.
 */

/** A value stored in a cell (what `getValues` returns for a non-formula cell). Empty cells are simply absent. */
export type CellScalar = string | number | boolean | Date;

/** One side of a cell border. */
export interface BorderSide {
  color: string;
  /** Apps Script BorderStyle name: SOLID, SOLID_MEDIUM, SOLID_THICK, DOTTED, DASHED, DOUBLE. */
  style: string;
}

export interface CellBorders {
  top?: BorderSide;
  left?: BorderSide;
  bottom?: BorderSide;
  right?: BorderSide;
}

/**
 * Explicit (user-entered) cell formatting. Only properties that differ from the defaults are stored,
 * so an unformatted cell has no format object at all.
 */
export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  fontWeight?: 'bold' | 'normal';
  fontStyle?: 'italic' | 'normal';
  fontLine?: 'underline' | 'line-through' | 'none';
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** WRAP, OVERFLOW or CLIP. Unset means the sheet default (overflow). */
  wrapStrategy?: 'WRAP' | 'OVERFLOW' | 'CLIP';
  borders?: CellBorders;
}

/** A format with every property resolved (defaults filled in); what renderers use. */
export interface ResolvedFormat {
  numberFormat: string;
  background: string;
  fontColor: string;
  fontSize: number;
  fontFamily: string;
  fontWeight: 'bold' | 'normal';
  fontStyle: 'italic' | 'normal';
  fontLine: 'underline' | 'line-through' | 'none';
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapStrategy: 'WRAP' | 'OVERFLOW' | 'CLIP';
  /** True when text wraps (wrapStrategy WRAP). */
  wrap: boolean;
  borders: { top: BorderSide | null; left: BorderSide | null; bottom: BorderSide | null; right: BorderSide | null };
}

/** One stored cell. `formula` and `value` are exclusive: a formula cell's value is computed on read. */
export interface Cell {
  value?: CellScalar;
  formula?: string;
  format?: CellFormat;
  note?: string;
  /** Styled stretches of a text value written with setRichTextValues (see rich-text.ts); any other write drops them. */
  runs?: Array<{ start: number; end: number; foregroundColor?: string; bold?: boolean }>;
}

/** A rectangle of cells, 1-based inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type AuthModeName = 'FULL' | 'LIMITED' | 'NONE' | 'CUSTOM_FUNCTION';
