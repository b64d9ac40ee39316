/**
 * The Snapshots view: save the canvas as a snapshot (its one primary action), the list of snapshots with
 * Compare with current and Restore (after an inline confirmation), and a comparison of two snapshots.
 * A damaged snapshot is listed with the reason and offers nothing to click. All text goes in as text.
 */
import type { SnapshotListItem } from '../core/view';
import { el, plural, type Child } from './dom';
import { backButton } from './back-button';
import { icon } from './icons';
import { BUSY_LABELS, type AppState, type SnapshotsState } from './state';

export interface SnapshotsActions {
  backToList(): void;
  reloadSnapshots(): void;
  snapshotLabelInput(text: string): void;
  saveSnapshot(): Promise<void>;
  compareWithCurrent(id: string): void;
  askRestore(id: string): void;
  confirmRestore(): Promise<void>;
  cancelRestore(): void;
  compareSelect(side: 'from' | 'to', id: string): void;
  compareTwo(): void;
}

/** Ids of elements the controller moves focus to. */
export const snapshotIds = {
  title: 'snapshots-title',
  back: 'snapshots-back',
  reload: 'snapshots-reload',
  label: 'snapshot-label',
  save: 'save-snapshot',
  error: 'snapshots-error',
  list: 'snapshot-list',
  confirmText: 'restore-confirm-text',
  confirmYes: 'restore-yes',
  confirmNo: 'restore-no',
  compareFrom: 'compare-from',
  compareTo: 'compare-to',
  compareTwo: 'compare-two',
  /** Per-row buttons go by the row's position (a damaged row's id may be any text a teammate typed). */
  compareRow: (index: number) => `snapshot-${index}-compare`,
  restoreRow: (index: number) => `snapshot-${index}-restore`,
  rowLabel: (index: number) => `snapshot-${index}-label`,
};

/** Must match the server's label limit (src/core/snapshot.ts, LABEL_LENGTH). */
export const SNAPSHOT_LABEL_LENGTH = 100;

/** True when `value` is a list of snapshots as listSnapshots returns them (the client checks what it is sent). */
export function isSnapshotList(value: unknown): value is SnapshotListItem[] {
  const isText = (v: unknown) => typeof v === 'string';
  const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
  return (
    Array.isArray(value) &&
    value.every((item: unknown) => {
      if (!item || typeof item !== 'object') return false;
      const s = item as Record<string, unknown>;
      return (
        isText(s.id) &&
        isText(s.label) &&
        isText(s.savedAt) &&
        optionalText(s.savedFrom) &&
        optionalText(s.canvas) &&
        optionalText(s.damaged)
      );
    })
  );
}

/** What the user calls a snapshot: its label, else its id. */
export function snapshotName(item: Pick<SnapshotListItem, 'id' | 'label'>): string {
  return item.label.trim() !== '' ? item.label : item.id;
}

/** The save time in the user's locale and time zone, e.g. "31 Jan 2025, 09:30"; unparseable text is shown as is. */
export function formatSavedAt(savedAt: string, locale?: string, timeZone?: string): string {
  const time = new Date(savedAt);
  if (savedAt.trim() === '' || Number.isNaN(time.getTime())) return savedAt.trim() === '' ? 'unknown time' : savedAt;
  try {
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
    }).format(time);
  } catch {
    return time.toLocaleString();
  }
}

/** The label of a snapshot saved without one: "Snapshot 31 Jan 2025, 09:30", in the user's time zone. */
export function defaultSnapshotLabel(now: Date, locale?: string, timeZone?: string): string {
  return `Snapshot ${formatSavedAt(now.toISOString(), locale, timeZone)}`;
}

/** "31 Jan 2025, 09:30 · from the menu". */
export function snapshotMeta(item: SnapshotListItem, locale?: string, timeZone?: string): string {
  const when = formatSavedAt(item.savedAt, locale, timeZone);
  return item.savedFrom ? `${when} · ${savedFromWords(item.savedFrom)}` : when;
}

/** Column D in words: how the snapshot was taken (older sheets may hold who saved it there). */
export function savedFromWords(savedFrom: string): string {
  const words: Record<string, string> = {
    Sidebar: 'from the sidebar',
    Menu: 'from the menu',
    'Before a restore': 'automatically, before a restore',
  };
  return words[savedFrom] ?? (savedFrom.includes('@') ? `by ${savedFrom}` : savedFrom);
}

/** The snapshots that can be compared and restored, newest first. */
export function usableSnapshots(items: readonly SnapshotListItem[]): SnapshotListItem[] {
  return items.filter((item) => item.damaged === undefined);
}

/**
 * What "Compare two snapshots" starts with: the newest usable snapshot against the one before it; with a single
 * usable snapshot, that one against the current canvas ('' = current).
 */
export function defaultComparePair(items: readonly SnapshotListItem[]): { from: string; to: string } {
  const usable = usableSnapshots(items);
  if (usable.length >= 2) return { from: usable[1].id, to: usable[0].id };
  return { from: usable[0]?.id ?? '', to: '' };
}

