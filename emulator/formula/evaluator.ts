/**
 * Formula evaluator. Evaluates formulas live against the current document: a cell's value is computed
 * on read and cached until the document changes (the host's version number moves). A formula that
 * depends on itself evaluates to #REF! (Sheets: "Circular dependency detected") without looping.
 */
import { areaToRect } from '../a1';
import { dateToSerial } from '../dates';
import type { Cell, Rect } from '../types';
import { isDate } from '../realm';
import { FUNCTIONS, type CallContext, type Thunk } from './functions';
import { parseFormula, type Node } from './parser';
import {
  compareScalars,
  elementwise,
  err,
  FormulaError,
  isArray,
  isError,
  isGrid,
  toNumber,
  toScalar,
  toText,
  type Grid,
  type Scalar,
  type Value,
} from './values';

export interface EvalSheet {
  readonly id: number;
  readonly name: string;
  readonly maxRows: number;
  readonly maxCols: number;
  cellAt(row: number, col: number): Cell | undefined;
}

export interface EvalHost {
  sheetByName(name: string): EvalSheet | undefined;
  namedRange(name: string): { sheet: EvalSheet; rect: Rect } | undefined;
  readonly timeZone: string;
  /** The reading of undocumented behaviour (see document.ts); criteria depend on it. */
  readonly reading?: 'strict' | 'lenient';
  now(): Date;
  /** Changes whenever the document changes; cached results are dropped when it moves. */
  version(): number;
}

export interface CellResult {
  value: Scalar;
  /** True when the result is a date (a formula that refers directly to a date cell). */
  isDate: boolean;
}

export class Evaluator {
  private cache = new Map<string, CellResult>();
  private cacheVersion = -1;
  private inProgress = new Set<string>();
  /** Sheets seen by gridOf, by id (to follow a reference back to its cell). */
  private gridSheets = new Map<number, EvalSheet>();

  constructor(private readonly host: EvalHost) {}

  private sync(): void {
    const v = this.host.version();
    if (v !== this.cacheVersion) {
      this.cache.clear();
      this.cacheVersion = v;
    }
  }

  /** The value a formula sees when it refers to a cell (dates become serial numbers). */
  cellValue(sheet: EvalSheet, row: number, col: number): Scalar {
    const cell = sheet.cellAt(row, col);
    if (!cell) return null;
    if (cell.formula !== undefined) return this.evaluateCell(sheet, row, col).value;
    const v = cell.value;
    if (v === undefined) return null;
    if (isDate(v)) return dateToSerial(v.getTime(), this.host.timeZone);
    return v;
  }

