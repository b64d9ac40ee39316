/**
 * Spreadsheet functions supported by the fake's evaluator. An unknown function evaluates to #NAME?.
 *
 * Logical: IF, IFS, IFERROR, IFNA, AND, OR, NOT, XOR, TRUE, FALSE
 * Info:    ISNUMBER, ISTEXT, ISBLANK, ISERROR, ISERR, ISNA, ISLOGICAL, ISNONTEXT, NA
 * Math:    SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, COUNTBLANK, COUNTIF, COUNTIFS, SUMIF, SUMIFS,
 *          AVERAGEIF, SUMPRODUCT (with array arithmetic: ranges compared and multiplied cell by cell), ABS, ROUND, ROUNDUP, ROUNDDOWN, INT, MOD, POWER, SQRT, PRODUCT, PI
 * Text:    LEN, LEFT, RIGHT, MID, UPPER, LOWER, TRIM, CONCATENATE, CONCAT, TEXT, VALUE, N, T, EXACT,
 *          SUBSTITUTE, REPT, FIND, SEARCH
 * Lookup:  INDEX, MATCH, VLOOKUP, ROW, COLUMN, ROWS, COLUMNS
 */
import { toFixedHalfUp, formatNumber } from '../number-format';
import { parseDateInstant } from '../cell-parsing';
import { dateToSerial } from '../dates';
import { makeMatcher } from './criteria';
import type { Node } from './parser';
import type { EvalHost, EvalSheet, Evaluator } from './evaluator';
import {
  compareScalars,
  elementwise,
  err,
  type FormulaError,
  isArray,
  isError,
  isGrid,
  toBool,
  toNumber,
  toScalar,
  toText,
  type Grid,
  type Scalar,
  type Value,
} from './values';

export interface CallContext {
  sheet: EvalSheet;
  row: number;
  col: number;
  host: EvalHost;
  evaluator: Evaluator;
}

export type Thunk = () => Value;
export type FnImpl = (args: Thunk[], ctx: CallContext, nodes: Node[]) => Value;

function argCount(name: string, args: Thunk[], min: number, max: number): FormulaError | null {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
    return err(
      '#N/A',
      `Wrong number of arguments to ${name}. Expected ${expected} arguments, but got ${args.length} arguments.`,
    );
  }
  return null;
}

function scalarArg(t: Thunk): Scalar {
  return toScalar(t());
}

function numArg(t: Thunk): number | FormulaError {
  const v = scalarArg(t);
  if (isError(v)) return v;
  return toNumber(v);
}

function textArg(t: Thunk): string | FormulaError {
  const v = scalarArg(t);
  if (isError(v)) return v;
  return toText(v);
}

function gridCells(g: Grid): Scalar[] {
  const out: Scalar[] = [];
  for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) out.push(g.get(r, c));
  return out;
}

