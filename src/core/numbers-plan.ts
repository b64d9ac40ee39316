/**
 * "Xiaomi in Numbers": four charts over small tables whose cells are formulas on Reported Results and Key Figures,
 * so the charts follow edits with no script. The tables and the chart specifications are data, shared by the
 * add-on (native Sheets charts), the local preview (ECharts) and the .xlsx export (an image of each chart).
 */
import { a1, a1Range, columnLetter, quoteSheetName } from './a1';
import { AND, EMPTY, IF, ISNUMBER, call, formula, text as literal } from './formula';
import { AUTOMATIC_FORMAT, textInput } from './literal';
import type { ReportedFigure } from './reported-schema';
import { SEGMENT_PALETTE } from './segment-palette';
import type { CellValue } from './sheet-plan';
import { THEME } from './theme';
import { CURRENCY_UNITS } from './units';
import { FIRST_FIGURE_ROW } from './key-figures-plan';

/** One chart as the add-on inserts it, the preview draws it and the export renders it. */
export interface ChartSpec {
  /** Stable key (tests, the export's image names). */
  id: 'segments' | 'template' | 'ev' | 'shipments';
  /** Sheets' Charts.ChartType name. */
  type: 'COLUMN' | 'BAR';
  title: string;
  /** The category axis (quarters, figures) and the value axis, with units. */
  categoryAxis: string;
  valueAxis: string;
  stacked: boolean;
  /** The table the chart draws, in A1 notation on the numbers sheet: first column categories, first row headers. */
  range: string;
  colors: string[];
  legend: 'bottom' | 'none';
  /** Top-left corner: anchor cell (1-based) and pixel offsets; size in pixels. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
}

export interface NumbersPlan {
  values: CellValue[][];
  charts: ChartSpec[];
  /** The cell under each chart that names its source. */
  sourceCells: string[];
}

/** Xiaomi's revenue segments as the charts show them, in reporting order, with their metric keys. */
export const REVENUE_SEGMENTS = [
  { metric: 'smartphone-revenue', label: 'Smartphones' },
  { metric: 'iot-revenue', label: 'IoT and lifestyle products' },
  { metric: 'internet-services-revenue', label: 'Internet services' },
  { metric: 'ev-segment-revenue', label: 'Smart EV and other new initiatives' },
] as const;

/** Segment colours come from the canvas palette (the same hues the canvas uses for segments). */
const SERIES_COLORS = [SEGMENT_PALETTE[0], SEGMENT_PALETTE[2], SEGMENT_PALETTE[3], THEME.accent] as const;

/** Charts two by two in a 1280 × 800 window at 100 %: 100 px columns, 21 px rows, the grid starting at A1. */
const CHART_WIDTH = 580;
const CHART_HEIGHT = 268;
const LEFT_COLUMN = 1;
const RIGHT_COLUMN = 7;
const TOP_ROW = 2;
const BOTTOM_ROW = 16;
/** Rows under each chart row that hold the source lines; the tables start below them. */
const SOURCE_ROWS = [15, 29] as const;
const TABLES_ROW = 31;

export const NUMBERS_TITLE = 'Xiaomi in numbers';
export const SOURCE_LINE = 'Source: Reported Results (Xiaomi’s results announcements, and coverage quoting them).';
export const TEMPLATE_SOURCE_LINE = 'Source: Key Figures and Reported Results, in USD at the sheet’s CNY to USD rate.';

/** Quarters in order ("Q1 2023" … ), from the periods of the reported figures. */
export function reportedQuarters(figures: readonly ReportedFigure[], metrics?: readonly string[]): string[] {
  const key = (p: string) => Number(p.slice(3)) * 10 + Number(p.charAt(1));
  const quarters = new Set(
    figures
      .filter((f) => /^Q[1-4] \d{4}$/.test(f.period) && (!metrics || metrics.includes(f.metric)))
      .map((f) => f.period),
  );
  return [...quarters].sort((a, b) => key(a) - key(b));
}

