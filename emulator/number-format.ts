/**
 * Number formats: how Sheets turns a cell value into its display string (`getDisplayValues`).
 *
 * Supported: the Automatic/General format, digit placeholders `0 # ?`, decimal point, thousands
 * separators, percent, scientific `E+`, literal text (quoted, backslash-escaped or plain symbols such
 * as `$`), up to four `;` sections (positive;negative;zero;text), the text placeholder `@` (e.g.
 * `"•  "@` shows a bullet before the text), `[Color]` tags (ignored), and date/time patterns
 * (`yyyy mm dd hh mm ss`, month/day names, AM/PM).
 */
import { DAYS, MONTHS, dateToSerial, serialParts } from './dates';

/** What Apps Script's `getNumberFormat()` returns for a cell that was never formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

/** A value to display: a cell value, an empty cell (null) or an error code object. */
export type DisplayInput = number | string | boolean | Date | null | { error: string };

type Token =
  | { t: 'lit'; s: string }
  | { t: 'digit'; c: '0' | '#' | '?' }
  | { t: 'dot' }
  | { t: 'comma' }
  | { t: 'pct' }
  | { t: 'text' }
  | { t: 'exp'; sign: '+' | '-' }
  | { t: 'date'; s: string };

interface Section {
  tokens: Token[];
  isDate: boolean;
  hasText: boolean;
  hasDigits: boolean;
}

const sectionCache = new Map<string, Section[]>();

export function isGeneralPattern(pattern: string | undefined | null): boolean {
  if (pattern === undefined || pattern === null) return true;
  const p = pattern.trim().toLowerCase();
  return p === '' || p === 'general' || p === 'automatic';
}

/** Splits a pattern into `;` sections, ignoring semicolons inside quotes or after a backslash. */
function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (inQuote) {
      cur += ch;
      if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') {
      inQuote = true;
      cur += ch;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      cur += ch + pattern[i + 1];
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

function tokenizeSection(src: string): Section {
  const tokens: Token[] = [];
  let i = 0;
  const lower = src.toLowerCase();
  while (i < src.length) {
    const ch = src[i];
    const lc = lower[i];
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const s = end < 0 ? src.slice(i + 1) : src.slice(i + 1, end);
      tokens.push({ t: 'lit', s });
      i = end < 0 ? src.length : end + 1;
    } else if (ch === '\\') {
      tokens.push({ t: 'lit', s: src[i + 1] ?? '' });
      i += 2;
    } else if (ch === '_') {
      tokens.push({ t: 'lit', s: ' ' });
      i += 2;
    } else if (ch === '*') {
      i += 2; // repeat-fill character: not rendered
    } else if (ch === '[') {
      const end = src.indexOf(']', i);
      i = end < 0 ? src.length : end + 1; // colour / condition tags are ignored
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ t: 'digit', c: ch });
      i++;
    } else if (ch === '.') {
      tokens.push({ t: 'dot' });
      i++;
    } else if (ch === ',') {
      tokens.push({ t: 'comma' });
      i++;
    } else if (ch === '%') {
      tokens.push({ t: 'pct' });
      i++;
    } else if (ch === '@') {
      tokens.push({ t: 'text' });
      i++;
    } else if ((ch === 'E' || ch === 'e') && (src[i + 1] === '+' || src[i + 1] === '-')) {
      tokens.push({ t: 'exp', sign: src[i + 1] as '+' | '-' });
      i += 2;
    } else if (lower.startsWith('am/pm', i)) {
      tokens.push({ t: 'date', s: src[i] === 'a' ? 'am/pm' : 'AM/PM' });
      i += 5;
    } else if (lower.startsWith('a/p', i)) {
      tokens.push({ t: 'date', s: src[i] === 'a' ? 'a/p' : 'A/P' });
      i += 3;
    } else if (lc === 'y' || lc === 'm' || lc === 'd' || lc === 'h' || lc === 's') {
      let j = i;
      while (j < src.length && lower[j] === lc) j++;
      tokens.push({ t: 'date', s: lower.slice(i, j) });
      i = j;
    } else {
      tokens.push({ t: 'lit', s: ch });
      i++;
    }
  }
  const isDate = tokens.some((t) => t.t === 'date');
  return {
    tokens,
    isDate,
    hasText: tokens.some((t) => t.t === 'text'),
    hasDigits: tokens.some((t) => t.t === 'digit'),
  };
}

