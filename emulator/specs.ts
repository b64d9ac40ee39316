/** Class specs: Apps Script class name, which service it belongs to, its methods, void methods and enums. */
import * as E from './enums';
import * as M from './method-kinds';
import { CHART_BUILDER_METHODS, ChartType } from './charts';
import { RichTextValueBuilderImpl, TextStyleBuilderImpl } from './rich-text';
import type { ClassSpec } from './service';

export const SPECS = {
  SpreadsheetApp: {
    name: 'SpreadsheetApp',
    service: 'spreadsheet',
    methods: M.SPREADSHEET_APP_METHODS,
    voids: M.VOID_METHODS.SpreadsheetApp,
    properties: {
      BorderStyle: E.BorderStyle,
      WrapStrategy: E.WrapStrategy,
      ProtectionType: E.ProtectionType,
      SheetType: E.SheetType,
      Dimension: E.Dimension,
      TextDirection: E.TextDirection,
      // Builders are local objects in Apps Script (no spreadsheet call): properties here, so they are not counted.
      newRichTextValue: () => new RichTextValueBuilderImpl(),
      newTextStyle: () => new TextStyleBuilderImpl(),
    },
  },
  Spreadsheet: {
    name: 'Spreadsheet',
    service: 'spreadsheet',
    methods: M.SPREADSHEET_METHODS,
    voids: M.VOID_METHODS.Spreadsheet,
  },
  Sheet: {
    name: 'Sheet',
    service: 'spreadsheet',
    methods: M.SHEET_METHODS,
    voids: M.VOID_METHODS.Sheet,
    uncounted: ['newChart'],
  },
  EmbeddedChartBuilder: {
    name: 'EmbeddedChartBuilder',
    service: 'local',
    methods: Object.fromEntries(CHART_BUILDER_METHODS.map((m) => [m, 'other' as const])),
  },
  EmbeddedChart: {
    name: 'EmbeddedChart',
    service: 'local',
    methods: {
      getChartId: 'other',
      getNumHeaders: 'other',
      getContainerInfo: 'other',
      getOptions: 'other',
      getRanges: 'other',
      modify: 'other',
    },
  },
  ContainerInfo: {
    name: 'ContainerInfo',
    service: 'local',
    methods: { getAnchorRow: 'other', getAnchorColumn: 'other', getOffsetX: 'other', getOffsetY: 'other' },
  },
  ChartOptions: { name: 'ChartOptions', service: 'local', methods: { get: 'other', getOrDefault: 'other' } },
  Charts: { name: 'Charts', service: 'local', methods: {}, properties: { ChartType } },
  Range: { name: 'Range', service: 'spreadsheet', methods: M.RANGE_METHODS },
  RangeList: { name: 'RangeList', service: 'spreadsheet', methods: M.RANGE_LIST_METHODS },
  NamedRange: {
    name: 'NamedRange',
    service: 'spreadsheet',
    methods: M.NAMED_RANGE_METHODS,
    voids: M.VOID_METHODS.NamedRange,
  },
  Protection: {
    name: 'Protection',
    service: 'spreadsheet',
    methods: M.PROTECTION_METHODS,
    voids: M.VOID_METHODS.Protection,
  },
  Ui: {
    name: 'Ui',
    service: 'other',
    methods: M.UI_METHODS,
    voids: M.VOID_METHODS.Ui,
    properties: { ButtonSet: E.ButtonSet, Button: E.Button },
  },
  Menu: { name: 'Menu', service: 'other', methods: M.MENU_METHODS, voids: M.VOID_METHODS.Menu },
  HtmlService: {
    name: 'HtmlService',
    service: 'other',
    methods: M.HTML_SERVICE_METHODS,
    properties: { SandboxMode: E.SandboxMode, XFrameOptionsMode: E.XFrameOptionsMode },
  },
  HtmlOutput: { name: 'HtmlOutput', service: 'other', methods: M.HTML_OUTPUT_METHODS },
  LockService: { name: 'LockService', service: 'other', methods: M.LOCK_SERVICE_METHODS },
  Lock: { name: 'Lock', service: 'other', methods: M.LOCK_METHODS, voids: M.VOID_METHODS.Lock },
  Session: { name: 'Session', service: 'other', methods: M.SESSION_METHODS },
  User: { name: 'User', service: 'other', methods: M.USER_METHODS },
  ScriptApp: {
    name: 'ScriptApp',
    service: 'other',
    methods: M.SCRIPT_APP_METHODS,
    properties: { AuthMode: E.AuthMode },
  },
  Logger: { name: 'Logger', service: 'other', methods: M.LOGGER_METHODS, voids: M.VOID_METHODS.Logger },
  Utilities: {
    name: 'Utilities',
    service: 'other',
    methods: M.UTILITIES_METHODS,
    voids: M.VOID_METHODS.Utilities,
    properties: { DigestAlgorithm: E.DigestAlgorithm, Charset: E.Charset },
  },
} satisfies Record<string, ClassSpec>;
