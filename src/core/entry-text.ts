/**
 * The bullet in front of every entry on the canvas. It is part of the cell's text (plain text, no custom number
 * format: what Sheets does with input typed into a cell formatted `"•  "@` is not documented), so it is not part
 * of the entry: it is dropped when reading the sheet and when saving.
 */
export const ENTRY_BULLET = '•  ';

/** The cell text of an entry on the canvas (and of a bullet in the details sheet). */
export function bulleted(text: string): string {
  return text === '' ? '' : `${ENTRY_BULLET}${text}`;
}

/**
 * The canonical text of an entry: without the bullet the canvas adds (or one a user typed), so what a save
 * returns is exactly what the next read sees. "-" and "·" are kept: they may be data ("-5%").
 */
export function normaliseEntry(text: string): string {
  return text.trim().replace(/^•\s+/, '');
}

/** Half of a surrogate pair on its own: JSON carries it, but it is not text Sheets can store and give back. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
