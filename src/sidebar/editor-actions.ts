/** The editor's server actions: open a block, save, reset, and the conflict flow. */
import type { BlockId } from '../core/block-ids';
import type { BlockView, CanvasView, CellProblem, TeammateChanges } from '../core/view';
import { goToCell } from './cell-actions';
import { canonicalBlocks } from './boot';
import { canvasField } from './canvas-picker';
import { mergeConflict, resolvedDraft, type Side } from './conflict';
import {
  draftFingerprint,
  draftFromBlock,
  isDirty,
  rebaseDraft,
  saveRequest,
  validateDraft,
  type SourcesByLabel,
} from './draft';
import { conflictIds } from './render-conflict';
import { DraftFormActions } from './draft-form-actions';
import { editorIds, type EditorActions } from './render-editor';
import { failureText, partialWriteText, saysWhatWasSaved } from './plain-errors';
import { failureOf, ServerFailure } from './server';
import type { EditorState } from './state';

const RESET_REFUSED = 'The block was not reset.';

/** "a teammate's changes (2 entries, 1 figure)" for the status line after a merged save. */
function teammateSummary(changes: TeammateChanges | undefined): string {
  if (!changes) return 'a teammate’s changes';
  const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
  const entries = Math.max(changes.entries.length, changes.entriesRemoved.length);
  const figures = Math.max(changes.figures.length, changes.figuresRemoved.length);
  const parts = [entries && count(entries, 'entry', 'entries'), figures && count(figures, 'figure', 'figures')].filter(
    Boolean,
  );
  return parts.length ? `a teammate’s changes (${parts.join(', ')})` : 'a teammate’s changes';
}

/** An editor on `block` as the sheet holds it: no edits, no messages. */
export function newEditor(block: BlockView, sources?: SourcesByLabel): EditorState {
  return {
    blockId: block.id,
    base: block,
    draft: draftFromBlock(block, sources),
    issues: [],
    error: null,
    notice: null,
    confirm: null,
    conflict: null,
    expanded: [],
    entryActions: null,
    undo: null,
  };
}

export function findBlock(canvas: CanvasView | null, blockId: BlockId): BlockView | undefined {
  return canvas ? canonicalBlocks(canvas).find((b) => b.id === blockId) : undefined;
}

/**
 * The block editor's lifecycle: opening and leaving it, its inline confirmations, and Save and Reset with
 * their conflicts. The form's own edits (entries and figures) come from DraftFormActions.
 */
export class EditorViewActions extends DraftFormActions implements EditorActions {
  /** Opens a block as the sheet holds it now (one call), so the form never starts from a stale copy. */
  async open(blockId: BlockId): Promise<void> {
    if (this.state.busy) return;
    const listed = findBlock(this.state.canvas, blockId);
    if (!listed) return;
    const returnFocus = this.shell.beginCall('opening', `Opening ${listed.title}…`);
    let block: BlockView;
    try {
      block = await this.shell.api.getBlock({ blockId, ...this.canvasField() });
      if (block.id !== blockId) throw new ServerFailure(null, `getBlock sent ${block.id}, not ${blockId}`, 'getBlock');
    } catch (error) {
      this.state.listError = `${listed.title} could not be opened: ${failureText(error)}`;
      this.shell.announce('');
      this.shell.endCall(returnFocus);
      return;
    }
    this.updateCanvasBlock(block);
    const editor = newEditor(block, this.state.sources?.[blockId]);
    this.state.editor = editor;
    this.state.view = 'editor';
    this.state.listError = null;
    this.shell.focusAfterRender = editorIds.title;
    this.shell.endCall('');
    // The editor's focused title says which block is open: no message repeats it.
    this.shell.announce('');
    // Fire and forget: highlighting the block on the sheet must not hold up editing.
    this.shell.api.selectBlock({ blockId, ...this.canvasField() }).catch((error: unknown) => {
      if (this.state.editor !== editor) return;
      editor.notice = `Could not select ${block.title} on the sheet: ${failureText(error)}`;
      this.shell.render();
    });
  }

