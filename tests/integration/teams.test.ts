/**
 * Issue 10: teams lose nothing. A teammate's direct cell edits between load and save are merged, a sidebar stays
 * on its canvas whatever sheet is active, and Google service failures reach the user in plain words.
 */
import { BLOCK_TITLES } from '../../src/core/block-ids';
import type { BlockView, CanvasView, SaveBlockRequest } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { thrown } from '../support/thrown';

const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const ID = 'key-activities';

function ready(): LoadedBundle & { canvas(canvasId?: string): CanvasView; block(canvasId?: string): BlockView } {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  const canvas = (canvasId?: string) => bundle.call<CanvasView>('getCanvas', ...(canvasId ? [{ canvasId }] : []));
  return { ...bundle, canvas, block: (canvasId?: string) => canvas(canvasId).blocks.find((b) => b.id === ID)! };
}

/** The A1 cell of a block's entry `index` on a canvas sheet. */
function entryCell(b: LoadedBundle, sheet: string, index: number): string {
  const values = b.fake.direct.values(sheet);
  for (let r = 0; r < values.length; r++) {
    const c = values[r].indexOf(BLOCK_TITLES[ID]);
    if (c > 0) return `${String.fromCharCode(65 + c)}${r + 3 + index}`;
  }
  throw new Error('no title');
}

/** A teammate types into the sheet (no add-on involved). */
function teammateTypes(b: LoadedBundle, index: number, text: string, sheet = CANVAS): void {
  b.fake.direct.setCell(sheet, entryCell(b, sheet, index), text);
}

/** The save the sidebar sends: my content, and the block as I loaded it as `base`. */
function saveFrom(loaded: BlockView, entries: string[], figures = loaded.figures, canvasId?: string): SaveBlockRequest {
  return {
    blockId: loaded.id,
    version: loaded.version,
    entries,
    figures,
    base: { entries: loaded.entries, figures: loaded.figures },
    ...(canvasId ? { canvasId } : {}),
  };
}

