/**
 * The canvas content as authored in content/xiaomi-canvas.json.
 * Validated at build time (scripts/validate-content.ts) and in tests; the bundle embeds it already validated.
 */
import { z } from 'zod';
import { BLOCK_IDS, BLOCK_TITLES } from './block-ids';
import { isLowerBound } from './figure-bound';

const text = z.string().trim().min(1, 'must not be empty');

export { CURRENCY_UNITS } from './units';

/** A metric the seed states, with the sentence it came from. */
export const contentFigureSchema = z
  .object({
    label: text.max(200),
    value: z.number().finite(),
    unit: text.max(40),
    period: text.max(40),
    /** Qualifier the seed attaches, e.g. "approx.", "over", or an observation about a contradiction. */
    note: z.string().trim().min(1).max(500).optional(),
    /** Groups figures that measure the same thing; Key Figures flags conflicts within a metric and period. */
    metric: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case key such as "rd-spend"')
      .max(60)
      .optional(),
    /**
     * "at-least" when the template states the figure as a lower bound ("over 600 million", "12,000+"): it
     * differs from a reported value only when that is below it. The sheet keeps it in the note (which must then
     * read "over", see figure-bound.ts), so Key Figures' formula and the sidebar read the same thing.
     */
    bound: z.literal('at-least').optional(),
    /** The seed sentence (verbatim) the figure was taken from. */
    source: text.max(1000),
  })
  .strict()
  .refine((f) => (f.bound === 'at-least') === isLowerBound(f.note), {
    message: 'a lower bound (bound "at-least") needs a note beginning "over", and only a lower bound may have one',
    path: ['bound'],
  });

/** A run of seed text: an optional heading, then its paragraphs, then its bullets, all verbatim. */
export const sectionSchema = z
  .object({
    heading: text.max(200).nullable(),
    paragraphs: z.array(text),
    bullets: z.array(text),
  })
  .strict()
  .refine((s) => s.paragraphs.length + s.bullets.length > 0 || s.heading !== null, 'a section needs a heading or text');

export const tableSchema = z
  .object({
    header: z.array(text).min(2),
    rows: z.array(z.array(text)).min(1),
  })
  .strict()
  .refine(
    (t) => t.rows.every((r) => r.length === t.header.length),
    'every table row must have as many cells as the header',
  );

export const contentBlockSchema = z
  .object({
    id: z.enum(BLOCK_IDS),
    title: text,
    /** The heading this block has in the seed (e.g. "Partnerships"). */
    seedHeading: text,
    /** Canonical Business Model Canvas guiding question(s). */
    questions: z.array(text.max(200)).min(1).max(4),
    /** Sticky-note lines: short, one idea each. */
    entries: z.array(text.max(80)).min(5).max(10),
    sections: z.array(sectionSchema).min(1),
    table: tableSchema,
    figures: z.array(contentFigureSchema),
  })
  .strict()
  .refine((b) => b.title === BLOCK_TITLES[b.id], { message: 'title must match the block id', path: ['title'] });

/**
 * A link the source text supports between an entry and a customer segment (both by their text), with the
 * source's words that justify it (a test checks the quote occurs in the source text).
 */
export const segmentLinkSchema = z
  .object({
    block: z.enum(BLOCK_IDS).refine((id) => id !== 'customer-segments', 'segments are not linked to segments'),
    entry: text,
    segment: text,
    because: text.max(600),
  })
  .strict();

/**
 * What backs a shipped entry (issue 19), by its text: "reported" or "contradicted" with the Reported Results figure
 * ("Reported Results: <metric>, <period>") or the Xiaomi announcement ("<title> — <address>") that says so. Entries
 * not listed are the template's claims. A test checks every source against Reported Results or the announcement.
 */
export const entryEvidenceSchema = z
  .object({
    block: z.enum(BLOCK_IDS),
    entry: text,
    status: z.enum(['reported', 'contradicted']),
    source: text.max(500),
    /** Why the source supports (or contradicts) the entry, in the analyst's words. */
    because: text.max(600),
  })
  .strict();

export const canvasContentSchema = z
  .object({
    title: text,
    tagline: text,
    /** The seed's product description that precedes the blocks, verbatim. */
    intro: z.array(sectionSchema),
    dataSources: z.object({ heading: text, text: text }).strict(),
    licence: text,
    blocks: z.array(contentBlockSchema).length(BLOCK_IDS.length),
    /** Which entries serve which customer segments, as the source text says. */
    segmentLinks: z.array(segmentLinkSchema).optional(),
    evidence: z.array(entryEvidenceSchema).optional(),
  })
  .strict()
  .refine((c) => c.blocks.every((b, i) => b.id === BLOCK_IDS[i]), {
    message: 'blocks must appear once each, in canonical order',
    path: ['blocks'],
  })
  .superRefine((c, ctx) => {
    const entriesOf = (id: string) => c.blocks.find((b) => b.id === id)?.entries ?? [];
    (c.segmentLinks ?? []).forEach((link, i) => {
      if (!entriesOf(link.block).includes(link.entry))
        ctx.addIssue({
          code: 'custom',
          message: `"${link.entry}" is not an entry of ${link.block}`,
          path: ['segmentLinks', i, 'entry'],
        });
      if (!entriesOf('customer-segments').includes(link.segment))
        ctx.addIssue({
          code: 'custom',
          message: `"${link.segment}" is not a customer segment`,
          path: ['segmentLinks', i, 'segment'],
        });
    });
    (c.evidence ?? []).forEach((e, i) => {
      if (!entriesOf(e.block).includes(e.entry))
        ctx.addIssue({
          code: 'custom',
          message: `"${e.entry}" is not an entry of ${e.block}`,
          path: ['evidence', i, 'entry'],
        });
    });
  });

export type ContentFigure = z.infer<typeof contentFigureSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type SeedTable = z.infer<typeof tableSchema>;
export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type CanvasContent = z.infer<typeof canvasContentSchema>;
export type SegmentLink = z.infer<typeof segmentLinkSchema>;
