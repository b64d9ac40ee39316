/** Renders the block editor. */
import { canonicalBlocks } from './boot';
import { append, el, plural, type Child } from './dom';
import { canvasMetrics, fieldIds, isDirty, valueText, type ValidationIssue } from './draft';
import { backButton } from './back-button';
import { icon } from './icons';
import { renderEntries, type EntryActions } from './render-entries';
import { figureLine, renderFigures, type FigureActions } from './render-figures';
import { BUSY_LABELS, type AppState, type EditorState } from './state';
import { renderMergeConflict, type ConflictActions } from './render-conflict';
import { reportedLine } from './reported';
import { LINKED_BLOCKS } from '../core/fit-checks';
import { pickerIds, renderSegmentPicker, servedChips } from './segment-picker';
import { NEW_ENTRY_EVIDENCE, unverified, type EntryEvidence } from '../core/evidence';
import { renderEvidenceChip } from './evidence-chip';
import { blockProblems, renderCellProblems, type CellProblemActions } from './render-cell-problems';

export interface EditorActions extends EntryActions, FigureActions, ConflictActions, CellProblemActions {
  back(): void;
  refresh(): void;
  save(): Promise<void>;
  cancel(): void;
  askReset(): void;
  confirm(): void;
  dismissConfirm(): void;
  focusField(fieldId: string): void;
  /** Links or unlinks an entry and a customer segment (no re-render). */
  toggleLink(key: string, segmentId: string, checked: boolean): void;
  /** Remembers which entries' segment pickers are open across re-renders. */
  pickerOpen(key: string, open: boolean): void;
  /** Sets an entry's evidence (no re-render). */
  setEvidence(key: string, evidence: EntryEvidence): void;
  evidenceOpen(key: string, open: boolean): void;
  filterUnverified(on: boolean): void;
}

/** Ids of editor elements the controller moves focus to. */
export const editorIds = {
  title: 'editor-title',
  save: 'save',
  skip: 'skip-to-save',
  cancel: 'cancel',
  back: 'back',
  reset: 'reset',
  refresh: 'refresh',
  footer: 'editor-footer',
  confirmText: 'confirm-text',
  conflictTitle: 'conflict-title',
  issues: 'issues',
  error: 'editor-error',
  dirty: 'dirty-state',
  sheetNow: 'sheet-now',
};

/** "7 entries · 3 figures", plus "· unsaved changes" when the form differs from the sheet. */
export function summaryText(editor: EditorState): string {
  const { draft } = editor;
  const parts = [plural(draft.entries.length, 'entry', 'entries'), plural(draft.figures.length, 'figure', 'figures')];
  if (isDirty(editor.base, draft)) parts.push('unsaved changes');
  return parts.join(' · ');
}

const off = (busy: boolean) => (busy ? 'true' : undefined);

/** Xiaomi's reported value for this figure and the difference, when there is one (see reported.ts). */
function reportedNote(editor: EditorState, index: number): HTMLElement | null {
  const figure = editor.draft.figures[index];
  const line = figure ? reportedLine(figure, editor.base) : null;
  return line === null ? null : el('p', { class: 'secondary reported' }, line);
}

/** The segments an entry serves, as colour chips with names under its text (nothing when it serves none). */
function servedSegments(state: AppState, editor: EditorState, index: number): Child {
  const entry = editor.draft.entries[index];
  if (!entry || editor.blockId === 'customer-segments') return null;
  return el(
    'p',
    { class: 'served', id: pickerIds.served(entry.key) },
    ...servedChips(state.canvas?.segments ?? [], entry.links ?? []),
  );
}

/**
 * The segment picker of an entry (issue 14), offered in the blocks the fit checks read links from (Value
 * Propositions, Channels, Customer Relationships, Revenue Streams), and on any entry that already has links (from
 * an imported file) so they can be removed.
 */
