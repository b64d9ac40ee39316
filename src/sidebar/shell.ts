/** What the views' action classes may use of the app: state, server calls, focus and announcements. */
import type { CanvasView } from '../core/view';
import type { server } from './server';
import type { AppState, Busy } from './state';

/** The server functions the sidebar calls (the promise wrapper over google.script.run, or a test double). */
export type ServerFunctions = typeof server;

/**
 * What a view's actions may use of the sidebar app. The app owns the state, the one render and the status line,
 * so every view moves focus, shows progress and announces results the same way.
 */
export interface SidebarShell {
  readonly state: AppState;
  readonly api: ServerFunctions;
  /** The element to focus after the next render; null keeps focus where it is. */
  focusAfterRender: string | null;
  render(): void;
  /** Puts a message in the status line (a polite live region shown as a snackbar over the page). */
  announce(text: string): void;
  /** Takes the current message away when `isStale` says it stopped being true (Undo offers stay). */
  withdraw(isStale: (text: string) => boolean): void;
  /** Shows `message` with an Undo button that calls `undo`; ('', null) takes the offer away. */
  offerUndo(message: string, undo: (() => void) | null): void;
  /** Marks a call as running and returns where focus should go back once `endCall` ends it. */
  beginCall(busy: Exclude<Busy, null>, message: string): string;
  endCall(returnFocus: string): void;
  /** Refresh, first asking to confirm when the open editor holds unsaved edits. */
  refresh(): void;
  /** Refresh at once: the user has already confirmed (or there was nothing to lose). */
  refreshFromSheet(): Promise<void>;
  backToList(): void;
  /** A restore or an import replaced the canvas: show it in the block list, with no editor open. */
  showNewCanvas(canvas: CanvasView): void;
  /**
   * A restore or an import stopped part-way: read the canvas again and show it in the block list with what happened.
   * Resolves with the words for the view that asked, when reading it again failed too (else null).
   */
  showCanvasAfterPartialWrite(kind: 'restore' | 'import', name: string): Promise<string | null>;
}
