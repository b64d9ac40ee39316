import { createFakeGoogle } from '../../emulator';

describe('fake-sheets Ui', () => {
  test('alert(prompt) answers OK; alert with a choice takes the queued answer; returns Button enum values', () => {
    const fake = createFakeGoogle();
    const ui = fake.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    fake.ui.alertResponses.push('YES', 'NO');
    expect(ui.alert('Insert another?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Xiaomi Canvas', 'Really?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(String(ui.Button.YES)).toBe('YES');
    expect(fake.ui.alerts).toEqual([
      { prompt: 'Done', buttons: 'OK', response: 'OK' },
      { prompt: 'Insert another?', buttons: 'YES_NO', response: 'YES' },
      { title: 'Xiaomi Canvas', prompt: 'Really?', buttons: 'YES_NO', response: 'NO' },
    ]);
  });

  test('a question with no queued answer throws; an OK alert does not consume a YES meant for a later question', () => {
    const fake = createFakeGoogle();
    const ui = fake.globals.SpreadsheetApp.getUi();
    expect(() => ui.alert('Continue?', ui.ButtonSet.YES_NO)).toThrow(/no answer queued/);
    fake.ui.alertResponses.push('YES');
    ui.alert('Heads up');
    expect(fake.ui.alertResponses).toEqual(['YES']);
    fake.ui.alertResponses.length = 0;
    fake.ui.alertResponses.push('OK');
    expect(() => ui.alert('Continue?', ui.ButtonSet.YES_NO)).toThrow(/not a button of ButtonSet.YES_NO/);
    fake.ui.alertResponses.push('CANCEL');
    expect(ui.alert('Proceed?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
  });

  test('menus, sidebars and dialogs are recorded', () => {
    const fake = createFakeGoogle();
    const ui = fake.globals.SpreadsheetApp.getUi();
    const sub = ui.createMenu('More').addItem('About', 'showAbout');
    ui.createAddonMenu().addItem('Insert Xiaomi canvas', 'insertXiaomiCanvas').addSeparator().addSubMenu(sub).addToUi();
    expect(fake.ui.menus).toEqual([
      {
        name: 'Add-ons',
        addon: true,
        items: [
          { caption: 'Insert Xiaomi canvas', functionName: 'insertXiaomiCanvas' },
          'separator',
          { caption: 'More', submenu: [{ caption: 'About', functionName: 'showAbout' }] },
        ],
      },
    ]);
    ui.createAddonMenu().addItem('Only', 'only').addToUi();
    expect(fake.ui.menus).toHaveLength(1);
    const html = fake.globals.HtmlService.createHtmlOutput('<p>Hi</p>').setTitle('Xiaomi Canvas');
    ui.showSidebar(html);
    ui.showModalDialog(fake.globals.HtmlService.createHtmlOutput('<p>About</p>').setWidth(400).setHeight(300), 'About');
    expect(fake.ui.sidebars).toEqual([{ title: 'Xiaomi Canvas', html: '<p>Hi</p>' }]);
    expect(fake.ui.dialogs).toEqual([{ kind: 'modal', title: 'About', html: '<p>About</p>', width: 400, height: 300 }]);
  });
});

describe('fake-sheets HtmlService', () => {
  test('HtmlOutput content, title and files', () => {
    const fake = createFakeGoogle({ files: { Sidebar: '<html>/*__BOOT_JSON__*/null</html>' } });
    const { HtmlService } = fake.globals;
    const out = HtmlService.createHtmlOutputFromFile('Sidebar');
    expect(out.getContent()).toBe('<html>/*__BOOT_JSON__*/null</html>');
    out.setContent('<b>x</b>').append('<i>y</i>').appendUntrusted('<script>');
    expect(out.getContent()).toBe('<b>x</b><i>y</i>&lt;script&gt;');
    expect(out.setTitle('T').getTitle()).toBe('T');
    out
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(HtmlService.createHtmlOutput().getContent()).toBe('');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});

describe('fake-sheets LockService', () => {
  test('tryLock/waitLock/releaseLock/hasLock, and an unavailable lock', () => {
    const fake = createFakeGoogle();
    const { LockService } = fake.globals;
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(fake.lock.held).toBe(true);
    lock.releaseLock();
    expect(fake.lock).toMatchObject({ held: false, acquisitions: 1, releases: 1 });
    fake.lock.available = false;
    const other = LockService.getScriptLock();
    expect(other.tryLock(10)).toBe(false);
    expect(() => other.waitLock(10)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(other.hasLock()).toBe(false);
  });
});

describe('fake-sheets Session, ScriptApp, Logger, Utilities, console', () => {
  test('Session users and time zone', () => {
    const fake = createFakeGoogle({ userEmail: 'ana@example.com' });
    expect(fake.globals.Session.getActiveUser().getEmail()).toBe('ana@example.com');
    expect(fake.globals.Session.getEffectiveUser().getEmail()).toBe('ana@example.com');
    expect(fake.globals.Session.getScriptTimeZone()).toBe('Etc/UTC');
    expect(createFakeGoogle().globals.Session.getActiveUser().getEmail()).toBe('');
  });

  test('ScriptApp.AuthMode enum', () => {
    const { ScriptApp } = createFakeGoogle().globals;
    expect(String(ScriptApp.AuthMode.NONE)).toBe('NONE');
    expect(ScriptApp.AuthMode.LIMITED).toBe(ScriptApp.AuthMode.LIMITED);
    expect(ScriptApp.AuthMode.FULL).not.toBe(ScriptApp.AuthMode.LIMITED);
  });

  test('Logger and console record into fake.logs', () => {
    const fake = createFakeGoogle();
    fake.globals.Logger.log('calls: %s', 12);
    fake.globals.console.warn('careful', { a: 1 });
    expect(fake.logs).toEqual([
      { source: 'Logger', level: 'info', message: 'calls: 12' },
      { source: 'console', level: 'warn', message: 'careful {"a":1}' },
    ]);
    expect(fake.globals.Logger.getLog()).toBe('calls: 12');
  });

  test('Utilities.formatDate and computeDigest', () => {
    const { Utilities } = createFakeGoogle().globals;
    const d = new Date('2024-03-05T14:07:09.123Z');
    expect(Utilities.formatDate(d, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe('2024-03-05T14:07:09.123Z');
    expect(Utilities.formatDate(d, 'Asia/Shanghai', 'd MMM yyyy, h:mm a')).toBe('5 Mar 2024, 10:07 PM');
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('fake-sheets authorization modes', () => {
  test('in AuthMode.NONE the active spreadsheet is out of reach, the Ui still works', () => {
    const fake = createFakeGoogle();
    const { SpreadsheetApp } = fake.globals;
    fake.setAuthMode('NONE');
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
    expect(() => SpreadsheetApp.getActive()).toThrow(/permission/);
    expect(() => SpreadsheetApp.getActiveSheet()).toThrow(/permission/);
    expect(() => SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'y').addToUi()).not.toThrow();
    fake.setAuthMode('LIMITED');
    expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Untitled spreadsheet');
    expect(fake.getAuthMode()).toBe('LIMITED');
  });
});

describe('fake-sheets unimplemented methods', () => {
  test('calling any method the fake does not implement throws a clear error', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0] as unknown as Record<string, () => unknown>;
    const range = fake.spreadsheet.getSheets()[0].getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.setTextStyle()).toThrow('FakeSheets: Range.setTextStyle is not implemented');
    expect(() => sheet.autoResizeColumns()).toThrow('FakeSheets: Sheet.autoResizeColumns is not implemented');
    expect(() => (fake.globals.SpreadsheetApp as unknown as Record<string, () => unknown>).openById()).toThrow(
      'FakeSheets: SpreadsheetApp.openById is not implemented',
    );
    expect(() => (fake.globals.ScriptApp as unknown as Record<string, () => unknown>).getOAuthToken()).toThrow(
      'FakeSheets: ScriptApp.getOAuthToken is not implemented',
    );
    // probing properties that libraries look for does not throw
    expect((range as Record<string, unknown>).then).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the fake's Symbol.toStringTag is what is tested
    expect(String(range)).toBe('Range');
  });
});
