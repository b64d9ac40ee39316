import { BLOCK_IDS, type BlockId } from './block-ids';
import { blockArea, layoutFromMarkers, type CanvasLayout } from './canvas-layout';
import { normaliseEntry } from './entry-text';
import { cellText } from './literal';

/** What the canvas sheet says right now: its layout and each block's entries. */
export interface CanvasReading {
  layout: CanvasLayout;
  entries: Record<BlockId, string[]>;
}

export class CanvasDamagedError extends Error {}

function entryText(value: unknown): string {
  return normaliseEntry(cellText(value));
}

/** Parses the canvas sheet's values (row 1 first, column A first) into entries per block. */
export function readCanvasGrid(values: readonly (readonly unknown[])[], sheetName: string): CanvasReading {
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
      const text = entryText(values[row - 1]?.[area.column - 1]);
      if (text !== '') list.push(text);
    }
    entries[id] = list;
  }
  return { layout, entries };
}
