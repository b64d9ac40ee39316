import type { BlockId } from '../core/block-ids';
import type { BlockView, CanvasView, SnapshotListItem } from '../core/view';
import { canonicalBlocks, isCanvasView, type BootState } from './boot';
import { plural } from './dom';
import {
  draftFingerprint,
  draftFromBlock,
  emptyEntry,
  emptyFigure,
  fieldIds,
  isDirty,
  moveItem,
  rebaseDraft,
  saveRequest,
  validateDraft,
  type FigureField,
} from './draft';
import { editorIds, renderEditor, summaryText, type EditorActions } from './render-editor';
import {
  copyFieldText,
  exportFileName,
  importFileProblem,
  jsonDownloadUrl,
  readFileText,
  renderTransfer,
  revokeDownloadUrl,
  startDownload,
  transferIds,
  type TransferActions,
} from './json-transfer';
import { compareIds, compareSummary, renderCompare, type CompareActions } from './render-compare';
import { listIds, renderList, type ListActions } from './render-list';
import {
  defaultComparePair,
  isSnapshotList,
  renderSnapshots,
  snapshotIds,
  snapshotName,
  usableSnapshots,
  type SnapshotsActions,
} from './render-snapshots';
import { errorMessage, isConflictMessage, server } from './server';
import type { AppState, Busy, EditorState, SnapshotsState, View } from './state';

/** The server functions the sidebar calls (the promise wrapper over google.script.run, or a test double). */
export type ServerFunctions = typeof server;

/** How long a status message ("Saved Key Activities.") stays on screen. */
const STATUS_SECONDS = 8;

function newEditor(block: BlockView): EditorState {
  return { blockId: block.id, base: block, draft: draftFromBlock(block), issues: [], error: null, notice: null, confirm: null, conflict: null };
}

function activeElementId(): string {
  const active = document.activeElement as HTMLElement | null;
  return active && active !== document.body ? active.id : '';
}

/**
 * The sidebar controller: holds the state, re-renders the view after each change, and talks to the server.
 * Typing only updates the draft (never re-renders), so focus, caret and IME composition are left alone.
 */
