import { createFakeGoogle } from '../../emulator';

function setup() {
  const fake = createFakeGoogle();
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { fake, ss, sheet, SpreadsheetApp: fake.globals.SpreadsheetApp };
}

describe('fake-sheets Range values', () => {
  test('getValues returns "" for empty cells and typed values otherwise', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1.5, true, new Date('2024-02-03T00:00:00Z'), 'text']]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row[0]).toBe(1.5);
    expect(row[1]).toBe(true);
    expect(row[2]).toBeInstanceOf(Date);
    expect((row[2] as Date).toISOString()).toBe('2024-02-03T00:00:00.000Z');
    expect(row[3]).toBe('text');
    expect(row[4]).toBe('');
  });

  test('returned Dates are copies: mutating one does not change the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2024-02-03T00:00:00Z'));
    (sheet.getRange('A1').getValue() as Date).setUTCFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2024);
  });

  test('strings are parsed like typed input; non-strings are stored as they are', () => {
    const { sheet } = setup();
    sheet.getRange('A1:H1').setValues([["'007", '007', '=1+1', 'TRUE', '12%', '-abc', 42, null]]);
    expect(sheet.getRange('A1:H1').getValues()).toEqual([['007', 7, 2, true, 0.12, '#NAME?', 42, '']]);
    expect(sheet.getRange('A1:H1').getFormulas()).toEqual([['', '', '=1+1', '', '', '=-abc', '', '']]);
    expect(sheet.getRange('A1:H1').getDisplayValues()).toEqual([['007', '7', '2', 'TRUE', '12%', '#NAME?', '42', '']]);
  });

  test('null, undefined and "" clear the content but keep the format', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setValue('x').setBackground('#ff0000');
    r.setValue(null);
    expect(r.getValue()).toBe('');
    expect(r.getBackground()).toBe('#ff0000');
    r.setValue('y');
    r.setValue('');
    expect(r.getValue()).toBe('');
  });

  test('setValue over a multi-cell range writes every cell; a formula moves its relative references', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    sheet.getRange('C1:D2').setFormula('=A1');
    expect(sheet.getRange('C1:D2').getFormulas()).toEqual([
      ['=A1', '=B1'],
      ['=A2', '=B2'],
    ]);
  });

  test('setValues with the wrong number of rows or columns throws the Apps Script error and writes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B3').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1').setValues('x' as unknown as unknown[][])).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => sheet.getRange('A1:B1').setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('a cell over 50,000 characters throws and nothing of the batch is written', () => {
    const { sheet } = setup();
    const big = 'x'.repeat(50001);
    expect(() => sheet.getRange('A1:B1').setValues([['ok', big]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => sheet.getRange('A1').setValue(big)).toThrow(/maximum of 50000 characters/);
    sheet.getRange('A1').setValue('y'.repeat(50000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50000);
  });

  test('ranges outside the sheet throw', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange('A1').offset(-1, 0)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('getFormulas returns "" for non-formula cells; setFormulas stores formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setFormulas([['=1+1', 'plain', '']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, 'plain', '']]);
  });
});

