/**
 * Damage done by people who edit the sheets by hand (with or without the add-on): renamed, moved and deleted
 * sheets, inserted and deleted rows, overwritten titles, broken merges, Key Figures deleted or flattened, the
 * rate cleared, named ranges removed. Each case asserts the exact outcome, or a clear one-line error with the
 * spreadsheet unchanged. Everything runs through the built bundle's top-level functions.
 */
import { defaultReading } from '../../emulator/document';
import type { BlockId } from '../../src/core/block-ids';
import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import type { BlockView, CanvasView } from '../../src/core/view';
import { CONTENT } from '../support/content';
import {
  CANVAS,
  DETAILS,
  FIGURES,
  areaOf,
  entryCell,
  errorCells,
  expectClearError,
  expectRejected,
  expectSameState,
  figureRow,
  saveRequest,
  stateText,
  thrown,
  withCanvas,
  type Canvas,
} from './harness';

const contentOf = (id: BlockId) => CONTENT.blocks.find((b) => b.id === id)!;
const allEntries = () => CONTENT.blocks.map((b) => b.entries);
const figureCount = CONTENT.blocks.reduce((n, b) => n + b.figures.length, 0);
const sheet = (c: Canvas, name: string) => c.fake.spreadsheet.getSheetByName(name)!;
/** Index, in a sheet's rows of values or formulas, of Key Figures' first figure row (under the settings and header). */
const FIRST_FIGURE = FIRST_FIGURE_ROW - 1;
const NO_CANVAS = /^There is no Xiaomi canvas in this spreadsheet.*Insert Xiaomi canvas/;
const DAMAGED =
  /damaged.*Insert Xiaomi canvas|Insert Xiaomi canvas.*damaged|can no longer be found.*Insert Xiaomi canvas/;

/** Error values (#REF!, #VALUE!, …) in any sheet of the spreadsheet. */
const errorsAnywhere = (c: Canvas) =>
  c.fake.direct.sheetNames().flatMap((name) => errorCells(c, name).map((e) => `${name}!${e}`));

/** Saves one changed entry in a block and checks it reads back in place, with every other block intact. */
function expectSaveWorks(c: Canvas, id: BlockId = 'key-partners'): BlockView {
  const block = c.block(id);
  const others = c.view().blocks.filter((b) => b.id !== id);
  const saved = c.call<BlockView>(
    'saveBlock',
    saveRequest(block, { entries: ['Saved after the damage', ...block.entries.slice(1)] }),
  );
  const after = c.view();
  expect(after.blocks.find((b) => b.id === id)).toEqual(saved);
  expect(after.blocks.filter((b) => b.id !== id)).toEqual(others);
  return saved;
}

/** Key Figures lists every figure, shows no error value anywhere, and every Value is a live link. */
function expectKeyFiguresHealthy(c: Canvas, count = figureCount, name = FIGURES): void {
  expect(errorCells(c, name)).toEqual([]);
  const rows = c.fake.direct
    .values(name)
    .slice(FIRST_FIGURE)
    .filter((r) => r[1] !== '');
  expect(rows).toHaveLength(count);
  const formulas = c.fake.direct.formulas(name).slice(FIRST_FIGURE, FIRST_FIGURE + count);
  for (const row of formulas) expect(row[2]).toMatch(/^='?.+'?!G\d+$/);
}

