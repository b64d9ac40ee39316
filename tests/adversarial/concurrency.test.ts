/**
 * Several people at once: two sidebars on the same block, teammates typing in cells between a load and a save,
 * the document lock held by someone else, Insert run twice or answered NO. Nothing anybody wrote is ever lost:
 * either a save applies, or it is refused with a clear error and the spreadsheet is exactly as it was.
 * Everything runs through the built bundle's top-level functions.
 */
import type { BlockView } from '../../src/core/view';
import { CONTENT, INSERTED_SHEETS } from '../support/content';
import {
  CANVAS,
  DETAILS,
  FIGURES,
  entryCell,
  expectClearError,
  expectRejected,
  expectSameState,
  figureRow,
  saveRequest,
  stateText,
  withCanvas,
  withoutCanvas,
  type Canvas,
} from './harness';

const CONFLICT = (title: string) => new RegExp(`^${title} was changed by someone else since you opened it\\.`);
const BUSY = /^The canvas is busy with another edit; please try again in a moment\.$/;

describe('two sidebars, the same block', () => {
  test('two sidebars save the same block from the same version: the first wins, the second gets the conflict error, nothing lost', () => {
    const c = withCanvas();
    const seenByAlice = c.block('key-activities');
    const seenByBob = c.block('key-activities');
    const alice = c.call<BlockView>(
      'saveBlock',
      saveRequest(seenByAlice, { entries: ['Alice was here', ...seenByAlice.entries] }),
    );
    expectRejected(
      c,
      () => c.call('saveBlock', saveRequest(seenByBob, { entries: ['Bob overwrites everything'] })),
      CONFLICT('Key Activities'),
    );
    expect(c.block('key-activities')).toEqual(alice);
    expect(c.fake.lock.held).toBe(false);
  });

  test('the loser reloads and saves again on top of the winner: both edits are kept', () => {
    const c = withCanvas();
    const seen = c.block('channels');
    c.call('saveBlock', saveRequest(seen, { entries: [...seen.entries, 'From Alice'] }));
    expect(() => c.call('saveBlock', saveRequest(seen, { entries: [...seen.entries, 'From Bob'] }))).toThrow(
      /changed by someone else/,
    );
    const reloaded = c.block('channels');
    const saved = c.call<BlockView>('saveBlock', saveRequest(reloaded, { entries: [...reloaded.entries, 'From Bob'] }));
    expect(saved.entries.slice(-2)).toEqual(['From Alice', 'From Bob']);
    expect(c.block('channels')).toEqual(saved);
  });

  test('two sidebars save different blocks from the same moment: both saves apply', () => {
    const c = withCanvas();
    const view = c.view();
    const kp = view.blocks[0];
    const cs = view.blocks[8];
    const a = c.call<BlockView>('saveBlock', saveRequest(kp, { entries: ['Only Alice'] }));
    const b = c.call<BlockView>('saveBlock', saveRequest(cs, { entries: ['Only Bob'], figures: cs.figures.slice(1) }));
    expect(c.block('key-partners')).toEqual(a);
    expect(c.block('revenue-streams')).toEqual(b);
  });

  test('a sidebar resets a block that another sidebar has just saved: conflict, the save is kept', () => {
    const c = withCanvas();
    const seen = c.block('cost-structure');
    const saved = c.call<BlockView>('saveBlock', saveRequest(seen, { entries: ['Saved first'] }));
    expectRejected(
      c,
      () => c.call('resetBlock', { blockId: seen.id, version: seen.version }),
      CONFLICT('Cost Structure'),
    );
    expect(c.block('cost-structure')).toEqual(saved);
  });

  test('a sidebar saves from a version taken before a reset: conflict, the reset is kept', () => {
    const c = withCanvas();
    const seen = c.block('cost-structure');
    const edited = c.call<BlockView>('saveBlock', saveRequest(seen, { entries: ['Edited'] }));
    const reset = c.call<BlockView>('resetBlock', { blockId: seen.id, version: edited.version });
    expect(reset.entries).toEqual(CONTENT.blocks[7].entries);
    expectRejected(
      c,
      () => c.call('saveBlock', saveRequest(edited, { entries: ['Stale'] })),
      CONFLICT('Cost Structure'),
    );
  });

  test('a sidebar saves exactly what is already there: nothing is written and the version stays', () => {
    const c = withCanvas();
    const seen = c.block('value-propositions');
    const before = stateText(c.fake);
    expect(c.call<BlockView>('saveBlock', saveRequest(seen))).toEqual(seen);
    expectSameState(c.fake, before);
  });
});

