/**
 * An embedded chart of the read model (what the add-on inserted: type, ranges, options) as an Apache ECharts
 * option, with its data read from the cells the chart draws. The local preview draws it in the browser and the
 * .xlsx export renders it to an image, so both show what Sheets shows from the same specification.
 */
import type { ReadChart, ReadSheet } from '../../emulator';

export interface ChartData {
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

/** The chart's table: first column categories, first row (numHeaders) series names; a non-number is a gap. */
export function chartData(chart: ReadChart, sheets: readonly ReadSheet[]): ChartData {
  const range = chart.ranges[0];
  if (!range) return { categories: [], series: [] };
  const sheet = sheets.find((s) => s.name === range.sheet);
  const cell = (row: number, column: number) => sheet?.cells.find((c) => c.row === row && c.column === column) ?? null;
  const headers = Math.max(chart.numHeaders, 0);
  const rows = Array.from({ length: range.numRows - headers }, (_, i) => range.row + headers + i);
  const categories = rows.map((r) => cell(r, range.column)?.display ?? '');
  const series = Array.from({ length: range.numColumns - 1 }, (_, j) => {
    const column = range.column + 1 + j;
    const name = headers > 0 ? (cell(range.row, column)?.display ?? '') : `Series ${j + 1}`;
    const values = rows.map((r) => {
      const v = cell(r, column)?.computed;
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    return { name, values };
  });
  return { categories, series };
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

/** The ECharts option for a chart: title, axis titles with units, legend, colours, stacking as the options say. */
export function echartsOption(chart: ReadChart, data: ChartData): Record<string, unknown> {
  const o = chart.options;
  const horizontal = chart.type === 'BAR';
  const legend = str(o['legend.position'], 'right') !== 'none' && data.series.length > 1;
  const colors = Array.isArray(o.colors) ? (o.colors as string[]) : undefined;
  const category = {
    type: 'category',
    data: data.categories,
    name: str(horizontal ? o['vAxis.title'] : o['hAxis.title']),
    // a horizontal chart names its category axis above the labels, where long labels leave room
    nameLocation: horizontal ? 'start' : 'middle',
    nameGap: horizontal ? 8 : 28,
    nameTextStyle: horizontal ? { align: 'right', verticalAlign: 'bottom', padding: [0, 0, 0, 0] } : {},
    axisLabel: horizontal
      ? { interval: 0, fontSize: 10, width: 172, overflow: 'truncate' }
      : { interval: 0, rotate: data.categories.length > 8 ? 35 : 0 },
    inverse: horizontal,
  };
  const value = {
    type: 'value',
    name: str(horizontal ? o['hAxis.title'] : o['vAxis.title']),
    nameLocation: 'middle',
    nameGap: horizontal ? 26 : 48,
  };
  return {
    animation: false,
    color: colors,
    textStyle: { fontFamily: 'Roboto, Arial, Liberation Sans, DejaVu Sans, sans-serif' },
    title: {
      text: str(o.title),
      left: 'center',
      top: 6,
      textStyle: { fontSize: 14, fontWeight: 'bold', color: '#202124' },
    },
    tooltip: { trigger: 'axis' },
    legend: legend
      ? { bottom: 4, itemWidth: 12, itemHeight: 10, itemGap: 18, textStyle: { fontSize: 10 } }
      : { show: false },
    grid: {
      left: horizontal ? 184 : 64,
      right: 20,
      top: horizontal ? 48 : 40,
      bottom: (legend ? 48 : 14) + (horizontal ? 22 : data.categories.length > 8 ? 52 : 32),
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      ...(o.isStacked === true ? { stack: 'total' } : {}),
    })),
  };
}

/** Where the chart sits on its sheet, in pixels from the top-left of cell A1. */
export function chartBox(
  chart: ReadChart,
  sheet: Pick<ReadSheet, 'columnWidths' | 'rowHeights'>,
  defaultRowHeight = 21,
): { left: number; top: number; width: number; height: number } {
  let left = chart.offsetX;
  for (let c = 1; c < chart.anchorColumn; c++) left += sheet.columnWidths[c - 1] ?? 100;
  let top = chart.offsetY;
  for (let r = 1; r < chart.anchorRow; r++) top += sheet.rowHeights[r - 1] ?? defaultRowHeight;
  const size = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
  return { left, top, width: size(chart.options.width, 600), height: size(chart.options.height, 371) };
}