  refresh(): void {
    this.shell.refresh();
  }

  /** Selects on the sheet a cell of this block the canvas could not read (a figure value typed as text). */
  goToCell(problem: CellProblem): void {
    const editor = this.state.editor;
    goToCell(this.shell, problem, (text) => {
      if (editor) editor.notice = text;
    });
  }

  // ----- navigation and confirmations -------------------------------------------------------------------

  /** Which button asked to leave (Back or Cancel), so Keep editing returns there. */
  private leaveFrom: string | null = null;

  back(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    if (isDirty(editor.base, editor.draft)) {
      this.leaveFrom = editorIds.back;
      editor.confirm = 'leave';
      this.shell.focusAfterRender = editorIds.confirmText;
      this.shell.render();
      return;
    }
    this.leaveEditor();
  }

  /** Cancel leaves at once when nothing changed; with unsaved edits it asks first (Escape keeps editing). */
  cancel(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    if (isDirty(editor.base, editor.draft)) {
      this.leaveFrom = editorIds.cancel;
      editor.confirm = 'leave';
      this.shell.focusAfterRender = editorIds.confirmText;
      this.shell.render();
      return;
    }
    this.leaveEditor();
  }

  /** Escape: closes the confirmation, else an entry's actions or the figure being edited. */
  escape(): boolean {
    const editor = this.state.editor;
    if (!editor) return false;
    if (editor.confirm) {
      if (this.state.busy) return true;
      this.dismissConfirm();
      return true;
    }
    return this.closePanel();
  }

  private leaveEditor(): void {
    const editor = this.state.editor;
    const blockId = editor?.blockId;
    const discarded = editor !== null && isDirty(editor.base, editor.draft);
    this.shell.offerUndo('', null);
    this.state.editor = null;
    this.state.view = 'list';
    this.shell.focusAfterRender = blockId ? `open-${blockId}` : 'list-title';
    this.shell.render();
    this.shell.announce(discarded && editor ? `Your edits to ${editor.base.title} were discarded.` : '');
  }

  askReset(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    editor.confirm = 'reset';
    this.shell.focusAfterRender = editorIds.confirmText;
    this.shell.render();
  }

  confirm(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    if (editor.confirm === 'reset') void this.resetToOriginal();
    else if (editor.confirm === 'refresh') void this.shell.refreshFromSheet();
    else if (editor.confirm === 'leave') this.leaveEditor();
  }

  dismissConfirm(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    const kind = editor.confirm;
    editor.confirm = null;
    this.shell.focusAfterRender =
      kind === 'reset'
        ? editorIds.reset
        : kind === 'refresh'
          ? editorIds.refresh
          : (this.leaveFrom ?? editorIds.cancel);
    this.shell.render();
  }

  // ----- save, reset, conflicts -----------------------------------------------------------------------------

