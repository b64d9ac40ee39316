/** The Key Figures sheet as a plan: one formula row per figure, linked to the details sheet. */
import { a1, a1Range, columnLetter, quoteSheetName } from './a1';
import { CURRENCY_UNITS, valueFormat } from './units';
import { AND, EMPTY, IF, ISNUMBER, NOT, OR, SUMPRODUCT, formula, text } from './formula';
import { reportedFormulas, type ReportedRange } from './reported-formulas';
import { FIGURE_COLUMNS } from './details-plan';
import { rangeNames, sheetMarker } from './instance-names';
import { PlanGrid, emptyPlan, type CellStyle, type CellValue, type SheetPlan } from './sheet-plan';
import { THEME } from './theme';

/**
 * Key Figures: one row per figure, every cell a formula linked to where the figure lives in the details sheet,
 * so it stays current for everybody (including teammates without the add-on) with no script running.
 * Formulas use only functions that exist in Google Sheets, Excel and LibreOffice.
 */
export const KEY_FIGURES_HEADER = [
  'Block',
  'Figure',
  'Value',
  'Unit',
  'Period',
  'Note',
  'USD bn',
  'Conflict',
  'Metric',
  'Compared',
  'Reported',
  'Vs reported',
  'Reported check',
] as const;
export const KEY_FIGURES_TABLE_COLUMNS = KEY_FIGURES_HEADER.length;
export const RATE_LABEL = 'CNY to USD rate';
export const DEFAULT_RATE = 0.14;
export const TOLERANCE_LABEL = 'Conflict tolerance';
export const DEFAULT_TOLERANCE = 0.1;
export const CONFLICT_FLAG = '⚠ Conflict';
export const DIFFERS_FLAG = '⚠ Differs from reported';
/** Settings sit to the right of the table (A:M): label in O, value in P; the sheet marker hides in column R. */
export const RATE_CELL = { row: 1, column: 16 } as const;
export const TOLERANCE_CELL = { row: 2, column: 16 } as const;
export const FIGURES_MARKER_CELL = { row: 1, column: 18 } as const;
/** Where the rate and the marker were before the Reported columns moved the settings right (older sheets). */
export const LEGACY_RATE_COLUMN = 13;
export const LEGACY_FIGURES_MARKER_COLUMN = 15;
export const KEY_FIGURES_COLUMNS = 18;

export interface FigureLink {
  blockTitle: string;
  /** Row of the figure in the details sheet. */
  row: number;
  /** The figure's unit when known (it picks the Value column's number format: counts whole, percentages as %). */
  unit?: string;
}

const RATE = `$${columnLetter(RATE_CELL.column)}$${RATE_CELL.row}`;
const TOLERANCE = `$${columnLetter(TOLERANCE_CELL.column)}$${TOLERANCE_CELL.row}`;

/**
 * The formulas of one Key Figures row (sheet row `r`), linked to details row `detailsRow`, and compared with
 * Xiaomi's reported results in `reported`.
 */