export class SidebarApp implements ListActions, EditorActions, SnapshotsActions, CompareActions, TransferActions {
  private state: AppState = { canvas: null, view: 'list', listError: null, editor: null, busy: null };
  private focusAfterRender: string | null = null;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly status: HTMLElement,
    private readonly api: ServerFunctions = server,
  ) {}

  /** Paints the first view from the canvas embedded in the page; asks the server only if none was embedded. */
  start(boot: BootState): void {
    if (boot.kind === 'canvas') this.state.canvas = boot.canvas;
    if (boot.kind === 'error') this.state.listError = boot.message;
    this.render();
    if (boot.kind === 'none') void this.doRefresh();
  }

  // ----- rendering -------------------------------------------------------------------------------------

  private render(): void {
    const activeId = activeElementId();
    const active = activeId ? (document.getElementById(activeId) as HTMLInputElement | HTMLTextAreaElement | null) : null;
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
    if (view === 'editor' && this.state.editor) return renderEditor(this.state, this);
    if (view === 'snapshots' && this.state.snapshots) return renderSnapshots(this.state, this);
    if (view === 'compare' && this.state.compare) return renderCompare(this.state, this);
    if (view === 'transfer' && this.state.transfer) return renderTransfer(this.state, this);
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
  private announce(text: string): void {
    clearTimeout(this.statusTimer);
    this.status.textContent = text;
    if (text && !text.endsWith('…')) this.statusTimer = setTimeout(() => (this.status.textContent = ''), STATUS_SECONDS * 1000);
  }

  /** Marks a call as running (its button disabled and relabelled) and returns where focus should go back. */
  private beginCall(busy: Exclude<Busy, null>, message: string): string {
    const returnFocus = activeElementId();
    this.state.busy = busy;
    this.announce(message);
    this.render();
    return returnFocus;
  }

  private endCall(returnFocus: string): void {
    this.state.busy = null;
    if (this.focusAfterRender === null && activeElementId() === '' && returnFocus) this.focusAfterRender = returnFocus;
    this.render();
    // The pressed button may be gone (a confirmation panel closes): keep focus in the view, never on <body>.
    if (activeElementId() === '') document.getElementById(this.viewTitleId())?.focus();
  }

  private updateCanvasBlock(block: BlockView): void {
    const canvas = this.state.canvas;
    if (!canvas) return;
    canvas.blocks = canvas.blocks.map((b) => (b.id === block.id ? block : b));
  }

  private findBlock(canvas: CanvasView | null, blockId: BlockId): BlockView | undefined {
    return canvas ? canonicalBlocks(canvas).find((b) => b.id === blockId) : undefined;
  }

  // ----- list -------------------------------------------------------------------------------------------

  open(blockId: BlockId): void {
    if (this.state.busy) return;
    const block = this.findBlock(this.state.canvas, blockId);
    if (!block) return;
    const editor = newEditor(block);
    this.state.editor = editor;
    this.state.view = 'editor';
    this.state.listError = null;
    this.focusAfterRender = editorIds.title;
    this.render();
    this.announce(`Editing ${block.title}.`);
    // Fire and forget: highlighting the block on the sheet must not hold up editing.
    this.api.selectBlock(blockId).catch((error: unknown) => {
      if (this.state.editor !== editor) return;
      editor.notice = `Could not select ${block.title} on the sheet: ${errorMessage(error)}`;
      this.render();
    });
  }

  refresh(): void {
    if (this.state.busy) return;
    const editor = this.state.view === 'editor' ? this.state.editor : null;
    if (editor && isDirty(editor.base, editor.draft)) {
      editor.confirm = 'refresh';
      this.focusAfterRender = editorIds.confirmText;
      this.render();
      return;
    }
    void this.doRefresh();
  }

  private async doRefresh(): Promise<void> {
    const editor = this.state.view === 'editor' ? this.state.editor : null;
    const returnFocus = this.beginCall('refreshing', 'Refreshing…');
    try {
      const canvas = await this.api.getCanvas();
      if (!isCanvasView(canvas)) throw new Error('The add-on sent back a canvas the sidebar does not understand. Please reopen the sidebar.');
      this.state.canvas = canvas;
      this.state.listError = null;
      if (editor && this.state.editor === editor) {
        const block = this.findBlock(canvas, editor.blockId);
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

  // ----- editor: navigation and confirmations ---------------------------------------------------------

  back(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    if (isDirty(editor.base, editor.draft)) {
      editor.confirm = 'leave';
      this.focusAfterRender = editorIds.confirmText;
      this.render();
      return;
    }
    this.leaveEditor();
  }

  cancel(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    const dirty = isDirty(editor.base, editor.draft);
    this.leaveEditor();
    if (dirty) this.announce(`Your edits to ${editor.base.title} were discarded.`);
  }

  private leaveEditor(): void {
    const blockId = this.state.editor?.blockId;
    this.state.editor = null;
    this.state.view = 'list';
    this.focusAfterRender = blockId ? `open-${blockId}` : 'list-title';
    this.render();
    this.announce('');
  }

  askReset(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    editor.confirm = 'reset';
    this.focusAfterRender = editorIds.confirmText;
    this.render();
  }

  confirm(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    if (editor.confirm === 'reset') void this.doReset();
    else if (editor.confirm === 'refresh') void this.doRefresh();
    else if (editor.confirm === 'leave') this.leaveEditor();
  }

  dismissConfirm(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    const kind = editor.confirm;
    editor.confirm = null;
    this.focusAfterRender = kind === 'reset' ? 'reset' : kind === 'refresh' ? 'refresh' : 'back';
    this.render();
  }

  focusField(fieldId: string): void {
    document.getElementById(fieldId)?.focus();
  }

  // ----- editor: save, reset, conflicts -----------------------------------------------------------------

  async save(): Promise<void> {
    const editor = this.state.editor;
    if (!editor || this.state.busy || editor.conflict) return;
    editor.confirm = null;
    editor.error = null;
    const issues = validateDraft(editor.draft);
    editor.issues = issues;
    if (issues.length) {
      this.announce('');
      this.focusAfterRender = issues[0].fieldId ?? editorIds.issues;
      this.render();
      return;
    }
    const request = saveRequest(editor.base, editor.draft);
    const sent = draftFingerprint(editor.draft);
    const returnFocus = this.beginCall('saving', `Saving ${editor.base.title}…`);
    try {
      const saved = await this.api.saveBlock(request);
      this.updateCanvasBlock(saved);
      editor.base = saved;
      // Keep anything typed while the save was running; otherwise show exactly what the sheet now holds.
      if (draftFingerprint(editor.draft) === sent) editor.draft = rebaseDraft(editor.draft, saved);
      this.announce(`Saved ${saved.title}.`);
    } catch (error) {
      await this.failedWrite(editor, errorMessage(error), 'Nothing was saved; your edits are still in the form.');
    }
    this.endCall(returnFocus);
  }

  private async doReset(): Promise<void> {
    const editor = this.state.editor;
    if (!editor) return;
    const returnFocus = this.beginCall('resetting', `Resetting ${editor.base.title}…`);
    try {
      const reset = await this.api.resetBlock({ blockId: editor.blockId, version: editor.base.version });
      this.updateCanvasBlock(reset);
      editor.base = reset;
      editor.draft = draftFromBlock(reset);
      editor.confirm = null;
      editor.issues = [];
      editor.error = null;
      this.focusAfterRender = editorIds.title;
      this.announce(`${reset.title} was reset to the original content.`);
    } catch (error) {
      editor.confirm = null;
      await this.failedWrite(editor, errorMessage(error), 'The block was not reset.');
      if (!this.focusAfterRender) this.focusAfterRender = 'reset';
    }
    this.endCall(returnFocus);
  }

  /** A save or reset failed: show why; on a conflict, fetch the sheet's content to show beside the user's edits. */
  private async failedWrite(editor: EditorState, message: string, outcome: string): Promise<void> {
    this.announce('');
    if (!isConflictMessage(message)) {
      // The alert is announced; focus goes back to the button that was pressed, ready to try again.
      editor.error = `${message} ${outcome}`;
      return;
    }
    try {
      const canvas = await this.api.getCanvas();
      if (!isCanvasView(canvas)) throw new Error('The add-on sent back a canvas the sidebar does not understand.');
      this.state.canvas = canvas;
      const sheet = this.findBlock(canvas, editor.blockId);
      if (!sheet) {
        editor.error = `${message} The block could not be found on the canvas any more.`;
        return;
      }
      editor.conflict = { message, sheet };
      this.focusAfterRender = editorIds.conflictTitle;
    } catch (error) {
      editor.error = `${message} Loading what the sheet holds now also failed: ${errorMessage(error)}`;
    }
  }

  reapply(): void {
    const editor = this.state.editor;
    if (!editor?.conflict || this.state.busy) return;
    editor.base = editor.conflict.sheet;
    editor.conflict = null;
    editor.error = null;
    this.focusAfterRender = editorIds.save;
    this.render();
    this.announce('Your edits now apply to the sheet’s latest version. Review them, then click Save.');
  }

  discard(): void {
    const editor = this.state.editor;
    if (!editor?.conflict || this.state.busy) return;
    const sheet = editor.conflict.sheet;
    this.state.editor = newEditor(sheet);
    this.focusAfterRender = editorIds.title;
    this.render();
    this.announce('Your edits were discarded. The form shows what is in the sheet now.');
  }

  // ----- editor: entries and figures ----------------------------------------------------------------------

  entryInput(key: string, text: string): void {
    const entry = this.state.editor?.draft.entries.find((e) => e.key === key);
    if (!entry) return;
    entry.text = text;
    this.clearIssue(fieldIds.entry(key));
    this.updateSummary();
  }

  figureInput(key: string, field: FigureField, text: string): void {
    const figure = this.state.editor?.draft.figures.find((f) => f.key === key);
    if (!figure) return;
    figure[field] = text;
    this.clearIssue(fieldIds.figure(key, field));
    this.updateSummary();
  }

  moveEntry(key: string, delta: -1 | 1, from: 'button' | 'keyboard'): void {
    const editor = this.state.editor;
    if (!editor) return;
    const entries = editor.draft.entries;
    const index = entries.findIndex((e) => e.key === key);
    const target = index + delta;
    if (index < 0) return;
    if (target < 0 || target >= entries.length) {
      this.announce(`Entry ${index + 1} is already ${delta < 0 ? 'first' : 'last'}.`);
      return;
    }
    editor.draft.entries = moveItem(entries, index, target);
    this.structureChanged(editor);
    if (from === 'keyboard') this.focusAfterRender = fieldIds.entry(key);
    else this.focusAfterRender = delta < 0 ? editorIds.entryUp(key) : editorIds.entryDown(key);
    this.render();
    this.announce(`Entry moved to position ${target + 1} of ${entries.length}.`);
  }

  deleteEntry(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const index = editor.draft.entries.findIndex((e) => e.key === key);
    if (index < 0) return;
    editor.draft.entries = editor.draft.entries.filter((e) => e.key !== key);
    this.structureChanged(editor);
    const next = editor.draft.entries[index] ?? editor.draft.entries[index - 1];
    this.focusAfterRender = next ? fieldIds.entry(next.key) : fieldIds.addEntry;
    this.render();
    this.announce(`Entry ${index + 1} deleted. Cancel brings it back until you save.`);
  }

  addEntry(): void {
    const editor = this.state.editor;
    if (!editor) return;
    const entry = emptyEntry();
    editor.draft.entries = [...editor.draft.entries, entry];
    this.structureChanged(editor);
    this.focusAfterRender = fieldIds.entry(entry.key);
    this.render();
    this.announce(`Entry ${editor.draft.entries.length} added.`);
  }

  deleteFigure(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const index = editor.draft.figures.findIndex((f) => f.key === key);
    if (index < 0) return;
    editor.draft.figures = editor.draft.figures.filter((f) => f.key !== key);
    this.structureChanged(editor);
    const next = editor.draft.figures[index] ?? editor.draft.figures[index - 1];
    this.focusAfterRender = next ? fieldIds.figure(next.key, 'label') : fieldIds.addFigure;
    this.render();
    this.announce(`Figure ${index + 1} deleted.`);
  }

  addFigure(): void {
    const editor = this.state.editor;
    if (!editor) return;
    const figure = emptyFigure();
    editor.draft.figures = [...editor.draft.figures, figure];
    this.structureChanged(editor);
    this.focusAfterRender = fieldIds.figure(figure.key, 'label');
    this.render();
    this.announce(`Figure ${editor.draft.figures.length} added.`);
  }

  /** After items move, appear or go: problems already shown are re-checked so their numbers stay right. */
  private structureChanged(editor: EditorState): void {
    if (editor.issues.length) editor.issues = validateDraft(editor.draft);
  }

  /** Removes a field's problem marker in place (no re-render while the user types). */
  private clearIssue(fieldId: string): void {
    const editor = this.state.editor;
    if (!editor || !editor.issues.some((issue) => issue.fieldId === fieldId)) return;
    editor.issues = editor.issues.filter((issue) => issue.fieldId !== fieldId);
    const field = document.getElementById(fieldId);
    field?.removeAttribute('aria-invalid');
    field?.removeAttribute('aria-describedby');
    document.getElementById(`${fieldId}-error`)?.remove();
    const list = document.getElementById(editorIds.issues);
    if (list && editor.issues.length === 0) list.remove();
    else if (list) {
      for (const item of Array.from(list.querySelectorAll('li'))) {
        if (item.getAttribute('data-field') === fieldId) item.remove();
      }
      const intro = list.querySelector('p');
      if (intro) {
        intro.textContent =
          editor.issues.length === 1 ? 'Please fix this before saving:' : `Please fix these ${editor.issues.length} problems before saving:`;
      }
    }
  }

  private updateSummary(): void {
    const editor = this.state.editor;
    const summary = document.getElementById(editorIds.dirty);
    if (editor && summary) summary.textContent = summaryText(editor);
  }

  // ----- snapshots ----------------------------------------------------------------------------------------

  openSnapshots(): void {
    if (this.state.busy) return;
    this.state.snapshots = {
      items: null,
      label: '',
      error: null,
      confirmRestore: null,
      compareFrom: '',
      compareTo: '',
      justSaved: null,
      pending: null,
      errorAt: null,
    };
    this.state.compare = null;
    this.state.view = 'snapshots';
    this.state.listError = null;
    this.focusAfterRender = snapshotIds.title;
    void this.loadSnapshots();
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

  reloadSnapshots(): void {
    if (this.state.busy || !this.state.snapshots) return;
    this.state.snapshots.confirmRestore = null;
    void this.loadSnapshots();
  }

  /** Reads the list of snapshots from the spreadsheet (newest first). */
  private async loadSnapshots(): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots) return;
    const returnFocus = this.beginCall('loadingSnapshots', 'Loading snapshots…');
    try {
      const items: unknown = await this.api.listSnapshots();
      if (!isSnapshotList(items)) throw new Error('The add-on sent back a list of snapshots the sidebar does not understand. Please reopen the sidebar.');
      snapshots.items = items;
      snapshots.error = null;
      snapshots.errorAt = null;
      this.keepComparePair(snapshots);
      const damaged = items.filter((item) => item.damaged !== undefined).length;
      this.announce(
        items.length === 0
          ? 'No snapshots yet.'
          : `${plural(items.length, 'snapshot', 'snapshots')}${damaged ? `, ${damaged} damaged` : ''}.`,
      );
    } catch (error) {
      snapshots.error = errorMessage(error);
      snapshots.errorAt = null;
      this.announce('');
    }
    this.endCall(returnFocus);
  }

  /** Keeps the chosen pair for "Compare two snapshots" when both still exist, else picks the default pair. */
  private keepComparePair(snapshots: SnapshotsState): void {
    const usable = new Set(usableSnapshots(snapshots.items ?? []).map((item) => item.id));
    const valid = usable.has(snapshots.compareFrom) && (snapshots.compareTo === '' || usable.has(snapshots.compareTo)) && snapshots.compareFrom !== snapshots.compareTo;
    if (valid) return;
    const pair = defaultComparePair(snapshots.items ?? []);
    snapshots.compareFrom = pair.from;
    snapshots.compareTo = pair.to;
  }

  snapshotLabelInput(text: string): void {
    if (this.state.snapshots) this.state.snapshots.label = text;
  }

  async saveSnapshot(): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy) return;
    snapshots.error = null;
    snapshots.errorAt = null;
    snapshots.confirmRestore = null;
    const label = snapshots.label.trim();
    const returnFocus = this.beginCall('savingSnapshot', 'Saving a snapshot…');
    try {
      const info = await this.api.saveSnapshot(label ? { label } : {});
      if (!isSnapshotList([info])) throw new Error('The add-on sent back a snapshot the sidebar does not understand. Click Refresh to see the list.');
      snapshots.items = [info, ...(snapshots.items ?? []).filter((item) => item.id !== info.id)];
      snapshots.justSaved = info.id;
      // The field is emptied for the next snapshot, unless the user typed something new while this one was saved.
      if (snapshots.label.trim() === label) snapshots.label = '';
      this.keepComparePair(snapshots);
      this.announce(`Saved the snapshot “${snapshotName(info)}”.`);
    } catch (error) {
      snapshots.error = `${errorMessage(error)} No snapshot was saved.`;
      snapshots.errorAt = null;
      this.announce('');
    }
    this.endCall(returnFocus);
  }

  private snapshotIndex(id: string | null): number {
    return id === null ? -1 : (this.state.snapshots?.items ?? []).findIndex((item) => item.id === id);
  }

  private snapshotItem(id: string): SnapshotListItem | undefined {
    return (this.state.snapshots?.items ?? []).find((item) => item.id === id && item.damaged === undefined);
  }

  compareWithCurrent(id: string): void {
    void this.runCompare(id, null, snapshotIds.compareRow(this.snapshotIndex(id)));
  }

  compareSelect(side: 'from' | 'to', id: string): void {
    const snapshots = this.state.snapshots;
    if (!snapshots) return;
    if (side === 'from') snapshots.compareFrom = id;
    else snapshots.compareTo = id;
  }

  compareTwo(): void {
    const snapshots = this.state.snapshots;
    if (!snapshots) return;
    void this.runCompare(snapshots.compareFrom, snapshots.compareTo === '' ? null : snapshots.compareTo, snapshotIds.compareTwo);
  }

  /** Compares snapshot `fromId` with snapshot `toId` (null: the current canvas) and shows the comparison. */
  private async runCompare(fromId: string, toId: string | null, buttonId: string): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy) return;
    snapshots.confirmRestore = null;
    const from = this.snapshotItem(fromId);
    const to = toId === null ? null : this.snapshotItem(toId);
    if (!from || to === undefined || fromId === toId) {
      snapshots.error = fromId === toId ? 'Choose two different snapshots to compare.' : 'That snapshot is no longer in the list. Click Refresh.';
      snapshots.errorAt = null;
      this.focusAfterRender = buttonId;
      this.render();
      return;
    }
    snapshots.error = null;
    snapshots.errorAt = null;
    snapshots.pending = buttonId;
    const returnFocus = this.beginCall('comparing', 'Comparing…');
    try {
      const diffs = await this.api.compareSnapshots(to ? { from: from.id, to: to.id } : { from: from.id });
      if (!Array.isArray(diffs)) throw new Error('The add-on sent back a comparison the sidebar does not understand. Please reopen the sidebar.');
      this.state.compare = { from, to, diffs, returnFocus: buttonId };
      this.state.view = 'compare';
      this.focusAfterRender = compareIds.title;
      this.announce(compareSummary(diffs));
    } catch (error) {
      snapshots.error = errorMessage(error);
      snapshots.errorAt = buttonId === snapshotIds.compareTwo ? null : from.id;
      this.announce('');
    }
    snapshots.pending = null;
    this.endCall(returnFocus);
  }

  backToSnapshots(): void {
    if (this.state.busy || !this.state.snapshots) return;
    this.focusAfterRender = this.state.compare?.returnFocus ?? snapshotIds.title;
    this.state.compare = null;
    this.state.view = 'snapshots';
    this.render();
    this.announce('');
  }

  askRestore(id: string): void {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy || !this.snapshotItem(id)) return;
    snapshots.confirmRestore = id;
    snapshots.error = null;
    snapshots.errorAt = null;
    this.focusAfterRender = snapshotIds.confirmText;
    this.render();
  }

  cancelRestore(): void {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy) return;
    const index = this.snapshotIndex(snapshots.confirmRestore);
    snapshots.confirmRestore = null;
    this.focusAfterRender = index >= 0 ? snapshotIds.restoreRow(index) : snapshotIds.title;
    this.render();
  }

  /** Restores the snapshot being confirmed (the server saves the current canvas as a snapshot first). */
  async confirmRestore(): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy || snapshots.confirmRestore === null) return;
    const item = this.snapshotItem(snapshots.confirmRestore);
    if (!item) return;
    const name = snapshotName(item);
    const returnFocus = this.beginCall('restoring', `Restoring “${name}”…`);
    try {
      const canvas = await this.api.restoreSnapshot({ id: item.id });
      if (!isCanvasView(canvas)) throw new Error('The add-on sent back a canvas the sidebar does not understand. Click Refresh to load it.');
      this.state.canvas = canvas;
      this.state.listError = null;
      this.state.editor = null;
      this.state.snapshots = null;
      this.state.compare = null;
      this.state.view = 'list';
      this.focusAfterRender = listIds.title;
      this.announce(`Restored “${name}”. The previous state was saved as a snapshot.`);
    } catch (error) {
      const index = this.snapshotIndex(item.id);
      snapshots.confirmRestore = null;
      snapshots.error = `${errorMessage(error)} The canvas was not restored.`;
      snapshots.errorAt = item.id;
      this.focusAfterRender = index >= 0 ? snapshotIds.restoreRow(index) : snapshotIds.title;
      this.announce('');
    }
    this.endCall(returnFocus);
  }

  // ----- JSON export and import ---------------------------------------------------------------------------

  openTransfer(): void {
    if (this.state.busy) return;
    this.state.transfer = { exportJson: null, fileName: '', downloadUrl: null, exportError: null, importError: null };
    this.state.view = 'transfer';
    this.state.listError = null;
    this.focusAfterRender = transferIds.title;
    this.render();
    this.announce('');
  }

  async exportJson(): Promise<void> {
    const transfer = this.state.transfer;
    if (!transfer || this.state.busy) return;
    transfer.exportError = null;
    const returnFocus = this.beginCall('exporting', 'Exporting the canvas…');
    try {
      const json: unknown = await this.api.exportCanvasJson();
      if (typeof json !== 'string' || json === '') throw new Error('The add-on sent back no JSON. Please try again.');
      revokeDownloadUrl(transfer.downloadUrl);
      transfer.exportJson = json;
      transfer.fileName = exportFileName(new Date());
      transfer.downloadUrl = jsonDownloadUrl(json);
      const started = transfer.downloadUrl !== null && startDownload(transfer.downloadUrl, transfer.fileName);
      this.announce(
        started
          ? `Exported ${transfer.fileName}. If no download started, copy the JSON shown below.`
          : 'Exported. Copy the JSON shown below and save it as a .json file.',
      );
    } catch (error) {
      transfer.exportError = errorMessage(error);
      this.announce('');
    }
    this.endCall(returnFocus);
  }

  async copyJson(): Promise<void> {
    const field = document.getElementById(transferIds.exportText);
    if (!(field instanceof HTMLTextAreaElement)) return;
    const copied = await copyFieldText(field);
    this.announce(copied ? 'Copied the JSON to the clipboard.' : 'The JSON is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  }

  /** Reads the chosen file here (refusing one over 1 MB), then has the server insert it as a new canvas. */
  async importFile(file: File | null): Promise<void> {
    const transfer = this.state.transfer;
    if (!transfer || this.state.busy || !file) return;
    const problem = importFileProblem(file);
    if (problem) {
      transfer.importError = problem;
      this.focusAfterRender = transferIds.importFile;
      this.render();
      this.announce('');
      return;
    }
    transfer.importError = null;
    const returnFocus = this.beginCall('importing', `Importing ${file.name}…`);
    try {
      const text = await readFileText(file);
      const canvas = await this.api.importCanvasJson(text);
      if (!isCanvasView(canvas)) throw new Error('The add-on sent back a canvas the sidebar does not understand. Click Refresh to load it.');
      revokeDownloadUrl(transfer.downloadUrl);
      this.state.canvas = canvas;
      this.state.listError = null;
      this.state.editor = null;
      this.state.transfer = null;
      this.state.view = 'list';
      this.focusAfterRender = listIds.title;
      this.announce(`Imported as a new canvas on sheet ${canvas.sheetName}.`);
    } catch (error) {
      transfer.importError = `${errorMessage(error)} Nothing was imported.`;
      this.focusAfterRender = transferIds.importFile;
      this.announce('');
    }
    this.endCall(returnFocus);
  }
}
