/**
 * What each server function's result must look like, checked once in the call wrapper (server.ts) from this table
 * keyed by function, so action code receives checked values and a new function cannot skip its check. A canvas
 * with one unreadable block keeps the other blocks; the unreadable one is reported (see checkCanvas in boot.ts).
 * A figure value a teammate typed as text ("35 bn") is no unreadable block: the server names its cell in the view's
 * `problems` and sends the value as null, which the checks accept only for a figure a problem names (boot.ts).
 */
import { BLOCK_IDS } from '../core/block-ids';
import type { SidebarFunction } from '../core/sidebar-functions';
import type { BlockDiff, FitCheckView, ServerApi, SnapshotInfo } from '../core/view';
import { checkBlock, checkCanvas, isFigure, type Checked } from './boot';
import { isSnapshotList } from './render-snapshots';

type Check<T> = (value: unknown) => Checked<T>;

function whole<T>(guard: (value: unknown) => value is T): Check<T> {
  return (value) => (guard(value) ? { ok: true, value } : { ok: false });
}

const isText = (v: unknown): v is string => typeof v === 'string';

function isNothing(value: unknown): value is void {
  return value === undefined || value === null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isFile(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isFitChecks(value: unknown): value is FitCheckView[] {
  return (
    Array.isArray(value) &&
    value.every((c: unknown) => {
      const f = c as Partial<Record<keyof FitCheckView, unknown>> | null;
      return (
        !!f &&
        isText(f.id) &&
        isText(f.message) &&
        (BLOCK_IDS as readonly unknown[]).includes(f.blockId) &&
        (f.segmentId === undefined || isText(f.segmentId)) &&
        (f.entryIndex === undefined || isCount(f.entryIndex))
      );
    })
  );
}

function isSnapshotInfo(value: unknown): value is SnapshotInfo {
  return isSnapshotList([value]);
}

function isDiffList(value: unknown): value is BlockDiff[] {
  return (
    Array.isArray(value) &&
    value.every((d: unknown) => {
      const diff = d as Partial<Record<keyof BlockDiff, unknown>> | null;
      return (
        !!diff &&
        (BLOCK_IDS as readonly unknown[]).includes(diff.blockId) &&
        isText(diff.title) &&
        typeof diff.changed === 'boolean' &&
        [diff.entriesAdded, diff.entriesRemoved, diff.entriesChanged, diff.figuresChanged].every(Array.isArray) &&
        [diff.figuresAdded, diff.figuresRemoved].every((list) => Array.isArray(list) && list.every((f) => isFigure(f)))
      );
    })
  );
}

/** The check of each function's result, keyed by function: the compiler insists on one per function. */
export const RESULT_CHECKS: { [K in SidebarFunction]: Check<ReturnType<ServerApi[K]>> } = {
  getCanvas: checkCanvas,
  getBlock: checkBlock,
  selectBlock: whole(isNothing),
  selectCell: whole(isNothing),
  showNumbers: whole(isNothing),
  saveBlock: checkBlock,
  resetBlock: checkBlock,
  getFitChecks: whole(isFitChecks),
  selectSegmentEntries: whole(isCount),
  saveSnapshot: whole(isSnapshotInfo),
  listSnapshots: whole(isSnapshotList),
  compareSnapshots: whole(isDiffList),
  restoreSnapshot: checkCanvas,
  exportCanvasJson: whole(isFile),
  importCanvasJson: checkCanvas,
};
