/** Renders the editor's entries section. */
import { el, type Child } from './dom';
import { fieldIds } from './draft';
import { icon } from './icons';
import { fieldError, fitTextarea, rowsFor } from './render-field';
import type { EditorState } from './state';

/** What the entries section asks of the editor controller. */
export interface EntryActions {
  entryInput(key: string, text: string): void;
  moveEntry(key: string, delta: -1 | 1, from: 'button' | 'keyboard'): void;
  deleteEntry(key: string): void;
  toggleEntryActions(key: string): void;
  addEntry(): void;
}

export const entryIds = {
  more: (key: string) => `more-${key}`,
  actions: (key: string) => `actions-${key}`,
  up: (key: string) => `up-${key}`,
  down: (key: string) => `down-${key}`,
  remove: (key: string) => `delete-${key}`,
};

function actionButton(id: string, label: string, iconName: 'up' | 'down' | 'delete', onclick: () => void, off = false) {
  return el(
    'button',
    {
      type: 'button',
      id,
      class: `text-button${iconName === 'delete' ? ' danger' : ''}`,
      'aria-disabled': off ? 'true' : undefined,
      onclick,
    },
    icon(iconName, 18),
    label,
  );
}

/**
 * One entry: its number (the field's label), the text, and one "more actions" button that shows the entry's
 * actions (move up, move down, delete) in a row below it — out of reach of a stray click while typing.
 * `extra` is where other features add per-entry controls (e.g. a segment picker) next to the actions button, and
 * `below` a line under the text (e.g. the segments the entry serves).
 */
export function renderEntry(
  editor: EditorState,
  index: number,
  actions: EntryActions,
  extra: Child = null,
  below: Child = null,
): HTMLElement {
  const entries = editor.draft.entries;
  const entry = entries[index];
  const n = index + 1;
  const id = fieldIds.entry(entry.key);
  const error = fieldError(editor.issues, id);
  const open = editor.entryActions === entry.key;
  const atTop = index === 0;
  const atBottom = index === entries.length - 1;
  return el(
    'li',
    { class: 'entry', 'data-key': entry.key, value: n },
    el(
      'div',
      { class: 'entry-row' },
      el('label', { for: id, class: 'entry-number' }, el('span', { class: 'visually-hidden' }, 'Entry '), String(n)),
      el('textarea', {
        id,
        class: 'entry-text',
        rows: rowsFor(entry.text),
        value: entry.text,
        'aria-keyshortcuts': 'Alt+ArrowUp Alt+ArrowDown',
        ...error.attrs,
        oninput: (event: Event) => {
          const field = event.target as HTMLTextAreaElement;
          fitTextarea(field);
          actions.entryInput(entry.key, field.value);
        },
        onkeydown: (event: Event) => {
          const key = event as KeyboardEvent;
          if (!key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return;
          if (key.key !== 'ArrowUp' && key.key !== 'ArrowDown') return;
          key.preventDefault();
          actions.moveEntry(entry.key, key.key === 'ArrowUp' ? -1 : 1, 'keyboard');
        },
      }),
      el(
        'div',
        { class: 'entry-tools' },
        extra,
        el(
          'button',
          {
            type: 'button',
            id: entryIds.more(entry.key),
            class: 'icon-button',
            'aria-label': `More actions for entry ${n}`,
            title: 'Move or delete',
            'aria-expanded': open ? 'true' : 'false',
            'aria-controls': open ? entryIds.actions(entry.key) : undefined,
            onclick: () => actions.toggleEntryActions(entry.key),
          },
          icon('more'),
        ),
      ),
    ),
    below,
    error.node,
    open &&
      el(
        'div',
        { class: 'entry-actions', id: entryIds.actions(entry.key), role: 'group', 'aria-label': `Entry ${n} actions` },
        actionButton(entryIds.up(entry.key), 'Move up', 'up', () => actions.moveEntry(entry.key, -1, 'button'), atTop),
        actionButton(
          entryIds.down(entry.key),
          'Move down',
          'down',
          () => actions.moveEntry(entry.key, 1, 'button'),
          atBottom,
        ),
        actionButton(entryIds.remove(entry.key), 'Delete', 'delete', () => actions.deleteEntry(entry.key)),
      ),
  );
}

/** The entries section: one compact row per entry and Add entry. */
export function renderEntries(
  editor: EditorState,
  actions: EntryActions,
  extraFor: (index: number) => Child = () => null,
  belowFor: (index: number) => Child = () => null,
  /** A filter: only the entries it keeps are shown (numbered as in the block). */
  visible?: (index: number) => boolean,
): HTMLElement {
  const { entries } = editor.draft;
  const shown = entries.map((_, i) => i).filter((i) => !visible || visible(i));
  const addError = fieldError(editor.issues, fieldIds.addEntry);
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'entries-title' },
    el('h2', { id: 'entries-title' }, 'Entries'),
    el('p', { class: 'secondary hint', id: 'entries-hint' }, 'One idea per entry; Alt+↑ / ↓ moves it.'),
    shown.length
      ? el(
          'ol',
          { class: 'items entries' },
          ...shown.map((i) => renderEntry(editor, i, actions, extraFor(i), belowFor(i))),
        )
      : el(
          'p',
          { class: 'secondary empty' },
          entries.length ? 'Every entry here is backed by Xiaomi’s reporting.' : 'No entries yet.',
        ),
    el(
      'button',
      {
        type: 'button',
        id: fieldIds.addEntry,
        class: 'text-button add',
        ...addError.attrs,
        onclick: () => actions.addEntry(),
      },
      icon('add', 18),
      'Add entry',
    ),
    addError.node,
  );
}
