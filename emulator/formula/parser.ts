/**
 * Formula parser: tokens → AST. Operator precedence follows Sheets (and Excel), lowest first:
 * comparison (= <> < > <= >=), concatenation (&), additive (+ -), multiplicative (* /), power (^),
 * unary sign (- +, binds tighter than ^ so -2^2 = 4), percent (postfix %), then primaries.
 */
import type { Area } from '../a1';
import { tokenize, type ErrorCode, type Token } from './tokenizer';

export type Node =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'error'; code: ErrorCode }
  | { type: 'ref'; sheet?: string; area: Area }
  | { type: 'name'; name: string }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'missing' }
  | { type: 'unary'; op: '-' | '+'; arg: Node }
  | { type: 'percent'; arg: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'array'; rows: Node[][] };

export type ParseResult =
  { ok: true; ast: Node; tokens: Token[] } | { ok: false; error: string; tokens: Token[] | null };

class ParseError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.pos];
  }

  private next(): Token {
    const t = this.toks[this.pos++];
    if (!t) throw new ParseError('Unexpected end of formula');
    return t;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return !!t && t.type === 'op' && t.text === text;
  }

  parseFormula(): Node {
    const node = this.comparison();
    if (this.pos < this.toks.length) throw new ParseError(`Unexpected ${this.toks[this.pos].text}`);
    return node;
  }

  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (t && t.type === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.text)) {
        this.pos++;
        left = { type: 'binary', op: t.text, left, right: this.concat() };
      } else return left;
    }
  }

  private concat(): Node {
    let left = this.additive();
    while (this.isOp('&')) {
      this.pos++;
      left = { type: 'binary', op: '&', left, right: this.additive() };
    }
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    for (;;) {
      if (this.isOp('+') || this.isOp('-')) {
        const op = this.next().text;
        left = { type: 'binary', op, left, right: this.multiplicative() };
      } else return left;
    }
  }

  private multiplicative(): Node {
    let left = this.power();
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = this.next().text;
        left = { type: 'binary', op, left, right: this.power() };
      } else return left;
    }
  }

  private power(): Node {
    let left = this.unary();
    while (this.isOp('^')) {
      this.pos++;
      left = { type: 'binary', op: '^', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.next().text as '-' | '+';
      return { type: 'unary', op, arg: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    while (this.isOp('%')) {
      this.pos++;
      node = { type: 'percent', arg: node };
    }
    return node;
  }

  private primary(): Node {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { type: 'number', value: t.value };
      case 'string':
        return { type: 'string', value: t.value };
      case 'bool':
        return { type: 'bool', value: t.value };
      case 'error':
        return { type: 'error', code: t.code };
      case 'ref':
        return t.sheet !== undefined ? { type: 'ref', sheet: t.sheet, area: t.area } : { type: 'ref', area: t.area };
      case 'name':
        return { type: 'name', name: t.text };
      case 'func':
        return this.call(t.name);
      case 'paren':
        if (t.text === '(') {
          const inner = this.comparison();
          const close = this.next();
          if (close.type !== 'paren' || close.text !== ')') throw new ParseError('Expected )');
          return inner;
        }
        throw new ParseError('Unexpected )');
      case 'brace':
        if (t.text === '{') return this.arrayLiteral();
        throw new ParseError('Unexpected }');
      default:
        throw new ParseError(`Unexpected ${t.text}`);
    }
  }

  private call(name: string): Node {
    const open = this.next();
    if (open.type !== 'paren' || open.text !== '(') throw new ParseError('Expected (');
    const args: Node[] = [];
    const first = this.peek();
    if (first && first.type === 'paren' && first.text === ')') {
      this.pos++;
      return { type: 'call', name, args };
    }
    for (;;) {
      const t = this.peek();
      if (t && (t.type === 'comma' || (t.type === 'paren' && t.text === ')'))) {
        args.push({ type: 'missing' });
      } else {
        args.push(this.comparison());
      }
      const sep = this.next();
      if (sep.type === 'comma') continue;
      if (sep.type === 'paren' && sep.text === ')') break;
      throw new ParseError(`Unexpected ${sep.text} in arguments`);
    }
    return { type: 'call', name, args };
  }

  private arrayLiteral(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.comparison());
      const sep = this.next();
      if (sep.type === 'comma') continue;
      if (sep.type === 'semicolon') {
        rows.push([]);
        continue;
      }
      if (sep.type === 'brace' && sep.text === '}') break;
      throw new ParseError('Invalid array literal');
    }
    const width = rows[0].length;
    if (rows.some((r) => r.length !== width)) throw new ParseError('Array literal rows differ in length');
    return { type: 'array', rows };
  }
}

const cache = new Map<string, ParseResult>();

/** Parses a formula (with or without its leading `=`). Results are cached by text. */
export function parseFormula(formula: string): ParseResult {
  const cached = cache.get(formula);
  if (cached) return cached;
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const tk = tokenize(body);
  let result: ParseResult;
  if (!tk.ok) {
    result = { ok: false, error: tk.error, tokens: null };
  } else {
    const meaningful = tk.tokens.filter((t) => t.type !== 'ws');
    try {
      if (meaningful.length === 0) throw new ParseError('Empty formula');
      const ast = new Parser(meaningful).parseFormula();
      result = { ok: true, ast, tokens: tk.tokens };
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      result = { ok: false, error: e.message, tokens: tk.tokens };
    }
  }
  if (cache.size > 50000) cache.clear();
  cache.set(formula, result);
  return result;
}