describe('fake-sheets Range coordinates', () => {
  test('row, column, size, A1 notation, offset and getCell', () => {
    const { sheet } = setup();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([
      2, 3, 4, 5, 5, 7,
    ]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange('b2').getA1Notation()).toBe('B2');
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A:B');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:F6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('D3');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });
});

describe('fake-sheets Range formats', () => {
  test('defaults are what Apps Script reports for an unformatted cell', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getFontColor()).toBe('#000000');
    expect(r.getFontSize()).toBe(10);
    expect(r.getFontFamily()).toBe('Arial');
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getFontStyle()).toBe('normal');
    expect(r.getFontLine()).toBe('none');
    expect(r.getHorizontalAlignment()).toBe('general');
    expect(r.getVerticalAlignment()).toBe('bottom');
    expect(r.getNumberFormat()).toBe('0.###############');
    expect(String(r.getWrapStrategy())).toBe('OVERFLOW');
  });

  test('setters and plural getters, colours normalised to lowercase hex', () => {
    const { sheet, SpreadsheetApp } = setup();
    const r = sheet.getRange('A1:B2');
    r.setBackground('#FF0000').setFontColor('blue').setFontSize(14).setFontWeight('bold').setFontStyle('italic');
    r.setFontFamily('Roboto')
      .setHorizontalAlignment('center')
      .setVerticalAlignment('top')
      .setWrap(true)
      .setNumberFormat('0.00');
    expect(r.getBackgrounds()).toEqual([
      ['#ff0000', '#ff0000'],
      ['#ff0000', '#ff0000'],
    ]);
    expect(r.getFontColors()[1][1]).toBe('#0000ff');
    expect(r.getFontSizes()[0][1]).toBe(14);
    expect(r.getFontWeights()[1][0]).toBe('bold');
    expect(r.getFontStyles()[0][0]).toBe('italic');
    expect(r.getFontFamilies()[0][0]).toBe('Roboto');
    expect(r.getHorizontalAlignments()[0][0]).toBe('center');
    expect(r.getVerticalAlignments()[0][0]).toBe('top');
    expect(r.getWraps()[0][0]).toBe(true);
    expect(r.getNumberFormats()[0][0]).toBe('0.00');
    r.setBackgrounds([
      ['#abc', null],
      ['white', '#123456'],
    ]);
    expect(r.getBackgrounds()).toEqual([
      ['#aabbcc', '#ffffff'],
      ['#ffffff', '#123456'],
    ]);
    r.setWrapStrategy(SpreadsheetApp.WrapStrategy.CLIP);
    expect(String(r.getWrapStrategy())).toBe('CLIP');
    expect(r.getWrap()).toBe(false);
    r.setHorizontalAlignment('normal');
    expect(r.getHorizontalAlignment()).toBe('general-left');
    r.setHorizontalAlignment(null);
    expect(r.getHorizontalAlignment()).toBe('general');
  });

  test('number formats drive the display value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1234.5], [0.125], ['Smartphones']]);
    sheet.getRange('A1:A3').setNumberFormats([['#,##0.00'], ['0.0%'], ['"•  "@']]);
    expect(sheet.getRange('A1:A3').getDisplayValues()).toEqual([['1,234.50'], ['12.5%'], ['•  Smartphones']]);
    expect(sheet.getRange('A3').getValue()).toBe('Smartphones');
  });

  test('setting a format back to its default leaves no trace in the document state', () => {
    const { fake, sheet } = setup();
    const before = fake.direct.documentState();
    sheet.getRange('A1:C3').setBackground('#ff0000').setFontWeight('bold');
    sheet.getRange('A1:C3').setBackground('#ffffff').setFontWeight('normal');
    expect(fake.direct.documentState()).toEqual(before);
  });

  test('borders: outer edges go on the range sides, vertical/horizontal on inner edges; null leaves a side unchanged', () => {
    const { fake, sheet, SpreadsheetApp } = setup();
    sheet.getRange('B2:C3').setBorder(true, true, true, true, null, null);
    const b = (a1: string) => fake.direct.cell('Sheet1', a1).format.borders;
    expect(b('B2')).toEqual({
      top: { color: '#000000', style: 'SOLID' },
      left: { color: '#000000', style: 'SOLID' },
      bottom: null,
      right: null,
    });
    expect(b('C3')).toEqual({
      top: null,
      left: null,
      bottom: { color: '#000000', style: 'SOLID' },
      right: { color: '#000000', style: 'SOLID' },
    });
    sheet.getRange('B2:C3').setBorder(null, null, null, null, true, true, '#FF0000', SpreadsheetApp.BorderStyle.DASHED);
    expect(b('B2').right).toEqual({ color: '#ff0000', style: 'DASHED' });
    expect(b('B2').bottom).toEqual({ color: '#ff0000', style: 'DASHED' });
    expect(b('C3').left).toEqual({ color: '#ff0000', style: 'DASHED' });
    expect(b('B2').top).toEqual({ color: '#000000', style: 'SOLID' });
    sheet.getRange('B2:C3').setBorder(false, null, null, null, false, null);
    expect(b('B2').top).toBeNull();
    expect(b('C2').top).toBeNull();
    expect(b('B2').right).toBeNull();
    expect(b('B2').bottom).toEqual({ color: '#ff0000', style: 'DASHED' });
    expect(b('A1')).toEqual({ top: null, left: null, bottom: null, right: null });
  });

  test('clear, clearContent, clearFormat', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setValues([[1, 2]])
      .setBackground('#ff0000')
      .setNote('n');
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackground()).toBe('#ff0000');
    r.setValues([[1, 2]]);
    r.clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getValues()).toEqual([[1, 2]]);
    r.setBackground('#00ff00');
    r.clear();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getNote()).toBe('n');
    r.clear({ commentsOnly: true });
    expect(r.getNote()).toBe('');
  });

  test('notes', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNote('An assumption to update');
    expect(sheet.getRange('A1').getNote()).toBe('An assumption to update');
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['An assumption to update', '']]);
    sheet.getRange('A1:B1').setNotes([['', 'x']]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['', 'x']]);
  });
});

