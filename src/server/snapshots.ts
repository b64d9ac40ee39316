/** Snapshots of the canvas: save, list, compare and restore, stored in the spreadsheet. */
import { BLOCK_IDS, type BlockId } from '../core/block-ids';
import { diffCanvases, type DiffBlock, type DiffCanvas } from '../core/canvas-diff';
import { toCanvasJson, type CanvasLike, type JsonFigure } from '../core/canvas-json';
import { cellText } from '../core/literal';
import { parseOptionalRequest, parseRequest } from '../core/requests';
import {
  SNAPSHOT_HEADER,
  SNAPSHOT_RANGE_NAME,
  SNAPSHOT_SHEET_NAME,
  beforeRestoreLabel,
  compareSnapshotsRequestSchema,
  defaultSnapshotLabel,
  findSnapshot,
  newSnapshotId,
  readSnapshotRows,
  restoreSnapshotRequestSchema,
  saveSnapshotRequestSchema,
  snapshotList,
  type StoredSnapshot,
  SAVED_FROM,
  type SavedFrom,
} from '../core/snapshot';
import {
  planRestoreBlocks,
  planSnapshotAppend,
  segmentIdsAfterRestore,
  type NewSnapshotSheet,
  type SnapshotAppendPlan,
  type SnapshotSheetRead,
} from '../core/snapshot-plan';
import type { BlockDiff, BlockView, CanvasView, SnapshotInfo, SnapshotListItem } from '../core/view';
import { blockView, canvasesOf, canvasView, readCanvasState, type CanvasState } from './canvas-state';
import { createNamedRange, freshSheetRange } from './apply-plan';
import { beginWrites } from './write-progress';
import { withDocumentLock } from './lock';
import { writeBlocks } from './write-block';
import { readNumbersFormulas } from './numbers-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Snapshots of the canvas, stored in the spreadsheet (sheet "Canvas Snapshots", see src/core/snapshot.ts), so they
 * travel with the file and every teammate sees them. Every request is validated before anything is read or
 * written; writes run under the document lock and read everything before the first write (one round trip).
 */

/** The canvas of a state with every figure's source, as the JSON format holds it. */
export function stateCanvas(state: CanvasState): CanvasLike {
  return {
    segmentIds: state.canvas.segmentIds,
    blocks: BLOCK_IDS.map((id) => ({
      id,
      entries: state.canvas.entries[id],
      figures: state.details[id].figures.map((f): JsonFigure => ({ ...f.figure, source: f.source })),
      links: state.canvas.links[id],
      evidence: state.canvas.evidence[id],
    })),
  };
}

/** The canvas of a state as compact, validated "xiaomi-canvas/3" JSON, or a plain-words error for `purpose`. */
function canvasJsonOf(state: CanvasState, purpose: string): string {
  try {
    return toCanvasJson(stateCanvas(state), { compact: true });
  } catch (error) {
    throw new Error(
      (error as Error).message.replace(/^The canvas cannot be saved as JSON:/, `The canvas cannot be ${purpose}:`),
    );
  }
}

/** The snapshot sheet: by its named range (robust to renames), else by name if it carries the snapshot header. */
function findSnapshotSheet(spreadsheet: Spreadsheet): Sheet | null {
  const named = spreadsheet.getRangeByName(SNAPSHOT_RANGE_NAME);
  if (named) return named.getSheet();
  const byName = spreadsheet.getSheetByName(SNAPSHOT_SHEET_NAME);
  if (byName && isSnapshotHeader(byName.getRange(1, 1, 1, 2).getValues()[0])) return byName;
  return null;
}

function isSnapshotHeader(cells: readonly unknown[]): boolean {
  return cellText(cells[0]) === SNAPSHOT_HEADER[0] && cellText(cells[1]) === SNAPSHOT_HEADER[1];
}

/** Every snapshot row of the sheet, and the last used row (one read). */
function readStored(sheet: Sheet | null): { stored: StoredSnapshot[]; lastRow: number } {
  if (!sheet) return { stored: [], lastRow: 1 };
  const values = sheet.getDataRange().getValues();
  return { stored: readSnapshotRows(values), lastRow: values.length };
}

