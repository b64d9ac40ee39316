/** The editor form's own edits (typing, moving, adding, deleting with Undo) on the draft. */
import type { EntryEvidence } from '../core/evidence';
import {
  emptyEntry,
  emptyFigure,
  fieldIds,
  isDirty,
  moveItem,
  unitNote,
  validateDraft,
  type FigureField,
} from './draft';
import { editorIds, summaryText } from './render-editor';
import { entryIds } from './render-entries';
import { figureIds, figureLine } from './render-figures';
import type { SidebarShell } from './shell';
import type { AppState, EditorState } from './state';

/**
 * The editor form's own edits: typing, moving, adding, deleting (with Undo) entries and figures in the draft,
 * and opening a figure or an entry's actions. Typing never re-renders (focus, caret and IME composition stay
 * put); it updates the page in place.
 */
export class DraftFormActions {
  constructor(protected readonly shell: SidebarShell) {}

  protected get state(): AppState {
    return this.shell.state;
  }

  focusField(fieldId: string): void {
    const figure = this.state.editor?.draft.figures.find((f) =>
      (['label', 'value', 'unit', 'period', 'note', 'metric'] as const).some(
        (k) => fieldIds.figure(f.key, k) === fieldId,
      ),
    );
    const editor = this.state.editor;
    // A source field sits in its entry's evidence chip: open the chip first.
    const chipEntry = editor?.draft.entries.find((e) => fieldIds.evidenceSource(e.key) === fieldId);
    if (editor && chipEntry && !(editor.openEvidence ?? []).includes(chipEntry.key)) {
      editor.openEvidence = [...(editor.openEvidence ?? []), chipEntry.key];
      this.shell.focusAfterRender = fieldId;
      this.shell.render();
      return;
    }
    if (editor && figure && !editor.expanded.includes(figure.key)) {
      editor.expanded = [...editor.expanded, figure.key];
      this.shell.focusAfterRender = fieldId;
      this.shell.render();
      return;
    }
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
    // The one-line row and the unit note follow what is typed, in place.
    const label = document.getElementById(figureIds.summaryLabel(key));
    if (label) label.textContent = figure.label.trim() || 'New figure';
    const line = document.getElementById(figureIds.summaryValue(key));
    if (line) line.textContent = figureLine(figure);
    const note = document.getElementById(figureIds.unitNote(key));
    if (note && field === 'unit') note.textContent = unitNote(figure.unit);
  }

  toggleFigure(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const open = editor.expanded.includes(key);
    editor.expanded = open ? editor.expanded.filter((k) => k !== key) : [...editor.expanded, key];
    this.shell.focusAfterRender = figureIds.toggle(key);
    this.shell.render();
  }

  toggleEntryActions(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    editor.entryActions = editor.entryActions === key ? null : key;
    this.shell.focusAfterRender = entryIds.more(key);
    this.shell.render();
  }

  /** Escape closes the innermost open thing: an entry's actions, then the figure being edited. */
  closePanel(): boolean {
    const editor = this.state.editor;
    if (!editor) return false;
    if (editor.entryActions) {
      const key = editor.entryActions;
      editor.entryActions = null;
      this.shell.focusAfterRender = entryIds.more(key);
      this.shell.render();
      return true;
    }
    const active = document.activeElement;
    const item = active instanceof HTMLElement ? active.closest('li.figure') : null;
    const key = item?.getAttribute('data-key');
    if (key && editor.expanded.includes(key)) {
      this.toggleFigure(key);
      return true;
    }
    return false;
  }

  toggleLink(key: string, segmentId: string, checked: boolean): void {
    const entry = this.state.editor?.draft.entries.find((e) => e.key === key);
    if (!entry) return;
    const links = (entry.links ?? []).filter((id) => id !== segmentId);
    entry.links = checked ? [...links, segmentId] : links;
    this.updateSummary();
  }

  /** Sets an entry's evidence from its chip (no re-render: the chip updates itself, focus stays put). */
  setEvidence(key: string, evidence: EntryEvidence): void {
    const entry = this.state.editor?.draft.entries.find((e) => e.key === key);
    if (!entry) return;
    entry.evidence = evidence;
    this.updateSummary();
  }

