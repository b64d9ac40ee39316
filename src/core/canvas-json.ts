import * as z from 'zod/mini';
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import { entriesSchema, figureListSchema, figureSchema, required, text } from './requests';
import { plainFigure } from './figure';
import type { Figure } from './view';

/**
 * The "xiaomi-canvas/1" JSON format: a whole canvas (entries and figures of the nine blocks) as other tools can
 * read and write it. Used by Export/Import JSON and to store snapshots. Every block obeys every rule of
 * saveBlock (the same zod pieces check both); content/xiaomi-canvas-1.schema.json is generated from this schema.
 *
 * {
 *   "format": "xiaomi-canvas/1",
 *   "exportedAt": "2025-01-31T09:30:00.000Z",        // optional
 *   "title": "Xiaomi Business Model Canvas",          // optional
 *   "blocks": [                                       // all nine, in canonical order
 *     { "id": "key-partners", "entries": ["…"], "figures": [{ "label": "…", "value": 1, "unit": "…", "period": "…",
 *       "note": "…", "metric": "…", "source": "…" }] },   // note, metric and source are optional
 *     …
 *   ]
 * }
 */

export const CANVAS_JSON_FORMAT = 'xiaomi-canvas/1';

/** Imports larger than this (UTF-8 bytes) are refused before they are parsed. */
export const CANVAS_JSON_MAX_BYTES = 1024 * 1024;

export const SOURCE_LENGTH = 1000;
export const TITLE_LENGTH = 200;

const objectError = (what: string) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `has an unknown field "${(issue.keys ?? []).join('", "')}"`
      : `must be ${what}`,
});

/** saveBlock's figure, plus the optional seed sentence it was taken from. */
export const jsonFigureSchema = z.extend(figureSchema, { source: z.optional(text(SOURCE_LENGTH)) });

const blockSchema = (id: BlockId) =>
  z.strictObject(
    {
      id: z.literal(id, { error: `must be "${id}" (blocks are listed in canonical order: ${BLOCK_IDS.join(', ')})` }),
      entries: entriesSchema,
      figures: figureListSchema(jsonFigureSchema),
    },
    objectError('an object with id, entries and figures'),
  );

const blocksError = `must list the ${BLOCK_IDS.length} blocks in canonical order (${BLOCK_IDS.join(', ')})`;

export const canvasJsonSchema = z.strictObject(
  {
    format: z.literal(CANVAS_JSON_FORMAT, { error: `must be "${CANVAS_JSON_FORMAT}"` }),
    exportedAt: z.optional(text(64)),
    title: z.optional(required(TITLE_LENGTH)),
    blocks: z.tuple(
      BLOCK_IDS.map(blockSchema) as unknown as [ReturnType<typeof blockSchema>, ...ReturnType<typeof blockSchema>[]],
      { error: blocksError },
    ),
  },
  objectError(`an object with "format": "${CANVAS_JSON_FORMAT}" and blocks`),
);

export type JsonFigure = Figure & { source?: string };
export interface CanvasJsonBlock {
  id: BlockId;
  entries: string[];
  figures: JsonFigure[];
}
export interface CanvasJson {
  format: typeof CANVAS_JSON_FORMAT;
  exportedAt?: string;
  title?: string;
  blocks: CanvasJsonBlock[];
}

/** What toCanvasJson needs: a CanvasView, or anything with the nine blocks' entries and figures. */
export interface CanvasLike {
  blocks: ReadonlyArray<{ id: BlockId; entries: readonly string[]; figures: readonly JsonFigure[] }>;
}

/** UTF-8 length of a string without Buffer or TextEncoder (neither exists in Apps Script). */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

function short(value: unknown): string {
  const json = JSON.stringify(value);
  const shown = json === undefined ? String(value) : json;
  return shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
}

