import { canonicalBlocks } from './boot';
import { el, plural, type Child } from './dom';
import { fieldIds, formatValue, isDirty, type FigureDraft, type FigureField, type ValidationIssue } from './draft';
import { BUSY_LABELS, type AppState, type EditorState } from './state';
import type { BlockView, SegmentView } from '../core/view';
import { renderSegmentPicker } from './segment-picker';

export interface EditorActions {
  back(): void;
  refresh(): void;
  save(): void;
  cancel(): void;
  askReset(): void;
  confirm(): void;
  dismissConfirm(): void;
  reapply(): void;
  discard(): void;
  focusField(fieldId: string): void;
  entryInput(key: string, text: string): void;
  moveEntry(key: string, delta: -1 | 1, from: 'button' | 'keyboard'): void;
  deleteEntry(key: string): void;
  addEntry(): void;
  figureInput(key: string, field: FigureField, text: string): void;
  deleteFigure(key: string): void;
  addFigure(): void;
  /** Links or unlinks an entry and a customer segment (no re-render). */
  toggleLink(key: string, segmentId: string, checked: boolean): void;
  /** Remembers which entries' segment pickers are open across re-renders. */
  pickerOpen(key: string, open: boolean): void;
}

/** Ids of editor elements the controller moves focus to. */
export const editorIds = {
  title: 'editor-title',
  save: 'save',
  confirmText: 'confirm-text',
  conflictTitle: 'conflict-title',
  issues: 'issues',
  error: 'editor-error',
  dirty: 'dirty-state',
  entryUp: (key: string) => `up-${key}`,
  entryDown: (key: string) => `down-${key}`,
};

/** "7 entries · 3 figures", plus "· unsaved changes" when the form differs from the sheet. */
export function summaryText(editor: EditorState): string {
  const { draft } = editor;
  const parts = [plural(draft.entries.length, 'entry', 'entries'), plural(draft.figures.length, 'figure', 'figures')];
  if (isDirty(editor.base, draft)) parts.push('unsaved changes');
  return parts.join(' · ');
}

function issueFor(issues: ValidationIssue[], fieldId: string): ValidationIssue | undefined {
  return issues.find((issue) => issue.fieldId === fieldId);
}

/** aria attributes and the message element for a field that has a validation problem. */
function fieldError(issues: ValidationIssue[], fieldId: string): { attrs: Record<string, string>; node: Child } {
  const issue = issueFor(issues, fieldId);
  if (!issue) return { attrs: {}, node: null };
  const errorId = `${fieldId}-error`;
  return {
    attrs: { 'aria-invalid': 'true', 'aria-describedby': errorId },
    node: el('div', { class: 'field-error', id: errorId }, issue.message),
  };
}

