import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import content from '../../content/xiaomi-canvas.json';
import { BLOCK_IDS, BLOCK_TITLES } from '../../src/core/block-ids';
import {
  CURRENCY_UNITS,
  canvasContentSchema,
  type CanvasContent,
  type ContentFigure,
} from '../../src/core/content-schema';
import { validateCanvasContent } from '../../src/core/content-validation';
import { loadAndValidateContent } from '../../scripts/validate-content';
import type { LooseCanvas } from '../support/loose-canvas';

const FILE = 'content/xiaomi-canvas.json';
const ROOT = join(__dirname, '..', '..');
/** The seed the content was authored from, kept in the repository so the faithfulness tests run anywhere. */
const SEED_PATH = join(ROOT, 'content', 'seed', 'xiaomi-business-model-canvas.txt');
/** The shared original, beside the checkout when it is there. */
const SHARED_SEED_PATH = join(ROOT, '..', 'shared', 'seed', 'xiaomi-business-model-canvas.txt');
const seed = readFileSync(SEED_PATH, 'utf8');

test('the seed kept in the repository is the shared original, byte for byte', () => {
  if (!existsSync(SHARED_SEED_PATH)) return; // a clone without the shared folder beside it: nothing to compare
  expect(seed).toBe(readFileSync(SHARED_SEED_PATH, 'utf8'));
});
const seedLines = seed.split(/\r?\n/).filter((line) => line.trim() !== '');
const isSeparator = (line: string): boolean => /^(-+\|)+$/.test(line.trim());
const isTableLine = (line: string): boolean => line.includes(' | ') && line.trimEnd().endsWith('|');
const tableCells = (line: string): string[] =>
  line
    .trim()
    .replace(/\s*\|$/, '')
    .split(' | ')
    .map((cell) => cell.trim());

validateCanvasContent(content, FILE);
/** The file as written (not the schema's trimmed output), so faithfulness checks see the exact characters. */
const canvas = content as unknown as CanvasContent;
const allFigures = canvas.blocks.flatMap((b) => b.figures.map((f) => ({ block: b.id, ...f })));

function mutated(mutate: (c: LooseCanvas) => void): unknown {
  const copy = JSON.parse(JSON.stringify(content)) as LooseCanvas;
  mutate(copy);
  return copy;
}

