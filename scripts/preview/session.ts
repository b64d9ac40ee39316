/**
 * The preview's spreadsheet session: the in-memory Sheets fake with the BUILT add-on (dist/Code.js) loaded
 * into it, the sidebar as showCanvasSidebar() produced it, and the saved state file.
 *
 * Everything the page can do goes through here: the sidebar's google.script.run calls (only the functions
 * the sidebar uses), the add-on menu's items (the ones onOpen put in the menu), and a teammate's direct
 * edit of a cell. After each one the state is saved if the document changed.
 */
import {
  createFakeGoogle,
  loadFakeGoogle,
  type AlertRecord,
  type FakeGoogle,
  type ReadModel,
  type ToastRecord,
} from '../../emulator';
import { SIDEBAR_FUNCTION_NAMES } from '../../src/core/sidebar-functions';
import { defaultDistDir, loadBuiltBundle, readSidebarFile, thrownMessage, type BundleHost } from '../bundle-host';
import { workbookBuffer } from '../xlsx/workbook';
import { renderGrid } from './render-grid';
import { loadState, saveState } from './state-store';

export const ADDON_MENU_NAME = 'Xiaomi Canvas';

/** A structural change a teammate makes by hand (Sheets' Edit and tab menus). */
export type StructureChange =
  | { op: 'insertRowsBefore' | 'insertRowsAfter' | 'deleteRows'; sheet: string; row: number; count: number }
  | { op: 'renameSheet'; sheet: string; name: string }
  | { op: 'deleteSheet'; sheet: string };

export interface SessionOptions {
  stateFile: string;
  /** Start over with a newly inserted canvas even if a saved state exists. */
  fresh?: boolean;
  distDir?: string;
  spreadsheetName?: string;
}

export interface StartupInfo {
  /** 'restored': loaded from the state file; 'new': no state file yet; 'fresh': --fresh; 'recovered': the file was corrupt. */
  source: 'restored' | 'new' | 'fresh' | 'recovered';
  corrupt?: { reason: string; movedTo: string };
}

export interface UiEvents {
  /** Alerts with only an OK button (questions were asked on the page before the call). */
  alerts: Array<{ title?: string; prompt: string }>;
  toasts: Array<{ title: string; message: string; timeout: number }>;
  /** True when the call opened (or re-opened) the sidebar. */
  sidebar: boolean;
  dialogs: Array<{ title: string }>;
}

export type CallOutcome =
  | ({ ok: true; result?: unknown; changed: boolean; version: number } & UiEvents)
  | ({ ok: false; error: string; changed: boolean; version: number } & UiEvents);

export type MenuOutcome =
  CallOutcome | { ok: true; question: { prompt: string; buttons: string }; changed: false; version: number };

export interface MenuEntry {
  caption: string;
  functionName: string;
}

export interface SheetView {
  version: number;
  spreadsheetName: string;
  sheets: Array<{ name: string; tabColor: string | null }>;
  sheet: string;
  active: { sheet: string; range: string };
  grid: string;
}

const QUESTION =
  /FakeSheets: Ui\.alert\(("(?:[^"\\]|\\.)*")\) asks (\w+) but fake\.ui\.alertResponses has no answer queued/s;

export class PreviewSession {
  fake!: FakeGoogle;
  host!: BundleHost;
  /** Increases whenever the document changes. */
  version = 0;
  readonly startup: StartupInfo;
  private savedText = '';
  private readonly sidebarFile: string;
  private readonly distDir: string;
  private sidebarHtmlShown: string | null = null;

  constructor(private readonly options: SessionOptions) {
    this.distDir = options.distDir ?? defaultDistDir();
    this.sidebarFile = readSidebarFile(this.distDir);
    // In Sheets the add-on's menu is named after the add-on (Extensions › Xiaomi Canvas).
    const fakeOptions = { files: { Sidebar: this.sidebarFile }, addonMenuName: ADDON_MENU_NAME };
    let source: StartupInfo['source'] = options.fresh ? 'fresh' : 'new';
    let corrupt: StartupInfo['corrupt'];
    if (!options.fresh) {
      const loaded = loadState(options.stateFile, fakeOptions);
      if (loaded.kind === 'loaded') {
        this.attach(loaded.fake);
        this.savedText = JSON.stringify(this.fake.toJSON());
        source = 'restored';
      } else if (loaded.kind === 'corrupt') {
        corrupt = { reason: loaded.reason, movedTo: loaded.movedTo };
        source = 'recovered';
      }
    }
    if (source !== 'restored') {
      this.attach(
        createFakeGoogle({
          spreadsheetName: options.spreadsheetName ?? 'Xiaomi Canvas (local preview)',
          ...fakeOptions,
        }),
      );
      this.host.call('insertXiaomiCanvas');
      this.persist();
    }
    this.startup = corrupt ? { source, corrupt } : { source };
    // The preview opens with the sidebar shown, as after "Open canvas sidebar".
    this.openSidebar();
  }

