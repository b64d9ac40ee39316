/** The sidebar's functions. Every request is validated before anything is read or written. */
import type { BlockId } from '../core/block-ids';
import { failure, type CodedError } from '../core/failure';
import { mergeBlock, mergedItems, TEXT_BLOCK_KEYS, theirChanges } from '../core/block-merge';
import { blockArea } from '../core/canvas-layout';
import { entriesAsStored, readCanvasGrid } from '../core/canvas-read';
import { figuresAsStored } from '../core/details-read';
import { plainFigure } from '../core/figure';
import { rangeNames, sheetName } from '../core/instance-names';
import { a1Range, quoteSheetName } from '../core/a1';
import { canvasSegments, evidenceFromContent, shippedLinks } from '../core/canvas-links';
import { NEW_ENTRY_EVIDENCE, carryEvidence, sameEvidence, type EntryEvidence } from '../core/evidence';
import { checkLinks, normaliseLinks } from '../core/entry-links';
import { fitChecks } from '../core/fit-checks';
import { mergeEvidence, mergeLinks } from '../core/link-merge';
import {
  blockIdSchema,
  evidenceItems,
  fitChecksRequestSchema,
  getBlockRequestSchema,
  getCanvasRequestSchema,
  parseOptionalRequest,
  parseRequest,
  resetBlockRequestSchema,
  saveBlockRequestSchema,
  selectBlockRequestSchema,
  selectCellRequestSchema,
  showNumbersRequestSchema,
  selectSegmentEntriesRequestSchema,
} from '../core/requests';
import { LIMITS } from '../core/limits';
import { servingCells } from '../core/segment-selection';
import { blockVersion, versionWithoutEvidence } from '../core/version';
import type { BlockBase, BlockView, CanvasView, FitCheckView } from '../core/view';
import { locateCanvas } from './canvas-instance';
import { blockView, canvasView, readCanvasState, rereadCanvasState, type CanvasState } from './canvas-state';
import { content } from './content';
import { withDocumentLock } from './lock';
import { writeBlock, type SourcedFigure } from './write-block';

/** The block changed in the sheet since the sidebar read it, and the change cannot be merged. */
function conflict(blockId: BlockId): CodedError {
  return failure({ code: 'conflict', blockId });
}

/**
 * The canvas as the sheet holds it right now (teammates' direct edits included): the one named by `canvasId`,
 * else the active sheet's canvas, else the first.
 */
export function getCanvas(request?: unknown): CanvasView {
  const req = parseOptionalRequest(getCanvasRequestSchema, request, 'canvas request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return canvasView(readCanvasState(spreadsheet, { canvasId: req.canvasId }), spreadsheet);
}

/** One block as the sheet holds it right now, read when the sidebar opens it so the form never starts stale. */
export function getBlock(request: unknown): BlockView {
  const req = parseRequest(getBlockRequestSchema, request, 'block request');
  return blockView(readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), { canvasId: req.canvasId }), req.blockId);
}

/** Selects a block's region on its canvas sheet so the user sees what they are editing. */
export function selectBlock(request: unknown): void {
  const req =
    typeof request === 'string'
      ? { blockId: parseRequest(blockIdSchema, request, 'block id'), canvasId: undefined }
      : parseRequest(selectBlockRequestSchema, request, 'select request');
  const id = req.blockId;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = locateCanvas(spreadsheet, { canvasId: req.canvasId });
  const named = spreadsheet.getRangeByName(rangeNames.canvasBlock(sheets.instance, id));
  if (named) {
    named.activate();
    return;
  }
  const area = blockArea(readCanvasGrid(sheets.canvas.getDataRange().getValues(), sheets.canvas.getName()).layout, id);
  sheets.canvas.getRange(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns).activate();
}

/**
 * Go to a cell a CellProblem names (say, a figure value a teammate typed as text): selects it on its sheet. A sheet
 * renamed or deleted since the read fails, and the sidebar says so in its own words.
 */
