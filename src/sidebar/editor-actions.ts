import type { BlockId } from '../core/block-ids';
import type { BlockView, CanvasView } from '../core/view';
import { canonicalBlocks, isCanvasView } from './boot';
import { draftFingerprint, draftFromBlock, isDirty, rebaseDraft, saveRequest, validateDraft } from './draft';
import { DraftFormActions } from './draft-form-actions';
import { editorIds, type EditorActions } from './render-editor';
import { errorMessage, isConflictMessage } from './server';
import type { EditorState } from './state';

/** An editor on `block` as the sheet holds it: no edits, no messages. */
export function newEditor(block: BlockView): EditorState {
  return {
    blockId: block.id,
    base: block,
    draft: draftFromBlock(block),
    issues: [],
    error: null,
    notice: null,
    confirm: null,
    conflict: null,
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
  open(blockId: BlockId): void {
    if (this.state.busy) return;
    const block = findBlock(this.state.canvas, blockId);
    if (!block) return;
    const editor = newEditor(block);
    this.state.editor = editor;
    this.state.view = 'editor';
    this.state.listError = null;
    this.shell.focusAfterRender = editorIds.title;
    this.shell.render();
    this.shell.announce(`Editing ${block.title}.`);
    // Fire and forget: highlighting the block on the sheet must not hold up editing.
    this.shell.api.selectBlock(blockId).catch((error: unknown) => {
      if (this.state.editor !== editor) return;
      editor.notice = `Could not select ${block.title} on the sheet: ${errorMessage(error)}`;
      this.shell.render();
    });
  }

  refresh(): void {
    this.shell.refresh();
  }

  // ----- navigation and confirmations -------------------------------------------------------------------

  back(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    if (isDirty(editor.base, editor.draft)) {
      editor.confirm = 'leave';
      this.shell.focusAfterRender = editorIds.confirmText;
      this.shell.render();
      return;
    }
    this.leaveEditor();
  }

  cancel(): void {
    const editor = this.state.editor;
    if (!editor || this.state.busy) return;
    const dirty = isDirty(editor.base, editor.draft);
    this.leaveEditor();
    if (dirty) this.shell.announce(`Your edits to ${editor.base.title} were discarded.`);
  }

  private leaveEditor(): void {
    const blockId = this.state.editor?.blockId;
    this.state.editor = null;
    this.state.view = 'list';
    this.shell.focusAfterRender = blockId ? `open-${blockId}` : 'list-title';
    this.shell.render();
    this.shell.announce('');
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
    this.shell.focusAfterRender = kind === 'reset' ? 'reset' : kind === 'refresh' ? 'refresh' : 'back';
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
      this.shell.announce('');
      this.shell.focusAfterRender = issues[0].fieldId ?? editorIds.issues;
      this.shell.render();
      return;
    }
    const request = saveRequest(editor.base, editor.draft);
    const sent = draftFingerprint(editor.draft);
    const returnFocus = this.shell.beginCall('saving', `Saving ${editor.base.title}…`);
    try {
      const saved = await this.shell.api.saveBlock(request);
      this.updateCanvasBlock(saved);
      editor.base = saved;
      // Keep anything typed while the save was running; otherwise show exactly what the sheet now holds.
      if (draftFingerprint(editor.draft) === sent) editor.draft = rebaseDraft(editor.draft, saved);
      this.shell.announce(`Saved ${saved.title}.`);
    } catch (error) {
      await this.failedWrite(editor, errorMessage(error), 'Nothing was saved; your edits are still in the form.');
    }
    this.shell.endCall(returnFocus);
  }

  /** Runs once the user has confirmed Reset: the block goes back to the original content. */
  private async resetToOriginal(): Promise<void> {
    const editor = this.state.editor;
    if (!editor) return;
    const returnFocus = this.shell.beginCall('resetting', `Resetting ${editor.base.title}…`);
    try {
      const reset = await this.shell.api.resetBlock({ blockId: editor.blockId, version: editor.base.version });
      this.updateCanvasBlock(reset);
      editor.base = reset;
      editor.draft = draftFromBlock(reset);
      editor.confirm = null;
      editor.issues = [];
      editor.error = null;
      this.shell.focusAfterRender = editorIds.title;
      this.shell.announce(`${reset.title} was reset to the original content.`);
    } catch (error) {
      editor.confirm = null;
      await this.failedWrite(editor, errorMessage(error), 'The block was not reset.');
      if (!this.shell.focusAfterRender) this.shell.focusAfterRender = 'reset';
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
        .getCanvas()
        .then((fresh) => {
          if (!isCanvasView(fresh) || this.state.canvas !== canvas) return;
          canvas.segments = fresh.segments;
          canvas.blocks = fresh.blocks;
        })
        .catch(() => undefined); // the next Refresh reads them anyway
    }
  }

  /** A save or reset failed: show why; on a conflict, fetch the sheet's content to show beside the user's edits. */
  private async failedWrite(editor: EditorState, message: string, outcome: string): Promise<void> {
    this.shell.announce('');
    if (!isConflictMessage(message)) {
      // The alert is announced; focus goes back to the button that was pressed, ready to try again.
      editor.error = `${message} ${outcome}`;
      return;
    }
    try {
      const canvas = await this.shell.api.getCanvas();
      if (!isCanvasView(canvas)) throw new Error('The add-on sent back a canvas the sidebar does not understand.');
      this.state.canvas = canvas;
      const sheet = findBlock(canvas, editor.blockId);
      if (!sheet) {
        editor.error = `${message} The block could not be found on the canvas any more.`;
        return;
      }
      editor.conflict = { message, sheet };
      this.shell.focusAfterRender = editorIds.conflictTitle;
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
    this.shell.focusAfterRender = editorIds.save;
    this.shell.render();
    this.shell.announce('Your edits now apply to the sheet’s latest version. Review them, then click Save.');
  }

  discard(): void {
    const editor = this.state.editor;
    if (!editor?.conflict || this.state.busy) return;
    const sheet = editor.conflict.sheet;
    this.state.editor = newEditor(sheet);
    this.shell.focusAfterRender = editorIds.title;
    this.shell.render();
    this.shell.announce('Your edits were discarded. The form shows what is in the sheet now.');
  }
}
