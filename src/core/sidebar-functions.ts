/**
 * The one contract between the sidebar and the server: the functions the sidebar may call (checked against
 * ServerApi at compile time) and the menu's entry points. The server's exports, the build's top-level functions
 * (src/entry-points.json), the sidebar's call wrapper, the preview and the browser tests' stand-in derive from it.
 */
import type { CallKind } from './service-failure';
import type { ServerApi } from './view';

/** Each function the sidebar calls, with what it does (the words of a service failure depend on it). */
export const SIDEBAR_FUNCTIONS = {
  getCanvas: 'read',
  getBlock: 'read',
  selectBlock: 'read',
  saveBlock: 'save',
  resetBlock: 'change',
  getFitChecks: 'read',
  selectSegmentEntries: 'read',
  showNumbers: 'read',
  selectCell: 'read',
  saveSnapshot: 'save',
  listSnapshots: 'read',
  compareSnapshots: 'read',
  restoreSnapshot: 'change',
  exportCanvasJson: 'read',
  importCanvasJson: 'change',
} as const satisfies { readonly [K in keyof ServerApi]: CallKind };

export type SidebarFunction = keyof typeof SIDEBAR_FUNCTIONS;

export const SIDEBAR_FUNCTION_NAMES = /* @__PURE__ */ Object.keys(SIDEBAR_FUNCTIONS) as SidebarFunction[];

/** Apps Script's triggers and the add-on menu's items: top-level functions the sidebar never calls. */
export const MENU_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'insertXiaomiCanvas',
  'showCanvasSidebar',
  'refreshKeyFigures',
  'showAbout',
  'saveSnapshotFromMenu',
] as const;

export type EntryPoint = (typeof MENU_FUNCTIONS)[number] | SidebarFunction;

/** Every top-level function of dist/Code.js, in the order of src/entry-points.json. */
export const ENTRY_POINTS: readonly EntryPoint[] = [...MENU_FUNCTIONS, ...SIDEBAR_FUNCTION_NAMES];
