/**
 * Scale: every block filled to the limits (60 entries of 1,000 characters, 40 figures with every text field at
 * its maximum) through saveBlock, and Insert with ten times the content. Saving, reading and opening the sidebar
 * stay within the call budgets, no cell exceeds Google Sheets' 50,000-character limit, and everything reads
 * back exactly as saved.
 */
import { BLOCK_IDS, type BlockId } from '../../src/core/block-ids';
import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import { LIMITS } from '../../src/core/requests';
import type { BlockView, CanvasView, Figure } from '../../src/core/view';
import { insertCanvas } from '../../src/server/insert';
import { multipliedContent } from '../support/content';
import { installFakeGlobals } from '../support/globals';
import { CANVAS, FIGURES, cellsOverLimit, errorCells, saveRequest, withCanvas, type Canvas } from './harness';

/** Exactly `n` characters (emoji count as two UTF-16 units, as Sheets and the limits count them). */
/** n UTF-16 units of mixed text, never ending in half of an emoji. */
const text = (n: number, seed: string) => {
  const t = `${seed} ${'Ωé😀 xiaomi '.repeat(Math.ceil(n / 10))}`.slice(0, n);
  return /[\uD800-\uDBFF]$/.test(t) ? `${t.slice(0, -1)}x` : t;
};

function fullEntries(id: BlockId): string[] {
  return Array.from({ length: LIMITS.entries }, (_, i) =>
    text(LIMITS.entryLength, `${id} ${i}`).trimEnd().padEnd(LIMITS.entryLength, 'x'),
  );
}

function fullFigures(id: BlockId): Figure[] {
  const units = ['CNY bn', 'USD bn', 'USD m', 'CNY m', '%', 'million units'];
  return Array.from({ length: LIMITS.figures }, (_, i) => ({
    label: text(LIMITS.labelLength, `${id} figure ${i}`).trimEnd().padEnd(LIMITS.labelLength, 'x'),
    value: (i + 1) * 1.25,
    unit: units[i % units.length],
    period: `${2020 + (i % 6)} `.padEnd(LIMITS.periodLength, 'p'),
    note: text(LIMITS.noteLength, 'note').trimEnd().padEnd(LIMITS.noteLength, 'n'),
    metric: `metric-${i % 5}`.padEnd(LIMITS.metricLength, 'm'),
  }));
}

describe('every block at the maximum entries and figures', () => {
  let c: Canvas;
  const saves: Array<{ id: BlockId; calls: number; roundTrips: number }> = [];
  const saved = new Map<BlockId, BlockView>();

  beforeAll(() => {
    c = withCanvas();
    for (const id of BLOCK_IDS) {
      const block = c.block(id);
      const stats = c.fake.countDuring(() =>
        c.call<BlockView>('saveBlock', saveRequest(block, { entries: fullEntries(id), figures: fullFigures(id) })),
      );
      saves.push({ id, calls: stats.calls, roundTrips: stats.roundTrips });
      saved.set(id, stats.result);
    }
  });

  test('each save of a block at the limits takes at most 2 round trips and no call per entry or figure', () => {
    for (const s of saves) {
      expect(s.roundTrips).toBeLessThanOrEqual(2);
      // one call per entry and per figure alone would be 100; growing the areas costs a fixed number of calls
      expect(s.calls).toBeLessThan(LIMITS.entries + LIMITS.figures);
    }
  });

  test('getCanvas reads everything back exactly as saved, in one round trip', () => {
    let view: CanvasView | undefined;
    const stats = c.fake.countDuring(() => (view = c.view()));
    expect(stats.roundTrips).toBe(1);
    // 15 for the canvas, 3 for Key Figures' rate and tolerance, about 22 to list every canvas (a name per range)
    expect(stats.calls).toBeLessThanOrEqual(43);
    for (const id of BLOCK_IDS) {
      const block = view!.blocks.find((b) => b.id === id)!;
      expect(block).toEqual(saved.get(id));
      expect(block.entries).toEqual(fullEntries(id));
      expect(block.figures).toEqual(fullFigures(id).map((f) => ({ ...f, period: f.period.trim() })));
    }
  });

  test('no cell holds more than 50,000 characters', () => {
    expect(cellsOverLimit(c)).toEqual([]);
  });

  test('Key Figures lists all 360 figures, linked, with no error value anywhere', () => {
    expect(errorCells(c, FIGURES)).toEqual([]);
    const rows = c.fake.direct
      .values(FIGURES)
      .slice(FIRST_FIGURE_ROW - 1)
      .filter((r) => r[1] !== '');
    expect(rows).toHaveLength(BLOCK_IDS.length * LIMITS.figures);
    // The 360th figure's row, under the settings and the header
    expect(c.fake.direct.formulas(FIGURES)[FIRST_FIGURE_ROW - 2 + 360][2]).toMatch(/^='Xiaomi Details'!G\d+$/);
    expect(rows.at(-1)![2]).toBe(LIMITS.figures * 1.25);
  });

  test('saving a full block again, and resetting it, stay within 2 round trips', () => {
    const block = c.block('channels');
    const again = c.fake.countDuring(() =>
      c.call<BlockView>(
        'saveBlock',
        saveRequest(block, {
          entries: [...block.entries.slice(1), 'moved to the end'],
          figures: block.figures.slice().reverse(),
        }),
      ),
    );
    expect(again.roundTrips).toBeLessThanOrEqual(2);
    const reset = c.fake.countDuring(() =>
      c.call<BlockView>('resetBlock', { blockId: 'channels', version: again.result.version }),
    );
    expect(reset.roundTrips).toBeLessThanOrEqual(2);
    expect(c.block('channels')).toEqual(reset.result);
  });

  test('opening the sidebar embeds the whole full canvas in one round trip', () => {
    const stats = c.fake.countDuring(() => c.call('showCanvasSidebar'));
    expect(stats.roundTrips).toBe(1);
    const boot = /<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(
      c.fake.ui.sidebars.at(-1)!.html,
    )![1];
    const view = (JSON.parse(boot) as { canvas: CanvasView }).canvas;
    expect(view.blocks[0]).toEqual(c.block('key-partners'));
    expect(view.sheetName).toBe(CANVAS);
  });
});

describe('Insert with ten times the content', () => {
  test('stays within the insert budget (≤ 145 calls and 2 for growing a new sheet, ≤ 2 round trips) and under the cell limit', () => {
    const fake = installFakeGlobals();
    const stats = fake.countDuring(() =>
      insertCanvas(fake.spreadsheet, fake.globals.SpreadsheetApp.getUi(), multipliedContent(10)),
    );
    expect(stats.calls).toBeLessThanOrEqual(147);
    expect(stats.roundTrips).toBeLessThanOrEqual(2);
    const over = fake.direct.documentState().sheets.flatMap((s) =>
      Object.entries(s.cells)
        .filter(([, cell]) => (typeof cell.v === 'string' ? cell.v : (cell.f ?? '')).length > 50_000)
        .map(([a1]) => `${s.name}!${a1}`),
    );
    expect(over).toEqual([]);
  });
});
