import { createFakeGoogle } from '../../emulator';

function setup() {
  const fake = createFakeGoogle();
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { fake, ss, sheet, SpreadsheetApp: fake.globals.SpreadsheetApp };
}

describe('fake-sheets Sheet dimensions and data range', () => {
  test('a new spreadsheet has Sheet1 with 1000 rows and 26 columns; so do new sheets', () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const added = ss.insertSheet('Other');
    expect([added.getMaxRows(), added.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('getLastRow/getLastColumn/getDataRange count values and formulas, not formats or notes', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('Z900').setBackground('#ff0000').setNote('note');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setFormula('=1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    expect(sheet.getSheetValues(5, 3, 1, 1)).toEqual([['x']]);
  });
});

describe('fake-sheets inserting and deleting rows', () => {
  test('insertRowsBefore shifts cells, formats, merges, named ranges and formula references in every sheet', () => {
    const { fake, ss, sheet } = setup();
    sheet.getRange('A5:B5').setValues([['five', 5]]);
    sheet.getRange('A5:B5').setBackground('#ff0000');
    sheet.getRange('D5:E5').mergeAcross();
    sheet.getRange('C1').setFormula('=B5*2');
    sheet.getRange('C2').setFormula('=SUM(B3:B7)');
    ss.setNamedRange('Block', sheet.getRange('A4:B6'));
    const other = ss.insertSheet('Key Figures');
    other.getRange('A1').setFormula('=Sheet1!B5');
    sheet.insertRowsBefore(5, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A7:B7').getValues()).toEqual([['five', 5]]);
    expect(sheet.getRange('A5:B6').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('C1').getFormula()).toBe('=B7*2');
    expect(sheet.getRange('C2').getFormula()).toBe('=SUM(B3:B9)');
    expect(other.getRange('A1').getFormula()).toBe('=Sheet1!B7');
    expect(other.getRange('A1').getValue()).toBe(5);
    expect(sheet.getRange('A7:B7').getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(fake.direct.merges('Sheet1')).toEqual(['D7:E7']);
    expect(ss.getRangeByName('Block')!.getA1Notation()).toBe('A4:B8');
  });

  test('new rows copy the formats (not values, notes or merges) and height of the neighbouring row', () => {
    const { fake, sheet } = setup();
    sheet
      .getRange('A5:B5')
      .setValues([['x', 'y']])
      .setBackground('#00ff00')
      .setNote('n')
      .mergeAcross();
    sheet.setRowHeight(5, 40);
    sheet.insertRowsBefore(5, 1);
    expect(sheet.getRange('A5:B5').getBackgrounds()).toEqual([['#00ff00', '#00ff00']]);
    expect(sheet.getRange('A5:B5').getValues()).toEqual([['', '']]);
    expect(sheet.getRange('A5').getNote()).toBe('');
    expect(sheet.getRowHeight(5)).toBe(40);
    expect(fake.direct.merges('Sheet1')).toEqual(['A6:B6']);
    sheet.insertRowsAfter(6, 2);
    expect(sheet.getRange('A7:A8').getBackgrounds()).toEqual([['#00ff00'], ['#00ff00']]);
    expect(sheet.getRange('A9').getBackground()).toBe('#ffffff');
    expect(sheet.getRowHeight(8)).toBe(40);
    expect(fake.direct.merges('Sheet1')).toEqual(['A6:B6']);
  });

  test('a merge or named range spanning the insertion point grows; one ending just before it does not', () => {
    const { fake, ss, sheet } = setup();
    sheet.getRange('A2:A4').mergeVertically();
    ss.setNamedRange('Spanning', sheet.getRange('B2:B4'));
    ss.setNamedRange('Before', sheet.getRange('C1:C2'));
    sheet.insertRowsBefore(3, 1);
    expect(fake.direct.merges('Sheet1')).toEqual(['A2:A5']);
    expect(ss.getRangeByName('Spanning')!.getA1Notation()).toBe('B2:B5');
    sheet.insertRowsAfter(2, 1);
    expect(ss.getRangeByName('Before')!.getA1Notation()).toBe('C1:C2');
  });

  test('deleteRows shifts up, shrinks ranges and turns references to deleted cells into #REF!', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B1:B10').setValues([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]]);
    sheet.getRange('C1').setFormula('=B5');
    sheet.getRange('C2').setFormula('=SUM(B3:B8)');
    sheet.getRange('C3').setFormula('=B10');
    ss.setNamedRange('Gone', sheet.getRange('D5:D6'));
    ss.setNamedRange('Shrinks', sheet.getRange('D4:D7'));
    sheet.deleteRows(5, 2);
    expect(sheet.getMaxRows()).toBe(998);
    expect(sheet.getRange('C1').getFormula()).toBe('=#REF!');
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('#REF!');
    expect(sheet.getRange('C2').getFormula()).toBe('=SUM(B3:B6)');
    expect(sheet.getRange('C2').getValue()).toBe(3 + 4 + 7 + 8);
    expect(sheet.getRange('C3').getFormula()).toBe('=B8');
    expect(ss.getRangeByName('Gone')).toBeNull();
    // Kept as #REF! under the strict reading (deletedSheetNames: 'kept'), listed but without a range
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Gone', 'Shrinks']);
    expect(ss.getRangeByName('Shrinks')!.getA1Notation()).toBe('D4:D5');
  });

  test('deleting rows inside a merge shrinks it, and a merge reduced to one cell disappears', () => {
    const { fake, sheet } = setup();
    sheet.getRange('A2:A5').mergeVertically();
    sheet.getRange('B2:B3').mergeVertically();
    sheet.deleteRow(3);
    expect(fake.direct.merges('Sheet1')).toEqual(['A2:A4']);
  });

  test('row bounds are checked like Apps Script', () => {
    const { sheet } = setup();
    expect(() => sheet.insertRowsBefore(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
  });

  test('inserting rows inside the frozen area grows it', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(2);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getFrozenRows()).toBe(3);
    sheet.insertRowsAfter(10, 1);
    expect(sheet.getFrozenRows()).toBe(3);
  });

  test('columns: insert and delete shift formula references, widths and merges', () => {
    const { fake, sheet } = setup();
    sheet.getRange('C1').setValue(3);
    sheet.getRange('A2').setFormula('=C1+SUM(B1:D1)');
    sheet.setColumnWidth(3, 150);
    sheet.getRange('C3:D3').merge();
    sheet.insertColumnsBefore(2, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A2').getFormula()).toBe('=E1+SUM(D1:F1)');
    expect(sheet.getRange('E1').getValue()).toBe(3);
    expect(sheet.getColumnWidth(5)).toBe(150);
    expect(fake.direct.merges('Sheet1')).toEqual(['E3:F3']);
    sheet.deleteColumns(5, 1);
    expect(sheet.getRange('A2').getFormula()).toBe('=#REF!+SUM(D1:E1)');
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A2').getFormula()).toBe('=#REF!+SUM(E1:F1)');
    expect(() => sheet.deleteColumns(1, 28)).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
  });
});

describe('fake-sheets sizes, visibility, freezing and protection', () => {
  test('column widths default to 100 and row heights to 21', () => {
    const { sheet } = setup();
    expect(sheet.getColumnWidth(1)).toBe(100);
    expect(sheet.getRowHeight(1)).toBe(21);
    sheet.setColumnWidths(2, 3, 120);
    sheet.setRowHeights(2, 2, 30);
    sheet.setRowHeightsForced(5, 1, 60);
    expect([2, 3, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([120, 120, 120, 100]);
    expect([2, 3, 4, 5].map((r) => sheet.getRowHeight(r))).toEqual([30, 30, 21, 60]);
  });

  test('hidden columns/rows, gridlines, frozen panes, tab colour and sheet visibility', () => {
    const { ss, sheet } = setup();
    sheet.hideColumns(1);
    sheet.hideColumns(3, 2);
    expect([1, 2, 3, 4, 5].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([true, false, true, true, false]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    sheet.hideRows(2, 2);
    expect(sheet.isRowHiddenByUser(3)).toBe(true);
    expect(sheet.hasHiddenGridlines()).toBe(false);
    sheet.setHiddenGridlines(true);
    expect(sheet.hasHiddenGridlines()).toBe(true);
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([2, 1]);
    sheet.setTabColor('#FF0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const other = ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
    void other;
  });

  test('protect(): warning-only protections with a description, listed by type', () => {
    const { ss, sheet, SpreadsheetApp } = setup();
    const p = sheet.protect().setDescription('Snapshots').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getDescription()).toBe('Snapshots');
    expect(p.canEdit()).toBe(true);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.protect().getDescription()).toBe('Snapshots');
    const rp = sheet.getRange('A1:B2').protect();
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((x) => x.getRange().getA1Notation())).toEqual([
      'A1:B2',
    ]);
    rp.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('clear() empties the sheet of content and formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(1).setBackground('#ff0000');
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    sheet.getRange('A1').setValue(1).setBackground('#ff0000');
    sheet.clearContents();
    expect(sheet.getRange('A1').getBackground()).toBe('#ff0000');
    sheet.clearFormats();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });
});
