/**
 * Issue 18, item 5: the template's figures are compared fairly with Xiaomi's reported results. Lower bounds are
 * data (content's `bound`, kept in the note in the sheet), point-in-time values are labelled and compared only
 * with their own kind, and a figure whose period looks wrong says so beside it.
 */
import content from '../../content/xiaomi-canvas.json';
import reportedFile from '../../content/reported-results.json';
import { contentFigureSchema, type CanvasContent } from '../../src/core/content-schema';
import { compareWithReported } from '../../src/core/reported-compare';
import type { ReportedResults } from '../../src/core/reported-schema';

const canvas = content as unknown as CanvasContent;
const reported = (reportedFile as unknown as ReportedResults).figures;
const figures = canvas.blocks.flatMap((b) => b.figures.map((f) => ({ block: b.id, ...f })));
const SETTINGS = { rate: 0.14, tolerance: 0.1 };
const pointInTime = (note: string | undefined) => /point-in-time/i.test(note ?? '');

describe('lower bounds', () => {
  const base = { label: 'MAU', value: 600, unit: 'million users', period: '2024', metric: 'miui-mau', source: 's' };

  test('the content schema takes a bound only with a note that reads "over", and requires it there', () => {
    expect(contentFigureSchema.safeParse({ ...base, note: 'over', bound: 'at-least' }).success).toBe(true);
    expect(contentFigureSchema.safeParse({ ...base, note: 'over' }).success).toBe(false);
    expect(contentFigureSchema.safeParse({ ...base, note: 'approx.', bound: 'at-least' }).success).toBe(false);
    expect(contentFigureSchema.safeParse({ ...base, bound: 'at-least' }).success).toBe(false);
    expect(contentFigureSchema.safeParse({ ...base, note: 'over', bound: 'at-most' }).success).toBe(false);
  });

  test('the template’s lower bounds above their reported values are no longer flagged; those below still are', () => {
    const flagged = (metric: string, period: string, value: number) => {
      const figure = figures.find((f) => f.metric === metric && f.period === period && f.value === value)!;
      expect(figure.bound).toBe('at-least');
      return compareWithReported(figure, reported, SETTINGS)!.differs;
    };
    // Over 600 million MAU (702 million reported for December 2024), over 16,000 R&D staff (21,190 at year end).
    expect(flagged('miui-mau', '2024', 600)).toBe(false);
    expect(flagged('rd-employees', '2024', 16000)).toBe(false);
    // R&D "exceeding $8 billion" in 2024 when Xiaomi reported far less: still flagged.
    expect(flagged('rd-spend', '2024', 8)).toBe(true);
  });
});

describe('point-in-time values', () => {
  test('a metric’s reported values are all point-in-time or none are, so a comparison never mixes the kinds', () => {
    const metrics = new Set(reported.map((r) => r.metric));
    for (const metric of metrics) {
      const kinds = new Set(reported.filter((r) => r.metric === metric).map((r) => pointInTime(r.note)));
      expect({ metric, kinds: kinds.size }).toEqual({ metric, kinds: 1 });
    }
  });

  test('every template figure on a point-in-time metric, and the year-end cash, is labelled point-in-time', () => {
    const pointMetrics = new Set(reported.filter((r) => pointInTime(r.note)).map((r) => r.metric));
    expect([...pointMetrics].sort()).toEqual(['cash', 'cash-resources', 'miui-mau', 'rd-employees']);
    const labelled = figures.filter((f) => pointMetrics.has(f.metric ?? '') || f.metric === 'cash');
    expect(labelled.map((f) => f.metric).sort()).toEqual(['cash', 'miui-mau', 'rd-employees']);
    for (const f of labelled)
      expect({ label: f.label, pointInTime: pointInTime(f.note) }).toEqual({ label: f.label, pointInTime: true });
  });

  test('the template’s year-end 2023 cash is compared with Xiaomi’s cash and cash equivalents that day', () => {
    const cash = figures.find((f) => f.metric === 'cash')!;
    expect({ value: cash.value, period: cash.period }).toEqual({ value: 127.3, period: '2023' });
    const comparison = compareWithReported(cash, reported, SETTINGS)!;
    // RMB 33.6 bn of cash and cash equivalents: the template's RMB 127.3 bn is flagged, and the label says that
    // RMB 127.3 bn were Xiaomi's wider cash resources on March 31, 2024.
    expect(comparison).toMatchObject({ value: 33.6313, differs: true });
    expect(comparison.note).toMatch(
      /point-in-time.*cash resources were RMB 136\.3 bn that day, and RMB 127\.3 bn on March 31, 2024/,
    );
  });

  test('the comparison carries the reported value’s label to the sidebar', () => {
    const mau = figures.find((f) => f.metric === 'miui-mau')!;
    expect(compareWithReported(mau, reported, SETTINGS)).toMatchObject({
      period: '2024',
      note: 'Monthly active users in December 2024: a point-in-time value.',
      atLeast: true,
    });
  });
});

describe('periods that look wrong are said so beside the figure', () => {
  test('"2023 revenue" of RMB 281.6 bn: no Xiaomi figure (Xiaomi reported RMB 271.0 bn for 2023)', () => {
    const figure = figures.find((f) => f.metric === 'total-revenue' && f.value === 281.6)!;
    expect(figure.value).toBe(281.6); // kept as the template states it
    expect(figure.note).toMatch(
      /^the period looks wrong: Xiaomi's 2023 revenue was RMB 271\.0 bn, and no Xiaomi revenue was RMB 281\.6 bn/,
    );
    const r2023 = reported.find((r) => r.metric === 'total-revenue' && r.period === '2023')!;
    expect(r2023.value.toFixed(1)).toBe('271.0');
    expect(reported.some((r) => r.metric === 'total-revenue' && Math.abs(r.value - 281.6) < 0.05)).toBe(false);
  });

  test('Q3 2023 internet revenue of RMB 7.1 bn is Q3 2022’s (Xiaomi reported RMB 7.8 bn for Q3 2023)', () => {
    const figure = figures.find((f) => f.metric === 'internet-services-revenue')!;
    expect({ value: figure.value, period: figure.period }).toEqual({ value: 7.1, period: 'Q3 2023' });
    expect(figure.note).toMatch(
      /^the period looks wrong: RMB 7\.1 bn is Xiaomi's internet services revenue for Q3 2022/,
    );
    const q3 = reported.find((r) => r.metric === 'internet-services-revenue' && r.period === 'Q3 2023')!;
    expect(figure.note).toContain(`Q3 2023's was RMB ${q3.value.toFixed(1)} bn`);
  });
});
