/**
 * The "xiaomi-canvas/3" JSON format: a whole canvas (entries, figures, segment links and evidence of the nine blocks) as other tools can
 * read and write it. Used by Export/Import JSON and to store snapshots. Every block obeys every rule of
 * saveBlock (the same zod pieces check both); content/xiaomi-canvas-1.schema.json is generated from this schema.
 *
 * {
 *   "format": "xiaomi-canvas/3",                      // "/2" (no evidence) and "/1" (no ids, no links) still import
 *   "exportedAt": "2025-01-31T09:30:00.000Z",        // optional
 *   "title": "Xiaomi Business Model Canvas",          // optional
 *   "blocks": [                                       // all nine, in canonical order
 *     { "id": "key-partners", "entries": ["…"], "figures": [{ "label": "…", "value": 1, "unit": "…", "period": "…",
 *       "note": "…", "metric": "…", "source": "…" }],   // note, metric and source are optional
 *       "links": [["s1", "s2"], []],                  // optional: per entry, the segments it serves
 *       "evidence": [{ "status": "reported", "source": "Reported Results: ev-deliveries, 2024", "importance": "high" },
 *                    { "status": "template", "source": "", "importance": null }] },  // optional: per entry
 *     { "id": "customer-segments", "entries": ["…"], "figures": [], "segmentIds": ["s1", "s2"] },  // optional
 *     …
 *   ]
 * }
 */
import * as z from 'zod/mini';
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import {
  entriesSchema,
  evidenceItems,
  evidenceSchema,
  figureListSchema,
  figureSchema,
  required,
  text,
} from './requests';
import { TEMPLATE_EVIDENCE, evidenceFor, sameEvidence, type EntryEvidence } from './evidence';
import { normaliseLinks } from './entry-links';
import { plainFigure } from './figure';
import { SEGMENT_ID_PATTERN, resolveSegmentIds } from './segments';
import type { Figure } from './view';

/**
 * What export writes. Version 3 adds every entry's evidence; version 2 the segments' ids and every entry's links.
 * Version 2 and 1 files still import, their entries as the template's claims.
 */
export const CANVAS_JSON_FORMAT = 'xiaomi-canvas/3';
export const CANVAS_JSON_FORMAT_V2 = 'xiaomi-canvas/2';
export const CANVAS_JSON_FORMAT_V1 = 'xiaomi-canvas/1';
const FORMATS: readonly string[] = [CANVAS_JSON_FORMAT, CANVAS_JSON_FORMAT_V2, CANVAS_JSON_FORMAT_V1];

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

const segmentIdSchema = z
  .string({ error: 'must be a segment id' })
  .check(z.regex(SEGMENT_ID_PATTERN, 'must be a segment id such as "s1"'));

/**
 * Version 2: Customer Segments may carry its entries' ids; every other block its entries' links. Version 3: every
 * block may carry its entries' evidence too.
 */
const blockSchemaV2 = (id: BlockId, { withEvidence = false }: { withEvidence?: boolean } = {}) =>
  z.strictObject(
    {
      ...(withEvidence ? { evidence: z.optional(evidenceSchema) } : {}),
      id: z.literal(id, { error: `must be "${id}" (blocks are listed in canonical order: ${BLOCK_IDS.join(', ')})` }),
      entries: entriesSchema,
      figures: figureListSchema(jsonFigureSchema),
      ...(id === 'customer-segments'
        ? { segmentIds: z.optional(z.array(segmentIdSchema, { error: 'must be a list of segment ids' })) }
        : {
            links: z.optional(
              z.array(z.array(segmentIdSchema, { error: 'must be a list of segment ids' }), {
                error: 'must be a list with a list of segment ids per entry',
              }),
            ),
          }),
    },
    objectError(
      `an object with id, entries, figures and optionally ${id === 'customer-segments' ? 'segmentIds' : 'links'}${withEvidence ? ' and evidence' : ''}`,
    ),
  );

const blocksError = `must list the ${BLOCK_IDS.length} blocks in canonical order (${BLOCK_IDS.join(', ')})`;

