import { BLOCK_IDS, BLOCK_TITLES } from '../../src/core/block-ids';
import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import type { BlockView, CanvasView, Figure } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { CONTENT } from '../support/content';
import { thrown } from '../support/thrown';

const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const FIGURES = 'Key Figures';

function ready(): LoadedBundle & { canvas(): CanvasView; block(id: string): BlockView } {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  const canvas = () => bundle.call<CanvasView>('getCanvas');
  return { ...bundle, canvas, block: (id: string) => canvas().blocks.find((b) => b.id === id)! };
}

/** Where a block's first entry cell is, found from the canvas values (title cell + 2 rows). */
function entryCell(b: LoadedBundle, id: string, index: number): string {
  const values = b.fake.direct.values(CANVAS);
  for (let r = 0; r < values.length; r++) {
    const c = values[r].indexOf(BLOCK_TITLES[id as keyof typeof BLOCK_TITLES]);
    if (c > 0) return `${String.fromCharCode(65 + c)}${r + 3 + index}`;
  }
  throw new Error(`no title for ${id}`);
}

describe('getCanvas', () => {
  test('returns all 9 blocks in canonical order with their entries and figures', () => {
    const b = ready();
    const view = b.canvas();
    expect(view.sheetName).toBe(CANVAS);
    expect(view.blocks.map((x) => x.id)).toEqual([...BLOCK_IDS]);
    for (const block of CONTENT.blocks) {
      const got = view.blocks.find((x) => x.id === block.id)!;
      expect(got.title).toBe(block.title);
      expect(got.entries).toEqual(block.entries);
      expect(got.figures.map((f) => [f.label, f.value, f.unit, f.period, f.note, f.metric])).toEqual(
        block.figures.map((f) => [f.label, f.value, f.unit, f.period, f.note, f.metric]),
      );
      expect(got.version).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  test("reads the sheet every time: a teammate's direct edits show up, and change the version", () => {
    const b = ready();
    const before = b.block('key-activities');
    b.fake.direct.setCell(CANVAS, entryCell(b, 'key-activities', 0), 'Typed by a teammate');
    const values = b.fake.direct.values(DETAILS);
    const first = CONTENT.blocks[1].figures[0];
    const row = values.findIndex((r) => r[5] === first.label && r[6] === first.value) + 1;
    b.fake.direct.setCell(DETAILS, `G${row}`, '42');
    const after = b.block('key-activities');
    expect(after.entries[0]).toBe('Typed by a teammate');
    expect(after.figures[0].value).toBe(42);
    expect(after.version).not.toBe(before.version);
  });

  test('costs one round trip and a handful of calls', () => {
    const b = ready();
    b.fake.resetStats();
    b.canvas();
    console.log(`getCanvas: ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trips`);
    expect(b.fake.stats.roundTrips).toBe(1);
    // 15 for the canvas, 3 for Key Figures' rate and tolerance, about 22 to list every canvas (a name per range)
    expect(b.fake.stats.calls).toBeLessThanOrEqual(43);
  });
});

describe('saveBlock', () => {
  test('rewrites the entries on the canvas (edit, add, delete, reorder) and returns the new view', () => {
    const b = ready();
    const block = b.block('key-activities');
    const entries = [block.entries[2], 'Edited first idea', ...block.entries.slice(3), 'A brand new entry'];
    const saved = b.call<BlockView>('saveBlock', {
      blockId: block.id,
      version: block.version,
      entries,
      figures: block.figures,
    });
    expect(saved.entries).toEqual(entries);
    expect(saved.version).not.toBe(block.version);
    expect(b.block('key-activities')).toEqual(saved);
    expect(b.fake.direct.values(CANVAS).flat()).toContain('•  A brand new entry');
  });

  test('a block that outgrows its area gets new rows that look like its other entry rows', () => {
    const b = ready();
    const block = b.block('key-activities');
    const entries = Array.from({ length: 30 }, (_, i) => `Activity ${i + 1}`);
    b.call('saveBlock', { blockId: block.id, version: block.version, entries, figures: block.figures });
    expect(b.block('key-activities').entries).toEqual(entries);
    expect(b.block('key-resources').entries).toEqual(CONTENT.blocks[2].entries);
    // an inserted row, inside the block
    const row = Number(entryCell(b, 'key-activities', 20).slice(1));
    const cell = b.fake.direct.cell(CANVAS, `D${row}`);
    expect(cell.value).toBe('•  Activity 21');
    expect(cell.format).toMatchObject({
      fontWeight: 'normal',
      fontStyle: 'normal',
      fontSize: 10,
      wrap: true,
      verticalAlignment: 'top',
    });
    expect(cell.format.numberFormat).toBe('@');
    expect(cell.merge).toBeFalsy(); // column E beside it is the block's segment-marker column
    // a new entry is the team's assumption and Key Activities links to no segment: the symbol alone
    expect(b.fake.direct.cell(CANVAS, `E${row}`).value).toBe('?');
    expect(cell.format.borders.left).not.toBeNull();
    expect(cell.format.borders.bottom).toBeNull();
    expect(b.fake.direct.cell(CANVAS, `E${row}`).format.borders.right).not.toBeNull();
    // the block still closes with its bottom edge; the tall blocks beside it grew with it and kept their outline
    const last = Number(entryCell(b, 'key-activities', 29).slice(1));
    expect(b.fake.direct.cell(CANVAS, `D${last}`).format.borders.bottom).not.toBeNull();
    expect(b.fake.direct.cell(CANVAS, `B${row}`).format.borders.left).not.toBeNull();
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_KeyActivities')!.getNumRows()).toBeGreaterThanOrEqual(32);
  });

  test('stores text literally: formula-, number- and date-like entries and labels are never evaluated', () => {
    const b = ready();
    const block = b.block('channels');
    const nasty = [
      '=IMPORTXML("http://x","//a")',
      '+1+2',
      '-5',
      '@SUM(A1)',
      "'quoted",
      '2024',
      '1/2',
      'TRUE',
      '<img src=x onerror=alert(1)>',
    ];
    const figures: Figure[] = [
      { label: '=HYPERLINK("http://evil")', value: 1, unit: '+CNY', period: '2024', note: '-note', metric: '@m' },
    ];
    b.call('saveBlock', { blockId: block.id, version: block.version, entries: nasty, figures });
    expect(b.block('channels').entries).toEqual(nasty);
    expect(b.block('channels').figures).toEqual(figures);
    expect(
      b.fake.direct
        .formulas(CANVAS)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    const keyFigures = b.fake.direct.values(FIGURES);
    expect(keyFigures.some((r) => r[1] === '=HYPERLINK("http://evil")')).toBe(true);
  });

  test('adding and removing figures re-links Key Figures, which stays live', () => {
    const b = ready();
    const block = b.block('revenue-streams');
    const figures: Figure[] = [
      ...block.figures.slice(1),
      { label: 'EV revenue', value: 3, unit: 'USD bn', period: '2025 plan', metric: 'ev-revenue' },
      { label: 'EV revenue (alt)', value: 30, unit: 'CNY bn', period: '2025 plan', metric: 'ev-revenue' },
      ...Array.from({ length: 10 }, (_, i) => ({ label: `Extra ${i}`, value: i, unit: '%', period: '2024' })),
    ];
    b.call('saveBlock', { blockId: block.id, version: block.version, entries: block.entries, figures });
    const total = CONTENT.blocks.reduce((n, x) => n + x.figures.length, 0) - block.figures.length + figures.length;
    const rows = b.fake.direct
      .values(FIGURES)
      .slice(FIRST_FIGURE_ROW - 1)
      .filter((r) => r[1] !== '');
    expect(rows).toHaveLength(total);
    expect(rows.filter((r) => r[0] === 'Revenue Streams').map((r) => r[1])).toEqual(figures.map((f) => f.label));
    const ev = rows.filter((r) => r[8] === 'ev-revenue');
    expect(ev.map((r) => r[6])).toEqual([3, expect.closeTo(4.2, 6)]);
    expect(ev.map((r) => r[7])).toEqual(['⚠ Conflict', '⚠ Conflict']);
    // figures of the blocks below moved down when rows were inserted: still linked to the right cells
    expect(b.block('cost-structure').figures).toEqual(b.canvas().blocks[7].figures);
    const cost = rows.filter((r) => r[0] === 'Cost Structure').map((r) => r[2]);
    expect(cost).toEqual(CONTENT.blocks[7].figures.map((f) => f.value));
    // direct edit of a new figure's value flows to Key Figures
    const d = b.fake.direct.values(DETAILS);
    const r = d.findIndex((x) => x[5] === 'EV revenue') + 1;
    b.fake.direct.setCell(DETAILS, `G${r}`, '3.1');
    expect(b.fake.direct.values(FIGURES).find((x) => x[1] === 'EV revenue')![2]).toBe(3.1);
  });

  test('a block at the limits (60 entries of 1,000 characters, 40 figures) saves and reads back intact', () => {
    const b = ready();
    const block = b.block('value-propositions');
    const entries = Array.from({ length: 60 }, (_, i) => `${i} 😀 ${'é'.repeat(1000)}`.slice(0, 1000));
    const figures = Array.from({ length: 40 }, (_, i) => ({
      label: `F${i}`,
      value: i / 3,
      unit: 'USD m',
      period: 'Q3 2024',
      note: 'n'.repeat(500),
    }));
    b.fake.resetStats();
    const saved = b.call<BlockView>('saveBlock', { blockId: block.id, version: block.version, entries, figures });
    console.log(
      `saveBlock (60 entries, 40 figures): ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trips`,
    );
    expect(b.fake.stats.roundTrips).toBeLessThanOrEqual(2);
    expect(b.block('value-propositions')).toEqual(saved);
    expect(saved.entries).toEqual(entries);
  });

  test('a stale version is a conflict: clear error, nothing written', () => {
    const b = ready();
    const block = b.block('key-activities');
    b.fake.direct.setCell(CANVAS, entryCell(b, 'key-activities', 1), 'Changed meanwhile');
    const before = b.fake.direct.documentState();
    const message = thrown(() =>
      b.call('saveBlock', { blockId: block.id, version: block.version, entries: ['Mine'], figures: [] }),
    );
    expect(message).toMatch(/^Key Activities was changed by someone else since you opened it/);
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('without the document lock: "busy, try again", nothing written', () => {
    const b = ready();
    const block = b.block('channels');
    const before = b.fake.direct.documentState();
    b.fake.lock.available = false;
    expect(
      thrown(() => b.call('saveBlock', { blockId: block.id, version: block.version, entries: ['x'], figures: [] })),
    ).toMatch(/busy.*try again/i);
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test.each([
    ['unknown block', { blockId: 'nope', version: 'v', entries: [], figures: [] }, /blockId/],
    ['61 entries', { blockId: 'channels', version: 'v', entries: Array(61).fill('x'), figures: [] }, /entries/],
    ['whitespace entry', { blockId: 'channels', version: 'v', entries: ['  '], figures: [] }, /entries\[0\]/],
    [
      'value not a number',
      { blockId: 'channels', version: 'v', entries: [], figures: [{ label: 'x', value: 'NaN', unit: '', period: '' }] },
      /value/,
    ],
    ['missing figures', { blockId: 'channels', version: 'v', entries: [] }, /figures/],
  ])('rejects %s before reading or writing anything', (_n, request, message) => {
    const b = ready();
    const before = b.fake.direct.documentState();
    b.fake.resetStats();
    expect(thrown(() => b.call('saveBlock', request))).toMatch(message);
    expect(b.fake.stats.calls).toBe(0);
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('costs at most 2 round trips and no call per entry or figure', () => {
    const b = ready();
    const cost = (change: (block: BlockView) => Pick<BlockView, 'entries' | 'figures'>) => {
      const block = b.block('customer-segments');
      b.fake.resetStats();
      b.call('saveBlock', { blockId: block.id, version: block.version, ...change(block) });
      expect(b.fake.stats.roundTrips).toBeLessThanOrEqual(2);
      return b.fake.stats.calls;
    };
    const oneEntry = cost((x) => ({ entries: ['Changed', ...x.entries.slice(1)], figures: x.figures }));
    const allEntries = cost((x) => ({ entries: x.entries.map((e) => `${e}!`), figures: x.figures }));
    const oneFigure = cost((x) => ({
      entries: x.entries,
      figures: [{ ...x.figures[0], value: 1 }, ...x.figures.slice(1)],
    }));
    const allFigures = cost((x) => ({
      entries: x.entries,
      figures: x.figures.map((f) => ({ ...f, value: f.value + 1 })),
    }));
    const everything = cost((x) => ({
      entries: x.entries.map((e) => `${e}?`),
      figures: x.figures.map((f) => ({ ...f, value: f.value + 2 })),
    }));
    console.log(
      `saveBlock calls: one entry ${oneEntry}, all entries ${allEntries}, one figure ${oneFigure}, all figures ${allFigures}, everything ${everything}`,
    );
    expect(allEntries).toBe(oneEntry);
    expect(allFigures).toBe(oneFigure);
    // entries and figures each write formats then values (literal.ts); plus the figures' range
    expect(everything).toBeLessThanOrEqual(oneEntry + 3);
  });

  test('an unchanged save writes nothing', () => {
    const b = ready();
    const block = b.block('channels');
    const before = b.fake.direct.documentState();
    b.fake.resetStats();
    expect(
      b.call<BlockView>('saveBlock', {
        blockId: block.id,
        version: block.version,
        entries: block.entries,
        figures: block.figures,
      }),
    ).toEqual(block);
    expect(b.fake.stats.writes).toBe(0);
    expect(b.fake.direct.documentState()).toEqual(before);
  });
});

describe('resetBlock', () => {
  test('restores the embedded content of one block only', () => {
    const b = ready();
    const ka = b.block('key-activities');
    const edited = b.call<BlockView>('saveBlock', {
      blockId: ka.id,
      version: ka.version,
      entries: ['Only one'],
      figures: [],
    });
    const channelsBefore = b.block('channels');
    const reset = b.call<BlockView>('resetBlock', { blockId: 'key-activities', version: edited.version });
    expect(reset.entries).toEqual(CONTENT.blocks[1].entries);
    expect(reset.figures.map((f) => f.label)).toEqual(CONTENT.blocks[1].figures.map((f) => f.label));
    expect(b.block('channels')).toEqual(channelsBefore);
    expect(b.fake.direct.values(DETAILS).some((r) => r[11] === CONTENT.blocks[1].figures[0].source)).toBe(true);
    expect(thrown(() => b.call('resetBlock', { blockId: 'key-activities', version: edited.version }))).toMatch(
      /changed by someone else/,
    );
  });
});

describe('robust to what people do to the sheets', () => {
  test('canvas renamed, moved and not active: still found; sheetName follows', () => {
    const b = ready();
    b.fake.spreadsheet.getSheetByName(CANVAS)!.setName('Our canvas');
    b.fake.spreadsheet.setActiveSheet(b.fake.spreadsheet.getSheetByName('Sheet1')!);
    const view = b.canvas();
    expect(view.sheetName).toBe('Our canvas');
    const ka = view.blocks[1];
    b.call('saveBlock', { blockId: ka.id, version: ka.version, entries: ['After rename'], figures: ka.figures });
    expect(b.block('key-activities').entries).toEqual(['After rename']);
  });

  test('rows inserted above and inside a block: entries still read and written in place', () => {
    const b = ready();
    const sheet = b.fake.spreadsheet.getSheetByName(CANVAS)!;
    sheet.insertRowsBefore(2, 2);
    const cell = entryCell(b, 'key-partners', 1);
    sheet.insertRowsBefore(Number(cell.slice(1)), 1);
    const kp = b.block('key-partners');
    expect(kp.entries).toEqual(CONTENT.blocks[0].entries);
    const saved = b.call<BlockView>('saveBlock', {
      blockId: kp.id,
      version: kp.version,
      entries: [...kp.entries, 'Added after insertion'],
      figures: kp.figures,
    });
    expect(b.block('key-partners')).toEqual(saved);
  });

  test('rows inserted between a title and its question, and in the details between a heading and its figures: nothing misread', () => {
    const b = ready();
    const canvas = b.fake.spreadsheet.getSheetByName(CANVAS)!;
    const titleRow = Number(entryCell(b, 'key-partners', 0).slice(1)) - 2;
    canvas.insertRowsAfter(titleRow, 1);
    const details = b.fake.spreadsheet.getSheetByName(DETAILS)!;
    const heading = b.fake.direct.values(DETAILS).findIndex((r) => r[1] === 'Channels') + 1;
    details.insertRowsAfter(heading, 2);
    const view = b.canvas();
    expect(view.blocks.map((x) => x.entries)).toEqual(CONTENT.blocks.map((x) => x.entries));
    expect(view.blocks.map((x) => x.figures.length)).toEqual(CONTENT.blocks.map((x) => x.figures.length));
    const ch = view.blocks[5];
    const saved = b.call<BlockView>('saveBlock', {
      blockId: ch.id,
      version: ch.version,
      entries: [...ch.entries, 'New channel'],
      figures: [...ch.figures, { label: 'New', value: 1, unit: '%', period: '2025' }],
    });
    expect(b.block('channels')).toEqual(saved);
  });

  test('the canvas deleted: a clear error saying to insert it again', () => {
    const b = ready();
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(CANVAS)!);
    expect(thrown(() => b.canvas())).toMatch(/Insert Xiaomi canvas/);
  });

  test('with two canvases, works on the one whose sheet is active, else the first', () => {
    const b = ready();
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    expect(b.canvas().sheetName).toBe(`${CANVAS} (2)`);
    b.fake.spreadsheet.setActiveSheet(b.fake.spreadsheet.getSheetByName(`${FIGURES}`)!);
    expect(b.canvas().sheetName).toBe(CANVAS);
    b.fake.spreadsheet.setActiveSheet(b.fake.spreadsheet.getSheetByName('Sheet1')!);
    expect(b.canvas().sheetName).toBe(CANVAS);
  });
});

describe('selectBlock', () => {
  test("selects the block's region on its canvas sheet", () => {
    const b = ready();
    b.fake.spreadsheet.setActiveSheet(b.fake.spreadsheet.getSheetByName('Sheet1')!);
    b.call('selectBlock', 'channels');
    const range = b.fake.spreadsheet.getActiveRange()!;
    expect(range.getSheet().getName()).toBe(CANVAS);
    expect(range.getValues()[0][0]).toBe('Channels');
    expect(thrown(() => b.call('selectBlock', 'nope'))).toMatch(/block id/);
  });
});

describe('showCanvasSidebar', () => {
  test('opens "Xiaomi Canvas" with the canvas embedded so the first view needs no server call', () => {
    const b = ready();
    b.fake.direct.setCell(CANVAS, entryCell(b, 'channels', 0), '</script><img src=x onerror=alert(1)>');
    b.call('showCanvasSidebar');
    const sidebar = b.fake.ui.sidebars.at(-1)!;
    expect(sidebar.title).toBe('Xiaomi Canvas');
    const boot = /<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(sidebar.html)![1];
    expect(boot).not.toContain('<');
    expect((JSON.parse(boot) as { canvas: CanvasView }).canvas.blocks[5].entries[0]).toBe(
      '</script><img src=x onerror=alert(1)>',
    );
  });

  test('without a canvas the sidebar opens with a plain explanation', () => {
    const b = loadBundle();
    b.call('showCanvasSidebar');
    const boot = /<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(
      b.fake.ui.sidebars.at(-1)!.html,
    )![1];
    expect((JSON.parse(boot) as { error: string }).error).toMatch(/Insert Xiaomi canvas/);
  });
});

describe('several canvases', () => {
  test('a save meant for one canvas is refused on another, even when both hold the same text', () => {
    const b = ready();
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    b.fake.spreadsheet.setActiveSheet(b.fake.spreadsheet.getSheetByName(CANVAS)!);
    const first = b.block('channels');
    b.fake.spreadsheet.setActiveSheet(b.fake.spreadsheet.getSheetByName(`${CANVAS} (2)`)!);
    const second = b.block('channels');
    expect(second.entries).toEqual(first.entries);
    expect(second.version).not.toBe(first.version);
    const before = b.fake.direct.documentState();
    expect(
      thrown(() =>
        b.call('saveBlock', {
          blockId: 'channels',
          version: first.version,
          entries: ['Meant for the first canvas'],
          figures: [],
        }),
      ),
    ).toMatch(/changed by someone else/);
    expect(b.fake.direct.documentState()).toEqual(before);
  });
});
