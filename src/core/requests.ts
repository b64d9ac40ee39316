/**
 * Validation of everything the sidebar sends. zod/mini keeps the bundle small (Apps Script loads the whole
 * bundle on every call); messages are our own, so no locale is needed.
 */
import { failure } from './failure';
import * as z from 'zod/mini';
import { BLOCK_IDS } from './block-ids';
import { CANVAS_ID_PATTERN } from './instance-names';

import { hasLoneSurrogate, normaliseEntry } from './entry-text';
import { LIMITS } from './limits';
import {
  EVIDENCE_STATUSES,
  IMPORTANCES,
  SOURCE_LIMIT,
  needsSource,
  type EntryEvidence,
  type Importance,
} from './evidence';

export { LIMITS };

const blockId = z.enum(BLOCK_IDS, { error: `must be one of: ${BLOCK_IDS.join(', ')}` });

/** Optional text (may be empty), trimmed, at most `max` characters. */
export const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .check(z.trim(), z.maxLength(max, `must be at most ${max} characters`), wellFormed);

/** Required text: trimmed, not empty, at most `max` characters. */
export const required = (max: number) =>
  z
    .string({ error: 'must be text' })
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(max, `must be at most ${max} characters`),
      wellFormed,
    );

const wellFormed = z.refine<string>(
  (s) => !hasLoneSurrogate(s),
  'contains an invalid character (half of an emoji, a lone surrogate)',
);

/** An entry: required text in its canonical form (see normaliseEntry). */
const entry = z
  .string({ error: 'must be text' })
  .check(
    z.overwrite(normaliseEntry),
    z.minLength(1, 'must not be empty'),
    z.maxLength(LIMITS.entryLength, `must be at most ${LIMITS.entryLength} characters`),
    wellFormed,
  );

