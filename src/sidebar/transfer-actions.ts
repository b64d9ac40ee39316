import { canvasField } from './canvas-picker';
import { isCanvasView } from './boot';
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
import { errorMessage } from './server';
import type { SidebarShell } from './shell';
import type { AppState } from './state';

/** The JSON export and import view: export the canvas as a file, or import one as a new canvas. */
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
    const returnFocus = this.shell.beginCall('exporting', 'Exporting the canvas…');
    try {
      const json: unknown = await this.shell.api.exportCanvasJson(canvasField(this.state.canvas));
      if (typeof json !== 'string' || json === '') throw new Error('The add-on sent back no JSON. Please try again.');
      revokeDownloadUrl(transfer.downloadUrl);
      transfer.exportJson = json;
      transfer.fileName = exportFileName(new Date());
      transfer.downloadUrl = jsonDownloadUrl(json);
      const started = transfer.downloadUrl !== null && startDownload(transfer.downloadUrl, transfer.fileName);
      this.shell.announce(
        started
          ? `Exported ${transfer.fileName}. If no download started, copy the JSON shown below.`
          : 'Exported. Copy the JSON shown below and save it as a .json file.',
      );
    } catch (error) {
      transfer.exportError = errorMessage(error);
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }

  async copyJson(): Promise<void> {
    const field = document.getElementById(transferIds.exportText);
    if (!(field instanceof HTMLTextAreaElement)) return;
    const copied = await copyFieldText(field);
    this.shell.announce(
      copied ? 'Copied the JSON to the clipboard.' : 'The JSON is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
  }

  /** Reads the chosen file here (refusing one over 1 MB), then has the server insert it as a new canvas. */
  async importFile(file: File | null): Promise<void> {
    const transfer = this.state.transfer;
    if (!transfer || this.state.busy || !file) return;
    const problem = importFileProblem(file);
    if (problem) {
      transfer.importError = problem;
      this.shell.focusAfterRender = transferIds.importFile;
      this.shell.render();
      this.shell.announce('');
      return;
    }
    transfer.importError = null;
    const returnFocus = this.shell.beginCall('importing', `Importing ${file.name}…`);
    try {
      const text = await readFileText(file);
      const canvas = await this.shell.api.importCanvasJson(text);
      if (!isCanvasView(canvas))
        throw new Error('The add-on sent back a canvas the sidebar does not understand. Click Refresh to load it.');
      revokeDownloadUrl(transfer.downloadUrl);
      this.state.transfer = null;
      this.shell.showNewCanvas(canvas);
      this.shell.announce(`Imported as a new canvas on sheet ${canvas.sheetName}.`);
    } catch (error) {
      transfer.importError = `${errorMessage(error)} Nothing was imported.`;
      this.shell.focusAfterRender = transferIds.importFile;
      this.shell.announce('');
    }
    this.shell.endCall(returnFocus);
  }
}
