/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder (a local object: its setters cost no call), then
 * Sheet.insertChart / getCharts / updateChart / removeChart, and the Charts service's ChartType enum. A chart is
 * stored on its sheet as data (type, ranges, position, options); its ranges follow row and column inserts and
 * deletes like named ranges do, and a chart whose ranges are all deleted keeps none (Sheets shows it empty).
 */
import type { FakeContext } from './context';
import { enumName, makeEnum } from './enums';
import { signatureMismatch, typeNames } from './errors';
import type { RangeImpl } from './range';
import type { SheetModel } from './sheet-model';
import type { Rect } from './types';

export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const);

export interface ChartRange {
  sheetId: number;
  rect: Rect;
}

/** One embedded chart as stored on its sheet. */
export interface ChartModel {
  id: number;
  type: string;
  ranges: ChartRange[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
  options: Record<string, unknown>;
}

export function cloneChart(c: ChartModel): ChartModel {
  return {
    ...c,
    ranges: c.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
    options: JSON.parse(JSON.stringify(c.options)) as Record<string, unknown>,
  };
}

/** The Charts service: only the ChartType enum is modelled. */
export class ChartsImpl {}

export class ChartOptionsImpl {
  constructor(private readonly options: Record<string, unknown>) {}
  get(option: unknown): unknown {
    return typeof option === 'string' ? (this.options[option] ?? null) : null;
  }
  getOrDefault(option: unknown): unknown {
    return this.get(option);
  }
}

export class ContainerInfoImpl {
  constructor(private readonly chart: ChartModel) {}
  getAnchorRow(): number {
    return this.chart.anchorRow;
  }
  getAnchorColumn(): number {
    return this.chart.anchorColumn;
  }
  getOffsetX(): number {
    return this.chart.offsetX;
  }
  getOffsetY(): number {
    return this.chart.offsetY;
  }
}

/** A built chart: a snapshot of what the builder held (or of the stored chart, from getCharts). */
export class EmbeddedChartImpl {
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: SheetModel,
    readonly chart: ChartModel,
  ) {}

  getChartId(): number | null {
    return this.chart.id > 0 ? this.chart.id : null;
  }
  getNumHeaders(): number {
    return this.chart.numHeaders;
  }
  getContainerInfo(): object {
    return this.ctx.factories.chartPart('ContainerInfo', new ContainerInfoImpl(this.chart));
  }
  getOptions(): object {
    return this.ctx.factories.chartPart('ChartOptions', new ChartOptionsImpl(this.chart.options));
  }
  getRanges(): object[] {
    return this.chart.ranges.flatMap((r) => {
      const sheet = this.ctx.doc.sheetById(r.sheetId);
      return sheet ? [this.ctx.factories.range(sheet, r.rect)] : [];
    });
  }
  modify(): object {
    return this.ctx.factories.chartBuilder(this.sheet, cloneChart(this.chart));
  }
}

export class EmbeddedChartBuilderImpl {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetModel,
    private readonly chart: ChartModel,
  ) {}

  private range(range: unknown, method: string): RangeImpl {
    const impl = this.ctx.unwrap<RangeImpl>(range);
    if (!impl || !('rect' in impl))
      this.ctx.fail(signatureMismatch(typeNames([range]), `EmbeddedChartBuilder.${method}`));
    return impl;
  }

  addRange(range: unknown): this {
    const r = this.range(range, 'addRange');
    this.chart.ranges.push({ sheetId: r.sheet.id, rect: { ...r.rect } });
    return this;
  }
  removeRange(range: unknown): this {
    const r = this.range(range, 'removeRange');
    const same = (c: ChartRange) =>
      c.sheetId === r.sheet.id &&
      c.rect.r1 === r.rect.r1 &&
      c.rect.c1 === r.rect.c1 &&
      c.rect.r2 === r.rect.r2 &&
      c.rect.c2 === r.rect.c2;
    this.chart.ranges = this.chart.ranges.filter((c) => !same(c));
    return this;
  }
  clearRanges(): this {
    this.chart.ranges = [];
    return this;
  }
  setChartType(type: unknown): this {
    const name = enumName(type);
    if (!name || !(name in ChartType))
      this.ctx.fail(signatureMismatch(typeNames([type]), 'EmbeddedChartBuilder.setChartType'));
    this.chart.type = name;
    return this;
  }
  getChartType(): unknown {
    return this.chart.type ? ChartType[this.chart.type as keyof typeof ChartType] : null;
  }
  setNumHeaders(headers: unknown): this {
    if (typeof headers !== 'number' || !Number.isInteger(headers))
      this.ctx.fail(signatureMismatch(typeNames([headers]), 'EmbeddedChartBuilder.setNumHeaders'));
    this.chart.numHeaders = headers;
    return this;
  }
  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string')
      this.ctx.fail(signatureMismatch(typeNames([option, value]), 'EmbeddedChartBuilder.setOption'));
    this.chart.options[option] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this;
  }
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((a) => typeof a === 'number' && Number.isInteger(a)))
      this.ctx.fail(signatureMismatch(typeNames(args), 'EmbeddedChartBuilder.setPosition'));
    [this.chart.anchorRow, this.chart.anchorColumn, this.chart.offsetX, this.chart.offsetY] = args as number[];
    return this;
  }
  getContainer(): object {
    return this.ctx.factories.chartPart('ContainerInfo', new ContainerInfoImpl(this.chart));
  }
  getRanges(): object[] {
    return new EmbeddedChartImpl(this.ctx, this.sheet, this.chart).getRanges();
  }
  build(): object {
    if (!this.chart.type) this.ctx.fail('Chart type is not set.');
    return this.ctx.factories.embeddedChart(this.sheet, cloneChart(this.chart));
  }
}

/** A fresh builder's chart: no id yet (insertChart gives one), anchored at A1. */
export function newChartModel(): ChartModel {
  return {
    id: 0,
    type: '',
    ranges: [],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    numHeaders: -1,
    options: {},
  };
}

export const CHART_BUILDER_METHODS = [
  'addRange',
  'removeRange',
  'clearRanges',
  'setChartType',
  'getChartType',
  'setNumHeaders',
  'setOption',
  'setPosition',
  'getContainer',
  'getRanges',
  'build',
] as const;
