/**
 * The one rule for writing text so that a cell holds exactly that text (issue 9).
 *
 * Sheets parses a string written with setValues ("=…" becomes a formula, "2024" a number, "1/2" a date) unless
 * the cell's number format is plain text. Google documents two ways to keep a string as it is, and each is used
 * only where it is documented:
 * - raw text into a cell whose format is plain text (`@`): the cell stores the input as text;
 * - a leading apostrophe into a cell in automatic format: the apostrophe is not part of the value.
 * Never both: what a text-format cell does with an apostrophe (or a leading "=") is not documented, so text
 * that starts with either goes into an automatic-format cell with an apostrophe. Every sheet plan and every
 * write of user text goes through `textCell` (format chosen here) or `textInput` (format given).
 */

/** Sheets' plain-text number format. */
export const TEXT_FORMAT = '@';
/** What Sheets reports for its Automatic format; not a text format, so typed input is parsed and `'` is honoured. */
export const AUTOMATIC_FORMAT = '0.###############';

/** A cell's value and the number format it must have for Sheets to store `value` as the intended text. */
export interface TextCell {
  value: string;
  numberFormat: string;
}

/** True when a number format has a text section: an `@` outside quotes (e.g. `@`, `"•  "@`, `0;-0;0;@`). */
export function isTextFormat(numberFormat: string): boolean {
  return numberFormat.replace(/"[^"]*"|\\./g, '').includes('@');
}

/** Text a plain-text cell might not store as given (undocumented): a leading apostrophe or equals sign. */
export function needsApostrophe(text: string): boolean {
  return text.startsWith("'") || text.startsWith('=');
}

/** How to write `text` so the cell holds exactly `text`: the value and the number format to give the cell. */
export function textCell(text: string): TextCell {
  if (text === '' || !needsApostrophe(text)) return { value: text, numberFormat: TEXT_FORMAT };
  return { value: `'${text}`, numberFormat: AUTOMATIC_FORMAT };
}

/**
 * The value to write for `text` into a cell whose number format is already `numberFormat` (e.g. the snapshot
 * sheet, which keeps Sheets' automatic format). Throws for text a text-format cell would hold ambiguously:
 * such a cell must get its format from `textCell`.
 */
export function textInput(text: string, numberFormat: string): string {
  if (text === '') return '';
  if (!isTextFormat(numberFormat)) return `'${text}`;
  if (needsApostrophe(text)) throw new Error(`Text starting with ' or = cannot be written into a plain-text cell.`);
  return text;
}

/**
 * Normalises what getValues() returns for a text field back to the string a user typed. A date (typed into a cell
 * that is not plain text) reads as its calendar day in the spreadsheet's time zone: `dateText` formats it so
 * (the server passes Utilities.formatDate with the spreadsheet's zone); without it, the UTC day.
 */
export function cellText(value: unknown, dateText: (date: Date) => string = utcDay): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  // A typed TRUE/FALSE becomes a boolean in Sheets; give back the text the cell shows.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- getValues() is untyped; what is left is a string or a number
  return String(value).trim();
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