export function selectCell(request: unknown): void {
  const { sheet, cell } = parseRequest(selectCellRequestSchema, request, 'cell request');
  SpreadsheetApp.getActiveSpreadsheet()
    .getRange(`${quoteSheetName(sheet)}!${cell}`)
    .activate();
}

/**
 * Opens the canvas's "Xiaomi in Numbers" sheet, found by its name. When it was deleted, says
 * how to get it back in one plain line; Refresh Key Figures rebuilds it.
 */
export function showNumbers(request?: unknown): void {
  const req = parseOptionalRequest(showNumbersRequestSchema, request, 'numbers request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { instance } = locateCanvas(spreadsheet, { canvasId: req.canvasId });
  const sheet = spreadsheet.getSheetByName(sheetName('numbers', instance));
  if (!sheet)
    throw new Error(
      'The "Xiaomi in Numbers" sheet of this canvas was deleted. Use Extensions › Xiaomi Canvas › Refresh Key Figures to rebuild it.',
    );
  sheet.activate();
}

/**
 * Saves a whole block (entries, figures and, when given, links). If it changed since `version` and the request
 * carries `base` (the content `version` stands for), the teammate's changes and the user's are merged; two
 * different changes to the same entry, figure or entry's links are refused with the conflict message, and nothing
 * is written. Without links, each entry keeps the links of the entry it continues.
 */
export function saveBlock(request: unknown): BlockView {
  const req = parseRequest(saveBlockRequestSchema, request, 'save request');
  const mine = { entries: req.entries, figures: req.figures.map(plainFigure) };
  const evidence = req.evidence && evidenceItems(req.evidence);
  const base = req.base && { ...req.base, evidence: req.base.evidence && evidenceItems(req.base.evidence) };
  return withDocumentLock(() => {
    const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), { canvasId: req.canvasId, keyFigures: true });
    const current = blockView(state, req.blockId);
    if (current.version === req.version)
      return replaceBlock(state, current, mine.entries, mine.figures, req.links, evidence);
    if (!base) throw conflict(req.blockId);
    return mergeIntoBlock(state, current, req.version, base, mine, req.links, evidence);
  });
}

/** Restores a block's embedded content (entries, figures and their sources) if nobody changed it since `version`. */
export function resetBlock(request: unknown): BlockView {
  const req = parseRequest(resetBlockRequestSchema, request, 'reset request');
  const original = content().blocks.find((b) => b.id === req.blockId)!;
  return withDocumentLock(() => {
    const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), { canvasId: req.canvasId, keyFigures: true });
    const current = blockView(state, req.blockId);
    if (current.version !== req.version) throw conflict(req.blockId);
    // The original entries come back with the links the source text supports, to the segments still there.
    const links =
      req.blockId === 'customer-segments'
        ? undefined
        : shippedLinks(content(), req.blockId, {
            entries: state.canvas.entries['customer-segments'],
            ids: state.canvas.segmentIds,
          });
    // ... and with the evidence they shipped with.
    return replaceBlock(
      state,
      current,
      original.entries,
      original.figures,
      links,
      evidenceFromContent(content())[req.blockId],
    );
  });
}

function replaceBlock(
  state: CanvasState,
  current: BlockView,
  entries: readonly string[],
  figures: readonly SourcedFigure[],
  links?: ReadonlyArray<readonly string[]>,
  evidence?: readonly EntryEvidence[],
): BlockView {
  const id = current.id;
  if (links) checkLinks(id, links, entries.length, state.canvas.segmentIds);
  const same =
    sameJson(entriesAsStored(entries), current.entries) &&
    sameJson(figuresAsStored(figures.map(plainFigure)), current.figures.map(plainFigure)) &&
    (links === undefined || sameJson(normaliseLinks(links, state.canvas.segmentIds), current.links)) &&
    (evidence === undefined || evidence.every((e, i) => sameEvidence(e, current.evidence[i])));
  if (same) return current; // nothing changed
  writeBlock(state, id, entries, figures, links, evidence);
  // The version returned is the one the next read computes: read back what the sheet now holds.
  return blockView(rereadCanvasState(state), id);
}

