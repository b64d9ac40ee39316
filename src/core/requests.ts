import * as z from 'zod/mini';
import { BLOCK_IDS } from './block-ids';

/**
 * Validation of everything the sidebar sends. zod/mini keeps the bundle small (Apps Script loads the whole
 * bundle on every call); messages are our own, so no locale is needed.
 */

import { hasLoneSurrogate, normaliseEntry } from './entry-text';
import { LIMITS } from './limits';

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

export const saveBlockRequestSchema = z
  .strictObject(
    {
      blockId,
      version,
      entries: entriesSchema,
      figures: figureListSchema(figureSchema),
      links: z.optional(linksSchema),
    },
    objectError('an object with blockId, version, entries and figures'),
  )
  .check(
    z.refine((req) => req.links === undefined || req.links.length === req.entries.length, {
      message: 'must have one list per entry',
      path: ['links'],
    }),
  );

/** getFitChecks' optional request. */
export const fitChecksRequestSchema = z.optional(
  z.strictObject(
    { canvasId: z.optional(required(LIMITS.versionLength)) },
    objectError('an object with an optional canvasId'),
  ),
);

export const selectSegmentEntriesRequestSchema = z.strictObject(
  { segmentId: required(LIMITS.versionLength) },
  objectError('an object with segmentId'),
);

export const resetBlockRequestSchema = z.strictObject(
  { blockId, version },
  objectError('an object with blockId and version'),
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
  throw new Error(`Invalid ${what}: ${message}.`);
}