describe('the canvas sheet renamed, moved or deleted', () => {
  test('a user renames the canvas sheet: it is still found, and sheetName follows', () => {
    const c = withCanvas();
    sheet(c, CANVAS).setName('Our strategy');
    expect(c.view().sheetName).toBe('Our strategy');
    expect(c.view().blocks.map((b) => b.entries)).toEqual(allEntries());
    expectSaveWorks(c);
  });

  test('a user renames the canvas sheet to a name with quotes and an apostrophe', () => {
    const c = withCanvas();
    sheet(c, CANVAS).setName(`Bob's "final" canvas`);
    expect(c.view().sheetName).toBe(`Bob's "final" canvas`);
    expectSaveWorks(c, 'channels');
  });

  test('a user moves the canvas sheet to the front and makes another sheet active', () => {
    const c = withCanvas();
    c.fake.spreadsheet.setActiveSheet(sheet(c, CANVAS));
    c.fake.spreadsheet.moveActiveSheet(1);
    c.fake.spreadsheet.setActiveSheet(sheet(c, 'Sheet1'));
    expect(c.fake.direct.sheetNames()[0]).toBe(CANVAS);
    expect(c.view().blocks.map((b) => b.entries)).toEqual(allEntries());
    expectSaveWorks(c, 'customer-segments');
  });

  test('a user hides the canvas sheet: editing from the sidebar still works', () => {
    const c = withCanvas();
    c.fake.spreadsheet.setActiveSheet(sheet(c, 'Sheet1'));
    sheet(c, CANVAS).hideSheet();
    expectSaveWorks(c, 'cost-structure');
  });

  test('a user deletes the canvas sheet: getCanvas says to insert it again', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(sheet(c, CANVAS));
    expectRejected(c, () => c.view(), NO_CANVAS);
  });

  test('a user deletes the canvas sheet, then a sidebar still open saves: clear error, nothing written', () => {
    const c = withCanvas();
    const block = c.block('channels');
    c.fake.spreadsheet.deleteSheet(sheet(c, CANVAS));
    expectRejected(c, () => c.call('saveBlock', saveRequest(block, { entries: ['Mine'] })), NO_CANVAS);
    expectRejected(c, () => c.call('resetBlock', { blockId: block.id, version: block.version }), NO_CANVAS);
    expectRejected(c, () => c.call('selectBlock', block.id), NO_CANVAS);
  });

  test('a user deletes the canvas sheet, then opens the sidebar: it explains instead of crashing', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(sheet(c, CANVAS));
    c.call('showCanvasSidebar');
    const boot = /<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(
      c.fake.ui.sidebars.at(-1)!.html,
    )![1];
    expectClearError((JSON.parse(boot) as { error: string }).error, NO_CANVAS);
  });

  test('a user deletes the canvas sheet, then chooses Refresh Key Figures: a dialog explains, nothing written', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(sheet(c, CANVAS));
    const before = stateText(c.fake);
    c.call('refreshKeyFigures');
    expectClearError(c.fake.ui.alerts.at(-1)!.prompt, NO_CANVAS);
    expectSameState(c.fake, before);
  });

  test('a user deletes the details sheet: a clear error, nothing written', () => {
    const c = withCanvas();
    const block = c.block('channels');
    c.fake.spreadsheet.deleteSheet(sheet(c, DETAILS));
    expectRejected(c, () => c.view(), /Insert Xiaomi canvas/);
    expectRejected(c, () => c.call('saveBlock', saveRequest(block)), /Insert Xiaomi canvas/);
  });
});

