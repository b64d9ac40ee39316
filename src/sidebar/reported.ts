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
  const said = `Xiaomi reported ${formatReported(reported.value, locale)} ${reported.unit} (${reported.period})`;
  // What kind of value the reported one is (e.g. a point-in-time value), and how a lower bound is compared.
  const labels = [
    ...(reported.note ? [reported.note.replace(/\.$/, '')] : []),
    ...(reported.atLeast ? ['the figure says “over”, so only a reported value below it differs'] : []),
  ];
  const value = parseValue(figure.value);
  const difference =
    reported.vsReported === null || Number.isNaN(value) || reported.value === 0
      ? []
      : [`${formatDifference(value / reported.value - 1, locale)} vs reported`];
  return [said, ...difference, ...labels].join(' · ');
}

/** How many of a block's figures differ from Xiaomi's reported results by more than the Key Figures tolerance. */
export function differingCount(block: BlockView): number {
  return block.figures.filter((f: FigureView) => f.reported?.differs === true).length;
}

/** "2 differ from reported" for the block list, or "" when none do. */
export function differingText(block: BlockView): string {
  const n = differingCount(block);
  return n === 0 ? '' : `${n} ${n === 1 ? 'differs' : 'differ'} from reported`;
}

/**
 * The size of the gap after that count: ", by −31.7 %" (one figure) or ", up to +137.1 %" (the largest), so a
 * difference reads as information (the template's figures are its own estimates), not an alarm. "" when unknown.
 */
export function differingGap(block: BlockView, locale?: string): string {
  const gaps = block.figures
    .filter((f: FigureView) => f.reported?.differs === true)
    .map((f) => f.reported?.vsReported ?? null)
    .filter((g): g is number => g !== null);
  if (gaps.length === 0) return '';
  const largest = gaps.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
  // No-break spaces keep the sign, the number and % on one line in the narrow block list.
  const gap = formatDifference(largest, locale).replace(' %', '\u00a0%');
  return `, ${differingCount(block) === 1 ? 'by' : 'up to'}\u00a0${gap}`;
}

/** The block list's count line gets a second line with the differing count (the 300 px sidebar is narrow). */
export function differingLine(block: BlockView): HTMLElement | null {
  const text = differingText(block);
  if (text === '') return null;
  const line = document.createElement('span');
  line.className = 'block-differs-line';
  const count = document.createElement('span');
  count.className = 'block-differs';
  // The leading space keeps the row's accessible name readable: "Key Activities 7 entries 2 differ from reported".
  count.textContent = ` ${text}`;
  const gap = document.createElement('span');
  gap.className = 'block-gap';
  gap.textContent = differingGap(block);
  line.append(count, gap);
  return line;
}
