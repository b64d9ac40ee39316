import { BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { mergeBlock, mergedItems, TEXT_BLOCK_KEYS, theirChanges } from '../core/block-merge';
import { blockArea } from '../core/canvas-layout';
import { entriesAsStored, readCanvasGrid } from '../core/canvas-read';
import { figuresAsStored } from '../core/details-read';
import { plainFigure } from '../core/figure';
import { rangeNames } from '../core/instance-names';
import {
  blockIdSchema,
  getBlockRequestSchema,
  getCanvasRequestSchema,
  parseRequest,
  resetBlockRequestSchema,
  saveBlockRequestSchema,
  selectBlockRequestSchema,
} from '../core/requests';
import { LIMITS } from '../core/limits';
import { blockVersion } from '../core/version';
import type { BlockBase, BlockView, CanvasView } from '../core/view';
import { locateCanvas } from './canvas-instance';
import { blockView, canvasView, readCanvasState, rereadCanvasState, type CanvasState } from './canvas-state';
import { CONTENT } from './content';
import { withDocumentLock } from './lock';
import { writeBlock, type SourcedFigure } from './write-block';

/** The sidebar's functions. Every request is validated before anything is read or written. */

export function conflictMessage(id: BlockId): string {
  return `${BLOCK_TITLES[id]} was changed by someone else since you opened it. Your edits are kept; review the current content and save again.`;
}

/** A request that may be left out (google.script.run passes nothing, or null). */
const optional = (request: unknown): unknown => (request === undefined || request === null ? {} : request);

/**
 * The canvas as the sheet holds it right now (teammates' direct edits included): the one named by `canvasId`,
 * else the active sheet's canvas, else the first.
 */
export function getCanvas(request?: unknown): CanvasView {
  const req = parseRequest(getCanvasRequestSchema, optional(request), 'canvas request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return canvasView(readCanvasState(spreadsheet, false, req.canvasId), spreadsheet);
}

/** One block as the sheet holds it right now, read when the sidebar opens it so the form never starts stale. */
export function getBlock(request: unknown): BlockView {
  const req = parseRequest(getBlockRequestSchema, request, 'block request');
  return blockView(readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), false, req.canvasId), req.blockId);
}

/** Selects a block's region on its canvas sheet so the user sees what they are editing. */
export function selectBlock(request: unknown): void {
  const req =
    typeof request === 'string'
      ? { blockId: parseRequest(blockIdSchema, request, 'block id'), canvasId: undefined }
      : parseRequest(selectBlockRequestSchema, request, 'select request');
  const id = req.blockId;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = locateCanvas(spreadsheet, false, req.canvasId);
  const named = spreadsheet.getRangeByName(rangeNames.canvasBlock(sheets.instance, id));
  if (named) {
    named.activate();
    return;
  }
  const area = blockArea(readCanvasGrid(sheets.canvas.getDataRange().getValues(), sheets.canvas.getName()).layout, id);
  sheets.canvas.getRange(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns).activate();
}

/**
 * Saves a whole block (entries and figures). If it changed since `version` and the request carries `base` (the
 * content `version` stands for), the teammate's changes and the user's are merged; two different changes to the
 * same entry or figure are refused with the conflict message, and nothing is written.
 */
export function saveBlock(request: unknown): BlockView {
  const req = parseRequest(saveBlockRequestSchema, request, 'save request');
  const mine = { entries: req.entries, figures: req.figures.map(plainFigure) };
  return withDocumentLock(() => {
    const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), true, req.canvasId);
    const current = blockView(state, req.blockId);
    if (current.version === req.version) return replaceBlock(state, current, mine.entries, mine.figures);
    if (!req.base) throw new Error(conflictMessage(req.blockId));
    return mergeIntoBlock(state, current, req.version, req.base, mine);
  });
}

/** Restores a block's embedded content (entries, figures and their sources) if nobody changed it since `version`. */
export function resetBlock(request: unknown): BlockView {
  const req = parseRequest(resetBlockRequestSchema, request, 'reset request');
  const original = CONTENT.blocks.find((b) => b.id === req.blockId)!;
  return withDocumentLock(() => {
    const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), true, req.canvasId);
    const current = blockView(state, req.blockId);
    if (current.version !== req.version) throw new Error(conflictMessage(req.blockId));
    return replaceBlock(state, current, original.entries, original.figures);
  });
}

function replaceBlock(
  state: CanvasState,
  current: BlockView,
  entries: readonly string[],
  figures: readonly SourcedFigure[],
): BlockView {
  const id = current.id;
  if (
    blockVersion(state.sheets.instance, id, entriesAsStored(entries), figuresAsStored(figures.map(plainFigure))) ===
    current.version
  )
    return current; // nothing changed
  writeBlock(state, id, entries, figures);
  // The version returned is the one the next read computes: read back what the sheet now holds.
  return blockView(rereadCanvasState(state), id);
}

/** The three-way merge of base → sheet (the teammate's) and base → request (the user's), written if clean. */
function mergeIntoBlock(
  state: CanvasState,
  current: BlockView,
  version: string,
  base: BlockBase,
  mine: BlockBase,
): BlockView {
  const id = current.id;
  const baseFigures = base.figures.map(plainFigure);
  if (blockVersion(state.sheets.instance, id, base.entries, baseFigures) !== version)
    throw new Error('Invalid save request: base is not the content of version (reopen the block and save again).');
  const merge = mergeBlock({ entries: base.entries, figures: baseFigures }, mine, current, TEXT_BLOCK_KEYS);
  if (merge.conflicts > 0) throw new Error(conflictMessage(id));
  const entries = mergedItems(merge.entries);
  const figures = mergedItems(merge.figures);
  if (entries.length > LIMITS.entries || figures.length > LIMITS.figures)
    throw new Error(
      `Together with a teammate's changes made meanwhile, ${BLOCK_TITLES[id]} would have more than ${LIMITS.entries} entries or ${LIMITS.figures} figures. Nothing was saved; your edits are kept. Delete some and save again.`,
    );
  const saved = replaceBlock(state, current, entries, figures);
  const fromEntries = theirChanges(merge.entries);
  const fromFigures = theirChanges(merge.figures);
  return {
    ...saved,
    merged: true,
    teammateChanges: {
      entries: fromEntries.added,
      figures: fromFigures.added,
      entriesRemoved: fromEntries.removed,
      figuresRemoved: fromFigures.removed.map((f) => f.label),
    },
  };
}
