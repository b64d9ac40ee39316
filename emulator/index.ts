/**
 * In-memory Google Sheets / Apps Script fake.
 *
 *   const fake = createFakeGoogle({ spreadsheetName: 'Demo', files: { Sidebar: html } });
 *   vm.createContext(fake.globals);            // SpreadsheetApp, HtmlService, LockService, Session, …
 *   vm.runInContext(bundle, fake.globals);
 *   fake.stats / fake.resetStats() / fake.countDuring(fn)
 *   fake.direct.*  — uncounted helpers for tests, preview and export
 *   fake.toJSON() / loadFakeGoogle(json)       — save and restore
 *   fake.model()                               — read model for renderers
 *
 * See README.md in this folder for the semantics the fake reproduces.
 */
import { parseCellA1, rectToA1 } from './a1';
import { FakeContext, type FakeOptions, type LockState, type LogRecord, type UiLog } from './context';
import { DocumentModel, SheetsError } from './document';
import { ChartsImpl, EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './charts';
import { AuthMode } from './enums';
import { HtmlOutputImpl, HtmlServiceImpl } from './html-service';
import { LockImpl, LockServiceImpl } from './lock-service';
import { LoggerImpl, makeConsole } from './logger';
import { NamedRangeImpl } from './named-range';
import { ProtectionImpl } from './protection';
import { RangeImpl } from './range';
import { RangeListImpl } from './range-list';
import { buildReadModel, type ReadModel } from './read-model';
import { Realm } from './realm';
import { ServiceWrapper } from './service';
import { SessionImpl, UserImpl } from './session';
import { SheetImpl, objectSheet } from './sheet';
import type { SheetModel } from './sheet-model';
import { SPECS } from './specs';
import { SpreadsheetImpl } from './spreadsheet';
import { SpreadsheetAppImpl } from './spreadsheet-app';
import { documentFromState, documentState, toStateJson, type DocumentStateJson, type FakeStateJson } from './state';
import { resolveFormat } from './formats';
import { diffStats, StatsRecorder, type Stats, type TraceEntry } from './stats';
import { MenuImpl, UiImpl } from './ui';
import { UtilitiesImpl } from './utilities';
import type { AuthModeName, CellScalar, ResolvedFormat } from './types';

export type { Stats, TraceEntry } from './stats';
export type { ReadModel, ReadSheet, ReadCell, ReadMerge, ReadNamedRange, ReadChart } from './read-model';
export type { FakeStateJson, DocumentStateJson } from './state';
export type {
  FakeOptions,
  UiLog,
  LockState,
  LogRecord,
  AlertRecord,
  ToastRecord,
  SidebarRecord,
  DialogRecord,
  MenuRecord,
  MenuItem,
} from './context';
export type { CellScalar, CellFormat, ResolvedFormat, BorderSide } from './types';
export { STATE_FORMAT } from './state';

/** One cell as tests see it. */
export interface CellView {
  sheet: string;
  a1: string;
  row: number;
  column: number;
  /** Computed value (what getValue returns); '' when empty. */
  value: CellScalar;
  /** Stored formula, or '' (what getFormula returns). */
  formula: string;
  /** What getDisplayValue returns. */
  display: string;
  /** Error code when the formula evaluates to an error. */
  error?: string;
  /** The error's explanation (e.g. "Circular dependency detected…"). */
  errorDetail?: string;
  note: string;
  format: ResolvedFormat;
  /** A1 notation of the merge containing this cell, if any. */
  merge?: string;
  /** Coloured runs of a rich-text value ([] for plain values). */
  runs: Array<{ start: number; end: number; foregroundColor?: string; bold?: boolean }>;
}

export interface DirectApi {
  sheetNames(): string[];
  /** Computed values of the used area (rows 1..lastRow, columns 1..lastColumn). */
  values(sheet: string): CellScalar[][];
  /** Formulas of the used area ('' for non-formula cells). */
  formulas(sheet: string): string[][];
  /** Display strings of the used area. */
  displayValues(sheet: string): string[][];
  /** Types into a cell like a user (strings parsed as Sheets parses typed input; formulas recalculate). */
  setCell(sheet: string, a1: string, input: string | number | boolean | Date | null): void;
  cell(sheet: string, a1: string): CellView;
  /** Computed value of a cell (like getValue). */
  evaluate(sheet: string, a1: string): CellScalar;
  documentState(): DocumentStateJson;
  merges(sheet: string): string[];
  namedRanges(): Array<{ name: string; sheet: string | null; a1: string; valid: boolean }>;
  activeSheetName(): string;
  /** The current selection as 'Sheet!A1:B2'. */
  activeRange(): string;
  /** Runs fn (e.g. API calls on fake.spreadsheet) without counting them in stats. */
  uncounted<T>(fn: () => T): T;
  /**
   * Adds a sheet of type OBJECT (a chart moved to its own sheet: no cells), as a user does from a chart's menu;
   * `active` makes it the active sheet. Apps Script cannot create one.
   */
  addChartSheet(name: string, options?: { index?: number; active?: boolean }): void;
}

export interface ScriptConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

/** The Apps Script globals the fake provides. */
export interface FakeGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Logger: GoogleAppsScript.Base.Logger;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Charts: GoogleAppsScript.Charts.Charts;
  console: ScriptConsole;
  [name: string]: unknown;
}

