/** The fit checks and "Show what serves" actions of the list view. */
import type { FitCheckView } from '../core/view';
import { fixBlockOf } from '../core/fit-checks';
import { canvasField } from './canvas-picker';
import { pickerIds } from './segment-picker';
import { fieldIds } from './draft';
import type { EditorViewActions } from './editor-actions';
import { fitIds, type FitActions } from './render-fit-checks';
import { failureText } from './plain-errors';
import type { SidebarShell } from './shell';

/**
 * Fit checks and "show what serves": the checks come from the server (the sheet as it is, teammates' edits
 * included); the filter lists the serving entries from the canvas the sidebar holds and selects them on the
 * sheet (a selection, not a format change, so nothing in the document changes for teammates).
 */
export class FitViewActions implements FitActions {
  constructor(
    private readonly shell: SidebarShell,
    private readonly editor: EditorViewActions,
  ) {}

  checkFit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.shell.state.busy) return;
    const fit = (this.shell.state.fit ??= { checks: null, error: null, serving: '' });
    const returnFocus = this.shell.beginCall('checkingFit', 'Checking fit…');
    try {
      fit.checks = await this.shell.api.getFitChecks(canvasField(this.shell.state.canvas));
      fit.error = null;
      this.shell.focusAfterRender = fitIds.list;
      this.shell.announce(
        fit.checks.length === 0
          ? 'No open questions.'
          : `${fit.checks.length} open ${fit.checks.length === 1 ? 'question' : 'questions'} for the team.`,
      );
    } catch (error) {
      fit.error = failureText(error);
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }

  /**
   * Opens the block where the check is answered (read fresh from the sheet): for "a segment has no channel", the
   * Channels editor with the first entry's segment picker open at that segment; otherwise the entry it is about.
   */
  async goToCheck(check: FitCheckView): Promise<void> {
    const block = fixBlockOf(check);
    await this.editor.open(block);
    const editor = this.shell.state.editor;
    if (!editor || editor.blockId !== block) return;
    if (block !== check.blockId && check.segmentId) {
      const first = editor.draft.entries[0];
      if (!first) return;
      this.editor.pickerOpen(first.key, true);
      this.shell.focusAfterRender = pickerIds.box(first.key, check.segmentId);
      this.shell.render();
      return;
    }
    const entry = check.entryIndex !== undefined ? editor.draft.entries[check.entryIndex] : undefined;
    if (entry) document.getElementById(fieldIds.entry(entry.key))?.focus();
  }

  showServing(segmentId: string): void {
    const fit = (this.shell.state.fit ??= { checks: null, error: null, serving: '' });
    fit.serving = segmentId;
    this.shell.focusAfterRender = fitIds.filter;
    this.shell.render();
    const segment = this.shell.state.canvas?.segments.find((s) => s.id === segmentId);
    if (!segment) return;
    this.shell.api
      .selectSegmentEntries({ segmentId, ...canvasField(this.shell.state.canvas) })
      .then((count) =>
        this.shell.announce(
          `${count} ${count === 1 ? 'entry serves' : 'entries serve'} ${segment.text}; selected on the sheet.`,
        ),
      )
      .catch((error: unknown) => {
        fit.error = `Could not select on the sheet: ${failureText(error)}`;
        this.shell.render();
      });
  }
}
