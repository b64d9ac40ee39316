/** The editable copy of a block the editor shows, its validation, and the save request built from it. */
import type { BlockView, Figure, SaveBlockRequest } from '../core/view';
import { LIMITS } from '../core/limits';
import { CURRENCY_UNITS } from '../core/units';
import { NEW_ENTRY_EVIDENCE, SOURCE_LIMIT, TEMPLATE_EVIDENCE, needsSource, type EntryEvidence } from '../core/evidence';

/**
 * The editable copy of a block that the editor form shows. Every item carries a stable key so the DOM
 * element (and keyboard focus) can follow an entry when it moves. Figure values stay as typed text until
 * saved, so a half-typed number is never lost.
 */
export interface EntryDraft {
  key: string;
  text: string;
  /** Ids of the customer segments the entry serves; they move with the entry. */
  links?: string[];
  /** What backs the entry, where, and how much it matters (issue 19); moves with the entry. */
  evidence?: EntryEvidence;
}

export interface FigureDraft {
  key: string;
  label: string;
  value: string;
  unit: string;
  period: string;
  note: string;
  /** What the figure measures (e.g. "rd-spend"): figures with the same metric and period are checked against each other. */
  metric: string;
  /** The sentence of the source text the figure comes from (read only; the server keeps it by label). */
  source?: string;
}

export interface BlockDraft {
  entries: EntryDraft[];
  figures: FigureDraft[];
}

export type FigureField = 'label' | 'value' | 'unit' | 'period' | 'note' | 'metric';

let keyCounter = 0;
/** A key unique within this page, safe to use inside an element id. */
export function newKey(prefix: 'e' | 'f'): string {
  keyCounter += 1;
  return `${prefix}${keyCounter}`;
}

