/**
 * The comparison of two canvases, block by block: entries added (+), removed (−) and changed (old → new),
 * figures whose values changed (label: old → new, change in %), figures added and removed, and "No changes"
 * for a block that is the same on both sides. Every piece of canvas text goes in as text.
 */
import type { BlockDiff, EntryChange, Figure, FigureChange, SnapshotListItem } from '../core/view';
import { el, plural, type Child } from './dom';
import { backButton } from './back-button';
import { formatSavedAt, snapshotName } from './render-snapshots';
import type { AppState, CompareState } from './state';

export interface CompareActions {
  backToSnapshots(): void;
}

export const compareIds = { title: 'compare-title', back: 'compare-back' };

const MINUS = '\u2212';

/** A figure value in the user's locale, with up to 6 decimals: 1234.5 → "1,234.5" (en). */
export function formatNumber(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return String(value);
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
  } catch {
    return String(value);
  }
}

/** "+12.5%", "−3%", "0%"; '' when there is no meaningful percentage (from was 0, or the unit changed). */
export function formatPct(pct: number | null | undefined, locale?: string): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '';
  const sign = pct > 0 ? '+' : pct < 0 ? MINUS : '';
  return `${sign}${formatNumber(Math.abs(pct), locale)}%`;
}

function withUnit(value: number, unit: string | undefined, locale?: string): string {
  return unit ? `${formatNumber(value, locale)} ${unit}` : formatNumber(value, locale);
}

/** The pieces of a figure change's line: "label: old → new unit", "+12.5%" (or ''), "; period changed" (or ''). */
export function figureChangeParts(
  change: FigureChange,
  locale?: string,
): { values: string; pct: string; others: string } {
  const before =
    change.fromUnit !== undefined ? withUnit(change.from, change.fromUnit, locale) : formatNumber(change.from, locale);
  const after = withUnit(change.to, change.unit, locale);
  const sameValue = change.from === change.to && change.fromUnit === undefined;
  const others = (change.otherChanges ?? []).filter((field) => field !== 'unit' || change.fromUnit === undefined);
  return {
    values: `${change.label}: ${sameValue ? `${after} (value unchanged)` : `${before} → ${after}`}`,
    pct: sameValue ? '' : formatPct(change.changePct, locale),
    others: others.length ? `; ${others.join(', ')} changed` : '',
  };
}

/** "Smartphone revenue: 191.2 → 215.1 CNY bn (+12.5%)"; the old unit is shown when it changed. */
export function figureChangeText(change: FigureChange, locale?: string): string {
  const { values, pct, others } = figureChangeParts(change, locale);
  return `${values}${pct ? ` (${pct})` : ''}${others}`;
}

/** "Smartphone revenue: 191.2 CNY bn (2024)". */
export function figureText(figure: Figure, locale?: string): string {
  return `${figure.label}: ${withUnit(figure.value, figure.unit, locale)}${figure.period ? ` (${figure.period})` : ''}`;
}

export function entryChangeText(change: EntryChange): string {
  return `${change.from} → ${change.to}`;
}

/** "2 of 9 blocks changed", or that nothing did. */
export function compareSummary(diffs: readonly BlockDiff[]): string {
  const changed = diffs.filter((d) => d.changed).length;
  if (changed === 0) return 'No changes: both sides hold the same entries and figures.';
  return `${changed} of ${plural(diffs.length, 'block', 'blocks')} changed.`;
}

/** One line of the comparison: a sign the eye scans for, the kind in words for screen readers, then the text. */
function line(kind: 'added' | 'removed' | 'changed', words: string, text: Child): HTMLElement {
  const sign = kind === 'added' ? '+' : kind === 'removed' ? MINUS : '~';
  return el(
    'li',
    { class: `diff-line diff-${kind}` },
    el('span', { class: 'diff-sign', 'aria-hidden': 'true' }, sign),
    el('span', { class: 'visually-hidden' }, `${words}: `),
    el('span', { class: 'diff-text' }, text),
  );
}

function changedEntry(change: EntryChange): Child {
  // Old and new kept apart so the arrow reads clearly; the whole line is still "old → new" as text.
  return el(
    'span',
    {},
    el('del', { class: 'diff-old' }, change.from),
    ' → ',
    el('ins', { class: 'diff-new' }, change.to),
  );
}

