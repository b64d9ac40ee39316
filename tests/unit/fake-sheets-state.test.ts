import { createFakeGoogle, loadFakeGoogle } from '../../emulator';

function populated() {
  const fake = createFakeGoogle({ spreadsheetName: 'Round trip' });
  const ss = fake.spreadsheet;
  const s1 = ss.getSheets()[0];
  const s2 = ss.insertSheet('Key Figures');
  s1.getRange('A1:D2').setValues([
    ['text', 12.5, true, new Date('2024-01-05T00:00:00Z')],
    ["'=literal", '=B1*2', '', '-x'],
  ]);
  s1.getRange('A1:B1').setBackground('#ff0000').setFontWeight('bold').setNumberFormat('#,##0.00');
  s1.getRange('A3:C3').mergeAcross();
  s1.getRange('A1').setNote('note');
  s1.getRange('B2:C3').setBorder(
    true,
    true,
    true,
    true,
    true,
    true,
    '#cccccc',
    fake.globals.SpreadsheetApp.BorderStyle.SOLID,
  );
  s1.setColumnWidth(2, 150).setRowHeight(3, 40).setHiddenGridlines(true).setTabColor('#00ff00');
  s1.hideColumns(1);
  s1.setFrozenRows(1);
  s1.protect().setWarningOnly(true).setDescription('keep');
  s2.getRange('A1').setFormula('=Sheet1!B1+1');
  ss.setNamedRange('Rate', s2.getRange('M1'));
  s2.getRange('B2:C3').activate();
  return fake;
}

describe('fake-sheets state', () => {
  test('toJSON/loadFakeGoogle round-trips exactly, through JSON text too', () => {
    const fake = populated();
    const json = fake.toJSON();
    const text = JSON.stringify(json);
    const restored = loadFakeGoogle(JSON.parse(text));
    expect(restored.toJSON()).toEqual(json);
    expect(restored.direct.documentState()).toEqual(fake.direct.documentState());
    expect(loadFakeGoogle(text).toJSON()).toEqual(json);
    expect(restored.direct.activeRange()).toBe('Key Figures!B2:C3');
    const v = restored.spreadsheet.getSheetByName('Sheet1')!.getRange('D1').getValue() as unknown;
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).toISOString()).toBe('2024-01-05T00:00:00.000Z');
    expect(restored.direct.evaluate('Key Figures', 'A1')).toBe(13.5);
    // the restored fake keeps working (ids do not collide)
    const added = restored.spreadsheet.insertSheet('New');
    expect(restored.spreadsheet.getSheets().map((s) => s.getSheetId())).toEqual([0, 1, added.getSheetId()]);
    expect(added.getSheetId()).toBe(2);
  });

  test('documentState holds the document content, not the selection or UI logs', () => {
    const fake = populated();
    const before = fake.direct.documentState();
    fake.spreadsheet.getSheets()[0].activate();
    fake.spreadsheet.toast('hello');
    fake.globals.SpreadsheetApp.getUi().alert('hi');
    expect(fake.direct.documentState()).toEqual(before);
    fake.spreadsheet.getSheets()[0].getRange('Z99').setValue('x');
    expect(fake.direct.documentState()).not.toEqual(before);
  });

  test('documentState is a deep copy', () => {
    const fake = populated();
    const state = fake.direct.documentState() as unknown as {
      sheets: Array<{ cells: Record<string, { v?: unknown }> }>;
    };
    state.sheets[0].cells.A1.v = 'changed';
    expect(fake.direct.cell('Sheet1', 'A1').value).toBe('text');
  });

  test('documentState covers cells, formats, merges, sizes, visibility, protections and named ranges', () => {
    const state = populated().direct.documentState();
    const s1 = state.sheets[0];
    expect(s1).toMatchObject({
      id: 0,
      name: 'Sheet1',
      maxRows: 1000,
      maxColumns: 26,
      columnWidths: { '2': 150 },
      rowHeights: { '3': 40 },
      hiddenColumns: [1],
      gridlinesHidden: true,
      frozenRows: 1,
      tabColor: '#00ff00',
      merges: ['A3:C3'],
      protections: [{ type: 'SHEET', description: 'keep', warningOnly: true }],
    });
    expect(s1.cells.A1).toEqual({
      v: 'text',
      note: 'note',
      fmt: { background: '#ff0000', fontWeight: 'bold', numberFormat: '#,##0.00' },
    });
    expect(s1.cells.D1).toEqual({ v: { date: '2024-01-05T00:00:00.000Z' }, fmt: { numberFormat: 'M/d/yyyy H:mm:ss' } });
    expect(s1.cells.B2).toMatchObject({ f: '=B1*2' });
    expect(state.namedRanges).toEqual([{ name: 'Rate', sheetId: 1, range: 'M1', valid: true }]);
  });

  test('a corrupt state is rejected with a clear error', () => {
    expect(() => loadFakeGoogle({})).toThrow(/Invalid fake-sheets state/);
    expect(() => loadFakeGoogle('{"format":"fake-sheets/1","document":{"sheets":[]}}')).toThrow(/non-empty/);
    expect(() => loadFakeGoogle('not json')).toThrow();
  });

  test('model() gives renderers everything they draw', () => {
    const fake = populated();
    const model = fake.model();
    expect(model.activeSheet).toBe('Key Figures');
    const s1 = model.sheets[0];
    expect(s1.columnWidths).toHaveLength(26);
    expect(s1.columnWidths.slice(0, 3)).toEqual([100, 150, 100]);
    expect(s1.rowHeights).toHaveLength(1000);
    expect(s1.rowHeights.slice(0, 3)).toEqual([undefined, undefined, 40]);
    expect(s1.hiddenColumns).toEqual([1]);
    expect(s1.gridlinesHidden).toBe(true);
    expect(s1.merges).toEqual([{ a1: 'A3:C3', row: 3, column: 1, numRows: 1, numColumns: 3 }]);
    const b1 = s1.cells.find((c) => c.a1 === 'B1')!;
    expect(b1).toMatchObject({ value: 12.5, computed: 12.5, display: '12.50' });
    expect(b1.format).toMatchObject({ background: '#ff0000', fontWeight: 'bold', fontSize: 10, wrap: false });
    const b2 = s1.cells.find((c) => c.a1 === 'B2')!;
    expect(b2).toMatchObject({ formula: '=B1*2', computed: 25, display: '25' });
    expect(b2.format.borders.top).toEqual({ color: '#cccccc', style: 'SOLID' });
    const d2 = s1.cells.find((c) => c.a1 === 'D2')!;
    expect(d2).toMatchObject({ formula: '=-x', computed: '#NAME?', error: '#NAME?' });
    expect(model.namedRanges).toEqual([
      { name: 'Rate', sheet: 'Key Figures', a1: 'M1', row: 1, column: 13, numRows: 1, numColumns: 1 },
    ]);
  });
});