export function formatValue(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/**
 * The text a block's figure `i` shows in its value field: its number, or, when its cell holds no number (a
 * teammate's "35 bn", named in the block's problems), exactly what the cell holds, so the user sees it and fixes it.
 */
export function valueText(block: Pick<BlockView, 'figures' | 'problems'>, i: number): string {
  const value = block.figures[i]?.value;
  if (value === undefined) return '';
  if (!Number.isNaN(value)) return formatValue(value);
  return block.problems?.find((p) => p.figure === i)?.found ?? '';
}

function figureDraft(block: BlockView, i: number, key: string, sources: SourcesByLabel | undefined): FigureDraft {
  const figure = block.figures[i];
  const source = sourceOf(sources, figure.label);
  const draft: FigureDraft = {
    key,
    label: figure.label,
    value: valueText(block, i),
    unit: figure.unit,
    period: figure.period,
    note: figure.note ?? '',
    metric: figure.metric ?? '',
  };
  if (source) draft.source = source;
  return draft;
}

/** A figure's source sentence by label ('' keys and inherited names never match). */
export type SourcesByLabel = Readonly<Record<string, string>>;

function sourceOf(sources: SourcesByLabel | undefined, label: string): string | undefined {
  return sources && Object.prototype.hasOwnProperty.call(sources, label) ? sources[label] : undefined;
}

/** A fresh draft holding exactly the block's content (with each figure's source sentence, when known). */
export function draftFromBlock(block: BlockView, sources?: SourcesByLabel): BlockDraft {
  return {
    entries: block.entries.map((text, i) => ({
      key: newKey('e'),
      text,
      links: [...(block.links?.[i] ?? [])],
      evidence: evidenceAt(block, i),
    })),
    figures: block.figures.map((_, i) => figureDraft(block, i, newKey('f'), sources)),
  };
}

/**
 * The block's content as a draft, reusing the keys of `previous` position by position, so the element that
 * had focus keeps it after a save replaces the form's text with what the server stored.
 */
export function rebaseDraft(previous: BlockDraft, block: BlockView, sources?: SourcesByLabel): BlockDraft {
  return {
    entries: block.entries.map((text, i) => ({
      key: previous.entries[i]?.key ?? newKey('e'),
      text,
      links: [...(block.links?.[i] ?? [])],
      evidence: evidenceAt(block, i),
    })),
    figures: block.figures.map((_, i) => figureDraft(block, i, previous.figures[i]?.key ?? newKey('f'), sources)),
  };
}

export function emptyEntry(): EntryDraft {
  return { key: newKey('e'), text: '', links: [], evidence: { ...NEW_ENTRY_EVIDENCE } };
}

/** A block's evidence for entry `i` (a block from an older server has none: the template's claim). */
function evidenceAt(block: BlockView, i: number): EntryEvidence {
  return { ...(block.evidence?.[i] ?? TEMPLATE_EVIDENCE) };
}

/** The evidence as the server keeps it: trimmed source. */
const evidenceOf = (entry: EntryDraft): EntryEvidence => {
  const e = entry.evidence ?? NEW_ENTRY_EVIDENCE;
  return { status: e.status, source: e.source.trim(), importance: e.importance };
};

export function emptyFigure(): FigureDraft {
  return { key: newKey('f'), label: '', value: '', unit: '', period: '', note: '', metric: '' };
}

/** A copy of `items` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = items.slice();
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** Digits grouped in threes with commas or spaces (as analysts type them): "1,234.5", "12 000". */
const GROUPED = /^[+-]?\d{1,3}(?:([, \u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;

/** The number a figure value field holds, or NaN when it holds no finite number. Accepts "1,234.5" and "−20". */
export function parseValue(text: string): number {
  let trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return NaN;
  if (GROUPED.test(trimmed)) trimmed = trimmed.replace(/[, \u00a0\u202f]/g, '');
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : NaN;
}

/** True when Key Figures can convert the unit to USD (it converts only the currency units it knows). */
export function convertsToUsd(unit: string): boolean {
  return (CURRENCY_UNITS as readonly string[]).includes(unit.trim());
}

/** A note under Unit when the unit is not one Key Figures converts; '' when there is nothing to say. */
export function unitNote(unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '' || convertsToUsd(trimmed)) return '';
  const known = CURRENCY_UNITS.find((u) => u.toLowerCase() === trimmed.toLowerCase().replace(/\s+/g, ' '));
  if (known) return `Did you mean “${known}”? Key Figures only converts the exact units ${CURRENCY_UNITS.join(', ')}.`;
  return `Key Figures shows no USD value for “${trimmed}” (it converts ${CURRENCY_UNITS.join(', ')}). Fine for counts and percentages.`;
}

/** The metrics the canvas's figures use, sorted, for the Metric suggestions. */
export function canvasMetrics(blocks: readonly Pick<BlockView, 'figures'>[]): string[] {
  const metrics = new Set<string>();
  for (const block of blocks) for (const figure of block.figures) if (figure.metric) metrics.add(figure.metric);
  return [...metrics].sort((a, b) => a.localeCompare(b));
}

/** The figure as the server expects it (call only on a draft that passed validation). */
export function figureFromDraft(draft: FigureDraft): Figure {
  const figure: Figure = {
    label: draft.label.trim(),
    value: parseValue(draft.value),
    unit: draft.unit.trim(),
    period: draft.period.trim(),
  };
  const note = draft.note.trim();
  if (note !== '') figure.note = note;
  const metric = draft.metric.trim();
  if (metric !== '') figure.metric = metric;
  return figure;
}

/** The one saveBlock request for the whole block. */
export function saveRequest(block: Pick<BlockView, 'id' | 'version'>, draft: BlockDraft): SaveBlockRequest {
  return {
    blockId: block.id,
    version: block.version,
    entries: draft.entries.map((entry) => entry.text.trim()),
    figures: draft.figures.map(figureFromDraft),
    // The links as the picker left them, moved with their entries (Customer Segments' entries are the segments).
    ...(block.id === 'customer-segments' ? {} : { links: draft.entries.map((entry) => [...(entry.links ?? [])]) }),
    evidence: draft.entries.map(evidenceOf),
  };
}

/** A comparable fingerprint of what the user typed (keys left out). */
export function draftFingerprint(draft: BlockDraft): string {
  return JSON.stringify([
    draft.entries.map((e) => e.text),
    draft.entries.map((e) => e.links ?? []),
    draft.entries.map((e) => e.evidence ?? null),
    draft.figures.map((f) => [f.label, f.value, f.unit, f.period, f.note, f.metric]),
  ]);
}

/** True when the draft differs from the block it was loaded from. */
export function isDirty(base: BlockView, draft: BlockDraft): boolean {
  if (base.entries.length !== draft.entries.length || base.figures.length !== draft.figures.length) return true;
  if (base.entries.some((text, i) => text !== draft.entries[i].text)) return true;
  const sameLinks = (i: number) =>
    JSON.stringify([...(base.links?.[i] ?? [])].sort()) === JSON.stringify([...(draft.entries[i].links ?? [])].sort());
  if (base.entries.some((_, i) => !sameLinks(i))) return true;
  const sameEvidence = (i: number) =>
    JSON.stringify(base.evidence?.[i] ?? TEMPLATE_EVIDENCE) === JSON.stringify(evidenceOf(draft.entries[i]));
  if (base.entries.some((_, i) => !sameEvidence(i))) return true;
  return base.figures.some((figure, i) => {
    const d = draft.figures[i];
    const sameValue = d.value === valueText(base, i) || parseValue(d.value) === figure.value;
    return (
      !sameValue ||
      d.label !== figure.label ||
      d.unit !== figure.unit ||
      d.period !== figure.period ||
      d.note !== (figure.note ?? '') ||
      d.metric !== (figure.metric ?? '')
    );
  });
}

/** Element ids of the editor's fields, shared by the renderer and the validator. */
export const fieldIds = {
  entry: (key: string) => `entry-${key}`,
  figure: (key: string, field: FigureField) => `figure-${key}-${field}`,
  addEntry: 'add-entry',
  /** The source field of an entry's evidence chip (see evidence-chip.ts). */
  evidenceSource: (key: string) => `evidence-source-${key}`,
  addFigure: 'add-figure',
};

export interface ValidationIssue {
  /** Id of the field to mark and focus, or null for a problem with the block as a whole. */
  fieldId: string | null;
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');

function tooLong(what: string, length: number, limit: number): string {
  return `${what} is too long (${count(length)} characters; the limit is ${count(limit)}).`;
}

/** Every problem the server would reject, named so a non-programmer can find and fix it. */
export function validateDraft(draft: BlockDraft): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (draft.entries.length > LIMITS.entries) {
    issues.push({
      fieldId: fieldIds.addEntry,
      message: `A block can hold at most ${LIMITS.entries} entries; this one has ${draft.entries.length}. Delete ${draft.entries.length - LIMITS.entries}.`,
    });
  }
  draft.entries.forEach((entry, i) => {
    const text = entry.text.trim();
    const fieldId = fieldIds.entry(entry.key);
    if (text === '') issues.push({ fieldId, message: `Entry ${i + 1} is empty. Type some text or delete it.` });
    else if (text.length > LIMITS.entryLength)
      issues.push({ fieldId, message: tooLong(`Entry ${i + 1}`, text.length, LIMITS.entryLength) });
    const evidence = evidenceOf(entry);
    const sourceId = fieldIds.evidenceSource(entry.key);
    if (needsSource(evidence.status) && evidence.source === '')
      issues.push({
        fieldId: sourceId,
        message: `Entry ${i + 1} is marked ${evidence.status === 'reported' ? 'reported by' : 'contradicted by'} Xiaomi: name the source (a Reported Results figure or an announcement).`,
      });
    else if (evidence.source.length > SOURCE_LIMIT)
      issues.push({
        fieldId: sourceId,
        message: tooLong(`Entry ${i + 1}: the source`, evidence.source.length, SOURCE_LIMIT),
      });
  });
  if (draft.figures.length > LIMITS.figures) {
    issues.push({
      fieldId: fieldIds.addFigure,
      message: `A block can hold at most ${LIMITS.figures} figures; this one has ${draft.figures.length}. Delete ${draft.figures.length - LIMITS.figures}.`,
    });
  }
  draft.figures.forEach((figure, i) => {
    // The label helps find the figure among closed rows; a too-long one is itself the problem, so it is left out.
    const shown = figure.label.trim();
    const name = shown && shown.length <= 40 ? `Figure ${i + 1} (${shown})` : `Figure ${i + 1}`;
    const id = (field: FigureField) => fieldIds.figure(figure.key, field);
    const label = figure.label.trim();
    if (label === '') issues.push({ fieldId: id('label'), message: `${name}: the label is required.` });
    else if (label.length > LIMITS.labelLength)
      issues.push({ fieldId: id('label'), message: tooLong(`${name}: the label`, label.length, LIMITS.labelLength) });
    if (Number.isNaN(parseValue(figure.value))) {
      issues.push({ fieldId: id('value'), message: `${name}: the value must be a number, such as 1,234.5 or -20.` });
    }
    const unit = figure.unit.trim();
    if (unit.length > LIMITS.unitLength)
      issues.push({ fieldId: id('unit'), message: tooLong(`${name}: the unit`, unit.length, LIMITS.unitLength) });
    const period = figure.period.trim();
    if (period.length > LIMITS.periodLength)
      issues.push({
        fieldId: id('period'),
        message: tooLong(`${name}: the period`, period.length, LIMITS.periodLength),
      });
    const note = figure.note.trim();
    if (note.length > LIMITS.noteLength)
      issues.push({ fieldId: id('note'), message: tooLong(`${name}: the note`, note.length, LIMITS.noteLength) });
    const metric = figure.metric.trim();
    if (metric.length > LIMITS.metricLength)
      issues.push({
        fieldId: id('metric'),
        message: tooLong(`${name}: the metric`, metric.length, LIMITS.metricLength),
      });
  });
  return issues;
}
