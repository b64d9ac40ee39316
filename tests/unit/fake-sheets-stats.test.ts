import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFakeGoogle } from '../../emulator';
import * as kinds from '../../emulator/method-kinds';
import { SPECS } from '../../emulator/specs';

describe('fake-sheets call accounting', () => {
  test('every Spreadsheet-service call counts, by method and by kind', () => {
    const fake = createFakeGoogle();
    const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet(); // other
    const sheet = ss.getSheetByName('Sheet1')!; // read
    const range = sheet.getRange('A1:B2'); // other
    range.setValues([
      [1, 2],
      [3, 4],
    ]); // write
    range.getValues(); // read
    range.getA1Notation(); // other
    expect(fake.stats).toMatchObject({
      calls: 6,
      reads: 2,
      writes: 1,
      other: 3,
      byKind: { read: 2, write: 1, other: 3 },
      byMethod: {
        'SpreadsheetApp.getActiveSpreadsheet': 1,
        'Spreadsheet.getSheetByName': 1,
        'Sheet.getRange': 1,
        'Range.setValues': 1,
        'Range.getValues': 1,
        'Range.getA1Notation': 1,
      },
    });
  });

  test('round trips: the first read, and the first read after each write, start a new one', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0]; // read → round trip 1
    const r = sheet.getRange('A1');
    r.getValue(); // still round trip 1
    sheet.getLastRow(); // still 1
    r.setValue(1); // write
    r.setBackground('#ff0000'); // write
    r.getValue(); // round trip 2
    r.getValue(); // 2
    r.getA1Notation(); // other: no effect
    r.setValue(2);
    r.getDisplayValue(); // 3
    expect(fake.stats.roundTrips).toBe(3);
  });

  test('writes without reads make no round trip; resetStats zeroes in place and starts a new execution', () => {
    const fake = createFakeGoogle();
    const stats = fake.stats;
    const r = fake.spreadsheet.getRange('A1'); // other (navigation)
    r.setValue(1).setFontWeight('bold');
    expect(stats.roundTrips).toBe(0);
    r.getValue();
    expect(stats.roundTrips).toBe(1);
    fake.resetStats();
    expect(stats).toMatchObject({ calls: 0, reads: 0, writes: 0, other: 0, roundTrips: 0, byMethod: {} });
    r.getValue();
    expect(fake.stats.roundTrips).toBe(1);
    expect(fake.stats).toBe(stats);
  });

  test('countDuring reports the delta of one operation, as a fresh execution, and its result', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange('A1').getValue();
    const delta = fake.countDuring(() => {
      sheet.getRange('A1').setValue(5);
      return sheet.getRange('A1').getValue() as unknown;
    });
    expect(delta.result).toBe(5);
    expect(delta).toMatchObject({ calls: 4, reads: 1, writes: 1, other: 2, roundTrips: 1 });
    expect(delta.byMethod).toEqual({ 'Sheet.getRange': 2, 'Range.setValue': 1, 'Range.getValue': 1 });
  });

  test('HtmlService, LockService, Ui, Session and Logger calls count apart from Spreadsheet calls', () => {
    const fake = createFakeGoogle();
    const { SpreadsheetApp, HtmlService, LockService, Session, Logger } = fake.globals;
    const ui = SpreadsheetApp.getUi(); // Spreadsheet service (other)
    ui.showSidebar(HtmlService.createHtmlOutput('x').setTitle('t'));
    LockService.getDocumentLock().tryLock(100);
    Session.getActiveUser().getEmail();
    Logger.log('x');
    expect(fake.stats.calls).toBe(1);
    expect(fake.stats.byMethod).toEqual({ 'SpreadsheetApp.getUi': 1 });
    expect(fake.stats.serviceCalls).toEqual({
      'Ui.showSidebar': 1,
      'HtmlService.createHtmlOutput': 1,
      'HtmlOutput.setTitle': 1,
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
      'Session.getActiveUser': 1,
      'User.getEmail': 1,
      'Logger.log': 1,
    });
  });

  test('direct helpers and direct.uncounted do not count', () => {
    const fake = createFakeGoogle();
    fake.direct.setCell('Sheet1', 'A1', '5');
    fake.direct.values('Sheet1');
    fake.direct.documentState();
    fake.direct.uncounted(() => fake.spreadsheet.getSheets()[0].getRange('A1').getValue() as unknown);
    fake.model();
    expect(fake.stats.calls).toBe(0);
  });

  test('a trace lists every counted call in order', () => {
    const fake = createFakeGoogle();
    const trace = fake.startTrace();
    fake.spreadsheet.getSheets()[0].getRange('A1').setValue(1);
    fake.stopTrace();
    expect(trace.map((t) => `${t.method}:${t.kind}`)).toEqual([
      'Spreadsheet.getSheets:read',
      'Sheet.getRange:other',
      'Range.setValue:write',
    ]);
  });

  test('the classification follows the rules: getters of document state read, mutators write, navigation is other', () => {
    for (const [cls, table] of Object.entries({
      Spreadsheet: kinds.SPREADSHEET_METHODS,
      Sheet: kinds.SHEET_METHODS,
      Range: kinds.RANGE_METHODS,
      RangeList: kinds.RANGE_LIST_METHODS,
      NamedRange: kinds.NAMED_RANGE_METHODS,
      Protection: kinds.PROTECTION_METHODS,
    })) {
      for (const [method, kind] of Object.entries(table)) {
        const label = `${cls}.${method}`;
        if (
          /^(set|insert|delete|merge|breakApart|clear|hide|show|unhide|protect|remove|append|add|rename|moveActiveSheet)/.test(
            method,
          ) &&
          !/^setActive/.test(method)
        ) {
          expect(`${label}:${kind}`).toBe(`${label}:write`);
        } else if (method === 'getRange' && (cls === 'NamedRange' || cls === 'Protection')) {
          // where a named range or protection now is depends on edits since: a read
          expect(`${label}:${kind}`).toBe(`${label}:read`);
        } else if (
          /^(activate|setActive|toast|getRange$|getRangeList|getRow$|getRowIndex|getColumn$|getNumRows|getNumColumns|getHeight|getWidth|getA1Notation|getSheet$|getParent|getGridId|offset|getCell|getId|getUrl|getSheetId|getRanges)/.test(
            method,
          )
        ) {
          expect(`${label}:${kind}`).toBe(`${label}:other`);
        }
      }
    }
    expect(kinds.RANGE_METHODS.getLastRow).toBe('other'); // a Range's own end row, not data
    expect(kinds.SHEET_METHODS.getLastRow).toBe('read');
    expect(kinds.SPREADSHEET_METHODS.getSheetByName).toBe('read');
    expect(kinds.SHEET_METHODS.getName).toBe('read');
    expect(kinds.RANGE_METHODS.getMergedRanges).toBe('read');
  });

  test('every listed method has an implementation', () => {
    const fake = createFakeGoogle({ files: { F: 'x' } });
    const ss = fake.spreadsheet;
    const sheet = ss.getSheets()[0];
    ss.setNamedRange('N', sheet.getRange('A1'));
    const samples: Record<string, object> = {
      SpreadsheetApp: fake.globals.SpreadsheetApp,
      Spreadsheet: ss,
      Sheet: sheet,
      Range: sheet.getRange('A1'),
      RangeList: sheet.getRangeList(['A1']),
      NamedRange: ss.getNamedRanges()[0],
      Protection: sheet.protect(),
      Ui: fake.globals.SpreadsheetApp.getUi(),
      Menu: fake.globals.SpreadsheetApp.getUi().createMenu('m'),
      HtmlService: fake.globals.HtmlService,
      HtmlOutput: fake.globals.HtmlService.createHtmlOutput(''),
      LockService: fake.globals.LockService,
      Lock: fake.globals.LockService.getDocumentLock(),
      Session: fake.globals.Session,
      User: fake.globals.Session.getActiveUser(),
      Logger: fake.globals.Logger,
      Utilities: fake.globals.Utilities,
      EmbeddedChartBuilder: sheet.newChart(),
      EmbeddedChart: sheet.newChart().setChartType(fake.globals.Charts.ChartType.COLUMN).build(),
      ContainerInfo: sheet.newChart().getContainer(),
      ChartOptions: sheet.newChart().setChartType(fake.globals.Charts.ChartType.COLUMN).build().getOptions(),
      Charts: fake.globals.Charts,
    };
    for (const [name, spec] of Object.entries(SPECS)) {
      if (name === 'ScriptApp') continue;
      const obj = samples[name] as Record<string, unknown>;
      for (const method of Object.keys(spec.methods))
        expect(`${name}.${method}:${typeof obj[method]}`).toBe(`${name}.${method}:function`);
    }
  });
});

