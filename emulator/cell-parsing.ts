/**
 * How Sheets interprets a string typed into a cell, or written with Range.setValue(s) (Apps Script
 * writes strings "as entered by the user"):
 *
 * - `'text`            → the literal text `text` (the apostrophe is not part of the value)
 * - `=…` (length > 1)  → a formula
 * - `12`, `-3`, `+5`, `1,234.5`, `1e3`, `.5` → numbers; `12%` → 0.12; `$1,234.50` → 1234.5
 * - `TRUE` / `false`   → booleans (any case)
 * - `2024-01-05`, `2024/1/5`, `1/2/2024`, `1/2/24`, `1/2` (this year) → dates (en_US order: month/day)
 * - `+abc`, `-abc`, `- item` → Sheets treats a leading + or - as the start of a formula: the cell gets
 *   the formula `=-abc` (which evaluates to #NAME?) or, when it does not parse, `#ERROR!`
 * - anything else      → text, unchanged (not trimmed)
 *
 * Numbers, percentages, currency and dates also suggest a number format (Sheets sets it when the cell's
 * format is still automatic).
 */
import type { CellScalar } from './types';
import { isValidDate, wallClock, zonedInstant } from './dates';

export type ParsedInput =
  | { kind: 'empty' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: CellScalar; numberFormat?: string };

export interface ParseOptions {
  timeZone: string;
  now: () => Date;
}

const NUMBER_RE = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

interface NumberText {
  value: number;
  grouped: boolean;
  decimals: number;
  exponent: boolean;
}

/** Parses plain numeric text (`-1,234.50`, `1e3`, `.5`). Null when it is not a number. */
export function parseNumberText(text: string): NumberText | null {
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const intPart = m[2];
  const frac = m[3];
  if (intPart === undefined && (frac === undefined || frac === '')) return null;
  const digits = (intPart ?? '0').replace(/,/g, '');
  const value = Number(`${m[1] === '-' ? '-' : ''}${digits}.${frac ?? ''}${m[4] !== undefined ? `e${m[4]}` : ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, grouped: (intPart ?? '').includes(','), decimals: (frac ?? '').length, exponent: m[4] !== undefined };
}

/** Numeric value of text the way Sheets coerces text to a number (numbers, percentages, currency). */
export function coerceTextToNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const parsed = parseTypedNumber(t);
  return parsed ? parsed.value : null;
}

function parseTypedNumber(t: string): { value: number; numberFormat?: string } | null {
  const plain = parseNumberText(t);
  if (plain) {
    if (plain.exponent) return { value: plain.value, numberFormat: '0.00E+00' };
    if (plain.grouped) return { value: plain.value, numberFormat: plain.decimals > 0 ? '#,##0.00' : '#,##0' };
    return { value: plain.value };
  }
  if (t.endsWith('%')) {
    const inner = parseNumberText(t.slice(0, -1).trim());
    if (inner && !inner.exponent) {
      return { value: Number((inner.value / 100).toPrecision(15)), numberFormat: inner.decimals > 0 ? '0.00%' : '0%' };
    }
  }
  const cur = /^([+-]?)\$\s*([+-]?)(.+)$/.exec(t);
  if (cur) {
    const inner = parseNumberText(cur[3]);
    if (inner && !inner.exponent && !/^[+-]/.test(cur[3])) {
      const negative = (cur[1] === '-') !== (cur[2] === '-');
      return { value: negative ? -inner.value : inner.value, numberFormat: '"$"#,##0.00' };
    }
  }
  return null;
}

interface DateText {
  year: number;
  month: number;
  day: number;
  numberFormat: string;
}

function parseDateText(t: string, opts: ParseOptions): DateText | null {
  let m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (!isValidDate(year, month, day)) return null;
    return { year, month, day, numberFormat: m[2] === '-' ? 'yyyy-mm-dd' : 'yyyy/mm/dd' };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    let year = Number(m[3]);
    if (m[3].length === 2) year += year < 30 ? 2000 : 1900;
    if (!isValidDate(year, month, day)) return null;
    return { year, month, day, numberFormat: 'M/d/yyyy' };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    const year = wallClock(opts.now().getTime(), opts.timeZone).year;
    if (!isValidDate(year, month, day)) return null;
    return { year, month, day, numberFormat: 'M/d' };
  }
  return null;
}

/** Interprets text as typed input. */
export function parseTypedInput(text: string, opts: ParseOptions): ParsedInput {
  if (text === '') return { kind: 'empty' };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=')) {
    if (text.length === 1) return { kind: 'value', value: text };
    return { kind: 'formula', formula: text };
  }
  // Fast path: text starting with a letter can only be a boolean or plain text.
  const first = text.charCodeAt(0);
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first > 127;
  if (isLetter && first !== 84 && first !== 116 && first !== 70 && first !== 102) return { kind: 'value', value: text };
  const t = text.trim();
  if (t === '') return { kind: 'value', value: text };
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  const num = parseTypedNumber(t);
  if (num)
    return num.numberFormat
      ? { kind: 'value', value: num.value, numberFormat: num.numberFormat }
      : { kind: 'value', value: num.value };
  const date = parseDateText(t, opts);
  if (date) {
    const ms = zonedInstant(date.year, date.month, date.day, opts.timeZone);
    return { kind: 'value', value: new Date(ms), numberFormat: date.numberFormat };
  }
  if ((t[0] === '+' || t[0] === '-') && t.length > 1) {
    return { kind: 'formula', formula: `=${t}` };
  }
  return { kind: 'value', value: text };
}

/** Parses text to a date serial-able instant (for DATEVALUE-like coercion). */
export function parseDateInstant(text: string, opts: ParseOptions): number | null {
  const d = parseDateText(text.trim(), opts);
  return d ? zonedInstant(d.year, d.month, d.day, opts.timeZone) : null;
}
