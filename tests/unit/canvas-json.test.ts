import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { BLOCK_IDS } from '../../src/core/block-ids';
import {
  CANVAS_JSON_FORMAT,
  CANVAS_JSON_MAX_BYTES,
  parseCanvasJson,
  toCanvasJson,
  toCanvasJsonObject,
  utf8Length,
  type CanvasJson,
  type CanvasLike,
} from '../../src/core/canvas-json';
import { LIMITS } from '../../src/core/requests';
import { SCHEMA_PATH, canvasJsonSchemaText } from '../../scripts/write-json-schema';
import { CONTENT, sheetFigures } from '../support/content';
import type { LooseCanvas } from '../support/loose-canvas';
import { thrown } from '../support/thrown';

const ROOT = join(__dirname, '..', '..');

/** The embedded content as a canvas (entries, figures with their sources). */
const full: CanvasLike = { blocks: CONTENT.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: b.figures })) };

const NASTY = [
  '=IMPORTXML("http://x","//a")',
  '+1',
  '-5',
  '@SUM(A1)',
  "'quoted",
  '2024',
  '1/2',
  'TRUE',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'Emoji 😀👍🏽 family 👨‍👩‍👧 flag 🇨🇳',
  'مرحبا بالعالم',
  'עברית ‏mixed‎ RTL',
  'e\u0301 a\u0308 n\u0303 Zalgo z\u0336\u0353\u0317',
  'Line\u2028separator and \u2029 paragraph',
  'Tab\tinside and "quotes" and \\ backslash',
  '中文 · 日本語 · 한국어',
];

function valid(): CanvasJson {
  return JSON.parse(toCanvasJson(full)) as CanvasJson;
}

function mutated(change: (value: LooseCanvas) => void): string {
  const value = valid() as unknown as LooseCanvas;
  change(value);
  return JSON.stringify(value);
}

describe('toCanvasJson', () => {
  test('writes the documented format: format, optional exportedAt and title, nine blocks in canonical order', () => {
    const value = JSON.parse(
      toCanvasJson(full, { exportedAt: '2025-01-31T09:30:00.000Z', title: CONTENT.title }),
    ) as CanvasJson;
    expect(value.format).toBe('xiaomi-canvas/3');
    expect(value.exportedAt).toBe('2025-01-31T09:30:00.000Z');
    expect(value.title).toBe(CONTENT.title);
    expect(value.blocks.map((b: { id: string }) => b.id)).toEqual([...BLOCK_IDS]);
    expect(Object.keys(value.blocks[0])).toEqual(['id', 'entries', 'figures']);
    expect(Object.keys(JSON.parse(toCanvasJson(full)) as CanvasJson)).toEqual(['format', 'blocks']);
  });

  test('puts blocks in canonical order whatever order it is given, and omits empty optional fields', () => {
    const shuffled: CanvasLike = {
      blocks: [...full.blocks].reverse().map((b, i) => ({
        ...b,
        figures: i === 0 ? [{ label: 'L', value: 1, unit: '', period: '', note: '', metric: '' }] : [],
      })),
    };
    const value = toCanvasJsonObject(shuffled);
    expect(value.blocks.map((b) => b.id)).toEqual([...BLOCK_IDS]);
    expect(value.blocks[8].figures).toEqual([{ label: 'L', value: 1, unit: '', period: '' }]);
  });

  test('refuses a canvas edited beyond the limits by hand, naming the block', () => {
    const long: CanvasLike = {
      blocks: full.blocks.map((b) => (b.id === 'channels' ? { ...b, entries: ['x'.repeat(1001)] } : b)),
    };
    expect(thrown(() => toCanvasJson(long))).toBe(
      'The canvas cannot be saved as JSON: blocks[5] (Channels).entries[0] must be at most 1000 characters.',
    );
    const text: CanvasLike = {
      blocks: full.blocks.map((b) =>
        b.id === 'cost-structure' ? { ...b, figures: [{ label: 'R&D', value: Number.NaN, unit: '', period: '' }] } : b,
      ),
    };
    expect(thrown(() => toCanvasJson(text))).toMatch(/^The Cost Structure figure "R&D" has no numeric value/);
  });
});

