import type { BlockId } from '../core/block-ids';
import type { CanvasView, FitCheckView } from '../core/view';
import { FitViewActions } from './fit-actions';
import { isCanvasView, type BootState } from './boot';
import { isDirty } from './draft';
import { EditorViewActions, findBlock, newEditor } from './editor-actions';
import { renderTransfer, revokeDownloadUrl, transferIds } from './json-transfer';
import { compareIds, renderCompare } from './render-compare';
import { editorIds, renderEditor } from './render-editor';
import { listIds, renderList, type ListActions } from './render-list';
import { renderSnapshots, snapshotIds } from './render-snapshots';
import { errorMessage, server } from './server';
import type { ServerFunctions, SidebarShell } from './shell';
import { SnapshotViewActions } from './snapshot-actions';
import type { AppState, Busy, View } from './state';
import { TransferViewActions } from './transfer-actions';

/** How long a status message ("Saved Key Activities.") stays on screen. */
const STATUS_SECONDS = 8;

function activeElementId(): string {
  const active = document.activeElement as HTMLElement | null;
  return active && active !== document.body ? active.id : '';
}

/**
 * The sidebar controller: holds the state, re-renders the view after each change, and talks to the server.
 * Typing only updates the draft (never re-renders), so focus, caret and IME composition are left alone.
 * The block list is handled here; each other view's actions live in their own module and go through this shell.
 */
export class SidebarApp implements SidebarShell, ListActions {
  readonly state: AppState = { canvas: null, view: 'list', listError: null, editor: null, busy: null };
  focusAfterRender: string | null = null;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly editorActions = new EditorViewActions(this);
  private readonly snapshotActions = new SnapshotViewActions(this);
  private readonly transferActions = new TransferViewActions(this);
  private readonly fitActions = new FitViewActions(this, this.editorActions);

  constructor(
    private readonly root: HTMLElement,
    private readonly status: HTMLElement,
    readonly api: ServerFunctions = server,
  ) {}

  /** Paints the first view from the canvas embedded in the page; asks the server only if none was embedded. */
  start(boot: BootState): void {
    if (boot.kind === 'canvas') this.state.canvas = boot.canvas;
    if (boot.kind === 'error') this.state.listError = boot.message;
    this.render();
    if (boot.kind === 'none') void this.refreshFromSheet();
  }

  // ----- rendering -------------------------------------------------------------------------------------

  render(): void {
    const activeId = activeElementId();
    const active = activeId
      ? (document.getElementById(activeId) as HTMLInputElement | HTMLTextAreaElement | null)
      : null;
    const selection =
      active && 'selectionStart' in active && typeof active.selectionStart === 'number'
        ? { start: active.selectionStart, end: active.selectionEnd ?? active.selectionStart }
        : null;
    const scrollY = window.scrollY;

    this.root.replaceChildren(this.renderView());

    const explicit = this.focusAfterRender;
    this.focusAfterRender = null;
    window.scrollTo(0, scrollY);
    const targetId = explicit ?? activeId;
    const target = targetId ? document.getElementById(targetId) : null;
    if (!target) return;
    target.focus({ preventScroll: !explicit });
    if (targetId === activeId && selection && 'setSelectionRange' in target) {
      try {
        (target as HTMLInputElement).setSelectionRange(selection.start, selection.end);
      } catch {
        // Some input types have no caret.
      }
    }
  }

  private renderView(): HTMLElement {
    const { view } = this.state;
    if (view === 'editor' && this.state.editor) return renderEditor(this.state, this.editorActions);
    if (view === 'snapshots' && this.state.snapshots) return renderSnapshots(this.state, this.snapshotActions);
    if (view === 'compare' && this.state.compare) return renderCompare(this.state, this.snapshotActions);
    if (view === 'transfer' && this.state.transfer) return renderTransfer(this.state, this.transferActions);
    return renderList(this.state, this);
  }

