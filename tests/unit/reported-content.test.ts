import { join } from 'node:path';
import content from '../../content/xiaomi-canvas.json';
import reportedFile from '../../content/reported-results.json';
import { CURRENCY_UNITS } from '../../src/core/units';
import { reportedResultsSchema, validateReportedResults, type ReportedResults } from '../../src/core/reported-schema';
import type { CanvasContent } from '../../src/core/content-schema';
import { loadAndValidateReported } from '../../scripts/validate-content';
import { compactReportedModule } from '../../scripts/compact-reported';

const FILE = 'content/reported-results.json';
const reported = validateReportedResults(reportedFile, FILE);
const canvas = content as unknown as CanvasContent;
const templateFigures = canvas.blocks.flatMap((b) => b.figures);

function errorOf(mutate: (file: ReportedResults) => void): string {
  const copy = JSON.parse(JSON.stringify(reportedFile)) as ReportedResults;
  mutate(copy);
  try {
    validateReportedResults(copy, FILE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected validation to fail');
}

describe('content/reported-results.json', () => {
  test('passes the zod schema (also as the build loads it)', () => {
    expect(reportedResultsSchema.safeParse(reportedFile).success).toBe(true);
    expect(loadAndValidateReported(join(__dirname, '..', '..', FILE)).figures).toHaveLength(reported.figures.length);
  });

  test('every reported figure has a source with all fields, from Xiaomi itself', () => {
    for (const figure of reported.figures) {
      const { document, publisher, published, statement, url } = figure.source;
      expect(document).toMatch(/^Xiaomi Corporation (annual )?results announcement for the /);
      expect(publisher).toBe('Xiaomi Corporation');
      expect(Number.isNaN(Date.parse(published))).toBe(false);
      expect(statement.length).toBeGreaterThan(10);
      expect(url).toMatch(/^https?:\/\//);
    }
  });

  test('every statement states the number it is the source of', () => {
    // e.g. 365906.4 CNY m → "365,906.4"; 191.8 CNY bn → "191.8"; 24.1 CNY bn → "241億" in a Chinese statement
    const spellings = (value: number) => {
      const grouped = value.toLocaleString('en-US', { maximumFractionDigits: 4 });
      return [grouped, String(value), `${Math.round(value * 10)}億`, `${value / 100}億`];
    };
    for (const figure of reported.figures) {
      const found = spellings(figure.value).some((s) => figure.source.statement.includes(s));
      if (!found)
        throw new Error(`${figure.metric} ${figure.period}: "${figure.source.statement}" lacks ${figure.value}`);
    }
  });

  test('covers FY2023, FY2024 and the quarters the template cites, with the template’s metric keys', () => {
    const templateMetrics = new Set(templateFigures.map((f) => f.metric));
    const periods = new Set(reported.figures.map((f) => f.period));
    expect([...periods].sort()).toEqual(['2023', '2024', 'Q3 2023', 'Q3 2024', 'Q4 2024']);
    const metrics = new Set(reported.figures.map((f) => f.metric));
    // the template's own keys wherever it has a figure for the same thing …
    for (const key of [
      'total-revenue',
      'gross-profit',
      'smartphone-revenue',
      'iot-revenue',
      'internet-services-revenue',
      'rd-spend',
      'rd-employees',
      'smartphone-shipments',
      'miui-mau',
    ]) {
      expect(templateMetrics.has(key)).toBe(true);
      expect(metrics.has(key)).toBe(true);
    }
    // … and new keys only for what the template does not state
    const newKeys = [...metrics].filter((m) => !templateMetrics.has(m)).sort();
    expect(newKeys).toEqual(['adjusted-net-profit', 'ev-deliveries', 'ev-revenue']);
  });

  test('units are ones Key Figures converts, or the template’s own unit for the metric', () => {
    for (const figure of reported.figures) {
      if ((CURRENCY_UNITS as readonly string[]).includes(figure.unit)) continue;
      const template = templateFigures.filter((f) => f.metric === figure.metric).map((f) => f.unit);
      if (template.length > 0) expect(template).toContain(figure.unit);
      else expect(['vehicles']).toContain(figure.unit);
    }
  });

  test('the figures the issue names are there', () => {
    const value = (metric: string, period: string) =>
      reported.figures.find((f) => f.metric === metric && f.period === period)?.value;
    expect(value('total-revenue', '2024')).toBe(365906.4); // RMB 365.9 bn, in RMB millions
    expect(value('total-revenue', '2023')).toBe(270970.1); // RMB 271.0 bn
    expect(value('smartphone-revenue', '2024')).toBe(191.8);
    expect(value('rd-spend', '2024')).toBe(24.1);
    expect(value('smartphone-shipments', '2024')).toBe(168.5);
  });

  test('refuses a figure without a statement, from someone else, or twice for the same metric and period', () => {
    expect(errorOf((f) => (f.figures[0].source.statement = ' '))).toMatch(/figures\.0\.source\.statement/);
    expect(errorOf((f) => ((f.figures[0].source as { publisher: string }).publisher = 'Canalys'))).toMatch(
      /figures\.0\.source\.publisher/,
    );
    expect(errorOf((f) => f.figures.push({ ...f.figures[0] }))).toMatch(
      /duplicate metric and period: total-revenue 2024/,
    );
    expect(errorOf((f) => (f.figures[0].period = 'FY2024'))).toMatch(/figures\.0\.period/);
  });
});

test('the bundle embeds the reported results compactly, with exactly the same figures and sources', () => {
  const module = compactReportedModule(reported);
  expect(module.length).toBeLessThan(JSON.stringify(reported).length / 2);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating generated build output in a test
  const load = new Function(module.replace('export default', 'return')) as () => ReportedResults;
  expect(load().figures).toEqual(reported.figures);
});