export interface FakeGoogle {
  /**
   * Globals for a node:vm context: `vm.createContext(fake.globals)` (or a copy of it). Values and
   * errors the fake hands to the script then belong to the script's realm (instanceof Error/Date hold).
   */
  globals: FakeGlobals;
  /** Binds the fake to a vm context explicitly (only needed for contexts not made with vm.createContext). */
  bindContext(context: object): void;
  /** The active spreadsheet (the same object SpreadsheetApp.getActiveSpreadsheet() returns; calls count). */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Live counters; resetStats() zeroes them in place. */
  stats: Stats;
  resetStats(): void;
  /** Runs fn as a fresh execution and returns the calls it made (plus its result). */
  countDuring<T>(fn: () => T): Stats & { result: T };
  /** Starts recording every counted call into the returned array (stops with stopTrace()). */
  startTrace(): TraceEntry[];
  stopTrace(): void;
  ui: UiLog;
  /**
   * Fault injection: the next `times` calls of `method` (e.g. "Range.setValues", "Spreadsheet.getRangeByName")
   * throw `message` (as Apps Script's services do when Google times out), before doing anything.
   */
  failNext(method: string, message: string, times?: number): void;
  /**
   * The write call after the next `writes` successful ones throws `message` (once), as a service does when it
   * times out part-way through an operation: what was written before stays written (Apps Script is not
   * transactional).
   */
  failAfterWrites(writes: number, message: string): void;
  lock: LockState;
  logs: LogRecord[];
  setAuthMode(mode: AuthModeName): void;
  getAuthMode(): AuthModeName;
  direct: DirectApi;
  /** Computed value of a cell by position (uncounted), e.g. evaluate('Key Figures', 2, 7). */
  evaluate(sheet: string, row: number, column: number): CellScalar;
  /** Alias of direct.documentState() (deep copy for before/after equality). */
  snapshotState(): DocumentStateJson;
  /** Full state (document, selection, id counters) for loadFakeGoogle. */
  toJSON(): FakeStateJson;
  model(): ReadModel;
}

function defaultOptions(options: FakeOptions | undefined): FakeOptions {
  return { ...(options ?? {}) };
}