describe('rows inserted or deleted', () => {
  test('a user inserts rows above the canvas: entries are read and written in place', () => {
    const c = withCanvas();
    sheet(c, CANVAS).insertRowsBefore(1, 3);
    expect(c.view().blocks.map((b) => b.entries)).toEqual(allEntries());
    expectSaveWorks(c, 'revenue-streams');
  });

  test('a user inserts rows between the entries of a block: still read in order, saved in place', () => {
    const c = withCanvas();
    const area = areaOf(c, 'key-partners');
    sheet(c, CANVAS).insertRowsBefore(area.firstEntryRow + 2, 2);
    expect(c.block('key-partners').entries).toEqual(contentOf('key-partners').entries);
    const saved = expectSaveWorks(c, 'key-partners');
    expect(saved.entries[0]).toBe('Saved after the damage');
  });

  test('a user deletes an entry row of a block: that entry is gone, everything else intact', () => {
    const c = withCanvas();
    const area = areaOf(c, 'value-propositions');
    sheet(c, CANVAS).deleteRow(area.firstEntryRow + 1);
    const expected = contentOf('value-propositions').entries.filter((_, i) => i !== 1);
    expect(c.block('value-propositions').entries).toEqual(expected);
    expectSaveWorks(c, 'value-propositions');
  });

  test("a user deletes the top band's title row: a clear 'damaged' error, nothing written", () => {
    const c = withCanvas();
    const block = c.block('key-activities');
    sheet(c, CANVAS).deleteRow(areaOf(c, 'key-partners').titleRow);
    expectRejected(c, () => c.view(), DAMAGED);
    expectRejected(c, () => c.call('saveBlock', saveRequest(block, { entries: ['Mine'] })), DAMAGED);
  });

  test("a user deletes the bottom band's title row: a clear 'damaged' error, nothing written", () => {
    const c = withCanvas();
    const block = c.block('revenue-streams');
    sheet(c, CANVAS).deleteRow(areaOf(c, 'revenue-streams').titleRow);
    expectRejected(c, () => c.call('saveBlock', saveRequest(block, { entries: ['Mine'] })), DAMAGED);
  });

  test("a user clears the hidden marker column: a clear 'damaged' error, nothing written", () => {
    const c = withCanvas();
    const block = c.block('channels');
    const rows = c.fake.direct.values(CANVAS).length;
    sheet(c, CANVAS).getRange(1, 1, rows, 1).clearContent();
    expectRejected(c, () => c.call('saveBlock', saveRequest(block, { entries: ['Mine'] })), DAMAGED);
  });

  test('a user inserts rows inside a figures table of the details sheet: figures and Key Figures stay right', () => {
    const c = withCanvas();
    const row = figureRow(c, 'channels', 0);
    sheet(c, DETAILS).insertRowsBefore(row + 1, 2);
    expect(c.block('channels').figures.map((f) => f.label)).toEqual(contentOf('channels').figures.map((f) => f.label));
    expectKeyFiguresHealthy(c);
    c.call('refreshKeyFigures');
    expectKeyFiguresHealthy(c);
    expectSaveWorks(c, 'channels');
  });

  test('a user deletes the header rows of the canvas (title and tagline): everything still reads and saves', () => {
    const c = withCanvas();
    sheet(c, CANVAS).deleteRows(1, 3);
    c.fake.spreadsheet.setActiveSheet(sheet(c, 'Sheet1'));
    expect(c.view().blocks.map((b) => b.entries)).toEqual(allEntries());
    expectSaveWorks(c, 'key-resources');
  });

  test("a user deletes the closing row of a block's region in the details sheet: a clear error, nothing written", () => {
    const c = withCanvas();
    const block = c.block('channels');
    const end = c.fake.direct.values(DETAILS).findIndex((r) => r[0] === 'end:channels') + 1;
    sheet(c, DETAILS).deleteRow(end);
    expectRejected(c, () => c.view(), /Channels.*can no longer be found.*Insert Xiaomi canvas/);
    expectRejected(c, () => c.call('saveBlock', saveRequest(block, { entries: ['Mine'] })), /Insert Xiaomi canvas/);
  });

  test('a user deletes a figure row in the details sheet: Refresh Key Figures leaves no #REF! anywhere', () => {
    const c = withCanvas();
    const expected = contentOf('key-resources')
      .figures.filter((_, i) => i !== 2)
      .map((f) => f.label);
    sheet(c, DETAILS).deleteRow(figureRow(c, 'key-resources', 2));
    expect(c.block('key-resources').figures.map((f) => f.label)).toEqual(expected);
    c.call('refreshKeyFigures');
    expectKeyFiguresHealthy(c, figureCount - 1);
    expectSaveWorks(c, 'key-resources');
  });
});

