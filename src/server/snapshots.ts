/** Snapshots of the canvas: save, list, compare and restore, stored in the spreadsheet. */
import { BLOCK_IDS, type BlockId } from '../core/block-ids';
import { diffCanvases, type DiffBlock, type DiffCanvas } from '../core/canvas-diff';
import { toCanvasJson, type CanvasLike, type JsonFigure } from '../core/canvas-json';
import { cellText } from '../core/literal';
import { parseOptionalRequest, parseRequest } from '../core/requests';
import {
  SNAPSHOT_COLUMNS,
  SNAPSHOT_HEADER,
  SNAPSHOT_PROTECTION_DESCRIPTION,
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
  snapshotHeaderValues,
  snapshotList,
  snapshotRowValues,
  type StoredSnapshot,
  SAVED_FROM,
  type SavedFrom,
} from '../core/snapshot';
import { blockVersion, versionLinks } from '../core/version';
import type { BlockDiff, BlockView, CanvasView, SnapshotInfo, SnapshotListItem } from '../core/view';
import { blockView, canvasesOf, canvasView, readCanvasState, type CanvasState } from './canvas-state';
import { createNamedRange, freshSheetRange } from './apply-plan';
import { beginWrites } from './write-progress';
import { freeSheetName } from '../core/sheet-names';
import { withDocumentLock } from './lock';
import { writeBlocks, type BlockContent } from './write-block';
import { plainFigure } from '../core/figure';

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
    return toCanvasJson(stateCanvas(state), {}, 0);
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

/** Where a new snapshot row goes, read before any write. */
interface AppendTarget {
  sheet: Sheet | null;
  /** Only when the sheet must be created: the sheet to return to, and the names already taken. */
  create?: { active: Sheet; sheetNames: string[] };
  /** Last used row (1 = header only). */
  lastRow: number;
  maxRows: number;
  maxColumns: number;
  takenIds: Set<string>;
}

function readAppendTarget(
  spreadsheet: Spreadsheet,
  known?: { sheet: Sheet | null; stored: StoredSnapshot[]; lastRow: number },
): AppendTarget {
  const sheet = known ? known.sheet : findSnapshotSheet(spreadsheet);
  if (!sheet) {
    const create = {
      active: spreadsheet.getActiveSheet(),
      sheetNames: spreadsheet.getSheets().map((s) => s.getName()),
    };
    return {
      sheet: null,
      create,
      lastRow: 1,
      // A new sheet's size is not documented: it is made big enough when created (createSnapshotSheet).
      maxRows: 0,
      maxColumns: 0,
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
  return { sheet, lastRow, maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns(), takenIds };
}

/** Creates the snapshot sheet after all other sheets: header, frozen, warning-only protection, findable by name. */
function createSnapshotSheet(
  spreadsheet: Spreadsheet,
  create: { active: Sheet; sheetNames: string[] },
  columns: number,
): Sheet {
  const name = freeSheetName(create.sheetNames, (n) =>
    n === 1 ? SNAPSHOT_SHEET_NAME : `${SNAPSHOT_SHEET_NAME} (${n})`,
  );
  const sheet = spreadsheet.insertSheet(name, create.sheetNames.length);
  freshSheetRange(sheet, 2, Math.max(columns, SNAPSHOT_HEADER.length)); // header and first row fit
  const header = sheet.getRange(1, 1, 1, SNAPSHOT_HEADER.length);
  header.setValues([snapshotHeaderValues()]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, SNAPSHOT_COLUMNS.json - 1, 160);
  sheet
    .getRange(1, SNAPSHOT_COLUMNS.json)
    .setNote(
      'The canvas as "xiaomi-canvas/3" JSON, split over cells F, G, … (a cell holds at most 50,000 characters). Edit with care: a changed cell makes its snapshot unusable.',
    );
  createNamedRange(spreadsheet, SNAPSHOT_RANGE_NAME, header);
  sheet.protect().setWarningOnly(true).setDescription(SNAPSHOT_PROTECTION_DESCRIPTION);
  create.active.activate(); // insertSheet makes the new sheet active; the user stays where they were
  return sheet;
}

/** Appends one snapshot row (creating the sheet first if needed). Writes only; everything was read before. */
function appendSnapshot(spreadsheet: Spreadsheet, target: AppendTarget, info: SnapshotInfo, json: string): void {
  beginWrites();
  const values = snapshotRowValues(info, json);
  const created = target.sheet === null;
  const sheet = target.sheet ?? createSnapshotSheet(spreadsheet, target.create!, values.length);
  if (created) Object.assign(target, { maxRows: 2, maxColumns: Math.max(values.length, SNAPSHOT_HEADER.length) });
  const row = target.lastRow + 1;
  if (row > target.maxRows) sheet.insertRowsAfter(target.maxRows, row - target.maxRows);
  if (values.length > target.maxColumns) sheet.insertColumnsAfter(target.maxColumns, values.length - target.maxColumns);
  sheet.getRange(row, 1, 1, values.length).setValues([values]);
  Object.assign(target, {
    sheet,
    create: undefined,
    lastRow: row,
    maxRows: Math.max(target.maxRows, row),
    maxColumns: Math.max(target.maxColumns, values.length),
  });
  target.takenIds.add(info.id);
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
    appendSnapshot(spreadsheet, target, info, json);
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
    appendSnapshot(spreadsheet, target, info, currentJson);

    const views = new Map<BlockId, BlockView>(BLOCK_IDS.map((id) => [id, blockView(state, id)]));
    const restored = snapshot.canvas;
    const changed: BlockContent[] = restored.blocks
      .filter(
        (b) =>
          blockVersion(
            state.sheets.instance,
            b.id,
            b.entries,
            b.figures.map(plainFigure),
            versionLinks(b.id, b.links, restored.segmentIds),
            b.evidence,
          ) !== views.get(b.id)!.version,
      )
      .map((b) => ({
        id: b.id,
        entries: b.entries,
        figures: b.figures,
        links: b.links,
        evidence: b.evidence,
        ...(b.id === 'customer-segments' ? { segmentIds: restored.segmentIds } : {}),
      }));
    // Links name segments by id: when the segments are restored, so are the links that point at them.
    if (changed.length > 0) for (const view of writeBlocks(state, changed)) views.set(view.id, view);
    const segmentIds = changed.some((b) => b.id === 'customer-segments')
      ? restored.segmentIds
      : state.canvas.segmentIds;
    return canvasView(state, spreadsheet, { canvases, blocks: BLOCK_IDS.map((id) => views.get(id)!), segmentIds });
  });
}