function renderBlock(diff: BlockDiff, locale?: string): HTMLElement {
  const headingId = `diff-${diff.blockId}`;
  if (!diff.changed) {
    return el(
      'section',
      { class: 'diff-block unchanged', 'aria-labelledby': headingId, 'data-block-id': diff.blockId },
      el('h2', { id: headingId }, diff.title),
      el('p', { class: 'secondary no-changes' }, 'No changes'),
    );
  }
  const entryLines = [
    ...diff.entriesAdded.map((text) => line('added', 'Entry added', text)),
    ...diff.entriesRemoved.map((text) => line('removed', 'Entry removed', text)),
    ...diff.entriesChanged.map((change) => line('changed', 'Entry changed', changedEntry(change))),
  ];
  const figureLines = [
    ...diff.figuresChanged.map((change) => {
      const { values, pct, others } = figureChangeParts(change, locale);
      // The percentage has its own span so it can be coloured; the line still reads as figureChangeText.
      const trend = pct ? el('span', { class: `pct ${change.to > change.from ? 'up' : 'down'}` }, `(${pct})`) : null;
      return line('changed', 'Figure changed', el('span', {}, values, trend && ' ', trend, others || null));
    }),
    ...diff.figuresAdded.map((figure) => line('added', 'Figure added', figureText(figure, locale))),
    ...diff.figuresRemoved.map((figure) => line('removed', 'Figure removed', figureText(figure, locale))),
  ];
  const counts = (added: number, removed: number, changed: number) =>
    [changed && `${changed} changed`, added && `${added} added`, removed && `${removed} removed`]
      .filter(Boolean)
      .join(', ');
  return el(
    'section',
    { class: 'diff-block changed', 'aria-labelledby': headingId, 'data-block-id': diff.blockId },
    el('h2', { id: headingId }, diff.title),
    entryLines.length > 0 &&
      el(
        'h3',
        {},
        `Entries: ${counts(diff.entriesAdded.length, diff.entriesRemoved.length, diff.entriesChanged.length)}`,
      ),
    entryLines.length > 0 && el('ul', { class: 'diff-lines entries' }, ...entryLines),
    figureLines.length > 0 &&
      el(
        'h3',
        {},
        `Figures: ${counts(diff.figuresAdded.length, diff.figuresRemoved.length, diff.figuresChanged.length)}`,
      ),
    figureLines.length > 0 && el('ul', { class: 'diff-lines figures' }, ...figureLines),
  );
}

function sideText(item: SnapshotListItem | null, locale?: string): string {
  if (!item) return 'the current canvas';
  return `“${snapshotName(item)}” (${formatSavedAt(item.savedAt, locale)})`;
}

/** "From “Before the pivot” (31 Jan 2025, 09:30) to the current canvas". */
export function compareHeading(compare: Pick<CompareState, 'from' | 'to'>, locale?: string): string {
  return `From ${sideText(compare.from, locale)} to ${sideText(compare.to, locale)}`;
}

/** The comparison view (read only: no primary action). */
export function renderCompare(state: AppState, actions: CompareActions): HTMLElement {
  const compare = state.compare as CompareState;
  // What changed comes first; the blocks that did not change are listed collapsed below.
  const changed = compare.diffs.filter((diff) => diff.changed);
  const unchanged = compare.diffs.filter((diff) => !diff.changed);
  return el(
    'section',
    { class: 'view compare-view', 'aria-labelledby': compareIds.title },
    el(
      'div',
      { class: 'toolbar' },
      backButton({
        id: compareIds.back,
        label: 'Snapshots',
        busy: state.busy !== null,
        onBack: () => actions.backToSnapshots(),
      }),
    ),
    el('h1', { id: compareIds.title, class: 'view-title', tabindex: '-1' }, 'Compare'),
    el('p', { class: 'secondary compare-sides', id: 'compare-sides' }, compareHeading(compare)),
    el('p', { class: 'compare-summary', id: 'compare-summary' }, compareSummary(compare.diffs)),
    el('div', { class: 'diff-blocks' }, ...changed.map((diff) => renderBlock(diff))),
    unchanged.length > 0 &&
      el(
        'details',
        { class: 'unchanged-blocks', id: 'unchanged-blocks', open: changed.length === 0 },
        el('summary', {}, `${plural(unchanged.length, 'block', 'blocks')} with no changes`),
        el(
          'ul',
          { class: 'unchanged-list' },
          ...unchanged.map((diff) => el('li', { 'data-block-id': diff.blockId }, diff.title)),
        ),
      ),
  );
}