  async save(): Promise<void> {
    const editor = this.state.editor;
    if (!editor || this.state.busy || editor.conflict) return;
    editor.confirm = null;
    editor.error = null;
    const issues = validateDraft(editor.draft);
    editor.issues = issues;
    if (issues.length) {
      // Open every figure with a problem, and put the list of problems (links to the fields) in view.
      const bad = editor.draft.figures.filter((f) => issues.some((i) => i.fieldId?.startsWith(`figure-${f.key}-`)));
      editor.expanded = [...new Set([...editor.expanded, ...bad.map((f) => f.key)])];
      this.shell.announce('');
      this.shell.focusAfterRender = editorIds.issues;
      this.shell.render();
      return;
    }
    // The block as loaded goes along as `base`: a teammate's changes made meanwhile are merged, never overwritten.
    const request = {
      ...saveRequest(editor.base, editor.draft),
      base: {
        entries: editor.base.entries,
        figures: editor.base.figures,
        ...(editor.base.links.some((ids) => ids.length > 0) ? { links: editor.base.links } : {}),
        ...(editor.base.evidence ? { evidence: editor.base.evidence } : {}),
      },
      ...this.canvasField(),
    };
    const sent = draftFingerprint(editor.draft);
    const returnFocus = this.shell.beginCall('saving', `Saving ${editor.base.title}…`);
    try {
      const answer = await this.shell.api.saveBlock(request);
      const { merged, teammateChanges, ...saved } = answer;
      this.updateCanvasBlock(saved);
      editor.base = saved;
      editor.interrupted = false;
      // Keep anything typed while the save was running; otherwise show exactly what the sheet now holds.
      if (draftFingerprint(editor.draft) === sent)
        editor.draft = rebaseDraft(editor.draft, saved, this.state.sources?.[saved.id]);
      editor.undo = null;
      this.shell.offerUndo('', null);
      this.shell.announce(
        merged ? `Saved ${saved.title}, together with ${teammateSummary(teammateChanges)}.` : `Saved ${saved.title}.`,
      );
    } catch (error) {
      await this.failedWrite(editor, error, 'Nothing was saved; your edits are still in the form.');
    }
    this.shell.endCall(returnFocus);
  }

  /** Runs once the user has confirmed Reset: the block goes back to the original content. */
  private async resetToOriginal(): Promise<void> {
    const editor = this.state.editor;
    if (!editor) return;
    const returnFocus = this.shell.beginCall('resetting', `Resetting ${editor.base.title}…`);
    try {
      const reset = await this.shell.api.resetBlock({
        blockId: editor.blockId,
        version: editor.base.version,
        ...this.canvasField(),
      });
      this.updateCanvasBlock(reset);
      editor.base = reset;
      editor.draft = draftFromBlock(reset, this.state.sources?.[reset.id]);
      editor.confirm = null;
      editor.issues = [];
      editor.error = null;
      this.shell.focusAfterRender = editorIds.title;
      this.shell.announce(`${reset.title} was reset to the original content.`);
    } catch (error) {
      editor.confirm = null;
      await this.failedWrite(editor, error, RESET_REFUSED);
    }
    this.shell.endCall(returnFocus);
  }

  private updateCanvasBlock(block: BlockView): void {
    const canvas = this.state.canvas;
    if (!canvas) return;
    canvas.blocks = canvas.blocks.map((b) => (b.id === block.id ? block : b));
    // Segments changed: their ids, and the other blocks' links (and versions) when one was deleted. Read them
    // again in the background so pickers and later saves start from the sheet.
    if (block.id === 'customer-segments') {
      this.shell.api
        .getCanvas(this.canvasField())
        .then((fresh) => {
          if (this.state.canvas !== canvas) return;
          canvas.segments = fresh.segments;
          canvas.blocks = fresh.blocks;
        })
        .catch(() => undefined); // the next Refresh reads them anyway
    }
  }

  /** The canvas this sidebar shows, for every request (saves act on it whatever sheet is active). */
  private canvasField(): { canvasId?: string } {
    return canvasField(this.state.canvas);
  }