describe('cells overwritten by hand', () => {
  test("a user overwrites a block's title cell: the block still reads and saves", () => {
    const c = withCanvas();
    const area = areaOf(c, 'key-partners');
    c.fake.direct.setCell(CANVAS, `B${area.titleRow}`, 'Our friends');
    const block = c.block('key-partners');
    expect(block.title).toBe('Key Partners');
    expect(block.entries).toEqual(contentOf('key-partners').entries);
    expectSaveWorks(c, 'key-partners');
  });

  test("a user clears a block's title and question cells: the block still reads and saves", () => {
    const c = withCanvas();
    const area = areaOf(c, 'channels');
    sheet(c, CANVAS).getRange(area.titleRow, area.column, 2, 1).clearContent();
    expect(c.block('channels').entries).toEqual(contentOf('channels').entries);
    expectSaveWorks(c, 'channels');
  });

  test('a user breaks every merge on the canvas: entries still read and save in the first column of each block', () => {
    const c = withCanvas();
    const rows = c.fake.direct.values(CANVAS).length;
    sheet(c, CANVAS).getRange(1, 1, rows, 11).breakApart();
    expect(c.fake.direct.merges(CANVAS)).toEqual([]);
    expect(c.view().blocks.map((b) => b.entries)).toEqual(allEntries());
    expectSaveWorks(c, 'key-activities');
    expectSaveWorks(c, 'cost-structure');
  });

  test('a teammate types a bullet in front of an entry: it reads without the bullet', () => {
    const c = withCanvas();
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 0), '•  Typed with a bullet');
    expect(c.block('channels').entries[0]).toBe('Typed with a bullet');
  });

  test('a teammate types a number into an entry cell: it reads back as the text shown', () => {
    const c = withCanvas();
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 0), '2024');
    expect(c.block('channels').entries[0]).toBe('2024');
    expectSaveWorks(c, 'channels');
  });

  // Reported to the lead: src/core/literal.ts cellText() turns a boolean cell into "true"/"false", while the cell
  // shows TRUE/FALSE, so the sidebar shows (and the next save writes back) different text than the canvas.
  test('a teammate types TRUE into an entry cell: it reads back as TRUE, the text the cell shows', () => {
    const c = withCanvas();
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 1), 'TRUE');
    expect(c.block('channels').entries[1]).toBe('TRUE');
  });

  test("a teammate types a new entry into a block's spare row: it appears in the sidebar", () => {
    const c = withCanvas();
    const count = contentOf('customer-segments').entries.length;
    c.fake.direct.setCell(CANVAS, entryCell(c, 'customer-segments', count), 'Added in the cell');
    expect(c.block('customer-segments').entries).toEqual([
      ...contentOf('customer-segments').entries,
      'Added in the cell',
    ]);
  });

  test('a teammate types a 1,500-character entry straight into a cell: the sidebar shows it, a save keeping it is refused by name', () => {
    const c = withCanvas();
    const long = 'y'.repeat(1500);
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 0), long);
    const block = c.block('channels');
    expect(block.entries[0]).toBe(long);
    expectRejected(
      c,
      () => c.call('saveBlock', saveRequest(block, { entries: [...block.entries, 'one more'] })),
      /^Invalid save request: entries\[0\] must be at most 1000 characters\.$/,
    );
    const trimmed = c.call<BlockView>(
      'saveBlock',
      saveRequest(block, { entries: ['shorter', ...block.entries.slice(1)] }),
    );
    expect(c.block('channels')).toEqual(trimmed);
  });

  test('a teammate types a formula into an entry cell: it reads as typed (or as its error text), and saving replaces it', () => {
    const c = withCanvas();
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 0), '=1/0');
    const block = c.block('channels');
    // Entry cells are plain text: the formula stays text (strict); the lenient reading makes it a formula.
    expect(block.entries[0]).toBe(defaultReading() === 'strict' ? '=1/0' : '#DIV/0!');
    c.call('saveBlock', saveRequest(block, { entries: ['fixed', ...block.entries.slice(1)] }));
    expect(
      c.fake.direct
        .formulas(CANVAS)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  test("a teammate types text into a figure's value cell: the canvas still loads and Key Figures shows no error value", () => {
    const c = withCanvas();
    const first = contentOf('revenue-streams').figures[0];
    c.fake.direct.setCell(DETAILS, `G${figureRow(c, 'revenue-streams', 0)}`, 'about forty');
    const figure = c.block('revenue-streams').figures[0];
    expect(figure.label).toBe(first.label);
    expect(figure.value).toBeNull(); // NaN on the server, null once it crossed to the sidebar as JSON
    expect(errorCells(c, FIGURES)).toEqual([]);
  });
});

