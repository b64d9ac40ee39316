/**
 * The server entry: glue only. Exports exactly the entry points of src/core/sidebar-functions.ts (the compiler
 * checks it below); the build adds a top-level function for each. What the sidebar calls goes through
 * sidebarCall, so a failure of Google's services reaches the user in plain words.
 */
import type { EntryPoint } from '../core/sidebar-functions';
import * as canvasApi from './canvas-api';
import * as canvasJson from './canvas-json-io';
import type * as entry from './main';
import { sidebarCall } from './sidebar-call';
import * as snapshots from './snapshots';

export { onOpen, onInstall, insertXiaomiCanvas, refreshKeyFigures, showAbout, saveSnapshotFromMenu } from './menu';
export { showCanvasSidebar } from './sidebar-host';

export const getCanvas = sidebarCall('getCanvas', canvasApi.getCanvas);
export const getBlock = sidebarCall('getBlock', canvasApi.getBlock);
export const selectBlock = sidebarCall('selectBlock', canvasApi.selectBlock);
export const saveBlock = sidebarCall('saveBlock', canvasApi.saveBlock);
export const resetBlock = sidebarCall('resetBlock', canvasApi.resetBlock);
export const getFitChecks = sidebarCall('getFitChecks', canvasApi.getFitChecks);
export const selectSegmentEntries = sidebarCall('selectSegmentEntries', canvasApi.selectSegmentEntries);
export const showNumbers = sidebarCall('showNumbers', canvasApi.showNumbers);
export const selectCell = sidebarCall('selectCell', canvasApi.selectCell);
export const saveSnapshot = sidebarCall('saveSnapshot', snapshots.saveSnapshot);
export const listSnapshots = sidebarCall('listSnapshots', snapshots.listSnapshots);
export const compareSnapshots = sidebarCall('compareSnapshots', snapshots.compareSnapshots);
export const restoreSnapshot = sidebarCall('restoreSnapshot', snapshots.restoreSnapshot);
export const exportCanvasJson = sidebarCall('exportCanvasJson', canvasJson.exportCanvasJson);
export const importCanvasJson = sidebarCall('importCanvasJson', canvasJson.importCanvasJson);

/** Compile-time check: this module exports every entry point of the contract and nothing else (else: which). */
type Exactly<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never]
  ? true
  : { missing: Exclude<A, B>; extra: Exclude<B, A> };
const entryPointsExported: Exactly<EntryPoint, keyof typeof entry> = true;
void entryPointsExported;