function renderEntries(editor: EditorState, actions: EditorActions, segments: readonly SegmentView[]): HTMLElement {
  const { entries } = editor.draft;
  // Customer Segments' entries are the segments; every other block's entries can serve them.
  const linkable = editor.blockId !== 'customer-segments';
  const items = entries.map((entry, i) => {
    const n = i + 1;
    const id = fieldIds.entry(entry.key);
    const error = fieldError(editor.issues, id);
    const atTop = i === 0;
    const atBottom = i === entries.length - 1;
    return el(
      'li',
      { class: 'entry', 'data-key': entry.key },
      el(
        'div',
        { class: 'item-head' },
        el('label', { for: id }, `Entry ${n}`),
        el(
          'span',
          { class: 'item-tools' },
          el(
            'button',
            {
              type: 'button',
              class: 'icon',
              id: editorIds.entryUp(entry.key),
              'aria-label': `Move entry ${n} up`,
              title: 'Move up (Alt+↑)',
              'aria-disabled': atTop ? 'true' : undefined,
              onclick: () => !atTop && actions.moveEntry(entry.key, -1, 'button'),
            },
            '↑',
          ),
          el(
            'button',
            {
              type: 'button',
              class: 'icon',
              id: editorIds.entryDown(entry.key),
              'aria-label': `Move entry ${n} down`,
              title: 'Move down (Alt+↓)',
              'aria-disabled': atBottom ? 'true' : undefined,
              onclick: () => !atBottom && actions.moveEntry(entry.key, 1, 'button'),
            },
            '↓',
          ),
          el(
            'button',
            {
              type: 'button',
              class: 'icon delete',
              'aria-label': `Delete entry ${n}`,
              title: 'Delete entry',
              onclick: () => actions.deleteEntry(entry.key),
            },
            '✕',
          ),
        ),
      ),
      el('textarea', {
        id,
        class: 'entry-text',
        rows: Math.min(8, Math.max(2, Math.ceil(entry.text.length / 38))),
        value: entry.text,
        'aria-keyshortcuts': 'Alt+ArrowUp Alt+ArrowDown',
        ...error.attrs,
        oninput: (event: Event) => actions.entryInput(entry.key, (event.target as HTMLTextAreaElement).value),
        onkeydown: (event: Event) => {
          const key = event as KeyboardEvent;
          if (!key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return;
          if (key.key !== 'ArrowUp' && key.key !== 'ArrowDown') return;
          key.preventDefault();
          actions.moveEntry(entry.key, key.key === 'ArrowUp' ? -1 : 1, 'keyboard');
        },
      }),
      error.node,
      linkable &&
        renderSegmentPicker({
          entryKey: entry.key,
          entryNumber: n,
          segments,
          selected: entry.links ?? [],
          open: (editor.openPickers ?? []).includes(entry.key),
          onToggle: (segmentId, checked) => actions.toggleLink(entry.key, segmentId, checked),
          onOpenChange: (open) => actions.pickerOpen(entry.key, open),
        }),
    );
  });
  const addError = fieldError(editor.issues, fieldIds.addEntry);
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'entries-title' },
    el('h2', { id: 'entries-title' }, 'Entries'),
    el(
      'p',
      { class: 'secondary hint', id: 'entries-hint' },
      'One idea per entry. Alt+↑ / Alt+↓ moves the entry you are typing in.',
    ),
    entries.length ? el('ol', { class: 'items' }, ...items) : el('p', { class: 'secondary empty' }, 'No entries yet.'),
    el(
      'button',
      { type: 'button', id: fieldIds.addEntry, ...addError.attrs, onclick: () => actions.addEntry() },
      'Add entry',
    ),
    addError.node,
  );
}

function figureField(
  editor: EditorState,
  figure: FigureDraft,
  field: FigureField,
  label: string,
  actions: EditorActions,
  kind: 'input' | 'textarea' = 'input',
): HTMLElement {
  const id = fieldIds.figure(figure.key, field);
  const error = fieldError(editor.issues, id);
  const oninput = (event: Event) => actions.figureInput(figure.key, field, (event.target as HTMLInputElement).value);
  const control =
    kind === 'textarea'
      ? el('textarea', { id, rows: 2, value: figure[field], ...error.attrs, oninput })
      : el('input', {
          id,
          type: 'text',
          value: figure[field],
          inputmode: field === 'value' ? 'decimal' : undefined,
          autocomplete: 'off',
          ...error.attrs,
          oninput,
        });
  return el('div', { class: `field field-${field}` }, el('label', { for: id }, label), control, error.node);
}