describe('Key Figures deleted, flattened, or its settings cleared', () => {
  test('a user deletes Key Figures, then Refresh Key Figures recreates it fully linked with the default rate', () => {
    const c = withCanvas();
    const values = c.fake.direct.values(FIGURES);
    c.fake.spreadsheet.deleteSheet(sheet(c, FIGURES));
    c.call('refreshKeyFigures');
    expect(c.fake.direct.sheetNames()).toContain(FIGURES);
    expect(c.fake.direct.values(FIGURES)).toEqual(values);
    expectKeyFiguresHealthy(c);
  });

  test('a user deletes Key Figures, then saves a block from the sidebar: the save succeeds', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(sheet(c, FIGURES));
    expectSaveWorks(c, 'channels');
  });

  test('a user deletes Key Figures, then adds a figure from the sidebar: Key Figures comes back with every figure linked', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(sheet(c, FIGURES));
    const block = c.block('channels');
    c.call(
      'saveBlock',
      saveRequest(block, {
        figures: [...block.figures, { label: 'Added', value: 1, unit: 'USD bn', period: '2025 plan' }],
      }),
    );
    expectKeyFiguresHealthy(c, figureCount + 1);
  });

  test('a user overwrites every Key Figures formula with numbers, then Refresh restores the links', () => {
    const c = withCanvas();
    const formulas = c.fake.direct.formulas(FIGURES);
    const ks = sheet(c, FIGURES);
    ks.getRange(FIRST_FIGURE_ROW, 2, figureCount, 9).setValues(
      Array.from({ length: figureCount }, () => Array<number>(9).fill(7)),
    );
    expect(c.fake.direct.formulas(FIGURES)[FIRST_FIGURE][2]).toBe('');
    c.call('refreshKeyFigures');
    expect(c.fake.direct.formulas(FIGURES)).toEqual(formulas);
    expectKeyFiguresHealthy(c);
    // and the links are live again: a value edited in the details flows through
    c.fake.direct.setCell(DETAILS, `G${figureRow(c, 'key-partners', 0)}`, '123');
    expect(c.fake.direct.values(FIGURES)[FIRST_FIGURE][2]).toBe(123);
  });

  test.each([
    ['clears the rate cell', null, 'blank'],
    ['types text into the rate cell', 'about 0.14', 'blank'],
    ['types a rate of zero', '0', 'number'],
    ['types a negative rate', '-1', 'number'],
  ] as const)(
    'a user %s: USD bn of CNY figures is %s, USD figures keep theirs, no error value anywhere',
    (_does, input, cny) => {
      const c = withCanvas();
      c.fake.direct.setCell(FIGURES, 'B1', input);
      expect(errorsAnywhere(c)).toEqual([]);
      const rows = c.fake.direct.values(FIGURES).slice(FIRST_FIGURE, FIRST_FIGURE + figureCount);
      expect(rows.some((r) => r[3] === 'CNY bn')).toBe(true);
      for (const row of rows) {
        if (row[3] === 'USD bn' || row[3] === 'USD m') expect(typeof row[6]).toBe('number');
        if (row[3] === 'CNY bn' || row[3] === 'CNY m')
          expect(cny === 'blank' ? row[6] === '' : typeof row[6] === 'number').toBe(true);
        if (!['USD bn', 'USD m', 'CNY bn', 'CNY m'].includes(String(row[3]))) expect(row[6]).toBe('');
      }
    },
  );

  test('a user clears the conflict tolerance: Conflict shows blank, never an error value', () => {
    const c = withCanvas();
    c.fake.direct.setCell(FIGURES, 'B2', null);
    expect(errorsAnywhere(c)).toEqual([]);
    expect(
      c.fake.direct
        .values(FIGURES)
        .slice(FIRST_FIGURE)
        .map((r) => r[7])
        .filter((v) => v !== ''),
    ).toEqual([]);
  });

  test('a user renames Key Figures: Refresh updates that sheet instead of creating another', () => {
    const c = withCanvas();
    sheet(c, FIGURES).setName('Numbers');
    c.call('refreshKeyFigures');
    expect(c.fake.direct.sheetNames()).not.toContain(FIGURES);
    expectKeyFiguresHealthy(c, figureCount, 'Numbers');
  });

  test('a user renames the details sheet: Key Figures follows the rename and stays live', () => {
    const c = withCanvas();
    sheet(c, DETAILS).setName(`Alice's notes`);
    expectKeyFiguresHealthy(c);
    c.call('refreshKeyFigures');
    expectKeyFiguresHealthy(c);
    expect(c.fake.direct.formulas(FIGURES)[FIRST_FIGURE][2]).toMatch(/^='Alice''s notes'!G\d+$/);
    c.fake.direct.setCell(`Alice's notes`, `G${figureRow(c, 'key-partners', 0, `Alice's notes`)}`, '77');
    expect(c.fake.direct.values(FIGURES)[FIRST_FIGURE][2]).toBe(77);
    expectSaveWorks(c, 'key-partners');
  });
});

