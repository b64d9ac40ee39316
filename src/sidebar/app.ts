/** The sidebar's controller: state, rendering, focus, announcements, Refresh, and the views' actions. */
import type { BlockId } from '../core/block-ids';
import type { CanvasView, CellProblem, FitCheckView } from '../core/view';
import { goToCell } from './cell-actions';
import { FitViewActions } from './fit-actions';
import { problemsOf, type BootState } from './boot';
import { isDirty } from './draft';
import { EditorViewActions, findBlock, newEditor } from './editor-actions';
import { renderTransfer, revokeDownloadUrl, transferIds } from './json-transfer';
import { compareIds, renderCompare } from './render-compare';
import { editorIds, renderEditor } from './render-editor';
import { listIds, renderList, type ListActions } from './render-list';
import { assumptionsIds, renderAssumptions, type AssumptionsActions } from './render-assumptions';
import { fitTextarea } from './render-field';
import { renderSnapshots, snapshotIds } from './render-snapshots';
import { failureText, failureTextOf, partialWriteText, problemText } from './plain-errors';
import { failureOf, server } from './server';
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

  private undoAction: (() => void) | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly status: HTMLElement,
    readonly api: ServerFunctions = server,
  ) {}

  /** Paints the first view from the canvas embedded in the page; asks the server only if none was embedded. */
  start(boot: BootState): void {
    if (boot.kind === 'canvas') {
      this.state.canvas = boot.canvas;
      this.state.sources = boot.sources;
      this.state.listError = problemText(problemsOf(boot.canvas));
    }
    if (boot.kind === 'error') this.state.listError = failureTextOf(boot.message);
    document.addEventListener('keydown', (event) => this.onKeydown(event));
    // WCAG 2.2 Focus Not Obscured: a focused control never stays under the status message or the Save footer.
    document.addEventListener('focusin', () => this.keepFocusClear());
    this.undoButton()?.addEventListener('click', () => {
      const undo = this.undoAction;
      this.offerUndo('', null);
      undo?.();
    });
    this.render();
    if (boot.kind === 'none') void this.refreshFromSheet();
  }

  /** Ctrl/⌘+Enter saves the open block; Escape closes the innermost confirmation or panel. */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && this.state.view === 'editor') {
      event.preventDefault();
      void this.editorActions.save();
      return;
    }
    if (event.key !== 'Escape' || event.isComposing) return;
    const closed =
      (this.state.view === 'editor' && this.editorActions.escape()) ||
      (this.state.view === 'snapshots' && this.snapshotActions.escape());
    if (closed) event.preventDefault();
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

    // The region of a running call is marked busy; its controls stay focusable (aria-disabled, not disabled),
    // so focus stays on the button that started the call instead of falling to <body>.
    this.root.setAttribute('aria-busy', this.state.busy ? 'true' : 'false');
    this.root.replaceChildren(this.renderView());
    for (const field of Array.from(this.root.querySelectorAll('textarea.entry-text')))
      fitTextarea(field as HTMLTextAreaElement);
    this.fitFooter();

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
    if (view === 'assumptions') return renderAssumptions(this.state, this.assumptionsActions);
    return renderList(this.state, this);
  }

  /** The heading of a view: where focus goes when nothing better is left to hold it. */
  private viewTitleId(view: View = this.state.view): string {
    if (view === 'editor') return editorIds.title;
    if (view === 'snapshots') return snapshotIds.title;
    if (view === 'compare') return compareIds.title;
    if (view === 'transfer') return transferIds.title;
    if (view === 'assumptions') return assumptionsIds.title;
    return listIds.title;
  }

  /** Keeps the snackbar above the editor's sticky footer (its height changes with a confirmation or an error). */
  private fitFooter(): void {
    const footer = document.getElementById(editorIds.footer);
    const height = footer ? footer.getBoundingClientRect().height : 0;
    document.documentElement.style.setProperty('--footer-height', `${Math.round(height)}px`);
  }

  private undoButton(): HTMLElement | null {
    return document.getElementById('undo');
  }

  /**
   * Puts a message in the polite live region — created once with the page, never re-rendered, so each message is
   * announced once — shown as a snackbar floating over the page (it never moves the layout); it fades after a while.
   */
  announce(text: string): void {
    clearTimeout(this.statusTimer);
    if (this.status.textContent !== text) this.status.textContent = text;
    this.showSnackbar();
    if (text && !text.endsWith('…') && !this.undoAction)
      this.statusTimer = setTimeout(() => {
        this.status.textContent = '';
        this.showSnackbar();
      }, STATUS_SECONDS * 1000);
  }

  offerUndo(message: string, undo: (() => void) | null): void {
    this.undoAction = undo;
    const button = this.undoButton();
    if (button) button.hidden = undo === null;
    if (undo) this.announce(message);
    else this.showSnackbar();
  }

  /** Takes a message away once it is no longer true (e.g. "Saved …" after the next edit); Undo offers stay. */
  withdraw(isStale: (text: string) => boolean): void {
    if (this.undoAction === null && this.status.textContent && isStale(this.status.textContent)) this.announce('');
  }

  private showSnackbar(): void {
    const bar = this.status.parentElement;
    const empty = this.status.textContent === '' && this.undoAction === null;
    bar?.classList.toggle('is-empty', empty);
    // The page keeps room below its last control for the message, so scrolling can always bring a control clear.
    const height = empty || !bar ? 0 : Math.round(bar.getBoundingClientRect().height) + 8;
    document.documentElement.style.setProperty('--snackbar-height', `${height}px`);
    this.keepFocusClear();
  }

  /** Scrolls the focused control clear of the floating status message and the sticky footer, when either covers it. */
  private keepFocusClear(): void {
    const target = document.activeElement;
    if (!(target instanceof HTMLElement) || target === document.body || target.closest('.snackbar, .footer')) return;
    const covers = [this.status.parentElement, document.getElementById(editorIds.footer)]
      .filter((node): node is HTMLElement => node !== null && !node.classList.contains('is-empty'))
      .map((node) => node.getBoundingClientRect())
      .filter((box) => box.height > 0);
    const top = Math.min(window.innerHeight, ...covers.map((box) => box.top));
    const box = target.getBoundingClientRect();
    if (box.bottom > top - 4) window.scrollBy(0, box.bottom - top + 12);
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
    void this.editorActions.open(blockId);
  }

  /** Shows another canvas of the spreadsheet (the picker appears when there is more than one). */
  switchCanvas(canvasId: string): void {
    if (this.state.busy || canvasId === this.state.canvas?.canvasId) return;
    void this.refreshFromSheet(canvasId);
  }

  checkFit(): void {
    this.fitActions.checkFit();
  }

  goToCheck(check: FitCheckView): Promise<void> {
    return this.fitActions.goToCheck(check);
  }

  goToCell(problem: CellProblem): void {
    goToCell(this, problem, (text) => {
      this.state.listError = text;
    });
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

  /** Opens the numbers sheet on the spreadsheet; the sidebar stays on the list (a failure shows above it). */
  openNumbers(): void {
    if (this.state.busy) return;
    const canvasId = this.state.canvas?.canvasId;
    this.api.showNumbers(canvasId ? { canvasId } : undefined).then(
      () => this.announce('Opened the Xiaomi in Numbers sheet.'),
      (error: unknown) => {
        this.state.listError = `The numbers sheet could not be opened: ${failureText(error)}`;
        this.render();
      },
    );
  }

  /** The Assumptions view, from the canvas the sidebar holds (no call); Go to opens the entry's block. */
  openAssumptions(): void {
    if (this.state.busy) return;
    this.state.view = 'assumptions';
    this.focusAfterRender = assumptionsIds.title;
    this.render();
  }

  private readonly assumptionsActions: AssumptionsActions = {
    back: () => {
      if (this.state.busy) return;
      this.state.view = 'list';
      this.focusAfterRender = assumptionsIds.open;
      this.render();
    },
    goToEntry: (blockId, index) => void this.goToCheck({ id: '', message: '', blockId, entryIndex: index }),
  };

  backToList(): void {
    if (this.state.busy) return;
    const from = this.state.view;
    this.offerUndo('', null);
    revokeDownloadUrl(this.state.transfer?.downloadUrl);
    this.state.snapshots = null;
    this.state.compare = null;
    this.state.transfer = null;
    this.state.view = 'list';
    this.focusAfterRender =
      from === 'transfer' ? listIds.transfer : from === 'assumptions' ? assumptionsIds.open : listIds.snapshots;
    this.render();
    this.announce('');
  }

  showNewCanvas(canvas: CanvasView): void {
    this.state.canvas = canvas;
    this.state.listError = problemText(problemsOf(canvas));
    this.state.editor = null;
    this.state.view = 'list';
    this.focusAfterRender = listIds.title;
  }

  async showCanvasAfterPartialWrite(kind: 'restore' | 'import', name: string): Promise<string | null> {
    const canvasId = this.state.canvas?.canvasId;
    try {
      const canvas = await this.api.getCanvas(canvasId ? { canvasId } : undefined);
      this.state.snapshots = null;
      this.state.compare = null;
      revokeDownloadUrl(this.state.transfer?.downloadUrl);
      this.state.transfer = null;
      this.showNewCanvas(canvas);
      this.state.listError = [partialWriteText(kind, name, { reloaded: true }), this.state.listError]
        .filter(Boolean)
        .join(' ');
      this.focusAfterRender = listIds.error;
      return null;
    } catch (error) {
      return `${partialWriteText(kind, name, { reloaded: false })} Loading what the sheet holds now also failed: ${failureText(error)}`;
    }
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

  /** Reloads the sidebar's canvas (or `canvasId`); if it was deleted, the server's default canvas instead. */
  async refreshFromSheet(canvasId = this.state.canvas?.canvasId): Promise<void> {
    const editor = this.state.view === 'editor' ? this.state.editor : null;
    const returnFocus = this.beginCall('refreshing', 'Refreshing…');
    try {
      let canvas: CanvasView;
      try {
        canvas = await this.api.getCanvas(canvasId ? { canvasId } : undefined);
      } catch (error) {
        if (!canvasId || failureOf(error)?.code !== 'missing-canvas') throw error;
        canvas = await this.api.getCanvas();
      }
      // Another canvas: the fit checks and the filter were about the one shown before.
      if (canvas.canvasId !== this.state.canvas?.canvasId) this.state.fit = null;
      this.state.canvas = canvas;
      this.state.listError = problemText(problemsOf(canvas));
      if (editor && this.state.editor === editor) {
        const block = findBlock(canvas, editor.blockId);
        if (block) {
          this.state.editor = { ...newEditor(block, this.state.sources?.[block.id]), notice: editor.notice };
          this.offerUndo('', null);
          this.announce(`Refreshed ${block.title} from the sheet.`);
        } else {
          editor.confirm = null;
          editor.error = `${editor.base.title} could not be found on the canvas any more.`;
        }
      } else {
        this.announce('Refreshed from the sheet.');
      }
    } catch (error) {
      const message = failureText(error);
      if (editor && this.state.editor === editor) {
        editor.confirm = null;
        editor.error = message;
        this.focusAfterRender = editorIds.error;
      } else {
        this.state.listError = message;
        this.focusAfterRender = listIds.error;
      }
      this.announce('');
    }
    this.endCall(returnFocus);
  }
}