describe('fake-sheets return values match Apps Script', () => {
  test('methods that return void in Apps Script return undefined (no accidental chaining)', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0] as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(sheet.hideColumns(1)).toBeUndefined();
    expect(sheet.setFrozenRows(1)).toBeUndefined();
    expect(sheet.deleteRows(5, 1)).toBeUndefined();
    expect(sheet.deleteRow(5)).toBe(sheet);
    expect(sheet.insertRowsAfter(1, 1)).toBe(sheet);
    expect((fake.spreadsheet as unknown as Record<string, (...a: unknown[]) => unknown>).toast('x')).toBeUndefined();
  });

  test('the void lists agree with @types/google-apps-script for every implemented method', () => {
    const dir = path.dirname(require.resolve('@types/google-apps-script/package.json'));
    const declared = new Map<string, Map<string, Set<string>>>();
    for (const file of [
      'google-apps-script.spreadsheet.d.ts',
      'google-apps-script.base.d.ts',
      'google-apps-script.html.d.ts',
      'google-apps-script.lock.d.ts',
      'google-apps-script.utilities.d.ts',
    ]) {
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      const re = /\binterface (\w+)(?:<[^>]*>)? (?:extends [^{]+)?\{/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(src))) {
        let depth = 1;
        let j = m.index + m[0].length;
        while (depth > 0) {
          if (src[j] === '{') depth++;
          else if (src[j] === '}') depth--;
          j++;
        }
        const body = src.slice(m.index + m[0].length, j - 1);
        const methods = declared.get(m[1]) ?? new Map<string, Set<string>>();
        for (const mm of body.matchAll(/^\s+(?:\/\*\*.*?\*\/\s*)?(\w+)\([^)]*\):\s*([^;]+);/gms)) {
          const set = methods.get(mm[1]) ?? new Set<string>();
          set.add(mm[2].trim());
          methods.set(mm[1], set);
        }
        declared.set(m[1], methods);
      }
    }
    const undeclared: string[] = [];
    for (const [cls, spec] of Object.entries(SPECS)) {
      const methods = declared.get(cls);
      if (!methods) continue;
      for (const method of Object.keys(spec.methods)) {
        const types = methods.get(method);
        if (!types) {
          undeclared.push(`${cls}.${method}`);
          continue;
        }
        const isVoid = !!types && types.size === 1 && types.has('void');
        const listed = ((spec as { voids?: readonly string[] }).voids ?? []).includes(method);
        expect(`${cls}.${method} void: ${listed}`).toBe(`${cls}.${method} void: ${isVoid}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
