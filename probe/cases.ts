/**
 * The Sheets / Apps Script behaviour the add-on relies on, as executable checks. The same list runs
 * - in real Google Sheets: `npm run build:probe` bundles it into dist-probe/Code.js (function runProbe), and
 * - in Jest against the in-memory fake (tests/unit/probe-cases.test.ts), under both of its readings.
 * Each case writes to a scratch sheet, reads back, and returns what it observed. `expected` is what the add-on's
 * code is correct for and what the strict fake models; `lenient` is what the fake's lenient reading gives where
 * Google documents nothing (the add-on must be correct under both, so it never depends on that difference).
 * See docs/sheets-assumptions.md for the table and the Google pages.
 */
import { AUTOMATIC_FORMAT, TEXT_FORMAT } from '../src/core/literal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ProbeContext {
  spreadsheet: Spreadsheet;
  /** A fresh scratch sheet, deleted after the run. */
  sheet: Sheet;
  utilities: Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate'>;
  /** SpreadsheetApp's text-style builder (a local object in Apps Script). */
  app: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newTextStyle'>;
}

export interface ProbeCase {
  id: string;
  assumption: string;
  /** The Google page that documents it, or null when Google documents nothing. */
  documented: string | null;
  expected: unknown;
  /** Only for undocumented behaviour: what the fake's lenient reading gives. */
  lenient?: unknown;
  run(context: ProbeContext): unknown;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
/** A value as JSON-comparable text: its type and content. */
const typed = (v: unknown): string => (isDate(v) ? `date` : `${typeof v}:${String(v)}`);

const TRICKY = ['2024', '1/2', '+1', 'TRUE', '12%', '$5', '•  Key Partners', '😀 小米 مرحبا'];

export const PROBE_CASES: ProbeCase[] = [
  {
    id: 'apostrophe-in-automatic-cell',
    assumption: 'A leading apostrophe written into a cell in automatic format stores the rest as text.',
    documented: 'https://support.google.com/docs/answer/3094285',
    expected: ['string:2024', 'string:=1+1', "string:'quoted'", 'string:1/2', 'string:+1'],
    run({ sheet }) {
      const inputs = ['2024', '=1+1', "'quoted'", '1/2', '+1'];
      const range = sheet.getRange(1, 1, inputs.length, 1);
      range.setNumberFormat(AUTOMATIC_FORMAT);
      range.setValues(inputs.map((text) => [`'${text}`]));
      return range.getValues().map((row) => typed(row[0]));
    },
  },
  {
    id: 'raw-text-in-plain-text-cell',
    assumption: 'Text written into a plain-text (@) cell is stored as that text: no number, date, boolean or formula.',
    documented: 'https://developers.google.com/sheets/api/guides/formats',
    expected: TRICKY.map((t) => `string:${t}`),
    run({ sheet }) {
      const range = sheet.getRange(1, 2, TRICKY.length, 1);
      range.setNumberFormat(TEXT_FORMAT);
      range.setValues(TRICKY.map((text) => [text]));
      return range.getValues().map((row) => typed(row[0]));
    },
  },
  {
    id: 'apostrophe-in-plain-text-cell',
    assumption: 'What a plain-text cell does with a leading apostrophe (the add-on never writes one there).',
    documented: null,
    expected: "string:'Key Partners",
    lenient: 'string:Key Partners',
    run({ sheet }) {
      const cell = sheet.getRange(1, 3);
      cell.setNumberFormat(TEXT_FORMAT);
      cell.setValue("'Key Partners");
      return typed(cell.getValue());
    },
  },
  {
    id: 'equals-in-plain-text-cell',
    assumption: 'What a plain-text cell does with "=1+1" written by a script (the add-on never writes one there).',
    documented: null,
    expected: 'string:=1+1',
    lenient: 'number:2',
    run({ sheet }) {
      const cell = sheet.getRange(2, 3);
      cell.setNumberFormat(TEXT_FORMAT);
      cell.setValue('=1+1');
      return typed(cell.getValue());
    },
  },
  {
    id: 'countif-numeric-text-criterion',
    assumption:
      'Whether COUNTIF with a numeric-looking text criterion matches text cells (the add-on uses no COUNTIF).',
    documented: null,
    expected: 0,
    lenient: 1,
    run({ sheet }) {
      const data = sheet.getRange(1, 4, 2, 1);
      data.setNumberFormat(TEXT_FORMAT);
      data.setValues([['2024'], ['2025']]);
      const formula = sheet.getRange(3, 4);
      formula.setNumberFormat(AUTOMATIC_FORMAT);
      formula.setFormula('=COUNTIF(D1:D2,"2024")');
      return formula.getValue() as unknown;
    },
  },
  {
    id: 'sumproduct-exact-comparison',
    assumption: 'SUMPRODUCT of (range=value) compares exactly: no wildcards, "2024" text equals "2024" text.',
    documented: 'https://support.google.com/docs/answer/3094294',
    expected: [1, 1, 0],
    run({ sheet }) {
      const data = sheet.getRange(1, 5, 3, 1);
      data.setNumberFormat(TEXT_FORMAT);
      data.setValues([['rd*'], ['rd-spend'], ['2024']]);
      const formulas = sheet.getRange(4, 5, 3, 1);
      formulas.setNumberFormat(AUTOMATIC_FORMAT);
      formulas.setFormulas([
        ['=SUMPRODUCT((E1:E3="rd*")*1)'],
        ['=SUMPRODUCT((E1:E3="2024")*1)'],
        ['=SUMPRODUCT((E1:E3=2024)*1)'],
      ]);
      return formulas.getValues().map((row): unknown => row[0]);
    },
  },
  {
    id: 'get-range-outside-grid-throws',
    assumption: 'getRange beyond the last row throws (how the add-on finds out that a new sheet is too small).',
    documented: null,
    expected: 'throws',
    lenient: 'throws',
    run({ sheet }) {
      try {
        sheet.getRange(sheet.getMaxRows() + 1, 1);
        return 'no error';
      } catch {
        return 'throws';
      }
    },
  },
  {
    id: 'named-range-set-range-moves',
    assumption: 'NamedRange.setRange moves an existing name to another range.',
    documented: 'https://developers.google.com/apps-script/reference/spreadsheet/named-range',
    expected: 'B2',
    run({ spreadsheet, sheet }) {
      const name = 'XiaomiCanvasProbe';
      spreadsheet.setNamedRange(name, sheet.getRange('A1'));
      const named = spreadsheet.getNamedRanges().find((n) => n.getName() === name);
      named?.setRange(sheet.getRange('B2'));
      const a1 = spreadsheet.getRangeByName(name)?.getA1Notation() ?? 'missing';
      spreadsheet.removeNamedRange(name);
      return a1;
    },
  },
  {
    id: 'sheet-names-ignore-case',
    assumption: 'A sheet name that differs from an existing one only in case is refused.',
    documented: null,
    expected: 'throws',
    lenient: 'throws',
    run({ spreadsheet, sheet }) {
      try {
        const twin = spreadsheet.insertSheet(sheet.getName().toUpperCase());
        spreadsheet.deleteSheet(twin);
        return 'allowed';
      } catch {
        return 'throws';
      }
    },
  },
  {
    id: 'typed-date-in-spreadsheet-time-zone',
    assumption:
      "A date typed into an automatic cell reads back as a Date whose day, in the spreadsheet's time zone, is the typed day.",
    documented: 'https://developers.google.com/sheets/api/guides/formats',
    expected: '2024-01-05',
    run({ spreadsheet, sheet, utilities }) {
      const cell = sheet.getRange(1, 6);
      cell.setNumberFormat(AUTOMATIC_FORMAT);
      cell.setValue('2024-01-05');
      const value: unknown = cell.getValue();
      return isDate(value)
        ? utilities.formatDate(value, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd')
        : typed(value);
    },
  },
  {
    id: 'formula-parsed-in-spreadsheet-locale',
    assumption:
      'Whether a formula written by a script is parsed in the spreadsheet locale (de_DE: ";" between arguments) or always as en_US (the add-on writes formulas in en_US while the locale is en_US, core/formula.ts).',
    documented: null,
    expected: ['#ERROR!', 2.5],
    lenient: [2.5, '#ERROR!'],
    run({ spreadsheet, sheet }) {
      const locale = spreadsheet.getSpreadsheetLocale();
      spreadsheet.setSpreadsheetLocale('de_DE');
      try {
        const cells = sheet.getRange(1, 7, 1, 2);
        cells.setNumberFormat(AUTOMATIC_FORMAT);
        cells.setFormulas([['=IF(1,2.5,3)', '=IF(1;2,5;3)']]);
        return cells.getValues()[0] as unknown[];
      } finally {
        spreadsheet.setSpreadsheetLocale(locale);
      }
    },
  },
  {
    id: 'sumproduct-text-in-value-range',
    assumption:
      'Text in a range multiplied inside SUMPRODUCT is #VALUE!, while a range given as its own SUMPRODUCT argument counts text as 0 (Reported reads the value column that way).',
    documented: null,
    expected: [5, '#VALUE!'],
    lenient: [5, '#VALUE!'],
    run({ sheet }) {
      const data = sheet.getRange(1, 9, 3, 2);
      data.setNumberFormat(AUTOMATIC_FORMAT);
      data.setValues([
        ['x', 'n/a'],
        ['x', 5],
        ['y', 7],
      ]);
      const formulas = sheet.getRange(4, 9, 2, 1);
      formulas.setFormulas([['=SUMPRODUCT((I1:I3="x")*1,J1:J3)'], ['=SUMPRODUCT((I1:I3="x")*J1:J3)']]);
      return formulas.getValues().map((row): unknown => row[0]);
    },
  },
  {
    id: 'deleted-sheet-names-kept',
    assumption:
      "Whether a deleted sheet's named range stays (listed by getNamedRanges, pointing at #REF!) and refuses its name to a new range (the add-on removes such leftovers before creating a name).",
    documented: null,
    expected: ['listed', 'getRangeByName null', 'getRange throws', 'name refused'],
    lenient: ['not listed', 'getRangeByName null', 'getRange throws', 'name reused'],
    run({ spreadsheet, sheet }) {
      const name = 'XiaomiCanvasProbeDeleted';
      const doomed = spreadsheet.insertSheet('Probe deleted sheet');
      spreadsheet.setNamedRange(name, doomed.getRange('A1'));
      spreadsheet.deleteSheet(doomed);
      const named = spreadsheet.getNamedRanges().find((n) => n.getName() === name);
      const observed = [named ? 'listed' : 'not listed'];
      observed.push(spreadsheet.getRangeByName(name) === null ? 'getRangeByName null' : 'getRangeByName a range');
      try {
        named?.getRange();
        observed.push(named ? 'getRange works' : 'getRange throws');
      } catch {
        observed.push('getRange throws');
      }
      try {
        spreadsheet.setNamedRange(name, sheet.getRange('A1'));
        observed.push('name reused');
      } catch {
        observed.push('name refused');
      }
      spreadsheet
        .getNamedRanges()
        .filter((n) => n.getName() === name)
        .forEach((n) => n.remove());
      return observed;
    },
  },
  {
    id: 'text-style-unset-attributes',
    assumption:
      "Whether an attribute a TextStyle leaves unset, written with Range.setTextStyles, resets the cell's attribute or keeps it (the add-on's text styles set colour, size, weight and italic every time, so both give the same cells).",
    documented: null,
    expected: ['bold', 'size reset'],
    lenient: ['bold', 'size kept'],
    run({ sheet, app }) {
      const cell = sheet.getRange('A1');
      cell.setFontSize(14);
      cell.setTextStyles([[app.newTextStyle().setBold(true).build()]]);
      const observed = [cell.getFontWeight(), cell.getFontSize() === 14 ? 'size kept' : 'size reset'];
      cell.setFontSize(10).setFontWeight('normal');
      return observed;
    },
  },
  {
    id: 'chart-sheet-has-no-cells',
    assumption:
      'A sheet moved out of a chart (type OBJECT) answers getType() and getName(), and its cell methods fail (the add-on asks getType() before any cell method on a sheet it did not make).',
    documented: 'https://developers.google.com/apps-script/reference/spreadsheet/sheet-type',
    expected: ['OBJECT', 'getMaxColumns throws'],
    run({ spreadsheet }) {
      const chartSheet = spreadsheet.getSheets().find((s) => String(s.getType()) === 'OBJECT');
      if (!chartSheet) return 'no chart sheet in this spreadsheet: move a chart to its own sheet and run again';
      const observed = [String(chartSheet.getType())];
      try {
        chartSheet.getMaxColumns();
        observed.push('getMaxColumns works');
      } catch {
        observed.push('getMaxColumns throws');
      }
      return observed;
    },
  },
];

export interface ProbeResult {
  id: string;
  assumption: string;
  documented: string | null;
  expected: unknown;
  observed: unknown;
  pass: boolean;
}

/** Runs every case on a fresh scratch sheet (removed afterwards) and reports each against `expected`. */
export function runProbeCases(
  spreadsheet: Spreadsheet,
  utilities: ProbeContext['utilities'],
  app: ProbeContext['app'],
  expectedOf: (c: ProbeCase) => unknown = (c) => c.expected,
): ProbeResult[] {
  return PROBE_CASES.map((probe) => {
    const sheet = spreadsheet.insertSheet(`Probe ${probe.id}`);
    let observed: unknown;
    try {
      observed = probe.run({ spreadsheet, sheet, utilities, app });
    } catch (error) {
      observed = `error: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      spreadsheet.deleteSheet(sheet);
    }
    const expected = expectedOf(probe);
    return {
      id: probe.id,
      assumption: probe.assumption,
      documented: probe.documented,
      expected,
      observed,
      pass: JSON.stringify(observed) === JSON.stringify(expected),
    };
  });
}
