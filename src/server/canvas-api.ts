import { BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { blockArea } from '../core/canvas-layout';
import { entriesAsStored, readCanvasGrid } from '../core/canvas-read';
import { figuresAsStored } from '../core/details-read';
import { plainFigure } from '../core/figure';
import { rangeNames } from '../core/instance-names';
import { blockIdSchema, parseRequest, resetBlockRequestSchema, saveBlockRequestSchema } from '../core/requests';
import { blockVersion } from '../core/version';
import type { BlockView, CanvasView } from '../core/view';
import { locateCanvas } from './canvas-instance';
import { blockView, canvasView, readCanvasState, rereadCanvasState } from './canvas-state';
import { CONTENT } from './content';
import { withDocumentLock } from './lock';
import { writeBlock, type SourcedFigure } from './write-block';

/** The sidebar's functions. Every request is validated before anything is read or written. */

export function conflictMessage(id: BlockId): string {
  return `${BLOCK_TITLES[id]} was changed by someone else since you opened it. Your edits are kept; review the current content and save again.`;
}

/** The canvas as the sheet holds it right now (teammates' direct edits included). */
export function getCanvas(): CanvasView {
  return canvasView(readCanvasState(SpreadsheetApp.getActiveSpreadsheet()));
}

/** Selects a block's region on the canvas sheet so the user sees what they are editing. */
export function selectBlock(blockId: unknown): void {
  const id = parseRequest(blockIdSchema, blockId, 'block id');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = locateCanvas(spreadsheet, false);
  const named = spreadsheet.getRangeByName(rangeNames.canvasBlock(sheets.instance, id));
  if (named) {
    named.activate();
    return;
  }
  const area = blockArea(readCanvasGrid(sheets.canvas.getDataRange().getValues(), sheets.canvas.getName()).layout, id);
  sheets.canvas.getRange(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns).activate();
}

/** Saves a whole block (entries and figures) if nobody changed it since `version`. */
export function saveBlock(request: unknown): BlockView {
  const req = parseRequest(saveBlockRequestSchema, request, 'save request');
  return replaceBlock(req.blockId, req.version, req.entries, req.figures.map(plainFigure));
}

/** Restores a block's embedded content (entries, figures and their sources) if nobody changed it since `version`. */
export function resetBlock(request: unknown): BlockView {
  const req = parseRequest(resetBlockRequestSchema, request, 'reset request');
  const original = CONTENT.blocks.find((b) => b.id === req.blockId)!;
  return replaceBlock(req.blockId, req.version, original.entries, original.figures);
}

function replaceBlock(
  id: BlockId,
  version: string,
  entries: readonly string[],
  figures: readonly SourcedFigure[],
): BlockView {
  return withDocumentLock(() => {
    const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), true);
    const current = blockView(state, id);
    if (current.version !== version) throw new Error(conflictMessage(id));
    if (blockVersion(state.sheets.instance, id, entriesAsStored(entries), figuresAsStored(figures)) === current.version)
      return current; // nothing changed
    writeBlock(state, id, entries, figures);
    // The version returned is the one the next read computes: read back what the sheet now holds.
    return blockView(rereadCanvasState(state), id);
  });
}
