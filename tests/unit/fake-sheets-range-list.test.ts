import { createFakeGoogle } from '../../emulator';

function setup() {
  const fake = createFakeGoogle();
  const sheet = fake.spreadsheet.getSheets()[0];
  return { fake, sheet, SpreadsheetApp: fake.globals.SpreadsheetApp };
}

describe('fake-sheets RangeList', () => {
  test('applies formats, borders, values and clearing to every range with one call', () => {
    const { fake, sheet, SpreadsheetApp } = setup();
    const list = sheet.getRangeList(['A1:B1', 'D3']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1', 'D3']);
    list
      .setBackground('#eeeeee')
      .setFontWeight('bold')
      .setFontColor('#333333')
      .setFontSize(12)
      .setFontStyle('italic')
      .setWrap(true)
      .setVerticalAlignment('top')
      .setHorizontalAlignment('center')
      .setNumberFormat('0.0')
      .setBorder(true, true, true, true, null, null, '#999999', SpreadsheetApp.BorderStyle.SOLID_MEDIUM)
      .setValue('3');
    for (const a1 of ['A1', 'B1', 'D3']) {
      const c = fake.direct.cell('Sheet1', a1);
      expect(c).toMatchObject({ value: 3, display: '3.0' });
      expect(c.format).toMatchObject({
        background: '#eeeeee',
        fontWeight: 'bold',
        fontColor: '#333333',
        fontSize: 12,
        fontStyle: 'italic',
        wrap: true,
        verticalAlignment: 'top',
        horizontalAlignment: 'center',
      });
      expect(c.format.borders.top).toEqual({ color: '#999999', style: 'SOLID_MEDIUM' });
    }
    expect(fake.direct.cell('Sheet1', 'C1').format.background).toBe('#ffffff');
    list.clearContent();
    expect(sheet.getLastRow()).toBe(0);
    list.clearFormat();
    expect(fake.direct.cell('Sheet1', 'A1').format.background).toBe('#ffffff');
  });

  test('breakApart over several ranges; one call counts once', () => {
    const { fake, sheet } = setup();
    sheet.getRange('A1:B1').merge();
    sheet.getRange('A3:C3').merge();
    fake.resetStats();
    sheet.getRangeList(['A1:B1', 'A3:C3']).breakApart();
    expect(fake.direct.merges('Sheet1')).toEqual([]);
    expect(fake.stats.byMethod).toEqual({ 'Sheet.getRangeList': 1, 'RangeList.breakApart': 1 });
  });
});

describe('fake-sheets Sheet helpers', () => {
  test('appendRow writes after the last row with content', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', '=B1+1']);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  test('inserted columns take the formats and width of the neighbouring column', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B3').setBackground('#ff0000');
    sheet.setColumnWidth(2, 180);
    sheet.insertColumnsBefore(2, 1);
    expect(sheet.getRange('B1').getBackground()).toBe('#ff0000');
    expect(sheet.getColumnWidth(2)).toBe(180);
    sheet.insertColumnsAfter(3, 1);
    expect(sheet.getRange('D3').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('E3').getBackground()).toBe('#ffffff');
  });

  test('a range held from before a deletion still points at the same coordinates, as in Apps Script', () => {
    const { sheet } = setup();
    sheet.getRange('A5').setValue('five');
    const held = sheet.getRange('A5');
    sheet.insertRowsBefore(1, 1);
    expect(held.getValue()).toBe('');
    expect(sheet.getRange('A6').getValue()).toBe('five');
  });
});