function segmentPicker(state: AppState, editor: EditorState, actions: EditorActions, index: number): Child {
  const entry = editor.draft.entries[index];
  const segments = state.canvas?.segments ?? [];
  if (!entry || segments.length === 0) return null;
  if (!LINKED_BLOCKS.includes(editor.blockId) && (entry.links ?? []).length === 0) return null;
  return renderSegmentPicker({
    entryKey: entry.key,
    entryNumber: index + 1,
    segments,
    selected: entry.links ?? [],
    open: (editor.openPickers ?? []).includes(entry.key),
    onToggle: (segmentId, checked) => actions.toggleLink(entry.key, segmentId, checked),
    onOpenChange: (open) => actions.pickerOpen(entry.key, open),
  });
}

/** An entry's evidence chip (issue 19): status, importance and source, for every block. */
function evidenceChip(editor: EditorState, actions: EditorActions, index: number): Child {
  const entry = editor.draft.entries[index];
  if (!entry) return null;
  const issue = editor.issues.find((i) => i.fieldId === fieldIds.evidenceSource(entry.key));
  return renderEvidenceChip({
    entryKey: entry.key,
    entryNumber: index + 1,
    evidence: entry.evidence ?? { ...NEW_ENTRY_EVIDENCE },
    open: (editor.openEvidence ?? []).includes(entry.key),
    ...(issue ? { error: issue.message } : {}),
    onChange: (evidence) => actions.setEvidence(entry.key, evidence),
    onOpenChange: (open) => actions.evidenceOpen(entry.key, open),
  });
}

/** Two controls side by side in an entry's tools. */
function both(a: Child, b: Child): Child {
  const fragment = document.createDocumentFragment();
  append(fragment, [a, b]);
  return fragment;
}

const needsEvidence = (editor: EditorState, i: number) => {
  const e = editor.draft.entries[i]?.evidence;
  return !e || unverified(e);
};

/** The entries filter: only those that need evidence. */
function unverifiedFilter(editor: EditorState, actions: EditorActions): HTMLElement {
  const count = editor.draft.entries.filter((e) => e.evidence && unverified(e.evidence)).length;
  return el(
    'label',
    { class: 'filter', for: 'unverified-only' },
    el('input', {
      type: 'checkbox',
      id: 'unverified-only',
      checked: editor.unverifiedOnly === true,
      onchange: (event: Event) => actions.filterUnverified((event.target as HTMLInputElement).checked),
    }),
    `Only entries that need evidence (${count})`,
  );
}

/**
 * After a save that stopped part-way: what the sheet holds now (read again), open above the form that still holds
 * the user's edits, so both are in view and nothing typed is lost.
 */
function renderSheetNow(editor: EditorState): Child {
  if (!editor.interrupted) return null;
  const sheet = editor.base;
  const list = (items: string[]) =>
    items.length ? el('ul', {}, ...items.map((item) => el('li', {}, item))) : el('p', { class: 'secondary' }, 'None.');
  return el(
    'details',
    { class: 'notice sheet-now', id: editorIds.sheetNow, open: true },
    el(
      'summary',
      {},
      `What the sheet holds now: ${plural(sheet.entries.length, 'entry', 'entries')}, ${plural(sheet.figures.length, 'figure', 'figures')}`,
    ),
    el('h2', { class: 'sheet-now-heading' }, 'Entries'),
    list(sheet.entries),
    el('h2', { class: 'sheet-now-heading' }, 'Figures'),
    list(
      sheet.figures.map(
        (f, i) => `${f.label}: ${figureLine({ value: valueText(sheet, i), unit: f.unit, period: f.period })}`,
      ),
    ),
  );
}

function renderConflict(editor: EditorState, actions: EditorActions, { busy }: { busy: boolean }): Child {
  return editor.conflict ? renderMergeConflict(editor.conflict, actions, { busy }) : null;
}