export function keyFigureRowFormulas(
  detailsSheet: string,
  detailsRow: number,
  r: number,
  lastRow: number,
  reported: ReportedRange,
): string[] {
  const ref = (column: number) => `${quoteSheetName(detailsSheet)}!${a1(detailsRow, column)}`;
  const asText = (column: number) => formula(`${EMPTY}&${ref(column)}`);
  const [C, D, E, G, I, J] = ['C', 'D', 'E', 'G', 'I', 'J'].map((col) => `${col}${r}`);
  const unitIs = (unit: string) => `${D}=${text(unit)}`;
  const isCurrency = OR(...CURRENCY_UNITS.map(unitIs));
  const hasRate = ISNUMBER(RATE);
  const usd = formula(
    IF(
      ISNUMBER(C),
      IF(
        unitIs('USD bn'),
        C,
        IF(
          unitIs('USD m'),
          `${C}/1000`,
          IF(
            AND(hasRate, unitIs('CNY bn')),
            `${C}*${RATE}`,
            IF(AND(hasRate, unitIs('CNY m')), `${C}*${RATE}/1000`, EMPTY),
          ),
        ),
      ),
      EMPTY,
    ),
  );
  const compared = formula(IF(ISNUMBER(G), G, IF(isCurrency, EMPTY, IF(ISNUMBER(C), C, EMPTY))));
  const span = (col: string) => `$${col}$2:$${col}$${Math.max(lastRow, 2)}`;
  // Exact comparisons only (no COUNTIFS criteria: they coerce numeric-looking text and read * ? ~ < > = as
  // wildcards/operators, differently in Sheets, Excel and LibreOffice). A blank Compared is text, hence ISNUMBER.
  const others =
    `(${span('I')}=${I})*(${span('E')}=${E})*${ISNUMBER(span('J'))}*` +
    `((${span('J')}>${J}*(1+${TOLERANCE}))+(${span('J')}<${J}/(1+${TOLERANCE})))`;
  const conflict = formula(
    IF(
      OR(`${I}=${EMPTY}`, NOT(ISNUMBER(J)), NOT(ISNUMBER(TOLERANCE))),
      EMPTY,
      IF(`${SUMPRODUCT(others)}>0`, text(CONFLICT_FLAG), EMPTY),
    ),
  );
  return [
    asText(FIGURE_COLUMNS.label),
    formula(ref(FIGURE_COLUMNS.value)),
    asText(FIGURE_COLUMNS.unit),
    asText(FIGURE_COLUMNS.period),
    asText(FIGURE_COLUMNS.note),
    usd,
    conflict,
    asText(FIGURE_COLUMNS.metric),
    compared,
    ...reportedFormulas(r, reported, { rate: RATE, tolerance: TOLERANCE, flag: DIFFERS_FLAG }),
  ];
}

const automatic = { numberFormat: THEME.automaticFormat } as const;
const right = { horizontalAlignment: 'right' } as const;
const muted = { ...automatic, fontColor: THEME.muted };
const alert = { ...automatic, fontColor: THEME.alert, fontWeight: 'bold' } as const;
const ROW_STYLES: Partial<CellStyle>[] = [
  { fontWeight: 'bold' },
  automatic,
  right,
  automatic,
  automatic,
  muted,
  { ...right, numberFormat: '#,##0.000' },
  alert,
  muted,
  { ...right, fontColor: THEME.muted },
  right,
  { ...right, numberFormat: '0.0%' },
  alert,
];

/**
 * The table part (A..M) for the given figures. `rows` may exceed the figure count: the extra rows are written
 * blank, which clears what an earlier, longer table left behind.
 */
export function buildKeyFiguresTable(
  detailsSheet: string,
  links: readonly FigureLink[],
  rows: number,
  reported: ReportedRange,
  columns: number = KEY_FIGURES_TABLE_COLUMNS,
): PlanGrid {
  const grid = new PlanGrid(Math.max(rows, links.length) + 1, columns, { ...baseStyle });
  KEY_FIGURES_HEADER.forEach((label, c) =>
    grid.set(1, c + 1, label, { fontWeight: 'bold', background: THEME.headerFill, verticalAlignment: 'middle' }),
  );
  const lastRow = links.length + 1;
  links.forEach((link, i) => {
    const r = i + 2;
    grid.text(r, 1, link.blockTitle);
    keyFigureRowFormulas(detailsSheet, link.row, r, lastRow, reported).forEach((formula, c) =>
      grid.set(r, c + 2, formula),
    );
    ROW_STYLES.forEach((style, c) => grid.style(r, c + 1, 1, 1, style));
    // Value has its unit beside it; Compared (USD bn for amounts) and Reported (the row's unit) name theirs.
    const compared = CURRENCY_UNITS.some((u) => u === link.unit) ? 'USD bn' : link.unit;
    grid.style(r, 3, 1, 1, { numberFormat: valueFormat(link.unit) });
    grid.style(r, 10, 1, 1, { numberFormat: valueFormat(compared, THEME.numberFormat, true) });
    grid.style(r, 11, 1, 1, { numberFormat: valueFormat(link.unit, THEME.numberFormat, true) });
  });
  return grid;
}