  /** Loads the bundle on a fake and builds the menu, as Sheets does when the document opens. */
  private attach(fake: FakeGoogle): void {
    this.fake = fake;
    this.host = loadBuiltBundle(fake, this.distDir);
    this.host.call('onOpen');
  }

  private openSidebar(): void {
    try {
      this.host.call('showCanvasSidebar');
      this.sidebarHtmlShown = this.fake.ui.sidebars.at(-1)?.html ?? null;
    } catch {
      this.sidebarHtmlShown = null;
    }
  }

  /** The sidebar HTML exactly as showCanvasSidebar() last produced it (null if never shown). */
  sidebarHtml(): string | null {
    return this.sidebarHtmlShown;
  }

  /** Functions the sidebar may call: the contract's (src/core/sidebar-functions.ts) that the bundle defines. */
  sidebarFunctions(): string[] {
    return SIDEBAR_FUNCTION_NAMES.filter((name) => this.host.functionNames.includes(name));
  }

  /** The add-on menu as onOpen built it. */
  menuEntries(): MenuEntry[] {
    const menu = this.fake.ui.menus.find((m) => m.addon) ?? this.fake.ui.menus[0];
    const out: MenuEntry[] = [];
    const walk = (items: typeof menu.items) => {
      for (const item of items) {
        if (item === 'separator') continue;
        if ('submenu' in item) walk(item.submenu);
        else if (this.host.functionNames.includes(item.functionName))
          out.push({ caption: item.caption, functionName: item.functionName });
      }
    };
    if (menu) walk(menu.items);
    return out;
  }

  menuName(): string {
    return (this.fake.ui.menus.find((m) => m.addon) ?? this.fake.ui.menus[0])?.name ?? 'Add-ons';
  }

  /** Saves the state if the document changed since the last save; returns whether it did. */
  private persist(): boolean {
    const text = JSON.stringify(this.fake.toJSON());
    if (text === this.savedText) return false;
    saveState(this.options.stateFile, text);
    this.savedText = text;
    this.version++;
    return true;
  }

  private marks() {
    const ui = this.fake.ui;
    return {
      alerts: ui.alerts.length,
      toasts: ui.toasts.length,
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
    };
  }

  private eventsSince(m: ReturnType<PreviewSession['marks']>): UiEvents {
    const ui = this.fake.ui;
    const alerts = ui.alerts
      .slice(m.alerts)
      .filter((a: AlertRecord) => !a.buttons || a.buttons === 'OK')
      .map((a) => (a.title !== undefined ? { title: a.title, prompt: a.prompt } : { prompt: a.prompt }));
    const toasts = ui.toasts
      .slice(m.toasts)
      .map((t: ToastRecord) => ({ title: t.title, message: t.message, timeout: t.timeout }));
    const sidebar = ui.sidebars.length > m.sidebars;
    if (sidebar) this.sidebarHtmlShown = ui.sidebars.at(-1)?.html ?? this.sidebarHtmlShown;
    return { alerts, toasts, sidebar, dialogs: ui.dialogs.slice(m.dialogs).map((d) => ({ title: d.title })) };
  }

  /** A google.script.run call from the sidebar. The caller has checked that fn is a sidebar function. */
  run(fn: string, args: unknown[]): CallOutcome {
    const m = this.marks();
    try {
      const result = this.host.call(fn, ...args);
      const changed = this.persist();
      return { ok: true, result, changed, version: this.version, ...this.eventsSince(m) };
    } catch (error) {
      const changed = this.persist();
      return { ok: false, error: thrownMessage(error), changed, version: this.version, ...this.eventsSince(m) };
    }
  }

