import { createFakeGoogle } from '../../emulator';

function setup() {
  const fake = createFakeGoogle({ spreadsheetName: 'Plans' });
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { fake, ss, SpreadsheetApp: fake.globals.SpreadsheetApp };
}

describe('fake-sheets Spreadsheet: sheets', () => {
  test('identity: name, id, url, time zone', () => {
    const { ss } = setup();
    expect(ss.getName()).toBe('Plans');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe('Etc/UTC');
    expect(createFakeGoogle().spreadsheet.getName()).toBe('Untitled spreadsheet');
  });

  test('insertSheet: default names, explicit index, activation; duplicate names throw like Sheets', () => {
    const { ss } = setup();
    const a = ss.insertSheet();
    expect(a.getName()).toBe('Sheet2');
    expect(ss.getActiveSheet().getName()).toBe('Sheet2');
    ss.insertSheet('First', 0);
    ss.insertSheet('Last', 3);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Sheet2', 'Last']);
    expect(ss.getActiveSheet().getName()).toBe('Last');
    expect(() => ss.insertSheet('Last')).toThrow(
      'A sheet with the name "Last" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('last')).toThrow(
      'A sheet with the name "last" already exists. Please enter another name.',
    );
    expect(ss.getSheets()).toHaveLength(4);
  });

  test('without an index the new sheet goes right after the active sheet', () => {
    const { ss } = setup();
    ss.insertSheet('B', 1);
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    ss.insertSheet('A');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'A', 'B']);
  });

  test('getSheetByName, getSheetById, getIndex, moveActiveSheet', () => {
    const { ss } = setup();
    const other = ss.insertSheet('Other', 1);
    expect(ss.getSheetByName('Other')!.getSheetId()).toBe(other.getSheetId());
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetById(0)!.getName()).toBe('Sheet1');
    expect(ss.getSheetById(other.getSheetId())!.getName()).toBe('Other');
    expect(ss.getSheetById(987654)).toBeNull();
    expect(other.getIndex()).toBe(2);
    ss.setActiveSheet(other);
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Other', 'Sheet1']);
  });

  test('renaming a sheet rewrites references to it in every formula, quoting as needed', () => {
    const { ss } = setup();
    const details = ss.insertSheet('Details');
    details.getRange('G57').setValue(42);
    const kf = ss.getSheetByName('Sheet1')!;
    kf.getRange('A1:B1').setFormulas([['=Details!G57', "=SUM('Details'!G57:G58)"]]);
    details.setName('Xiaomi Details (2)');
    expect(kf.getRange('A1:B1').getFormulas()).toEqual([
      ["='Xiaomi Details (2)'!G57", "=SUM('Xiaomi Details (2)'!G57:G58)"],
    ]);
    expect(kf.getRange('A1:B1').getValues()).toEqual([[42, 42]]);
    expect(() => details.setName('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  test('deleting a sheet turns references to it into #REF! and invalidates its named ranges', () => {
    const { ss } = setup();
    const details = ss.insertSheet('Details');
    details.getRange('A1').setValue(5);
    ss.setNamedRange('DetailsBlock', details.getRange('A1:B2'));
    const main = ss.getSheetByName('Sheet1')!;
    main.getRange('A1').setFormula('=Details!A1+1');
    ss.deleteSheet(details);
    expect(main.getRange('A1').getFormula()).toBe('=#REF!+1');
    expect(main.getRange('A1').getValue()).toBe('#REF!');
    expect(ss.getRangeByName('DetailsBlock')).toBeNull();
    // Kept as #REF! under the strict reading: listed, its range throws (see README "Readings")
    expect(ss.getNamedRanges()).toHaveLength(1);
    expect(() => ss.getNamedRanges()[0].getRange()).toThrow('Range not found');
    expect(() => ss.deleteSheet(main)).toThrow("You can't remove all the sheets in a document.");
  });

  test('a formula naming a sheet that does not exist yet is #REF! until that sheet appears', () => {
    const { ss } = setup();
    const main = ss.getSheetByName('Sheet1')!;
    main.getRange('A1').setFormula('=Later!A1');
    expect(main.getRange('A1').getValue()).toBe('#REF!');
    ss.insertSheet('Later').getRange('A1').setValue('here');
    expect(main.getRange('A1').getValue()).toBe('here');
  });

  test('getRange with A1 notation, with or without a sheet name', () => {
    const { ss } = setup();
    ss.insertSheet('Key Figures').getRange('B2').setValue('x');
    expect(ss.getRange("'Key Figures'!B2").getValue()).toBe('x');
    expect(ss.getRange('B2').getSheet().getName()).toBe('Key Figures');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });

  test('active sheet and active range', () => {
    const { fake, ss, SpreadsheetApp } = setup();
    const other = ss.insertSheet('Other');
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    other.getRange('B2:C3').activate();
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:C3');
    expect(fake.direct.activeRange()).toBe('Other!B2:C3');
    ss.setActiveRange(ss.getSheetByName('Sheet1')!.getRange('A5'));
    expect(fake.direct.activeSheetName()).toBe('Sheet1');
  });

  test('toast is recorded with its defaults', () => {
    const { fake, ss } = setup();
    ss.toast('Inserting…');
    ss.toast('Done', 'Xiaomi Canvas', 3);
    expect(fake.ui.toasts).toEqual([
      { message: 'Inserting…', title: '', timeout: 5 },
      { message: 'Done', title: 'Xiaomi Canvas', timeout: 3 },
    ]);
  });
});

