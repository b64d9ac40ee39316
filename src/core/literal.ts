/**
 * User text is data. Sheets parses strings written with setValues ("=…" becomes a formula, "2024" a number,
 * "1/2" a date); a leading apostrophe is Sheets' documented way to store the rest of the string literally.
 * getValues() returns the text without the apostrophe, so reads round-trip exactly.
 */
export function literal(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** Normalises what getValues() returns for a text field back to the string a user typed. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A typed TRUE/FALSE becomes a boolean in Sheets; give back the text the cell shows.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- getValues() is untyped; what is left is a string or a number
  return String(value).trim();
}