/** The latest quarter Xiaomi has reported, e.g. "Q3 2025". */
export function latestQuarter(figures: readonly ReportedFigure[]): string | null {
  const quarters = reportedQuarters(figures);
  return quarters.length ? quarters[quarters.length - 1] : null;
}

/** Where the numbers sheet's formulas look: Reported Results (sheet, last row) and Key Figures (sheet). */
export interface NumbersSources {
  reportedSheet: string;
  reportedLastRow: number;
  figuresSheet: string;
  /** Key Figures rows (sheet row numbers) of the template's figures in a currency, with their label and period. */
  comparisons: { row: number; label: string }[];
}

/**
 * The reported value of `metric` for `period` in `target` ("CNY bn" or a non-currency unit), or "" when Reported
 * Results has none: the mean of the matching rows with a number (SUMIFS/COUNTIFS skip text and blanks, so a typo
 * in another row changes nothing), CNY m rows converted to CNY bn. Criteria are plain keys and periods without
 * wildcard or comparison characters, which Sheets, Excel and LibreOffice read alike.
 */
export function reportedLookupFormula(src: NumbersSources, metric: string, period: string, target: string): string {
  const col = (c: string) => `${quoteSheetName(src.reportedSheet)}!$${c}$2:$${c}$${src.reportedLastRow}`;
  const [A, B, C, D] = ['A', 'B', 'C', 'D'].map(col);
  const where = (unit: string) => [A, literal(metric), B, literal(period), D, literal(unit)];
  const count = (unit: string) => call('COUNTIFS', C, literal('>-1E+300'), ...where(unit));
  const sum = (unit: string) => call('SUMIFS', C, ...where(unit));
  if (target === 'CNY bn') {
    const n = `(${count('CNY bn')}+${count('CNY m')})`;
    return formula(IF(`${n}=0`, EMPTY, `(${sum('CNY bn')}+${sum('CNY m')}/1000)/${n}`));
  }
  return formula(IF(`${count(target)}=0`, EMPTY, `${sum(target)}/${count(target)}`));
}

/** Key Figures' currency rows that Reported Results can answer, as the template-against-reported table lists them. */
export function comparableFigures(
  figures: readonly { label: string; period: string; unit: string; metric?: string }[],
  reported: readonly ReportedFigure[],
): { row: number; label: string }[] {
  const has = (metric: string, period: string) =>
    reported.some(
      (r) => r.metric === metric && r.period === period && (CURRENCY_UNITS as readonly string[]).includes(r.unit),
    );
  return figures
    .map((f, i) => ({ f, row: i + FIRST_FIGURE_ROW }))
    .filter(({ f }) => f.metric && (CURRENCY_UNITS as readonly string[]).includes(f.unit) && has(f.metric, f.period))
    .map(({ f, row }) => ({ row, label: `${f.label} (${f.period})` }));
}

/**
 * One row of the template-against-reported table: the figure's label and period, and its value and Xiaomi's in USD
 * bn, all read from Key Figures row `row` (`figures`: the sheet's name as a formula writes it). Key Figures'
 * Reported is in the row's unit: times USD bn ÷ Value puts it in USD bn at the sheet's rate.
 */
function templateRowFormulas(figures: string, row: number): string[] {
  const [B, C, E, G, K] = ['B', 'C', 'E', 'G', 'K'].map((col) => `${figures}!$${col}$${row}`);
  return [
    formula(`${B}&${literal(' (')}&${E}&${literal(')')}`),
    formula(IF(ISNUMBER(G), G, EMPTY)),
    formula(IF(AND(ISNUMBER(K), ISNUMBER(G), ISNUMBER(C)), IF(`${C}=0`, EMPTY, `${K}*${G}/${C}`), EMPTY)),
  ];
}

/**
 * The template-against-reported rows after Key Figures' rows moved (a save added or removed figures), from the
 * numbers sheet's formulas (`formulas`, row 1 first): each row pointed at where its figure is now (`moved`), or
 * emptied when the figure is gone; Refresh rebuilds the whole table. The rows to write from `firstRow`, in order.
 */