  /**
   * A save or reset failed: show why. On a conflict, read the block as the sheet holds it now and merge: only the
   * items both sides changed are shown for a choice, everything else is merged already.
   */
  private async failedWrite(editor: EditorState, failure: unknown, outcome: string): Promise<void> {
    this.shell.announce('');
    const message = failureText(failure);
    if (failureOf(failure)?.code === 'partial-write') {
      await this.reloadAfterPartialWrite(editor, outcome === RESET_REFUSED);
      return;
    }
    if (failureOf(failure)?.code !== 'conflict') {
      // Focus moves to the message (in the sticky footer, so it is in view); Save is right below it.
      // A failure whose words already say nothing was saved (Google service failures) is not told twice.
      editor.error = saysWhatWasSaved(failure) ? message : `${message} ${outcome}`;
      this.shell.focusAfterRender = editorIds.error;
      return;
    }
    try {
      const sheet = await this.shell.api.getBlock({ blockId: editor.blockId, ...this.canvasField() });
      this.updateCanvasBlock(sheet);
      if (outcome === RESET_REFUSED) {
        // A reset discards the form anyway: show the sheet's content, and let the user decide again.
        this.state.editor = {
          ...newEditor(sheet, this.state.sources?.[sheet.id]),
          error: `${message} ${outcome}`,
        };
        this.shell.focusAfterRender = editorIds.error;
        return;
      }
      const conflict = mergeConflict(message, editor.base, editor.draft, sheet);
      if (conflict.picks.length === 0) {
        // The overlap is gone (the sheet changed again): take the merge into the form and let the user save it.
        Object.assign(editor, resolvedDraft(conflict));
        editor.error =
          'A teammate changed this block meanwhile; their changes are now merged into the form. Save again.';
        return;
      }
      editor.conflict = conflict;
      this.shell.focusAfterRender = editorIds.conflictTitle;
    } catch (error) {
      editor.error = `${message} Loading what the sheet holds now also failed: ${failureText(error)}`;
      this.shell.focusAfterRender = editorIds.error;
    }
  }

  /**
   * A save or reset stopped part-way (Apps Script is not transactional): read the block again so the sidebar shows
   * what the sheet now holds. A save keeps the user's edits as the draft on top of it, so Save writes exactly them
   * (the version is the sheet's: no conflict, nothing doubled); a reset shows the sheet, ready to reset again.
   */
  private async reloadAfterPartialWrite(editor: EditorState, reset: boolean): Promise<void> {
    const title = editor.base.title;
    this.shell.focusAfterRender = editorIds.error;
    try {
      const sheet = await this.shell.api.getBlock({ blockId: editor.blockId, ...this.canvasField() });
      this.updateCanvasBlock(sheet);
      if (reset) {
        this.state.editor = {
          ...newEditor(sheet, this.state.sources?.[sheet.id]),
          error: partialWriteText('reset', title, { reloaded: true }),
        };
        return;
      }
      editor.base = sheet;
      editor.interrupted = true;
      editor.error = partialWriteText('save', title, { reloaded: true });
    } catch (error) {
      const stopped = partialWriteText(reset ? 'reset' : 'save', title, { reloaded: false });
      editor.error = `${stopped} Loading what the sheet holds now also failed: ${failureText(error)}`;
    }
  }

  pickSide(index: number, side: Side): void {
    const conflict = this.state.editor?.conflict;
    if (!conflict || this.state.busy || index < 0 || index >= conflict.picks.length) return;
    conflict.picks[index] = side;
    this.shell.focusAfterRender = conflictIds.pick(index, side);
    this.shell.render();
  }

  /** The picks go into the form, on top of the sheet's version; the user reviews (or edits) and saves. */
  useChoices(): void {
    const editor = this.state.editor;
    const conflict = editor?.conflict;
    if (!editor || !conflict || this.state.busy || conflict.picks.some((p) => p === null)) return;
    const { base, draft } = resolvedDraft(conflict);
    editor.base = base;
    editor.draft = draft;
    editor.conflict = null;
    editor.error = null;
    this.shell.focusAfterRender = editorIds.save;
    this.shell.render();
    this.shell.announce('Your choices and everyone’s other changes are in the form. Review them, then click Save.');
  }

  discard(): void {
    const editor = this.state.editor;
    if (!editor?.conflict || this.state.busy) return;
    const sheet = editor.conflict.sheet;
    this.state.editor = newEditor(sheet, this.state.sources?.[sheet.id]);
    this.shell.focusAfterRender = editorIds.title;
    this.shell.render();
    this.shell.announce('Your edits were discarded. The form shows what is in the sheet now.');
  }
}
