/**
 * Snapshots live in the spreadsheet itself, so they travel with the file (copies, downloads, sharing): a sheet
 * "Canvas Snapshots" with a header row and one row per snapshot:
 *
 *   A ID | B Label | C Saved at (ISO text) | D Saved from | E Canvas (sheet name) | F… JSON ("xiaomi-canvas/1", compact)
 *
 * "Saved from" says how the snapshot was taken (the sidebar, the menu, or automatically before a restore). It
 * replaced "Saved by" (column D), which was always blank: Google tells a script who its user is only with an email
 * scope, which the add-on does not ask for; older sheets keep what they had there.
 *
 * Sheets holds at most 50,000 characters per cell, so the JSON is cut into chunks of at most 45,000 characters
 * in consecutive cells from column F. Every cell is written literally (leading apostrophe), so a chunk that
 * happens to start with "=", "+" or a digit stays text.
 */
import * as z from 'zod/mini';
import { parseCanvasJson, type CanvasJson } from './canvas-json';
import { AUTOMATIC_FORMAT, cellText, textInput } from './literal';
import { canvasField, required, text } from './requests';
import type { SnapshotInfo, SnapshotListItem } from './view';

export const SNAPSHOT_SHEET_NAME = 'Canvas Snapshots';
/** Named range over the header row, so the sheet is found even after a rename. */
export const SNAPSHOT_RANGE_NAME = 'XiaomiCanvas_Snapshots';
export const SNAPSHOT_HEADER = ['ID', 'Label', 'Saved at', 'Saved from', 'Canvas', 'JSON…'] as const;
export const SNAPSHOT_COLUMNS = { id: 1, label: 2, savedAt: 3, savedFrom: 4, canvas: 5, json: 6 } as const;

/** How a snapshot was taken, as column D says it. */
export const SAVED_FROM = { sidebar: 'Sidebar', menu: 'Menu', restore: 'Before a restore' } as const;
export type SavedFrom = keyof typeof SAVED_FROM;
export const SNAPSHOT_PROTECTION_DESCRIPTION =
  'Xiaomi Canvas snapshots: each row is a saved version of the canvas. Edit with care; a changed JSON cell makes its snapshot unusable.';

export const CHUNK_LENGTH = 45_000;
export const LABEL_LENGTH = 100;
export const ID_LENGTH = 100;
/** Stored canvases are not held to the import size limit (the canvas limits already bound them), only to this. */
export const STORED_JSON_MAX_BYTES = 8 * 1024 * 1024;

