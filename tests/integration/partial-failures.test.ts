import type { BlockView, CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { PARTIAL_WRITE as PARTIAL, SERVICE_TIMEOUT as TIMEOUT, thrown } from '../support/thrown';
import { INSERTED_SHEETS } from '../support/content';

/** Failures tell the truth (issue 17, item 4): a Google service failing part-way through a write. */

const RAW = /Service Spreadsheets|document with id|1AbC/;

function ready() {
  const b = loadBundle();
  b.call('insertXiaomiCanvas');
  return b;
}
type Bundle = ReturnType<typeof ready>;
const block = (b: Bundle, id: string) => b.call<BlockView>('getBlock', { blockId: id });

describe('A save that fails part-way', () => {
  test.each([1, 2, 3])(
    'after %i successful writes: the message says part may be in the sheet; Save again lands exactly the edit',
    (writes) => {
      const b = ready();
      const before = block(b, 'key-activities');
      const entries = [...before.entries.slice(1), ...Array.from({ length: 10 }, (_, i) => `New ${i + 1}`)];
      const figures = before.figures.map((f) => ({ ...f, value: f.value + 1 }));
      const base = { entries: before.entries, figures: before.figures };
      const request = { blockId: before.id, version: before.version, entries, figures, base };
      b.fake.failAfterWrites(writes, TIMEOUT);
      const message = thrown(() => b.call('saveBlock', request));
      expect(message).toMatch(PARTIAL);
      expect(message).not.toMatch(RAW);
      // The sidebar keeps the form; sending the same save again (with the base it loaded) merges, never doubles.
      const saved = b.call<BlockView>('saveBlock', request);
      expect(saved.entries).toEqual(entries);
      expect(block(b, 'key-activities').entries).toEqual(entries);
      expect(block(b, 'key-activities').figures.map((f) => f.value)).toEqual(figures.map((f) => f.value));
    },
  );

  test('the sidebar reloads the block after the failure: a save from what the sheet holds lands exactly the edit', () => {
    const b = ready();
    const before = block(b, 'channels');
    const entries = [...before.entries, 'Pop-up stores', 'Carrier shops'];
    b.fake.failAfterWrites(1, TIMEOUT);
    expect(
      thrown(() =>
        b.call('saveBlock', { blockId: 'channels', version: before.version, entries, figures: before.figures }),
      ),
    ).toMatch(PARTIAL);
    const now = block(b, 'channels');
    const saved = b.call<BlockView>('saveBlock', {
      blockId: 'channels',
      version: now.version,
      entries,
      figures: now.figures,
      base: { entries: now.entries, figures: now.figures },
    });
    expect(saved.entries).toEqual(entries);
  });

  test('a failure before any write says nothing was saved, which is true', () => {
    const b = ready();
    const before = block(b, 'channels');
    const state = b.fake.snapshotState();
    b.fake.failNext('Range.getValues', TIMEOUT);
    const message = thrown(() =>
      b.call('saveBlock', { blockId: 'channels', version: before.version, entries: ['x'], figures: before.figures }),
    );
    expect(message).toMatch(/^Google Sheets did not respond; nothing was saved/);
    expect(b.fake.snapshotState()).toEqual(state);
  });
});

describe('Reset, restore, import and Insert that fail part-way', () => {
  test('restore: the message says part may be in the sheet; restoring again gives exactly the snapshot', () => {
    const b = ready();
    const snap = b.call<{ id: string }>('saveSnapshot', { label: 'good' });
    const first = block(b, 'key-partners');
    b.call('saveBlock', { blockId: 'key-partners', version: first.version, entries: ['Changed'], figures: [] });
    const second = block(b, 'revenue-streams');
    b.call('saveBlock', { blockId: 'revenue-streams', version: second.version, entries: ['Changed too'], figures: [] });
    b.fake.failAfterWrites(3, TIMEOUT);
    const message = thrown(() => b.call('restoreSnapshot', { id: snap.id }));
    expect(message).toMatch(PARTIAL);
    expect(message).not.toMatch(RAW);
    const restored = b.call<CanvasView>('restoreSnapshot', { id: snap.id });
    expect(restored.blocks.find((x) => x.id === 'key-partners')!.entries).toEqual(first.entries);
    expect(block(b, 'revenue-streams').entries).toEqual(second.entries);
  });

  test('import: a half-imported canvas is taken away again; nothing changed is true, and a retry imports one canvas', () => {
    const b = ready();
    const json = b.call<string>('exportCanvasJson');
    const sheets = b.fake.direct.sheetNames();
    b.fake.failAfterWrites(20, TIMEOUT);
    const message = thrown(() => b.call('importCanvasJson', json));
    expect(message).toMatch(/nothing was changed/i);
    expect(message).not.toMatch(RAW);
    expect(b.fake.direct.sheetNames()).toEqual(sheets);
    const imported = b.call<CanvasView>('importCanvasJson', json);
    expect(imported.canvases).toHaveLength(2);
    expect(b.fake.direct.sheetNames()).toHaveLength(sheets.length + 6); // with its numbers and Assumptions sheets
  });

  test('Insert from the menu: one plain line, no half canvas left; a retry inserts one whole canvas', () => {
    const b = loadBundle();
    b.fake.failAfterWrites(30, TIMEOUT);
    b.call('insertXiaomiCanvas');
    const alert = JSON.stringify(b.fake.ui.alerts.at(-1));
    expect(alert).toMatch(/Google Sheets did not respond; nothing was changed/);
    expect(alert).not.toMatch(RAW);
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1']);
    b.call('insertXiaomiCanvas');
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    expect(b.call<CanvasView>('getCanvas').blocks).toHaveLength(9);
  });

  test('Insert that fails while it writes the Assumptions list (its last sheet) leaves nothing behind either', () => {
    const clean = loadBundle();
    const all = clean.fake.countDuring(() => clean.call('insertXiaomiCanvas')).writes;
    const b = loadBundle();
    b.fake.failAfterWrites(all - 2, TIMEOUT);
    b.call('insertXiaomiCanvas');
    expect(JSON.stringify(b.fake.ui.alerts.at(-1))).toMatch(/nothing was changed/);
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1']);
  });

  test('Refresh from the menu stopped part-way says so in one line; running it again repairs Key Figures', () => {
    const b = ready();
    const values = b.fake.direct.values('Key Figures');
    b.fake.failAfterWrites(2, TIMEOUT);
    b.call('refreshKeyFigures');
    const alert = JSON.stringify(b.fake.ui.alerts.at(-1));
    expect(alert).toMatch(/stopped part-way/);
    expect(alert).not.toMatch(RAW);
    b.call('refreshKeyFigures');
    expect(b.fake.direct.values('Key Figures')).toEqual(values);
  });
});