function sectionsOf(pattern: string): Section[] {
  let s = sectionCache.get(pattern);
  if (!s) {
    s = splitSections(pattern).map(tokenizeSection);
    sectionCache.set(pattern, s);
  }
  return s;
}

/**
 * Rounds a non-negative number to `d` decimals, half away from zero, working on its 15-significant-digit
 * decimal representation (as Sheets does), and returns the fixed-point string.
 */
export function toFixedHalfUp(abs: number, d: number): string {
  if (!Number.isFinite(abs)) return String(abs);
  if (abs >= 1e21) return abs.toFixed(0);
  const s = abs.toPrecision(15);
  const [mant, expPart] = s.split('e');
  const exp = expPart ? Number(expPart) : 0;
  const dotAt = mant.indexOf('.');
  const digits = mant.replace('.', '');
  const point = (dotAt === -1 ? mant.length : dotAt) + exp;
  let intDigits: string;
  let fracDigits: string;
  if (point <= 0) {
    intDigits = '0';
    fracDigits = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intDigits = digits + '0'.repeat(point - digits.length);
    fracDigits = '';
  } else {
    intDigits = digits.slice(0, point);
    fracDigits = digits.slice(point);
  }
  if (fracDigits.length <= d) {
    return stripLeadingZeros(intDigits) + (d > 0 ? '.' + fracDigits.padEnd(d, '0') : '');
  }
  const roundUp = fracDigits.charCodeAt(d) >= 53;
  const kept = (intDigits + fracDigits.slice(0, d)).split('').map(Number);
  if (roundUp) {
    let k = kept.length - 1;
    while (k >= 0) {
      if (kept[k] === 9) {
        kept[k] = 0;
        k--;
      } else {
        kept[k]++;
        break;
      }
    }
    if (k < 0) kept.unshift(1);
  }
  const all = kept.join('');
  const intPart = stripLeadingZeros(all.slice(0, all.length - d));
  return d > 0 ? `${intPart}.${all.slice(all.length - d)}` : intPart;
}

function stripLeadingZeros(s: string): string {
  const t = s.replace(/^0+/, '');
  return t === '' ? '0' : t;
}

function exponentText(n: number, sigDigits: number): string {
  const [m, e] = n.toExponential(sigDigits - 1).split('e');
  const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  const exp = Number(e);
  return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** The Automatic/General display of a number (about 10 significant digits). */
export function formatGeneralNumber(n: number): string {
  if (n === 0 || Object.is(n, -0)) return '0';
  if (!Number.isFinite(n)) return '#NUM!';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) return exponentText(n, 6);
  if (Number.isInteger(n)) return String(n);
  const p = Number(n.toPrecision(10));
  const s = String(p);
  if (s.includes('e')) return exponentText(n, 6);
  return s;
}

function groupThousands(intDigits: string): string {
  let out = '';
  let count = 0;
  for (let i = intDigits.length - 1; i >= 0; i--) {
    out = intDigits[i] + out;
    count++;
    if (count % 3 === 0 && i > 0) out = ',' + out;
  }
  return out;
}