  /** Evaluates the formula stored in a cell (cached). */
  evaluateCell(sheet: EvalSheet, row: number, col: number): CellResult {
    this.sync();
    const key = `${sheet.id}:${row}:${col}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const cell = sheet.cellAt(row, col);
    if (!cell || cell.formula === undefined) {
      const v = cell?.value;
      return {
        value: v === undefined ? null : isDate(v) ? dateToSerial(v.getTime(), this.host.timeZone) : v,
        isDate: isDate(v),
      };
    }
    if (this.inProgress.has(key)) {
      return {
        value: err(
          '#REF!',
          'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
        ),
        isDate: false,
      };
    }
    this.inProgress.add(key);
    let result: CellResult;
    try {
      result = this.evaluateFormula(cell.formula, sheet, row, col);
    } finally {
      this.inProgress.delete(key);
    }
    this.cache.set(key, result);
    return result;
  }

  /** Evaluates formula text as if it were in the given cell (not cached). */
  evaluateFormula(formula: string, sheet: EvalSheet, row: number, col: number): CellResult {
    const parsed = parseFormula(formula);
    if (!parsed.ok) return { value: err('#ERROR!', `Formula parse error. ${parsed.error}`), isDate: false };
    const ctx: CallContext = { sheet, row, col, host: this.host, evaluator: this };
    const raw = this.evalNode(parsed.ast, ctx);
    let value: Scalar;
    if (isGrid(raw)) {
      value =
        raw.rows === 1 && raw.cols === 1
          ? raw.get(0, 0)
          : err('#VALUE!', 'Array results are not supported by the fake.');
    } else value = raw;
    let dateResult = false;
    if (isGrid(raw) && raw.ref && raw.rows === 1 && raw.cols === 1) {
      const target = this.gridSheets.get(raw.ref.sheetId);
      if (target) {
        const c = target.cellAt(raw.ref.r1, raw.ref.c1);
        if (c) {
          if (c.formula !== undefined) dateResult = this.evaluateCell(target, raw.ref.r1, raw.ref.c1).isDate;
          else dateResult = isDate(c.value);
        }
      }
    }
    return { value, isDate: dateResult && typeof value === 'number' };
  }

  /** The sheet behind a grid produced by this evaluator. */
  sheetForId(id: number): EvalSheet | undefined {
    return this.gridSheets.get(id);
  }

  /** A grid over a rectangle of a sheet, read lazily. */
  gridOf(sheet: EvalSheet, rect: Rect): Grid {
    this.gridSheets.set(sheet.id, sheet);
    return {
      kind: 'grid',
      rows: rect.r2 - rect.r1 + 1,
      cols: rect.c2 - rect.c1 + 1,
      get: (r: number, c: number): Scalar => this.cellValue(sheet, rect.r1 + r, rect.c1 + c),
      ref: { sheetId: sheet.id, r1: rect.r1, c1: rect.c1, r2: rect.r2, c2: rect.c2 },
    };
  }

  evalNode(node: Node, ctx: CallContext): Value {
    switch (node.type) {
      case 'number':
        return node.value;
      case 'string':
        return node.value;
      case 'bool':
        return node.value;
      case 'error':
        return new FormulaError(node.code);
      case 'missing':
        return null;
      case 'ref': {
        const sheet = node.sheet !== undefined ? this.host.sheetByName(node.sheet) : ctx.sheet;
        if (!sheet) return err('#REF!', `Unresolved sheet name '${node.sheet}'.`);
        const rect = areaToRect(node.area, sheet.maxRows, sheet.maxCols);
        if (rect.r2 > sheet.maxRows || rect.c2 > sheet.maxCols) return err('#REF!', 'Reference does not exist.');
        return this.gridOf(sheet, rect);
      }
      case 'name': {
        const nr = this.host.namedRange(node.name);
        if (!nr) return err('#NAME?', `Unknown range name: '${node.name.toUpperCase()}'.`);
        return this.gridOf(nr.sheet, nr.rect);
      }
      case 'array': {
        const values = node.rows.map((row) => row.map((n) => toScalar(this.evalNode(n, ctx))));
        return { kind: 'grid', rows: values.length, cols: values[0].length, get: (r, c) => values[r][c] };
      }
      case 'call': {
        const fn = FUNCTIONS[node.name];
        if (!fn) return err('#NAME?', `Unknown function: '${node.name}'.`);
        const thunks: Thunk[] = node.args.map((a) => () => this.evalNode(a, ctx));
        return fn(thunks, ctx, node.args);
      }
      case 'unary': {
        const raw = this.evalNode(node.arg, ctx);
        if (isArray(raw)) return elementwise([raw], ([v]) => this.unaryScalar(node.op, v));
        return this.unaryScalar(node.op, toScalar(raw));
      }
      case 'percent': {
        const v = toScalar(this.evalNode(node.arg, ctx));
        const n = toNumber(v);
        return isError(n) ? n : n / 100;
      }
      case 'binary':
        return this.binary(node.op, node.left, node.right, ctx);
    }
  }

  private unaryScalar(op: string, v: Scalar): Scalar {
    if (op === '+') return v;
    if (isError(v)) return v;
    const n = toNumber(v);
    return isError(n) ? n : -n;
  }

  /** Operators work element by element when an operand is a range of several cells (array arithmetic). */
  private binary(op: string, leftNode: Node, rightNode: Node, ctx: CallContext): Value {
    const left = this.evalNode(leftNode, ctx);
    const right = this.evalNode(rightNode, ctx);
    if (isArray(left) || isArray(right)) return elementwise([left, right], ([l, r]) => this.binaryScalar(op, l, r));
    return this.binaryScalar(op, toScalar(left), toScalar(right));
  }

  private binaryScalar(op: string, l: Scalar, r: Scalar): Scalar {
    if (isError(l)) return l;
    if (isError(r)) return r;
    if (op === '&') {
      const a = toText(l);
      const b = toText(r);
      if (isError(a)) return a;
      if (isError(b)) return b;
      return a + b;
    }
    if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      const c = compareScalars(l, r);
      switch (op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '>':
          return c > 0;
        case '<=':
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const a = toNumber(l);
    if (isError(a)) return a;
    const b = toNumber(r);
    if (isError(b)) return b;
    let out: number;
    switch (op) {
      case '+':
        out = a + b;
        break;
      case '-':
        out = a - b;
        break;
      case '*':
        out = a * b;
        break;
      case '/':
        if (b === 0) return err('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
        out = a / b;
        break;
      case '^':
        if (a === 0 && b < 0) return err('#DIV/0!');
        out = Math.pow(a, b);
        break;
      default:
        return err('#ERROR!', `Unknown operator ${op}`);
    }
    if (!Number.isFinite(out)) return err('#NUM!');
    return out;
  }
}