  /**
   * A menu item. Its YES/NO questions are answered from `answers` in order; when it asks one more, nothing
   * it did is kept and the question is returned for the page to ask (then the page calls again with the answer).
   */
  menu(fn: string, answers: string[]): MenuOutcome {
    const before = this.savedText;
    const m = this.marks();
    const queue = this.fake.ui.alertResponses;
    queue.length = 0;
    queue.push(...answers);
    let failure: string | null = null;
    try {
      this.host.call(fn);
    } catch (error) {
      failure = thrownMessage(error);
    } finally {
      queue.length = 0;
    }
    // The unanswered question surfaces as the fake's error: thrown, or shown by the add-on's own error alert.
    const asked = [failure ?? '', ...this.fake.ui.alerts.slice(m.alerts).map((a) => a.prompt)]
      .map((text) => QUESTION.exec(text))
      .find(Boolean);
    if (asked) {
      if (JSON.stringify(this.fake.toJSON()) !== before)
        this.attach(loadFakeGoogle(before, { files: { Sidebar: this.sidebarFile }, addonMenuName: ADDON_MENU_NAME }));
      this.fake.ui.alerts.splice(m.alerts);
      this.fake.ui.toasts.splice(m.toasts);
      return {
        ok: true,
        question: { prompt: JSON.parse(asked[1]) as string, buttons: asked[2] },
        changed: false,
        version: this.version,
      };
    }
    const changed = this.persist();
    if (failure !== null) return { ok: false, error: failure, changed, version: this.version, ...this.eventsSince(m) };
    return { ok: true, changed, version: this.version, ...this.eventsSince(m) };
  }

  /** A teammate types `input` into a cell (Sheets parses it as typed input; formulas recalculate). */
  setCell(sheet: string, a1: string, input: string): CallOutcome {
    const m = this.marks();
    try {
      this.fake.direct.setCell(sheet, a1, input);
      const changed = this.persist();
      return { ok: true, changed, version: this.version, ...this.eventsSince(m) };
    } catch (error) {
      const changed = this.persist();
      return { ok: false, error: thrownMessage(error), changed, version: this.version, ...this.eventsSince(m) };
    }
  }

  /**
   * A teammate changes the structure, as in Sheets' own menus: inserts or deletes rows, renames or deletes a tab.
   * The add-on is not involved (nothing is counted); what it does next with the changed sheet is what we test.
   */
  structure(change: StructureChange): CallOutcome {
    const m = this.marks();
    try {
      this.fake.direct.uncounted(() => {
        const sheet = this.fake.spreadsheet.getSheetByName(change.sheet);
        if (!sheet) throw new Error(`There is no sheet named "${change.sheet}".`);
        if (change.op === 'insertRowsBefore') sheet.insertRowsBefore(change.row, change.count);
        else if (change.op === 'insertRowsAfter') sheet.insertRowsAfter(change.row, change.count);
        else if (change.op === 'deleteRows') sheet.deleteRows(change.row, change.count);
        else if (change.op === 'renameSheet') sheet.setName(change.name);
        else this.fake.spreadsheet.deleteSheet(sheet);
      });
      const changed = this.persist();
      return { ok: true, changed, version: this.version, ...this.eventsSince(m) };
    } catch (error) {
      const changed = this.persist();
      return { ok: false, error: thrownMessage(error), changed, version: this.version, ...this.eventsSince(m) };
    }
  }

  sheetNames(): string[] {
    return this.fake.direct.sheetNames();
  }

  model(): ReadModel {
    return this.fake.model();
  }

  active(): { sheet: string; range: string } {
    const sheet = this.fake.direct.activeSheetName();
    const full = this.fake.direct.activeRange();
    return {
      sheet,
      range: full.startsWith(`${sheet}!`) ? full.slice(sheet.length + 1) : full.slice(full.lastIndexOf('!') + 1),
    };
  }

  /** One sheet drawn as a grid (the active sheet when `sheetName` is not a sheet). */
  view(sheetName?: string): SheetView {
    const model = this.model();
    const visible = model.sheets.filter((s) => !s.hidden);
    const sheet =
      visible.find((s) => s.name === sheetName) ??
      visible.find((s) => s.name === model.activeSheet) ??
      visible[0] ??
      model.sheets[0];
    return {
      version: this.version,
      spreadsheetName: model.spreadsheetName,
      sheets: visible.map((s) => ({ name: s.name, tabColor: s.tabColor })),
      sheet: sheet.name,
      active: this.active(),
      grid: renderGrid(sheet, { timeZone: model.timeZone }, model.sheets),
    };
  }

  /** The current spreadsheet as an .xlsx workbook. */
  xlsx(): Promise<Buffer> {
    return workbookBuffer(this.model());
  }

  stateText(): string {
    return this.savedText;
  }
}
