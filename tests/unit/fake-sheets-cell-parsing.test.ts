import { parseTypedInput } from '../../emulator/cell-parsing';

const opts = { timeZone: 'Etc/UTC', now: () => new Date('2025-06-15T12:00:00Z') };
const parse = (s: string) => parseTypedInput(s, opts);

describe('fake-sheets: how Sheets interprets typed input (and strings written by setValue)', () => {
  test('a leading apostrophe forces literal text and is not part of the value', () => {
    expect(parse("'=SUM(A1)")).toEqual({ kind: 'value', value: '=SUM(A1)' });
    expect(parse("'0012")).toEqual({ kind: 'value', value: '0012' });
    expect(parse("'TRUE")).toEqual({ kind: 'value', value: 'TRUE' });
    expect(parse("''quoted")).toEqual({ kind: 'value', value: "'quoted" });
  });

  test('= starts a formula (but "=" alone is text)', () => {
    expect(parse('=A1+1')).toEqual({ kind: 'formula', formula: '=A1+1' });
    expect(parse('=')).toEqual({ kind: 'value', value: '=' });
  });

  test('numbers in the usual spellings', () => {
    expect(parse('12')).toEqual({ kind: 'value', value: 12 });
    expect(parse('-3')).toEqual({ kind: 'value', value: -3 });
    expect(parse('+5')).toEqual({ kind: 'value', value: 5 });
    expect(parse('0.5')).toEqual({ kind: 'value', value: 0.5 });
    expect(parse('.5')).toEqual({ kind: 'value', value: 0.5 });
    expect(parse(' 7 ')).toEqual({ kind: 'value', value: 7 });
    expect(parse('0012')).toEqual({ kind: 'value', value: 12 });
    expect(parse('1,234.5')).toEqual({ kind: 'value', value: 1234.5, numberFormat: '#,##0.00' });
    expect(parse('1,234')).toEqual({ kind: 'value', value: 1234, numberFormat: '#,##0' });
    expect(parse('1e3')).toEqual({ kind: 'value', value: 1000, numberFormat: '0.00E+00' });
  });

  test('misplaced thousands separators are text', () => {
    expect(parse('1,23')).toEqual({ kind: 'value', value: '1,23' });
    expect(parse('12,34,567')).toEqual({ kind: 'value', value: '12,34,567' });
  });

  test('percentages and dollar amounts', () => {
    expect(parse('12%')).toEqual({ kind: 'value', value: 0.12, numberFormat: '0%' });
    expect(parse('12.5%')).toEqual({ kind: 'value', value: 0.125, numberFormat: '0.00%' });
    expect(parse('$1,234.50')).toEqual({ kind: 'value', value: 1234.5, numberFormat: '"$"#,##0.00' });
    expect(parse('-$5')).toEqual({ kind: 'value', value: -5, numberFormat: '"$"#,##0.00' });
  });

  test('booleans in any case', () => {
    expect(parse('TRUE')).toEqual({ kind: 'value', value: true });
    expect(parse('false')).toEqual({ kind: 'value', value: false });
    expect(parse('True')).toEqual({ kind: 'value', value: true });
  });

  test('simple dates become Dates (month/day order, this year when omitted)', () => {
    const d = (s: string) => {
      const p = parse(s);
      if (p.kind !== 'value' || !(p.value instanceof Date)) throw new Error(`${s} is not a date`);
      return { iso: p.value.toISOString(), format: p.numberFormat };
    };
    expect(d('2024-01-05')).toEqual({ iso: '2024-01-05T00:00:00.000Z', format: 'yyyy-mm-dd' });
    expect(d('1/2/2024')).toEqual({ iso: '2024-01-02T00:00:00.000Z', format: 'M/d/yyyy' });
    expect(d('1/2/24')).toEqual({ iso: '2024-01-02T00:00:00.000Z', format: 'M/d/yyyy' });
    expect(d('1/2')).toEqual({ iso: '2025-01-02T00:00:00.000Z', format: 'M/d' });
    // impossible dates stay text
    expect(parse('2/30/2024')).toEqual({ kind: 'value', value: '2/30/2024' });
    expect(parse('2024-13-01')).toEqual({ kind: 'value', value: '2024-13-01' });
  });

  test('dates land on local midnight in the spreadsheet time zone', () => {
    const p = parseTypedInput('2024-01-05', { timeZone: 'Asia/Shanghai', now: opts.now });
    expect(p.kind === 'value' && p.value instanceof Date && p.value.toISOString()).toBe('2024-01-04T16:00:00.000Z');
  });

  test('text starting with + or - that is not a number is read as a formula, like Sheets does', () => {
    expect(parse('-abc')).toEqual({ kind: 'formula', formula: '=-abc' });
    expect(parse('+abc')).toEqual({ kind: 'formula', formula: '=+abc' });
    expect(parse('- item')).toEqual({ kind: 'formula', formula: '=- item' });
    expect(parse('-')).toEqual({ kind: 'value', value: '-' });
  });

  test('everything else is text, unchanged (not trimmed)', () => {
    expect(parse('hello')).toEqual({ kind: 'value', value: 'hello' });
    expect(parse('  padded  ')).toEqual({ kind: 'value', value: '  padded  ' });
    expect(parse('@mention')).toEqual({ kind: 'value', value: '@mention' });
    expect(parse('12 apples')).toEqual({ kind: 'value', value: '12 apples' });
    expect(parse('   ')).toEqual({ kind: 'value', value: '   ' });
    expect(parse('')).toEqual({ kind: 'empty' });
  });
});