describe('round trip', () => {
  test('export then parse gives identical entries and figures for the full content (sources included)', () => {
    const parsed = parseCanvasJson(toCanvasJson(full));
    parsed.blocks.forEach((block, i) => {
      expect(block.id).toBe(CONTENT.blocks[i].id);
      expect(block.entries).toEqual(CONTENT.blocks[i].entries);
      expect(block.figures).toEqual(sheetFigures(CONTENT.blocks[i].figures));
    });
  });

  test('nasty text survives unchanged: formula-like, HTML-like, emoji, RTL, combining marks', () => {
    const nasty: CanvasLike = {
      blocks: BLOCK_IDS.map((id) => ({
        id,
        entries: NASTY,
        figures: NASTY.map((t, i) => ({
          label: t,
          value: i - 3.25,
          unit: t.slice(0, 40),
          period: t.slice(0, 40),
          note: t,
          metric: t.slice(0, 60),
          source: t,
        })),
      })),
    };
    const parsed = parseCanvasJson(toCanvasJson(nasty));
    for (const block of parsed.blocks) {
      expect(block.entries).toEqual(NASTY);
      expect(block.figures).toEqual(nasty.blocks[0].figures);
    }
  });

  test('a canvas at the limits (60 entries of 1,000 characters, 40 figures per block) round-trips', () => {
    const entries = Array.from({ length: LIMITS.entries }, (_, i) =>
      `${i} ${'é'.repeat(LIMITS.entryLength)}`.slice(0, LIMITS.entryLength),
    );
    const figures = Array.from({ length: LIMITS.figures }, (_, i) => ({
      label: `F${i}`,
      value: i / 7,
      unit: 'USD m',
      period: '2024',
    }));
    const big: CanvasLike = { blocks: BLOCK_IDS.map((id) => ({ id, entries, figures })) };
    const text = toCanvasJson(big, { compact: true });
    const parsed = parseCanvasJson(text, { maxBytes: 8 * 1024 * 1024 });
    expect(parsed.blocks[4].entries).toEqual(entries);
    expect(parsed.blocks[4].figures).toEqual(figures);
  });
});