export const saveSnapshotRequestSchema = z.strictObject(
  { label: z.optional(text(LABEL_LENGTH)), ...canvasField },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has an unknown field "${issue.keys.join('", "')}"`
        : 'must be an object with an optional label',
  },
);

const snapshotId = required(ID_LENGTH);
const idError = (what: string) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `has an unknown field "${(issue.keys ?? []).join('", "')}"`
      : `must be ${what}`,
});

export const compareSnapshotsRequestSchema = z.strictObject(
  { from: snapshotId, to: z.optional(snapshotId), ...canvasField },
  idError('an object with from (a snapshot id) and optionally to'),
);

export const restoreSnapshotRequestSchema = z.strictObject(
  { id: snapshotId, ...canvasField },
  idError('an object with id (a snapshot id)'),
);

/**
 * Cuts text into chunks of at most `size` characters. A cut never splits a surrogate pair (an emoji) and, when
 * it can, never falls next to whitespace, so no cell starts or ends with a space a spreadsheet might trim.
 */
export function chunkText(value: string, size = CHUNK_LENGTH): string[] {
  if (size < 4) throw new Error('chunk size too small');
  const chunks: string[] = [];
  let start = 0;
  while (value.length - start > size) {
    let end = start + size;
    const bad = (at: number) =>
      /\s/.test(value.charAt(at - 1)) || /\s/.test(value.charAt(at)) || isHighSurrogate(value.charCodeAt(at - 1));
    let cut = end;
    while (cut > start + size / 2 && bad(cut)) cut--;
    if (bad(cut)) {
      cut = end;
      if (isHighSurrogate(value.charCodeAt(cut - 1))) cut--;
    }
    end = cut;
    chunks.push(value.slice(start, end));
    start = end;
  }
  chunks.push(value.slice(start));
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A readable, sortable, unique id: the UTC time of saving plus a random suffix, e.g. "20250131-093000-k3f9". */
export function newSnapshotId(date: Date, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  const stamp = date
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  for (;;) {
    const suffix = Math.floor(random() * 36 ** 4)
      .toString(36)
      .padStart(4, '0');
    const id = `${stamp}-${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The label used when the user gives none: "Snapshot " and the time as `clock` writes it (the server passes the
 * spreadsheet's own time zone, e.g. "2025-01-31 10:30 (Europe/Paris)"); without one, UTC.
 */
export function defaultSnapshotLabel(date: Date, clock: (date: Date) => string = utcClock): string {
  return `Snapshot ${clock(date)}`;
}

function utcClock(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The label of the snapshot a restore saves first; kept within the label limit. */
export function beforeRestoreLabel(restoredLabel: string): string {
  const label = `Before restoring ${restoredLabel}`;
  return label.length <= LABEL_LENGTH ? label : `${label.slice(0, LABEL_LENGTH - 1)}…`;
}

/** The snapshot sheet keeps Sheets' automatic format, so its text is written with an apostrophe (literal.ts). */
const literal = (text: string): string => textInput(text, AUTOMATIC_FORMAT);

/** The cells of a snapshot row, each literal: A..E then the JSON chunks. */
export function snapshotRowValues(info: SnapshotInfo, json: string): string[] {
  return [
    literal(info.id),
    literal(info.label),
    literal(info.savedAt),
    literal(info.savedFrom ?? ''),
    literal(info.canvas ?? ''),
    ...chunkText(json).map(literal),
  ];
}

export function snapshotHeaderValues(): string[] {
  return SNAPSHOT_HEADER.map(literal);
}

/** A snapshot row as read back: its info, and its canvas or why it is unusable. */
export interface StoredSnapshot {
  /** 1-based sheet row. */
  row: number;
  info: SnapshotInfo;
  canvas?: CanvasJson;
  damaged?: string;
}

function timeText(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const textValue = cellText(value);
  if (textValue === '') return null;
  const time = new Date(textValue);
  return Number.isNaN(time.getTime()) ? null : textValue;
}

function rawText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- getValues() is untyped; what is left is a string or a number
  return typeof value === 'string' ? value : String(value);
}

/**
 * Reads one row of the snapshot sheet (values from column A). Returns null for a blank row. Never throws: a row
 * damaged by hand comes back with `damaged` saying why.
 */
export function parseSnapshotRow(values: readonly unknown[], row: number): StoredSnapshot | null {
  const cell = (column: number) => values[column - 1];
  const jsonCells = values.slice(SNAPSHOT_COLUMNS.json - 1);
  if (values.every((v) => cellText(v) === '')) return null;
  const id = cellText(cell(SNAPSHOT_COLUMNS.id));
  const label = cellText(cell(SNAPSHOT_COLUMNS.label));
  const savedAtCell = cell(SNAPSHOT_COLUMNS.savedAt);
  const savedAt = timeText(savedAtCell);
  const savedFrom = cellText(cell(SNAPSHOT_COLUMNS.savedFrom));
  const canvasName = cellText(cell(SNAPSHOT_COLUMNS.canvas));
  const info: SnapshotInfo = {
    id: id === '' ? `row-${row}` : id,
    label,
    savedAt: savedAt ?? cellText(savedAtCell),
    ...(savedFrom !== '' ? { savedFrom } : {}),
    ...(canvasName !== '' ? { canvas: canvasName } : {}),
  };
  const damaged = (reason: string): StoredSnapshot => ({ row, info, damaged: reason });
  if (id === '') return damaged(`row ${row} has no ID`);
  // Chunks are consecutive from F; the row may be padded with blanks up to the sheet's widest row.
  let last = jsonCells.length;
  while (last > 0 && rawText(jsonCells[last - 1]) === '') last--;
  if (last === 0) return damaged('its stored canvas (column F onward) is empty');
  const chunks = jsonCells.slice(0, last).map(rawText);
  const gap = chunks.indexOf('');
  if (gap >= 0)
    return damaged(`a part of its stored canvas (cell ${columnLetter(SNAPSHOT_COLUMNS.json + gap)}${row}) is empty`);
  if (savedAt === null) return damaged('its "Saved at" cell does not hold a time');
  try {
    const canvas = parseCanvasJson(chunks.join(''), { maxBytes: STORED_JSON_MAX_BYTES, what: 'stored canvas' });
    return { row, info, canvas };
  } catch (error) {
    return damaged(damageReason((error as Error).message));
  }
}

/** parseCanvasJson's message, reworded to describe the row: "its stored canvas is not valid JSON (…)". */
function damageReason(message: string): string {
  return message
    .replace(/\.$/, '')
    .replace(/^Invalid stored canvas: not valid JSON/, 'its stored canvas is not valid JSON')
    .replace(/^Invalid stored canvas: /, 'its stored canvas is invalid: ')
    .replace(/^Unsupported format/, 'its stored canvas has an unsupported format')
    .replace(/^The stored canvas/, 'its stored canvas');
}

function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function isHeaderRow(values: readonly unknown[]): boolean {
  return cellText(values[0]) === SNAPSHOT_HEADER[0] && cellText(values[1]) === SNAPSHOT_HEADER[1];
}

/**
 * Every snapshot of the sheet's values (row 1 = header), in sheet order. A second row with the same ID as an
 * earlier one is marked damaged, so an id always names one snapshot.
 */
export function readSnapshotRows(values: readonly (readonly unknown[])[]): StoredSnapshot[] {
  const seen = new Set<string>();
  const result: StoredSnapshot[] = [];
  values.forEach((rowValues, index) => {
    if (isHeaderRow(rowValues)) return;
    const snapshot = parseSnapshotRow(rowValues, index + 1);
    if (!snapshot) return;
    if (!snapshot.damaged && seen.has(snapshot.info.id)) {
      snapshot.damaged = `it has the same ID as an earlier snapshot (row ${result.find((s) => s.info.id === snapshot.info.id)?.row ?? '?'})`;
      delete snapshot.canvas;
    }
    seen.add(snapshot.info.id);
    result.push(snapshot);
  });
  return result;
}

/** The list the sidebar shows: newest (last saved) first, damaged ones included with their reason. */
export function snapshotList(stored: readonly StoredSnapshot[]): SnapshotListItem[] {
  return [...stored].reverse().map((s) => (s.damaged ? { ...s.info, damaged: s.damaged } : { ...s.info }));
}

/** The usable snapshot with this id, or a plain-words error. */
export function findSnapshot(stored: readonly StoredSnapshot[], id: string): StoredSnapshot & { canvas: CanvasJson } {
  const found = stored.find((s) => s.info.id === id && !s.damaged) ?? stored.find((s) => s.info.id === id);
  if (!found)
    throw new Error(
      `There is no snapshot with ID "${id}" (it may have been deleted from the ${SNAPSHOT_SHEET_NAME} sheet).`,
    );
  if (found.damaged || !found.canvas) {
    throw new Error(
      `The snapshot "${found.info.label || found.info.id}" is damaged and cannot be used: ${found.damaged ?? 'its stored canvas is missing'}.`,
    );
  }
  return found as StoredSnapshot & { canvas: CanvasJson };
}