  /** The heading of a view: where focus goes when nothing better is left to hold it. */
  private viewTitleId(view: View = this.state.view): string {
    if (view === 'editor') return editorIds.title;
    if (view === 'snapshots') return snapshotIds.title;
    if (view === 'compare') return compareIds.title;
    if (view === 'transfer') return transferIds.title;
    return listIds.title;
  }

  /** Puts a message in the polite live region for screen readers (and sighted users); it fades after a while. */
  announce(text: string): void {
    clearTimeout(this.statusTimer);
    this.status.textContent = text;
    if (text && !text.endsWith('…'))
      this.statusTimer = setTimeout(() => (this.status.textContent = ''), STATUS_SECONDS * 1000);
  }

  /** Marks a call as running (its button disabled and relabelled) and returns where focus should go back. */
  beginCall(busy: Exclude<Busy, null>, message: string): string {
    const returnFocus = activeElementId();
    this.state.busy = busy;
    this.announce(message);
    this.render();
    return returnFocus;
  }

  endCall(returnFocus: string): void {
    this.state.busy = null;
    if (this.focusAfterRender === null && activeElementId() === '' && returnFocus) this.focusAfterRender = returnFocus;
    this.render();
    // The pressed button may be gone (a confirmation panel closes): keep focus in the view, never on <body>.
    if (activeElementId() === '') document.getElementById(this.viewTitleId())?.focus();
  }

  // ----- list and navigation ----------------------------------------------------------------------------

  open(blockId: BlockId): void {
    this.editorActions.open(blockId);
  }

  checkFit(): void {
    this.fitActions.checkFit();
  }

  goToCheck(check: FitCheckView): void {
    this.fitActions.goToCheck(check);
  }

  showServing(segmentId: string): void {
    this.fitActions.showServing(segmentId);
  }

  openSnapshots(): void {
    this.snapshotActions.open();
  }

  openTransfer(): void {
    this.transferActions.open();
  }

  backToList(): void {
    if (this.state.busy) return;
    const from = this.state.view;
    revokeDownloadUrl(this.state.transfer?.downloadUrl);
    this.state.snapshots = null;
    this.state.compare = null;
    this.state.transfer = null;
    this.state.view = 'list';
    this.focusAfterRender = from === 'transfer' ? listIds.transfer : listIds.snapshots;
    this.render();
    this.announce('');
  }

  showNewCanvas(canvas: CanvasView): void {
    this.state.canvas = canvas;
    this.state.listError = null;
    this.state.editor = null;
    this.state.view = 'list';
    this.focusAfterRender = listIds.title;
  }

  // ----- refresh ----------------------------------------------------------------------------------------

  refresh(): void {
    if (this.state.busy) return;
    const editor = this.state.view === 'editor' ? this.state.editor : null;
    if (editor && isDirty(editor.base, editor.draft)) {
      editor.confirm = 'refresh';
      this.focusAfterRender = editorIds.confirmText;
      this.render();
      return;
    }
    void this.refreshFromSheet();
  }

  async refreshFromSheet(): Promise<void> {
    const editor = this.state.view === 'editor' ? this.state.editor : null;
    const returnFocus = this.beginCall('refreshing', 'Refreshing…');
    try {
      const canvas = await this.api.getCanvas();
      if (!isCanvasView(canvas))
        throw new Error('The add-on sent back a canvas the sidebar does not understand. Please reopen the sidebar.');
      this.state.canvas = canvas;
      this.state.listError = null;
      if (editor && this.state.editor === editor) {
        const block = findBlock(canvas, editor.blockId);
        if (block) {
          this.state.editor = { ...newEditor(block), notice: editor.notice };
          this.announce(`Refreshed ${block.title} from the sheet.`);
        } else {
          editor.confirm = null;
          editor.error = `${editor.base.title} could not be found on the canvas any more.`;
        }
      } else {
        this.announce('Refreshed from the sheet.');
      }
    } catch (error) {
      const message = errorMessage(error);
      if (editor && this.state.editor === editor) {
        editor.confirm = null;
        editor.error = message;
      } else {
        this.state.listError = message;
      }
      this.announce('');
    }
    this.endCall(returnFocus);
  }
}
