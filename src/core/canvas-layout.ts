/** Where everything sits on the canvas sheet: columns, bands, each block's area, and how areas grow. */
import { BLOCK_IDS, type BlockId } from './block-ids';

/**
 * Where everything sits on the canvas sheet. Column A is a hidden marker column; columns B..K are the canvas:
 * five canvas columns of two sheet columns each, so the bottom band's halves (Cost Structure | Revenue Streams)
 * fall on a column boundary. One entry per row keeps every entry in its own cell (under the 50,000-character
 * cell limit even for 60 entries of 1,000 characters) and lets teammates edit an entry by typing in its cell.
 */
export const CANVAS_COLUMNS = 11; // A (markers) + B..K

export const CANVAS_MARKERS = {
  topTitleRow: 'top',
  topQuestionRow: 'top-questions',
  splitRow: 'top-split',
  splitQuestionRow: 'top-split-questions',
  topEndRow: 'top-end',
  bottomTitleRow: 'bottom',
  bottomQuestionRow: 'bottom-questions',
  bottomEndRow: 'bottom-end',
} as const;

/**
 * Row positions of the bands; everything else derives from these rows. Each is marked in hidden column A, so
 * rows users insert anywhere (even between a title and its question) never shift what is read as an entry.
 */
export interface CanvasLayout {
  /** Title row of the top band (Key Partners, Key Activities, Value Propositions, Customer Relationships, Customer Segments). */
  topTitleRow: number;
  topQuestionRow: number;
  /** Title row of the lower half blocks (Key Resources, Channels). */
  splitRow: number;
  splitQuestionRow: number;
  /** The spacer row right after the top band. */
  topEndRow: number;
  /** Title row of the bottom band (Cost Structure, Revenue Streams). */
  bottomTitleRow: number;
  bottomQuestionRow: number;
  /** The spacer row right after the bottom band. */
  bottomEndRow: number;
}

const LAYOUT_ROWS = Object.keys(CANVAS_MARKERS) as Array<keyof CanvasLayout>;

export interface BlockArea {
  id: BlockId;
  titleRow: number;
  questionRow: number;
  firstEntryRow: number;
  lastEntryRow: number;
  column: number;
  numColumns: number;
}

type Placement = { column: number; numColumns: number; part: 'tall' | 'upper' | 'lower' | 'bottom' };

export const BLOCK_PLACEMENT: Record<BlockId, Placement> = {
  'key-partners': { column: 2, numColumns: 2, part: 'tall' },
  'key-activities': { column: 4, numColumns: 2, part: 'upper' },
  'key-resources': { column: 4, numColumns: 2, part: 'lower' },
  'value-propositions': { column: 6, numColumns: 2, part: 'tall' },
  'customer-relationships': { column: 8, numColumns: 2, part: 'upper' },
  channels: { column: 8, numColumns: 2, part: 'lower' },
  'customer-segments': { column: 10, numColumns: 2, part: 'tall' },
  'cost-structure': { column: 2, numColumns: 5, part: 'bottom' },
  'revenue-streams': { column: 7, numColumns: 5, part: 'bottom' },
};

/** Rows above the top band: title, subtitle, and the fit-check summary with the legend. */
export const HEADER_ROWS = 3;
/** Empty entry rows left in every area so a few entries can be added without inserting rows. */
export const SPARE_ENTRY_ROWS = 1;

export function blockArea(layout: CanvasLayout, id: BlockId): BlockArea {
  const { column, numColumns, part } = BLOCK_PLACEMENT[id];
  const [titleRow, questionRow] =
    part === 'lower'
      ? [layout.splitRow, layout.splitQuestionRow]
      : part === 'bottom'
        ? [layout.bottomTitleRow, layout.bottomQuestionRow]
        : [layout.topTitleRow, layout.topQuestionRow];
  const lastEntryRow =
    part === 'upper' ? layout.splitRow - 1 : part === 'bottom' ? layout.bottomEndRow - 1 : layout.topEndRow - 1;
  return { id, titleRow, questionRow, firstEntryRow: questionRow + 1, lastEntryRow, column, numColumns };
}

export function entryCapacity(area: BlockArea): number {
  return area.lastEntryRow - area.firstEntryRow + 1;
}

/** Lays out a fresh canvas big enough for the given number of entries per block, plus a spare row each. */
export function computeCanvasLayout(entryCounts: Record<BlockId, number>): CanvasLayout {
  const need = (id: BlockId) => entryCounts[id] + SPARE_ENTRY_ROWS;
  const topTitleRow = HEADER_ROWS + 1;
  const upper = Math.max(need('key-activities'), need('customer-relationships'));
  const splitRow = topTitleRow + 2 + upper;
  const lower = Math.max(need('key-resources'), need('channels'));
  const tall = Math.max(need('key-partners'), need('value-propositions'), need('customer-segments'));
  const topEndRow = Math.max(splitRow + 2 + lower, topTitleRow + 2 + tall);
  const bottomTitleRow = topEndRow + 1;
  const bottomEndRow = bottomTitleRow + 2 + Math.max(need('cost-structure'), need('revenue-streams'));
  return {
    topTitleRow,
    topQuestionRow: topTitleRow + 1,
    splitRow,
    splitQuestionRow: splitRow + 1,
    topEndRow,
    bottomTitleRow,
    bottomQuestionRow: bottomTitleRow + 1,
    bottomEndRow,
  };
}

