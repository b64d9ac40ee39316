import { createFakeGoogle } from '../../emulator';
import { formulaWriteLocale } from '../../src/core/formula';
import type { BlockView, CanvasView, Figure } from '../../src/core/view';
import { loadBundle, sidebarFile } from '../support/bundle';

const FIGURES = 'Key Figures';
const ERROR = /^#(ERROR!|VALUE!|REF!|NAME\?|N\/A|DIV\/0!)$/;

/** Key Figures' computed cells: no error anywhere, and the columns that convert and compare hold numbers. */
function expectKeyFiguresComputed(values: unknown[][]) {
  const errors = values.flatMap((row, r) =>
    row.flatMap((v, c) => (ERROR.test(String(v)) ? [`R${r + 1}C${c + 1}`] : [])),
  );
  expect(errors).toEqual([]);
  const rows = values.slice(1).filter((r) => r[1] !== '');
  expect(rows.filter((r) => typeof r[6] === 'number').length).toBeGreaterThan(10); // USD bn
  expect(rows.filter((r) => typeof r[10] === 'number').length).toBeGreaterThan(5); // Reported
  expect(rows.filter((r) => typeof r[11] === 'number').length).toBeGreaterThan(5); // Vs reported
}

function bundleIn(locale: string, reading: 'strict' | 'lenient') {
  return loadBundle({ fake: createFakeGoogle({ files: { Sidebar: sidebarFile() }, locale, reading }) });
}

describe.each(['strict', 'lenient'] as const)('Every locale, formulas parsed the %s way', (reading) => {
  test.each(['de_DE', 'pt_BR', 'id_ID', 'en_IN'])(
    '%s: insert, save (figures move) and Refresh compute every formula; the locale stays',
    (locale) => {
      const b = bundleIn(locale, reading);
      // Each operation switches to en_US and back once, however many sheets' formulas it writes.
      const switches = formulaWriteLocale(locale) === null ? 0 : 2;
      const switched = () => b.fake.stats.byMethod['Spreadsheet.setSpreadsheetLocale'] ?? 0;
      b.call('insertXiaomiCanvas');
      expect(switched()).toBe(switches);
      expect(b.fake.spreadsheet.getSpreadsheetLocale()).toBe(locale);
      expectKeyFiguresComputed(b.fake.direct.values(FIGURES));

      const block = b.call<BlockView>('getBlock', { blockId: 'revenue-streams' });
      const extra: Figure = {
        label: 'EV revenue',
        value: 30,
        unit: 'CNY bn',
        period: '2025 plan',
        metric: 'ev-revenue',
      };
      b.fake.resetStats();
      b.call('saveBlock', {
        blockId: block.id,
        version: block.version,
        entries: block.entries,
        figures: [extra, ...block.figures],
      });
      expect(switched()).toBe(switches);
      expect(b.fake.spreadsheet.getSpreadsheetLocale()).toBe(locale);
      const saved = b.fake.direct.values(FIGURES);
      expectKeyFiguresComputed(saved);
      expect(saved.find((r) => r[1] === 'EV revenue')![6]).toBeCloseTo(4.2, 6);

      b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(FIGURES)!);
      b.fake.resetStats();
      b.call('refreshKeyFigures');
      expect(switched()).toBe(switches);
      expect(b.fake.spreadsheet.getSpreadsheetLocale()).toBe(locale);
      expectKeyFiguresComputed(b.fake.direct.values(FIGURES));
      expect(b.call<CanvasView>('getCanvas').blocks).toHaveLength(9);
    },
  );

  test('a failure while formulas are written puts the locale back', () => {
    const b = bundleIn('de_DE', reading);
    b.call('insertXiaomiCanvas');
    b.fake.failNext('Range.setValues', 'Service Spreadsheets timed out while accessing document with id x.');
    const alerts = b.fake.ui.alerts.length;
    b.call('refreshKeyFigures'); // a menu item: the failure is told in a dialog
    expect(b.fake.ui.alerts.length).toBe(alerts + 1);
    expect(b.fake.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
    b.call('refreshKeyFigures');
    expectKeyFiguresComputed(b.fake.direct.values(FIGURES));
  });
});

describe('The in-memory Sheets models both readings of formula parsing', () => {
  test('by locale (strict): an en_US formula written in de_DE is #ERROR!, the locale’s own syntax computes', () => {
    const fake = createFakeGoogle({ locale: 'de_DE', reading: 'strict' });
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['=IF(1,2,3)', '=IF(1;2,5;3)']]);
    expect(fake.direct.values('Sheet1')[0].slice(0, 2)).toEqual(['#ERROR!', 2.5]);
    expect(sheet.getRange('B1').getFormula()).toBe('=IF(1;2,5;3)');
  });

  test('always en_US (lenient): the same en_US formula computes in de_DE', () => {
    const fake = createFakeGoogle({ locale: 'de_DE', reading: 'lenient' });
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue('=IF(1,2,3)');
    expect(fake.direct.values('Sheet1')[0][0]).toBe(2);
  });

  test('switching the locale keeps what stored formulas mean', () => {
    const fake = createFakeGoogle({ locale: 'en_US', reading: 'strict' });
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue('=IF(1,2.5,3)');
    fake.spreadsheet.setSpreadsheetLocale('pt_BR');
    expect(fake.direct.values('Sheet1')[0][0]).toBe(2.5);
    expect(sheet.getRange('A1').getFormula()).toBe('=IF(1;2,5;3)');
  });
});