export function relinkTemplateRows(
  formulas: readonly (readonly string[])[],
  moved: (row: number) => number | null,
): { firstRow: number; values: string[][] } {
  let firstRow = 0;
  const values = formulas.flatMap(([first], i) => {
    const found = /^=(.+?)!\$B\$(\d+)&/.exec(first);
    if (!found) return [];
    firstRow ||= i + 1;
    const now = moved(+found[2]);
    return [now ? templateRowFormulas(found[1], now) : ['', '', '']];
  });
  return { firstRow, values };
}

const text = (value: string): string => textInput(value, AUTOMATIC_FORMAT);

/** A table at (row, column): header row, then one row per category with one formula per series. */
interface Table {
  row: number;
  column: number;
  header: string[];
  rows: CellValue[][];
}

function place(grid: CellValue[][], table: Table): string {
  const put = (r: number, c: number, v: CellValue) => {
    grid[r - 1][c - 1] = v;
  };
  table.header.forEach((h, j) => put(table.row, table.column + j, text(h)));
  table.rows.forEach((cells, i) => cells.forEach((v, j) => put(table.row + 1 + i, table.column + j, v)));
  return a1Range(table.row, table.column, table.rows.length + 1, table.header.length);
}

/** The grid size the plan needs (rows × columns), for a fresh sheet. */
export function numbersGridSize(plan: NumbersPlan): { rows: number; columns: number } {
  return { rows: plan.values.length, columns: plan.values[0].length };
}

