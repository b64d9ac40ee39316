import type { BlockId } from '../core/block-ids';
import type { BlockView, CanvasView } from '../core/view';
import type { BlockDraft, ValidationIssue } from './draft';

/** What the sidebar is doing with the server right now; at most one call at a time. */
export type Busy = 'saving' | 'resetting' | 'refreshing' | null;

/** An inline confirmation the editor is asking for (Apps Script sidebars may block window.confirm). */
export type ConfirmKind = 'reset' | 'refresh' | 'leave';

/** A save or reset that found the block changed in the sheet: what the sheet holds now. */
export interface Conflict {
  message: string;
  sheet: BlockView;
}

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
}

export interface AppState {
  canvas: CanvasView | null;
  view: 'list' | 'editor';
  listError: string | null;
  editor: EditorState | null;
  busy: Busy;
}

export const BUSY_LABELS: Record<Exclude<Busy, null>, string> = {
  saving: 'Saving…',
  resetting: 'Resetting…',
  refreshing: 'Refreshing…',
};
