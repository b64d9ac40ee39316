/** The sidebar's state: which view, the canvas, the editor and what is busy. */
import type { BlockId } from '../core/block-ids';
import type { BlockDiff, BlockView, CanvasView, FigureSources, FitCheckView, SnapshotListItem } from '../core/view';
import type { MergeConflict } from './conflict';
import type { BlockDraft, EntryDraft, FigureDraft, ValidationIssue } from './draft';

/** What the sidebar is doing with the server right now; at most one call at a time. */
export type Busy =
  | 'opening'
  | 'saving'
  | 'resetting'
  | 'refreshing'
  | 'loadingSnapshots'
  | 'savingSnapshot'
  | 'comparing'
  | 'restoring'
  | 'exporting'
  | 'importing'
  | 'checkingFit'
  | null;

/** The sidebar's views: the block list, one block's editor, snapshots, a comparison, and JSON export/import. */
export type View = 'list' | 'editor' | 'snapshots' | 'compare' | 'transfer' | 'assumptions';

/** An inline confirmation the editor is asking for (Apps Script sidebars may block window.confirm). */
export type ConfirmKind = 'reset' | 'refresh' | 'leave';

/** A save that found the same items changed in the sheet (see conflict.ts). */
export type Conflict = MergeConflict;

export interface EditorState {
  blockId: BlockId;
  /** The block as last read from the server: its version goes with the next save. */
  base: BlockView;
  draft: BlockDraft;
  issues: ValidationIssue[];
  error: string | null;
  /** A non-blocking problem, e.g. the block could not be selected on the sheet. */
  notice: string | null;
  confirm: ConfirmKind | null;
  conflict: Conflict | null;
  /** Keys of the figures shown open for editing (the others are one-line rows). */
  expanded: string[];
  /** Key of the entry whose actions (move, delete) are shown, if any. */
  entryActions: string | null;
  /** The last deletion, which Undo puts back where it was. */
  undo: DeletedItem | null;
  /** Keys of the entries whose segment picker is open. */
  openPickers?: string[];
  /** Keys of the entries whose evidence chip is open. */
  openEvidence?: string[];
  /** The entries filter: only those that need evidence (not reported by Xiaomi). */
  unverifiedOnly?: boolean;
  /**
   * A save stopped part-way and the block was read again: `base` is what the sheet holds now (shown above the form),
   * the draft still holds the user's edits, and the next Save writes exactly the draft.
   */
  interrupted?: boolean;
}

/** An entry or figure the user deleted, with its place, until Undo or the next change. */
export type DeletedItem =
  { kind: 'entry'; index: number; item: EntryDraft } | { kind: 'figure'; index: number; item: FigureDraft };

export interface AppState {
  canvas: CanvasView | null;
  /** The figures' source sentences embedded with the page (shown read only under each figure). */
  sources?: FigureSources;
  view: View;
  listError: string | null;
  editor: EditorState | null;
  busy: Busy;
  /** The Snapshots view (kept while a comparison is shown, so Back returns to it as it was). */
  snapshots?: SnapshotsState | null;
  compare?: CompareState | null;
  transfer?: TransferState | null;
  /** The list view's fit checks and "show what serves" filter. */
  fit?: FitState | null;
}

export interface FitState {
  /** null until the user asked for them. */
  checks: FitCheckView[] | null;
  error: string | null;
  /** The segment picked in "Show what serves" ('' for none). */
  serving: string;
}

export interface SnapshotsState {
  /** Newest first; null until listSnapshots has answered. */
  items: SnapshotListItem[] | null;
  /** What the user typed in the label field (the view is not re-rendered while they type). */
  label: string;
  error: string | null;
  /** The snapshot whose row shows `error` (a failed Compare or Restore of that row); null: above the list. */
  errorAt: string | null;
  /** The snapshot whose Restore is waiting for the user's confirmation. */
  confirmRestore: string | null;
  /** The two snapshots chosen for "Compare two snapshots"; `to` '' is the current canvas. */
  compareFrom: string;
  compareTo: string;
  /** The snapshot saved last from this sidebar, marked in the list. */
  justSaved: string | null;
  /** The id of the button whose call is running (it shows the progress label). */
  pending: string | null;
}

export interface CompareState {
  from: SnapshotListItem;
  /** null: the current canvas. */
  to: SnapshotListItem | null;
  diffs: BlockDiff[];
  /** The element Back returns focus to (the button that opened the comparison). */
  returnFocus: string;
}

export interface TransferState {
  /** The exported "xiaomi-canvas/3" text, shown for copying when downloads are blocked. */
  exportJson: string | null;
  fileName: string;
  /** An object URL of the exported file, revoked when a new export replaces it or the view closes. */
  downloadUrl: string | null;
  exportError: string | null;
  importError: string | null;
}

export const BUSY_LABELS: Record<Exclude<Busy, null>, string> = {
  opening: 'Opening…',
  saving: 'Saving…',
  resetting: 'Resetting…',
  refreshing: 'Refreshing…',
  loadingSnapshots: 'Loading…',
  savingSnapshot: 'Saving…',
  comparing: 'Comparing…',
  restoring: 'Restoring…',
  exporting: 'Preparing…',
  importing: 'Opening…',
  checkingFit: 'Checking…',
};
