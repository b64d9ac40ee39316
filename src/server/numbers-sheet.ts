/** The "Xiaomi in Numbers" sheet in a spreadsheet: inserted with a canvas, rebuilt by Refresh (charts never duplicated). */
import { sheetName } from '../core/instance-names';
import { REPORTED_LOOKUP_LAST_ROW } from '../core/reported-results-plan';
import {
  buildNumbersPlan,
  chartOptions,
  comparableFigures,
  relinkTemplateRows,
  rangeBounds,
  type ChartSpec,
  type NumbersPlan,
} from '../core/numbers-plan';
import type { Figure } from '../core/view';
import { planNumbers, type NumbersSheetRead, type NumbersStep } from '../core/refresh-plan';
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

/** The canvas's numbers sheet as read before any write: the sheet, its charts and what the plan needs of them. */
export interface NumbersTarget {
  sheet: Sheet;
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  read: NumbersSheetRead;
}

/** Finds the numbers sheet by its name and reads its charts' ranges and last row (reads only), or null. */
export function readNumbersTarget(spreadsheet: Spreadsheet, instance: number): NumbersTarget | null {
  const sheet = spreadsheet.getSheetByName(sheetName('numbers', instance));
  if (!sheet) return null;
  const charts = sheet.getCharts();
  return {
    sheet,
    charts,
    read: {
      charts: charts.map((chart) => chart.getRanges().map((range) => range.getA1Notation())),
      lastRow: sheet.getLastRow(),
    },
  };
}

/** The plan of the numbers sheet for a canvas whose Reported Results will be at `reportedPosition`. */
export function planNumbersSheet(
  instance: number,
  target: NumbersTarget | null,
  reportedPosition: number,
  inputs: NumbersInputs,
): { step: NumbersStep; tables: NumbersPlan } {
  const tables = planFor(inputs);
  return { step: planNumbers(instance, target?.read ?? null, reportedPosition, tables.charts), tables };
}

/**
 * Applies the numbers sheet's step: recreates it when it was deleted; otherwise rewrites its tables and replaces
 * the add-on's charts (those drawing its tables, or nothing any more) with fresh ones, so a damaged or deleted chart
 * comes back and none is ever duplicated. Charts a user added over other cells are kept. Writes only.
 */
export function applyNumbersSheet(
  spreadsheet: Spreadsheet,
  instance: number,
  target: NumbersTarget | null,
  { step, tables }: { step: NumbersStep; tables: NumbersPlan },
): void {
  if (step.kind === 'recreate') {
    const sheet = spreadsheet.insertSheet(step.name, step.index);
    writeNumbers(sheet, freshSheetRange(sheet, tables.values.length, tables.values[0].length), tables, {
      oneRangeList: true,
    });
    return;
  }
  const sheet = target!.sheet;
  const rows = tables.values.length;
  const columns = tables.values[0].length;
  target!.charts.forEach((chart, i) => {
    if (step.replaceCharts[i]) sheet.removeChart(chart);
  });
  // The template table is the last one and follows Key Figures: what an earlier, longer one left below it (its
  // three columns) is cleared; nothing else is touched.
  const template = rangeBounds(tables.charts.find((c) => c.id === 'template')!.range);
  const through = Math.max(step.lastRow, rows);
  sheet.getRange(template.row, 1, through - template.row + 1, template.lastColumn).clearContent();
  writeNumbers(sheet, sheet.getRange(1, 1, rows, columns), tables, { oneRangeList: false });
}

/** Re-insert over a numbers sheet a deleted canvas left: read, plan and apply at once (insert's own sheets are new). */
export function refreshNumbersSheet(spreadsheet: Spreadsheet, instance: number, inputs: NumbersInputs): void {
  const target = readNumbersTarget(spreadsheet, instance);
  // Only a missing sheet needs a position: then it goes last.
  const position = target ? 0 : spreadsheet.getNumSheets();
  applyNumbersSheet(spreadsheet, instance, target, planNumbersSheet(instance, target, position, inputs));
}

/** The numbers sheet and its formulas, read before any write (a save that moves Key Figures' rows re-points them). */
export function readNumbersFormulas(
  spreadsheet: Spreadsheet,
  instance: number,
): { sheet: Sheet; formulas: string[][] } | null {
  const sheet = spreadsheet.getSheetByName(sheetName('numbers', instance));
  return sheet ? { sheet, formulas: sheet.getDataRange().getFormulas() } : null;
}

/** Points the template-against-reported rows at their figures' new Key Figures rows (core/numbers-plan.ts): one write. */
export function relinkNumbers(
  numbers: { sheet: Sheet; formulas: string[][] },
  moved: (row: number) => number | null,
): void {
  const { firstRow, values } = relinkTemplateRows(numbers.formulas, moved);
  if (firstRow) numbers.sheet.getRange(firstRow, 1, values.length, 3).setValues(values);
}
