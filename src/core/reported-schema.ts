/**
 * Xiaomi's own reported results (content/reported-results.json): reference data the canvas compares its
 * figures with. Only Xiaomi's results announcements and annual reports count as sources, and every figure
 * carries the statement it came from. Validated at build time and in tests; the bundle embeds it validated.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

export const reportedSourceSchema = z
  .object({
    /** The document, e.g. "Xiaomi Corporation annual results announcement for the year ended December 31, 2024". */
    document: text.max(300),
    publisher: z.literal('Xiaomi Corporation'),
    /** Publication date, YYYY-MM-DD. */
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-18'),
    /**
     * How the statement was read: in Xiaomi's own announcement or press release ("announcement"), as a line
     * translated from the Chinese announcement ("translation"), or in coverage quoting the results ("coverage").
     */
    kind: z.enum(['announcement', 'translation', 'coverage']),
    /** Where coverage (or a press release) was read: the outlet's name. Required for coverage. */
    outlet: text.max(120).optional(),
    /** The statement (sentence or table line) the figure was taken from. */
    statement: text.max(1000),
    /** Where the statement was read: the announcement itself or coverage quoting it. */
    url: z.string().regex(/^https?:\/\/\S+$/, 'must be a web address'),
  })
  .strict();

export const reportedFigureSchema = z
  .object({
    /** The same key the template's figures use for the same thing (see content/xiaomi-canvas.json). */
    metric: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case key such as "rd-spend"'),
    /** The same period strings the template uses: "2024", "Q3 2024". */
    period: z.string().regex(/^(Q[1-4] )?\d{4}$/, 'must be a year ("2024") or a quarter ("Q3 2024")'),
    value: z.number().finite(),
    unit: text.max(40),
    source: reportedSourceSchema,
    /** What the figure is where that is not obvious: a point-in-time value, a segment's changed definition. */
    note: text.max(400).optional(),
  })
  .strict()
  .refine((f) => f.source.kind !== 'coverage' || f.source.outlet !== undefined, {
    message: 'coverage must name its outlet',
    path: ['source', 'outlet'],
  });

export const reportedResultsSchema = z
  .object({
    /** What the file is, for people who open it. */
    description: text,
    figures: z.array(reportedFigureSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.figures.forEach((figure, i) => {
      const key = `${figure.metric} ${figure.period}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['figures', i], message: `duplicate metric and period: ${key}` });
      seen.add(key);
    });
  });

export type ReportedSource = z.infer<typeof reportedSourceSchema>;
export type ReportedFigure = z.infer<typeof reportedFigureSchema>;
export type ReportedResults = z.infer<typeof reportedResultsSchema>;

/** Parses the file's content; throws one line per problem, naming the figure. */
export function validateReportedResults(raw: unknown, file: string): ReportedResults {
  const parsed = reportedResultsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`).join('\n'),
  );
}