function renderConfirm(state: AppState, editor: EditorState, actions: EditorActions): Child {
  if (!editor.confirm) return null;
  const title = editor.base.title;
  const dirty = isDirty(editor.base, editor.draft);
  let text: string;
  let confirmLabel: string;
  let keepLabel = 'Keep editing';
  if (editor.confirm === 'reset') {
    text = `Reset ${title} to the original Xiaomi content? This replaces its entries and figures in the sheet for everyone.${dirty ? ' Your unsaved edits will be lost.' : ''}`;
    confirmLabel = state.busy === 'resetting' ? BUSY_LABELS.resetting : 'Reset to original';
    keepLabel = 'Keep current content';
  } else if (editor.confirm === 'refresh') {
    text = 'You have unsaved edits. Refreshing loads what is in the sheet now and discards them.';
    confirmLabel = state.busy === 'refreshing' ? BUSY_LABELS.refreshing : 'Discard edits and refresh';
  } else {
    text = `You have unsaved edits to ${title}. Discard them?`;
    confirmLabel = 'Discard edits';
  }
  return el(
    'div',
    { class: 'panel confirm', role: 'group', 'aria-labelledby': editorIds.confirmText },
    el('p', { id: editorIds.confirmText, tabindex: '-1' }, text),
    el(
      'div',
      { class: 'buttons' },
      el(
        'button',
        {
          type: 'button',
          id: 'confirm-yes',
          class: 'danger-fill',
          'aria-disabled': off(state.busy !== null),
          onclick: () => actions.confirm(),
        },
        confirmLabel,
      ),
      el(
        'button',
        {
          type: 'button',
          id: 'confirm-no',
          'aria-disabled': off(state.busy !== null),
          onclick: () => actions.dismissConfirm(),
        },
        keepLabel,
      ),
    ),
    el('p', { class: 'hint secondary' }, 'Esc keeps editing.'),
  );
}

function renderIssues(editor: EditorState, actions: EditorActions): Child {
  if (!editor.issues.length) return null;
  return el(
    'div',
    { class: 'error-box', id: editorIds.issues, tabindex: '-1' },
    el(
      'p',
      { class: 'error-title' },
      icon('warning', 18),
      editor.issues.length === 1
        ? 'Please fix this before saving:'
        : `Please fix these ${editor.issues.length} problems before saving:`,
    ),
    el(
      'ul',
      {},
      ...editor.issues.map((issue: ValidationIssue) =>
        el(
          'li',
          { 'data-field': issue.fieldId ?? undefined },
          issue.fieldId
            ? el(
                'button',
                { type: 'button', class: 'link', onclick: () => actions.focusField(issue.fieldId as string) },
                issue.message,
              )
            : issue.message,
        ),
      ),
    ),
  );
}

/** The Save footer: sticky at the bottom, with the confirmation or the error of the last attempt above it. */
function renderFooter(state: AppState, editor: EditorState, actions: EditorActions): HTMLElement {
  const busy = state.busy !== null;
  return el(
    'div',
    { class: 'footer', id: editorIds.footer },
    renderConfirm(state, editor, actions),
    editor.error &&
      el(
        'div',
        { class: 'error-box', id: editorIds.error, tabindex: '-1' },
        el('p', { class: 'error-title' }, icon('warning', 18), editor.error),
      ),
    el(
      'div',
      { class: 'footer-buttons' },
      el(
        'button',
        {
          type: 'button',
          id: editorIds.save,
          class: 'action',
          'aria-disabled': off(busy || editor.conflict !== null),
          'aria-keyshortcuts': 'Control+Enter Meta+Enter',
          'aria-describedby': editor.conflict ? 'save-hint' : 'save-shortcut',
          onclick: () => void actions.save(),
        },
        state.busy === 'saving' ? BUSY_LABELS.saving : 'Save',
      ),
      el(
        'button',
        { type: 'button', id: editorIds.cancel, 'aria-disabled': off(busy), onclick: () => actions.cancel() },
        'Cancel',
      ),
      editor.conflict
        ? el('span', { class: 'secondary save-hint', id: 'save-hint' }, 'Choose what to keep first.')
        : el('span', { class: 'secondary save-hint', id: 'save-shortcut' }, 'Ctrl+Enter saves'),
    ),
  );
}

