/**
 * Formula values and Sheets' coercion rules.
 *
 * Scalars: number, string, boolean, null (an empty cell) or a FormulaError. Ranges and array literals
 * are Grids, read lazily.
 */
import type { ErrorCode } from './tokenizer';
import { coerceTextToNumber } from '../cell-parsing';

export class FormulaError {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {}
}

export type Scalar = number | string | boolean | null | FormulaError;

export interface Grid {
  kind: 'grid';
  rows: number;
  cols: number;
  get(r: number, c: number): Scalar;
  /** Set for grids that come from a sheet reference. */
  ref?: { sheetId: number; r1: number; c1: number; r2: number; c2: number };
}

export type Value = Scalar | Grid;

export function isGrid(v: Value): v is Grid {
  return typeof v === 'object' && v !== null && !(v instanceof FormulaError) && v.kind === 'grid';
}

export function isError(v: unknown): v is FormulaError {
  return v instanceof FormulaError;
}

export const err = (code: ErrorCode, detail?: string): FormulaError => new FormulaError(code, detail);

/** True for a grid of more than one cell: operators and IS* functions then work element by element. */
export function isArray(v: Value): v is Grid {
  return isGrid(v) && (v.rows > 1 || v.cols > 1);
}

/**
 * Applies `f` element by element over grids and scalars (a scalar or 1×1 grid is repeated), as array arithmetic
 * inside SUMPRODUCT does in Sheets, Excel and LibreOffice. Grids of different sizes give #VALUE!.
 */
export function elementwise(values: Value[], f: (scalars: Scalar[]) => Scalar): Value {
  const arrays = values.filter(isArray);
  const rows = arrays[0].rows;
  const cols = arrays[0].cols;
  if (arrays.some((a) => a.rows !== rows || a.cols !== cols))
    return err('#VALUE!', 'Array arguments are of different size.');
  const at = (v: Value, r: number, c: number): Scalar => (isArray(v) ? v.get(r, c) : toScalar(v));
  const out = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => f(values.map((v) => at(v, r, c)))),
  );
  return { kind: 'grid', rows, cols, get: (r, c) => out[r][c] };
}

/** A single value from a value that may be a grid (1×1 grids collapse; larger ones are #VALUE!). */
export function toScalar(v: Value): Scalar {
  if (!isGrid(v)) return v;
  if (v.rows === 1 && v.cols === 1) return v.get(0, 0);
  return err('#VALUE!', 'An array value could not be found.');
}

/** Number → text the way Sheets concatenates numbers (up to 15 significant digits, no grouping). */
export function numberToText(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  const s = String(p);
  const m = /^(-?[0-9.]+)e([+-])([0-9]+)$/.exec(s);
  if (m) return `${m[1].toUpperCase()}E${m[2]}${m[3].padStart(2, '0')}`;
  return s;
}

export function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof FormulaError) return v;
  const n = coerceTextToNumber(v);
  if (n === null)
    return err('#VALUE!', `Function expects number values. But '${v}' is a text and cannot be coerced to a number.`);
  return n;
}

/** Text of a scalar; an error stays the error (so a value known not to be one gives text). */
export function toText(v: Exclude<Scalar, FormulaError>): string;
export function toText(v: Scalar): string | FormulaError;
export function toText(v: Scalar): string | FormulaError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

export function toBool(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof FormulaError) return v;
  const u = v.trim().toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return err('#VALUE!', `Function expects boolean values. But '${v}' is a text and cannot be coerced to a boolean.`);
}

function typeRank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/**
 * Compares two non-error scalars like Sheets' comparison operators: an empty cell takes the other
 * side's type (0, "" or FALSE); otherwise numbers < text < booleans; text compares case-insensitively.
 * Returns <0, 0 or >0.
 */
export function compareScalars(a: Exclude<Scalar, FormulaError>, b: Exclude<Scalar, FormulaError>): number {
  let x = a;
  let y = b;
  if (x === null && y === null) return 0;
  if (x === null) x = typeof y === 'number' ? 0 : typeof y === 'string' ? '' : false;
  if (y === null) y = typeof x === 'number' ? 0 : typeof x === 'string' ? '' : false;
  const rx = typeRank(x);
  const ry = typeRank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'number') return x === y ? 0 : x < (y as number) ? -1 : 1;
  if (typeof x === 'boolean') return x === y ? 0 : x ? 1 : -1;
  const sx = x.toLowerCase();
  const sy = (y as string).toLowerCase();
  return sx === sy ? 0 : sx < sy ? -1 : 1;
}