/** The marker each structural row carries in column A. */
export function layoutMarkers(layout: CanvasLayout): Array<{ row: number; marker: string }> {
  return LAYOUT_ROWS.map((key) => ({ row: layout[key], marker: CANVAS_MARKERS[key] }));
}

/**
 * Reads the layout back from the marker column (values of column A, index 0 = row 1). Users may have inserted
 * rows anywhere; markers move with their rows, so the layout stays right. Returns null when a marker is missing
 * or out of order (a structural row was deleted).
 */
export function layoutFromMarkers(markerColumn: readonly unknown[]): CanvasLayout | null {
  // A marker may be followed by a space and the row's link store (see linkColumn).
  const markers = markerColumn.map((v) => (typeof v === 'string' ? v.trim().split(' ')[0] : ''));
  const layout = Object.fromEntries(
    LAYOUT_ROWS.map((key) => [key, markers.indexOf(CANVAS_MARKERS[key]) + 1]),
  ) as unknown as CanvasLayout;
  const rows = LAYOUT_ROWS.map((key) => layout[key]);
  const ordered =
    rows.every((row, i) => row > 0 && (i === 0 || row > rows[i - 1])) &&
    layout.splitRow > layout.topQuestionRow + 1 && // the upper blocks keep at least one entry row
    layout.topEndRow > layout.splitQuestionRow &&
    layout.bottomEndRow > layout.bottomQuestionRow;
  return ordered ? layout : null;
}

/** Rows to insert, and where, so a block can hold `count` entries. Insertion goes before the area's last row so
 * every named range and merge that covers that row grows with it. */
export function growthFor(
  layout: CanvasLayout,
  id: BlockId,
  count: number,
): { beforeRow: number; rows: number } | null {
  const area = blockArea(layout, id);
  const missing = count - entryCapacity(area);
  return missing > 0 ? { beforeRow: area.lastEntryRow, rows: missing } : null;
}

/** The layout after `rows` rows were inserted before `beforeRow`. */
export function shiftLayout(layout: CanvasLayout, beforeRow: number, rows: number): CanvasLayout {
  return Object.fromEntries(
    LAYOUT_ROWS.map((key) => [key, layout[key] >= beforeRow ? layout[key] + rows : layout[key]]),
  ) as unknown as CanvasLayout;
}

export function allBlockAreas(layout: CanvasLayout): BlockArea[] {
  return BLOCK_IDS.map((id) => blockArea(layout, id));
}

/** The column groups of a band, one per block column: five pairs on top, two halves at the bottom. */
export function bandColumnGroups(band: 'top' | 'bottom'): Array<{ column: number; numColumns: number }> {
  return band === 'top'
    ? [2, 4, 6, 8, 10].map((column) => ({ column, numColumns: 2 }))
    : [2, 7].map((column) => ({ column, numColumns: 5 }));
}

/**
 * The last column of a block's area holds the marker cells that show, beside each entry, the customer segments
 * it serves (see segment-markers.ts); the entry text sits in the columns before it.
 */
export function markerColumnOf(area: Pick<BlockArea, 'column' | 'numColumns'>): number {
  return area.column + area.numColumns - 1;
}

/**
 * Entry cells merged row by row: the bottom band's entries span their half but the marker column; the top
 * band's entries are one column each, so the top band needs no merges.
 */
export function entryMergeGroups(band: 'top' | 'bottom'): Array<{ column: number; numColumns: number }> {
  return band === 'top' ? [] : [2, 7].map((column) => ({ column, numColumns: 4 }));
}

/** Sheet column widths of B..K: entry columns wide, marker columns narrow; the canvas stays 1,180 px wide. */
export const ENTRY_COLUMN_WIDTH = 190;
export const MARKER_COLUMN_WIDTH = 46;

/**
 * Where the fit-check summary sits: at the left of the spacer row right above the blocks (found from the layout
 * markers, so rows a teammate inserts above it move it too), within the first screen with the sidebar open.
 */
export function fitCountCell(layout: Pick<CanvasLayout, 'topTitleRow'>): { row: number; column: number } | null {
  // A teammate may delete the rows above the blocks: then there is no place for the count, and none is written.
  return layout.topTitleRow > 1 ? { row: layout.topTitleRow - 1, column: 2 } : null;
}
/** Where canvases from before the summary moved to B had it: the same row, column J (their legend sat in B). */
export const OLD_FIT_COUNT_COLUMN = 10;
/** The marker legend, in the same row from the third canvas column (F), still within the first screen. */
export function legendCell(layout: Pick<CanvasLayout, 'topTitleRow'>): { row: number; column: number } {
  return { row: layout.topTitleRow - 1, column: 6 };
}
