import { BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { blockArea } from '../core/canvas-layout';
import { readCanvasGrid } from '../core/canvas-read';
import { plainFigure } from '../core/figure';
import { rangeNames } from '../core/instance-names';
import { a1Range } from '../core/a1';
import { canvasSegments, shippedLinks } from '../core/canvas-links';
import { checkLinks, normaliseLinks } from '../core/entry-links';
import { fitChecks } from '../core/fit-checks';
import {
  blockIdSchema,
  fitChecksRequestSchema,
  parseRequest,
  resetBlockRequestSchema,
  saveBlockRequestSchema,
  selectSegmentEntriesRequestSchema,
} from '../core/requests';
import { servingCells } from '../core/segment-selection';
import type { BlockView, CanvasView, FitCheckView } from '../core/view';
import { locateCanvas } from './canvas-instance';
import { blockView, canvasView, readCanvasState, type CanvasState } from './canvas-state';
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

/**
 * Saves a whole block (entries, figures and, when given, links) if nobody changed it since `version`. Without
 * links, each entry keeps the links of the entry it continues.
 */
export function saveBlock(request: unknown): BlockView {
  const req = parseRequest(saveBlockRequestSchema, request, 'save request');
  return replaceBlock(req.blockId, req.version, req.entries, req.figures.map(plainFigure), req.links);
}

/** Restores a block's embedded content (entries, figures and their sources) if nobody changed it since `version`. */
export function resetBlock(request: unknown): BlockView {
  const req = parseRequest(resetBlockRequestSchema, request, 'reset request');
  const original = CONTENT.blocks.find((b) => b.id === req.blockId)!;
  // The original entries come back with the links the source text supports, to the segments still there.
  const links = (state: CanvasState) =>
    req.blockId === 'customer-segments'
      ? undefined
      : shippedLinks(CONTENT, req.blockId, {
          entries: state.canvas.entries['customer-segments'],
          ids: state.canvas.segmentIds,
        });
  return replaceBlock(req.blockId, req.version, original.entries, original.figures, links);
}

function replaceBlock(
  id: BlockId,
  version: string,
  entries: readonly string[],
  figures: readonly SourcedFigure[],
  linksOf?: ReadonlyArray<readonly string[]> | ((state: CanvasState) => ReadonlyArray<readonly string[]> | undefined),
): BlockView {
  return withDocumentLock(() => {
    const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), true);
    const current = blockView(state, id);
    if (current.version !== version) throw new Error(conflictMessage(id));
    const links = typeof linksOf === 'function' ? linksOf(state) : linksOf;
    if (links) checkLinks(id, links, entries.length, state.canvas.segmentIds);
    const same =
      sameJson(entries, current.entries) &&
      sameJson(figures.map(plainFigure), current.figures) &&
      (links === undefined || sameJson(normaliseLinks(links, state.canvas.segmentIds), current.links));
    if (same) return current; // nothing changed
    return writeBlock(state, id, entries, figures, links);
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fit checks of the canvas as it stands (teammates' edits included): one plain sentence each. */
export function getFitChecks(request?: unknown): FitCheckView[] {
  parseRequest(fitChecksRequestSchema, request, 'fit checks request');
  const { canvas } = readCanvasState(SpreadsheetApp.getActiveSpreadsheet());
  return fitChecks({
    segments: canvasSegments(canvas.entries, canvas.segmentIds),
    entries: canvas.entries,
    links: canvas.links,
  });
}

/**
 * "Show what serves this segment": selects on the canvas the segment's own entry and every entry linked to it
 * (one range list), so the user sees them in the sheet itself. Returns how many entries serve it.
 */
export function selectSegmentEntries(request: unknown): number {
  const { segmentId } = parseRequest(selectSegmentEntriesRequestSchema, request, 'segment request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { sheets, canvas } = readCanvasState(spreadsheet);
  const at = canvas.segmentIds.indexOf(segmentId);
  if (at < 0) throw new Error('That customer segment no longer exists; reload the sidebar.');
  const cells = servingCells(canvas, segmentId);
  sheets.canvas.getRangeList(cells.map((c) => a1Range(c.row, c.column, 1, 1))).activate();
  return cells.length - 1;
}
