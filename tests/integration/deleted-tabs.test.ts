import { createFakeGoogle } from '../../emulator';
import type { CanvasView } from '../../src/core/view';
import { loadBundle, sidebarFile } from '../support/bundle';
import { thrown } from '../support/thrown';

/** Deleted tabs (issue 17, item 2) under both readings of what Sheets does with a deleted sheet's names. */

const FIGURES = 'Key Figures';
const REPORTED = 'Reported Results';
const ERROR = /^#(ERROR!|VALUE!|REF!|NAME\?|N\/A|DIV\/0!)$/;

const errorsIn = (values: unknown[][]) => values.flat().filter((v) => ERROR.test(String(v)));

describe.each(['kept', 'dropped'] as const)('Deleted tabs, names of deleted sheets %s', (deletedSheetNames) => {
  function ready() {
    const fake = createFakeGoogle({ files: { Sidebar: sidebarFile() }, readings: { deletedSheetNames } });
    const b = loadBundle({ fake });
    b.call('insertXiaomiCanvas');
    return b;
  }
  type Bundle = ReturnType<typeof ready>;
  const deleteSheet = (b: Bundle, name: string) =>
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(name)!);
  const reportedNumbers = (b: Bundle) =>
    b.fake.direct
      .values(FIGURES)
      .slice(1)
      .filter((r) => typeof r[10] === 'number').length;

  test('the in-memory Sheets models the reading', () => {
    const b = ready();
    const before = b.fake.spreadsheet.getNamedRanges().length;
    deleteSheet(b, REPORTED);
    const listed = b.fake.spreadsheet.getNamedRanges().map((n) => n.getName());
    expect(listed.includes('XiaomiCanvas_ReportedResults')).toBe(deletedSheetNames === 'kept');
    expect(listed).toHaveLength(deletedSheetNames === 'kept' ? before : before - 1);
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_ReportedResults')).toBeNull();
    const sheet = b.fake.spreadsheet.getSheets()[0];
    const reuse = () => b.fake.spreadsheet.setNamedRange('XiaomiCanvas_ReportedResults', sheet.getRange('A1'));
    if (deletedSheetNames === 'kept') expect(thrown(reuse)).toMatch(/already exists/);
    else expect(reuse).not.toThrow();
  });

  test('Refresh recreates a deleted Reported Results under its own name, every formula computing', () => {
    const b = ready();
    const computed = reportedNumbers(b);
    deleteSheet(b, REPORTED);
    b.call('refreshKeyFigures');
    expect(b.fake.ui.alerts).toEqual([]);
    expect(b.fake.direct.sheetNames()).toContain(REPORTED);
    expect(errorsIn(b.fake.direct.values(FIGURES))).toEqual([]);
    expect(reportedNumbers(b)).toBe(computed);
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_ReportedResults')!.getSheet().getName()).toBe(REPORTED);
  });

  test('Refresh recreates both Key Figures and Reported Results, under their own names', () => {
    const b = ready();
    const values = b.fake.direct.values(FIGURES);
    deleteSheet(b, FIGURES);
    deleteSheet(b, REPORTED);
    b.call('refreshKeyFigures');
    expect(b.fake.ui.alerts).toEqual([]);
    expect(b.fake.direct.sheetNames()).toEqual(expect.arrayContaining([FIGURES, REPORTED]));
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
    expect(errorsIn(b.fake.direct.values(FIGURES))).toEqual([]);
  });

  test('a deleted canvas is gone: the other keeps working, is the only one listed, and opening it by id says so', () => {
    const b = ready();
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    const both = b.call<CanvasView>('getCanvas', { canvasId: 'canvas-2' });
    expect(both.canvases).toHaveLength(2);
    deleteSheet(b, 'Xiaomi Canvas (2)');
    b.fake.spreadsheet.getSheetByName('Xiaomi Canvas')!.activate();
    const view = b.call<CanvasView>('getCanvas', { canvasId: 'canvas-1' });
    expect(view.canvases.map((c) => c.canvasId)).toEqual(['canvas-1']);
    expect(b.call<CanvasView>('getCanvas').canvasId).toBe('canvas-1');
    b.fake.spreadsheet.getSheetByName('Xiaomi Details (2)')!.activate();
    expect(b.call<CanvasView>('getCanvas').canvasId).toBe('canvas-1');
    const error = thrown(() => b.call('getCanvas', { canvasId: 'canvas-2' }));
    expect(error).toMatch(/no longer in this spreadsheet/);
    expect(error.split('\n')).toHaveLength(1);
  });

  test('after every canvas tab is deleted, Insert gives a working canvas and sidebar', () => {
    const b = ready();
    for (const name of ['Xiaomi Canvas', 'Xiaomi Details', FIGURES, REPORTED]) deleteSheet(b, name);
    expect(thrown(() => b.call('getCanvas'))).toMatch(/no Xiaomi canvas/);
    b.call('insertXiaomiCanvas');
    expect(b.fake.ui.alerts).toEqual([]);
    expect(b.fake.direct.sheetNames()).toEqual(expect.arrayContaining(['Xiaomi Canvas', 'Xiaomi Details', FIGURES]));
    const view = b.call<CanvasView>('getCanvas');
    expect(view.sheetName).toBe('Xiaomi Canvas');
    expect(view.canvases).toHaveLength(1);
    expect(errorsIn(b.fake.direct.values(FIGURES))).toEqual([]);
  });

  test('after only the canvas tab is deleted, Insert adds a new canvas and the sidebar opens it', () => {
    const b = ready();
    deleteSheet(b, 'Xiaomi Canvas');
    b.call('insertXiaomiCanvas');
    const view = b.call<CanvasView>('getCanvas');
    expect(view.canvases).toHaveLength(1);
    expect(view.blocks).toHaveLength(9);
  });

  test('a deleted snapshot sheet: the next snapshot creates it again', () => {
    const b = ready();
    b.call('saveSnapshot', { label: 'one' });
    deleteSheet(b, 'Canvas Snapshots');
    b.call('saveSnapshot', { label: 'two' });
    expect(b.call<Array<{ label: string }>>('listSnapshots', {}).map((s) => s.label)).toEqual(['two']);
  });
});