function build(doc: DocumentModel, options: FakeOptions): FakeGoogle {
  const globals = {} as FakeGlobals;
  const realm = new Realm(globals);
  const recorder = new StatsRecorder();
  const holder: { ctx?: FakeContext } = {};
  const faults = new Map<string, { message: string; times: number }>();
  let writeFault: { after: number; message: string } | null = null;
  const wrapper = new ServiceWrapper({
    recorder,
    realm,
    afterWrite: () => holder.ctx!.doc.touch(),
    beforeCall(label) {
      if (writeFault && WRITE_METHODS.has(label) && writeFault.after-- <= 0) {
        const { message } = writeFault;
        writeFault = null;
        throw realm.error(message);
      }
      const fault = faults.get(label);
      if (!fault) return;
      if (--fault.times <= 0) faults.delete(label);
      throw realm.error(fault.message);
    },
  });
  const ctx = new FakeContext(doc, recorder, realm, wrapper, options);
  holder.ctx = ctx;

  let spreadsheetProxy: object | undefined;
  let uiProxy: object | undefined;
  ctx.factories = {
    spreadsheet: () => (spreadsheetProxy ??= wrapper.wrap(SPECS.Spreadsheet, new SpreadsheetImpl(ctx))),
    // Like Apps Script, every call hands out a new Sheet object: compare sheets by getSheetId(), not ===.
    sheet: (model) =>
      wrapper.wrap(
        SPECS.Sheet,
        model.type === 'OBJECT' ? objectSheet(ctx, new SheetImpl(ctx, model)) : new SheetImpl(ctx, model),
      ),
    range: (model, rect, notation) => wrapper.wrap(SPECS.Range, new RangeImpl(ctx, model, rect, notation)),
    rangeList: (ranges) =>
      wrapper.wrap(
        SPECS.RangeList,
        new RangeListImpl(
          ctx,
          ranges.map((r) => ctx.factories.range(r.sheet, r.rect, r.notation)),
        ),
      ),
    namedRange: (name) => wrapper.wrap(SPECS.NamedRange, new NamedRangeImpl(ctx, name)),
    protection: (sheet, id) => wrapper.wrap(SPECS.Protection, new ProtectionImpl(ctx, sheet, id)),
    chartBuilder: (sheet, chart) =>
      wrapper.wrap(SPECS.EmbeddedChartBuilder, new EmbeddedChartBuilderImpl(ctx, sheet, chart)),
    embeddedChart: (sheet, chart) => wrapper.wrap(SPECS.EmbeddedChart, new EmbeddedChartImpl(ctx, sheet, chart)),
    chartPart: (kind, impl) => wrapper.wrap(SPECS[kind], impl),
    user: (email) => wrapper.wrap(SPECS.User, new UserImpl(email)),
    ui: () => (uiProxy ??= wrapper.wrap(SPECS.Ui, new UiImpl(ctx))),
    menu: (name, addon) => wrapper.wrap(SPECS.Menu, new MenuImpl(ctx, name, addon)),
    htmlOutput: (content) => wrapper.wrap(SPECS.HtmlOutput, new HtmlOutputImpl(content)),
    lock: () => wrapper.wrap(SPECS.Lock, new LockImpl(ctx)),
  };

  const spreadsheetApp = wrapper.wrap(SPECS.SpreadsheetApp, new SpreadsheetAppImpl(ctx));
  realm.markWith(spreadsheetApp);
  Object.assign(globals, {
    SpreadsheetApp: spreadsheetApp,
    HtmlService: wrapper.wrap(SPECS.HtmlService, new HtmlServiceImpl(ctx)),
    LockService: wrapper.wrap(SPECS.LockService, new LockServiceImpl(ctx)),
    Session: wrapper.wrap(SPECS.Session, new SessionImpl(ctx)),
    ScriptApp: wrapper.wrap(SPECS.ScriptApp, {}),
    Logger: wrapper.wrap(SPECS.Logger, new LoggerImpl(ctx)),
    Utilities: wrapper.wrap(SPECS.Utilities, new UtilitiesImpl(ctx)),
    Charts: wrapper.wrap(SPECS.Charts, new ChartsImpl()),
    console: makeConsole(ctx),
  });

  const sheetNamed = (name: string): SheetModel => {
    const s = ctx.doc.sheetByName(name);
    if (!s) throw new Error(`FakeSheets: no sheet named ${JSON.stringify(name)}`);
    return s;
  };
  const usedArea = <T>(name: string, fn: (s: SheetModel, r: number, c: number) => T): T[][] => {
    const s = sheetNamed(name);
    const lr = s.lastRow();
    const lc = s.lastColumn();
    const out: T[][] = [];
    for (let r = 1; r <= lr; r++) {
      const row: T[] = [];
      for (let c = 1; c <= lc; c++) row.push(fn(s, r, c));
      out.push(row);
    }
    return out;
  };

  const direct: DirectApi = {
    sheetNames: () => ctx.doc.sheets.map((s) => s.name),
    values: (name) => usedArea(name, (s, r, c) => ctx.doc.computed(s, r, c).value),
    formulas: (name) => usedArea(name, (s, r, c) => s.cellAt(r, c)?.formula ?? ''),
    displayValues: (name) => usedArea(name, (s, r, c) => ctx.doc.display(s, r, c)),
    setCell(name, a1, input) {
      const s = sheetNamed(name);
      const { row, col } = parseCellA1(a1);
      if (row > s.maxRows || col > s.maxCols) throw new Error(`FakeSheets: ${a1} is outside ${name}`);
      try {
        ctx.doc.checkInput(input);
      } catch (e) {
        if (e instanceof SheetsError) throw new Error(e.message);
        throw e;
      }
      ctx.doc.writeValue(s, row, col, input);
      ctx.doc.touch();
    },
    cell(name, a1) {
      const s = sheetNamed(name);
      const { row, col } = parseCellA1(a1);
      const cell = s.cellAt(row, col);
      const c = ctx.doc.computed(s, row, col);
      const view: CellView = {
        sheet: s.name,
        a1: a1.toUpperCase(),
        row,
        column: col,
        value: c.value,
        formula: cell?.formula ?? '',
        display: ctx.doc.display(s, row, col),
        note: cell?.note ?? '',
        format: resolveFormat(cell?.format),
        runs: (cell?.runs ?? []).map((run) => ({ ...run })),
      };
      if (c.error) {
        view.error = c.error;
        view.errorDetail = ctx.doc.errorDetail(s, row, col);
      }
      const m = s.mergeAt(row, col);
      if (m) view.merge = rectToA1(m);
      return view;
    },
    evaluate(name, a1) {
      const s = sheetNamed(name);
      const { row, col } = parseCellA1(a1);
      return ctx.doc.computed(s, row, col).value;
    },
    documentState: () => documentState(ctx.doc),
    merges: (name) =>
      sheetNamed(name)
        .merges.slice()
        .sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)
        .map(rectToA1),
    namedRanges: () =>
      ctx.doc.namedRanges.map((n) => ({
        name: n.name,
        sheet: ctx.doc.sheetById(n.sheetId)?.name ?? null,
        a1: rectToA1(n.rect),
        valid: n.valid,
      })),
    activeSheetName: () => ctx.doc.activeSheet().name,
    activeRange: () => {
      const s = ctx.doc.activeSheet();
      const ar = ctx.doc.activeRange;
      const rect = ar && ar.sheetId === s.id ? ar.rect : { r1: 1, c1: 1, r2: 1, c2: 1 };
      return `${s.name}!${rectToA1(rect)}`;
    },
    uncounted: (fn) => recorder.uncounted(fn),
    addChartSheet(name, options = {}) {
      const sheet = ctx.doc.addSheet(name, options.index ?? ctx.doc.sheets.length);
      sheet.type = 'OBJECT';
      sheet.maxRows = 0;
      sheet.maxCols = 0;
      if (options.active) ctx.doc.activeSheetId = sheet.id;
    },
  };

  const fake: FakeGoogle = {
    globals,
    bindContext: (context) => realm.bindContext(context),
    spreadsheet: ctx.factories.spreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet,
    stats: recorder.stats,
    resetStats: () => recorder.reset(),
    failNext(method: string, message: string, times = 1) {
      faults.set(method, { message, times });
    },
    failAfterWrites(writes: number, message: string) {
      writeFault = { after: writes, message };
    },
    countDuring<T>(fn: () => T) {
      const before = recorder.snapshot();
      recorder.newExecution();
      const result = fn();
      return { ...diffStats(recorder.snapshot(), before), result };
    },
    startTrace() {
      recorder.trace = [];
      return recorder.trace;
    },
    stopTrace() {
      recorder.trace = null;
    },
    ui: ctx.ui,
    lock: ctx.lock,
    logs: ctx.logs,
    setAuthMode(mode) {
      if (!(mode in AuthMode)) throw new Error(`FakeSheets: unknown auth mode ${mode}`);
      ctx.authMode = mode;
    },
    getAuthMode: () => ctx.authMode,
    direct,
    evaluate: (name, row, column) => ctx.doc.computed(sheetNamed(name), row, column).value,
    snapshotState: () => documentState(ctx.doc),
    toJSON: () => toStateJson(ctx.doc),
    model: (): ReadModel => buildReadModel(ctx.doc),
  };
  return fake;
}

