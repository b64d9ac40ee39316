/**
 * Formula syntax of a spreadsheet locale. Semicolon locales (de_DE, pt_BR, id_ID, fr_FR, …) separate arguments
 * with `;` and write decimals with `,`; comma locales (en_US, en_IN, ja_JP, …) use `,` and `.`. Formulas are
 * stored in en_US syntax; these translate what a script writes or reads under the "formulas parse in the
 * spreadsheet's locale" reading (see README, "Readings").
 */

/** Languages whose decimal separator is a comma (so Sheets separates arguments with `;`). */
const DECIMAL_COMMA_LANGUAGES = new Set(
  'de pt id fr es it nl ru tr pl sv da fi nb no nn cs sk hu ro uk vi el bg hr sl sr lt lv et ca az kk be mk is fil'.split(
    ' ',
  ),
);
/** Countries where a decimal-comma language still writes decimals with a point. */
const DECIMAL_POINT_REGIONS = new Set(['es_MX', 'es_US', 'es_PR', 'de_CH', 'fr_CH', 'it_CH']);

/** True when formulas typed in `locale` separate arguments with `;`. */
export function usesSemicolons(locale: string): boolean {
  if (DECIMAL_POINT_REGIONS.has(locale)) return false;
  return DECIMAL_COMMA_LANGUAGES.has(locale.split(/[_-]/)[0].toLowerCase());
}

/**
 * Swaps the separators of formula text between en_US and a semicolon locale, leaving strings and quoted sheet
 * names alone: `;` ↔ `,` between arguments, and a decimal mark between digits (`.` ↔ `,`). Text that is valid
 * in one syntax becomes text that is invalid in the other where it used the other's separators (an en_US
 * `IF(a,b,c)` written in de_DE is stored as `IF(a;b;c)`, which evaluates to #ERROR!, as Sheets shows it).
 */
export function swapFormulaSyntax(formula: string, direction: 'fromLocale' | 'toLocale'): string {
  let out = '';
  let quote: string | null = null;
  const digit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
      continue;
    }
    const decimal = digit(formula[i - 1]) && digit(formula[i + 1]);
    if (direction === 'fromLocale') out += ch === ';' ? ',' : ch === ',' ? (decimal ? '.' : ';') : ch;
    else out += ch === ',' ? ';' : ch === ';' ? ',' : ch === '.' && decimal ? ',' : ch;
  }
  return out;
}