export const figureSchema = z.strictObject(
  {
    label: required(LIMITS.labelLength),
    value: z.number({ error: 'must be a finite number' }),
    unit: text(LIMITS.unitLength),
    period: text(LIMITS.periodLength),
    note: z.optional(text(LIMITS.noteLength)),
    metric: z.optional(text(LIMITS.metricLength)),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has an unknown field "${issue.keys.join('", "')}"`
        : 'must be a figure object',
  },
);

const version = z
  .string({ error: 'must be text' })
  .check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.versionLength, 'is not a version token'));

const objectError = (what: string) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `has an unknown field "${(issue.keys ?? []).join('", "')}"`
      : `must be ${what}`,
});

/** A block's entries: at most 60 non-empty texts of at most 1,000 characters each, trimmed. */
export const entriesSchema = z
  .array(entry, { error: 'must be a list of texts' })
  .check(z.maxLength(LIMITS.entries, `must have at most ${LIMITS.entries} entries`));

/** A list of at most 40 figures of the given shape (saveBlock's figures, or a variant such as the JSON format's). */
export const figureListSchema = <T extends z.ZodMiniType>(figure: T) =>
  z
    .array(figure, { error: 'must be a list of figures' })
    .check(z.maxLength(LIMITS.figures, `must have at most ${LIMITS.figures} figures`));

/**
 * A figure as saveBlock receives it: the sidebar (or any client) may echo back the `reported` comparison the
 * server attached to the figure it read (see FigureView); it is reference data, never saved, so it is ignored.
 */
const savedFigureSchema = z.extend(figureSchema, { reported: z.optional(z.unknown()) });

/** Which canvas a request acts on (see canvasIdOf); omitted = the active sheet's canvas, else the first. */
export const canvasIdSchema = z
  .string({ error: 'must be text' })
  .check(z.regex(CANVAS_ID_PATTERN, 'is not a canvas id (such as "canvas-2")'));

/** Every request may name its canvas; the field is shared so it is validated the same everywhere. */
export const canvasField = { canvasId: z.optional(canvasIdSchema) };

/** Per entry, the ids of the segments it serves (checked against the canvas's segments by checkLinks). */
export const linksSchema = z
  .array(
    z
      .array(
        z.string({ error: 'must be a segment id' }).check(z.maxLength(LIMITS.versionLength, 'is not a segment id')),
        { error: 'must be a list of segment ids' },
      )
      .check(z.maxLength(LIMITS.entries, `must name at most ${LIMITS.entries} segments`)),
    { error: 'must be a list with a list of segment ids per entry' },
  )
  .check(z.maxLength(LIMITS.entries, `must have at most ${LIMITS.entries} lists`));

/**
 * Per entry, its evidence: a known status, a source (required for "reported" and "contradicted", which rest on
 * Xiaomi's reporting) and an importance or null. Source and importance may be left out ("" and null).
 */
export const evidenceSchema = z
  .array(
    z
      .strictObject(
        {
          status: z.enum(EVIDENCE_STATUSES, { error: `must be one of: ${EVIDENCE_STATUSES.join(', ')}` }),
          source: z.optional(text(SOURCE_LIMIT)),
          // null = not rated; a custom check, not z.nullable/z._default, keeps zod's extra classes out of the bundle
          importance: z.optional(
            z.custom<Importance | null>((v) => v === null || (IMPORTANCES as readonly unknown[]).includes(v), {
              error: `must be one of: ${IMPORTANCES.join(', ')}, or null`,
            }),
          ),
        },
        objectError('an object with status, source and importance'),
      )
      .check(
        z.refine((e) => !needsSource(e.status) || (e.source ?? '') !== '', {
          message: 'must name its source (a Reported Results figure or an announcement) when reported or contradicted',
          path: ['source'],
        }),
      ),
    { error: 'must be a list with the evidence of each entry' },
  )
  .check(z.maxLength(LIMITS.entries, `must have at most ${LIMITS.entries} items`));

/** Evidence as validated, with its defaults filled in (no source: "", no importance: null). */
export function evidenceItems(
  list: ReadonlyArray<{ status: EntryEvidence['status']; source?: string; importance?: Importance | null }>,
): EntryEvidence[] {
  return list.map((e) => ({ status: e.status, source: e.source ?? '', importance: e.importance ?? null }));
}

/**
 * The block as the sidebar loaded it (the merge's common ancestor). Checked against `version`, not re-normalised:
 * it must be exactly what the sheet held, so its limits are the sheet's, not the form's.
 */
const baseSchema = z.strictObject(
  {
    entries: z
      .array(z.string({ error: 'must be text' }), { error: 'must be a list of texts' })
      .check(z.maxLength(LIMITS.baseItems, `must have at most ${LIMITS.baseItems} entries`)),
    figures: z
      .array(
        z.strictObject(
          {
            label: z.string({ error: 'must be text' }),
            // null: the sheet's cell held no number when it was loaded (a view's NaN; see CellProblem).
            value: z.custom<number>((v) => v === null || (typeof v === 'number' && Number.isFinite(v)), {
              error: 'must be a finite number',
            }),
            unit: z.string({ error: 'must be text' }),
            period: z.string({ error: 'must be text' }),
            note: z.optional(z.string({ error: 'must be text' })),
            metric: z.optional(z.string({ error: 'must be text' })),
            // The comparison the server attached when the block was read (see FigureView): reference data, ignored.
            reported: z.optional(z.unknown()),
          },
          objectError('a figure object'),
        ),
        { error: 'must be a list of figures' },
      )
      .check(z.maxLength(LIMITS.baseItems, `must have at most ${LIMITS.baseItems} figures`)),
    links: z.optional(linksSchema),
    evidence: z.optional(evidenceSchema),
  },
  objectError('an object with entries, figures and optionally links and evidence (the block as it was loaded)'),
);

export const saveBlockRequestSchema = z
  .strictObject(
    {
      blockId,
      version,
      entries: entriesSchema,
      figures: figureListSchema(savedFigureSchema),
      links: z.optional(linksSchema),
      evidence: z.optional(evidenceSchema),
      base: z.optional(baseSchema),
      ...canvasField,
    },
    objectError('an object with blockId, version, entries and figures'),
  )
  .check(
    z.refine((req) => req.links === undefined || req.links.length === req.entries.length, {
      message: 'must have one list per entry',
      path: ['links'],
    }),
    z.refine((req) => req.evidence === undefined || req.evidence.length === req.entries.length, {
      message: 'must have one item per entry',
      path: ['evidence'],
    }),
  );

/** getFitChecks' optional request. */
export const fitChecksRequestSchema = z.strictObject(
  { ...canvasField },
  objectError('an object with an optional canvasId'),
);

export const selectSegmentEntriesRequestSchema = z.strictObject(
  { segmentId: required(LIMITS.versionLength), ...canvasField },
  objectError('an object with segmentId and an optional canvasId'),
);

export const resetBlockRequestSchema = z.strictObject(
  { blockId, version, ...canvasField },
  objectError('an object with blockId and version'),
);

export const getCanvasRequestSchema = z.strictObject(
  { ...canvasField },
  objectError('an object with an optional canvasId'),
);

export const getBlockRequestSchema = z.strictObject(
  { blockId, ...canvasField },
  objectError('an object with blockId and optionally canvasId'),
);

/** selectBlock's object form (it also takes a bare block id, as before). */
export const selectBlockRequestSchema = z.strictObject(
  { blockId, ...canvasField },
  objectError('a block id or an object with blockId and optionally canvasId'),
);

/** selectCell: a sheet by name and one cell in A1 notation (as a CellProblem names it). */
export const selectCellRequestSchema = z.strictObject(
  {
    sheet: required(LIMITS.labelLength),
    cell: z.string({ error: 'must be text' }).check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, 'is not a cell')),
  },
  objectError('an object with sheet and cell'),
);

export const showNumbersRequestSchema = z.strictObject(
  { ...canvasField },
  objectError('an object with an optional canvasId'),
);

export const blockIdSchema = blockId;

export type RequestFigure = z.infer<typeof figureSchema>;

/**
 * Validates a request and returns the parsed value, or throws an Error with one line naming the field,
 * e.g. `Invalid save request: entries[3] must not be empty.`
 */
export function parseRequest<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const message = `${field === '' ? what : field} ${issue.message}`.replace(/\s+/g, ' ').trim();
  throw failure({ code: 'invalid-request', what, detail: message });
}

/** A request the caller may leave out (google.script.run passes nothing, or null): validated as `{}` then. */
export function parseOptionalRequest<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  return parseRequest(schema, input === undefined || input === null ? {} : input, what);
}