describe('named ranges removed', () => {
  const removeNames = (c: Canvas) => {
    for (const named of c.fake.spreadsheet.getNamedRanges()) named.remove();
    expect(c.fake.spreadsheet.getNamedRanges()).toHaveLength(0);
  };

  test('a user removes every named range: getCanvas, saveBlock, selectBlock and the sidebar keep working', () => {
    const c = withCanvas();
    removeNames(c);
    expect(c.view().blocks.map((b) => b.entries)).toEqual(allEntries());
    expectSaveWorks(c, 'channels');
    c.call('selectBlock', 'channels');
    expect(c.fake.direct.activeRange()).toMatch(/^Xiaomi Canvas!/);
    c.call('showCanvasSidebar');
    expect(c.fake.ui.sidebars.at(-1)!.html).toContain('"canvas"');
  });

  test('a user removes every named range: Refresh Key Figures puts them all back', () => {
    const c = withCanvas();
    const names = c.fake.direct
      .namedRanges()
      .map((n) => n.name)
      .sort();
    removeNames(c);
    c.call('refreshKeyFigures');
    expect(
      c.fake.direct
        .namedRanges()
        .map((n) => n.name)
        .sort(),
    ).toEqual(names);
    expectKeyFiguresHealthy(c);
  });

  test('a user removes every named range and renames all three sheets: still found by their hidden markers', () => {
    const c = withCanvas();
    removeNames(c);
    sheet(c, CANVAS).setName('A');
    sheet(c, DETAILS).setName('B');
    sheet(c, FIGURES).setName('C');
    expect(c.view().sheetName).toBe('A');
    expectSaveWorks(c, 'key-resources');
    c.call('refreshKeyFigures');
    expect(c.fake.direct.sheetNames()).toEqual([
      'Sheet1',
      'A',
      'B',
      'C',
      'Reported Results',
      'Xiaomi in Numbers',
      'Assumptions',
    ]);
    expectKeyFiguresHealthy(c, figureCount, 'C');
  });

  test('a user removes every named range and deletes Key Figures: Refresh recreates it and the names', () => {
    const c = withCanvas();
    removeNames(c);
    c.fake.spreadsheet.deleteSheet(sheet(c, FIGURES));
    c.call('refreshKeyFigures');
    expectKeyFiguresHealthy(c);
    expect(c.fake.spreadsheet.getRangeByName('XiaomiCanvas_KeyFigures')).not.toBeNull();
    expect(c.fake.spreadsheet.getRangeByName('XiaomiCanvas_Rate')!.getValue()).toBe(0.14);
  });
});

describe('where the user is', () => {
  test('a user has a sheet of their own called "Xiaomi Canvas" and no canvas: a clear error; Insert asks, and YES adds one beside it', () => {
    const c = withCanvas();
    for (const name of [CANVAS, DETAILS, FIGURES]) c.fake.spreadsheet.deleteSheet(sheet(c, name));
    for (const named of c.fake.spreadsheet.getNamedRanges()) named.remove();
    sheet(c, 'Sheet1').setName(CANVAS);
    c.fake.direct.setCell(CANVAS, 'A1', 'My own notes');
    const theirs = JSON.stringify(c.state().sheets[0]);
    expectRejected(c, () => c.view(), NO_CANVAS);
    c.fake.ui.alertResponses.push('YES');
    c.call('insertXiaomiCanvas');
    expect(c.fake.ui.alertResponses).toEqual([]);
    expect(JSON.stringify(c.state().sheets[0])).toBe(theirs);
    expect(c.view().sheetName).toBe(`${CANVAS} (2)`);
  });

  test('a user has the details sheet active: the sidebar works on its canvas', () => {
    const c = withCanvas();
    c.fake.spreadsheet.setActiveSheet(sheet(c, DETAILS));
    expect(c.view().sheetName).toBe(CANVAS);
  });

  test('an error from getCanvas is a plain one-line message, never a stack or an internal name', () => {
    const c = withCanvas();
    c.fake.spreadsheet.deleteSheet(sheet(c, CANVAS));
    expectClearError(
      thrown(() => c.call<CanvasView>('getCanvas')),
      NO_CANVAS,
    );
  });
});