export function buildNumbersPlan(src: NumbersSources, reported: readonly ReportedFigure[]): NumbersPlan {
  // Every quarter from the first one a series has, so a quarter without a sourced figure is an empty point.
  const all = reportedQuarters(reported);
  const from = (metrics: readonly string[]) => {
    const first = reportedQuarters(reported, metrics)[0];
    return first ? all.slice(all.indexOf(first)) : [];
  };
  const quarters = from(REVENUE_SEGMENTS.map((s) => s.metric));
  const evQuarters = from(['ev-deliveries']);
  const phoneQuarters = from(['smartphone-shipments']);
  const templateRows = src.comparisons.map(({ row }) => templateRowFormulas(quoteSheetName(src.figuresSheet), row));
  const tables: Record<ChartSpec['id'], Table> = {
    segments: {
      row: TABLES_ROW,
      column: 1,
      header: ['Quarter', ...REVENUE_SEGMENTS.map((s) => `${s.label} (CNY bn)`)],
      rows: quarters.map((q) => [
        text(q),
        ...REVENUE_SEGMENTS.map((s) => reportedLookupFormula(src, s.metric, q, 'CNY bn')),
      ]),
    },
    ev: {
      row: TABLES_ROW,
      column: 7,
      header: ['Quarter', 'EV deliveries (vehicles)'],
      rows: evQuarters.map((q) => [text(q), reportedLookupFormula(src, 'ev-deliveries', q, 'vehicles')]),
    },
    shipments: {
      row: TABLES_ROW,
      column: 10,
      header: ['Quarter', 'Smartphone shipments (million units)'],
      rows: phoneQuarters.map((q) => [text(q), reportedLookupFormula(src, 'smartphone-shipments', q, 'million units')]),
    },
    template: {
      row: TABLES_ROW + Math.max(quarters.length, evQuarters.length, phoneQuarters.length) + 3,
      column: 1,
      header: ['Figure (period)', 'Template (USD bn)', 'Reported (USD bn)'],
      rows: templateRows.length
        ? templateRows
        : [[text('No template figure in a currency has a reported value'), '', '']],
    },
  };
  const t = tables.template;
  const rows = t.row + t.rows.length;
  const columns = Math.max(...Object.values(tables).map((tb) => tb.column + tb.header.length - 1), RIGHT_COLUMN + 5);
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(columns).fill(''));
  values[0][0] = text(
    `${NUMBERS_TITLE}: reported results from ${quarters[0] ?? ''} to ${quarters[quarters.length - 1] ?? ''}. ` +
      'The charts draw the tables below, which read Reported Results and Key Figures live.',
  );
  const ranges = Object.fromEntries(
    (Object.keys(tables) as ChartSpec['id'][]).map((id) => [id, place(values, tables[id])]),
  ) as Record<ChartSpec['id'], string>;
  const sourceCells = [a1(SOURCE_ROWS[0], LEFT_COLUMN), a1(SOURCE_ROWS[0], RIGHT_COLUMN)];
  sourceCells.push(a1(SOURCE_ROWS[1], LEFT_COLUMN), a1(SOURCE_ROWS[1], RIGHT_COLUMN));
  const at = (row: number, column: number) => ({ row, column, offsetX: 6, offsetY: 4 });
  const common = { width: CHART_WIDTH, height: CHART_HEIGHT };
  const charts: ChartSpec[] = [
    {
      id: 'segments',
      type: 'COLUMN',
      title: 'Revenue by segment per quarter',
      categoryAxis: 'Quarter',
      valueAxis: 'Revenue (CNY bn)',
      stacked: true,
      range: ranges.segments,
      colors: [...SERIES_COLORS],
      legend: 'bottom',
      position: at(TOP_ROW, LEFT_COLUMN),
      ...common,
    },
    {
      id: 'template',
      type: 'BAR',
      title: 'The template’s figures against Xiaomi’s reported ones',
      categoryAxis: 'Figure (period)',
      valueAxis: 'USD bn at the sheet’s rate',
      stacked: false,
      range: ranges.template,
      colors: [THEME.muted, THEME.accent],
      legend: 'bottom',
      position: at(TOP_ROW, RIGHT_COLUMN),
      ...common,
    },
    {
      id: 'ev',
      type: 'COLUMN',
      title: 'EV deliveries per quarter',
      categoryAxis: 'Quarter',
      valueAxis: 'Vehicles delivered',
      stacked: false,
      range: ranges.ev,
      colors: [THEME.accent],
      legend: 'none',
      position: at(BOTTOM_ROW, LEFT_COLUMN),
      ...common,
    },
    {
      id: 'shipments',
      type: 'COLUMN',
      title: 'Smartphone shipments per quarter',
      categoryAxis: 'Quarter',
      valueAxis: 'Million units shipped',
      stacked: false,
      range: ranges.shipments,
      colors: [SERIES_COLORS[0]],
      legend: 'none',
      position: at(BOTTOM_ROW, RIGHT_COLUMN),
      ...common,
    },
  ];
  const sourceOf = (chart: ChartSpec) => (chart.id === 'template' ? TEMPLATE_SOURCE_LINE : SOURCE_LINE);
  // Source lines go under each chart: left charts in column A, right charts in column G.
  const byCell = [charts[0], charts[1], charts[2], charts[3]];
  sourceCells.forEach((cell, i) => {
    const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
    const column = match[1] === columnLetter(LEFT_COLUMN) ? LEFT_COLUMN : RIGHT_COLUMN;
    values[Number(match[2]) - 1][column - 1] = text(sourceOf(byCell[i]));
  });
  return { values, charts, sourceCells };
}

/** The options a chart is built with in Sheets (EmbeddedChartBuilder.setOption), from its specification. */
export function chartOptions(spec: ChartSpec): Array<[string, unknown]> {
  const horizontal = spec.type === 'BAR';
  return [
    ['title', spec.title],
    ['hAxis.title', horizontal ? spec.valueAxis : spec.categoryAxis],
    ['vAxis.title', horizontal ? spec.categoryAxis : spec.valueAxis],
    ['legend.position', spec.legend],
    ['isStacked', spec.stacked],
    ['colors', spec.colors],
    ['width', spec.width],
    ['height', spec.height],
  ];
}

/** The first and last row and column of an A1 range such as "A31:E42". */
export function rangeBounds(range: string): { row: number; column: number; lastRow: number; lastColumn: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`Not an A1 range: ${range}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const column = col(m[1]);
  return { row, column, lastRow: m[4] ? Number(m[4]) : row, lastColumn: m[3] ? col(m[3]) : column };
}
