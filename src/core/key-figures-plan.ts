/** The Key Figures sheet as a plan: one formula row per figure, linked to the details sheet. */
import { a1, a1Range, columnLetter, quoteSheetName } from './a1';
import { CURRENCY_UNITS, valueFormat } from './units';
import { AND, EMPTY, IF, ISNUMBER, NOT, OR, SUMPRODUCT, formula, text } from './formula';
import { reportedFormulas, type ReportedRange } from './reported-formulas';
import { FIGURE_COLUMNS } from './details-plan';
import { rangeNames, sheetMarker } from './instance-names';
import { PlanGrid, emptyPlan, type CellStyle, type CellValue, type SheetPlan } from './sheet-plan';
import { THEME } from './theme';
import type { Figure } from './view';

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
/**
 * The settings sit at the top left, in view on any screen and frozen with the header: labels in A1:A2, the rate
 * and tolerance in B1:B2, a line on what each does in C1:C2, then a blank row and the table (header in row 4).
 * The sheet marker hides in column R of row 1.
 */
export const RATE_CELL = { row: 1, column: 2 } as const;
export const TOLERANCE_CELL = { row: 2, column: 2 } as const;
export const FIGURES_MARKER_CELL = { row: 1, column: 18 } as const;
export const KEY_FIGURES_HEADER_ROW = 4;
/** Sheet row of the first figure (the header row's next). */
export const FIRST_FIGURE_ROW = KEY_FIGURES_HEADER_ROW + 1;
/**
 * Older layouts had the header in row 1 and the settings to the right of the table: the rate in M1 (before the
 * Reported columns) or P1, the hidden marker two columns further right (O1, then R1). Refresh moves them.
 */
export const LEGACY_RATE_COLUMNS: readonly number[] = [13, 16];
/** Their first figure row (under the header in row 1). */
export const LEGACY_FIRST_FIGURE_ROW = 2;
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
  const span = (col: string) => `$${col}$${FIRST_FIGURE_ROW}:$${col}$${Math.max(lastRow, FIRST_FIGURE_ROW)}`;
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
 * The table part (A..M, from the header row down) for the given figures. `rows` may exceed the figure count: the
 * extra rows are written blank, which clears what an earlier, longer table left behind.
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
  const lastRow = links.length + KEY_FIGURES_HEADER_ROW;
  links.forEach((link, i) => {
    const r = i + 2;
    grid.text(r, 1, link.blockTitle);
    keyFigureRowFormulas(detailsSheet, link.row, i + FIRST_FIGURE_ROW, lastRow, reported).forEach((formula, c) =>
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

export const SETTINGS_NOTES = [
  ['Assumption: 1 CNY = 0.14 USD, a rounded 2024 average. Type the rate to use.'],
  ['How far apart two values may be before Conflict or Reported check flags them.'],
];

/**
 * The rows above the table (A1:R3): the labelled rate and tolerance with a line on what each does, a blank row,
 * and the hidden sheet marker; with the default rate and tolerance, or the ones a user set (kept as typed).
 */
export function buildSettingsGrid(
  instance: number,
  rate: CellValue = DEFAULT_RATE,
  tolerance: CellValue = DEFAULT_TOLERANCE,
): PlanGrid {
  const grid = new PlanGrid(KEY_FIGURES_HEADER_ROW - 1, KEY_FIGURES_COLUMNS, { ...baseStyle });
  const hint = { fontColor: THEME.muted, verticalAlignment: 'middle' } as const;
  grid.text(1, 1, RATE_LABEL, { fontWeight: 'bold', verticalAlignment: 'middle' });
  grid.set(1, 2, rate, { numberFormat: '0.0000', background: THEME.inputFill });
  grid.text(1, 3, 'Assumption to update: USD bn, Reported and the charts follow it', hint);
  grid.text(2, 1, TOLERANCE_LABEL, { fontWeight: 'bold', verticalAlignment: 'middle' });
  grid.set(2, 2, tolerance, { numberFormat: '0%', background: THEME.inputFill });
  grid.text(2, 3, 'Conflict and Reported check flag differences larger than this', hint);
  grid.set(FIGURES_MARKER_CELL.row, FIGURES_MARKER_CELL.column, sheetMarker('figures', instance));
  return grid;
}

export function buildKeyFiguresPlan(
  instance: number,
  detailsSheet: string,
  links: readonly FigureLink[],
  reported: ReportedRange,
): SheetPlan {
  // The settings rows over the table: one grid.
  const table = buildKeyFiguresTable(detailsSheet, links, links.length, reported, KEY_FIGURES_COLUMNS);
  const settings = buildSettingsGrid(instance);
  const grid = new PlanGrid(settings.numRows + table.numRows, KEY_FIGURES_COLUMNS, { ...baseStyle });
  [settings, table].forEach((part, p) =>
    part.values.forEach((row, r) =>
      row.forEach((value, c) => grid.set(p * settings.numRows + r + 1, c + 1, value, part.styles[r][c])),
    ),
  );
  const tableRange = a1Range(KEY_FIGURES_HEADER_ROW, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS);

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
      ranges: [tableRange, a1Range(RATE_CELL.row, 1, 2, 2)],
      color: THEME.hairline,
      style: 'SOLID',
      inner: true,
    },
  ];
  // The settings, the header row and the row labels (block and figure) stay in view when scrolling down or right.
  plan.frozenRows = KEY_FIGURES_HEADER_ROW;
  plan.frozenColumns = 2;
  plan.hideGridlines = false;
  plan.notes = { range: a1Range(RATE_CELL.row, RATE_CELL.column, 2, 1), notes: SETTINGS_NOTES };
  plan.namedRanges = [
    { name: rangeNames.keyFigures(instance), range: tableRange },
    { name: rangeNames.rate(instance), range: a1(RATE_CELL.row, RATE_CELL.column) },
  ];
  return plan;
}

/**
 * Where each figure row of Key Figures is after a write (null: removed), from every block's figures before and
 * after (in block order): a written block keeps a figure by its label and period, the others keep their order.
 * `firstRowBefore` is the first figure row before the write (row 2 on a sheet in an older layout).
 */
export function keyFigureRowMoves(
  before: readonly (readonly Pick<Figure, 'label' | 'period'>[])[],
  after: readonly (readonly Pick<Figure, 'label' | 'period'>[])[],
  written: (block: number) => boolean,
  firstRowBefore: number,
): (row: number) => number | null {
  const moves: number[] = [];
  let now = FIRST_FIGURE_ROW;
  before.forEach((figures, b) => {
    const left = after[b].map((g) => g.label + '\n' + g.period);
    for (const [i, f] of figures.entries()) {
      const j = written(b) ? left.indexOf(f.label + '\n' + f.period) : i;
      if (j >= 0) left[j] = '';
      moves.push(j < 0 ? 0 : now + j);
    }
    now += after[b].length;
  });
  return (row) => moves[row - firstRowBefore] || null;
}
