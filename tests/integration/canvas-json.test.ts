import { BLOCK_IDS } from '../../src/core/block-ids';
import type { CanvasJson } from '../../src/core/canvas-json';
import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import type { BlockView, CanvasView, Figure } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { CONTENT, sheetFigures, INSERTED_SHEETS } from '../support/content';
import type { LooseCanvas } from '../support/loose-canvas';
import { thrown } from '../support/thrown';

const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';

function ready(): LoadedBundle & { canvas(): CanvasView; exported(): CanvasJson } {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  return {
    ...bundle,
    canvas: () => bundle.call<CanvasView>('getCanvas'),
    exported: () => JSON.parse(bundle.call<string>('exportCanvasJson')) as CanvasJson,
  };
}

const content = (view: CanvasView) => view.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: b.figures }));

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
  'e\u0301 a\u0308 n\u0303 z\u0336\u0353\u0317',
  'Tab\tinside and "quotes" and \\ backslash',
];

describe('exportCanvasJson', () => {
  test('returns the canvas as "xiaomi-canvas/3": title, export time, nine blocks with entries, figures, sources and links', () => {
    const b = ready();
    const startedAt = Date.now();
    const json = b.exported();
    expect(Object.keys(json)).toEqual(['format', 'exportedAt', 'title', 'blocks']);
    expect(json.format).toBe('xiaomi-canvas/3');
    expect(Date.parse(json.exportedAt ?? '')).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(json.title).toBe(CONTENT.title);
    expect(json.blocks.map((x: { id: string }) => x.id)).toEqual([...BLOCK_IDS]);
    expect(json.blocks.map(({ id, entries, figures }) => ({ id, entries, figures }))).toEqual(
      CONTENT.blocks.map((x) => ({ id: x.id, entries: x.entries, figures: sheetFigures(x.figures) })),
    );
    const view = b.canvas();
    expect((json.blocks[6] as { segmentIds?: string[] }).segmentIds).toEqual(view.segments.map((s) => s.id));
    expect(json.blocks[3].links).toEqual(view.blocks[3].links);
  });

  test("reads the sheet as it is (a teammate's edit included), reads only, in one round trip", () => {
    const b = ready();
    const block = b.canvas().blocks[2];
    b.call('saveBlock', { blockId: block.id, version: block.version, entries: ['Changed'], figures: [] });
    const before = b.fake.direct.documentState();
    b.fake.resetStats();
    const json = b.exported();
    console.log(`exportCanvasJson: ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trip(s)`);
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(b.fake.stats.writes).toBe(0);
    // "Changed" took the place of the first entry, so it keeps that entry's evidence (a template claim)
    expect(json.blocks[2]).toEqual({
      id: block.id,
      entries: ['Changed'],
      figures: [],
      links: [[]],
      evidence: [{ status: 'template', source: '', importance: null }],
    });
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('explains what to fix when the sheet holds something the format cannot carry', () => {
    const b = ready();
    const details = b.fake.direct.values(DETAILS);
    const row = details.findIndex((r) => r[5] === CONTENT.blocks[8].figures[0].label) + 1;
    b.fake.direct.setCell(DETAILS, `G${row}`, 'lots');
    expect(thrown(() => b.exported())).toMatch(
      /^The .+ figure ".+" has no numeric value; enter a number in its Value cell first\.$/,
    );
  });

  test('says so when there is no canvas', () => {
    const b = loadBundle();
    expect(thrown(() => b.call('exportCanvasJson'))).toMatch(/^There is no Xiaomi canvas in this spreadsheet/);
  });
});

describe('importCanvasJson', () => {
  test('round trip of the full content: a new canvas next to the existing one with identical entries and figures', () => {
    const b = ready();
    const original = b.canvas();
    const originalSheets = b.fake.direct.documentState().sheets;
    const text = b.call<string>('exportCanvasJson');
    b.fake.resetStats();
    const imported = b.call<CanvasView>('importCanvasJson', text);
    console.log(
      `importCanvasJson (full content): ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trip(s)`,
    );
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(imported.sheetName).toBe('Xiaomi Canvas (2)');
    expect(b.fake.direct.sheetNames()).toEqual([
      'Sheet1',
      ...INSERTED_SHEETS,
      'Xiaomi Canvas (2)',
      'Xiaomi Details (2)',
      'Key Figures (2)',
      'Reported Results (2)',
      'Xiaomi in Numbers (2)',
      'Assumptions (2)',
    ]);
    expect(b.fake.direct.activeSheetName()).toBe('Xiaomi Canvas (2)');
    // the sidebar now works on the new canvas, which reads back exactly as imported
    expect(b.canvas()).toEqual(imported);
    expect(content(imported)).toEqual(content(original));
    // same content, but a version belongs to its canvas: a save meant for one never lands on the other
    imported.blocks.forEach((x, i) => expect(x.version).not.toBe(original.blocks[i].version));
    // figure sources came along; the first canvas was not touched
    expect((JSON.parse(b.call<string>('exportCanvasJson')) as CanvasJson).blocks).toEqual(
      (JSON.parse(text) as CanvasJson).blocks,
    );
    expect(b.fake.direct.documentState().sheets.slice(0, 7)).toEqual(originalSheets);
    // Key Figures of the new canvas is live
    const kf = b.fake.direct
      .values('Key Figures (2)')
      .slice(FIRST_FIGURE_ROW - 1)
      .filter((r) => r[1] !== '');
    expect(kf.map((r) => [r[1], r[2]])).toEqual(
      CONTENT.blocks.flatMap((x) => x.figures.map((f) => [f.label, f.value])),
    );
  });

  test('round trip of nasty text: formula-like, HTML-like, emoji, RTL and combining marks stay exactly as typed', () => {
    const b = ready();
    for (const id of BLOCK_IDS) {
      const block = b.canvas().blocks.find((x) => x.id === id)!;
      const figures: Figure[] = NASTY.map((t, i) => ({
        label: t,
        value: i - 2.5,
        unit: t.slice(0, 40),
        period: t.slice(0, 40),
        note: t,
        metric: t.slice(0, 60),
      }));
      b.call<BlockView>('saveBlock', { blockId: id, version: block.version, entries: NASTY, figures });
    }
    const before = b.canvas();
    const imported = b.call<CanvasView>('importCanvasJson', b.call<string>('exportCanvasJson'));
    expect(content(imported)).toEqual(content(before));
    expect(content(b.canvas())).toEqual(content(before));
    for (const block of b.canvas().blocks) expect(block.entries).toEqual(NASTY);
    for (const sheet of ['Xiaomi Canvas (2)', 'Xiaomi Details (2)']) {
      expect(
        b.fake.direct
          .formulas(sheet)
          .flat()
          .filter((f) => f !== ''),
      ).toEqual([]);
    }
  });

  test('takes any number of entries and figures within the limits (not just what the built-in content has)', () => {
    const b = ready();
    const json = b.exported();
    json.title = 'My own canvas';
    json.blocks[0].entries = [];
    json.blocks[0].figures = [];
    delete (json.blocks[0] as { links?: unknown }).links; // links are per entry: new entries come without
    delete (json.blocks[3] as { links?: unknown }).links;
    delete (json.blocks[0] as { evidence?: unknown }).evidence; // and so is evidence
    delete (json.blocks[3] as { evidence?: unknown }).evidence;
    json.blocks[3].entries = Array.from({ length: 60 }, (_, i) => `Proposition ${i} ${'x'.repeat(900)}`);
    json.blocks[8].figures = Array.from({ length: 40 }, (_, i) => ({
      label: `F${i}`,
      value: i * 1.5,
      unit: 'USD m',
      period: '2025',
    }));
    const imported = b.call<CanvasView>('importCanvasJson', JSON.stringify(json));
    expect(b.canvas()).toEqual(imported);
    expect(imported.blocks[0]).toMatchObject({ entries: [], figures: [] });
    expect(imported.blocks[3].entries).toEqual(json.blocks[3].entries);
    expect(imported.blocks[8].figures).toEqual(json.blocks[8].figures);
    expect(b.fake.direct.values('Xiaomi Canvas (2)')[0][1]).toBe('My own canvas');
  });

  test('into a spreadsheet without a canvas: becomes the first canvas', () => {
    const source = ready();
    const text = source.call<string>('exportCanvasJson');
    const b = loadBundle();
    const imported = b.call<CanvasView>('importCanvasJson', text);
    expect(imported.sheetName).toBe(CANVAS);
    expect(b.call<CanvasView>('getCanvas')).toEqual(imported);
  });

  const invalid: Array<[string, (json: LooseCanvas) => unknown, string | RegExp]> = [
    [
      'an unknown format',
      (j) => JSON.stringify({ ...j, format: 'xiaomi-canvas/4' }),
      'Unsupported format "xiaomi-canvas/4": expected "xiaomi-canvas/3" (or "xiaomi-canvas/2", "xiaomi-canvas/1").',
    ],
    [
      "another tool's JSON",
      () => JSON.stringify({ name: 'canvas', items: [] }),
      'Invalid canvas JSON: it has no "format" field; expected "format": "xiaomi-canvas/3".',
    ],
    ['text that is not JSON', () => 'format: xiaomi-canvas/1', /^Invalid canvas JSON: not valid JSON \(.+\)\.$/],
    ['an empty file', () => '', 'Invalid canvas JSON: the file is empty.'],
    ['no text at all', () => ({ format: 'xiaomi-canvas/1' }), 'Invalid canvas JSON: expected the text of a JSON file.'],
    [
      'a file over 1 MB',
      (j) => JSON.stringify({ ...j, title: 't'.repeat(1024 * 1024) }),
      /^The canvas JSON is too large \(1(\.\d+)? MB\); the limit is 1 MB\.$/,
    ],
    [
      'a missing block',
      (j) => JSON.stringify({ ...j, blocks: j.blocks.slice(0, 8) }),
      /^Invalid canvas JSON: blocks must list the 9 blocks in canonical order/,
    ],
    [
      'blocks out of order',
      (j) => JSON.stringify({ ...j, blocks: [j.blocks[1], j.blocks[0], ...j.blocks.slice(2)] }),
      /^Invalid canvas JSON: blocks\[0\] \(Key Partners\)\.id must be "key-partners"/,
    ],
    [
      'an entry over 1,000 characters',
      (j) => {
        j.blocks[4].entries[1] = 'x'.repeat(1001);
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[4] (Customer Relationships).entries[1] must be at most 1000 characters.',
    ],
    [
      '61 entries',
      (j) => {
        j.blocks[4].entries = Array<string>(61).fill('x');
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[4] (Customer Relationships).entries must have at most 60 entries.',
    ],
    [
      'a blank entry',
      (j) => {
        j.blocks[4].entries[0] = ' \t ';
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[4] (Customer Relationships).entries[0] must not be empty.',
    ],
    [
      '41 figures',
      (j) => {
        j.blocks[8].figures = Array<Record<string, unknown>>(41).fill(j.blocks[8].figures[0]);
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[8] (Revenue Streams).figures must have at most 40 figures.',
    ],
    [
      'an empty figure label',
      (j) => {
        j.blocks[8].figures[0].label = '';
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[8] (Revenue Streams).figures[0].label must not be empty.',
    ],
    [
      'a value that is not a number',
      (j) => {
        j.blocks[8].figures[0].value = '12';
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[8] (Revenue Streams).figures[0].value must be a finite number.',
    ],
    [
      'a value of null (NaN written by a careless tool)',
      (j) => {
        j.blocks[8].figures[0].value = null;
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[8] (Revenue Streams).figures[0].value must be a finite number.',
    ],
    [
      'an unknown field',
      (j) => {
        j.blocks[8].figures[0].currency = 'CNY';
        return JSON.stringify(j);
      },
      'Invalid canvas JSON: blocks[8] (Revenue Streams).figures[0] has an unknown field "currency".',
    ],
  ];

  test.each(invalid)(
    'rejects %s with one clear line and leaves the spreadsheet exactly as it was',
    (_name, make, message) => {
      const b = ready();
      const text = make(b.exported() as unknown as LooseCanvas);
      const before = b.fake.direct.documentState();
      const error = thrown(() => b.call('importCanvasJson', text));
      if (typeof message === 'string') expect(error).toBe(message);
      else expect(error).toMatch(message);
      expect(error).not.toMatch(/\n/);
      expect(b.fake.direct.documentState()).toEqual(before);
    },
  );

  test('writes nothing when the spreadsheet is busy with another edit', () => {
    const b = ready();
    const text = b.call<string>('exportCanvasJson');
    const before = b.fake.direct.documentState();
    b.fake.lock.available = false;
    expect(thrown(() => b.call('importCanvasJson', text))).toBe(
      'The canvas is busy with another edit; please try again in a moment.',
    );
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('a snapshot and an import can be compared: both are "xiaomi-canvas/3"', () => {
    const b = ready();
    const snap = b.call<{ id: string }>('saveSnapshot', { label: 'before import' });
    b.call('importCanvasJson', b.call<string>('exportCanvasJson'));
    // the new canvas (active) has the same content as the snapshot
    expect(b.call<Array<{ changed: boolean }>>('compareSnapshots', { from: snap.id }).every((d) => !d.changed)).toBe(
      true,
    );
  });
});