describe("a teammate's direct edit between load and save", () => {
  test('a teammate edits an entry cell of the block: the save is refused, the teammate’s text stays', () => {
    const c = withCanvas();
    const seen = c.block('key-activities');
    c.fake.direct.setCell(CANVAS, entryCell(c, 'key-activities', 2), 'Typed by a teammate');
    expectRejected(c, () => c.call('saveBlock', saveRequest(seen, { entries: ['Mine'] })), CONFLICT('Key Activities'));
    expect(c.block('key-activities').entries[2]).toBe('Typed by a teammate');
  });

  test('a teammate edits a figure value of the block: the save is refused, the value stays', () => {
    const c = withCanvas();
    const seen = c.block('revenue-streams');
    c.fake.direct.setCell(DETAILS, `G${figureRow(c, 'revenue-streams', 0)}`, '99.9');
    expectRejected(c, () => c.call('saveBlock', saveRequest(seen, { entries: ['Mine'] })), CONFLICT('Revenue Streams'));
    expect(c.block('revenue-streams').figures[0].value).toBe(99.9);
  });

  test('a teammate edits a figure note of the block: the save is refused', () => {
    const c = withCanvas();
    const seen = c.block('key-resources');
    c.fake.direct.setCell(DETAILS, `J${figureRow(c, 'key-resources', 1)}`, 'checked by finance');
    expectRejected(c, () => c.call('saveBlock', saveRequest(seen)), CONFLICT('Key Resources'));
  });

  test('a teammate adds an entry in a spare row of the block: the save is refused, the new entry stays', () => {
    const c = withCanvas();
    const seen = c.block('customer-segments');
    c.fake.direct.setCell(CANVAS, entryCell(c, 'customer-segments', seen.entries.length), 'New from a teammate');
    expectRejected(
      c,
      () => c.call('saveBlock', saveRequest(seen, { entries: seen.entries.slice(1) })),
      CONFLICT('Customer Segments'),
    );
  });

  test('a teammate edits a different block: the save applies and the teammate’s edit is kept', () => {
    const c = withCanvas();
    const seen = c.block('channels');
    c.fake.direct.setCell(CANVAS, entryCell(c, 'key-partners', 0), 'Teammate edit elsewhere');
    const saved = c.call<BlockView>('saveBlock', saveRequest(seen, { entries: ['Mine'] }));
    expect(c.block('channels')).toEqual(saved);
    expect(c.block('key-partners').entries[0]).toBe('Teammate edit elsewhere');
  });

  test('a teammate changes the rate in Key Figures: a save that re-links Key Figures keeps the rate', () => {
    const c = withCanvas();
    const seen = c.block('channels');
    c.fake.direct.setCell(FIGURES, 'B1', '0.15');
    c.call(
      'saveBlock',
      saveRequest(seen, {
        figures: [...seen.figures.slice(1), { label: 'New', value: 2, unit: 'CNY bn', period: '2024' }],
      }),
    );
    expect(c.fake.direct.values(FIGURES)[0][1]).toBe(0.15);
    const row = c.fake.direct.values(FIGURES).find((r) => r[1] === 'New')!;
    expect(row[6]).toBeCloseTo(0.3, 10);
  });
});

describe('the document lock held by someone else', () => {
  test.each([
    ['saves a block', (c: Canvas) => c.call('saveBlock', saveRequest(c.block('channels'), { entries: ['x'] }))],
    [
      'resets a block',
      (c: Canvas) => c.call('resetBlock', { blockId: 'channels', version: c.block('channels').version }),
    ],
  ] as const)('a user %s while the lock is taken: "busy, try again", nothing written', (_does, act) => {
    const c = withCanvas();
    c.fake.lock.available = false;
    expectRejected(c, () => act(c), BUSY);
  });

  test.each([
    ['chooses Refresh Key Figures', 'refreshKeyFigures'],
    ['chooses Insert Xiaomi canvas', 'insertXiaomiCanvas'],
  ] as const)('a user %s while the lock is taken: a dialog says busy, nothing written', (_does, fn) => {
    const c = fn === 'insertXiaomiCanvas' ? withoutCanvas() : withCanvas();
    c.fake.lock.available = false;
    const before = stateText(c.fake);
    c.call(fn);
    expectClearError(c.fake.ui.alerts.at(-1)!.prompt, BUSY);
    expectSameState(c.fake, before);
  });

  test('a save that hits a conflict releases the lock, so the next save is not blocked', () => {
    const c = withCanvas();
    const seen = c.block('channels');
    c.call('saveBlock', saveRequest(seen, { entries: ['First'] }));
    expect(() => c.call('saveBlock', saveRequest(seen, { entries: ['Second'] }))).toThrow(/changed by someone else/);
    expect(c.fake.lock.held).toBe(false);
    expect(c.fake.lock.releases).toBe(c.fake.lock.acquisitions);
  });
});