function renderFigures(editor: EditorState, actions: EditorActions): HTMLElement {
  const { figures } = editor.draft;
  const items = figures.map((figure, i) => {
    const n = i + 1;
    return el(
      'li',
      { class: 'figure', 'data-key': figure.key },
      el(
        'fieldset',
        {},
        el('legend', {}, `Figure ${n}`),
        el(
          'button',
          {
            type: 'button',
            class: 'icon delete figure-delete',
            'aria-label': `Delete figure ${n}`,
            title: 'Delete figure',
            onclick: () => actions.deleteFigure(figure.key),
          },
          '✕',
        ),
        figureField(editor, figure, 'label', 'Label', actions),
        figureField(editor, figure, 'value', 'Value', actions),
        el(
          'div',
          { class: 'field-row' },
          figureField(editor, figure, 'unit', 'Unit', actions),
          figureField(editor, figure, 'period', 'Period', actions),
        ),
        figureField(editor, figure, 'note', 'Note', actions, 'textarea'),
      ),
    );
  });
  const addError = fieldError(editor.issues, fieldIds.addFigure);
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'figures-title' },
    el('h2', { id: 'figures-title' }, 'Figures'),
    el('p', { class: 'secondary hint' }, 'Key numbers for this block. They feed the Key Figures sheet.'),
    figures.length
      ? el('ol', { class: 'items figures' }, ...items)
      : el('p', { class: 'secondary empty' }, 'No figures.'),
    el(
      'button',
      { type: 'button', id: fieldIds.addFigure, ...addError.attrs, onclick: () => actions.addFigure() },
      'Add figure',
    ),
    addError.node,
  );
}

function describeFigure(figure: BlockView['figures'][number]): string {
  const unit = figure.unit ? ` ${figure.unit}` : '';
  const period = figure.period ? ` (${figure.period})` : '';
  return `${figure.label}: ${formatValue(figure.value)}${unit}${period}`;
}

function renderConflict(editor: EditorState, busy: boolean, actions: EditorActions): Child {
  const conflict = editor.conflict;
  if (!conflict) return null;
  const sheet = conflict.sheet;
  // What the user started from, so the teammate's changes can be pointed out (Re-apply would replace them).
  const before = { entries: new Set(editor.base.entries), figures: new Set(editor.base.figures.map(describeFigure)) };
  const now = new Set(sheet.entries);
  const removed = editor.base.entries.filter((text) => !now.has(text));
  return el(
    'section',
    { class: 'panel conflict', 'aria-labelledby': editorIds.conflictTitle },
    el('h2', { id: editorIds.conflictTitle, tabindex: '-1' }, 'This block changed in the sheet'),
    el('p', { role: 'alert', class: 'error-text' }, conflict.message),
    el('p', { class: 'panel-label' }, 'Now in the sheet:'),
    sheet.entries.length
      ? el(
          'ol',
          { class: 'sheet-entries', 'aria-label': 'Entries now in the sheet' },
          ...sheet.entries.map((text) =>
            before.entries.has(text)
              ? el('li', {}, text)
              : el('li', {}, el('mark', {}, text), ' ', el('span', { class: 'changed-tag' }, '(changed in the sheet)')),
          ),
        )
      : el('p', { class: 'secondary' }, 'No entries.'),
    removed.length > 0 &&
      el('p', { class: 'secondary' }, `No longer in the sheet: ${removed.map((text) => `“${text}”`).join(', ')}`),
    sheet.figures.length > 0 &&
      el(
        'ul',
        { class: 'sheet-figures', 'aria-label': 'Figures now in the sheet' },
        ...sheet.figures.map((f) => {
          const text = describeFigure(f);
          return before.figures.has(text)
            ? el('li', {}, text)
            : el('li', {}, el('mark', {}, text), ' ', el('span', { class: 'changed-tag' }, '(changed in the sheet)'));
        }),
      ),
    el(
      'p',
      {},
      'Your edits are kept in the form below. Re-apply them on top of the sheet’s version (then Save), or discard them.',
    ),
    el(
      'div',
      { class: 'buttons' },
      el(
        'button',
        { type: 'button', id: 'reapply', disabled: busy, onclick: () => actions.reapply() },
        'Re-apply my edits',
      ),
      el(
        'button',
        { type: 'button', id: 'discard', disabled: busy, onclick: () => actions.discard() },
        'Discard my edits',
      ),
    ),
  );
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
    text = `You have unsaved edits to ${title}. Leave without saving them?`;
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
        { type: 'button', id: 'confirm-yes', disabled: state.busy !== null, onclick: () => actions.confirm() },
        confirmLabel,
      ),
      el(
        'button',
        { type: 'button', id: 'confirm-no', disabled: state.busy !== null, onclick: () => actions.dismissConfirm() },
        keepLabel,
      ),
    ),
  );
}

