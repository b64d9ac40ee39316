/**
 * The benchmark's counts, asserted (never its timings): the add-on's calls stay flat from 1× to 10× content,
 * meet the round-trip goals, and beat the naive baseline, which itself writes exactly the same canvas.
 */
import { createFakeGoogle } from '../../emulator';
import type { CanvasView } from '../../src/core/view';
import { naiveInsert } from '../../bench/naive-insert';
import { naiveGetCanvas, naiveSaveBlock } from '../../bench/naive-ops';
import {
  OPERATIONS,
  SAVED_BLOCK,
  bundleWithContent,
  contentTimes,
  distCode,
  loadCode,
  measureNaive,
  measureOurs,
  sidebarTemplate,
  type OperationCounts,
} from '../../bench/measure';

const CONTENT_1 = contentTimes(1);
const ours = new Map<number, OperationCounts>();
let naive: OperationCounts;

beforeAll(async () => {
  ours.set(1, measureOurs(distCode()));
  for (const times of [2, 10]) ours.set(times, measureOurs(await bundleWithContent(contentTimes(times))));
  naive = measureNaive(contentTimes(1));
});

/** Everything a reader of the spreadsheet sees (values, formulas, formats, merges, sizes, names), for comparison. */
function visible(fake: ReturnType<typeof createFakeGoogle>) {
  const model = fake.model();
  return { activeSheet: model.activeSheet, sheets: model.sheets, namedRanges: model.namedRanges };
}

describe('the naive baseline is a fair comparison', () => {
  test('naive insert writes exactly the canvas Insert writes (every value, formula, format, merge, size and name)', () => {
    const a = loadCode(distCode());
    a.call('insertXiaomiCanvas');
    const b = createFakeGoogle({ files: { Sidebar: sidebarTemplate() } });
    naiveInsert(b.spreadsheet, contentTimes(1), b.globals.SpreadsheetApp, b.globals.Charts.ChartType);
    expect(visible(b)).toEqual(visible(a.fake));
  });

  test('naive getCanvas and saveBlock read and write the same as the add-on', () => {
    const a = loadCode(distCode());
    a.call('insertXiaomiCanvas');
    const view = a.call<CanvasView>('getCanvas');
    expect(naiveGetCanvas(a.fake.spreadsheet)).toEqual(view);
    const block = view.blocks.find((x) => x.id === SAVED_BLOCK)!;
    const request = {
      blockId: block.id,
      version: block.version,
      entries: ['Naive first', ...block.entries.slice(1)],
      figures: block.figures.slice(1),
    };
    const saved = naiveSaveBlock(a.fake.spreadsheet, request);
    expect(a.call<CanvasView>('getCanvas').blocks.find((x) => x.id === SAVED_BLOCK)).toEqual(saved);
  });
});

describe('counts', () => {
  test('a bundle rebuilt with the 1× content counts exactly like dist/Code.js', async () => {
    expect(measureOurs(await bundleWithContent(contentTimes(1)))).toEqual(ours.get(1));
  });

  test('every operation but insert costs the same calls at 1×, 2× and 10× content; insert at most two more', () => {
    for (const op of OPERATIONS) {
      for (const times of [2, 10]) {
        const [base, scaled] = [ours.get(1)![op], ours.get(times)![op]];
        expect({ op, times, roundTrips: scaled.roundTrips }).toEqual({ op, times, roundTrips: base.roundTrips });
        // a new sheet too small for the content: the getRange that finds it out, then the row insert
        if (op === 'insert') expect(scaled.calls - base.calls).toBeLessThanOrEqual(2);
        else expect({ op, times, calls: scaled.calls }).toEqual({ op, times, calls: base.calls });
      }
    }
  });

  test('round-trip goals: insert ≤ 2, getCanvas 1, saveBlock ≤ 2, opening the sidebar 1', () => {
    for (const times of [1, 2, 10]) {
      const c = ours.get(times)!;
      expect(c.insert.roundTrips).toBeLessThanOrEqual(2);
      expect(c.getCanvas.roundTrips).toBe(1);
      expect(c['saveBlock (one entry)'].roundTrips).toBeLessThanOrEqual(2);
      expect(c['saveBlock (whole block)'].roundTrips).toBeLessThanOrEqual(2);
      expect(c.showCanvasSidebar.roundTrips).toBe(1);
      expect(c.refreshKeyFigures.roundTrips).toBeLessThanOrEqual(2);
    }
  });

  test('no call per entry or figure: rewriting a whole block costs at most a few calls more than changing one entry', () => {
    const c = ours.get(1)!;
    const block = CONTENT_1.blocks.find((b) => b.id === SAVED_BLOCK)!;
    const extra = c['saveBlock (whole block)'].calls - c['saveBlock (one entry)'].calls;
    expect(extra).toBeLessThanOrEqual(5);
    expect(extra).toBeLessThan(block.entries.length + block.figures.length);
  });

  test('at least 20 times fewer calls than the naive baseline for every operation, and fewer round trips for every write', () => {
    const c = ours.get(1)!;
    for (const op of OPERATIONS) {
      expect({ op, enough: c[op].calls * 20 <= naive[op].calls }).toEqual({ op, enough: true });
      expect(c[op].roundTrips).toBeLessThanOrEqual(naive[op].roundTrips);
    }
    expect(c.insert.roundTrips * 100).toBeLessThan(naive.insert.roundTrips);
  });

  test('insert meets the budget of at most 145 Spreadsheet calls (issues 12, 14, 17 and 18) and one round trip', () => {
    expect(ours.get(1)!.insert.calls).toBeLessThanOrEqual(145);
    expect(ours.get(1)!.insert.roundTrips).toBe(1);
  });
});
