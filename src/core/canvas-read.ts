/** Reads the canvas sheet's grid back into its layout, entries, segment ids and links. */
import { BLOCK_IDS, type BlockId } from './block-ids';
import {
  blockArea,
  fitCountCell,
  OLD_FIT_COUNT_COLUMN,
  layoutFromMarkers,
  legendCell,
  markerColumnOf,
  type CanvasLayout,
} from './canvas-layout';
import { normaliseLinks, type EntryLinks } from './entry-links';
import { bulleted, normaliseEntry } from './entry-text';
import { parseRowStore, storedEvidence, storedLinks, storedSegmentId } from './link-store';
import { NEW_ENTRY_EVIDENCE, TEMPLATE_EVIDENCE, type EntryEvidence, type EvidenceStatus } from './evidence';
import { cellText } from './literal';
import { markerStatus } from './segment-markers';
import { resolveSegmentIds } from './segments';

/** What the canvas sheet says right now: its layout and each block's entries, with segment ids and links. */
export interface CanvasReading {
  layout: CanvasLayout;
  entries: Record<BlockId, string[]>;
  /** The sheet row of every entry (entries skip blank rows, so a teammate's gaps do not shift links). */
  entryRows: Record<BlockId, number[]>;
  /** Ids of the Customer Segments entries, in order (see segments.ts). */
  segmentIds: string[];
  /** Per block, parallel to its entries; links to segments that no longer exist are dropped. */
  links: Record<BlockId, EntryLinks>;
  /**
   * Per block, parallel to its entries. An entry on a row the add-on never wrote is the team's assumption; on a
   * canvas from before evidence existed (no row carries any), every entry is the template's claim. A legend symbol
   * a teammate typed into the entry's marker cell sets its status (its source and importance stay).
   */
  evidence: Record<BlockId, EntryEvidence[]>;
  /** Per block, the text of its marker cells from its first to its last entry row (to tell when to repaint them). */
  markers: Record<BlockId, string[]>;
  /** Column A as text (index 0 = row 1): layout markers and the link store, to tell whether a save changes it. */
  markerTexts: string[];
  /** The fit-check count cell as it reads now. */
  fitCountText: string;
  /** Whether the canvas has its summary where older canvases put it (J), to move at the next save. */
  oldFitCount: boolean;
  /** The evidence legend's cell beside the title as it reads now ('' on canvases from before the symbols). */
  legendText: string;
}

export class CanvasDamagedError extends Error {}

function entryText(value: unknown, dateText?: (date: Date) => string): string {
  return normaliseEntry(cellText(value, dateText));
}

/**
 * The entries a read will give after `entries` were written (as bulleted text, literally): what the reader makes
 * of exactly those cells. Used where a write cannot afford to read back.
 */
export function entriesAsStored(entries: readonly string[]): string[] {
  return entries.map((entry) => entryText(bulleted(entry))).filter((text) => text !== '');
}

/**
 * Parses the canvas sheet's values (row 1 first, column A first) into entries per block. `dateText` formats a date
 * cell (a teammate typed a date into a cell that is not plain text) as its day in the spreadsheet's time zone.
 */
export function readCanvasGrid(
  values: readonly (readonly unknown[])[],
  sheetName: string,
  dateText?: (date: Date) => string,
): CanvasReading {
  const layout = layoutFromMarkers(values.map((row) => row[0]));
  if (!layout) {
    throw new CanvasDamagedError(
      `The layout of "${sheetName}" is damaged (a row the canvas needs was deleted). Insert a fresh canvas with Insert Xiaomi canvas.`,
    );
  }
  const entries = {} as Record<BlockId, string[]>;
  const entryRows = {} as Record<BlockId, number[]>;
  const rawLinks = {} as Record<BlockId, string[][]>;
  const storedIds: Array<string | null> = [];
  /** Each entry's stored evidence, and the status its marker's symbol shows (null: none the legend knows). */
  const rawEvidence = {} as Record<BlockId, Array<[EntryEvidence | null, EvidenceStatus | null]>>;
  const markers = {} as Record<BlockId, string[]>;
  for (const id of BLOCK_IDS) {
    const area = blockArea(layout, id);
    entries[id] = [];
    entryRows[id] = [];
    rawLinks[id] = [];
    rawEvidence[id] = [];
    markers[id] = [];
    for (let row = area.firstEntryRow; row <= area.lastEntryRow; row++) {
      const marker = cellText(values[row - 1]?.[markerColumnOf(area) - 1]);
      markers[id].push(marker);
      const text = entryText(values[row - 1]?.[area.column - 1], dateText);
      if (text === '') continue;
      const store = parseRowStore(values[row - 1]?.[0]);
      entries[id].push(text);
      entryRows[id].push(row);
      rawEvidence[id].push([storedEvidence(store, id), markerStatus(marker)]);
      if (id === 'customer-segments') {
        storedIds.push(storedSegmentId(store));
        rawLinks[id].push([]);
      } else rawLinks[id].push(storedLinks(store, id));
    }
  }
  const named = BLOCK_IDS.flatMap((id) => rawLinks[id].flat());
  const segmentIds = resolveSegmentIds(storedIds, named);
  const links = Object.fromEntries(BLOCK_IDS.map((id) => [id, normaliseLinks(rawLinks[id], segmentIds)])) as Record<
    BlockId,
    EntryLinks
  >;
  const legacy = BLOCK_IDS.every((id) => rawEvidence[id].every(([e]) => e === null));
  const missing = legacy ? TEMPLATE_EVIDENCE : NEW_ENTRY_EVIDENCE;
  const evidence = Object.fromEntries(
    BLOCK_IDS.map((id) => [id, rawEvidence[id].map(([e, s]) => ({ ...(e ?? missing), ...(s && { status: s }) }))]),
  ) as Record<BlockId, EntryEvidence[]>;
  const markerTexts = values.map((row) => cellText(row[0]));
  const count = fitCountCell(layout);
  const fitCountText = count ? cellText(values[count.row - 1]?.[count.column - 1]) : '';
  const oldFitCount = !!count && cellText(values[count.row - 1]?.[OLD_FIT_COUNT_COLUMN - 1]).startsWith('Fit checks');
  const legendText = cellText(values[0]?.[legendCell(layout).column - 1]);
  return {
    layout,
    entries,
    entryRows,
    segmentIds,
    links,
    evidence,
    markers,
    markerTexts,
    fitCountText,
    oldFitCount,
    legendText,
  };
}
