/**
 * A1 notation: column letters, cell and range references, sheet-name quoting.
 *
 * Accepted forms (case-insensitive letters, optional `$` anchors):
 *   A1   A1:B2   A:B   1:3   A2:B (open-ended rows)   Sheet1!A1   'Quoted Sheet'!A1:B2   'It''s'!A1
 */
import type { Rect } from './types';

/** Largest column Sheets allows (ZZZ). */
export const MAX_COLUMN_LETTERS = 3;

export function columnToLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`Invalid column number ${col}`);
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) {
    const code = up.charCodeAt(i);
    if (code < 65 || code > 90) throw new Error(`Invalid column letters ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}

/** One end of an area. A missing row means "whole column(s)", a missing column "whole row(s)". */
export interface AreaPoint {
  row?: number;
  col?: number;
  rowAbs: boolean;
  colAbs: boolean;
}

/** A cell (no `end`) or a range between two points. */
export interface Area {
  start: AreaPoint;
  end?: AreaPoint;
}

export interface ParsedReference {
  /** Unquoted sheet name, when the text had a `Sheet!` prefix. */
  sheet?: string;
  area: Area;
}

const POINT_CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const POINT_COL = /^(\$?)([A-Za-z]{1,3})$/;
const POINT_ROW = /^(\$?)([0-9]+)$/;

export function parsePoint(text: string): AreaPoint | null {
  let m = POINT_CELL.exec(text);
  if (m) {
    const row = Number(m[4]);
    if (row < 1) return null;
    return { col: lettersToColumn(m[2]), row, colAbs: m[1] === '$', rowAbs: m[3] === '$' };
  }
  m = POINT_COL.exec(text);
  if (m) return { col: lettersToColumn(m[2]), colAbs: m[1] === '$', rowAbs: false };
  m = POINT_ROW.exec(text);
  if (m) {
    const row = Number(m[2]);
    if (row < 1) return null;
    return { row, rowAbs: m[1] === '$', colAbs: false };
  }
  return null;
}

/** Parses the area part (no sheet prefix). Returns null when the text is not a valid A1 area. */
export function parseArea(text: string): Area | null {
  const parts = text.split(':');
  if (parts.length === 1) {
    const p = parsePoint(parts[0]);
    if (!p || p.row === undefined || p.col === undefined) return null;
    return { start: p };
  }
  if (parts.length !== 2) return null;
  const a = parsePoint(parts[0]);
  const b = parsePoint(parts[1]);
  if (!a || !b) return null;
  const aCell = a.row !== undefined && a.col !== undefined;
  const bCell = b.row !== undefined && b.col !== undefined;
  const aCol = a.row === undefined;
  const bCol = b.row === undefined;
  const aRow = a.col === undefined;
  const bRow = b.col === undefined;
  // Allowed: cell:cell, col:col, row:row, cell:col (A2:B, open rows), col:cell (A:B5 -> treated as A1:B5 by Sheets; we keep it open)
  if (aCell && bCell) return { start: a, end: b };
  if (aCol && bCol) return { start: a, end: b };
  if (aRow && bRow) return { start: a, end: b };
  if (aCell && bCol) return { start: a, end: b };
  if (aCell && bRow) return { start: a, end: b };
  return null;
}

/** Splits an optional sheet prefix off a reference. */
export function splitSheetPrefix(text: string): { sheet?: string; rest: string } | null {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < t.length) {
      const ch = t[i];
      if (ch === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (i >= t.length || t[i + 1] !== '!') return null;
    return { sheet: name, rest: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf('!');
  if (bang >= 0) return { sheet: t.slice(0, bang), rest: t.slice(bang + 1) };
  return { rest: t };
}

/** Parses `Sheet!A1:B2`-style text. Null when invalid. */
export function parseReference(text: string): ParsedReference | null {
  const split = splitSheetPrefix(text);
  if (!split) return null;
  const area = parseArea(split.rest.trim());
  if (!area) return null;
  return split.sheet !== undefined ? { sheet: split.sheet, area } : { area };
}

/** Resolves an area to a concrete rectangle on a sheet of the given size. */
export function areaToRect(area: Area, maxRows: number, maxCols: number): Rect {
  const s = area.start;
  const e = area.end ?? area.start;
  const r1 = s.row ?? 1;
  const c1 = s.col ?? 1;
  const r2 = e.row ?? maxRows;
  const c2 = e.col ?? maxCols;
  return {
    r1: Math.min(r1, r2),
    r2: Math.max(r1, r2),
    c1: Math.min(c1, c2),
    c2: Math.max(c1, c2),
  };
}

export function formatPoint(p: AreaPoint): string {
  let s = '';
  if (p.col !== undefined) s += (p.colAbs ? '$' : '') + columnToLetters(p.col);
  if (p.row !== undefined) s += (p.rowAbs ? '$' : '') + String(p.row);
  return s;
}

export function formatArea(area: Area): string {
  return area.end ? `${formatPoint(area.start)}:${formatPoint(area.end)}` : formatPoint(area.start);
}

/** The area without `$` anchors (how Range.getA1Notation reports it). */
export function relativeArea(area: Area): Area {
  const start = { ...area.start, rowAbs: false, colAbs: false };
  return area.end ? { start, end: { ...area.end, rowAbs: false, colAbs: false } } : { start };
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + String(row);
}

/** `A1` for a single cell, `A1:B2` otherwise (relative, no sheet). */
export function rectToA1(rect: Rect): string {
  const a = cellA1(rect.r1, rect.c1);
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return a;
  return `${a}:${cellA1(rect.r2, rect.c2)}`;
}

const SIMPLE_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOKS_LIKE_CELL = /^[A-Za-z]{1,3}[0-9]+$/;
const LOOKS_LIKE_R1C1 = /^[Rr][0-9]*[Cc][0-9]*$/;

/** Quotes a sheet name for use in a formula or A1 reference when Sheets would. */
export function quoteSheetName(name: string): string {
  if (
    SIMPLE_SHEET_NAME.test(name) &&
    !LOOKS_LIKE_CELL.test(name) &&
    !LOOKS_LIKE_R1C1.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name)
  ) {
    return name;
  }
  return `'${name.replace(/'/g, "''")}'`;
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return !(a.r2 < b.r1 || a.r1 > b.r2 || a.c2 < b.c1 || a.c1 > b.c2);
}

export function rectEquals(a: Rect, b: Rect): boolean {
  return a.r1 === b.r1 && a.r2 === b.r2 && a.c1 === b.c1 && a.c2 === b.c2;
}

/** Parses a plain `A1` cell address (no sheet, no range) to row/column. Throws on invalid input. */
export function parseCellA1(a1: string): { row: number; col: number } {
  const p = parsePoint(a1.trim());
  if (!p || p.row === undefined || p.col === undefined) throw new Error(`Invalid cell address: ${a1}`);
  return { row: p.row, col: p.col };
}
