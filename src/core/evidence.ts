/** Evidence on every entry (issue 19): the statuses, importances, their words, and how evidence follows its entry. */
import { matchEntries } from './segments';

/**
 * Evidence on every entry (issue 19): whether Xiaomi's own reporting backs the claim, the template only states it,
 * the team assumes it, or Xiaomi's reporting says otherwise; where that evidence is; and how much the claim
 * matters. Per block, a list parallel to its entries, carried with its entry like links (entry-links.ts).
 */
export const EVIDENCE_STATUSES = ['reported', 'template', 'assumption', 'contradicted'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const IMPORTANCES = ['high', 'medium', 'low'] as const;
export type Importance = (typeof IMPORTANCES)[number];

export interface EntryEvidence {
  status: EvidenceStatus;
  /** A Reported Results metric and period, or an announcement's title and address; "" when there is none. */
  source: string;
  /** null: not rated. */
  importance: Importance | null;
}

/** The longest source a save or a file may give. */
export const SOURCE_LIMIT = 500;

/** What an entry the team adds starts with: its own hypothesis, not rated. */
export const NEW_ENTRY_EVIDENCE: EntryEvidence = { status: 'assumption', source: '', importance: null };

/** What an entry of an older file (or canvas) starts with: the template's claim, unverified. */
export const TEMPLATE_EVIDENCE: EntryEvidence = { status: 'template', source: '', importance: null };

/** Statuses whose claim rests on Xiaomi's reporting, so they must say where. */
export const needsSource = (status: EvidenceStatus): boolean => status === 'reported' || status === 'contradicted';

/** Entries an analyst cannot quote as Xiaomi's: everything not backed by Xiaomi's reporting. */
export const unverified = (e: EntryEvidence): boolean => e.status !== 'reported';

/** The analyst's words for each status (sidebar, sheet, fit checks). */
export const STATUS_WORDS: Record<EvidenceStatus, string> = {
  reported: 'Reported by Xiaomi',
  template: 'Template claim',
  assumption: 'Team assumption',
  contradicted: 'Contradicted by Xiaomi',
};

export const IMPORTANCE_WORDS: Record<Importance, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const sameEvidence = (a: EntryEvidence, b: EntryEvidence): boolean =>
  a.status === b.status && a.source === b.source && a.importance === b.importance;

/** Evidence as the canvas's hidden column keeps it: [status, source?, importance?], short. */
export function packEvidence(e: EntryEvidence): unknown[] {
  return e.importance ? [e.status, e.source, e.importance] : e.source ? [e.status, e.source] : [e.status];
}

/** Reads packEvidence's form back; anything damaged reads as null (the entry then counts as new). */
export function unpackEvidence(value: unknown): EntryEvidence | null {
  if (!Array.isArray(value)) return null;
  const [status, source = '', importance = null] = value as unknown[];
  if (!(EVIDENCE_STATUSES as readonly unknown[]).includes(status) || typeof source !== 'string') return null;
  if (importance !== null && !(IMPORTANCES as readonly unknown[]).includes(importance)) return null;
  const e = { status, source: source.slice(0, SOURCE_LIMIT), importance } as EntryEvidence;
  // A status that needs a source and lost it (edited by hand) is no longer backed by anything quotable.
  return needsSource(e.status) && e.source.trim() === '' ? { ...e, status: 'template' } : e;
}

/**
 * The evidence after a block's entries were edited, moved, added, deleted or merged without new evidence being
 * given: each entry keeps the evidence of the entry it continues (see matchEntries); new entries are assumptions.
 */
export function carryEvidence(
  before: readonly string[],
  beforeEvidence: readonly EntryEvidence[],
  after: readonly string[],
): EntryEvidence[] {
  return matchEntries(before, after).map((i) => ({ ...((i >= 0 && beforeEvidence[i]) || NEW_ENTRY_EVIDENCE) }));
}

/** Evidence for `count` entries: what is given, else `fill` (e.g. template for files from before evidence). */
export function evidenceFor(count: number, given: readonly EntryEvidence[] | undefined, fill: EntryEvidence) {
  return Array.from({ length: count }, (_, i) => ({ ...(given?.[i] ?? fill) }));
}