/** `blocks[3].entries[2]` with the block's title, e.g. `blocks[3] (Value Propositions).entries[2]`. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  if (path[0] === 'blocks' && typeof path[1] === 'number' && path[1] < BLOCK_IDS.length) {
    const prefix = `blocks[${path[1]}]`;
    name = `${prefix} (${BLOCK_TITLES[BLOCK_IDS[path[1]]]})${name.slice(prefix.length)}`;
  }
  return name;
}

/** Validates an already-parsed value as "xiaomi-canvas/1"; throws one plain line naming the field. */
export function validateCanvasJson(value: unknown, what = 'canvas JSON'): CanvasJson {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Invalid ${what}: expected an object with "format": "${CANVAS_JSON_FORMAT}".`);
  }
  const format = (value as { format?: unknown }).format;
  if (format === undefined) {
    throw new Error(`Invalid ${what}: it has no "format" field; expected "format": "${CANVAS_JSON_FORMAT}".`);
  }
  if (format !== CANVAS_JSON_FORMAT) {
    throw new Error(oneLine(`Unsupported format ${short(format)}: expected "${CANVAS_JSON_FORMAT}".`));
  }
  const result = canvasJsonSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldName(issue.path);
  throw new Error(oneLine(`Invalid ${what}: ${field === '' ? 'the file' : field} ${issue.message}.`));
}

/**
 * Parses and validates "xiaomi-canvas/1" text. Throws an Error with one plain line: too large, not JSON,
 * unsupported format, or the first invalid field (e.g. `Invalid canvas JSON: blocks[1] (Key Activities).entries[0] must not be empty.`).
 */
export function parseCanvasJson(textValue: unknown, options: { maxBytes?: number; what?: string } = {}): CanvasJson {
  const what = options.what ?? 'canvas JSON';
  const maxBytes = options.maxBytes ?? CANVAS_JSON_MAX_BYTES;
  if (typeof textValue !== 'string') throw new Error(`Invalid ${what}: expected the text of a JSON file.`);
  if (textValue.length > maxBytes || utf8Length(textValue) > maxBytes) {
    const mb = (n: number) => `${Math.ceil((n / (1024 * 1024)) * 100) / 100} MB`;
    throw new Error(`The ${what} is too large (${mb(utf8Length(textValue))}); the limit is ${mb(maxBytes)}.`);
  }
  if (textValue.trim() === '') throw new Error(`Invalid ${what}: the file is empty.`);
  let value: unknown;
  try {
    value = JSON.parse(textValue.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(
      oneLine(`Invalid ${what}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`),
    );
  }
  return validateCanvasJson(value, what);
}

/** A figure as the format writes it: the contract's fields, plus its source sentence when it has one. */
function jsonFigure(f: JsonFigure): JsonFigure {
  return { ...plainFigure(f), ...(f.source ? { source: f.source } : {}) };
}

/**
 * The canvas as a "xiaomi-canvas/1" object, validated: a canvas a teammate edited beyond the limits by hand
 * (say a 2,000-character entry, or text in a value cell) throws a plain line naming the block and field.
 */
export function toCanvasJsonObject(view: CanvasLike, meta: { exportedAt?: string; title?: string } = {}): CanvasJson {
  const byId = new Map(view.blocks.map((b) => [b.id, b]));
  const value: CanvasJson = {
    format: CANVAS_JSON_FORMAT,
    ...(meta.exportedAt ? { exportedAt: meta.exportedAt } : {}),
    ...(meta.title ? { title: meta.title } : {}),
    blocks: BLOCK_IDS.map((id) => {
      const block = byId.get(id);
      return { id, entries: [...(block?.entries ?? [])], figures: (block?.figures ?? []).map(jsonFigure) };
    }),
  };
  for (const block of value.blocks) {
    const bad = block.figures.find((f) => !Number.isFinite(f.value));
    if (bad)
      throw new Error(
        `The ${BLOCK_TITLES[block.id]} figure "${bad.label}" has no numeric value; enter a number in its Value cell first.`,
      );
  }
  try {
    return validateCanvasJson(value);
  } catch (error) {
    throw new Error(
      `The canvas cannot be saved as JSON: ${(error as Error).message.replace(/^Invalid canvas JSON: /, '')}`,
    );
  }
}

/** The canvas as "xiaomi-canvas/1" text (indented, so it reads well in a file and diffs well). */
export function toCanvasJson(view: CanvasLike, meta: { exportedAt?: string; title?: string } = {}, indent = 2): string {
  return JSON.stringify(toCanvasJsonObject(view, meta), null, indent);
}
