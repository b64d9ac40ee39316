/**
 * An embedded chart rendered to a PNG image, for the .xlsx export: Apache ECharts draws it as SVG on the server
 * (its documented server-side rendering) and resvg (a maintained SVG rasteriser) turns the SVG into pixels at
 * twice the size, so the image stays sharp in Excel and LibreOffice.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ReadChart, ReadSheet } from '../../emulator';
import { chartBox, chartData, echartsOption } from './chart-option';

/** The chart as SVG text, exactly as ECharts draws it. */
export function chartSvg(chart: ReadChart, sheet: ReadSheet, sheets: readonly ReadSheet[]): string {
  const { width, height } = chartBox(chart, sheet);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({ backgroundColor: '#ffffff', ...echartsOption(chart, chartData(chart, sheets)) });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** The chart as a PNG (2× its size in pixels). */
export function chartPng(chart: ReadChart, sheet: ReadSheet, sheets: readonly ReadSheet[]): Buffer {
  const { width } = chartBox(chart, sheet);
  const resvg = new Resvg(chartSvg(chart, sheet, sheets), {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}
