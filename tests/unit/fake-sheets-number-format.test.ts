import {
  DEFAULT_NUMBER_FORMAT,
  formatDisplay,
  formatGeneralNumber,
  formatNumber,
  toFixedHalfUp,
} from '../../emulator/number-format';

const tz = { timeZone: 'Etc/UTC' };

describe('fake-sheets number formats (getDisplayValues)', () => {
  test('Automatic format shows about 10 significant digits', () => {
    expect(formatGeneralNumber(0)).toBe('0');
    expect(formatGeneralNumber(12)).toBe('12');
    expect(formatGeneralNumber(-3.5)).toBe('-3.5');
    expect(formatGeneralNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneralNumber(1 / 3)).toBe('0.3333333333');
    expect(formatGeneralNumber(1234567.891)).toBe('1234567.891');
    expect(formatGeneralNumber(123456789012)).toBe('123456789012');
    expect(formatGeneralNumber(1e20)).toBe('1E+20');
  });

  test('rounds half away from zero on the decimal value', () => {
    expect(toFixedHalfUp(1.005, 2)).toBe('1.01');
    expect(toFixedHalfUp(2.5, 0)).toBe('3');
    expect(toFixedHalfUp(0.125, 2)).toBe('0.13');
    expect(toFixedHalfUp(9.995, 2)).toBe('10.00');
    expect(toFixedHalfUp(0.0000001, 3)).toBe('0.000');
  });

  test('digit placeholders, decimals and thousands separators', () => {
    expect(formatNumber(1234.567, '0')).toBe('1235');
    expect(formatNumber(1234.567, '0.0')).toBe('1234.6');
    expect(formatNumber(1234.5, '0.00')).toBe('1234.50');
    expect(formatNumber(1234567.8, '#,##0')).toBe('1,234,568');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(1234.5, '#,##0.0##')).toBe('1,234.5');
    expect(formatNumber(1234.56789, '#,##0.0##')).toBe('1,234.568');
    expect(formatNumber(0.5, '#.##')).toBe('.5');
    expect(formatNumber(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(formatNumber(5, DEFAULT_NUMBER_FORMAT)).toBe('5');
    expect(formatNumber(0.14, DEFAULT_NUMBER_FORMAT)).toBe('0.14');
  });

  test('percentages', () => {
    expect(formatNumber(0.12, '0%')).toBe('12%');
    expect(formatNumber(0.1234, '0.0%')).toBe('12.3%');
    expect(formatNumber(0.125, '0.00%')).toBe('12.50%');
  });

  test('literal text, sections and scientific notation', () => {
    expect(formatNumber(5, '"$"#,##0.00')).toBe('$5.00');
    expect(formatNumber(-5, '"$"#,##0.00')).toBe('-$5.00');
    expect(formatNumber(-5, '0.00;(0.00)')).toBe('(5.00)');
    expect(formatNumber(0, '0.00;(0.00);"zero"')).toBe('zero');
    expect(formatNumber(12, '0 "bn"')).toBe('12 bn');
    expect(formatNumber(1234, '0.00E+00')).toBe('1.23E+03');
    expect(formatNumber(3, '[Red]0')).toBe('3');
  });

  test('text formats: @ and a text section with a literal prefix (the canvas bullet)', () => {
    expect(formatDisplay('Smartphones', '"•  "@', tz)).toBe('•  Smartphones');
    expect(formatDisplay('x', '@', tz)).toBe('x');
    expect(formatDisplay('x', '0.00;-0.00;0;"[" @ "]"', tz)).toBe('[ x ]');
    expect(formatDisplay(42, '"•  "@', tz)).toBe('42');
    expect(formatDisplay(42, '@', tz)).toBe('42');
    expect(formatDisplay('plain', '0.00', tz)).toBe('plain');
  });

  test('booleans, empty cells and errors', () => {
    expect(formatDisplay(true, undefined, tz)).toBe('TRUE');
    expect(formatDisplay(null, '0.00', tz)).toBe('');
    expect(formatDisplay({ error: '#DIV/0!' }, '0.00', tz)).toBe('#DIV/0!');
  });

  test('dates and times', () => {
    const d = new Date('2024-01-05T00:00:00Z');
    expect(formatDisplay(d, undefined, tz)).toBe('1/5/2024');
    expect(formatDisplay(d, 'yyyy-mm-dd', tz)).toBe('2024-01-05');
    expect(formatDisplay(d, 'd mmm yyyy', tz)).toBe('5 Jan 2024');
    expect(formatDisplay(d, 'dddd, mmmm d', tz)).toBe('Friday, January 5');
    expect(formatDisplay(new Date('2024-01-05T13:07:09Z'), 'h:mm:ss AM/PM', tz)).toBe('1:07:09 PM');
    expect(formatDisplay(new Date('2024-01-05T13:07:09Z'), undefined, tz)).toBe('1/5/2024 13:07:09');
    expect(formatDisplay(new Date('2024-01-05T00:00:00Z'), '0.00', tz)).toBe('45296.00');
    // the same instant seen in another time zone
    expect(formatDisplay(new Date('2024-01-04T16:00:00Z'), 'yyyy-mm-dd', { timeZone: 'Asia/Shanghai' })).toBe(
      '2024-01-05',
    );
  });
});