/** Extra per-item content other features add to the editor (kept here so they slot in without new layout). */
export interface EditorSlots {
  entryExtra?: (index: number) => Child;
  entryBelow?: (index: number) => Child;
  figureExtra?: (index: number) => Child;
}

/** The editor of one block: entries, figures, and Save (the view's one primary action) in a sticky footer. */
export function renderEditor(state: AppState, actions: EditorActions, slots: EditorSlots = {}): HTMLElement {
  const editor = state.editor as EditorState;
  const busy = state.busy !== null;
  const blocks = state.canvas ? canonicalBlocks(state.canvas) : [];
  const block = blocks.find((b) => b.id === editor.blockId);
  const title = block?.title ?? editor.base.title;
  return el(
    'section',
    { class: 'view editor-view', 'aria-labelledby': editorIds.title },
    el(
      'div',
      { class: 'toolbar' },
      backButton({ id: editorIds.back, label: 'All blocks', busy: busy, onBack: () => actions.back() }),
      el(
        'button',
        {
          type: 'button',
          id: editorIds.refresh,
          class: 'text-button',
          'aria-disabled': off(busy),
          onclick: () => actions.refresh(),
        },
        icon('refresh', 18),
        state.busy === 'refreshing' && editor.confirm !== 'refresh' ? BUSY_LABELS.refreshing : 'Refresh',
      ),
    ),
    el('h1', { id: editorIds.title, class: 'view-title', tabindex: '-1' }, title),
    // Save without tabbing through every field: the first stop after the title goes straight to it.
    el(
      'a',
      {
        href: `#${editorIds.save}`,
        id: editorIds.skip,
        class: 'skip-link',
        onclick: (event: Event) => {
          event.preventDefault();
          document.getElementById(editorIds.save)?.focus();
        },
      },
      'Skip to Save',
    ),
    el('p', { class: 'secondary summary', id: editorIds.dirty }, summaryText(editor)),
    editor.notice && el('div', { class: 'notice', id: 'editor-notice' }, editor.notice),
    renderCellProblems(blockProblems(editor.base), actions, 'editor', busy),
    renderSheetNow(editor),
    renderConflict(editor, actions, { busy }),
    el(
      'form',
      {
        class: 'editor-form',
        'aria-label': `Edit ${title}`,
        novalidate: true,
        // Enter in a field must not save by surprise: Save is a plain button, and a stray submit does nothing.
        onsubmit: (event: Event) => event.preventDefault(),
      },
      renderIssues(editor, actions),
      unverifiedFilter(editor, actions),
      renderEntries(
        editor,
        actions,
        slots.entryExtra ?? ((i) => both(segmentPicker(state, editor, actions, i), evidenceChip(editor, actions, i))),
        slots.entryBelow ?? ((i) => servedSegments(state, editor, i)),
        editor.unverifiedOnly ? (i) => needsEvidence(editor, i) : undefined,
      ),
      renderFigures(editor, canvasMetrics(blocks), actions, slots.figureExtra ?? ((i) => reportedNote(editor, i))),
      el(
        'section',
        { class: 'group reset-group', 'aria-label': 'Reset' },
        el(
          'button',
          {
            type: 'button',
            id: editorIds.reset,
            class: 'text-button',
            'aria-disabled': off(busy),
            onclick: () => actions.askReset(),
          },
          icon('history', 18),
          state.busy === 'resetting' ? BUSY_LABELS.resetting : 'Reset to original…',
        ),
      ),
      renderFooter(state, editor, actions),
    ),
  );
}
