/**
 * The contract between the server functions and the sidebar client (see issue 3).
 * The client imports these types only, so a renamed server function or field breaks its type check.
 */
import type { BlockId } from './block-ids';
import type { EntryEvidence } from './evidence';

export type { EntryEvidence, EvidenceStatus, Importance } from './evidence';

export interface Figure {
  label: string;
  /**
   * In a view: NaN when the sheet's value cell holds no number (a teammate typed "35 bn", or left it blank); the
   * block's `problems` then name that cell. NaN crosses google.script.run as null.
   */
  value: number;
  unit: string;
  period: string;
  note?: string;
  metric?: string;
}

/** Xiaomi's reported value for a figure's metric and period (computed by the server; never saved). */
export interface ReportedComparison {
  /** In the figure's unit when it converts (see Key Figures' Reported column), else in the reported unit. */
  value: number;
  unit: string;
  period: string;
  /** The announcement it comes from, with its publication date. */
  source: string;
  /** Value ÷ Reported − 1; null when the units do not convert or the reported value is 0. */
  vsReported: number | null;
  /** |vsReported| exceeds the Key Figures tolerance (for a lower bound: vsReported does). */
  differs: boolean;
  /** The figure is a lower bound ("over …"): it differs only when the reported value is below it. */
  atLeast?: true;
  /** What the reported value is where that is not obvious, e.g. "Monthly active users in December 2024: a point-in-time value." */
  note?: string;
}

/**
 * A cell the add-on reads that holds something it cannot use (a teammate typed text, or left a blank, where a number
 * belongs). Everything else keeps working; the sidebar names the cell in plain words ("Xiaomi Details!G8 is not a
 * number: 35 bn") with Go to (selectCell). The next read no longer lists it once the cell is fixed.
 */
export interface CellProblem {
  /** The sheet's name as on its tab. */
  sheet: string;
  /** The cell in A1 notation, e.g. "G8". */
  cell: string;
  /** What the cell holds, as text ("" when blank). */
  found: string;
  /** What belongs there. */
  expected: 'number';
  /** In a BlockView: the position of the figure whose value this cell is (its value is NaN). */
  figure?: number;
  /** In a CanvasView: the Key Figures setting this cell is (CNY→USD rate, or the "differs" tolerance). */
  setting?: 'rate' | 'tolerance';
}

/** A figure as the sidebar receives it: with Xiaomi's reported value when there is one. */
export type FigureView = Figure & { reported?: ReportedComparison };

export interface BlockView {
  id: BlockId;
  title: string;
  /** Opaque token derived from the block's current content in the sheet; changes whenever the content does. */
  version: string;
  entries: string[];
  figures: FigureView[];
  /** Parallel to entries: the ids of the customer segments each entry serves ([] for none; always [] in Customer Segments). */
  links: string[][];
  /** Parallel to entries: what backs each one (Xiaomi's reporting, the template, the team), where, and how much it matters. */
  evidence: EntryEvidence[];
  /** The block's cells that hold what the add-on cannot use (a figure value that is no number); omitted when none. */
  problems?: CellProblem[];
  /** Only on a saveBlock answer that combined the user's edits with a teammate's changes made meanwhile. */
  merged?: true;
  /** With `merged`: what of the saved block came from the teammate. */
  teammateChanges?: TeammateChanges;
}

/** What a merged save took from the teammate (positions are in the returned entries and figures). */
export interface TeammateChanges {
  /** Positions of the entries the teammate added or changed. */
  entries: number[];
  /** Positions of the figures the teammate added or changed. */
  figures: number[];
  /** Entry texts the teammate deleted or changed away. */
  entriesRemoved: string[];
  /** Labels of the figures the teammate deleted or changed away. */
  figuresRemoved: string[];
}

/** A canvas of the spreadsheet: its id (stable across renames, moves and row inserts) and its sheet's name. */
export interface CanvasListing {
  canvasId: string;
  sheetName: string;
}

