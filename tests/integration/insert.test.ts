import { BLOCK_IDS, BLOCK_TITLES } from '../../src/core/block-ids';
import { blockArea, layoutFromMarkers } from '../../src/core/canvas-layout';
import { FIRST_FIGURE_ROW, KEY_FIGURES_HEADER } from '../../src/core/key-figures-plan';
import { createFakeGoogle } from '../../emulator';
import { loadBundle, sidebarFile } from '../support/bundle';
import { CONTENT, INSERTED_SHEETS } from '../support/content';

const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const FIGURES = 'Key Figures';

function inserted() {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  return bundle;
}

describe('loading the bundle', () => {
  test('makes no service call at top level and defines every entry point as a top-level function', () => {
    const bundle = loadBundle();
    expect(bundle.fake.stats.calls).toBe(0);
    for (const fn of [
      'onOpen',
      'onInstall',
      'insertXiaomiCanvas',
      'showCanvasSidebar',
      'refreshKeyFigures',
      'getCanvas',
      'selectBlock',
      'saveBlock',
      'resetBlock',
    ]) {
      expect(typeof (bundle.context as Record<string, unknown>)[fn]).toBe('function');
    }
  });
});

describe('onOpen', () => {
  test.each(['NONE', 'LIMITED', 'FULL'] as const)(
    'builds the add-on menu in AuthMode.%s without touching the spreadsheet',
    (mode) => {
      const fake = createFakeGoogle({ files: { Sidebar: sidebarFile() } });
      fake.setAuthMode(mode);
      const bundle = loadBundle({ fake });
      bundle.call('onOpen', { authMode: mode });
      expect(fake.stats.reads + fake.stats.writes).toBe(0);
      const menu = fake.ui.menus.at(-1)!;
      const items = menu.items.filter((i): i is { caption: string; functionName: string } => i !== 'separator');
      expect(items.map((i) => [i.caption, i.functionName])).toEqual(
        expect.arrayContaining([
          ['Insert Xiaomi canvas', 'insertXiaomiCanvas'],
          ['Open canvas sidebar', 'showCanvasSidebar'],
          ['Refresh Key Figures', 'refreshKeyFigures'],
          ['About', 'showAbout'],
        ]),
      );
    },
  );

  test('onInstall builds the same menu', () => {
    const bundle = loadBundle();
    bundle.call('onInstall', { authMode: 'FULL' });
    expect(bundle.fake.ui.menus).toHaveLength(1);
  });
});

