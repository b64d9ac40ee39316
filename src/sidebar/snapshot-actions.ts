/** The Snapshots view's actions: save, list, compare and restore. */
import { canvasField } from './canvas-picker';
import type { SnapshotListItem } from '../core/view';
import { plural } from './dom';
import { compareIds, compareSummary, type CompareActions } from './render-compare';
import {
  defaultComparePair,
  defaultSnapshotLabel,
  snapshotIds,
  snapshotName,
  usableSnapshots,
  type SnapshotsActions,
} from './render-snapshots';
import { failureText } from './plain-errors';
import { failureOf } from './server';
import type { SidebarShell } from './shell';
import type { AppState, SnapshotsState } from './state';

/** The Snapshots view and the comparison it opens: save, list, compare and restore snapshots of the canvas. */
export class SnapshotViewActions implements SnapshotsActions, CompareActions {
  constructor(private readonly shell: SidebarShell) {}

  private get state(): AppState {
    return this.shell.state;
  }

  open(): void {
    if (this.state.busy) return;
    this.state.snapshots = {
      items: null,
      label: '',
      error: null,
      confirmRestore: null,
      compareFrom: '',
      compareTo: '',
      justSaved: null,
      pending: null,
      errorAt: null,
    };
    this.state.compare = null;
    this.state.view = 'snapshots';
    this.state.listError = null;
    this.shell.focusAfterRender = snapshotIds.title;
    void this.loadSnapshots();
  }

  backToList(): void {
    this.shell.backToList();
  }

  /** Escape closes the Restore confirmation (keeping the current canvas). */
  escape(): boolean {
    if (!this.state.snapshots?.confirmRestore || this.state.busy) return false;
    this.cancelRestore();
    return true;
  }

  reloadSnapshots(): void {
    if (this.state.busy || !this.state.snapshots) return;
    this.state.snapshots.confirmRestore = null;
    void this.loadSnapshots();
  }

