/**
 * The server entry: glue only. Everything Apps Script (menus, google.script.run) may call is exported here and
 * listed in src/entry-points.json; the build adds a top-level function for each. What the sidebar calls goes
 * through sidebarCall, so a failure of Google's services reaches the user in plain words.
 */
import * as canvasApi from './canvas-api';
import * as canvasJson from './canvas-json-io';
import { sidebarCall } from './sidebar-call';
import * as snapshots from './snapshots';

export { onOpen, onInstall, insertXiaomiCanvas, refreshKeyFigures, showAbout, saveSnapshotFromMenu } from './menu';
export { showCanvasSidebar } from './sidebar-host';

export const getCanvas = sidebarCall('read', canvasApi.getCanvas);
export const getBlock = sidebarCall('read', canvasApi.getBlock);
export const selectBlock = sidebarCall('read', canvasApi.selectBlock);
export const saveBlock = sidebarCall('save', canvasApi.saveBlock);
export const resetBlock = sidebarCall('change', canvasApi.resetBlock);
export const getFitChecks = sidebarCall('read', canvasApi.getFitChecks);
export const selectSegmentEntries = sidebarCall('read', canvasApi.selectSegmentEntries);
export const saveSnapshot = sidebarCall('save', snapshots.saveSnapshot);
export const listSnapshots = sidebarCall('read', snapshots.listSnapshots);
export const compareSnapshots = sidebarCall('read', snapshots.compareSnapshots);
export const restoreSnapshot = sidebarCall('change', snapshots.restoreSnapshot);
export const exportCanvasJson = sidebarCall('read', canvasJson.exportCanvasJson);
export const importCanvasJson = sidebarCall('change', canvasJson.importCanvasJson);
