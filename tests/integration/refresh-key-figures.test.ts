import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import type { CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { CONTENT } from '../support/content';

const FIGURES = 'Key Figures';
const figureCount = CONTENT.blocks.reduce((n, b) => n + b.figures.length, 0);

function ready() {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  return bundle;
}

describe('Refresh Key Figures', () => {
  test('restores links a user overwrote with numbers, keeping the rate the user set', () => {
    const b = ready();
    const before = b.fake.direct.formulas(FIGURES);
    b.fake.direct.setCell(FIGURES, `C${FIRST_FIGURE_ROW}`, '999');
    b.fake.direct.setCell(FIGURES, `G${FIRST_FIGURE_ROW + 1}`, '1');
    b.fake.direct.setCell(FIGURES, 'B1', '0.15');
    b.call('refreshKeyFigures');
    expect(b.fake.direct.formulas(FIGURES)).toEqual(before);
    expect(b.fake.direct.values(FIGURES)[0][1]).toBe(0.15);
    expect(b.fake.ui.toasts.at(-1)!.message).toMatch(new RegExp(`${figureCount} figures`));
  });

  test('recreates Key Figures when the sheet was deleted', () => {
    const b = ready();
    const values = b.fake.direct.values(FIGURES);
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(FIGURES)!);
    b.call('refreshKeyFigures');
    expect(b.fake.direct.sheetNames()).toContain(FIGURES);
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
  });

  test('re-links to where figures moved after rows were inserted in the details sheet', () => {
    const b = ready();
    const details = b.fake.spreadsheet.getSheetByName('Xiaomi Details')!;
    details.insertRowsBefore(5, 3);
    const values = b.fake.direct.values(FIGURES);
    b.call('refreshKeyFigures');
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
    expect(b.fake.direct.formulas(FIGURES)[FIRST_FIGURE_ROW - 1][2]).toMatch(/^='Xiaomi Details'!G\d+$/);
  });

  test('with the named ranges removed, the canvas still works and Refresh puts the names back', () => {
    const b = ready();
    for (const named of b.fake.spreadsheet.getNamedRanges()) named.remove();
    const view = b.call<CanvasView>('getCanvas');
    expect(view.blocks.map((x) => x.entries)).toEqual(CONTENT.blocks.map((x) => x.entries));
    b.call('refreshKeyFigures');
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_KeyPartners')!.getValues()[0][0]).toBe('Key Partners');
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Details_RevenueStreams')!.getValues()[0][0]).toBe(
      'Revenue Streams',
    );
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_KeyFigures')).not.toBeNull();
  });

  test('without a canvas, explains in a dialog what to do', () => {
    const b = loadBundle();
    b.call('refreshKeyFigures');
    expect(b.fake.ui.alerts.at(-1)!.prompt).toMatch(/Insert Xiaomi canvas/);
  });
});

describe('renamed sheets', () => {
  test('Key Figures follows a details sheet renamed with an apostrophe, live and after Refresh', () => {
    const b = ready();
    const values = b.fake.direct.values(FIGURES);
    b.fake.spreadsheet.getSheetByName('Xiaomi Details')!.setName("Bob's details (final)");
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
    b.call('refreshKeyFigures');
    expect(b.fake.direct.formulas(FIGURES)[FIRST_FIGURE_ROW - 1][2]).toMatch(/^='Bob''s details \(final\)'!G\d+$/);
    expect(b.fake.direct.values(FIGURES)).toEqual(values);
  });
});