const canvasSchemaOf = <B extends z.ZodMiniType>(format: string, block: (id: BlockId) => B) =>
  z.strictObject(
    {
      format: z.literal(format, { error: `must be "${format}"` }),
      exportedAt: z.optional(text(64)),
      title: z.optional(required(TITLE_LENGTH)),
      blocks: z.tuple(BLOCK_IDS.map(block) as unknown as [B, ...B[]], { error: blocksError }),
    },
    objectError(`an object with "format": "${format}" and blocks`),
  );

export const canvasJsonSchema = canvasSchemaOf(CANVAS_JSON_FORMAT, (id) => blockSchemaV2(id, { withEvidence: true }));
export const canvasJsonSchemaV2 = canvasSchemaOf(CANVAS_JSON_FORMAT_V2, (id) => blockSchemaV2(id));
export const canvasJsonSchemaV1 = canvasSchemaOf(CANVAS_JSON_FORMAT_V1, blockSchema);

export type JsonFigure = Figure & { source?: string };
export interface CanvasJsonBlock {
  id: BlockId;
  entries: string[];
  figures: JsonFigure[];
  /** Parallel to entries (every block; Customer Segments' lists are empty). */
  links: string[][];
  /** Parallel to entries (every block). */
  evidence: EntryEvidence[];
}
/**
 * A validated file, in version 3 whatever it was: a version-1 file gets ids s1, s2, … and no links; entries of
 * version 1 and 2 files (and of a version-3 block without evidence) are the template's claims.
 */
export interface CanvasJson {
  format: typeof CANVAS_JSON_FORMAT;
  exportedAt?: string;
  title?: string;
  /** Ids of the Customer Segments entries, in order. */
  segmentIds: string[];
  blocks: CanvasJsonBlock[];
}

