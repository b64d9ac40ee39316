/** Writes formulas while the spreadsheet's locale is en_US, putting the user's locale back afterwards. */
import { formulaWriteLocale } from '../core/formula';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Whether this execution is inside a switch (each Apps Script call starts with a fresh bundle, so false). */
let switched = false;

/**
 * Runs `write` (which writes formulas built with core/formula.ts) while the spreadsheet's locale is en_US, so the
 * formulas mean the same whether Apps Script parses them in the spreadsheet's locale or always as en_US.
 * `locale` is the spreadsheet's locale, read before any write (no read after a write). In an en_US spreadsheet
 * nothing is switched; otherwise two calls, and the user's locale is put back even when `write` fails. Inside a
 * switch already made (an operation writing several sheets' formulas in one), it just runs `write`: one switch
 * per operation.
 */
export function withFormulaLocale<T>(spreadsheet: Spreadsheet, locale: string, write: () => T): T {
  const writeLocale = formulaWriteLocale(locale);
  if (writeLocale === null || switched) return write();
  spreadsheet.setSpreadsheetLocale(writeLocale);
  switched = true;
  try {
    return write();
  } finally {
    switched = false;
    spreadsheet.setSpreadsheetLocale(locale);
  }
}