const baseStyle: CellStyle = {
  background: THEME.white,
  fontColor: THEME.ink,
  fontSize: 10,
  fontWeight: 'normal',
  fontStyle: 'normal',
  horizontalAlignment: 'left',
  verticalAlignment: 'top',
  wrap: false,
  numberFormat: '@',
};

/** The settings block (O1:R2): labels, the rate and tolerance cells, a gap and the hidden sheet marker. */
export const SETTINGS_FIRST_COLUMN = RATE_CELL.column - 1;
export const SETTINGS_NOTES = [
  ['Assumption: 1 CNY = 0.14 USD, a rounded 2024 average. USD bn and Reported follow the rate you type.'],
  ['Flags Compared values of one Metric and Period apart by more than this, and a Vs reported beyond it.'],
];

/** The settings block with the default rate and tolerance, or the ones a user set (kept as typed). */
export function buildSettingsGrid(
  instance: number,
  rate: CellValue = DEFAULT_RATE,
  tolerance: CellValue = DEFAULT_TOLERANCE,
): PlanGrid {
  const grid = new PlanGrid(2, FIGURES_MARKER_CELL.column - SETTINGS_FIRST_COLUMN + 1, { ...baseStyle });
  grid.text(1, 1, RATE_LABEL, { fontWeight: 'bold' });
  grid.set(1, 2, rate, { numberFormat: '0.0000', background: THEME.inputFill });
  grid.text(2, 1, TOLERANCE_LABEL, { fontWeight: 'bold' });
  grid.set(2, 2, tolerance, { numberFormat: '0%', background: THEME.inputFill });
  grid.set(1, FIGURES_MARKER_CELL.column - SETTINGS_FIRST_COLUMN + 1, sheetMarker('figures', instance));
  return grid;
}

export function buildKeyFiguresPlan(
  instance: number,
  detailsSheet: string,
  links: readonly FigureLink[],
  reported: ReportedRange,
): SheetPlan {
  // The table and, to its right, the settings: one grid.
  const grid = buildKeyFiguresTable(detailsSheet, links, links.length, reported, KEY_FIGURES_COLUMNS);
  const settings = buildSettingsGrid(instance);
  settings.values.forEach((row, r) =>
    row.forEach((value, c) => grid.set(r + 1, SETTINGS_FIRST_COLUMN + c, value, settings.styles[r][c])),
  );

  const plan = emptyPlan(grid);
  // Three runs of equal widths (each run is one call, painted over: 160 from A to P first). Reported and Compared
  // have room for their unit ("10,000 service centers"); the gap and the hidden marker after P keep Sheets' width.
  plan.columnWidths = [160, 240, 90, 90, 90, ...Array<number>(11).fill(160)];
  // Every cell is a formula or a label the add-on writes: typing over one warns first, since it would silently
  // unlink the row. The rate and tolerance warn too (a change there changes every comparison); two calls in all.
  plan.protection = { unprotected: [] };
  plan.hiddenColumns = [{ column: FIGURES_MARKER_CELL.column, count: 1 }];
  plan.borders = [
    {
      ranges: [a1Range(1, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS), a1Range(1, RATE_CELL.column - 1, 2, 2)],
      color: THEME.hairline,
      style: 'SOLID',
      inner: true,
    },
  ];
  // The header row and the row labels (block and figure) stay in view when scrolling right to Reported.
  plan.frozenRows = 1;
  plan.frozenColumns = 2;
  plan.hideGridlines = false;
  plan.notes = { range: a1Range(RATE_CELL.row, RATE_CELL.column, 2, 1), notes: SETTINGS_NOTES };
  plan.namedRanges = [
    { name: rangeNames.keyFigures(instance), range: a1Range(1, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS) },
    { name: rangeNames.rate(instance), range: a1(RATE_CELL.row, RATE_CELL.column) },
  ];
  return plan;
}
