/**
 * The one way the add-on writes formulas. Every formula is built here, in en_US syntax (`,` between arguments,
 * `.` for decimals), and written while the spreadsheet's locale is en_US, because Google does not document
 * whether Apps Script parses formula text in the spreadsheet's locale (de_DE, pt_BR and id_ID use `;` and
 * decimal `,`) or always as en_US. Written in en_US during an en_US locale, it means the same either way.
 *
 * How to use it:
 * - build: `formula(IF(ISNUMBER('C2'), 'C2', EMPTY))` → `=IF(ISNUMBER(C2),C2,"")`; text literals with `text('⚠ x')`;
 *   other functions with `call('NAME', …args)`. Never join arguments with a literal `,` or `;` elsewhere.
 * - write: inside `withFormulaLocale(spreadsheet, locale, () => …)` (src/server/formula-locale.ts), with the
 *   locale read before any write (`spreadsheet.getSpreadsheetLocale()`); it switches to en_US only when the
 *   locale is another, and always puts the user's locale back (in a `finally`).
 */

/** The locale formula text is written in (and the spreadsheet's locale while it is written). */
export const FORMULA_LOCALE = 'en_US';

/** The locale to switch to before writing formulas in a spreadsheet whose locale is `locale`; null: none needed. */
export function formulaWriteLocale(locale: string): string | null {
  return locale === FORMULA_LOCALE ? null : FORMULA_LOCALE;
}

const ARGUMENT_SEPARATOR = ',';

/** A cell formula: `=` and the expression. */
export function formula(expression: string): string {
  return `=${expression}`;
}

/** A function call, arguments separated in the formula syntax. */
export function call(name: string, ...args: readonly string[]): string {
  return `${name}(${args.join(ARGUMENT_SEPARATOR)})`;
}

/** A text literal (quotes doubled). */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The empty text `""` (a blank-looking result). */
export const EMPTY = '""';

export const IF = (test: string, then: string, otherwise: string): string => call('IF', test, then, otherwise);
export const AND = (...conditions: string[]): string => call('AND', ...conditions);
export const OR = (...conditions: string[]): string => call('OR', ...conditions);
export const NOT = (condition: string): string => call('NOT', condition);
export const ISNUMBER = (value: string): string => call('ISNUMBER', value);
export const ABS = (value: string): string => call('ABS', value);
export const SUMPRODUCT = (...arrays: string[]): string => call('SUMPRODUCT', ...arrays);
export const TRIM = (value: string): string => call('TRIM', value);
export const LEFT = (value: string, count: string): string => call('LEFT', value, count);
