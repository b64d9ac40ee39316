/** The marker cell beside each canvas entry: its evidence symbol, and the tags and colours of the segments it serves. */
import { EVIDENCE_STATUSES, type EntryEvidence, type EvidenceStatus } from './evidence';
import { SEGMENT_TEXT_COLOR } from './segment-palette';
import { segmentColor, segmentTag } from './segments';
import type { TextRun } from './sheet-plan';
import { THEME } from './theme';

/**
 * The marker cell beside an entry on the canvas: its evidence symbol, then the numbers of the segments it serves
 * ("✓ 1 3"), the symbol in its status's colour and each number in its segment's colour (rich-text runs) on white,
 * so an entry serving two segments shows both colours. Shapes and numbers carry the meaning (colour is never the
 * only cue), so teammates without the add-on see them. Customer Segments shows each segment's own number on its
 * colour: a chip that makes that block the legend. Values, runs, fills and font colours only, so markers are part
 * of the whole-grid writes (no per-cell calls).
 */
export interface MarkerCell {
  value: string;
  background: string;
  fontColor: string;
  runs: TextRun[];
}

export const EMPTY_MARKER: MarkerCell = { value: '', background: THEME.white, fontColor: THEME.ink, runs: [] };

/**
 * Each status's symbol and colour: shapes told apart without colour that Sheets' fonts render, each colour at
 * WCAG AA on white. A teammate who types another of these symbols into a marker sets that status (markerStatus).
 */
export const EVIDENCE_MARKS: Record<EvidenceStatus, readonly [symbol: string, color: string]> = {
  reported: ['✓', '#137333'],
  template: ['◆', THEME.muted],
  assumption: ['?', '#9a5b00'],
  contradicted: ['✗', THEME.alert],
};

export function markerCell(segmentIds: readonly string[], status?: EvidenceStatus): MarkerCell {
  const symbol = status ? EVIDENCE_MARKS[status] : null;
  if (segmentIds.length === 0 && !symbol) return EMPTY_MARKER;
  const parts = segmentIds.map((id) => [segmentTag(id), segmentColor(id)] as const);
  if (symbol) parts.unshift(symbol);
  let at = 0;
  const runs = parts.map(([part, color]): TextRun => {
    const run = { start: at, end: at + part.length, color, bold: true };
    at += part.length + 1;
    return run;
  });
  // Raw text into the marker cells' plain-text format (@): symbols and digits, never ' or = (literal.ts).
  return { value: parts.map(([part]) => part).join(' '), background: THEME.white, fontColor: THEME.ink, runs };
}

/** A segment's own marker in Customer Segments: its symbol and number in white on its colour (the legend's chip). */
export function segmentChip(segmentId: string, status?: EvidenceStatus): MarkerCell {
  const value = (status ? `${EVIDENCE_MARKS[status][0]} ` : '') + segmentTag(segmentId);
  return {
    value,
    background: segmentColor(segmentId),
    fontColor: SEGMENT_TEXT_COLOR,
    runs: [{ start: 0, end: value.length, color: SEGMENT_TEXT_COLOR, bold: true }],
  };
}

/**
 * The status a marker cell shows: its first symbol when it is one of the legend's, else null (no symbol, as on
 * canvases from before evidence showed, or one the legend does not know: the stored status stands).
 */
export function markerStatus(text: string): EvidenceStatus | null {
  const first = text.trim()[0];
  return EVIDENCE_STATUSES.find((s) => EVIDENCE_MARKS[s][0] === first) ?? null;
}

/** Marker cells for a block's area: one per row from its first to its last entry row. */
export function markerColumn(
  capacity: number,
  rowsOfEntries: readonly number[],
  firstEntryRow: number,
  idsOfEntries: ReadonlyArray<readonly string[]>,
  /** Customer Segments: each entry is a segment, shown as its chip. */
  chips = false,
  /** Parallel to the entries: each one's evidence, shown as its status's symbol. */
  evidence: ReadonlyArray<EntryEvidence | undefined> = [],
): MarkerCell[] {
  const cells = Array.from({ length: capacity }, () => EMPTY_MARKER);
  rowsOfEntries.forEach((row, i) => {
    const at = row - firstEntryRow;
    const ids = idsOfEntries[i] ?? [];
    const status = evidence[i]?.status;
    if (at >= 0 && at < capacity)
      cells[at] = chips && ids.length === 1 ? segmentChip(ids[0], status) : markerCell(ids, status);
  });
  return cells;
}

/** The legend line on the canvas (short enough to read within the first screen). */
export const MARKER_LEGEND = 'Coloured numbers beside an entry: the segments it serves';

/** The evidence legend on the canvas, each symbol in its colour (within the first screen, as the other legend). */
export const EVIDENCE_LEGEND = '✓ reported by Xiaomi ✗ contradicted ◆ template ? team assumption';

export const evidenceLegendRuns = (): TextRun[] =>
  EVIDENCE_STATUSES.map((status) => {
    const [symbol, color] = EVIDENCE_MARKS[status];
    const start = EVIDENCE_LEGEND.indexOf(symbol);
    return { start, end: start + 1, color, bold: true };
  });

/**
 * The fit-check summary on the canvas. What is left are questions the canvas leaves open for the team to answer
 * (which channel reaches a segment, …), not errors: the words say so.
 */
export function fitCountText(count: number): string {
  if (count === 0) return 'Fit checks: every question answered (as of the last save)';
  return `Fit checks: ${count} open ${count === 1 ? 'question' : 'questions'} for the team (as of the last save)`;
}
