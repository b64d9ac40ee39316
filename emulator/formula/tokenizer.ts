/**
 * Formula tokenizer. Keeps every character of the source (whitespace included) so that a formula can
 * be re-serialised after references are rewritten (row/column insertion, sheet rename or deletion)
 * without disturbing anything else the user wrote.
 */
import { parseArea, type Area } from '../a1';

export const ERROR_CODES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Token =
  | { type: 'ws'; text: string }
  | { type: 'number'; text: string; value: number }
  | { type: 'string'; text: string; value: string }
  | { type: 'bool'; text: string; value: boolean }
  | { type: 'error'; text: string; code: ErrorCode }
  | { type: 'ref'; text: string; sheet?: string; area: Area }
  | { type: 'func'; text: string; name: string }
  | { type: 'name'; text: string }
  | { type: 'op'; text: string }
  | { type: 'paren'; text: '(' | ')' }
  | { type: 'comma'; text: ',' }
  | { type: 'semicolon'; text: ';' }
  | { type: 'brace'; text: '{' | '}' };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; tokens: Token[]; error: string };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]+`;
const AREA_PATTERNS = [
  new RegExp(`${CELL}:${CELL}`, 'y'),
  new RegExp(`${CELL}:${COL}(?![0-9])`, 'y'),
  new RegExp(`${COL}:${COL}(?![0-9])`, 'y'),
  new RegExp(`${ROW}:${ROW}`, 'y'),
  new RegExp(CELL, 'y'),
];
/** A reference must not run on into a longer identifier or a call. */
const REF_FOLLOW = /[\p{L}\p{N}_.(!$]/u;
const UNQUOTED_SHEET = /([\p{L}_][\p{L}\p{N}_.]*)!/uy;
const WORD = /[\p{L}_\\][\p{L}\p{N}_.]*/uy;
const NUMBER = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const ERROR_LITERAL = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!)/iy;
const WS = /\s+/y;

function matchAt(re: RegExp, src: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(src);
  return m ? m[0] : null;
}

function matchArea(src: string, pos: number): { text: string; area: Area } | null {
  for (const re of AREA_PATTERNS) {
    const text = matchAt(re, src, pos);
    if (!text) continue;
    const next = src[pos + text.length];
    if (next !== undefined && REF_FOLLOW.test(next)) continue;
    const area = parseArea(text);
    if (area) return { text, area };
  }
  return null;
}

/** Tokenizes the formula body (the text after the leading `=`). */
export function tokenize(src: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const ws = matchAt(WS, src, i);
    if (ws) {
      tokens.push({ type: 'ws', text: ws });
      i += ws.length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += src[j];
        j++;
      }
      if (!closed) return { ok: false, tokens, error: 'Unterminated string' };
      tokens.push({ type: 'string', text: src.slice(i, j), value });
      i = j;
      continue;
    }
    if (ch === '#') {
      const text = matchAt(ERROR_LITERAL, src, i);
      if (!text) return { ok: false, tokens, error: `Unexpected # at ${i}` };
      tokens.push({ type: 'error', text: text.toUpperCase(), code: text.toUpperCase() as ErrorCode });
      i += text.length;
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name: 'It''s a sheet'!A1
      let j = i + 1;
      let name = '';
      let closed = false;
      while (j < src.length) {
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        name += src[j];
        j++;
      }
      if (!closed || src[j] !== '!') return { ok: false, tokens, error: 'Invalid quoted sheet reference' };
      j++;
      const area = matchArea(src, j);
      if (!area) {
        const err = matchAt(ERROR_LITERAL, src, j);
        if (err && err.toUpperCase() === '#REF!') {
          tokens.push({ type: 'error', text: src.slice(i, j + err.length), code: '#REF!' });
          i = j + err.length;
          continue;
        }
        return { ok: false, tokens, error: 'Invalid reference after sheet name' };
      }
      tokens.push({ type: 'ref', text: src.slice(i, j + area.text.length), sheet: name, area: area.area });
      i = j + area.text.length;
      continue;
    }
    // Unquoted sheet prefix: Sheet1!A1
    const sheetPrefix = matchAt(UNQUOTED_SHEET, src, i);
    if (sheetPrefix) {
      const j = i + sheetPrefix.length;
      const area = matchArea(src, j);
      if (area) {
        tokens.push({
          type: 'ref',
          text: src.slice(i, j + area.text.length),
          sheet: sheetPrefix.slice(0, -1),
          area: area.area,
        });
        i = j + area.text.length;
        continue;
      }
      const err = matchAt(ERROR_LITERAL, src, j);
      if (err && err.toUpperCase() === '#REF!') {
        tokens.push({ type: 'error', text: src.slice(i, j + err.length), code: '#REF!' });
        i = j + err.length;
        continue;
      }
      return { ok: false, tokens, error: 'Invalid reference after sheet name' };
    }
    if (ch === '$' || /[A-Za-z0-9]/.test(ch)) {
      const area = matchArea(src, i);
      if (area) {
        tokens.push({ type: 'ref', text: area.text, area: area.area });
        i += area.text.length;
        continue;
      }
    }
    if (/[0-9.]/.test(ch)) {
      const num = matchAt(NUMBER, src, i);
      if (num) {
        tokens.push({ type: 'number', text: num, value: Number(num) });
        i += num.length;
        continue;
      }
    }
    const word = matchAt(WORD, src, i);
    if (word) {
      if (src[i + word.length] === '(') {
        tokens.push({ type: 'func', text: word, name: word.toUpperCase() });
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        tokens.push({ type: 'bool', text: word, value: word.toUpperCase() === 'TRUE' });
      } else {
        tokens.push({ type: 'name', text: word });
      }
      i += word.length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ type: 'op', text: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%:'.includes(ch)) {
      tokens.push({ type: 'op', text: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ type: 'paren', text: ch });
      i++;
      continue;
    }
    if (ch === ',') {
      tokens.push({ type: 'comma', text: ',' });
      i++;
      continue;
    }
    if (ch === ';') {
      tokens.push({ type: 'semicolon', text: ';' });
      i++;
      continue;
    }
    if (ch === '{' || ch === '}') {
      tokens.push({ type: 'brace', text: ch });
      i++;
      continue;
    }
    return { ok: false, tokens, error: `Unexpected character ${JSON.stringify(ch)} at ${i}` };
  }
  return { ok: true, tokens };
}

/** Joins tokens back into formula body text. */
export function untokenize(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) s += t.text;
  return s;
}
