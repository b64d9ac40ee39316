/**
 * Reference rewriting, the way Sheets keeps formulas pointing at the same cells when the grid changes:
 *
 * - inserting rows/columns shifts references at or after the insertion point; a range that spans the
 *   insertion point (start < at <= end) grows;
 * - deleting rows/columns shifts later references back, shrinks ranges that lose part of their cells,
 *   and turns references whose cells are all deleted into #REF!;
 * - renaming a sheet rewrites `Old!A1` to `'New name'!A1` (quoted when needed);
 * - deleting a sheet turns references to it into #REF!.
 *
 * Only reference tokens are rewritten; everything else in the formula text is preserved.
 */
import { formatArea, quoteSheetName, type Area, type AreaPoint } from '../a1';
import { tokenize, untokenize, type Token } from './tokenizer';

export type StructuralChange =
  | { kind: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns'; sheet: string; at: number; count: number }
  | { kind: 'renameSheet'; from: string; to: string }
  | { kind: 'deleteSheet'; sheet: string };

export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

type Axis = 'row' | 'col';

function shiftInsert(area: Area, axis: Axis, at: number, count: number): Area {
  const start = { ...area.start };
  const end = area.end ? { ...area.end } : undefined;
  if (start[axis] !== undefined && start[axis] >= at) start[axis] = start[axis] + count;
  if (end && end[axis] !== undefined && end[axis] >= at) end[axis] = end[axis] + count;
  return end ? { start, end } : { start };
}

/** Returns null when every referenced cell is deleted. */
function shiftDelete(area: Area, axis: Axis, at: number, count: number): Area | null {
  const last = at + count - 1;
  const start: AreaPoint = { ...area.start };
  const end: AreaPoint | undefined = area.end ? { ...area.end } : undefined;
  const a = start[axis];
  if (!end) {
    if (a === undefined) return { start };
    if (a >= at && a <= last) return null;
    if (a > last) start[axis] = a - count;
    return { start };
  }
  const b = end[axis];
  if (a === undefined && b === undefined) return { start, end }; // whole columns/rows along the other axis
  if (a !== undefined && b !== undefined) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (lo >= at && hi <= last) return null;
    const newLo = lo < at ? lo : lo > last ? lo - count : at;
    const newHi = hi < at ? hi : hi > last ? hi - count : at - 1;
    if (a <= b) {
      start[axis] = newLo;
      end[axis] = newHi;
    } else {
      start[axis] = newHi;
      end[axis] = newLo;
    }
    return { start, end };
  }
  // Open-ended (e.g. A2:B — rows to the end of the sheet): only the defined end moves.
  if (a !== undefined) start[axis] = a < at ? a : a > last ? a - count : at;
  if (b !== undefined) end[axis] = b < at ? b : b > last ? b - count : at - 1;
  return { start, end };
}

function prefixOf(tok: Extract<Token, { type: 'ref' }>): string {
  const bang = tok.text.lastIndexOf('!');
  return bang >= 0 && tok.sheet !== undefined ? tok.text.slice(0, bang + 1) : '';
}

function refToken(prefix: string, sheet: string | undefined, area: Area): Token {
  return sheet !== undefined
    ? { type: 'ref', text: prefix + formatArea(area), sheet, area }
    : { type: 'ref', text: formatArea(area), area };
}

const REF_ERROR: Token = { type: 'error', text: '#REF!', code: '#REF!' };

/**
 * Applies a structural change to formula text (with its leading `=`) stored on sheet `hostSheet`.
 * Returns the text unchanged when nothing refers to the changed part.
 */
