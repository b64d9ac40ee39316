/** The marker cell beside each canvas entry: the tags and colours of the segments it serves. */
import { SEGMENT_TEXT_COLOR } from './segment-palette';
import { segmentColor, segmentTag } from './segments';
import type { TextRun } from './sheet-plan';
import { THEME } from './theme';

/**
 * The marker cell beside an entry on the canvas: the numbers of the segments it serves ("1 3"), each number in
 * its segment's colour (a rich-text run) on white, so an entry serving two segments shows both colours. The
 * numbers carry the meaning (colour is never the only cue). Customer Segments shows each segment's own number
 * on its colour: a chip that makes that block the legend. Values, runs, fills and font colours only, so markers
 * are part of the whole-grid writes (no per-cell calls).
 */
export interface MarkerCell {
  value: string;
  background: string;
  fontColor: string;
  runs: TextRun[];
}

export const EMPTY_MARKER: MarkerCell = { value: '', background: THEME.white, fontColor: THEME.ink, runs: [] };

export function markerCell(segmentIds: readonly string[]): MarkerCell {
  if (segmentIds.length === 0) return EMPTY_MARKER;
  const tags = segmentIds.map(segmentTag);
  let at = 0;
  const runs = tags.map((tag, i): TextRun => {
    const run = { start: at, end: at + tag.length, color: segmentColor(segmentIds[i]), bold: true };
    at += tag.length + 1;
    return run;
  });
  // Raw text into the marker cells' plain-text format (@): tags are digits, never ' or = (literal.ts).
  return { value: tags.join(' '), background: THEME.white, fontColor: THEME.ink, runs };
}

/** A segment's own marker in Customer Segments: its number in white on its colour (the legend's chip). */
export function segmentChip(segmentId: string): MarkerCell {
  const tag = segmentTag(segmentId);
  return {
    value: tag,
    background: segmentColor(segmentId),
    fontColor: SEGMENT_TEXT_COLOR,
    runs: [{ start: 0, end: tag.length, color: SEGMENT_TEXT_COLOR, bold: true }],
  };
}

/** Marker cells for a block's area: one per row from its first to its last entry row. */
export function markerColumn(
  capacity: number,
  rowsOfEntries: readonly number[],
  firstEntryRow: number,
  idsOfEntries: ReadonlyArray<readonly string[]>,
  /** Customer Segments: each entry is a segment, shown as its chip. */
  chips = false,
): MarkerCell[] {
  const cells = Array.from({ length: capacity }, () => EMPTY_MARKER);
  rowsOfEntries.forEach((row, i) => {
    const at = row - firstEntryRow;
    const ids = idsOfEntries[i] ?? [];
    if (at >= 0 && at < capacity) cells[at] = chips && ids.length === 1 ? segmentChip(ids[0]) : markerCell(ids);
  });
  return cells;
}

/** The legend line on the canvas (short enough to read within the first screen). */
export const MARKER_LEGEND = 'Coloured numbers beside an entry: the segments it serves';

/**
 * The fit-check summary on the canvas. What is left are questions the canvas leaves open for the team to answer
 * (which channel reaches a segment, …), not errors: the words say so.
 */
export function fitCountText(count: number): string {
  if (count === 0) return 'Fit checks: every question answered (as of the last save)';
  return `Fit checks: ${count} open ${count === 1 ? 'question' : 'questions'} for the team (as of the last save)`;
}
