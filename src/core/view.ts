import type { BlockId } from './block-ids';

/**
 * The contract between the server functions and the sidebar client (see issue 3).
 * The client imports these types only, so a renamed server function or field breaks its type check.
 */

export interface Figure {
  label: string;
  value: number;
  unit: string;
  period: string;
  note?: string;
  metric?: string;
}

export interface BlockView {
  id: BlockId;
  title: string;
  /** Opaque token derived from the block's current content in the sheet; changes whenever the content does. */
  version: string;
  entries: string[];
  figures: Figure[];
  /** Parallel to entries: the ids of the customer segments each entry serves ([] for none; always [] in Customer Segments). */
  links: string[][];
}

/** A customer segment: a Customer Segments entry with its stable id and colour. */
export interface SegmentView {
  id: string;
  text: string;
  /** #rrggbb */
  color: string;
}

export interface CanvasView {
  sheetName: string;
  blocks: BlockView[];
  /** In the order of the Customer Segments entries. */
  segments: SegmentView[];
}

export interface SaveBlockRequest {
  blockId: string;
  version: string;
  entries: string[];
  figures: Figure[];
  /** Optional, parallel to entries; omitted = each entry keeps the links it had (followed across edits and moves). */
  links?: string[][];
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
}

export interface ResetBlockRequest {
  blockId: string;
  version: string;
}

/** A saved snapshot of the canvas (a row of the "Canvas Snapshots" sheet). */
export interface SnapshotInfo {
  id: string;
  label: string;
  /** ISO 8601 time, e.g. "2025-01-31T09:30:00.000Z". */
  savedAt: string;
  /** Who saved it, when Google tells the add-on (it does not without an email scope). */
  savedBy?: string;
  /** The name the canvas sheet had when the snapshot was taken. */
  canvas?: string;
}

/** A listed snapshot; `damaged` says why it cannot be compared or restored (e.g. its JSON was edited by hand). */
export type SnapshotListItem = SnapshotInfo & { damaged?: string };

export interface SaveSnapshotRequest {
  /** At most 100 characters; a time-stamped label is used when omitted or blank. */
  label?: string;
}

export interface CompareSnapshotsRequest {
  /** Snapshot id of the older side. */
  from: string;
  /** Snapshot id of the newer side; omitted = the current canvas. */
  to?: string;
}

export interface RestoreSnapshotRequest {
  id: string;
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
}

/** What the sidebar finds embedded in its HTML when it opens: the canvas, or why there is none. */
export type SidebarBoot = { canvas: CanvasView } | { error: string };

/** Server functions callable through google.script.run, with their argument and result types. */
export interface ServerApi {
  getCanvas(): CanvasView;
  selectBlock(blockId: string): void;
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
  /** The canvas as "xiaomi-canvas/1" JSON text. */
  exportCanvasJson(): string;
  /** Inserts the JSON as a new canvas (never overwrites) and returns it. */
  importCanvasJson(json: string): CanvasView;
}
