import * as vm from 'node:vm';
import { createFakeGoogle } from '../../emulator';

const SCRIPT = `
function probe() {
  var out = {};
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 0, 5)), 'x']]);
  var values = sheet.getRange('A1:B1').getValues();
  out.dateIsDate = values[0][0] instanceof Date;
  out.rowsAreArrays = values instanceof Array && values[0] instanceof Array;
  try {
    sheet.getRange(1, 1, 1, 2).setValues([[1]]);
  } catch (e) {
    out.errorIsError = e instanceof Error;
    out.message = e.message;
    out.asString = String(e);
  }
  try {
    sheet.getRange('A1').setTextStyle(null);
  } catch (e) {
    out.notImplemented = e instanceof Error && e.message;
  }
  out.sheets = SpreadsheetApp.getActiveSpreadsheet().getSheets() instanceof Array;
  return JSON.stringify(out);
}
`;

describe('fake-sheets in a node:vm context (how dist/Code.js runs)', () => {
  test.each([
    ['the globals object itself', (g: object) => vm.createContext(g)],
    ['a copy of the globals', (g: object) => vm.createContext({ ...g })],
  ])('values and errors belong to the script realm when the context is %s', (_label, makeContext) => {
    const fake = createFakeGoogle();
    const context = makeContext(fake.globals);
    vm.runInContext(SCRIPT, context);
    const out = JSON.parse(vm.runInContext('probe()', context) as string) as unknown;
    expect(out).toEqual({
      dateIsDate: true,
      rowsAreArrays: true,
      errorIsError: true,
      message:
        'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
      asString:
        'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
      notImplemented: 'FakeSheets: Range.setTextStyle is not implemented',
      sheets: true,
    });
  });

  test('the script sees the enums and services as globals', () => {
    const fake = createFakeGoogle();
    const context = vm.createContext({ ...fake.globals });
    const out = vm.runInContext(
      `[typeof SpreadsheetApp.BorderStyle.SOLID, String(ScriptApp.AuthMode.LIMITED), typeof HtmlService.createHtmlOutput, typeof LockService.getDocumentLock, typeof Session.getActiveUser, typeof Logger.log, typeof Utilities.formatDate].join(',')`,
      context,
    ) as unknown;
    expect(out).toBe('object,LIMITED,function,function,function,function,function');
  });
});