/** What toCanvasJson needs: a CanvasView, or anything with the nine blocks' entries, figures and links. */
export interface CanvasLike {
  blocks: ReadonlyArray<{
    id: BlockId;
    entries: readonly string[];
    figures: readonly JsonFigure[];
    links?: ReadonlyArray<readonly string[]>;
    evidence?: readonly EntryEvidence[];
  }>;
  segmentIds?: readonly string[];
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

/** Validates an already-parsed value as "xiaomi-canvas/3" (or /2, /1); throws one plain line naming the field. */
export function validateCanvasJson(value: unknown, what = 'canvas JSON'): CanvasJson {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Invalid ${what}: expected an object with "format": "${CANVAS_JSON_FORMAT}".`);
  }
  const format = (value as { format?: unknown }).format;
  if (format === undefined) {
    throw new Error(`Invalid ${what}: it has no "format" field; expected "format": "${CANVAS_JSON_FORMAT}".`);
  }
  if (typeof format !== 'string' || !FORMATS.includes(format)) {
    throw new Error(
      oneLine(
        `Unsupported format ${short(format)}: expected "${CANVAS_JSON_FORMAT}" (or "${CANVAS_JSON_FORMAT_V2}", "${CANVAS_JSON_FORMAT_V1}").`,
      ),
    );
  }
  const schema =
    format === CANVAS_JSON_FORMAT
      ? canvasJsonSchema
      : format === CANVAS_JSON_FORMAT_V2
        ? canvasJsonSchemaV2
        : canvasJsonSchemaV1;
  const result = (schema as typeof canvasJsonSchema).safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = fieldName(issue.path);
    throw new Error(oneLine(`Invalid ${what}: ${field === '' ? 'the file' : field} ${issue.message}.`));
  }
  return withLinks(result.data, what);
}

interface RawCanvasJson {
  exportedAt?: string;
  title?: string;
  blocks: Array<{
    id: BlockId;
    entries: string[];
    figures: JsonFigure[];
    links?: string[][];
    segmentIds?: string[];
    evidence?: Parameters<typeof evidenceItems>[0];
  }>;
}

/** Checks ids and links against each other (one per entry, known segments, no id twice) and fills in defaults. */
function withLinks(raw: RawCanvasJson, what: string): CanvasJson {
  const fail = (index: number, field: string, message: string): never => {
    throw new Error(oneLine(`Invalid ${what}: ${fieldName(['blocks', index, field])} ${message}.`));
  };
  const segmentsAt = BLOCK_IDS.indexOf('customer-segments');
  const segments = raw.blocks[segmentsAt];
  const given = segments.segmentIds;
  if (given && given.length !== segments.entries.length) fail(segmentsAt, 'segmentIds', 'must have one id per entry');
  if (given && new Set(given).size !== given.length) fail(segmentsAt, 'segmentIds', 'must not name a segment twice');
  const segmentIds = given ?? resolveSegmentIds(segments.entries.map(() => null));
  const blocks = raw.blocks.map((block, index): CanvasJsonBlock => {
    const links = block.links ?? block.entries.map((): string[] => []);
    if (links.length !== block.entries.length) fail(index, 'links', 'must have one list per entry');
    links.forEach((ids, i) => {
      const unknown = ids.find((id) => !segmentIds.includes(id));
      if (unknown !== undefined) fail(index, `links[${i}]`, `names an unknown segment "${unknown}"`);
    });
    if (block.evidence && block.evidence.length !== block.entries.length)
      fail(index, 'evidence', 'must have one item per entry');
    return {
      id: block.id,
      entries: block.entries,
      figures: block.figures,
      links: normaliseLinks(links, segmentIds),
      evidence: evidenceFor(block.entries.length, block.evidence && evidenceItems(block.evidence), TEMPLATE_EVIDENCE),
    };
  });
  return {
    format: CANVAS_JSON_FORMAT,
    ...(raw.exportedAt !== undefined ? { exportedAt: raw.exportedAt } : {}),
    ...(raw.title !== undefined ? { title: raw.title } : {}),
    segmentIds,
    blocks,
  };
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
 * The canvas as a "xiaomi-canvas/3" object, validated: a canvas a teammate edited beyond the limits by hand
 * (say a 2,000-character entry, or text in a value cell) throws a plain line naming the block and field.
 */
export function toCanvasJsonObject(view: CanvasLike, meta: { exportedAt?: string; title?: string } = {}): CanvasJson {
  const byId = new Map(view.blocks.map((b) => [b.id, b]));
  const value: CanvasJson = {
    format: CANVAS_JSON_FORMAT,
    ...(meta.exportedAt ? { exportedAt: meta.exportedAt } : {}),
    ...(meta.title ? { title: meta.title } : {}),
    segmentIds: [...(view.segmentIds ?? [])],
    blocks: BLOCK_IDS.map((id) => {
      const block = byId.get(id);
      const entries = [...(block?.entries ?? [])];
      return {
        id,
        entries,
        figures: (block?.figures ?? []).map(jsonFigure),
        links: entries.map((_, i) => [...(block?.links?.[i] ?? [])]),
        evidence: evidenceFor(entries.length, block?.evidence, TEMPLATE_EVIDENCE),
      };
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
    return validateCanvasJson(fileShape(value));
  } catch (error) {
    throw new Error(
      `The canvas cannot be saved as JSON: ${(error as Error).message.replace(/^Invalid canvas JSON: /, '')}`,
    );
  }
}

/**
 * The file's shape of a canvas: ids on Customer Segments, links on the other blocks, only where there is
 * something to say (a canvas without links writes no empty lists).
 */
function fileShape(value: CanvasJson): unknown {
  const anyLinks = value.blocks.some((b) => b.links.some((ids) => ids.length > 0));
  // Evidence likewise: a canvas whose every entry is the template's claim says nothing (that is what a file without
  // evidence imports as).
  const anyEvidence = value.blocks.some((b) => b.evidence.some((e) => !sameEvidence(e, TEMPLATE_EVIDENCE)));
  return {
    format: value.format,
    ...(value.exportedAt !== undefined ? { exportedAt: value.exportedAt } : {}),
    ...(value.title !== undefined ? { title: value.title } : {}),
    blocks: value.blocks.map((b) => ({
      id: b.id,
      entries: b.entries,
      figures: b.figures,
      ...(b.id === 'customer-segments'
        ? value.segmentIds.length === b.entries.length
          ? { segmentIds: value.segmentIds }
          : {}
        : anyLinks
          ? { links: b.links }
          : {}),
      ...(anyEvidence ? { evidence: b.evidence } : {}),
    })),
  };
}

/** The canvas as "xiaomi-canvas/3" text (indented, so it reads well in a file and diffs well). */
export function toCanvasJson(
  view: CanvasLike,
  { compact = false, ...meta }: { exportedAt?: string; title?: string; compact?: boolean } = {},
): string {
  return JSON.stringify(fileShape(toCanvasJsonObject(view, meta)), null, compact ? 0 : 2);
}