  /** Remembers which entries' evidence chips are open across re-renders. */
  evidenceOpen(key: string, open: boolean): void {
    const editor = this.state.editor;
    if (!editor) return;
    const others = (editor.openEvidence ?? []).filter((k) => k !== key);
    editor.openEvidence = open ? [...others, key] : others;
  }

  /** Shows only the entries that need evidence, or all of them again. */
  filterUnverified(on: boolean): void {
    const editor = this.state.editor;
    if (!editor) return;
    editor.unverifiedOnly = on;
    this.shell.focusAfterRender = 'unverified-only';
    this.shell.render();
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
    else this.shell.focusAfterRender = delta < 0 ? entryIds.up(key) : entryIds.down(key);
    this.shell.render();
    this.shell.announce(`Entry moved to position ${target + 1} of ${entries.length}.`);
  }

  deleteEntry(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const index = editor.draft.entries.findIndex((e) => e.key === key);
    if (index < 0) return;
    editor.undo = { kind: 'entry', index, item: editor.draft.entries[index] };
    editor.draft.entries = editor.draft.entries.filter((e) => e.key !== key);
    editor.entryActions = null;
    this.structureChanged(editor);
    const next = editor.draft.entries[index] ?? editor.draft.entries[index - 1];
    this.shell.focusAfterRender = next ? fieldIds.entry(next.key) : fieldIds.addEntry;
    this.shell.render();
    this.shell.offerUndo(`Entry ${index + 1} deleted.`, () => this.undoDelete());
  }

  deleteFigure(key: string): void {
    const editor = this.state.editor;
    if (!editor) return;
    const index = editor.draft.figures.findIndex((f) => f.key === key);
    if (index < 0) return;
    const figure = editor.draft.figures[index];
    editor.undo = { kind: 'figure', index, item: figure };
    editor.draft.figures = editor.draft.figures.filter((f) => f.key !== key);
    this.structureChanged(editor);
    const next = editor.draft.figures[index] ?? editor.draft.figures[index - 1];
    this.shell.focusAfterRender = next ? figureIds.toggle(next.key) : fieldIds.addFigure;
    this.shell.render();
    this.shell.offerUndo(`Figure ${index + 1}${figure.label.trim() ? ` (${figure.label.trim()})` : ''} deleted.`, () =>
      this.undoDelete(),
    );
  }

  /** Puts the last deleted entry or figure back where it was, with what it held. */
  undoDelete(): void {
    const editor = this.state.editor;
    const undo = editor?.undo;
    if (!editor || !undo) return;
    editor.undo = null;
    if (undo.kind === 'entry') {
      const entries = editor.draft.entries.slice();
      entries.splice(Math.min(undo.index, entries.length), 0, undo.item);
      editor.draft.entries = entries;
      this.shell.focusAfterRender = fieldIds.entry(undo.item.key);
    } else {
      const figures = editor.draft.figures.slice();
      figures.splice(Math.min(undo.index, figures.length), 0, undo.item);
      editor.draft.figures = figures;
      this.shell.focusAfterRender = figureIds.toggle(undo.item.key);
    }
    this.structureChanged(editor);
    this.shell.render();
    this.shell.announce(`${undo.kind === 'entry' ? 'Entry' : 'Figure'} ${undo.index + 1} restored.`);
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

  addFigure(): void {
    const editor = this.state.editor;
    if (!editor) return;
    const figure = emptyFigure();
    editor.draft.figures = [...editor.draft.figures, figure];
    editor.expanded = [...editor.expanded, figure.key];
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
    const describedBy = (field?.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && id !== `${fieldId}-error`)
      .join(' ');
    if (describedBy) field?.setAttribute('aria-describedby', describedBy);
    else field?.removeAttribute('aria-describedby');
    document.getElementById(`${fieldId}-error`)?.remove();
    const list = document.getElementById(editorIds.issues);
    if (list && editor.issues.length === 0) list.remove();
    else if (list) {
      for (const item of Array.from(list.querySelectorAll('li'))) {
        if (item.getAttribute('data-field') === fieldId) item.remove();
      }
      const intro = list.querySelector('p');
      const text = intro?.lastChild;
      if (text && text.nodeType === Node.TEXT_NODE) {
        text.textContent =
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
    // "Saved …" stops being true with the first edit after it.
    if (editor && isDirty(editor.base, editor.draft)) this.shell.withdraw((text) => text.startsWith('Saved '));
  }
}