function renderIssues(editor: EditorState, actions: EditorActions): Child {
  if (!editor.issues.length) return null;
  return el(
    'div',
    { class: 'error-box', role: 'alert', id: editorIds.issues },
    el(
      'p',
      {},
      editor.issues.length === 1
        ? 'Please fix this before saving:'
        : `Please fix these ${editor.issues.length} problems before saving:`,
    ),
    el(
      'ul',
      {},
      ...editor.issues.map((issue) =>
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

/** The editor of one block: entries, figures, and Save (the view's one primary action). */
export function renderEditor(state: AppState, actions: EditorActions): HTMLElement {
  const editor = state.editor as EditorState;
  const busy = state.busy !== null;
  const block = state.canvas ? canonicalBlocks(state.canvas).find((b) => b.id === editor.blockId) : undefined;
  const title = block?.title ?? editor.base.title;
  return el(
    'section',
    { class: 'view editor-view', 'aria-labelledby': editorIds.title },
    el(
      'div',
      { class: 'toolbar' },
      el(
        'button',
        { type: 'button', id: 'back', class: 'back', disabled: busy, onclick: () => actions.back() },
        '‹ All blocks',
      ),
      el(
        'button',
        { type: 'button', id: 'refresh', disabled: busy, onclick: () => actions.refresh() },
        state.busy === 'refreshing' && editor.confirm !== 'refresh' ? BUSY_LABELS.refreshing : 'Refresh',
      ),
    ),
    el('h1', { id: editorIds.title, class: 'view-title', tabindex: '-1' }, title),
    el('p', { class: 'secondary summary', id: editorIds.dirty }, summaryText(editor)),
    editor.notice && el('div', { class: 'notice', id: 'editor-notice' }, editor.notice),
    editor.error && el('div', { class: 'error-box', role: 'alert', id: editorIds.error }, editor.error),
    renderIssues(editor, actions),
    renderConfirm(state, editor, actions),
    renderConflict(editor, busy, actions),
    el(
      'form',
      {
        class: 'editor-form',
        'aria-label': `Edit ${title}`,
        novalidate: true,
        // Enter in a field must not save by surprise: Save is a plain button, and a stray submit does nothing.
        onsubmit: (event: Event) => event.preventDefault(),
      },
      renderEntries(editor, actions, state.canvas?.segments ?? []),
      renderFigures(editor, actions),
      el(
        'section',
        { class: 'group reset-group', 'aria-label': 'Reset' },
        el(
          'button',
          { type: 'button', id: 'reset', disabled: busy, onclick: () => actions.askReset() },
          state.busy === 'resetting' ? BUSY_LABELS.resetting : 'Reset to original…',
        ),
        el(
          'p',
          { class: 'secondary hint' },
          'Restores the Xiaomi content this block had when the canvas was inserted.',
        ),
      ),
      el(
        'div',
        { class: 'footer' },
        el(
          'button',
          {
            type: 'button',
            id: editorIds.save,
            class: 'action',
            disabled: busy || editor.conflict !== null,
            'aria-describedby': editor.conflict ? 'save-hint' : undefined,
            onclick: () => actions.save(),
          },
          state.busy === 'saving' ? BUSY_LABELS.saving : 'Save',
        ),
        el('button', { type: 'button', id: 'cancel', disabled: busy, onclick: () => actions.cancel() }, 'Cancel'),
        editor.conflict &&
          el('span', { class: 'secondary save-hint', id: 'save-hint' }, 'Re-apply or discard your edits first.'),
      ),
    ),
  );
}
