import type { BlockView, Figure, SaveBlockRequest } from '../core/view';
import { LIMITS } from '../core/limits';

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
}

export interface FigureDraft {
  key: string;
  label: string;
  value: string;
  unit: string;
  period: string;
  note: string;
  /** Not editable in the sidebar, but kept so a save does not drop it. */
  metric?: string;
}

export interface BlockDraft {
  entries: EntryDraft[];
  figures: FigureDraft[];
}

export type FigureField = 'label' | 'value' | 'unit' | 'period' | 'note';

let keyCounter = 0;
/** A key unique within this page, safe to use inside an element id. */
export function newKey(prefix: 'e' | 'f'): string {
  keyCounter += 1;
  return `${prefix}${keyCounter}`;
}

export function formatValue(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

function figureDraft(figure: Figure, key: string): FigureDraft {
  const draft: FigureDraft = {
    key,
    label: figure.label,
    value: formatValue(figure.value),
    unit: figure.unit,
    period: figure.period,
    note: figure.note ?? '',
  };
  if (figure.metric !== undefined) draft.metric = figure.metric;
  return draft;
}

/** A fresh draft holding exactly the block's content. */
export function draftFromBlock(block: BlockView): BlockDraft {
  return {
    entries: block.entries.map((text, i) => ({ key: newKey('e'), text, links: [...(block.links?.[i] ?? [])] })),
    figures: block.figures.map((figure) => figureDraft(figure, newKey('f'))),
  };
}

/**
 * The block's content as a draft, reusing the keys of `previous` position by position, so the element that
 * had focus keeps it after a save replaces the form's text with what the server stored.
 */
export function rebaseDraft(previous: BlockDraft, block: BlockView): BlockDraft {
  return {
    entries: block.entries.map((text, i) => ({
      key: previous.entries[i]?.key ?? newKey('e'),
      text,
      links: [...(block.links?.[i] ?? [])],
    })),
    figures: block.figures.map((figure, i) => figureDraft(figure, previous.figures[i]?.key ?? newKey('f'))),
  };
}

export function emptyEntry(): EntryDraft {
  return { key: newKey('e'), text: '', links: [] };
}

export function emptyFigure(): FigureDraft {
  return { key: newKey('f'), label: '', value: '', unit: '', period: '', note: '' };
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

/** The number a figure value field holds, or NaN when it holds no finite number. */
export function parseValue(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return NaN;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : NaN;
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
  if (draft.metric !== undefined && draft.metric !== '') figure.metric = draft.metric;
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
  };
}

/** A comparable fingerprint of what the user typed (keys left out). */
export function draftFingerprint(draft: BlockDraft): string {
  return JSON.stringify([
    draft.entries.map((e) => e.text),
    draft.entries.map((e) => e.links ?? []),
    draft.figures.map((f) => [f.label, f.value, f.unit, f.period, f.note, f.metric ?? '']),
  ]);
}

/** True when the draft differs from the block it was loaded from. */
export function isDirty(base: BlockView, draft: BlockDraft): boolean {
  if (base.entries.length !== draft.entries.length || base.figures.length !== draft.figures.length) return true;
  if (base.entries.some((text, i) => text !== draft.entries[i].text)) return true;
  const sameLinks = (i: number) =>
    JSON.stringify([...(base.links?.[i] ?? [])].sort()) === JSON.stringify([...(draft.entries[i].links ?? [])].sort());
  if (base.entries.some((_, i) => !sameLinks(i))) return true;
  return base.figures.some((figure, i) => {
    const d = draft.figures[i];
    const sameValue = d.value === formatValue(figure.value) || parseValue(d.value) === figure.value;
    return (
      !sameValue ||
      d.label !== figure.label ||
      d.unit !== figure.unit ||
      d.period !== figure.period ||
      d.note !== (figure.note ?? '') ||
      (d.metric ?? '') !== (figure.metric ?? '')
    );
  });
}

/** Element ids of the editor's fields, shared by the renderer and the validator. */
export const fieldIds = {
  entry: (key: string) => `entry-${key}`,
  figure: (key: string, field: FigureField) => `figure-${key}-${field}`,
  addEntry: 'add-entry',
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
  });
  if (draft.figures.length > LIMITS.figures) {
    issues.push({
      fieldId: fieldIds.addFigure,
      message: `A block can hold at most ${LIMITS.figures} figures; this one has ${draft.figures.length}. Delete ${draft.figures.length - LIMITS.figures}.`,
    });
  }
  draft.figures.forEach((figure, i) => {
    const name = `Figure ${i + 1}`;
    const id = (field: FigureField) => fieldIds.figure(figure.key, field);
    const label = figure.label.trim();
    if (label === '') issues.push({ fieldId: id('label'), message: `${name}: the label is required.` });
    else if (label.length > LIMITS.labelLength)
      issues.push({ fieldId: id('label'), message: tooLong(`${name}: the label`, label.length, LIMITS.labelLength) });
    if (Number.isNaN(parseValue(figure.value))) {
      issues.push({ fieldId: id('value'), message: `${name}: the value must be a number, such as 1.5 or -20.` });
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
    const metric = figure.metric ?? '';
    if (metric.length > LIMITS.metricLength) {
      issues.push({
        fieldId: id('label'),
        message: tooLong(`${name}: its metric (column Metric in Xiaomi Details)`, metric.length, LIMITS.metricLength),
      });
    }
  });
  return issues;
}