/** The snapshot sheet as read before any write (see core/snapshot-plan.ts), with the ids already taken. */
interface AppendRead {
  sheet: Sheet | null;
  read: SnapshotSheetRead;
  /** Only when the sheet must be created: the sheet to return to after insertSheet. */
  active: Sheet | null;
  takenIds: Set<string>;
}

function readAppendTarget(
  spreadsheet: Spreadsheet,
  known?: { sheet: Sheet | null; stored: StoredSnapshot[]; lastRow: number },
): AppendRead {
  const sheet = known ? known.sheet : findSnapshotSheet(spreadsheet);
  if (!sheet) {
    const sheetNames = spreadsheet.getSheets().map((s) => s.getName());
    return {
      sheet: null,
      read: { exists: false, sheetNames },
      active: spreadsheet.getActiveSheet(),
      takenIds: new Set(),
    };
  }
  const lastRow = Math.max(known ? known.lastRow : sheet.getLastRow(), 1);
  const takenIds = known
    ? new Set(known.stored.map((s) => s.info.id))
    : new Set(
        lastRow > 1
          ? sheet
              .getRange(2, 1, lastRow - 1, 1)
              .getValues()
              .map((r) => cellText(r[0]))
          : [],
      );
  const read: SnapshotSheetRead = {
    exists: true,
    lastRow,
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
  };
  return { sheet, read, active: null, takenIds };
}

/** Creates the snapshot sheet the plan describes: header, frozen, warning-only protection, findable by name. */
function createSnapshotSheet(spreadsheet: Spreadsheet, create: NewSnapshotSheet, active: Sheet | null): Sheet {
  const sheet = spreadsheet.insertSheet(create.name, create.index);
  freshSheetRange(sheet, create.rows, create.columns); // a new sheet's size is not documented: grown if needed
  const header = sheet.getRange(1, 1, 1, create.header.length);
  header.setValues([create.header]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, create.labelColumns.count, create.labelColumns.width);
  sheet.getRange(1, create.note.column).setNote(create.note.text);
  createNamedRange(spreadsheet, create.rangeName, header);
  sheet.protect().setWarningOnly(true).setDescription(create.protection);
  active?.activate(); // insertSheet makes the new sheet active; the user stays where they were
  return sheet;
}

/** Applies an append plan in one pass: writes only, everything was read before. */
function applySnapshotAppend(spreadsheet: Spreadsheet, target: AppendRead, plan: SnapshotAppendPlan): void {
  beginWrites();
  const sheet = plan.create ? createSnapshotSheet(spreadsheet, plan.create, target.active) : target.sheet!;
  if (plan.insertRows) sheet.insertRowsAfter(plan.insertRows.after, plan.insertRows.count);
  if (plan.insertColumns) sheet.insertColumnsAfter(plan.insertColumns.after, plan.insertColumns.count);
  sheet.getRange(plan.row, 1, 1, plan.values.length).setValues([plan.values]);
}

/**
 * The time in the spreadsheet's time zone (File › Settings), the nearest the server gets to the user's own clock;
 * the sidebar names its snapshots in the browser's time zone itself. Asked only when a label is needed.
 */
function spreadsheetClock(date: Date): string {
  const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return `${Utilities.formatDate(date, zone, 'yyyy-MM-dd HH:mm')} (${zone})`;
}

function snapshotInfo(
  label: string | undefined,
  canvasName: string,
  takenIds: ReadonlySet<string>,
  now: Date,
  from: SavedFrom,
): SnapshotInfo {
  return {
    id: newSnapshotId(now, takenIds),
    label: label && label.trim() !== '' ? label.trim() : defaultSnapshotLabel(now, spreadsheetClock),
    savedAt: now.toISOString(),
    savedFrom: SAVED_FROM[from],
    canvas: canvasName,
  };
}