describe("three-way merge: a teammate's direct cell edits between load and save", () => {
  test('my edit of entry 1 and their edit of entry 4 are both kept, and the view says it merged', () => {
    const b = ready();
    const loaded = b.block();
    teammateTypes(b, 3, 'Teammate wrote this');
    const mine = ['My first entry', ...loaded.entries.slice(1)];
    b.fake.resetStats();
    const saved = b.call<BlockView>('saveBlock', saveFrom(loaded, mine));
    expect(b.fake.stats.roundTrips).toBeLessThanOrEqual(2);
    const expected = [...mine];
    expected[3] = 'Teammate wrote this';
    expect(saved.entries).toEqual(expected);
    expect(saved.merged).toBe(true);
    expect(saved.teammateChanges).toEqual({
      entries: [3],
      figures: [],
      entriesRemoved: [loaded.entries[3]],
      figuresRemoved: [],
    });
    expect(b.block()).toEqual({ ...saved, merged: undefined, teammateChanges: undefined });
    expect(b.block().entries).toEqual(expected);
  });

  test('their figure edit and my new entry merge; their deletion stays deleted', () => {
    const b = ready();
    const loaded = b.block();
    const values = b.fake.direct.values(DETAILS);
    const first = loaded.figures[0];
    const row = values.findIndex((r) => r[5] === first.label && r[6] === first.value) + 1;
    b.fake.direct.setCell(DETAILS, `G${row}`, '42');
    teammateTypes(b, 1, ''); // the teammate clears entry 2: the block closes up
    const saved = b.call<BlockView>('saveBlock', saveFrom(loaded, [...loaded.entries, 'Added by me']));
    expect(saved.figures[0].value).toBe(42);
    expect(saved.entries).toEqual([loaded.entries[0], ...loaded.entries.slice(2), 'Added by me']);
    expect(b.block().entries).toEqual(saved.entries);
  });

  test('two different changes to the same entry are refused with the conflict line, and nothing changes', () => {
    const b = ready();
    const loaded = b.block();
    teammateTypes(b, 0, 'Theirs');
    const before = b.fake.direct.documentState();
    const message = thrown(() => b.call('saveBlock', saveFrom(loaded, ['Mine', ...loaded.entries.slice(1)])));
    expect(message).toBe(
      'Key Activities was changed by someone else since you opened it. Your edits are kept; review the current content and save again.',
    );
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('the same change on both sides is not a conflict', () => {
    const b = ready();
    const loaded = b.block();
    teammateTypes(b, 0, 'Same text');
    const saved = b.call<BlockView>('saveBlock', saveFrom(loaded, ['Same text', ...loaded.entries.slice(1)]));
    expect(saved.entries[0]).toBe('Same text');
    expect(saved.merged).toBe(true);
  });

  test('without base a changed block is refused as before', () => {
    const b = ready();
    const loaded = b.block();
    teammateTypes(b, 3, 'Theirs');
    const { base: _base, ...request } = saveFrom(loaded, ['Mine', ...loaded.entries.slice(1)]);
    expect(thrown(() => b.call('saveBlock', request))).toMatch(/was changed by someone else/);
  });

  test('a base that is not what version stands for is refused, nothing written', () => {
    const b = ready();
    const loaded = b.block();
    teammateTypes(b, 3, 'Theirs');
    const before = b.fake.direct.documentState();
    const request = saveFrom(loaded, loaded.entries);
    request.base!.entries = ['forged'];
    expect(thrown(() => b.call('saveBlock', request))).toMatch(/^Invalid save request: base is not the content/);
    expect(b.fake.direct.documentState()).toEqual(before);
  });
});

describe('fresh blocks', () => {
  test('getBlock reads the block as the sheet holds it now, in one round trip', () => {
    const b = ready();
    teammateTypes(b, 0, 'Typed in the cell');
    b.fake.resetStats();
    const block = b.call<BlockView>('getBlock', { blockId: ID });
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(block.entries[0]).toBe('Typed in the cell');
    expect(block).toEqual(b.block());
  });

  test('saving after opening fresh is not a conflict (own cell edits are never someone else’s)', () => {
    const b = ready();
    teammateTypes(b, 0, 'My own cell edit');
    const fresh = b.call<BlockView>('getBlock', { blockId: ID });
    const saved = b.call<BlockView>('saveBlock', saveFrom(fresh, [...fresh.entries, 'More']));
    expect(saved.merged).toBeUndefined();
    expect(saved.entries[0]).toBe('My own cell edit');
  });
});

describe('a sidebar bound to its canvas', () => {
  function twoCanvases() {
    const b = ready();
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    return b;
  }

  test('CanvasView names its canvas and lists every canvas; getCanvas() keeps the active sheet default', () => {
    const b = twoCanvases();
    const active = b.canvas(); // the second insert left its canvas active
    expect(active.canvasId).toBe('canvas-2');
    expect(active.sheetName).toBe('Xiaomi Canvas (2)');
    expect(active.canvases).toEqual([
      { canvasId: 'canvas-1', sheetName: 'Xiaomi Canvas' },
      { canvasId: 'canvas-2', sheetName: 'Xiaomi Canvas (2)' },
    ]);
    b.fake.resetStats();
    const first = b.canvas('canvas-1');
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(first.canvasId).toBe('canvas-1');
    expect(first.sheetName).toBe('Xiaomi Canvas');
  });

  test('saves, resets and snapshots act on the sidebar’s canvas while the other one is active', () => {
    const b = twoCanvases();
    const loaded = b.block('canvas-1');
    expect(b.fake.direct.activeSheetName()).toBe('Xiaomi Canvas (2)');
    const saved = b.call<BlockView>('saveBlock', saveFrom(loaded, ['Canvas one only'], loaded.figures, 'canvas-1'));
    expect(saved.entries).toEqual(['Canvas one only']);
    expect(b.block('canvas-1').entries).toEqual(['Canvas one only']);
    expect(b.block('canvas-2').entries).toEqual(loaded.entries);
    const reset = b.call<BlockView>('resetBlock', { blockId: ID, version: saved.version, canvasId: 'canvas-1' });
    expect(reset.entries).toEqual(loaded.entries);
    const info = b.call<{ canvas: string }>('saveSnapshot', { label: 'one', canvasId: 'canvas-1' });
    expect(info.canvas).toBe('Xiaomi Canvas');
    b.call('selectBlock', { blockId: ID, canvasId: 'canvas-1' });
    expect(b.fake.direct.activeSheetName()).toBe('Xiaomi Canvas');
  });

  test('the canvas id survives renaming and moving the sheet', () => {
    const b = twoCanvases();
    b.fake.direct.uncounted(() => {
      const sheet = b.fake.spreadsheet.getSheetByName('Xiaomi Canvas')!;
      sheet.setName('Our plan');
      sheet.activate();
      b.fake.spreadsheet.moveActiveSheet(5);
      b.fake.spreadsheet.getSheetByName('Xiaomi Canvas (2)')!.activate();
    });
    const view = b.canvas('canvas-1');
    expect(view.sheetName).toBe('Our plan');
    expect(view.canvases.map((c) => c.sheetName)).toEqual(['Our plan', 'Xiaomi Canvas (2)']);
    // The renamed, moved canvas still takes its own saves and exports, while the other one is active.
    const kp = view.blocks.find((block) => block.id === 'key-partners')!;
    b.call('saveBlock', saveFrom(kp, ['Only on canvas 1', ...kp.entries.slice(1)], kp.figures, 'canvas-1'));
    const json = b.call<string>('exportCanvasJson', { canvasId: 'canvas-1' });
    const exported = JSON.parse(json) as { blocks: Array<{ id: string; entries: string[] }> };
    expect(exported.blocks[0].entries[0]).toBe('Only on canvas 1');
    expect(b.canvas('canvas-2').blocks[0].entries[0]).not.toBe('Only on canvas 1');
  });

  test('a canvas that is gone is reported in one line, nothing changed', () => {
    const b = ready();
    const loaded = b.block();
    const before = b.fake.direct.documentState();
    const message = thrown(() => b.call('saveBlock', saveFrom(loaded, loaded.entries, loaded.figures, 'canvas-3')));
    expect(message).toMatch(/^The canvas this sidebar was editing is no longer in this spreadsheet/);
    expect(message).not.toContain('\n');
    expect(b.fake.direct.documentState()).toEqual(before);
  });
});

describe('failures in plain words', () => {
  const RAW = 'Service Spreadsheets timed out while accessing document with id 1a2B3c4D5e6F7g8H9i0J.';

  test('a service failure during a save reaches the user as one plain line, is logged, and a retry works', () => {
    const b = ready();
    const loaded = b.block();
    const errors: unknown[] = [];
    (b.context as { console: { error: (...a: unknown[]) => void } }).console.error = (...a: unknown[]) =>
      errors.push(a);
    b.fake.failNext('Range.setValues', RAW);
    const request = saveFrom(loaded, ['Retry me', ...loaded.entries.slice(1)]);
    const message = thrown(() => b.call('saveBlock', request));
    // The failure came once the save had begun writing: the line says part may be in the sheet (issue 17).
    expect(message).toMatch(/stopped part-way: part of it may already be in the sheet/);
    expect(message).not.toMatch(/1a2B|Service|document/);
    expect(JSON.stringify(errors.map(String))).toContain('timed out');
    const saved = b.call<BlockView>('saveBlock', request);
    expect(saved.entries[0]).toBe('Retry me');
  });

  test('reads fail in plain words too; our own validation errors pass through unchanged', () => {
    const b = ready();
    b.fake.failNext(
      'Spreadsheet.getRangeByName',
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    );
    expect(thrown(() => b.call('getCanvas'))).toMatch(/^Google Sheets did not respond; nothing was changed/);
    expect(b.canvas().blocks).toHaveLength(9);
    expect(thrown(() => b.call('saveBlock', { blockId: 'nope' }))).toMatch(/^Invalid save request: blockId/);
  });
});