  /** Reads the list of snapshots from the spreadsheet (newest first). */
  private async loadSnapshots(): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots) return;
    const returnFocus = this.shell.beginCall('loadingSnapshots', 'Loading snapshots…');
    try {
      const items = await this.shell.api.listSnapshots();
      snapshots.items = items;
      snapshots.error = null;
      snapshots.errorAt = null;
      this.keepComparePair(snapshots);
      const damaged = items.filter((item) => item.damaged !== undefined).length;
      // An empty list says so on the page itself: no message repeats it.
      this.shell.announce(
        items.length === 0
          ? ''
          : `${plural(items.length, 'snapshot', 'snapshots')}${damaged ? `, ${damaged} damaged` : ''}.`,
      );
    } catch (error) {
      snapshots.error = failureText(error);
      snapshots.errorAt = null;
      this.shell.focusAfterRender = snapshotIds.error;
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }

  /** Keeps the chosen pair for "Compare two snapshots" when both still exist, else picks the default pair. */
  private keepComparePair(snapshots: SnapshotsState): void {
    const usable = new Set(usableSnapshots(snapshots.items ?? []).map((item) => item.id));
    const valid =
      usable.has(snapshots.compareFrom) &&
      (snapshots.compareTo === '' || usable.has(snapshots.compareTo)) &&
      snapshots.compareFrom !== snapshots.compareTo;
    if (valid) return;
    const pair = defaultComparePair(snapshots.items ?? []);
    snapshots.compareFrom = pair.from;
    snapshots.compareTo = pair.to;
  }

  snapshotLabelInput(text: string): void {
    if (this.state.snapshots) this.state.snapshots.label = text;
  }

  async saveSnapshot(): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy) return;
    snapshots.error = null;
    snapshots.errorAt = null;
    snapshots.confirmRestore = null;
    const label = snapshots.label.trim();
    const returnFocus = this.shell.beginCall('savingSnapshot', 'Saving a snapshot…');
    try {
      // Without a label the snapshot is named after the time in the user's own time zone (the server knows only UTC).
      const info = await this.shell.api.saveSnapshot({
        label: label || defaultSnapshotLabel(new Date()),
        ...canvasField(this.state.canvas),
      });
      snapshots.items = [info, ...(snapshots.items ?? []).filter((item) => item.id !== info.id)];
      snapshots.justSaved = info.id;
      // The field is emptied for the next snapshot, unless the user typed something new while this one was saved.
      if (snapshots.label.trim() === label) snapshots.label = '';
      this.keepComparePair(snapshots);
      this.shell.announce(`Saved the snapshot “${snapshotName(info)}”.`);
    } catch (error) {
      snapshots.error = `${failureText(error)} No snapshot was saved.`;
      snapshots.errorAt = null;
      this.shell.focusAfterRender = snapshotIds.error;
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }

  private snapshotIndex(id: string | null): number {
    return id === null ? -1 : (this.state.snapshots?.items ?? []).findIndex((item) => item.id === id);
  }

  private snapshotItem(id: string): SnapshotListItem | undefined {
    return (this.state.snapshots?.items ?? []).find((item) => item.id === id && item.damaged === undefined);
  }

  compareWithCurrent(id: string): void {
    void this.runCompare(id, null, snapshotIds.compareRow(this.snapshotIndex(id)));
  }

  compareSelect(side: 'from' | 'to', id: string): void {
    const snapshots = this.state.snapshots;
    if (!snapshots) return;
    if (side === 'from') snapshots.compareFrom = id;
    else snapshots.compareTo = id;
  }

  compareTwo(): void {
    const snapshots = this.state.snapshots;
    if (!snapshots) return;
    void this.runCompare(
      snapshots.compareFrom,
      snapshots.compareTo === '' ? null : snapshots.compareTo,
      snapshotIds.compareTwo,
    );
  }

  /** Compares snapshot `fromId` with snapshot `toId` (null: the current canvas) and shows the comparison. */
  private async runCompare(fromId: string, toId: string | null, buttonId: string): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy) return;
    snapshots.confirmRestore = null;
    const from = this.snapshotItem(fromId);
    const to = toId === null ? null : this.snapshotItem(toId);
    if (!from || to === undefined || fromId === toId) {
      snapshots.error =
        fromId === toId
          ? 'Choose two different snapshots to compare.'
          : 'That snapshot is no longer in the list. Click Refresh.';
      snapshots.errorAt = null;
      this.shell.focusAfterRender = snapshotIds.error;
      this.shell.render();
      return;
    }
    snapshots.error = null;
    snapshots.errorAt = null;
    snapshots.pending = buttonId;
    const returnFocus = this.shell.beginCall('comparing', 'Comparing…');
    try {
      const diffs = await this.shell.api.compareSnapshots({
        from: from.id,
        // Against the current canvas: the one this sidebar shows.
        ...(to ? { to: to.id } : canvasField(this.state.canvas)),
      });
      this.state.compare = { from, to, diffs, returnFocus: buttonId };
      this.state.view = 'compare';
      this.shell.focusAfterRender = compareIds.title;
      this.shell.announce(compareSummary(diffs));
    } catch (error) {
      snapshots.error = failureText(error);
      snapshots.errorAt = buttonId === snapshotIds.compareTwo ? null : from.id;
      this.shell.focusAfterRender = snapshotIds.error;
      this.shell.announce('');
    }
    snapshots.pending = null;
    this.shell.endCall(returnFocus);
  }

  backToSnapshots(): void {
    if (this.state.busy || !this.state.snapshots) return;
    this.shell.focusAfterRender = this.state.compare?.returnFocus ?? snapshotIds.title;
    this.state.compare = null;
    this.state.view = 'snapshots';
    this.shell.render();
    this.shell.announce('');
  }

  askRestore(id: string): void {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy || !this.snapshotItem(id)) return;
    snapshots.confirmRestore = id;
    snapshots.error = null;
    snapshots.errorAt = null;
    this.shell.focusAfterRender = snapshotIds.confirmText;
    this.shell.render();
  }

  cancelRestore(): void {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy) return;
    const index = this.snapshotIndex(snapshots.confirmRestore);
    snapshots.confirmRestore = null;
    this.shell.focusAfterRender = index >= 0 ? snapshotIds.restoreRow(index) : snapshotIds.title;
    this.shell.render();
  }

  /** Restores the snapshot being confirmed (the server saves the current canvas as a snapshot first). */
  async confirmRestore(): Promise<void> {
    const snapshots = this.state.snapshots;
    if (!snapshots || this.state.busy || snapshots.confirmRestore === null) return;
    const item = this.snapshotItem(snapshots.confirmRestore);
    if (!item) return;
    const name = snapshotName(item);
    const returnFocus = this.shell.beginCall('restoring', `Restoring “${name}”…`);
    try {
      const canvas = await this.shell.api.restoreSnapshot({ id: item.id, ...canvasField(this.state.canvas) });
      this.state.snapshots = null;
      this.state.compare = null;
      this.shell.showNewCanvas(canvas);
      this.shell.announce(`Restored “${name}”. The previous state was saved as a snapshot.`);
    } catch (error) {
      const index = this.snapshotIndex(item.id);
      snapshots.confirmRestore = null;
      // Stopped part-way: part of the snapshot may be in the canvas; the block list shows what the sheet holds.
      const partly = failureOf(error)?.code === 'partial-write';
      const unread = partly ? await this.shell.showCanvasAfterPartialWrite('restore', name) : null;
      if (partly && unread === null) {
        this.shell.announce('');
        this.shell.endCall('');
        return;
      }
      snapshots.error = unread ?? `${failureText(error)} The canvas was not restored.`;
      snapshots.errorAt = item.id;
      this.shell.focusAfterRender = index >= 0 ? snapshotIds.error : snapshotIds.title;
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }
}