describe('fake-sheets named ranges', () => {
  test('set, get, list, remove; setting an existing name moves it', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    ss.setNamedRange('XiaomiCanvas_Rate', sheet.getRange('M1'));
    ss.setNamedRange('XiaomiCanvas_KeyFigures', sheet.getRange('A1:J40'));
    expect(ss.getRangeByName('XiaomiCanvas_Rate')!.getA1Notation()).toBe('M1');
    expect(
      ss
        .getNamedRanges()
        .map((n) => n.getName())
        .sort(),
    ).toEqual(['XiaomiCanvas_KeyFigures', 'XiaomiCanvas_Rate']);
    ss.setNamedRange('XiaomiCanvas_Rate', sheet.getRange('M2'));
    expect(ss.getNamedRanges()).toHaveLength(2);
    expect(ss.getRangeByName('XiaomiCanvas_Rate')!.getA1Notation()).toBe('M2');
    ss.removeNamedRange('XiaomiCanvas_Rate');
    expect(ss.getRangeByName('XiaomiCanvas_Rate')).toBeNull();
    const nr = ss.getNamedRanges()[0];
    expect(nr.getRange().getA1Notation()).toBe('A1:J40');
    nr.setRange(sheet.getRange('A1:J41'));
    expect(ss.getRangeByName('XiaomiCanvas_KeyFigures')!.getA1Notation()).toBe('A1:J41');
    nr.remove();
    expect(ss.getNamedRanges()).toHaveLength(0);
    expect(ss.getRangeByName('Missing')).toBeNull();
  });

  test('invalid names are rejected', () => {
    const { ss } = setup();
    const r = ss.getSheets()[0].getRange('A1');
    for (const bad of ['', '1abc', 'has space', 'A1', 'xfd100', 'R1C1', 'true', 'FALSE', 'dash-ed', 'x'.repeat(251)]) {
      expect(() => ss.setNamedRange(bad, r)).toThrow(/Invalid named range name/);
    }
    for (const good of ['_x', 'Abc_123', 'ABCD1', 'XiaomiCanvas2_Details_KeyPartners']) {
      expect(() => ss.setNamedRange(good, r)).not.toThrow();
    }
  });

  test('named ranges can be used in formulas', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange('M1').setValue(0.14);
    ss.setNamedRange('Rate', sheet.getRange('M1'));
    sheet.getRange('A1').setFormula('=100*Rate');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(14, 12);
  });
});

describe('fake-sheets object identity', () => {
  test('like Apps Script, each call returns a new Sheet/Range object: compare by id, not ===', () => {
    const fake = createFakeGoogle();
    const ss = fake.spreadsheet;
    expect(ss.getSheets()[0]).not.toBe(ss.getActiveSheet());
    expect(ss.getSheets()[0].getSheetId()).toBe(ss.getActiveSheet().getSheetId());
    expect(ss.getSheets()[0].getRange('A1')).not.toBe(ss.getSheets()[0].getRange('A1'));
    expect(fake.globals.SpreadsheetApp.getActiveSpreadsheet()).toBe(ss);
    expect(fake.evaluate('Sheet1', 1, 1)).toBe('');
  });
});
