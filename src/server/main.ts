/**
 * The server entry: glue only. Everything Apps Script (menus, google.script.run) may call is exported here and
 * listed in src/entry-points.json; the build adds a top-level function for each.
 */
export { onOpen, onInstall, insertXiaomiCanvas, refreshKeyFigures, showAbout, saveSnapshotFromMenu } from './menu';
export { showCanvasSidebar } from './sidebar-host';
export { getCanvas, selectBlock, saveBlock, resetBlock, getFitChecks, selectSegmentEntries } from './canvas-api';
export { saveSnapshot, listSnapshots, compareSnapshots, restoreSnapshot } from './snapshots';
export { exportCanvasJson, importCanvasJson } from './canvas-json-io';
