import { emptyEntry, emptyFigure, fieldIds, moveItem, validateDraft, type FigureField } from './draft';
import { editorIds, summaryText } from './render-editor';
import type { SidebarShell } from './shell';
import type { AppState, EditorState } from './state';

/**
 * The editor form's own edits: typing, moving, adding and deleting entries and figures in the draft.
 * Typing never re-renders (focus, caret and IME composition stay put); it updates the page in place.
 */
export class DraftFormActions {
  constructor(protected readonly shell: SidebarShell) {}

  protected get state(): AppState {
    return this.shell.state;
  }

  focusField(fieldId: string): void {
    document.getElementById(fieldId)?.focus();
  }

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

  toggleLink(key: string, segmentId: string, checked: boolean): void {
    const entry = this.state.editor?.draft.entries.find((e) => e.key === key);
    if (!entry) return;
    const links = (entry.links ?? []).filter((id) => id !== segmentId);
    entry.links = checked ? [...links, segmentId] : links;
    this.updateSummary();
  }

  pickerOpen(key: string, open: boolean): void {
    const editor = this.state.editor;
    if (!editor) return;
    const others = (editor.openPickers ?? []).filter((k) => k !== key);
    editor.openPickers = open ? [...others, key] : others;
  }

  moveEntry(key: string, delta: -1 | 1, from: 'button' | 'keyboard'): void {
    const editor = this.state.editor;
    if (!editor) return;
    const entries = editor.draft.entries;
    const index = entries.findIndex((e) => e.key === key);
    const target = index + delta;
    if (index < 0) return;
    if (target < 0 || target >= entries.length) {
      this.shell.announce(`Entry ${index + 1} is already ${delta < 0 ? 'first' : 'last'}.`);
      return;
    }
    editor.draft.entries = moveItem(entries, index, target);
    this.structureChanged(editor);
    if (from === 'keyboard') this.shell.focusAfterRender = fieldIds.entry(key);
    else this.shell.focusAfterRender = delta < 0 ? editorIds.entryUp(key) : editorIds.entryDown(key);
    this.shell.render();
    this.shell.announce(`Entry moved to position ${target + 1} of ${entries.length}.`);
  }

  deleteEntry(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const index = editor.draft.entries.findIndex((e) => e.key === key);
    if (index < 0) return;
    editor.draft.entries = editor.draft.entries.filter((e) => e.key !== key);
    this.structureChanged(editor);
    const next = editor.draft.entries[index] ?? editor.draft.entries[index - 1];
    this.shell.focusAfterRender = next ? fieldIds.entry(next.key) : fieldIds.addEntry;
    this.shell.render();
    this.shell.announce(`Entry ${index + 1} deleted. Cancel brings it back until you save.`);
  }

  addEntry(): void {
    const editor = this.state.editor;
    if (!editor) return;
    const entry = emptyEntry();
    editor.draft.entries = [...editor.draft.entries, entry];
    this.structureChanged(editor);
    this.shell.focusAfterRender = fieldIds.entry(entry.key);
    this.shell.render();
    this.shell.announce(`Entry ${editor.draft.entries.length} added.`);
  }

  deleteFigure(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const index = editor.draft.figures.findIndex((f) => f.key === key);
    if (index < 0) return;
    editor.draft.figures = editor.draft.figures.filter((f) => f.key !== key);
    this.structureChanged(editor);
    const next = editor.draft.figures[index] ?? editor.draft.figures[index - 1];
    this.shell.focusAfterRender = next ? fieldIds.figure(next.key, 'label') : fieldIds.addFigure;
    this.shell.render();
    this.shell.announce(`Figure ${index + 1} deleted.`);
  }

  addFigure(): void {
    const editor = this.state.editor;
    if (!editor) return;
    const figure = emptyFigure();
    editor.draft.figures = [...editor.draft.figures, figure];
    this.structureChanged(editor);
    this.shell.focusAfterRender = fieldIds.figure(figure.key, 'label');
    this.shell.render();
    this.shell.announce(`Figure ${editor.draft.figures.length} added.`);
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
          editor.issues.length === 1
            ? 'Please fix this before saving:'
            : `Please fix these ${editor.issues.length} problems before saving:`;
      }
    }
  }

  private updateSummary(): void {
    const editor = this.state.editor;
    const summary = document.getElementById(editorIds.dirty);
    if (editor && summary) summary.textContent = summaryText(editor);
  }
}