/**
 * The three-way merge of base → sheet (the teammate's) and base → request (the user's), written if clean. Links
 * ride with their entry's text and are merged per entry the same way (see link-merge.ts).
 */
function mergeIntoBlock(
  state: CanvasState,
  current: BlockView,
  version: string,
  base: BlockBase,
  mine: BlockBase,
  myLinks: ReadonlyArray<readonly string[]> | undefined,
  myEvidence: readonly EntryEvidence[] | undefined,
): BlockView {
  const id = current.id;
  const baseFigures = base.figures.map(plainFigure);
  const baseLinks = base.links ?? base.entries.map((): string[] => []);
  // A base without evidence (a client that does not send it) is checked without it, and stands for the evidence
  // the sheet still has for those entries.
  const baseEvidence = base.evidence ?? carryEvidence(current.entries, current.evidence, base.entries);
  const baseVersion = blockVersion(state.sheets.instance, id, base.entries, baseFigures, baseLinks, baseEvidence);
  if (
    base.evidence ? baseVersion !== version : versionWithoutEvidence(baseVersion) !== versionWithoutEvidence(version)
  ) {
    // Customer Segments' version covers the segments' ids, which the sidebar does not hold: when they changed
    // meanwhile, refuse as a conflict (nothing lost) rather than call the request invalid.
    if (id === 'customer-segments') throw conflict(id);
    throw failure({
      code: 'invalid-request',
      what: 'save request',
      detail: 'base is not the content of version (reopen the block and save again)',
    });
  }
  const merge = mergeBlock({ entries: base.entries, figures: baseFigures }, mine, current, TEXT_BLOCK_KEYS);
  if (merge.conflicts > 0) throw conflict(id);
  const entries = mergedItems(merge.entries);
  const figures = mergedItems(merge.figures);
  if (entries.length > LIMITS.entries || figures.length > LIMITS.figures)
    throw failure({ code: 'over-limits', blockId: id });
  // Without links from the user, each entry keeps the links the sheet has for it (carried by writeBlock).
  const links =
    id === 'customer-segments' || myLinks === undefined
      ? undefined
      : mergeLinks(
          entries,
          { entries: base.entries, links: baseLinks },
          { entries: mine.entries, links: myLinks },
          { entries: current.entries, links: current.links },
        );
  if (links === null) throw conflict(id);
  // Evidence merges per entry the same way; without the user's, each entry keeps the sheet's (or base's) evidence.
  const evidence = mergeEvidence(
    entries,
    { entries: base.entries, items: baseEvidence },
    { entries: mine.entries, items: myEvidence ?? carryEvidence(base.entries, baseEvidence, mine.entries) },
    { entries: current.entries, items: current.evidence },
    NEW_ENTRY_EVIDENCE,
  );
  if (evidence === null) throw conflict(id);
  const saved = replaceBlock(state, current, entries, figures, links, evidence);
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

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fit checks of the canvas as it stands (teammates' edits included): one plain sentence each. */
export function getFitChecks(request?: unknown): FitCheckView[] {
  const req = parseOptionalRequest(fitChecksRequestSchema, request, 'fit checks request');
  const { canvas } = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), { canvasId: req.canvasId });
  return fitChecks({
    segments: canvasSegments(canvas.entries, canvas.segmentIds),
    entries: canvas.entries,
    links: canvas.links,
    evidence: canvas.evidence,
  });
}

/**
 * "Show what serves this segment": selects on the canvas the segment's own entry and every entry linked to it
 * (one range list), so the user sees them in the sheet itself. Returns how many entries serve it.
 */
export function selectSegmentEntries(request: unknown): number {
  const { segmentId, canvasId } = parseRequest(selectSegmentEntriesRequestSchema, request, 'segment request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { sheets, canvas } = readCanvasState(spreadsheet, { canvasId });
  if (!canvas.segmentIds.includes(segmentId))
    throw new Error('That customer segment no longer exists; reload the sidebar.');
  const cells = servingCells(canvas, segmentId);
  sheets.canvas.getRangeList(cells.map((c) => a1Range(c.row, c.column, 1, 1))).activate();
  return cells.length - 1;
}
