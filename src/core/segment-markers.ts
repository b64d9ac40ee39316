/** The marker cell beside each canvas entry: the tags and colours of the segments it serves. */
import { SEGMENT_TEXT_COLOR } from './segment-palette';
import { segmentColor, segmentTag } from './segments';
import { THEME } from './theme';

/**
 * The marker cell beside an entry on the canvas: the tags of the segments it serves ("1 3"), on the colour of
 * the first. The tags carry the meaning (colour is never the only cue); Customer Segments shows each segment's
 * own tag on its colour, which makes that block the legend. Values, fills and font colours only, so markers are
 * part of the whole-grid writes (no per-cell calls).
 */
export interface MarkerCell {
  value: string;
  background: string;
  fontColor: string;
}

export const EMPTY_MARKER: MarkerCell = { value: '', background: THEME.white, fontColor: THEME.ink };

export function markerCell(segmentIds: readonly string[]): MarkerCell {
  if (segmentIds.length === 0) return EMPTY_MARKER;
  return {
    // Raw text into the marker cells' plain-text format (@): tags are digits, never ' or = (literal.ts).
    value: segmentIds.map(segmentTag).join(' '),
    background: segmentColor(segmentIds[0]),
    fontColor: SEGMENT_TEXT_COLOR,
  };
}

/** Marker cells for a block's area: one per row from its first to its last entry row. */
export function markerColumn(
  capacity: number,
  rowsOfEntries: readonly number[],
  firstEntryRow: number,
  idsOfEntries: ReadonlyArray<readonly string[]>,
): MarkerCell[] {
  const cells = Array.from({ length: capacity }, () => EMPTY_MARKER);
  rowsOfEntries.forEach((row, i) => {
    const at = row - firstEntryRow;
    if (at >= 0 && at < capacity) cells[at] = markerCell(idsOfEntries[i] ?? []);
  });
  return cells;
}

/** The legend line on the canvas. */
export const MARKER_LEGEND =
  'Numbers beside an entry: the customer segments it serves (numbers and colours as in Customer Segments).';

/** The fit-check count on the canvas. */
export function fitCountText(count: number): string {
  return count === 0
    ? 'Fit checks: all clear (as of the last save)'
    : `Fit checks: ${count} to review (as of the last save)`;
}