function optionText(item: SnapshotListItem): string {
  return `${snapshotName(item)} — ${formatSavedAt(item.savedAt)}`;
}

function renderConfirm(state: AppState, item: SnapshotListItem, actions: SnapshotsActions): HTMLElement {
  const restoring = state.busy === 'restoring';
  return el(
    'div',
    { class: 'panel confirm restore-confirm', role: 'group', 'aria-labelledby': snapshotIds.confirmText },
    el(
      'p',
      { id: snapshotIds.confirmText, tabindex: '-1' },
      `Restore “${snapshotName(item)}”? The current canvas is saved as a snapshot first, so you can undo this.`,
    ),
    el(
      'div',
      { class: 'buttons' },
      el(
        'button',
        {
          type: 'button',
          id: snapshotIds.confirmYes,
          'aria-disabled': state.busy !== null ? 'true' : undefined,
          onclick: () => void actions.confirmRestore(),
        },
        restoring ? BUSY_LABELS.restoring : 'Restore',
      ),
      el(
        'button',
        {
          type: 'button',
          id: snapshotIds.confirmNo,
          'aria-disabled': state.busy !== null ? 'true' : undefined,
          onclick: () => actions.cancelRestore(),
        },
        'Keep current canvas',
      ),
    ),
  );
}

function renderItem(
  state: AppState,
  snapshots: SnapshotsState,
  item: SnapshotListItem,
  index: number,
  actions: SnapshotsActions,
): HTMLElement {
  const busy = state.busy !== null;
  const labelId = snapshotIds.rowLabel(index);
  const damaged = item.damaged !== undefined;
  const confirming = snapshots.confirmRestore === item.id && !damaged;
  const comparing = state.busy === 'comparing' && snapshots.pending === snapshotIds.compareRow(index);
  const time = new Date(item.savedAt);
  const classes = ['snapshot-item', damaged ? 'damaged' : '', snapshots.justSaved === item.id ? 'just-saved' : '']
    .filter(Boolean)
    .join(' ');
  return el(
    'li',
    { class: classes, 'data-snapshot-id': item.id },
    el('div', { class: 'snapshot-label', id: labelId }, snapshotName(item)),
    el(
      'div',
      { class: 'secondary snapshot-meta' },
      Number.isNaN(time.getTime())
        ? formatSavedAt(item.savedAt)
        : el('time', { datetime: time.toISOString() }, formatSavedAt(item.savedAt)),
      item.savedFrom ? ` · ${savedFromWords(item.savedFrom)}` : null,
      snapshots.justSaved === item.id && el('span', { class: 'tag' }, ' · just saved'),
    ),
    damaged
      ? el(
          'p',
          { class: 'damaged-reason' },
          el('strong', {}, 'Damaged: '),
          `${item.damaged}. It cannot be compared or restored; the other snapshots are fine.`,
        )
      : el(
          'div',
          { class: 'buttons' },
          el(
            'button',
            {
              type: 'button',
              id: snapshotIds.compareRow(index),
              'aria-describedby': labelId,
              'aria-disabled': busy ? 'true' : undefined,
              onclick: () => actions.compareWithCurrent(item.id),
            },
            comparing ? BUSY_LABELS.comparing : 'Compare with current',
          ),
          el(
            'button',
            {
              type: 'button',
              id: snapshotIds.restoreRow(index),
              'aria-describedby': labelId,
              'aria-expanded': confirming ? 'true' : 'false',
              'aria-disabled': busy ? 'true' : undefined,
              onclick: () => actions.askRestore(item.id),
            },
            'Restore…',
          ),
        ),
    confirming && renderConfirm(state, item, actions),
    snapshots.error &&
      snapshots.errorAt === item.id &&
      el(
        'div',
        { class: 'error-box', id: snapshotIds.error, tabindex: '-1' },
        el('p', { class: 'error-title' }, icon('warning', 18), snapshots.error),
      ),
  );
}

function renderList(state: AppState, snapshots: SnapshotsState, actions: SnapshotsActions): Child {
  const items = snapshots.items;
  if (items === null) {
    return el(
      'p',
      { class: 'secondary', id: 'snapshots-loading' },
      state.busy === 'loadingSnapshots' ? 'Loading snapshots…' : 'The snapshots could not be loaded.',
    );
  }
  if (items.length === 0) {
    return el(
      'p',
      { class: 'secondary empty', id: 'snapshots-empty' },
      'No snapshots yet. Save one before you change the canvas, so you can compare and go back to it.',
    );
  }
  return el(
    'ol',
    {
      class: 'snapshot-list',
      id: snapshotIds.list,
      'aria-label': plural(items.length, 'snapshot', 'snapshots') + ', newest first',
    },
    ...items.map((item, index) => renderItem(state, snapshots, item, index, actions)),
  );
}