/** Collects numbers for SUM-like functions: ranges contribute numbers only; direct arguments are coerced. */
function collectNumbers(args: Thunk[]): number[] | FormulaError {
  const out: number[] = [];
  for (const t of args) {
    const v = t();
    if (isGrid(v)) {
      for (const cell of gridCells(v)) {
        if (isError(cell)) return cell;
        if (typeof cell === 'number') out.push(cell);
      }
    } else {
      if (isError(v)) return v;
      if (v === null) continue;
      const n = toNumber(v);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function collectScalars(args: Thunk[]): Scalar[] {
  const out: Scalar[] = [];
  for (const t of args) {
    const v = t();
    if (isGrid(v)) out.push(...gridCells(v));
    else out.push(v);
  }
  return out;
}

function finite(n: number): number | FormulaError {
  return Number.isFinite(n) ? n : err('#NUM!');
}

function roundTo(x: number, digits: number, mode: 'half' | 'up' | 'down'): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  if (mode === 'half') {
    if (d >= 0) return sign * Number(toFixedHalfUp(abs, d));
    const f = Math.pow(10, -d);
    return sign * Number(toFixedHalfUp(abs / f, 0)) * f;
  }
  const f = Math.pow(10, d);
  const scaled = Number((abs * f).toPrecision(15));
  const r = mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  return sign * (r / f);
}

function bool(name: string, args: Thunk[], combine: (vals: boolean[]) => boolean): Value {
  const e = argCount(name, args, 1, Infinity);
  if (e) return e;
  const vals: boolean[] = [];
  for (const t of args) {
    const v = t();
    const cells = isGrid(v) ? gridCells(v) : [v];
    for (const c of cells) {
      if (isError(c)) return c;
      if (c === null) continue;
      if (isGrid(v) && typeof c === 'string') continue;
      const b = toBool(c);
      if (isError(b)) return b;
      vals.push(b);
    }
  }
  if (vals.length === 0) return err('#VALUE!', `${name} has no valid input data.`);
  return combine(vals);
}

function criteriaPairs(
  name: string,
  args: Thunk[],
  first: number,
): { ranges: Grid[]; criteria: Scalar[] } | FormulaError {
  const ranges: Grid[] = [];
  const criteria: Scalar[] = [];
  for (let i = first; i < args.length; i += 2) {
    const range = args[i]();
    if (!isGrid(range)) {
      if (isError(range)) return range;
      return err('#VALUE!', `${name} expects a range for criteria_range${(i - first) / 2 + 1}.`);
    }
    const crit = toScalar(args[i + 1]());
    ranges.push(range);
    criteria.push(crit);
  }
  const rows = ranges[0].rows;
  const cols = ranges[0].cols;
  if (ranges.some((r) => r.rows !== rows || r.cols !== cols)) {
    return err('#VALUE!', `Array arguments to ${name} are of differing size.`);
  }
  return { ranges, criteria };
}

function matchingCells(ranges: Grid[], criteria: Scalar[], ctx: CallContext): Array<[number, number]> {
  const textMatchesNumber = ctx.host.reading === 'lenient';
  const matchers = criteria.map((criterion) => makeMatcher(criterion, textMatchesNumber));
  const out: Array<[number, number]> = [];
  const g0 = ranges[0];
  for (let r = 0; r < g0.rows; r++) {
    for (let c = 0; c < g0.cols; c++) {
      let ok = true;
      for (let k = 0; k < ranges.length && ok; k++) ok = matchers[k](ranges[k].get(r, c));
      if (ok) out.push([r, c]);
    }
  }
  return out;
}

function toSerialIfDateText(v: Scalar, host: EvalHost): Scalar {
  if (typeof v === 'string') {
    const n = toNumber(v);
    if (!isError(n)) return n;
    const ms = parseDateInstant(v, { timeZone: host.timeZone, now: () => host.now() });
    if (ms !== null) return dateToSerial(ms, host.timeZone);
  }
  return v;
}

export const FUNCTIONS: Record<string, FnImpl> = {
  // ---- logical ----
  IF(args) {
    const e = argCount('IF', args, 2, 3);
    if (e) return e;
    const c = scalarArg(args[0]);
    if (isError(c)) return c;
    const b = toBool(c);
    if (isError(b)) return b;
    if (b) return args[1]();
    return args.length > 2 ? args[2]() : false;
  },
  IFS(args) {
    if (args.length < 2 || args.length % 2 !== 0) return err('#N/A', 'Wrong number of arguments to IFS.');
    for (let i = 0; i < args.length; i += 2) {
      const c = scalarArg(args[i]);
      if (isError(c)) return c;
      const b = toBool(c);
      if (isError(b)) return b;
      if (b) return args[i + 1]();
    }
    return err('#N/A', 'No match.');
  },
  IFERROR(args) {
    const e = argCount('IFERROR', args, 1, 2);
    if (e) return e;
    const v = args[0]();
    const s = isGrid(v) ? toScalar(v) : v;
    if (isError(s)) return args.length > 1 ? args[1]() : null;
    return v;
  },
  IFNA(args) {
    const e = argCount('IFNA', args, 2, 2);
    if (e) return e;
    const v = args[0]();
    const s = isGrid(v) ? toScalar(v) : v;
    if (isError(s) && s.code === '#N/A') return args[1]();
    return v;
  },
  AND: (args) => bool('AND', args, (v) => v.every(Boolean)),
  OR: (args) => bool('OR', args, (v) => v.some(Boolean)),
  XOR: (args) => bool('XOR', args, (v) => v.filter(Boolean).length % 2 === 1),
  NOT(args) {
    const e = argCount('NOT', args, 1, 1);
    if (e) return e;
    const v = scalarArg(args[0]);
    if (isError(v)) return v;
    const b = toBool(v);
    return isError(b) ? b : !b;
  },
  TRUE: (args) => argCount('TRUE', args, 0, 0) ?? true,
  FALSE: (args) => argCount('FALSE', args, 0, 0) ?? false,

  // ---- info ----
  ISNUMBER(args) {
    const e = argCount('ISNUMBER', args, 1, 1);
    if (e) return e;
    const v = args[0]();
    // Over a range (inside SUMPRODUCT), one answer per cell.
    if (isArray(v)) return elementwise([v], ([c]) => typeof c === 'number');
    return typeof toScalar(v) === 'number';
  },
  ISTEXT: (args) => argCount('ISTEXT', args, 1, 1) ?? typeof scalarArg(args[0]) === 'string',
  ISNONTEXT: (args) => argCount('ISNONTEXT', args, 1, 1) ?? typeof scalarArg(args[0]) !== 'string',
  ISLOGICAL: (args) => argCount('ISLOGICAL', args, 1, 1) ?? typeof scalarArg(args[0]) === 'boolean',
  ISERROR: (args) => argCount('ISERROR', args, 1, 1) ?? isError(scalarArg(args[0])),
  ISERR(args) {
    const e = argCount('ISERR', args, 1, 1);
    if (e) return e;
    const v = scalarArg(args[0]);
    return isError(v) && v.code !== '#N/A';
  },
  ISNA(args) {
    const e = argCount('ISNA', args, 1, 1);
    if (e) return e;
    const v = scalarArg(args[0]);
    return isError(v) && v.code === '#N/A';
  },
  ISBLANK(args, ctx) {
    const e = argCount('ISBLANK', args, 1, 1);
    if (e) return e;
    const v = args[0]();
    if (isGrid(v)) {
      if (v.rows !== 1 || v.cols !== 1) return false;
      if (v.ref) {
        // A cell holding a formula is never blank, even when the formula returns "".
        const sheet = v.ref.sheetId === ctx.sheet.id ? ctx.sheet : ctx.evaluator.sheetForId(v.ref.sheetId);
        const cell = sheet ? sheet.cellAt(v.ref.r1, v.ref.c1) : undefined;
        if (cell && cell.formula !== undefined) return false;
      }
      return v.get(0, 0) === null;
    }
    return v === null;
  },
  NA: (args) => argCount('NA', args, 0, 0) ?? err('#N/A'),

  // ---- math ----
  SUM(args) {
    const nums = collectNumbers(args);
    if (isError(nums)) return nums;
    return finite(nums.reduce((a, b) => a + b, 0));
  },
  PRODUCT(args) {
    const nums = collectNumbers(args);
    if (isError(nums)) return nums;
    return finite(nums.reduce((a, b) => a * b, 1));
  },
  MIN(args) {
    const nums = collectNumbers(args);
    if (isError(nums)) return nums;
    return nums.length ? Math.min(...nums) : 0;
  },
  MAX(args) {
    const nums = collectNumbers(args);
    if (isError(nums)) return nums;
    return nums.length ? Math.max(...nums) : 0;
  },
  AVERAGE(args) {
    const nums = collectNumbers(args);
    if (isError(nums)) return nums;
    if (nums.length === 0) return err('#DIV/0!', 'Evaluation of function AVERAGE caused a divide by zero error.');
    return nums.reduce((a, b) => a + b, 0) / nums.length;
  },
  COUNT(args) {
    let n = 0;
    for (const t of args) {
      const v = t();
      if (isGrid(v)) {
        for (const c of gridCells(v)) if (typeof c === 'number') n++;
      } else if (typeof v === 'number') n++;
      else if (typeof v === 'string' && !isError(toNumber(v))) n++;
      else if (typeof v === 'boolean') n++;
    }
    return n;
  },
  COUNTA(args) {
    let n = 0;
    for (const v of collectScalars(args)) if (v !== null) n++;
    return n;
  },
  COUNTBLANK(args) {
    const e = argCount('COUNTBLANK', args, 1, 1);
    if (e) return e;
    let n = 0;
    for (const v of collectScalars(args)) if (v === null || v === '') n++;
    return n;
  },
  COUNTIF(args, ctx) {
    const e = argCount('COUNTIF', args, 2, 2);
    if (e) return e;
    const p = criteriaPairs('COUNTIF', args, 0);
    if (isError(p)) return p;
    return matchingCells(p.ranges, p.criteria, ctx).length;
  },
  COUNTIFS(args, ctx) {
    if (args.length < 2 || args.length % 2 !== 0) return err('#N/A', 'Wrong number of arguments to COUNTIFS.');
    const p = criteriaPairs('COUNTIFS', args, 0);
    if (isError(p)) return p;
    return matchingCells(p.ranges, p.criteria, ctx).length;
  },
  SUMIF(args, ctx) {
    const e = argCount('SUMIF', args, 2, 3);
    if (e) return e;
    const p = criteriaPairs('SUMIF', args.slice(0, 2), 0);
    if (isError(p)) return p;
    const sumRange = args.length > 2 ? args[2]() : p.ranges[0];
    if (!isGrid(sumRange)) return isError(sumRange) ? sumRange : err('#VALUE!');
    let total = 0;
    for (const [r, c] of matchingCells(p.ranges, p.criteria, ctx)) {
      if (r >= sumRange.rows || c >= sumRange.cols) continue;
      const v = sumRange.get(r, c);
      if (isError(v)) return v;
      if (typeof v === 'number') total += v;
    }
    return total;
  },
  SUMIFS(args, ctx) {
    if (args.length < 3 || args.length % 2 !== 1) return err('#N/A', 'Wrong number of arguments to SUMIFS.');
    const sumRange = args[0]();
    if (!isGrid(sumRange)) return isError(sumRange) ? sumRange : err('#VALUE!');
    const p = criteriaPairs('SUMIFS', args, 1);
    if (isError(p)) return p;
    if (p.ranges[0].rows !== sumRange.rows || p.ranges[0].cols !== sumRange.cols) {
      return err('#VALUE!', 'Array arguments to SUMIFS are of differing size.');
    }
    let total = 0;
    for (const [r, c] of matchingCells(p.ranges, p.criteria, ctx)) {
      const v = sumRange.get(r, c);
      if (isError(v)) return v;
      if (typeof v === 'number') total += v;
    }
    return total;
  },
  AVERAGEIF(args, ctx) {
    const e = argCount('AVERAGEIF', args, 2, 3);
    if (e) return e;
    const p = criteriaPairs('AVERAGEIF', args.slice(0, 2), 0);
    if (isError(p)) return p;
    const avgRange = args.length > 2 ? args[2]() : p.ranges[0];
    if (!isGrid(avgRange)) return isError(avgRange) ? avgRange : err('#VALUE!');
    let total = 0;
    let n = 0;
    for (const [r, c] of matchingCells(p.ranges, p.criteria, ctx)) {
      const v = r < avgRange.rows && c < avgRange.cols ? avgRange.get(r, c) : null;
      if (isError(v)) return v;
      if (typeof v === 'number') {
        total += v;
        n++;
      }
    }
    return n === 0 ? err('#DIV/0!') : total / n;
  },
  SUMPRODUCT(args) {
    if (args.length < 1) return err('#N/A', 'Wrong number of arguments to SUMPRODUCT.');
    const values = args.map((t) => t());
    const grids = values.map((v): Grid | FormulaError => {
      if (isGrid(v)) return v;
      if (isError(v)) return v;
      return { kind: 'grid', rows: 1, cols: 1, get: () => v };
    });
    const bad = grids.find(isError);
    if (bad) return bad;
    const list = grids as Grid[];
    const { rows, cols } = list[0];
    if (list.some((g) => g.rows !== rows || g.cols !== cols)) {
      return err('#VALUE!', 'SUMPRODUCT has mismatched range sizes.');
    }
    let total = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let product = 1;
        for (const g of list) {
          const v = g.get(r, c);
          if (isError(v)) return v;
          // Only numbers take part; text, booleans and blanks count as 0 (as in Sheets, Excel and LibreOffice).
          product *= typeof v === 'number' ? v : 0;
        }
        total += product;
      }
    }
    return finite(total);
  },
  ABS(args) {
    const e = argCount('ABS', args, 1, 1);
    if (e) return e;
    const n = numArg(args[0]);
    return isError(n) ? n : Math.abs(n);
  },
  ROUND(args) {
    const e = argCount('ROUND', args, 1, 2);
    if (e) return e;
    const n = numArg(args[0]);
    if (isError(n)) return n;
    const d = args.length > 1 ? numArg(args[1]) : 0;
    if (isError(d)) return d;
    return roundTo(n, d, 'half');
  },
  ROUNDUP(args) {
    const e = argCount('ROUNDUP', args, 1, 2);
    if (e) return e;
    const n = numArg(args[0]);
    if (isError(n)) return n;
    const d = args.length > 1 ? numArg(args[1]) : 0;
    if (isError(d)) return d;
    return roundTo(n, d, 'up');
  },
  ROUNDDOWN(args) {
    const e = argCount('ROUNDDOWN', args, 1, 2);
    if (e) return e;
    const n = numArg(args[0]);
    if (isError(n)) return n;
    const d = args.length > 1 ? numArg(args[1]) : 0;
    if (isError(d)) return d;
    return roundTo(n, d, 'down');
  },
  INT(args) {
    const e = argCount('INT', args, 1, 1);
    if (e) return e;
    const n = numArg(args[0]);
    return isError(n) ? n : Math.floor(n);
  },
  MOD(args) {
    const e = argCount('MOD', args, 2, 2);
    if (e) return e;
    const a = numArg(args[0]);
    if (isError(a)) return a;
    const b = numArg(args[1]);
    if (isError(b)) return b;
    if (b === 0) return err('#DIV/0!', 'Function MOD parameter 2 cannot be zero.');
    return a - b * Math.floor(a / b);
  },
  POWER(args) {
    const e = argCount('POWER', args, 2, 2);
    if (e) return e;
    const a = numArg(args[0]);
    if (isError(a)) return a;
    const b = numArg(args[1]);
    if (isError(b)) return b;
    return finite(Math.pow(a, b));
  },
  SQRT(args) {
    const e = argCount('SQRT', args, 1, 1);
    if (e) return e;
    const n = numArg(args[0]);
    if (isError(n)) return n;
    return n < 0 ? err('#NUM!') : Math.sqrt(n);
  },
  PI: (args) => argCount('PI', args, 0, 0) ?? Math.PI,

  // ---- text ----
  LEN(args) {
    const e = argCount('LEN', args, 1, 1);
    if (e) return e;
    const s = textArg(args[0]);
    return isError(s) ? s : s.length;
  },
  LEFT(args) {
    const e = argCount('LEFT', args, 1, 2);
    if (e) return e;
    const s = textArg(args[0]);
    if (isError(s)) return s;
    const n = args.length > 1 ? numArg(args[1]) : 1;
    if (isError(n)) return n;
    if (n < 0) return err('#VALUE!');
    return s.slice(0, Math.trunc(n));
  },
  RIGHT(args) {
    const e = argCount('RIGHT', args, 1, 2);
    if (e) return e;
    const s = textArg(args[0]);
    if (isError(s)) return s;
    const n = args.length > 1 ? numArg(args[1]) : 1;
    if (isError(n)) return n;
    if (n < 0) return err('#VALUE!');
    const k = Math.trunc(n);
    return k === 0 ? '' : s.slice(-k);
  },
  MID(args) {
    const e = argCount('MID', args, 3, 3);
    if (e) return e;
    const s = textArg(args[0]);
    if (isError(s)) return s;
    const start = numArg(args[1]);
    if (isError(start)) return start;
    const len = numArg(args[2]);
    if (isError(len)) return len;
    if (start < 1 || len < 0) return err('#VALUE!');
    return s.substr(Math.trunc(start) - 1, Math.trunc(len));
  },
  UPPER(args) {
    const e = argCount('UPPER', args, 1, 1);
    if (e) return e;
    const s = textArg(args[0]);
    return isError(s) ? s : s.toUpperCase();
  },
  LOWER(args) {
    const e = argCount('LOWER', args, 1, 1);
    if (e) return e;
    const s = textArg(args[0]);
    return isError(s) ? s : s.toLowerCase();
  },
  TRIM(args) {
    const e = argCount('TRIM', args, 1, 1);
    if (e) return e;
    const s = textArg(args[0]);
    return isError(s) ? s : s.trim().replace(/ {2,}/g, ' ');
  },
  CONCATENATE(args) {
    let out = '';
    for (const v of collectScalars(args)) {
      if (isError(v)) return v;
      out += toText(v);
    }
    return out;
  },
  CONCAT(args) {
    const e = argCount('CONCAT', args, 2, 2);
    if (e) return e;
    const a = textArg(args[0]);
    if (isError(a)) return a;
    const b = textArg(args[1]);
    if (isError(b)) return b;
    return a + b;
  },
  EXACT(args) {
    const e = argCount('EXACT', args, 2, 2);
    if (e) return e;
    const a = textArg(args[0]);
    if (isError(a)) return a;
    const b = textArg(args[1]);
    if (isError(b)) return b;
    return a === b;
  },
  SUBSTITUTE(args) {
    const e = argCount('SUBSTITUTE', args, 3, 4);
    if (e) return e;
    const s = textArg(args[0]);
    if (isError(s)) return s;
    const find = textArg(args[1]);
    if (isError(find)) return find;
    const repl = textArg(args[2]);
    if (isError(repl)) return repl;
    if (find === '') return s;
    if (args.length < 4) return s.split(find).join(repl);
    const which = numArg(args[3]);
    if (isError(which)) return which;
    let idx = -1;
    for (let k = 0; k < which; k++) {
      idx = s.indexOf(find, idx + 1);
      if (idx < 0) return s;
    }
    return s.slice(0, idx) + repl + s.slice(idx + find.length);
  },
  REPT(args) {
    const e = argCount('REPT', args, 2, 2);
    if (e) return e;
    const s = textArg(args[0]);
    if (isError(s)) return s;
    const n = numArg(args[1]);
    if (isError(n)) return n;
    if (n < 0) return err('#VALUE!');
    return s.repeat(Math.trunc(n));
  },
  FIND(args) {
    const e = argCount('FIND', args, 2, 3);
    if (e) return e;
    const needle = textArg(args[0]);
    if (isError(needle)) return needle;
    const hay = textArg(args[1]);
    if (isError(hay)) return hay;
    const start = args.length > 2 ? numArg(args[2]) : 1;
    if (isError(start)) return start;
    const i = hay.indexOf(needle, Math.trunc(start) - 1);
    return i < 0 ? err('#VALUE!', `FIND did not find value '${needle}'.`) : i + 1;
  },
  SEARCH(args) {
    const e = argCount('SEARCH', args, 2, 3);
    if (e) return e;
    const needle = textArg(args[0]);
    if (isError(needle)) return needle;
    const hay = textArg(args[1]);
    if (isError(hay)) return hay;
    const start = args.length > 2 ? numArg(args[2]) : 1;
    if (isError(start)) return start;
    const i = hay.toLowerCase().indexOf(needle.toLowerCase(), Math.trunc(start) - 1);
    return i < 0 ? err('#VALUE!', `SEARCH did not find value '${needle}'.`) : i + 1;
  },
  TEXT(args) {
    const e = argCount('TEXT', args, 2, 2);
    if (e) return e;
    const v = scalarArg(args[0]);
    if (isError(v)) return v;
    const pattern = textArg(args[1]);
    if (isError(pattern)) return pattern;
    if (typeof v === 'string') {
      const n = toNumber(v);
      if (isError(n)) return v;
      return formatNumber(n, pattern);
    }
    if (v === null) return formatNumber(0, pattern);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return formatNumber(v, pattern);
  },
  VALUE(args, ctx) {
    const e = argCount('VALUE', args, 1, 1);
    if (e) return e;
    const v = scalarArg(args[0]);
    if (isError(v)) return v;
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return err('#VALUE!', 'VALUE parameter is a boolean.');
    const out = toSerialIfDateText(v, ctx.host);
    if (typeof out === 'number') return out;
    return err('#VALUE!', `VALUE parameter '${v}' cannot be parsed to number.`);
  },
  N(args) {
    const e = argCount('N', args, 1, 1);
    if (e) return e;
    const v = scalarArg(args[0]);
    if (isError(v)) return v;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return 0;
  },
  T(args) {
    const e = argCount('T', args, 1, 1);
    if (e) return e;
    const v = scalarArg(args[0]);
    if (isError(v)) return v;
    return typeof v === 'string' ? v : '';
  },

  // ---- lookup ----
  ROW(args, ctx) {
    if (args.length === 0) return ctx.row;
    const v = args[0]();
    if (isGrid(v) && v.ref) return v.ref.r1;
    return isError(v) ? v : err('#VALUE!');
  },
  COLUMN(args, ctx) {
    if (args.length === 0) return ctx.col;
    const v = args[0]();
    if (isGrid(v) && v.ref) return v.ref.c1;
    return isError(v) ? v : err('#VALUE!');
  },
  ROWS(args) {
    const e = argCount('ROWS', args, 1, 1);
    if (e) return e;
    const v = args[0]();
    return isGrid(v) ? v.rows : isError(v) ? v : 1;
  },
  COLUMNS(args) {
    const e = argCount('COLUMNS', args, 1, 1);
    if (e) return e;
    const v = args[0]();
    return isGrid(v) ? v.cols : isError(v) ? v : 1;
  },
  INDEX(args) {
    const e = argCount('INDEX', args, 1, 3);
    if (e) return e;
    const g = args[0]();
    if (!isGrid(g)) return isError(g) ? g : args.length === 1 ? g : err('#REF!');
    let r = args.length > 1 ? numArg(args[1]) : 0;
    if (isError(r)) return r;
    let c = args.length > 2 ? numArg(args[2]) : 0;
    if (isError(c)) return c;
    r = Math.trunc(r);
    c = Math.trunc(c);
    if (g.rows === 1 && args.length === 2) {
      c = r;
      r = 1;
    }
    if (r === 0) r = 1;
    if (c === 0) c = 1;
    if (r < 1 || c < 1 || r > g.rows || c > g.cols) return err('#REF!', 'INDEX out of range.');
    return g.get(r - 1, c - 1);
  },
  MATCH(args) {
    const e = argCount('MATCH', args, 2, 3);
    if (e) return e;
    const key = scalarArg(args[0]);
    if (isError(key)) return key;
    const g = args[1]();
    if (!isGrid(g)) return isError(g) ? g : err('#N/A');
    if (g.rows !== 1 && g.cols !== 1) return err('#N/A', 'MATCH range must be a single row or a single column.');
    const type = args.length > 2 ? numArg(args[2]) : 1;
    if (isError(type)) return type;
    const n = Math.max(g.rows, g.cols);
    const at = (i: number): Scalar => (g.rows === 1 ? g.get(0, i) : g.get(i, 0));
    if (type === 0) {
      const m =
        typeof key === 'string'
          ? makeMatcher(`=${key}`)
          : (v: Scalar) => !isError(v) && v !== null && compareScalars(v, key) === 0;
      for (let i = 0; i < n; i++) if (m(at(i))) return i + 1;
      return err('#N/A', `Did not find value '${toText(key)}' in MATCH evaluation.`);
    }
    let best = -1;
    for (let i = 0; i < n; i++) {
      const v = at(i);
      if (isError(v) || v === null) continue;
      const c = compareScalars(v, key);
      if (type > 0 ? c <= 0 : c >= 0) best = i;
      else break;
    }
    return best < 0 ? err('#N/A') : best + 1;
  },
  VLOOKUP(args) {
    const e = argCount('VLOOKUP', args, 3, 4);
    if (e) return e;
    const key = scalarArg(args[0]);
    if (isError(key)) return key;
    const g = args[1]();
    if (!isGrid(g)) return isError(g) ? g : err('#N/A');
    const idx = numArg(args[2]);
    if (isError(idx)) return idx;
    if (idx < 1 || idx > g.cols) return err('#REF!', 'VLOOKUP evaluates to an out of bounds range.');
    let sorted: boolean | FormulaError = true;
    if (args.length > 3) {
      const s = scalarArg(args[3]);
      if (isError(s)) return s;
      sorted = toBool(s);
      if (isError(sorted)) return sorted;
    }
    if (!sorted) {
      const m =
        typeof key === 'string'
          ? makeMatcher(`=${key}`)
          : (v: Scalar) => !isError(v) && v !== null && compareScalars(v, key) === 0;
      for (let r = 0; r < g.rows; r++) if (m(g.get(r, 0))) return g.get(r, Math.trunc(idx) - 1);
      return err('#N/A', `Did not find value '${toText(key)}' in VLOOKUP evaluation.`);
    }
    let best = -1;
    for (let r = 0; r < g.rows; r++) {
      const v = g.get(r, 0);
      if (isError(v) || v === null) continue;
      if (compareScalars(v, key) <= 0) best = r;
      else break;
    }
    return best < 0 ? err('#N/A') : g.get(best, Math.trunc(idx) - 1);
  },
};
