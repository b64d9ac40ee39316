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
  /** |vsReported| exceeds the Key Figures tolerance. */
  differs: boolean;
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
}

export interface CanvasView {
  sheetName: string;
  blocks: BlockView[];
}

export interface SaveBlockRequest {
  blockId: string;
  version: string;
  entries: string[];
  figures: Figure[];
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
}

/** What the sidebar finds embedded in its HTML when it opens: the canvas, or why there is none. */
export type SidebarBoot = { canvas: CanvasView } | { error: string };

/** Server functions callable through google.script.run, with their argument and result types. */
export interface ServerApi {
  getCanvas(): CanvasView;
  selectBlock(blockId: string): void;
  saveBlock(request: SaveBlockRequest): BlockView;
  resetBlock(request: ResetBlockRequest): BlockView;
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
