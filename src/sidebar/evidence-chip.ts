/** The evidence chip beside each entry in the editor (issue 19): status, importance and source. */
import {
  EVIDENCE_STATUSES,
  IMPORTANCES,
  IMPORTANCE_WORDS,
  SOURCE_LIMIT,
  STATUS_WORDS,
  needsSource,
  type EntryEvidence,
  type EvidenceStatus,
  type Importance,
} from '../core/evidence';
import { el } from './dom';

/**
 * The evidence chip of one entry (issue 19): a compact disclosure whose summary shows the entry's status as a
 * symbol and a word (never colour alone), and its importance; opening it offers the status and the importance as
 * native radio groups and the source as a text field, so it is keyboard-operable and announced as a form.
 */

/** The symbol of each status, shared with the canvas's legend (see core/evidence-marks.ts when it exists). */
export const STATUS_SYMBOLS: Record<EvidenceStatus, string> = {
  reported: '✓',
  template: '○',
  assumption: '?',
  contradicted: '✗',
};

/** The chip's short words. */
const SHORT: Record<EvidenceStatus, string> = {
  reported: 'Reported',
  template: 'Template',
  assumption: 'Assumption',
  contradicted: 'Contradicted',
};

export const evidenceIds = {
  chip: (key: string) => `evidence-${key}`,
  summary: (key: string) => `evidence-summary-${key}`,
  status: (key: string, status: EvidenceStatus) => `evidence-${key}-${status}`,
  importance: (key: string, importance: Importance | 'none') => `importance-${key}-${importance}`,
  source: (key: string) => `evidence-source-${key}`,
};

/** The chip's visible text in lists, e.g. "✓ Reported · High". */
export function chipText(evidence: EntryEvidence): string {
  const importance = evidence.importance ? ` · ${IMPORTANCE_WORDS[evidence.importance]}` : '';
  return `${STATUS_SYMBOLS[evidence.status]} ${SHORT[evidence.status]}${importance}`;
}

/** The compact chip beside an entry: the status's symbol and the importance's initial, e.g. "✓H" (words: title). */
export function compactChipText(evidence: EntryEvidence): string {
  return `${STATUS_SYMBOLS[evidence.status]}${evidence.importance ? IMPORTANCE_WORDS[evidence.importance][0] : ''}`;
}

/** What a screen reader hears for the chip: the status and importance in full words. */
function chipWords(evidence: EntryEvidence, entryNumber: number): string {
  const importance = evidence.importance
    ? `${IMPORTANCE_WORDS[evidence.importance]} importance`
    : 'importance not rated';
  return `Evidence for entry ${entryNumber}: ${STATUS_WORDS[evidence.status]}, ${importance}`;
}

export function renderEvidenceChip(options: {
  entryKey: string;
  entryNumber: number;
  evidence: EntryEvidence;
  open: boolean;
  /** Problems of this entry's evidence (e.g. a reported status without a source), shown under the source. */
  error?: string;
  onChange(evidence: EntryEvidence): void;
  onOpenChange(open: boolean): void;
}): HTMLElement {
  const { entryKey: key, entryNumber: n } = options;
  let current = { ...options.evidence };
  const chip = el(
    'span',
    { class: `evidence-chip compact status-${current.status}`, 'aria-hidden': 'true' },
    compactChipText(current),
  );
  const words = el('span', { class: 'visually-hidden' }, chipWords(current, n));
  const hint = el('p', { class: 'secondary hint', id: `${evidenceIds.source(key)}-hint` });
  const showHint = () =>
    hint.replaceChildren(
      needsSource(current.status)
        ? 'Required: the Reported Results figure (e.g. Reported Results: ev-deliveries, 2024) or the announcement’s title and address.'
        : 'Optional: where the evidence is.',
    );
  showHint();
  // Changes update the summary in place (no re-render), so focus stays on the control the user is on.
  const change = (next: Partial<EntryEvidence>) => {
    current = { ...current, ...next };
    chip.textContent = compactChipText(current);
    chip.className = `evidence-chip compact status-${current.status}`;
    words.textContent = chipWords(current, n);
    summary.title = chipWords(current, n);
    showHint();
    options.onChange({ ...current });
  };
  const radio = (name: string, id: string, label: string, checked: boolean, onSelect: () => void) =>
    el(
      'label',
      { class: 'evidence-option', for: id },
      el('input', { type: 'radio', name, id, checked, onchange: onSelect }),
      label,
    );
  const sourceId = evidenceIds.source(key);
  const summary = el(
    'summary',
    { id: evidenceIds.summary(key), class: 'chip-button', title: chipWords(current, n) },
    chip,
    words,
  );
  const details = el(
    'details',
    { class: 'evidence-picker', id: evidenceIds.chip(key), open: options.open },
    summary,
    el(
      'div',
      { class: 'evidence-panel' },
      el(
        'fieldset',
        {},
        el('legend', {}, `Evidence for entry ${n}`),
        ...EVIDENCE_STATUSES.map((status) =>
          radio(
            `status-${key}`,
            evidenceIds.status(key, status),
            `${STATUS_SYMBOLS[status]} ${STATUS_WORDS[status]}`,
            current.status === status,
            () => change({ status }),
          ),
        ),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, `Importance of entry ${n}`),
        ...[...IMPORTANCES, null].map((importance) =>
          radio(
            `importance-${key}`,
            evidenceIds.importance(key, importance ?? 'none'),
            importance ? IMPORTANCE_WORDS[importance] : 'Not rated',
            current.importance === importance,
            () => change({ importance }),
          ),
        ),
      ),
      el('label', { for: sourceId, class: 'field-label' }, 'Source'),
      el('input', {
        type: 'text',
        id: sourceId,
        class: 'evidence-source',
        value: current.source,
        maxlength: String(SOURCE_LIMIT),
        'aria-describedby': `${sourceId}-hint${options.error ? ` ${sourceId}-error` : ''}`,
        'aria-invalid': options.error ? 'true' : undefined,
        oninput: (event: Event) => change({ source: (event.target as HTMLInputElement).value }),
      }),
      hint,
      options.error ? el('p', { class: 'field-error', id: `${sourceId}-error` }, options.error) : null,
    ),
  );
  details.addEventListener('toggle', () => options.onOpenChange(details.open));
  return details;
}