describe('Insert Xiaomi canvas', () => {
  const { fake } = inserted();
  const canvas = fake.direct.values(CANVAS);
  const details = fake.direct.values(DETAILS);
  const layout = layoutFromMarkers(canvas.map((r) => r[0]))!;

  test('creates the canvas, details, Key Figures, Reported Results, numbers and Assumptions sheets, ends on the canvas, and toasts when done', () => {
    expect(fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    expect(fake.spreadsheet.getActiveSheet().getName()).toBe(CANVAS);
    expect(fake.ui.toasts.map((t) => t.message)).toEqual([expect.stringMatching(/^Done/)]);
  });

  test('draws the canonical layout with title, question and bulleted entries per block', () => {
    expect(layout).not.toBeNull();
    expect(canvas[0][1]).toBe(CONTENT.title);
    // the subtitle says what this is and as of which reported results (the latest period Reported Results holds)
    expect(canvas[1][1]).toMatch(
      new RegExp(`^${CONTENT.tagline}, as of Xiaomi's reported results for (Q[1-4] )?\\d{4}\\.$`),
    );
    const cellAt = (row: number, col: number) => canvas[row - 1][col - 1];
    const expected: Array<[string, number, number]> = [
      ['key-partners', layout.topTitleRow, 2],
      ['key-activities', layout.topTitleRow, 4],
      ['key-resources', layout.splitRow, 4],
      ['value-propositions', layout.topTitleRow, 6],
      ['customer-relationships', layout.topTitleRow, 8],
      ['channels', layout.splitRow, 8],
      ['customer-segments', layout.topTitleRow, 10],
      ['cost-structure', layout.bottomTitleRow, 2],
      ['revenue-streams', layout.bottomTitleRow, 7],
    ];
    for (const [id, row, col] of expected) {
      const block = CONTENT.blocks.find((b) => b.id === id)!;
      expect(cellAt(row, col)).toBe(BLOCK_TITLES[block.id]);
      expect(cellAt(row + 1, col)).toBe(block.questions[0]);
      const area = blockArea(layout, block.id);
      const entries = canvas
        .slice(area.firstEntryRow - 1, area.lastEntryRow)
        .map((r) => r[col - 1])
        .filter((v) => v !== '');
      // The bullet is text in a plain-text cell (no custom "•  "@ format, whose input handling is undocumented).
      expect(entries).toEqual(block.entries.map((entry) => `•  ${entry}`));
      expect(
        fake.direct.cell(CANVAS, `${String.fromCharCode(64 + col)}${area.firstEntryRow}`).format.numberFormat,
      ).toBe('@');
    }
    const footer = canvas.slice(layout.bottomEndRow).map((r) => r[1]);
    expect(footer).toEqual([expect.stringContaining(CONTENT.dataSources.text), CONTENT.licence]);
  });

  test('looks like a designed canvas: equal blocks, a segment-marker column per block, wrapped top-aligned text, borders, no gridlines, column A hidden', () => {
    const model = fake.model().sheets.find((s) => s.name === CANVAS)!;
    const widths = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => model.columnWidths[c - 1] ?? 100);
    // each top block: a wide entry column and a narrow marker column, all five the same width
    expect(widths).toEqual([190, 46, 190, 46, 190, 46, 190, 46, 190, 46]);
    expect(model.gridlinesHidden).toBe(true);
    expect(model.hiddenColumns).toContain(1);
    const merges = model.merges.map((m) => `${m.row}:${m.column}:${m.numColumns}`);
    // the bottom halves' text spans all but their marker column; the top band needs no merges
    expect(merges).toContain(`${layout.bottomTitleRow}:2:4`);
    expect(merges).toContain(`${layout.bottomTitleRow}:7:4`);
    expect(merges.filter((m) => Number(m.split(':')[0]) < layout.bottomTitleRow)).toEqual([]);
    const entryCell = fake.direct.cell(CANVAS, `B${layout.topTitleRow + 2}`);
    expect(entryCell.format.wrap).toBe(true);
    expect(entryCell.format.verticalAlignment).toBe('top');
    expect(fake.direct.cell(CANVAS, `B${layout.topTitleRow}`).format.borders.top).not.toBeNull();
    expect(fake.direct.cell(CANVAS, `G${layout.bottomTitleRow}`).format.borders.left).not.toBeNull();
    // one landscape page: wider than tall, at most ~1.6x as wide
    const width = widths.reduce((a, b) => a + b, 0);
    expect(width).toBeGreaterThan(1000);
  });

  test('puts every section, bullet, table row and figure of the source text behind the canvas', () => {
    const texts = new Set(details.flat().map(String));
    for (const block of CONTENT.blocks) {
      for (const section of block.sections) {
        if (section.heading) expect(texts).toContain(section.heading);
        for (const p of section.paragraphs) expect(texts).toContain(p);
        for (const b of section.bullets) expect(texts).toContain(`•  ${b}`);
      }
      for (const row of [block.table.header, ...block.table.rows]) {
        expect(details.some((r) => r[1] === row[0] && r[2] === row[1] && r[3] === row[2])).toBe(true);
      }
      for (const f of block.figures) {
        expect(
          details.some(
            (r) =>
              r[5] === f.label &&
              r[6] === f.value &&
              r[7] === f.unit &&
              String(r[8]) === f.period &&
              r[11] === f.source,
          ),
        ).toBe(true);
      }
    }
    // The template's introduction, without the shop's sales copy (see user-visible-wording.test.ts)
    expect(texts).toContain(
      "Covers customer segments, channels, & value propositions in full detail, reflecting Xiaomi's real operations.",
    );
    expect(texts).not.toContain('Fully Editable');
  });

  test('names every block region on the canvas and in the details', () => {
    for (const id of BLOCK_IDS) {
      const pascal = id
        .split('-')
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join('');
      const onCanvas = fake.spreadsheet.getRangeByName(`XiaomiCanvas_${pascal}`)!;
      expect(onCanvas.getSheet().getName()).toBe(CANVAS);
      expect(onCanvas.getValues()[0][0]).toBe(BLOCK_TITLES[id]);
      const inDetails = fake.spreadsheet.getRangeByName(`XiaomiCanvas_Details_${pascal}`)!;
      expect(inDetails.getValues()[0][0]).toBe(BLOCK_TITLES[id]);
    }
  });
});

