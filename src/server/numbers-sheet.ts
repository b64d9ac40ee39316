/** The "Xiaomi in Numbers" sheet in a spreadsheet: inserted with a canvas, rebuilt by Refresh (charts never duplicated). */
import { sheetName } from '../core/instance-names';
import { REPORTED_LOOKUP_LAST_ROW } from '../core/reported-results-plan';
import {
  buildNumbersPlan,
  chartOptions,
  comparableFigures,
  rangeBounds,
  type ChartSpec,
  type NumbersPlan,
} from '../core/numbers-plan';
import type { Figure } from '../core/view';
import { freshSheetRange } from './apply-plan';
import { reportedFigures } from './reported';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** What the numbers sheet's formulas read: the canvas's Key Figures and Reported Results, and Key Figures' rows. */
export interface NumbersInputs {
  figuresSheet: string;
  reportedSheet: string;
  /** The template's figures in Key Figures order (row 2 onwards). */
  figures: readonly Figure[];
}

function planFor(inputs: NumbersInputs): NumbersPlan {
  const reported = reportedFigures();
  return buildNumbersPlan(
    {
      figuresSheet: inputs.figuresSheet,
      reportedSheet: inputs.reportedSheet,
      reportedLastRow: Math.max(REPORTED_LOOKUP_LAST_ROW, reported.length + 1),
      comparisons: comparableFigures(inputs.figures, reported),
    },
    reported,
  );
}

/** One native chart from its specification: the builder is local; inserting it is the one call. */
function insertChart(sheet: Sheet, spec: ChartSpec, range: Range): void {
  let builder = sheet
    .newChart()
    .setChartType(Charts.ChartType[spec.type])
    .addRange(range)
    .setNumHeaders(1)
    .setPosition(spec.position.row, spec.position.column, spec.position.offsetX, spec.position.offsetY);
  for (const [option, value] of chartOptions(spec)) builder = builder.setOption(option, value);
  sheet.insertChart(builder.build());
}

/**
 * Writes the tables and inserts every chart; the charts' ranges come in one RangeList. A fresh sheet's automatic
 * format shows the tables' numbers as computed, so no number format is written (one call less on insert).
 */
function writeNumbers(sheet: Sheet, grid: Range, plan: NumbersPlan, { oneRangeList }: { oneRangeList: boolean }): void {
  grid.setValues(plan.values);
  // Insert fetches the four ranges in one RangeList, in the order asked (Google documents no order; if it ever
  // differed, a chart would draw another table of this sheet, and Refresh, which takes each range on its own,
  // puts it right). Refresh is not under insert's call budget.
  const ranges = oneRangeList
    ? sheet.getRangeList(plan.charts.map((c) => c.range)).getRanges()
    : plan.charts.map((c) => sheet.getRange(c.range));
  plan.charts.forEach((spec, i) => insertChart(sheet, spec, ranges[i]));
}

/**
 * Adds the "Xiaomi in Numbers" sheet of a canvas at `index`: its tables of formulas and four charts over them.
 * Nine calls. Refresh finds it by its name (a renamed copy is the user's: Refresh builds a fresh one).
 */
export function insertNumbersSheet(
  spreadsheet: Spreadsheet,
  instance: number,
  name: string,
  index: number,
  inputs: NumbersInputs,
): Sheet {
  const plan = planFor(inputs);
  const sheet = spreadsheet.insertSheet(name, index);
  const grid = freshSheetRange(sheet, plan.values.length, plan.values[0].length);
  writeNumbers(sheet, grid, plan, { oneRangeList: true });
  return sheet;
}

/**
 * True when every range of `chart` lies inside the tables the add-on writes, or it has none left (the chart is the
 * add-on's). One call per range (its A1 notation); the comparison is pure.
 */
function isOurs(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, plan: NumbersPlan): boolean {
  // The template table grows and shrinks with Key Figures: its area runs to the bottom of the sheet.
  const areas = plan.charts.map((c) => ({
    ...rangeBounds(c.range),
    ...(c.id === 'template' ? { lastRow: Number.MAX_SAFE_INTEGER } : {}),
  }));
  return chart.getRanges().every((range) => {
    const r = rangeBounds(range.getA1Notation());
    return areas.some(
      (a) => r.row >= a.row && r.column >= a.column && r.lastRow <= a.lastRow && r.lastColumn <= a.lastColumn,
    );
  });
}

/**
 * Refresh: recreates the numbers sheet when it was deleted; otherwise rewrites its tables and replaces the
 * add-on's charts (those drawing its tables, or nothing any more) with fresh ones, so a damaged or deleted chart
 * comes back and none is ever duplicated. Charts a user added over other cells are kept.
 */
export function refreshNumbersSheet(spreadsheet: Spreadsheet, instance: number, inputs: NumbersInputs): void {
  const sheet = spreadsheet.getSheetByName(sheetName('numbers', instance));
  if (!sheet) {
    const after = spreadsheet.getSheetByName(inputs.reportedSheet);
    const index = after ? after.getIndex() : spreadsheet.getSheets().length;
    insertNumbersSheet(spreadsheet, instance, sheetName('numbers', instance), index, inputs);
    return;
  }
  const plan = planFor(inputs);
  const rows = plan.values.length;
  const columns = plan.values[0].length;
  // Reads first (the charts, the last row), then the writes. The template table is the last one and follows Key
  // Figures: what an earlier, longer one left below it (its three columns) is cleared; nothing else is touched.
  const ours = sheet.getCharts().filter((chart) => isOurs(chart, plan));
  const lastRow = sheet.getLastRow();
  for (const chart of ours) sheet.removeChart(chart);
  const template = rangeBounds(plan.charts.find((c) => c.id === 'template')!.range);
  const through = Math.max(lastRow, rows);
  sheet.getRange(template.row, 1, through - template.row + 1, template.lastColumn).clearContent();
  const grid = sheet.getRange(1, 1, rows, columns);
  writeNumbers(sheet, grid, plan, { oneRangeList: false });
}