/** A customer segment: a Customer Segments entry with its stable id and colour. */
export interface SegmentView {
  id: string;
  text: string;
  /** #rrggbb */
  color: string;
}

export interface CanvasView {
  /** The canvas this view shows; send it back with every request so it acts on this canvas, whatever sheet is active. */
  canvasId: string;
  sheetName: string;
  /** Every canvas in the spreadsheet, this one included, in the order they were added. */
  canvases: CanvasListing[];
  blocks: BlockView[];
  /** In the order of the Customer Segments entries. */
  segments: SegmentView[];
  /** Cells of no block that hold what the add-on cannot use (Key Figures' rate or tolerance); omitted when none. */
  problems?: CellProblem[];
}

/** A block's content as the user loaded it (the common ancestor of a three-way merge). */
export interface BlockBase {
  entries: string[];
  figures: Figure[];
  /** The entries' links as loaded (part of the version): omitted for a block without links. */
  links?: string[][];
  /** The entries' evidence as loaded (part of the version); omitted = as the sheet holds it for those entries. */
  evidence?: EntryEvidence[];
}

export interface SaveBlockRequest {
  blockId: string;
  version: string;
  entries: string[];
  figures: Figure[];
  /** The content `version` stands for: with it, a teammate's changes since then are merged instead of refused. */
  base?: BlockBase;
  canvasId?: string;
  /** Optional, parallel to entries; omitted = each entry keeps the links it had (followed across edits and moves). */
  links?: string[][];
  /** Optional, parallel to entries; omitted = each entry keeps its evidence (new entries are assumptions). */
  evidence?: EntryEvidence[];
}

/** One finding of getFitChecks: a plain sentence, and where to go to fix it. */
export interface FitCheckView {
  id: string;
  message: string;
  blockId: BlockId;
  segmentId?: string;
  entryIndex?: number;
}

export interface FitChecksRequest {
  canvasId?: string;
}

export interface SelectEntriesRequest {
  /** Highlights on the canvas every entry linked to this segment (and the segment itself). */
  segmentId: string;
  canvasId?: string;
}

export interface ResetBlockRequest {
  blockId: string;
  version: string;
  canvasId?: string;
}

export interface GetCanvasRequest {
  /** Omitted: the active sheet's canvas, else the first. */
  canvasId?: string;
}

export interface GetBlockRequest {
  blockId: string;
  canvasId?: string;
}

export interface SelectBlockRequest {
  blockId: string;
  canvasId?: string;
}

export interface ExportCanvasRequest {
  canvasId?: string;
}

/** A saved snapshot of the canvas (a row of the "Canvas Snapshots" sheet). */
export interface SnapshotInfo {
  id: string;
  label: string;
  /** ISO 8601 time, e.g. "2025-01-31T09:30:00.000Z". */
  savedAt: string;
  /**
   * How it was taken: "Sidebar", "Menu" or "Before a restore" (older sheets may hold other text there). Not who:
   * Google tells a script its user's email only with an email scope, which the add-on does not ask for.
   */
  savedFrom?: string;
  /** The name the canvas sheet had when the snapshot was taken. */
  canvas?: string;
}

/** A listed snapshot; `damaged` says why it cannot be compared or restored (e.g. its JSON was edited by hand). */
export type SnapshotListItem = SnapshotInfo & { damaged?: string };

export interface SaveSnapshotRequest {
  /** At most 100 characters; a time-stamped label is used when omitted or blank. */
  label?: string;
  canvasId?: string;
}

export interface CompareSnapshotsRequest {
  /** Snapshot id of the older side. */
  from: string;
  /** Snapshot id of the newer side; omitted = the current canvas. */
  to?: string;
  canvasId?: string;
}

export interface RestoreSnapshotRequest {
  id: string;
  canvasId?: string;
}

export interface EntryChange {
  from: string;
  to: string;
}