describe('Key Figures', () => {
  const figureCount = CONTENT.blocks.reduce((n, b) => n + b.figures.length, 0);

  test('has the contract header and one row per figure, each Value a formula to where the figure lives', () => {
    const { fake } = inserted();
    const values = fake.direct.values(FIGURES);
    const formulas = fake.direct.formulas(FIGURES);
    // the header in row 4, under the settings (rows 1-2) and a blank row
    expect(values[3].slice(0, 8)).toEqual(KEY_FIGURES_HEADER.slice(0, 8));
    const rows = values.slice(4).filter((r) => r[1] !== '');
    expect(rows).toHaveLength(figureCount);
    const all = CONTENT.blocks.flatMap((b) => b.figures.map((f) => ({ block: b.title, ...f })));
    all.forEach((f, i) => {
      expect(formulas[4 + i][2]).toMatch(/^='Xiaomi Details'!G\d+$/);
      expect(rows[i].slice(0, 5)).toEqual([f.block, f.label, f.value, f.unit, f.period]);
    });
    const rateRow = values.findIndex((r) => r.includes('CNY to USD rate'));
    const rateCol = values[rateRow].indexOf('CNY to USD rate');
    expect(values[rateRow][rateCol + 1]).toBe(0.14);
    expect(fake.direct.cell(FIGURES, 'B1').note).toMatch(/assumption/i);
  });

  test('follows edits made directly in the cells, with no script running', () => {
    const { fake } = inserted();
    const formulas = fake.direct.formulas(FIGURES);
    const ref = formulas[FIRST_FIGURE_ROW - 1][2].replace(/^='Xiaomi Details'!/, '');
    fake.direct.setCell(DETAILS, ref, '123.5');
    expect(fake.direct.values(FIGURES)[FIRST_FIGURE_ROW - 1][2]).toBe(123.5);
  });

  test('converts currencies to USD bn with the editable rate, blank (never an error) when the rate is not a number', () => {
    const { fake } = inserted();
    const usdOf = (label: string) => {
      const row = fake.direct.values(FIGURES).find((r) => r[1] === label)!;
      return row[6];
    };
    const cny = CONTENT.blocks.flatMap((b) => b.figures).find((f) => f.unit === 'CNY bn')!;
    const usd = CONTENT.blocks.flatMap((b) => b.figures).find((f) => f.unit === 'USD bn')!;
    const pct = CONTENT.blocks.flatMap((b) => b.figures).find((f) => f.unit === '%')!;
    expect(usdOf(cny.label)).toBeCloseTo(cny.value * 0.14, 6);
    expect(usdOf(usd.label)).toBe(usd.value);
    expect(usdOf(pct.label)).toBe('');
    fake.direct.setCell(FIGURES, 'B1', '0.2');
    expect(usdOf(cny.label)).toBeCloseTo(cny.value * 0.2, 6);
    fake.direct.setCell(FIGURES, 'B1', 'unknown');
    expect(usdOf(cny.label)).toBe('');
    fake.direct.setCell(FIGURES, 'B1', '');
    expect(usdOf(cny.label)).toBe('');
    expect(
      fake.direct
        .values(FIGURES)
        .flat()
        .filter((v) => typeof v === 'string' && v.startsWith('#')),
    ).toEqual([]);
  });

  test("flags the seed's contradictions, and the flags follow edits", () => {
    const { fake } = inserted();
    const flagged = (metric: string, period: string) =>
      fake.direct
        .values(FIGURES)
        .filter((r) => r[8] === metric && String(r[4]) === period)
        .map((r) => [r[2], r[3], r[7]]);
    // 2024 R&D: 19.4 CNY bn, over USD 8 bn, USD 2.5 bn, ~CNY 20 bn — all disagree with at least one other source
    expect(flagged('rd-spend', '2024').every(([, , flag]) => flag === '⚠ Conflict')).toBe(true);
    expect(flagged('marketing-spend', '2024').map(([, , f]) => f)).toEqual(['⚠ Conflict', '⚠ Conflict']);
    expect(flagged('retail-stores', '2024').map(([, , f]) => f)).toEqual(['⚠ Conflict', '⚠ Conflict']);
    // 2023 R&D is stated twice as CNY 19.1 bn: consistent, no flag
    expect(flagged('rd-spend', '2023').map(([, , f]) => f)).toEqual(['', '']);
    // Make the two marketing figures agree: both flags clear, live
    const formulas = fake.direct.formulas(FIGURES);
    const rows = fake.direct
      .values(FIGURES)
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r[8] === 'marketing-spend');
    const ref = formulas[rows[0].i][2].replace(/^='Xiaomi Details'!/, '');
    fake.direct.setCell(DETAILS, ref, String(rows[1].r[2]));
    expect(flagged('marketing-spend', '2024').map(([, , f]) => f)).toEqual(['', '']);
  });
});

describe('running Insert again', () => {
  test('NO changes nothing', () => {
    const { fake, call } = inserted();
    const before = fake.direct.documentState();
    fake.ui.alertResponses.push('NO');
    call('insertXiaomiCanvas');
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/already has a Xiaomi canvas/);
    expect(fake.direct.documentState()).toEqual(before);
  });

  test('YES inserts a fresh copy under distinct names and leaves the first canvas byte-identical', () => {
    const { fake, call } = inserted();
    fake.direct.setCell(CANVAS, 'B7', 'My own edit');
    const sheetState = (name: string) =>
      JSON.stringify(
        (fake.direct.documentState() as { sheets: Array<{ name: string }> }).sheets.find((s) => s.name === name),
      );
    const before = [CANVAS, DETAILS, FIGURES].map(sheetState);
    fake.ui.alertResponses.push('YES');
    call('insertXiaomiCanvas');
    expect(fake.direct.sheetNames()).toEqual([
      'Sheet1',
      ...INSERTED_SHEETS,
      `${CANVAS} (2)`,
      `${DETAILS} (2)`,
      `${FIGURES} (2)`,
      'Reported Results (2)',
      'Xiaomi in Numbers (2)',
      'Assumptions (2)',
    ]);
    expect([CANVAS, DETAILS, FIGURES].map(sheetState)).toEqual(before);
    expect(fake.direct.formulas(`${FIGURES} (2)`)[FIRST_FIGURE_ROW - 1][2]).toMatch(/^='Xiaomi Details \(2\)'!G\d+$/);
    expect(fake.spreadsheet.getRangeByName('XiaomiCanvas2_KeyPartners')!.getSheet().getName()).toBe(`${CANVAS} (2)`);
  });
});
