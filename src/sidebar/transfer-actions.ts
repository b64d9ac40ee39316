/** The Canvas file view's actions: download the canvas, or open a file as a new canvas. */
import { canvasField } from './canvas-picker';
import {
  copyFieldText,
  exportFileName,
  importFileProblem,
  jsonDownloadUrl,
  readFileText,
  revokeDownloadUrl,
  startDownload,
  transferIds,
  type TransferActions,
} from './json-transfer';
import { failureText } from './plain-errors';
import { failureOf } from './server';
import type { SidebarShell } from './shell';
import type { AppState } from './state';

/** The Canvas file view: download the canvas as a file, or open one as a new canvas. */
export class TransferViewActions implements TransferActions {
  constructor(private readonly shell: SidebarShell) {}

  private get state(): AppState {
    return this.shell.state;
  }

  open(): void {
    if (this.state.busy) return;
    this.state.transfer = { exportJson: null, fileName: '', downloadUrl: null, exportError: null, importError: null };
    this.state.view = 'transfer';
    this.state.listError = null;
    this.shell.focusAfterRender = transferIds.title;
    this.shell.render();
    this.shell.announce('');
  }

  backToList(): void {
    this.shell.backToList();
  }

  async exportJson(): Promise<void> {
    const transfer = this.state.transfer;
    if (!transfer || this.state.busy) return;
    transfer.exportError = null;
    const returnFocus = this.shell.beginCall('exporting', 'Preparing the canvas file…');
    try {
      const json = await this.shell.api.exportCanvasJson(canvasField(this.state.canvas));
      revokeDownloadUrl(transfer.downloadUrl);
      transfer.exportJson = json;
      transfer.fileName = exportFileName(new Date());
      transfer.downloadUrl = jsonDownloadUrl(json);
      const started = transfer.downloadUrl !== null && startDownload(transfer.downloadUrl, transfer.fileName);
      this.shell.announce(
        started
          ? `Downloaded ${transfer.fileName}. If no file arrived, copy the text shown below.`
          : 'The canvas file is ready: copy the text shown below into a file ending in .json.',
      );
    } catch (error) {
      transfer.exportError = failureText(error);
      this.shell.focusAfterRender = transferIds.exportError;
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }

  async copyJson(): Promise<void> {
    const field = document.getElementById(transferIds.exportText);
    if (!(field instanceof HTMLTextAreaElement)) return;
    const copied = await copyFieldText(field);
    this.shell.announce(
      copied ? 'Copied the canvas file text.' : 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
  }

  /** Reads the chosen file here (refusing one over 1 MB), then has the server insert it as a new canvas. */
  async importFile(file: File | null): Promise<void> {
    const transfer = this.state.transfer;
    if (!transfer || this.state.busy || !file) return;
    const problem = importFileProblem(file);
    if (problem) {
      transfer.importError = problem;
      this.shell.focusAfterRender = transferIds.importError;
      this.shell.render();
      this.shell.announce('');
      return;
    }
    transfer.importError = null;
    const returnFocus = this.shell.beginCall('importing', `Opening ${file.name}…`);
    try {
      const text = await readFileText(file);
      const canvas = await this.shell.api.importCanvasJson(text);
      revokeDownloadUrl(transfer.downloadUrl);
      this.state.transfer = null;
      this.shell.showNewCanvas(canvas);
      this.shell.announce(`Opened as a new canvas on sheet ${canvas.sheetName}.`);
    } catch (error) {
      // Stopped part-way (a half-made canvas could not be taken away again): show what the spreadsheet holds.
      const partly = failureOf(error)?.code === 'partial-write';
      const unread = partly ? await this.shell.showCanvasAfterPartialWrite('import', file.name) : null;
      if (partly && unread === null) {
        this.shell.announce('');
        this.shell.endCall('');
        return;
      }
      transfer.importError = unread ?? `${failureText(error)} Nothing was changed.`;
      this.shell.focusAfterRender = transferIds.importError;
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }
}
