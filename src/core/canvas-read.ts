import { BLOCK_IDS, type BlockId } from './block-ids';
import { blockArea, layoutFromMarkers, type CanvasLayout } from './canvas-layout';
import { bulleted, normaliseEntry } from './entry-text';
import { cellText } from './literal';

/** What the canvas sheet says right now: its layout and each block's entries. */
export interface CanvasReading {
  layout: CanvasLayout;
  entries: Record<BlockId, string[]>;
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
  for (const id of BLOCK_IDS) {
    const area = blockArea(layout, id);
    const list: string[] = [];
    for (let row = area.firstEntryRow; row <= area.lastEntryRow; row++) {
      const text = entryText(values[row - 1]?.[area.column - 1], dateText);
      if (text !== '') list.push(text);
    }
    entries[id] = list;
  }
  return { layout, entries };
}
