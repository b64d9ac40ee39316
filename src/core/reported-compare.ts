/** Compares figures with Xiaomi's reported results (unit conversion, tolerance). */
import { isLowerBound } from './figure-bound';
import type { ReportedFigure } from './reported-schema';
import { CURRENCY_UNITS, USD_BN_PER_UNIT, type CurrencyUnit } from './units';
import type { Figure, FigureView, ReportedComparison } from './view';

/** The Key Figures settings the comparison depends on (blank or non-numeric cells are null). */
export interface ComparisonSettings {
  rate: number | null;
  tolerance: number | null;
}

/** USD billions per one `unit`, at `rate` (see USD_BN_PER_UNIT). */
function usdPerUnit(unit: CurrencyUnit, rate: number): number {
  const { scale, timesRate } = USD_BN_PER_UNIT[unit];
  return timesRate ? rate * scale : scale;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const currencyOf = (unit: string) => CURRENCY_UNITS.find((u) => same(u, unit));

/**
 * `value` in `from` converted to `to`, the way Key Figures' Reported column does: currency units through the
 * CNY→USD rate (which must be a positive number) and bn ↔ m; any other unit only to itself. Null otherwise.
 */
export function convertUnit(value: number, from: string, to: string, rate: number | null): number | null {
  const source = currencyOf(from);
  const target = currencyOf(to);
  if (!source || !target) return !source && !target && same(from, to) ? value : null;
  if (rate === null || !(rate > 0)) return null;
  return (value * usdPerUnit(source, rate)) / usdPerUnit(target, rate);
}

/**
 * The reported figure with the same metric and period as `figure`, in the figure's unit, and how far the
 * figure is from it (Value ÷ Reported − 1) — the sidebar's mirror of Key Figures' Reported, Vs reported and
 * Reported check columns. Undefined when nothing is reported for the metric and period. A lower bound ("over
 * 600 million", see figure-bound.ts) differs only when the reported value is below it by more than the tolerance.
 */
export function compareWithReported(
  figure: Figure,
  reported: readonly ReportedFigure[],
  settings: ComparisonSettings,
): ReportedComparison | undefined {
  if (!figure.metric) return undefined;
  const matches = reported.filter((r) => same(r.metric, figure.metric ?? '') && same(r.period, figure.period));
  if (matches.length === 0) return undefined;
  const converted = matches
    .map((r) => convertUnit(r.value, r.unit, figure.unit, settings.rate))
    .filter((v): v is number => v !== null);
  const first = matches[0];
  const source = `${first.source.document} (${first.source.published})`;
  const labels = {
    ...(isLowerBound(figure.note) ? { atLeast: true as const } : {}),
    ...(first.note ? { note: first.note } : {}),
  };
  if (converted.length === 0) {
    const { value, unit, period } = first;
    return { value, unit, period, source, vsReported: null, differs: false, ...labels };
  }
  const value = converted.reduce((sum, v) => sum + v, 0) / converted.length;
  const vsReported = value === 0 ? null : figure.value / value - 1;
  const gap = vsReported === null ? null : labels.atLeast ? vsReported : Math.abs(vsReported);
  const differs = gap !== null && settings.tolerance !== null && gap > settings.tolerance;
  return { value, unit: figure.unit, period: first.period, source, vsReported, differs, ...labels };
}

/** Each figure with Xiaomi's reported value for its metric and period, when there is one. */
export function figuresWithReported(
  figures: readonly Figure[],
  reported: readonly ReportedFigure[],
  settings: ComparisonSettings,
): FigureView[] {
  return figures.map((figure) => {
    const comparison = compareWithReported(figure, reported, settings);
    return comparison ? { ...figure, reported: comparison } : figure;
  });
}