function errorOf(raw: unknown): string {
  try {
    validateCanvasContent(raw, FILE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected validation to fail');
}

describe('content/xiaomi-canvas.json: schema and shape', () => {
  test('passes the zod schema and the extra checks', () => {
    expect(canvasContentSchema.safeParse(content).success).toBe(true);
    expect(() => validateCanvasContent(content, FILE)).not.toThrow();
    expect(loadAndValidateContent(join(ROOT, FILE)).title).toBe('Xiaomi Business Model Canvas');
  });

  test('every string in the file is already trimmed, single-line text', () => {
    const bad: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (value !== value.trim() || /[\r\n\t]/.test(value) || value.includes('  ')) bad.push(path);
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(content, '');
    expect(bad).toEqual([]);
  });

  test('canvas header: title, tagline, data sources, licence', () => {
    expect(canvas.title).toBe('Xiaomi Business Model Canvas');
    expect(canvas.tagline).toBe("Xiaomi's business model on one page: who it serves, what it offers and how it earns");
    expect(canvas.dataSources).toEqual({
      heading: 'Business Model Canvas Data Sources',
      text: "Xiaomi's BMC is informed by market analysis, financial reports, and customer feedback.",
    });
    expect(canvas.licence).toBe(
      '"The Business Model Canvas" by Strategyzer AG (strategyzer.com), licensed under CC BY-SA 3.0 (creativecommons.org/licenses/by-sa/3.0/)',
    );
  });

  test('nine blocks in canonical order with the right ids, titles and seed headings', () => {
    expect(canvas.blocks.map((b) => b.id)).toEqual([...BLOCK_IDS]);
    expect(canvas.blocks.map((b) => b.title)).toEqual([
      'Key Partners',
      'Key Activities',
      'Key Resources',
      'Value Propositions',
      'Customer Relationships',
      'Channels',
      'Customer Segments',
      'Cost Structure',
      'Revenue Streams',
    ]);
    for (const b of canvas.blocks) expect(b.title).toBe(BLOCK_TITLES[b.id]);
    expect(canvas.blocks.map((b) => b.seedHeading)).toEqual([
      'Partnerships',
      'Activities',
      'Resources',
      'Value Propositions',
      'Customer Relationships',
      'Channels',
      'Customer Segments',
      'Cost Structure',
      'Revenue Streams',
    ]);
  });

  test('guiding questions: 2-4 short questions per block, the canonical one first', () => {
    for (const b of canvas.blocks) {
      expect(b.questions.length).toBeGreaterThanOrEqual(2);
      expect(b.questions.length).toBeLessThanOrEqual(4);
      for (const q of b.questions) {
        expect(q.length).toBeLessThanOrEqual(200);
        expect(q.endsWith('?')).toBe(true);
      }
    }
    const first = Object.fromEntries(canvas.blocks.map((b) => [b.id, b.questions[0]]));
    expect(first['key-partners']).toBe('Who are our key partners?');
    expect(first['customer-segments']).toBe('For whom are we creating value?');
    expect(first['value-propositions']).toBe('What value do we deliver to the customer?');
  });

  test('entries: 5 to 10 short, plain, unique sticky-note lines per block', () => {
    for (const b of canvas.blocks) {
      expect(b.entries.length).toBeGreaterThanOrEqual(5);
      expect(b.entries.length).toBeLessThanOrEqual(10);
      expect(new Set(b.entries.map((e) => e.toLowerCase())).size).toBe(b.entries.length);
      for (const e of b.entries) {
        expect(e.length).toBeLessThanOrEqual(60);
        expect(e.split(/\s+/).length).toBeLessThanOrEqual(8);
        expect(e).toBe(e.trim());
        expect(e).not.toMatch(/^[=+\-@•*·]/);
        expect(e).not.toMatch(/[\n\r\t]/);
      }
    }
  });
});

describe('faithfulness to the seed', () => {
  test('every non-empty seed line appears verbatim in the content', () => {
    const texts = new Set<string>([canvas.title, canvas.dataSources.heading, canvas.dataSources.text]);
    const bullets = new Set<string>();
    const tableLines: string[][] = [];
    for (const s of canvas.intro) {
      if (s.heading !== null) texts.add(s.heading);
      s.paragraphs.forEach((p) => texts.add(p));
      s.bullets.forEach((p) => bullets.add(p));
    }
    for (const b of canvas.blocks) {
      texts.add(b.seedHeading);
      for (const s of b.sections) {
        if (s.heading !== null) texts.add(s.heading);
        s.paragraphs.forEach((p) => texts.add(p));
        s.bullets.forEach((p) => bullets.add(p));
      }
      tableLines.push(b.table.header, ...b.table.rows);
    }
    const missing: string[] = [];
    for (const line of seedLines) {
      if (isSeparator(line)) continue;
      if (line.startsWith('- ')) {
        if (!bullets.has(line.slice(2))) missing.push(line);
      } else if (isTableLine(line)) {
        const cells = tableCells(line);
        if (!tableLines.some((row) => row.length === cells.length && row.every((c, i) => c === cells[i])))
          missing.push(line);
      } else if (!texts.has(line)) {
        missing.push(line);
      }
    }
    expect(missing).toEqual([]);
  });

  test('reading the content back in order reproduces the seed line for line (nothing invented, nothing moved)', () => {
    const out: string[] = [canvas.title];
    const emit = (s: { heading: string | null; paragraphs: string[]; bullets: string[] }) => {
      if (s.heading !== null) out.push(s.heading);
      out.push(...s.paragraphs, ...s.bullets.map((b) => `- ${b}`));
    };
    canvas.intro.forEach(emit);
    for (const b of canvas.blocks) {
      out.push(b.seedHeading);
      b.sections.forEach(emit);
      for (const row of [b.table.header, ...b.table.rows]) out.push(`${row.join(' | ')} |`);
    }
    out.push(canvas.dataSources.heading, canvas.dataSources.text);
    expect(out).toEqual(seedLines.filter((l) => !isSeparator(l)));
  });

  test('each block starts with a heading-less section and keeps its seed table', () => {
    for (const b of canvas.blocks) {
      expect(b.sections[0].heading).toBeNull();
      expect(b.sections.some((s) => s.heading === b.seedHeading)).toBe(false);
      expect(b.table.header).toHaveLength(3);
      for (const row of b.table.rows) expect(row).toHaveLength(3);
    }
    const kp = canvas.blocks[0];
    expect(kp.table.rows[2]).toEqual(['Manufacturing', 'Foxconn, BYD Auto', 'Efficient production; $35B revenue']);
    expect(kp.sections.map((s) => s.heading)).toEqual([
      null,
      'Retail and Distribution Networks',
      'Technology and Innovation Collaborations',
      null,
    ]);
  });

  test('curly apostrophes are kept where the seed has them', () => {
    const json = JSON.stringify(content);
    const curly = (seed.match(/’/g) ?? []).length;
    expect(curly).toBeGreaterThan(0);
    expect((json.match(/’/g) ?? []).length).toBeGreaterThanOrEqual(curly);
    expect(json).toContain('Xiaomi’s Key Activities include product design, R&D, and manufacturing.');
  });
});

describe('figures', () => {
  const numbersIn = (text: string): number[] =>
    (text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

  test('total figure count is in the expected range and every block has figures', () => {
    // The seed states 62 distinct figures; the brief expected "about 40".
    expect(allFigures.length).toBeGreaterThanOrEqual(35);
    expect(allFigures.length).toBeLessThanOrEqual(65);
    for (const b of canvas.blocks) expect(b.figures.length).toBeGreaterThan(0);
  });

  test('every source is a verbatim substring of the seed and contains the figure value', () => {
    for (const f of allFigures) {
      expect({ label: f.label, inSeed: seed.includes(f.source) }).toEqual({ label: f.label, inSeed: true });
      expect({ label: f.label, numbers: numbersIn(f.source).includes(f.value) }).toEqual({
        label: f.label,
        numbers: true,
      });
    }
  });

  test('every source belongs to the seed text of its own block', () => {
    for (const b of canvas.blocks) {
      const blockText = [
        ...b.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...s.bullets]),
        ...[b.table.header, ...b.table.rows].map((r) => r.join(' | ')),
      ].join('\n');
      for (const f of b.figures)
        expect({ block: b.id, source: f.source, ok: blockText.includes(f.source) }).toMatchObject({ ok: true });
    }
  });

  test('units, periods and metric keys come from the small vocabulary', () => {
    const units = new Set([
      ...CURRENCY_UNITS,
      '%',
      'million units',
      'stores',
      'countries',
      'retailers',
      'million users',
      'employees',
      'service centers',
    ]);
    for (const f of allFigures) {
      expect(units.has(f.unit)).toBe(true);
      expect(f.period).toMatch(/^(?:(?:(?:Q[1-4]|H[12]) )?\d{4}(?: plan| projection)?|not stated)$/);
      expect(f.metric).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      if (f.unit.startsWith('USD')) expect(f.source).toContain('$');
      if (f.unit.startsWith('CNY')) expect(f.source).toMatch(/yuan|RMB|CNY/);
      if (f.unit === '%') expect(f.source).toContain(`${f.value}%`);
      const value = String(f.value).replace('.', '\\.');
      const hedged = new RegExp(`(?:approximately|about|around|~)\\s*(?:CNY |RMB |\\$)?${value}(?!\\d)`);
      if (hedged.test(f.source.replace(/(\d),(?=\d{3}\b)/g, '$1')))
        expect({ label: f.label, note: f.note ?? '' }).toMatchObject({
          note: expect.stringMatching(/^approx\./) as unknown,
        });
      // A lower bound in the template's words ("over 600 million", "exceeding $8 billion", "12,000+") is one in
      // the data, and only then: Key Figures and the sidebar flag it only when the reported value is below it.
      const over = new RegExp(`(?:over|exceeding|more than|at least)\\s*(?:\\$)?${value}(?!\\d)|${value}\\+`, 'i');
      const atLeast = over.test(f.source.replace(/(\d),(?=\d{3}\b)/g, '$1'));
      expect({ label: f.label, bound: f.bound }).toEqual({ label: f.label, bound: atLeast ? 'at-least' : undefined });
      if (atLeast)
        expect({ label: f.label, note: f.note ?? '' }).toMatchObject({
          note: expect.stringMatching(/^over\b/) as unknown,
        });
    }
  });

  test('no figure is listed twice in the same block', () => {
    for (const b of canvas.blocks) {
      const keys = b.figures.map((f) => `${f.metric}|${f.period}|${f.value}|${f.unit}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  const pick = (metric: string, period: string): Array<ContentFigure & { block: string }> =>
    allFigures.filter((f) => f.metric === metric && f.period === period);
  const summary = (figs: Array<ContentFigure & { block: string }>) =>
    figs.map((f) => `${f.block}:${f.value} ${f.unit}${f.note ? ` (${f.note.split(';')[0]})` : ''}`).sort();

  test('the seed contradictions are kept, each with its own source, sharing metric and period', () => {
    expect(summary(pick('rd-spend', '2024'))).toEqual(
      [
        'key-activities:19.4 CNY bn (approx.)',
        'key-resources:8 USD bn (over)',
        'value-propositions:2.5 USD bn',
        'cost-structure:20 CNY bn (approx.)',
      ].sort(),
    );
    expect(summary(pick('marketing-spend', '2024'))).toEqual(
      ['key-activities:3.5 USD bn (approx.)', 'cost-structure:2.5 USD bn (approx.)'].sort(),
    );
    expect(summary(pick('total-revenue', '2024'))).toEqual(
      ['key-partners:35 USD bn (approx.)', 'channels:36.4 USD bn (approx.)', 'channels:37 USD bn (approx.)'].sort(),
    );
    expect(summary(pick('retail-stores', '2024'))).toEqual(
      ['key-resources:12000 stores (over)', 'channels:10000 stores (over)'].sort(),
    );
    expect(summary(pick('rd-spend', '2023'))).toEqual(
      ['key-partners:19.1 CNY bn (approx.)', 'key-resources:19.1 CNY bn'].sort(),
    );
    for (const metric of ['rd-spend', 'marketing-spend', 'total-revenue', 'retail-stores']) {
      const values = pick(metric, '2024').map((f) => `${f.value} ${f.unit}`);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  test('service centers are a different metric from retail stores', () => {
    const sc = allFigures.filter((f) => f.metric === 'service-centers');
    expect(sc).toHaveLength(1);
    expect(sc[0]).toMatchObject({
      block: 'customer-relationships',
      value: 10000,
      unit: 'service centers',
      note: 'over',
    });
  });

  test('IoT Q3 2024 revenue above total Q3 2024 revenue is recorded faithfully, with a note', () => {
    const iot = allFigures.find((f) => f.metric === 'iot-revenue')!;
    const q3 = pick('total-revenue', 'Q3 2024');
    expect(iot).toMatchObject({ block: 'revenue-streams', value: 10.7, unit: 'USD bn', period: 'Q3 2024' });
    expect(iot.note).toMatch(/10\.6/);
    expect(q3).toHaveLength(1);
    expect(q3[0]).toMatchObject({ block: 'customer-segments', value: 10.6, unit: 'USD bn' });
    expect(iot.value).toBeGreaterThan(q3[0].value);
  });

  test('smartphone revenue and shipments are recorded as stated', () => {
    const phones = allFigures.find((f) => f.metric === 'smartphone-revenue')!;
    expect(phones).toMatchObject({ value: 200, unit: 'USD bn', period: '2024' });
    expect(phones.note).toMatch(/exceeds/);
    expect(summary(allFigures.filter((f) => f.metric === 'smartphone-shipments')).map((s) => s.split(':')[1])).toEqual(
      [
        "146.3 million units (as stated, almost the same as the template's 2023 figure (146.2 million units))",
        '146.2 million units',
      ].sort(),
    );
    expect(
      allFigures
        .filter((f) => f.metric === 'smartphone-shipments')
        .map((f) => f.period)
        .sort(),
    ).toEqual(['2023', '2024']);
  });
});

describe('validateCanvasContent rejects bad content with file, block and field', () => {
  test('a figure value of the wrong type', () => {
    const msg = errorOf(mutated((c) => (c.blocks[1].figures[2].value = '3.5')));
    expect(msg).toContain(
      `${FILE}: block key-activities › figures[2].value: Invalid input: expected number, received string`,
    );
  });

  test('a missing title', () => {
    const msg = errorOf(mutated((c) => delete c.title));
    expect(msg).toMatch(new RegExp(`^${FILE.replace(/\./g, '\\.')}: title: `, 'm'));
  });

  test('eleven entries', () => {
    const msg = errorOf(
      mutated((c) => {
        c.blocks[5].entries = Array.from({ length: 11 }, (_, i) => `Channel idea ${i + 1}`);
      }),
    );
    expect(msg).toMatch(/^content\/xiaomi-canvas\.json: block channels › entries: .*10/m);
  });

  test('an unknown block id', () => {
    const msg = errorOf(mutated((c) => (c.blocks[0].id = 'key-partnerz')));
    expect(msg).toMatch(/^content\/xiaomi-canvas\.json: block key-partnerz › id: /m);
  });

  test('a block title that does not match its id', () => {
    const msg = errorOf(mutated((c) => (c.blocks[2].title = 'Resources')));
    expect(msg).toContain(`${FILE}: block key-resources › title: title must match the block id`);
  });

  test('blocks out of order', () => {
    const msg = errorOf(mutated((c) => ([c.blocks[0], c.blocks[1]] = [c.blocks[1], c.blocks[0]])));
    expect(msg).toContain(`${FILE}: blocks: blocks must appear once each, in canonical order`);
  });

  test('a formula-like entry, a duplicate entry and a blank figure source', () => {
    const msg = errorOf(
      mutated((c) => {
        c.blocks[3].entries[0] = '=HYPERLINK("x")';
        c.blocks[3].entries[2] = c.blocks[3].entries[1];
        c.blocks[8].figures[0].source = '   ';
      }),
    );
    const lines = msg.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^content\/xiaomi-canvas\.json: block value-propositions › entries\[0\]: must not start with "="/,
        ),
        expect.stringMatching(
          /^content\/xiaomi-canvas\.json: block value-propositions › entries\[2\]: duplicates entries\[1\]/,
        ),
        expect.stringMatching(/^content\/xiaomi-canvas\.json: block revenue-streams › figures\[0\]\.source: /),
      ]),
    );
    for (const line of lines) expect(line.startsWith(`${FILE}: `)).toBe(true);
  });

  test('entries starting with + - @ are rejected too', () => {
    for (const bad of ['+1 idea', '-dash idea', '@mention idea']) {
      const msg = errorOf(mutated((c) => (c.blocks[6].entries[0] = bad)));
      expect(msg).toContain(`${FILE}: block customer-segments › entries[0]: must not start with "${bad[0]}"`);
    }
  });

  test('unknown fields and a bad unit/metric are reported per field', () => {
    const msg = errorOf(
      mutated((c) => {
        c.blocks[7].figures[1].metric = 'Cost Of Revenue';
        c.blocks[7].figures[1].colour = 'red';
      }),
    );
    expect(msg).toContain(`${FILE}: block cost-structure › figures[1].metric: must be a kebab-case key`);
    expect(msg).toMatch(/block cost-structure › figures\[1\]: .*colour/);
  });

  test('non-object input names the file', () => {
    expect(errorOf(null)).toMatch(/^content\/xiaomi-canvas\.json: /);
    expect(errorOf([])).toMatch(/^content\/xiaomi-canvas\.json: /);
  });

  test('loadAndValidateContent names the file for unreadable or invalid JSON', () => {
    expect(() => loadAndValidateContent('content/does-not-exist.json')).toThrow(/^content\/does-not-exist\.json: /);
  });
});

describe('how the figures read (a review of the figures against their sources)', () => {
  const figuresOf = (metric: string, period: string) =>
    allFigures.filter((f) => f.metric === metric && f.period === period);
  test('a percentage that is an increase or a decrease says so in its label, so it never reads as a level', () => {
    for (const f of allFigures.filter((x) => x.unit === '%' && /^(increase|decrease)/.test(x.note ?? ''))) {
      expect({ label: f.label, reads: /growth|increase|uplift|reduction|decrease/i.test(f.label) }).toEqual({
        label: f.label,
        reads: true,
      });
    }
    expect(allFigures.find((f) => f.metric === 'nps-growth')!.label).toBe('Net Promoter Score increase');
  });

  test('where the template contradicts itself across metrics, the figure says so in its note', () => {
    expect(figuresOf('cost-of-revenue', '2024')[0].note).toMatch(/^approx\.; .*revenue \(USD 35–37 bn\)/);
    expect(figuresOf('smartphone-shipments', '2024')[0].note).toMatch(/146\.2 million/);
    expect(figuresOf('total-revenue', '2023')[0].note).toMatch(/USD 39\.4 bn, above the template's 2024 revenue/);
  });

  test('sticky notes do not overstate the source text', () => {
    const entries = canvas.blocks.flatMap((b) => b.entries);
    expect(entries).not.toContain('12,000+ retail stores'); // one side of a flagged contradiction (10,000 vs 12,000)
    expect(entries).toContain('Retail network of 10,000–12,000+ stores');
    expect(entries).toContain('Future: EV charging & maintenance'); // "will provide additional income"
    expect(entries.join(' ')).not.toMatch(/own stores/); // not in the source text
    expect(seed).toMatch(/Related services, such as charging and maintenance, will provide additional income\./);
  });

  test('notes speak of the template, never of how the content was made', () => {
    for (const f of allFigures) expect(f.note ?? '').not.toMatch(/seed/i);
  });
});
