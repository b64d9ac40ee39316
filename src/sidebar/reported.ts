/**
 * What the sidebar says about Xiaomi's reported results (issue 12): beside each figure in the editor, its
 * reported value and how far the figure is from it; in the block list, how many figures differ. The server
 * computes the comparison (same rules as Key Figures' Reported columns); this file only words it.
 */
import type { BlockView, FigureView } from '../core/view';
import { parseValue } from './draft';

/** The figure being edited, as the form holds it (the value as typed). */
export interface EditedFigure {
  value: string;
  unit: string;
  period: string;
  metric?: string;
}

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** 365.9064 → "365.9"; 136854 → "136,854": a reading precision, the sheet keeps the full value. */
export function formatReported(value: number, locale?: string): string {
  return value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 1 : 2 });
}

/** −0.317 → "−31.7 %": the sign is always shown, so "above" and "below" read at a glance. */
export function formatDifference(fraction: number, locale?: string): string {
  const pct = (fraction * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return `${fraction > 0 ? '+' : fraction < 0 ? '' : '±'}${pct.replace('-', '−')} %`;
}

/**
 * The comparison for a figure in the form: the reported value of the block's figure with the same metric,
 * period and unit as the form now holds, with the difference recomputed from the value being typed.
 * Null when nothing is reported for it (or the user changed its unit or period: save to compare again).
 */
export function reportedLine(figure: EditedFigure, block: BlockView, locale?: string): string | null {
  const match = block.figures.find(
    (f: FigureView) =>
      f.reported && same(f.metric, figure.metric) && same(f.period, figure.period) && same(f.unit, figure.unit),
  );
  const reported = match?.reported;
  if (!reported) return null;
  const text = `Xiaomi reported ${formatReported(reported.value, locale)} ${reported.unit} (${reported.period})`;
  const value = parseValue(figure.value);
  if (reported.vsReported === null || Number.isNaN(value) || reported.value === 0) return text;
  return `${text} · ${formatDifference(value / reported.value - 1, locale)} vs reported`;
}

/** How many of a block's figures differ from Xiaomi's reported results by more than the Key Figures tolerance. */
export function differingCount(block: BlockView): number {
  return block.figures.filter((f: FigureView) => f.reported?.differs === true).length;
}

/**
 * "2 figures differ from reported, up to +18.0 %" for the block list, or "" when none do: information with the size
 * of the gap (the template's figures are its own estimates), not an alarm.
 */
export function differingText(block: BlockView, locale?: string): string {
  const gaps = block.figures
    .filter((f: FigureView) => f.reported?.differs === true)
    .map((f) => f.reported?.vsReported ?? null);
  if (gaps.length === 0) return '';
  const words = `${gaps.length} ${gaps.length === 1 ? 'figure differs' : 'figures differ'} from reported`;
  const known = gaps.filter((g): g is number => g !== null);
  if (known.length === 0) return words;
  const largest = known.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
  // A no-break space keeps the sign, the number and % on one line in the narrow block list.
  const gap = formatDifference(largest, locale).replace(' %', '\u00a0%');
  return `${words}, ${gaps.length === 1 ? 'by' : 'up to'}\u00a0${gap}`;
}

/** The block list's count line gets a second line with the differing count (the 300 px sidebar is narrow). */
export function differingLine(block: BlockView): HTMLElement | null {
  const text = differingText(block);
  if (text === '') return null;
  const line = document.createElement('span');
  line.className = 'block-differs';
  // The leading space keeps the row's accessible name readable: "Key Activities 7 entries 2 differ from reported".
  line.textContent = ` ${text}`;
  return line;
}
