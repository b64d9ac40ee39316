/**
 * The canonical text of an entry. The canvas shows every entry with a bullet (a number format), so a "•" a
 * user types in front is not part of the entry: it is dropped both when reading the sheet and when saving, so
 * what a save returns is exactly what the next read sees. "-" and "·" are kept: they may be data ("-5%").
 */
export function normaliseEntry(text: string): string {
  return text.trim().replace(/^•\s+/, '');
}

/** Half of a surrogate pair on its own: JSON carries it, but it is not text Sheets can store and give back. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