describe('fake-sheets merges', () => {
  test('merge keeps only the top-left value', () => {
    const { fake, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['keep', 'drop'],
      ['drop', 'drop'],
    ]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
    expect(fake.direct.merges('Sheet1')).toEqual(['A1:B2']);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('C3').isPartOfMerge()).toBe(false);
  });

  test('mergeAcross merges each row; mergeVertically each column; one-cell-wide pieces are not merged', () => {
    const { fake, sheet } = setup();
    sheet.getRange('B2:C4').mergeAcross();
    expect(fake.direct.merges('Sheet1')).toEqual(['B2:C2', 'B3:C3', 'B4:C4']);
    sheet.getRange('E2:F3').mergeVertically();
    expect(fake.direct.merges('Sheet1')).toEqual(['B2:C2', 'E2:E3', 'F2:F3', 'B3:C3', 'B4:C4']);
    sheet.getRange('H2:H5').mergeAcross();
    expect(fake.direct.merges('Sheet1')).not.toContain('H2:H2');
    expect(fake.direct.merges('Sheet1')).toHaveLength(5);
  });

  test('merging over part of an existing merge throws; covering it whole replaces it', () => {
    const { fake, sheet } = setup();
    sheet.getRange('B2:C3').merge();
    expect(() => sheet.getRange('C3:D4').merge()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    expect(() => sheet.getRange('B2:B3').mergeAcross()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    expect(() => sheet.getRange('B3:C3').breakApart()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    sheet.getRange('A1:D4').merge();
    expect(fake.direct.merges('Sheet1')).toEqual(['A1:D4']);
  });

  test('breakApart removes merges inside the range; getMergedRanges returns merges that intersect it', () => {
    const { fake, sheet } = setup();
    sheet.getRange('A1:B1').merge();
    sheet.getRange('A3:B3').merge();
    expect(
      sheet
        .getRange('B1:B3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B1', 'A3:B3']);
    sheet.getRange('A1:B2').breakApart();
    expect(fake.direct.merges('Sheet1')).toEqual(['A3:B3']);
    sheet.getRange('A1:Z10').breakApart();
    expect(fake.direct.merges('Sheet1')).toEqual([]);
  });
});

describe('fake-sheets dates', () => {
  test('a Date written by a script is shown with date and time; a typed date with its typed format', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2024-01-05T13:07:09Z'));
    sheet.getRange('A2').setValue('2024-01-05');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['1/5/2024 13:07:09'], ['2024-01-05']]);
    expect(sheet.getRange('A2').getValue()).toEqual(new Date('2024-01-05T00:00:00Z'));
  });
});