/** "Class.method" of every Spreadsheet-service write (method-kinds.ts), for failAfterWrites. */
const WRITE_METHODS = new Set(
  Object.values(SPECS)
    .filter((spec) => spec.service === 'spreadsheet')
    .flatMap((spec) =>
      Object.entries(spec.methods)
        .filter(([, kind]) => kind === 'write')
        .map(([method]) => `${spec.name}.${method}`),
    ),
);

let spreadsheetCounter = 0;

/** A new fake with one empty spreadsheet holding 'Sheet1' (1000 rows × 26 columns, sheet id 0). */
export function createFakeGoogle(options?: FakeOptions): FakeGoogle {
  const opts = defaultOptions(options);
  const now = opts.now ?? (() => new Date());
  spreadsheetCounter++;
  const doc = new DocumentModel({
    id: opts.spreadsheetId ?? `fake-spreadsheet-${String(spreadsheetCounter).padStart(4, '0')}`,
    name: opts.spreadsheetName ?? 'Untitled spreadsheet',
    timeZone: opts.timeZone ?? 'Etc/UTC',
    locale: opts.locale ?? 'en_US',
    now,
    reading: opts.reading,
    readings: opts.readings,
  });
  doc.addSheet('Sheet1', 0, 0);
  doc.newSheetSize = opts.newSheetSize;
  doc.activeSheetId = 0;
  return build(doc, opts);
}

/** Restores a fake from fake.toJSON() output (a parsed object or its JSON text). */
export function loadFakeGoogle(json: unknown, options?: FakeOptions): FakeGoogle {
  const opts = defaultOptions(options);
  const data = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  const doc = documentFromState(data, opts.now ?? (() => new Date()));
  if (opts.reading) doc.reading = opts.reading;
  if (opts.readings) doc.readings = { ...opts.readings };
  if (opts.locale) doc.locale = opts.locale;
  doc.newSheetSize = opts.newSheetSize;
  return build(doc, opts);
}

/** Alias of loadFakeGoogle. */
export const fromJSON = loadFakeGoogle;
