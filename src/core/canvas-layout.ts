import { BLOCK_IDS, type BlockId } from './block-ids';

/**
 * Where everything sits on the canvas sheet. Column A is a hidden marker column; columns B..K are the canvas:
 * five canvas columns of two sheet columns each, so the bottom band's halves (Cost Structure | Revenue Streams)
 * fall on a column boundary. One entry per row keeps every entry in its own cell (under the 50,000-character
 * cell limit even for 60 entries of 1,000 characters) and lets teammates edit an entry by typing in its cell.
 */
export const CANVAS_COLUMNS = 11; // A (markers) + B..K

export const CANVAS_MARKERS = {
  top: 'top',
  topSplit: 'top-split',
  topEnd: 'top-end',
  bottom: 'bottom',
  bottomEnd: 'bottom-end',
} as const;

/** Row positions of the bands; everything else derives from these five rows. */
export interface CanvasLayout {
  /** Title row of the top band (Key Partners, Key Activities, Value Propositions, Customer Relationships, Customer Segments). */
  topTitleRow: number;
  /** Title row of the lower half blocks (Key Resources, Channels). */
  splitRow: number;
  /** The spacer row right after the top band. */
  topEndRow: number;
  /** Title row of the bottom band (Cost Structure, Revenue Streams). */
  bottomTitleRow: number;
  /** The spacer row right after the bottom band. */
  bottomEndRow: number;
}

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

/** Rows above the top band: title, tagline, spacer. */
export const HEADER_ROWS = 3;
/** Empty entry rows left in every area so a few entries can be added without inserting rows. */
export const SPARE_ENTRY_ROWS = 1;

export function blockArea(layout: CanvasLayout, id: BlockId): BlockArea {
  const { column, numColumns, part } = BLOCK_PLACEMENT[id];
  const titleRow =
    part === 'lower' ? layout.splitRow : part === 'bottom' ? layout.bottomTitleRow : layout.topTitleRow;
  const lastEntryRow =
    part === 'upper' ? layout.splitRow - 1 : part === 'bottom' ? layout.bottomEndRow - 1 : layout.topEndRow - 1;
  return { id, titleRow, questionRow: titleRow + 1, firstEntryRow: titleRow + 2, lastEntryRow, column, numColumns };
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
  return { topTitleRow, splitRow, topEndRow, bottomTitleRow, bottomEndRow };
}

/** The marker each structural row carries in column A. */
export function layoutMarkers(layout: CanvasLayout): Array<{ row: number; marker: string }> {
  return [
    { row: layout.topTitleRow, marker: CANVAS_MARKERS.top },
    { row: layout.splitRow, marker: CANVAS_MARKERS.topSplit },
    { row: layout.topEndRow, marker: CANVAS_MARKERS.topEnd },
    { row: layout.bottomTitleRow, marker: CANVAS_MARKERS.bottom },
    { row: layout.bottomEndRow, marker: CANVAS_MARKERS.bottomEnd },
  ];
}

/**
 * Reads the layout back from the marker column (values of column A, index 0 = row 1). Users may have inserted
 * rows anywhere; markers move with their rows, so the layout stays right. Returns null when a marker is missing
 * or out of order (a structural row was deleted).
 */
export function layoutFromMarkers(markerColumn: readonly unknown[]): CanvasLayout | null {
  const rowOf = (marker: string) => {
    const index = markerColumn.findIndex((v) => String(v).trim() === marker);
    return index < 0 ? 0 : index + 1;
  };
  const layout: CanvasLayout = {
    topTitleRow: rowOf(CANVAS_MARKERS.top),
    splitRow: rowOf(CANVAS_MARKERS.topSplit),
    topEndRow: rowOf(CANVAS_MARKERS.topEnd),
    bottomTitleRow: rowOf(CANVAS_MARKERS.bottom),
    bottomEndRow: rowOf(CANVAS_MARKERS.bottomEnd),
  };
  const ordered =
    layout.topTitleRow > 0 &&
    layout.splitRow >= layout.topTitleRow + 2 &&
    layout.topEndRow >= layout.splitRow + 2 &&
    layout.bottomTitleRow > layout.topEndRow &&
    layout.bottomEndRow >= layout.bottomTitleRow + 2;
  return ordered ? layout : null;
}

/** Rows to insert, and where, so a block can hold `count` entries. Insertion goes before the area's last row so
 * every named range and merge that covers that row grows with it. */
export function growthFor(layout: CanvasLayout, id: BlockId, count: number): { beforeRow: number; rows: number } | null {
  const area = blockArea(layout, id);
  const missing = count - entryCapacity(area);
  return missing > 0 ? { beforeRow: area.lastEntryRow, rows: missing } : null;
}

/** The layout after `rows` rows were inserted before `beforeRow`. */
export function shiftLayout(layout: CanvasLayout, beforeRow: number, rows: number): CanvasLayout {
  const shift = (row: number) => (row >= beforeRow ? row + rows : row);
  return {
    topTitleRow: shift(layout.topTitleRow),
    splitRow: shift(layout.splitRow),
    topEndRow: shift(layout.topEndRow),
    bottomTitleRow: shift(layout.bottomTitleRow),
    bottomEndRow: shift(layout.bottomEndRow),
  };
}

export function allBlockAreas(layout: CanvasLayout): BlockArea[] {
  return BLOCK_IDS.map((id) => blockArea(layout, id));
}

/** The merged column groups of a band: five pairs on top, two halves at the bottom. */
export function bandColumnGroups(band: 'top' | 'bottom'): Array<{ column: number; numColumns: number }> {
  return band === 'top'
    ? [2, 4, 6, 8, 10].map((column) => ({ column, numColumns: 2 }))
    : [2, 7].map((column) => ({ column, numColumns: 5 }));
}