function formatNumberSection(value: number, section: Section, withMinus: boolean): string {
  const tokens = section.tokens;
  let pct = 0;
  for (const t of tokens) if (t.t === 'pct') pct++;
  let n = Math.abs(value) * Math.pow(100, pct);

  // Locate the numeric block.
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t === 'digit' || t.t === 'dot' || t.t === 'exp') {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    // No digit placeholders: only literals (e.g. "-" or "zero").
    const body = tokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'pct' ? '%' : '')).join('');
    return (withMinus && value < 0 ? '-' : '') + body;
  }
  // Extend over trailing digits after an exponent sign.
  const expIdx = tokens.findIndex((t) => t.t === 'exp');
  let intZeros = 0;
  let fracZeros = 0;
  let fracCount = 0;
  let expDigits = 0;
  let grouping = false;
  let seenDot = false;
  let scaleCommas = 0;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (expIdx >= 0 && i > expIdx) {
      if (t.t === 'digit') expDigits++;
      continue;
    }
    if (t.t === 'dot') seenDot = true;
    else if (t.t === 'digit') {
      if (seenDot) {
        fracCount++;
        if (t.c === '0') fracZeros++;
      } else {
        if (t.c === '0') intZeros++;
      }
    }
  }
  // Commas: between integer digits -> grouping; directly after the integer digits -> scale by 1000.
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t !== 'comma') continue;
    const before = tokens.slice(first, i).some((x) => x.t === 'digit');
    const afterDigit = tokens.slice(i + 1).findIndex((x) => x.t === 'digit' || x.t === 'dot');
    const nextIsIntDigit =
      afterDigit >= 0 && tokens[i + 1 + afterDigit].t === 'digit' && !tokens.slice(first, i).some((x) => x.t === 'dot');
    if (before && nextIsIntDigit) grouping = true;
    else if (before && !tokens.slice(first, i).some((x) => x.t === 'dot')) scaleCommas++;
  }
  for (let i = 0; i < first; i++) {
    const t = tokens[i];
    if (t.t === 'comma') grouping = true;
  }
  n = n / Math.pow(1000, scaleCommas);

  let numberText: string;
  if (expIdx >= 0) {
    const sign = (tokens[expIdx] as { t: 'exp'; sign: '+' | '-' }).sign;
    let exp = n === 0 ? 0 : Math.floor(Math.log10(n));
    let mant = n === 0 ? 0 : n / Math.pow(10, exp);
    let mantText = toFixedHalfUp(mant, fracCount);
    if (Number(mantText) >= 10) {
      exp += 1;
      mant = mant / 10;
      mantText = toFixedHalfUp(mant, fracCount);
    }
    mantText = trimFraction(mantText, fracZeros, fracCount, intZeros);
    const expSign = exp < 0 ? '-' : sign === '+' ? '+' : '';
    numberText = `${mantText}E${expSign}${String(Math.abs(exp)).padStart(Math.max(expDigits, 1), '0')}`;
  } else {
    const fixed = toFixedHalfUp(n, fracCount);
    const text = trimFraction(fixed, fracZeros, fracCount, intZeros);
    const [ip, fp] = text.split('.');
    const intText = grouping ? groupThousands(ip) : ip;
    numberText = fp !== undefined ? `${intText}.${fp}` : intText;
    if (seenDot && fp === undefined && fracCount === 0 && tokens.slice(first, last + 1).some((t) => t.t === 'dot')) {
      numberText += '.';
    }
  }

  let prefix = '';
  let suffix = '';
  for (let i = 0; i < tokens.length; i++) {
    if (i >= first && i <= last) continue;
    const t = tokens[i];
    const s = t.t === 'lit' ? t.s : t.t === 'pct' ? '%' : '';
    if (i < first) prefix += s;
    else suffix += s;
  }
  const isZero = /^[0.,]*$/.test(numberText.replace(/E.*$/, '')) && !/[1-9]/.test(numberText);
  const minus = withMinus && value < 0 && !isZero ? '-' : '';
  return minus + prefix + numberText + suffix;
}