describe('parseCanvasJson', () => {
  test('trims texts like saveBlock does, and ignores a byte order mark', () => {
    const text = mutated((v) => {
      v.blocks[0].entries = ['  padded  '];
      v.blocks[0].figures = [{ label: ' L ', value: 2, unit: ' u ', period: ' p ' }];
    });
    const parsed = parseCanvasJson(`\uFEFF${text}`);
    expect(parsed.blocks[0].entries).toEqual(['padded']);
    expect(parsed.blocks[0].figures).toEqual([{ label: 'L', value: 2, unit: 'u', period: 'p' }]);
  });

  test.each<[string, unknown, string | RegExp]>([
    [
      'an unknown format',
      mutated((v) => (v.format = 'xiaomi-canvas/4')),
      'Unsupported format "xiaomi-canvas/4": expected "xiaomi-canvas/3" (or "xiaomi-canvas/2", "xiaomi-canvas/1").',
    ],
    [
      'a non-string format',
      mutated((v) => (v.format = 1)),
      'Unsupported format 1: expected "xiaomi-canvas/3" (or "xiaomi-canvas/2", "xiaomi-canvas/1").',
    ],
    [
      'no format',
      mutated((v) => delete v.format),
      'Invalid canvas JSON: it has no "format" field; expected "format": "xiaomi-canvas/3".',
    ],
    ['not JSON', '{"format": "xiaomi-canvas/1",', /^Invalid canvas JSON: not valid JSON \(.+\)\.$/],
    ['an empty file', '  \n ', 'Invalid canvas JSON: the file is empty.'],
    ['a JSON array', '[]', 'Invalid canvas JSON: expected an object with "format": "xiaomi-canvas/3".'],
    ['JSON null', 'null', 'Invalid canvas JSON: expected an object with "format": "xiaomi-canvas/3".'],
    ['not text', 42, 'Invalid canvas JSON: expected the text of a JSON file.'],
    [
      'an unknown top-level field',
      mutated((v) => (v.extra = 1)),
      'Invalid canvas JSON: the file has an unknown field "extra".',
    ],
    [
      'no blocks',
      mutated((v) => Reflect.deleteProperty(v, 'blocks')),
      /^Invalid canvas JSON: blocks must list the 9 blocks in canonical order/,
    ],
    [
      'eight blocks',
      mutated((v) => v.blocks.pop()),
      /^Invalid canvas JSON: blocks must list the 9 blocks in canonical order \(key-partners, /,
    ],
    ['ten blocks', mutated((v) => v.blocks.push(v.blocks[0])), /^Invalid canvas JSON: blocks must list the 9 blocks/],
    [
      'blocks out of order',
      mutated((v) => ([v.blocks[0], v.blocks[1]] = [v.blocks[1], v.blocks[0]])),
      /^Invalid canvas JSON: blocks\[0\] \(Key Partners\)\.id must be "key-partners" \(blocks are listed in canonical order/,
    ],
    [
      'an unknown block field',
      mutated((v) => (v.blocks[2].title = 'x')),
      'Invalid canvas JSON: blocks[2] (Key Resources) has an unknown field "title".',
    ],
    [
      'a block that is not an object',
      mutated((v) => ((v.blocks as unknown[])[3] = 'x')),
      'Invalid canvas JSON: blocks[3] (Value Propositions) must be an object with id, entries, figures and optionally links and evidence.',
    ],
    [
      'an empty entry',
      mutated((v) => (v.blocks[1].entries[2] = '   ')),
      'Invalid canvas JSON: blocks[1] (Key Activities).entries[2] must not be empty.',
    ],
    [
      'an entry over 1,000 characters',
      mutated((v) => (v.blocks[1].entries[0] = 'x'.repeat(1001))),
      'Invalid canvas JSON: blocks[1] (Key Activities).entries[0] must be at most 1000 characters.',
    ],
    [
      'an entry that is not text',
      mutated((v) => (v.blocks[1].entries[0] = 5)),
      'Invalid canvas JSON: blocks[1] (Key Activities).entries[0] must be text.',
    ],
    [
      'more than 60 entries',
      mutated((v) => (v.blocks[8].entries = Array<string>(61).fill('x'))),
      'Invalid canvas JSON: blocks[8] (Revenue Streams).entries must have at most 60 entries.',
    ],
    [
      'more than 40 figures',
      mutated((v) => (v.blocks[8].figures = Array<Record<string, unknown>>(41).fill(v.blocks[8].figures[0]))),
      'Invalid canvas JSON: blocks[8] (Revenue Streams).figures must have at most 40 figures.',
    ],
    [
      'an empty label',
      mutated((v) => (v.blocks[7].figures[0].label = ' ')),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].label must not be empty.',
    ],
    [
      'a value as text',
      mutated((v) => (v.blocks[7].figures[0].value = '19.4')),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].value must be a finite number.',
    ],
    [
      'a missing value',
      mutated((v) => delete v.blocks[7].figures[0].value),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].value must be a finite number.',
    ],
    [
      'a unit over 40',
      mutated((v) => (v.blocks[7].figures[0].unit = 'u'.repeat(41))),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].unit must be at most 40 characters.',
    ],
    [
      'a note over 500',
      mutated((v) => (v.blocks[7].figures[0].note = 'n'.repeat(501))),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].note must be at most 500 characters.',
    ],
    [
      'a metric over 60',
      mutated((v) => (v.blocks[7].figures[0].metric = 'm'.repeat(61))),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].metric must be at most 60 characters.',
    ],
    [
      'a source over 1,000',
      mutated((v) => (v.blocks[7].figures[0].source = 's'.repeat(1001))),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0].source must be at most 1000 characters.',
    ],
    [
      'an unknown figure field',
      mutated((v) => (v.blocks[7].figures[0].currency = 'CNY')),
      'Invalid canvas JSON: blocks[7] (Cost Structure).figures[0] has an unknown field "currency".',
    ],
    ['an empty title', mutated((v) => (v.title = ' ')), 'Invalid canvas JSON: title must not be empty.'],
  ])('rejects %s with one clear line', (_name, input, message) => {
    const error = thrown(() => parseCanvasJson(input));
    if (typeof message === 'string') expect(error).toBe(message);
    else expect(error).toMatch(message);
    expect(error).not.toMatch(/\n/);
  });

  test('refuses more than 1 MB (counted in UTF-8 bytes) before parsing', () => {
    const value = valid();
    const pad = (n: number) => {
      value.exportedAt = '';
      const base = JSON.stringify({ ...value, title: 'T' });
      return base.replace('"title":"T"', `"title":"T","x":"${'é'.repeat(n)}"`);
    };
    const base = utf8Length(pad(0));
    const over = pad(Math.ceil((CANVAS_JSON_MAX_BYTES - base) / 2) + 1);
    expect(over.length).toBeLessThan(CANVAS_JSON_MAX_BYTES); // fewer characters than bytes: the byte count decides
    expect(thrown(() => parseCanvasJson(over))).toMatch(
      /^The canvas JSON is too large \(1(\.\d+)? MB\); the limit is 1 MB\.$/,
    );
    // just under the limit: parsed, and rejected for the unknown field instead
    expect(thrown(() => parseCanvasJson(pad(Math.floor((CANVAS_JSON_MAX_BYTES - base) / 2) - 1)))).toMatch(
      /unknown field "x"/,
    );
  });

  test('utf8Length counts bytes like Buffer does', () => {
    for (const s of NASTY) expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    expect(utf8Length('\ud800x')).toBe(Buffer.byteLength('\ud800x', 'utf8'));
  });
});

describe('the committed JSON Schema', () => {
  test(`${SCHEMA_PATH} is generated from the zod schema and up to date`, () => {
    expect(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8')).toBe(canvasJsonSchemaText());
  });

  test('accepts what the add-on exports and rejects what it rejects', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8')));
    expect(validate(JSON.parse(toCanvasJson(full, { exportedAt: new Date(0).toISOString(), title: 'T' })))).toBe(true);
    for (const bad of [
      mutated((v) => (v.format = 'xiaomi-canvas/4')),
      mutated((v) => v.blocks.pop()),
      mutated((v) => (v.blocks[1].entries[0] = '  ')),
      mutated((v) => (v.blocks[1].entries[0] = 'x'.repeat(1001))),
      mutated((v) => (v.blocks[7].figures[0].value = '1')),
      mutated((v) => (v.blocks[7].figures[0].extra = 1)),
      mutated((v) => ([v.blocks[0], v.blocks[1]] = [v.blocks[1], v.blocks[0]])),
    ]) {
      expect(validate(JSON.parse(bad))).toBe(false);
      expect(() => parseCanvasJson(bad)).toThrow();
    }
    expect(CANVAS_JSON_FORMAT).toBe('xiaomi-canvas/3');
  });
});