export interface FigureChange {
  label: string;
  from: number;
  to: number;
  /** (to − from) / |from| × 100, one decimal; null when from is 0 or the unit changed. */
  changePct: number | null;
  /** The unit now. */
  unit: string;
  /** The unit before, only when it changed. */
  fromUnit?: string;
  /** Other fields that changed besides the value: "unit", "period", "note", "metric". */
  otherChanges?: string[];
}

/** An entry whose segments changed: the segments (by name) it now also serves, and those it no longer serves. */
export interface LinkChange {
  entry: string;
  added: string[];
  removed: string[];
}

/** An entry whose evidence changed (status, source or importance). */
export interface EvidenceChange {
  entry: string;
  from: EntryEvidence;
  to: EntryEvidence;
}

/** What changed in one block between two canvases. */
export interface BlockDiff {
  blockId: BlockId;
  title: string;
  /** False when nothing below lists anything. */
  changed: boolean;
  entriesAdded: string[];
  entriesRemoved: string[];
  entriesChanged: EntryChange[];
  figuresChanged: FigureChange[];
  figuresAdded: Figure[];
  figuresRemoved: Figure[];
  /** Present when links changed: entries (on both sides) whose segments changed. */
  linksChanged?: LinkChange[];
  /** Present when evidence changed: entries (on both sides) whose status, source or importance changed. */
  evidenceChanged?: EvidenceChange[];
}

/** Per block, the source sentence of each figure by label (the server keeps a figure's source by its label). */
export type FigureSources = Partial<Record<BlockId, Record<string, string>>>;

/**
 * What the sidebar finds embedded in its HTML when it opens: the canvas (with its figures' source sentences, shown
 * read only under each figure), or why there is none.
 */
export type SidebarBoot = { canvas: CanvasView; sources?: FigureSources } | { error: string };

/** selectCell: a cell to select in the spreadsheet (a CellProblem's `sheet` and `cell`). */
export interface SelectCellRequest {
  sheet: string;
  /** A1 notation of one cell, e.g. "G8". */
  cell: string;
}

/** showNumbers: which canvas's numbers sheet (the one the sidebar shows; else the active sheet's). */
export interface ShowNumbersRequest {
  canvasId?: string;
}

/** Server functions callable through google.script.run, with their argument and result types. */
export interface ServerApi {
  getCanvas(request?: GetCanvasRequest): CanvasView;
  /** One block as the sheet holds it now (opening a block in the sidebar). */
  getBlock(request: GetBlockRequest): BlockView;
  selectBlock(request: string | SelectBlockRequest): void;
  /** Selects one cell of the spreadsheet (Go to a cell a CellProblem names). */
  selectCell(request: SelectCellRequest): void;
  /** Opens the canvas's "Xiaomi in Numbers" sheet (its charts). */
  showNumbers(request?: ShowNumbersRequest): void;
  saveBlock(request: SaveBlockRequest): BlockView;
  resetBlock(request: ResetBlockRequest): BlockView;
  /** What the canvas misses to show which value serves whom. */
  getFitChecks(request?: FitChecksRequest): FitCheckView[];
  /** Selects on the canvas the entries that serve a segment; returns how many were selected. */
  selectSegmentEntries(request: SelectEntriesRequest): number;
  saveSnapshot(request: SaveSnapshotRequest): SnapshotInfo;
  /** Newest first. */
  listSnapshots(): SnapshotListItem[];
  /** All nine blocks in canonical order. */
  compareSnapshots(request: CompareSnapshotsRequest): BlockDiff[];
  /** Saves the current canvas as a snapshot "Before restoring <label>" first. */
  restoreSnapshot(request: RestoreSnapshotRequest): CanvasView;
  /** The canvas as "xiaomi-canvas/3" JSON text. */
  exportCanvasJson(request?: ExportCanvasRequest): string;
  /** Inserts the JSON as a new canvas (never overwrites) and returns it. */
  importCanvasJson(json: string): CanvasView;
}