function renderCompareTwo(state: AppState, snapshots: SnapshotsState, actions: SnapshotsActions): Child {
  const usable = usableSnapshots(snapshots.items ?? []);
  if (usable.length < 2) return null;
  const busy = state.busy !== null;
  const options = (selected: string, { withCurrent }: { withCurrent: boolean }) => [
    ...(withCurrent ? [el('option', { value: '', selected: selected === '' }, 'Current canvas')] : []),
    ...usable.map((item) => el('option', { value: item.id, selected: item.id === selected }, optionText(item))),
  ];
  return el(
    'section',
    { class: 'group compare-two', 'aria-labelledby': 'compare-two-title' },
    el('h2', { id: 'compare-two-title' }, 'Compare two snapshots'),
    el(
      'div',
      { class: 'field' },
      el('label', { for: snapshotIds.compareFrom }, 'From (older)'),
      el(
        'select',
        {
          id: snapshotIds.compareFrom,
          'aria-disabled': busy ? 'true' : undefined,
          onchange: (e: Event) => actions.compareSelect('from', (e.target as HTMLSelectElement).value),
        },
        ...options(snapshots.compareFrom, { withCurrent: false }),
      ),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: snapshotIds.compareTo }, 'To (newer)'),
      el(
        'select',
        {
          id: snapshotIds.compareTo,
          'aria-disabled': busy ? 'true' : undefined,
          onchange: (e: Event) => actions.compareSelect('to', (e.target as HTMLSelectElement).value),
        },
        ...options(snapshots.compareTo, { withCurrent: true }),
      ),
    ),
    el(
      'button',
      {
        type: 'button',
        id: snapshotIds.compareTwo,
        'aria-disabled': busy ? 'true' : undefined,
        onclick: () => actions.compareTwo(),
      },
      state.busy === 'comparing' && snapshots.pending === snapshotIds.compareTwo ? BUSY_LABELS.comparing : 'Compare',
    ),
  );
}

/** The Snapshots view. */
export function renderSnapshots(state: AppState, actions: SnapshotsActions): HTMLElement {
  const snapshots = state.snapshots as SnapshotsState;
  const busy = state.busy !== null;
  const errorInRow =
    snapshots.errorAt !== null && (snapshots.items ?? []).some((item) => item.id === snapshots.errorAt);
  return el(
    'section',
    { class: 'view snapshots-view', 'aria-labelledby': snapshotIds.title },
    el(
      'div',
      { class: 'toolbar' },
      backButton({ id: snapshotIds.back, label: 'All blocks', busy: busy, onBack: () => actions.backToList() }),
      el(
        'button',
        {
          type: 'button',
          id: snapshotIds.reload,
          class: 'text-button',
          'aria-disabled': busy ? 'true' : undefined,
          onclick: () => actions.reloadSnapshots(),
        },
        icon('refresh', 18),
        state.busy === 'loadingSnapshots' && snapshots.items !== null ? BUSY_LABELS.refreshing : 'Refresh',
      ),
    ),
    el('h1', { id: snapshotIds.title, class: 'view-title', tabindex: '-1' }, 'Snapshots'),
    el(
      'p',
      { class: 'secondary hint' },
      'A snapshot keeps every block’s entries and figures inside this spreadsheet, so teammates see it too.',
    ),
    el(
      'form',
      {
        class: 'snapshot-save',
        'aria-label': 'Save a snapshot',
        novalidate: true,
        onsubmit: (event: Event) => {
          event.preventDefault();
          void actions.saveSnapshot();
        },
      },
      el('label', { for: snapshotIds.label }, 'Label (optional)'),
      el('input', {
        id: snapshotIds.label,
        type: 'text',
        value: snapshots.label,
        maxlength: SNAPSHOT_LABEL_LENGTH,
        placeholder: 'e.g. Before the EV pivot',
        autocomplete: 'off',
        'aria-describedby': 'snapshot-label-hint',
        oninput: (event: Event) => actions.snapshotLabelInput((event.target as HTMLInputElement).value),
      }),
      el(
        'p',
        { class: 'secondary hint', id: 'snapshot-label-hint' },
        'Without a label, the date and time (your time zone) are used.',
      ),
      el(
        'button',
        { type: 'submit', id: snapshotIds.save, class: 'action', 'aria-disabled': busy ? 'true' : undefined },
        state.busy === 'savingSnapshot' ? BUSY_LABELS.savingSnapshot : 'Save snapshot',
      ),
    ),
    snapshots.error &&
      !errorInRow &&
      el(
        'div',
        { class: 'error-box', id: snapshotIds.error, tabindex: '-1' },
        el('p', { class: 'error-title' }, icon('warning', 18), snapshots.error),
      ),
    el(
      'section',
      { class: 'group', 'aria-labelledby': 'saved-snapshots-title' },
      el('h2', { id: 'saved-snapshots-title' }, 'Saved snapshots'),
      renderList(state, snapshots, actions),
    ),
    renderCompareTwo(state, snapshots, actions),
  );
}