/** Applies min/max fraction digits and minimum integer digits to a fixed-point string. */
function trimFraction(fixed: string, fracZeros: number, fracCount: number, intZeros: number): string {
  let [ip, fp] = fixed.split('.');
  if (fp !== undefined) {
    let end = fp.length;
    while (end > fracZeros && fp[end - 1] === '0') end--;
    fp = fp.slice(0, end);
  }
  if (ip === '0' && intZeros === 0) ip = '';
  if (ip.length < intZeros) ip = ip.padStart(intZeros, '0');
  if (fracCount === 0) return ip === '' ? (intZeros === 0 ? '' : '0') : ip;
  return fp !== undefined && fp.length > 0 ? `${ip}.${fp}` : ip === '' ? '0' : ip;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatDateSection(serial: number, section: Section): string {
  const p = serialParts(serial);
  const tokens = section.tokens;
  const hasAmPm = tokens.some((t) => t.t === 'date' && (t.s.toLowerCase() === 'am/pm' || t.s.toLowerCase() === 'a/p'));
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t === 'lit') {
      out += t.s;
      continue;
    }
    if (t.t === 'digit' || t.t === 'dot' || t.t === 'comma' || t.t === 'pct' || t.t === 'text' || t.t === 'exp') {
      if (t.t === 'dot') out += '.';
      else if (t.t === 'comma') out += ',';
      else if (t.t === 'pct') out += '%';
      else if (t.t === 'digit') out += t.c === '0' ? '0' : '';
      continue;
    }
    const s = t.s;
    const k = s[0].toLowerCase();
    if (s.toLowerCase() === 'am/pm') {
      const v = p.hour < 12 ? 'AM' : 'PM';
      out += s === 'am/pm' ? v.toLowerCase() : v;
    } else if (s.toLowerCase() === 'a/p') {
      const v = p.hour < 12 ? 'A' : 'P';
      out += s === 'a/p' ? v.toLowerCase() : v;
    } else if (k === 'y') {
      out += s.length <= 2 ? pad2(p.year % 100) : String(p.year);
    } else if (k === 'd') {
      if (s.length === 1) out += String(p.day);
      else if (s.length === 2) out += pad2(p.day);
      else if (s.length === 3) out += DAYS[p.weekday].slice(0, 3);
      else out += DAYS[p.weekday];
    } else if (k === 'h') {
      let h = p.hour;
      if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
      out += s.length >= 2 ? pad2(h) : String(h);
    } else if (k === 's') {
      out += s.length >= 2 ? pad2(p.second) : String(p.second);
    } else if (k === 'm') {
      // Minutes when right after an hour or right before seconds; month otherwise.
      let minutes = false;
      for (let j = i - 1; j >= 0; j--) {
        const prev = tokens[j];
        if (prev.t === 'date') {
          minutes = prev.s[0].toLowerCase() === 'h';
          break;
        }
      }
      if (!minutes) {
        for (let j = i + 1; j < tokens.length; j++) {
          const next = tokens[j];
          if (next.t === 'date') {
            minutes = next.s[0].toLowerCase() === 's';
            break;
          }
        }
      }
      if (minutes && s.length <= 2) out += s.length === 2 ? pad2(p.minute) : String(p.minute);
      else if (s.length === 1) out += String(p.month);
      else if (s.length === 2) out += pad2(p.month);
      else if (s.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else if (s.length === 5) out += MONTHS[p.month - 1][0];
      else out += MONTHS[p.month - 1];
    }
  }
  return out;
}

function applyTextSection(text: string, section: Section): string {
  return section.tokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'text' ? text : '')).join('');
}

export interface FormatOptions {
  timeZone: string;
}

/** Display string of a number under a pattern. */
export function formatNumber(n: number, pattern: string | undefined): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (isGeneralPattern(pattern)) return formatGeneralNumber(n);
  const sections = sectionsOf(pattern as string);
  const numeric = sections.slice(0, 3);
  let section: Section;
  let withMinus = false;
  if (numeric.length === 1 && numeric[0].hasText && !numeric[0].hasDigits) return formatGeneralNumber(n);
  if (n > 0 || (n === 0 && numeric.length < 3)) {
    section = numeric[0];
    withMinus = false;
  } else if (n < 0) {
    if (numeric.length >= 2 && !(numeric[1].hasText && !numeric[1].hasDigits)) {
      section = numeric[1];
    } else {
      section = numeric[0];
      withMinus = true;
    }
  } else {
    section = numeric[2];
  }
  if (section.tokens.length === 0) return '';
  if (section.isDate) return formatDateSection(n, section);
  if (section.hasText && !section.hasDigits) return formatGeneralNumber(n);
  return formatNumberSection(n, section, withMinus);
}

/** Display string of any cell value under a pattern (undefined = Automatic). */
export function formatDisplay(value: DisplayInput, pattern: string | undefined, opts: FormatOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date) && 'error' in value) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (isGeneralPattern(pattern)) return value;
    const sections = sectionsOf(pattern as string);
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.hasText);
    return textSection ? applyTextSection(value, textSection) : value;
  }
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const serial = dateToSerial((value as Date).getTime(), opts.timeZone);
    if (isGeneralPattern(pattern) || pattern === DEFAULT_NUMBER_FORMAT) {
      const hasTime = Math.abs(serial - Math.floor(serial)) > 1e-9;
      return formatNumber(serial, hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy');
    }
    return formatNumber(serial, pattern);
  }
  return formatNumber(value, pattern);
}

/** True when the pattern formats numbers as dates/times. */
export function isDatePattern(pattern: string | undefined): boolean {
  if (isGeneralPattern(pattern)) return false;
  return sectionsOf(pattern as string)[0]?.isDate ?? false;
}