export function rewriteFormula(formula: string, hostSheet: string, change: StructuralChange): string {
  if (!formula.startsWith('=')) return formula;
  const tk = tokenize(formula.slice(1));
  if (!tk.ok) return formula;
  let changed = false;
  const out = tk.tokens.map((tok): Token => {
    if (tok.type !== 'ref') return tok;
    const target = tok.sheet ?? hostSheet;
    switch (change.kind) {
      case 'renameSheet':
        if (tok.sheet !== undefined && sameSheetName(tok.sheet, change.from)) {
          changed = true;
          return refToken(`${quoteSheetName(change.to)}!`, change.to, tok.area);
        }
        return tok;
      case 'deleteSheet':
        if (tok.sheet !== undefined && sameSheetName(tok.sheet, change.sheet)) {
          changed = true;
          return REF_ERROR;
        }
        return tok;
      default: {
        if (!sameSheetName(target, change.sheet)) return tok;
        const axis: Axis = change.kind === 'insertRows' || change.kind === 'deleteRows' ? 'row' : 'col';
        const insert = change.kind === 'insertRows' || change.kind === 'insertColumns';
        const area = insert
          ? shiftInsert(tok.area, axis, change.at, change.count)
          : shiftDelete(tok.area, axis, change.at, change.count);
        if (!area) {
          changed = true;
          return REF_ERROR;
        }
        const text = prefixOf(tok) + formatArea(area);
        if (text === tok.text) return tok;
        changed = true;
        return tok.sheet !== undefined ? { type: 'ref', text, sheet: tok.sheet, area } : { type: 'ref', text, area };
      }
    }
  });
  return changed ? `=${untokenize(out)}` : formula;
}

/** Applies a structural row/column change to a plain rectangle (named ranges, merges, protections). */
export function shiftRect(
  rect: { r1: number; c1: number; r2: number; c2: number },
  change: { kind: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns'; at: number; count: number },
): { r1: number; c1: number; r2: number; c2: number } | null {
  const area: Area = {
    start: { row: rect.r1, col: rect.c1, rowAbs: false, colAbs: false },
    end: { row: rect.r2, col: rect.c2, rowAbs: false, colAbs: false },
  };
  const axis: Axis = change.kind === 'insertRows' || change.kind === 'deleteRows' ? 'row' : 'col';
  const insert = change.kind === 'insertRows' || change.kind === 'insertColumns';
  const res = insert
    ? shiftInsert(area, axis, change.at, change.count)
    : shiftDelete(area, axis, change.at, change.count);
  if (!res || !res.end) return null;
  return {
    r1: res.start.row as number,
    c1: res.start.col as number,
    r2: res.end.row as number,
    c2: res.end.col as number,
  };
}

/**
 * Moves the relative parts of references by (dRow, dCol), as Sheets does when one formula is written to
 * a multi-cell range with setFormula. A reference moved off the sheet becomes #REF!.
 */
export function offsetRelativeReferences(formula: string, dRow: number, dCol: number): string {
  if ((dRow === 0 && dCol === 0) || !formula.startsWith('=')) return formula;
  const tk = tokenize(formula.slice(1));
  if (!tk.ok) return formula;
  const move = (p: AreaPoint): AreaPoint | null => {
    const q = { ...p };
    if (q.row !== undefined && !q.rowAbs) q.row += dRow;
    if (q.col !== undefined && !q.colAbs) q.col += dCol;
    if ((q.row !== undefined && q.row < 1) || (q.col !== undefined && q.col < 1)) return null;
    return q;
  };
  const out = tk.tokens.map((tok): Token => {
    if (tok.type !== 'ref') return tok;
    const start = move(tok.area.start);
    const end = tok.area.end ? move(tok.area.end) : undefined;
    if (!start || end === null) return REF_ERROR;
    const area: Area = end ? { start, end } : { start };
    return refToken(prefixOf(tok), tok.sheet, area);
  });
  return `=${untokenize(out)}`;
}

/**
 * Canonical formula text, as Sheets shows it after entry: function names, booleans, error literals and
 * cell references upper-cased; sheet names spelled as the sheet is actually named and quoted only when
 * needed. Text that does not tokenize is kept as written (it evaluates to #ERROR!).
 */
export function normalizeFormula(formula: string, canonicalSheetName: (name: string) => string | undefined): string {
  if (!formula.startsWith('=')) return formula;
  const tk = tokenize(formula.slice(1));
  if (!tk.ok) return formula;
  const out = tk.tokens.map((tok): Token => {
    switch (tok.type) {
      case 'func':
        return { ...tok, text: tok.name };
      case 'bool':
        return { ...tok, text: tok.value ? 'TRUE' : 'FALSE' };
      case 'ref': {
        if (tok.sheet === undefined) return { ...tok, text: formatArea(tok.area) };
        const name = canonicalSheetName(tok.sheet) ?? tok.sheet;
        return { type: 'ref', text: `${quoteSheetName(name)}!${formatArea(tok.area)}`, sheet: name, area: tok.area };
      }
      default:
        return tok;
    }
  });
  return `=${untokenize(out)}`;
}