/** Saves the current canvas as a snapshot (from the sidebar, or `from` the menu); returns what was saved. */
export function saveSnapshot(request?: unknown, from: SavedFrom = 'sidebar'): SnapshotInfo {
  const req = parseOptionalRequest(saveSnapshotRequestSchema, request, 'snapshot request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(() => {
    const state = readCanvasState(spreadsheet, { canvasId: req.canvasId });
    const json = canvasJsonOf(state, 'saved as a snapshot');
    const target = readAppendTarget(spreadsheet);
    const info = snapshotInfo(req.label, state.canvasName, target.takenIds, new Date(), from);
    applySnapshotAppend(spreadsheet, target, planSnapshotAppend(target.read, info, json));
    return info;
  });
}

/** Every snapshot, newest first; a row damaged by hand is listed with the reason and never breaks the list. */
export function listSnapshots(): SnapshotListItem[] {
  return snapshotList(readStored(findSnapshotSheet(SpreadsheetApp.getActiveSpreadsheet())).stored);
}

/** Block-by-block differences from snapshot `from` to snapshot `to` (or to the current canvas). */
export function compareSnapshots(request: unknown): BlockDiff[] {
  const req = parseRequest(compareSnapshotsRequestSchema, request, 'compare request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { stored } = readStored(findSnapshotSheet(spreadsheet));
  const from = findSnapshot(stored, req.from);
  const to: DiffCanvas =
    req.to !== undefined
      ? findSnapshot(stored, req.to).canvas
      : currentDiffCanvas(readCanvasState(spreadsheet, { canvasId: req.canvasId }));
  return diffCanvases(from.canvas, to);
}

function currentDiffCanvas(state: CanvasState): { blocks: DiffBlock[]; segmentIds: string[] } {
  return {
    segmentIds: state.canvas.segmentIds,
    blocks: BLOCK_IDS.map((id) => ({
      id,
      entries: state.canvas.entries[id],
      figures: state.details[id].figures.map((f) => f.figure),
      links: state.canvas.links[id],
      evidence: state.canvas.evidence[id],
    })),
  };
}

/**
 * Restores a snapshot into the current canvas. Under the lock, and before anything is written: reads the canvas
 * and the snapshots, checks the snapshot, and serialises the current canvas; then saves that as the snapshot
 * "Before restoring <label>" (so a restore can be undone), writes the blocks that differ through the same path as
 * saveBlock, and returns the canvas as it now is.
 */
export function restoreSnapshot(request: unknown): CanvasView {
  const req = parseRequest(restoreSnapshotRequestSchema, request, 'restore request');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(() => {
    const state = readCanvasState(spreadsheet, { canvasId: req.canvasId, keyFigures: true });
    const canvases = canvasesOf(state, spreadsheet);
    const sheet = findSnapshotSheet(spreadsheet);
    const { stored, lastRow } = readStored(sheet);
    const snapshot = findSnapshot(stored, req.id);
    const currentJson = canvasJsonOf(state, 'saved as a snapshot before restoring, so the restore was not done');
    const target = readAppendTarget(spreadsheet, { sheet, stored, lastRow });

    const info = snapshotInfo(
      beforeRestoreLabel(snapshot.info.label || snapshot.info.id),
      state.canvasName,
      target.takenIds,
      new Date(),
      'restore',
    );
    const views = new Map<BlockId, BlockView>(BLOCK_IDS.map((id) => [id, blockView(state, id)]));
    const versions = Object.fromEntries(BLOCK_IDS.map((id) => [id, views.get(id)!.version])) as Record<BlockId, string>;
    // The whole change is planned before the first write: the "Before restoring" snapshot, then the blocks.
    const append = planSnapshotAppend(target.read, info, currentJson);
    const blocks = planRestoreBlocks(state.sheets.instance, versions, snapshot.canvas);
    // Read before the snapshot is written, for the blocks' write (one round trip in all).
    const numbers = blocks.length > 0 ? readNumbersFormulas(spreadsheet, state.sheets.instance) : null;
    applySnapshotAppend(spreadsheet, target, append);
    if (blocks.length > 0) for (const view of writeBlocks(state, blocks, numbers)) views.set(view.id, view);
    const segmentIds = segmentIdsAfterRestore(blocks, snapshot.canvas, state.canvas.segmentIds);
    return canvasView(state, spreadsheet, { canvases, blocks: BLOCK_IDS.map((id) => views.get(id)!), segmentIds });
  });
}