describe('Insert run again', () => {
  test('a user runs Insert twice, answering YES both times: three canvases, the first untouched', () => {
    const c = withCanvas();
    c.call('saveBlock', saveRequest(c.block('channels'), { entries: ['My edit'] }));
    const first = JSON.stringify(c.state().sheets.filter((s) => [CANVAS, DETAILS, FIGURES].includes(s.name)));
    c.fake.ui.alertResponses.push('YES');
    c.call('insertXiaomiCanvas');
    c.fake.ui.alertResponses.push('YES');
    c.call('insertXiaomiCanvas');
    expect(c.fake.direct.sheetNames()).toEqual([
      'Sheet1',
      ...INSERTED_SHEETS,
      `${CANVAS} (2)`,
      `${DETAILS} (2)`,
      `${FIGURES} (2)`,
      'Reported Results (2)',
      'Xiaomi in Numbers (2)',
      'Assumptions (2)',
      `${CANVAS} (3)`,
      `${DETAILS} (3)`,
      `${FIGURES} (3)`,
      'Reported Results (3)',
      'Xiaomi in Numbers (3)',
      'Assumptions (3)',
    ]);
    expect(JSON.stringify(c.state().sheets.filter((s) => [CANVAS, DETAILS, FIGURES].includes(s.name)))).toBe(first);
    expect(c.fake.direct.activeSheetName()).toBe(`${CANVAS} (3)`);
    expect(c.view().blocks[5].entries).toEqual(CONTENT.blocks[5].entries);
    c.fake.spreadsheet.setActiveSheet(c.fake.spreadsheet.getSheetByName(CANVAS)!);
    expect(c.view().blocks[5].entries).toEqual(['My edit']);
  });

  test('a user runs Insert while a canvas exists and answers NO: nothing at all changes', () => {
    const c = withCanvas();
    const before = stateText(c.fake);
    c.fake.ui.alertResponses.push('NO');
    c.call('insertXiaomiCanvas');
    expect(c.fake.ui.alerts.at(-1)!.prompt).toMatch(/already has a Xiaomi canvas/);
    expectSameState(c.fake, before);
  });

  test('a user runs Insert while a canvas exists and closes the question: nothing at all changes', () => {
    const c = withCanvas();
    const before = stateText(c.fake);
    c.fake.ui.alertResponses.push('CLOSE');
    c.call('insertXiaomiCanvas');
    expectSameState(c.fake, before);
  });

  test('a user deleted the canvas but kept "Xiaomi Details": Insert adds a complete new canvas without touching it', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(c.fake.spreadsheet.getSheetByName(CANVAS)!);
    const details = JSON.stringify(c.state().sheets.find((s) => s.name === DETAILS));
    c.call('insertXiaomiCanvas'); // no canvas left, so no question
    expect(c.fake.ui.alerts).toEqual([]);
    expect(c.view().sheetName).toBe(`${CANVAS} (2)`);
    expect(JSON.stringify(c.state().sheets.find((s) => s.name === DETAILS))).toBe(details);
    expect(c.view().blocks.map((b) => b.entries)).toEqual(CONTENT.blocks.map((b) => b.entries));
  });

  test('a user renamed the first canvas to "Xiaomi Canvas (2)": Insert picks a free name and touches nothing', () => {
    const c = withCanvas();
    c.fake.spreadsheet.getSheetByName(CANVAS)!.setName(`${CANVAS} (2)`);
    const before = JSON.stringify(c.state().sheets);
    c.fake.ui.alertResponses.push('YES');
    c.call('insertXiaomiCanvas');
    expect(c.fake.ui.alertResponses).toEqual([]);
    const names = c.fake.direct.sheetNames();
    expect(names).toHaveLength(13);
    expect(new Set(names).size).toBe(names.length);
    expect(JSON.stringify(c.state().sheets.slice(0, 7))).toBe(before);
  });
});
