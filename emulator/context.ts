/**
 * Everything the API objects share: the document, the stats recorder, the realm, the wrapper that
 * turns implementations into counted service objects, the UI/lock/log records tests inspect, and the
 * factories that create API objects (kept here to avoid import cycles between range.ts and sheet.ts).
 */
import type { DocumentModel, Readings } from './document';
import { SheetsError } from './document';
import type { Realm } from './realm';
import type { ServiceWrapper } from './service';
import type { ChartModel } from './charts';
import type { SheetModel } from './sheet-model';
import type { StatsRecorder } from './stats';
import type { AuthModeName, Rect } from './types';

export interface AlertRecord {
  title?: string;
  prompt: string;
  buttons?: string;
  /** The button the (simulated) user pressed. */
  response: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeout: number;
}

export interface SidebarRecord {
  title: string;
  html: string;
  width?: number;
}

export interface DialogRecord {
  kind: 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
}

export type MenuItem =
  { caption: string; functionName: string } | 'separator' | { caption: string; submenu: MenuItem[] };

export interface MenuRecord {
  name: string;
  addon: boolean;
  items: MenuItem[];
}

export interface UiLog {
  /** Answers for Ui.alert, consumed in order: 'YES' | 'NO' | 'OK' | 'CANCEL' | 'CLOSE'. */
  alertResponses: string[];
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  sidebars: SidebarRecord[];
  menus: MenuRecord[];
  dialogs: DialogRecord[];
}

export interface LockState {
  /** When false, tryLock returns false and waitLock throws. */
  available: boolean;
  /** True while some Lock obtained through LockService holds the lock. */
  held: boolean;
  acquisitions: number;
  releases: number;
}

export interface LogRecord {
  source: 'Logger' | 'console';
  level: string;
  message: string;
}

export interface FakeOptions {
  spreadsheetName?: string;
  files?: Record<string, string>;
  userEmail?: string;
  effectiveUserEmail?: string;
  now?: () => Date;
  /** Spreadsheet time zone (default 'Etc/UTC'). */
  timeZone?: string;
  /** Script time zone for Session.getScriptTimeZone (default: the spreadsheet's). */
  scriptTimeZone?: string;
  spreadsheetId?: string;
  /** Name of the add-on menu created by Ui.createAddonMenu (default 'Add-ons'). */
  addonMenuName?: string;
  /** Echo console.* output of the script to the host console as well as recording it. */
  echoConsole?: boolean;
  /** How undocumented behaviour is read (default: FAKE_SHEETS_READING, else 'strict'); see README "Readings". */
  reading?: 'strict' | 'lenient';
  /** Single behaviours switched away from `reading`'s side; see README "Readings". */
  readings?: Partial<Readings>;
  /** The spreadsheet's locale (default en_US); setSpreadsheetLocale changes it. */
  locale?: string;
  /** Size of sheets made by insertSheet after creation (default 1000 × 26; Google does not document it). */
  newSheetSize?: { rows: number; columns: number };
}

export interface Factories {
  spreadsheet(): object;
  sheet(model: SheetModel): object;
  range(model: SheetModel, rect: Rect, notation?: string): object;
  rangeList(ranges: Array<{ sheet: SheetModel; rect: Rect; notation?: string }>): object;
  namedRange(name: string): object;
  protection(sheet: SheetModel, id: number): object;
  chartBuilder(sheet: SheetModel, chart: ChartModel): object;
  embeddedChart(sheet: SheetModel, chart: ChartModel): object;
  chartPart(kind: 'ContainerInfo' | 'ChartOptions', impl: object): object;
  user(email: string): object;
  ui(): object;
  menu(name: string, addon: boolean): object;
  htmlOutput(content: string): object;
  lock(): object;
}

export class FakeContext {
  authMode: AuthModeName = 'FULL';
  readonly ui: UiLog = { alertResponses: [], alerts: [], toasts: [], sidebars: [], menus: [], dialogs: [] };
  readonly lock: LockState = { available: true, held: false, acquisitions: 0, releases: 0 };
  readonly logs: LogRecord[] = [];
  factories!: Factories;

  constructor(
    public doc: DocumentModel,
    readonly recorder: StatsRecorder,
    readonly realm: Realm,
    readonly wrapper: ServiceWrapper,
    readonly options: FakeOptions,
  ) {}

  /** Throws an Apps Script-like Error. */
  fail(message: string): never {
    throw this.realm.error(message);
  }

  /** Runs a model operation, turning SheetsError into an Apps Script-like Error. */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof SheetsError) throw this.realm.error(e.message);
      throw e;
    }
  }

  unwrap<T>(value: unknown): T | undefined {
    return this.wrapper.unwrap<T>(value);
  }
}
