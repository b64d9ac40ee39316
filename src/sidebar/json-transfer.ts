/**
 * Moving the canvas file (the "xiaomi-canvas/2" JSON format; users only ever read "canvas file") in and out of the sidebar: the export file's name and download,
 * copying the text (the fallback where the sidebar's sandbox blocks downloads), and reading an import file
 * in the browser with the same 1 MB limit the server applies.
 */
import { el } from './dom';
import { backButton } from './back-button';
import { icon } from './icons';
import { BUSY_LABELS, type AppState, type TransferState } from './state';

/** The server refuses imports over this many bytes (src/core/canvas-json.ts, CANVAS_JSON_MAX_BYTES). */
export const IMPORT_MAX_BYTES = 1024 * 1024;

const pad = (n: number) => String(n).padStart(2, '0');

/** "xiaomi-canvas-2025-01-31.json", dated in the user's own time zone. */
export function exportFileName(date: Date = new Date()): string {
  return `xiaomi-canvas-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** "850 bytes", "12 KB", "1.3 MB"; megabytes are rounded up (to 2 decimals), so a file just over 1 MB never reads "1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.ceil((bytes / (1024 * 1024)) * 100) / 100} MB`;
}

/** Why a chosen file cannot be imported before it is even read, in plain words; null when it may be. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (file.size > IMPORT_MAX_BYTES) {
    return `“${file.name}” is too large to import (${formatBytes(file.size)}; the limit is 1 MB). Choose a smaller file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty. Choose a file made with Download canvas file.`;
  return null;
}

/** The text of a chosen file (File.text where the browser has it, else FileReader). */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('The file could not be read. Please choose it again.'));
    reader.readAsText(file);
  });
}

/** An object URL for the JSON as a file, or null where the browser cannot make one. */
export function jsonDownloadUrl(json: string): string | null {
  try {
    if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return null;
    return URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  } catch {
    return null;
  }
}

export function revokeDownloadUrl(url: string | null | undefined): void {
  if (!url) return;
  try {
    URL.revokeObjectURL(url);
  } catch {
    // Nothing to free.
  }
}

/**
 * Starts the download of `url` as `fileName` (a temporary a[download], clicked). Returns false when the browser
 * refused; a sandbox that blocks downloads may also fail silently, which is why the text is shown as well.
 */
export function startDownload(url: string, fileName: string): boolean {
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the text of a read-only textarea: selects it (so Ctrl+C works whatever happens), then tries the
 * clipboard. Resolves true when the text is on the clipboard, false when the user has to press Ctrl+C.
 */
export async function copyFieldText(field: HTMLTextAreaElement): Promise<boolean> {
  field.focus();
  field.select();
  try {
    if (document.execCommand && document.execCommand('copy')) return true;
  } catch {
    // Some sandboxes refuse execCommand; try the clipboard API.
  }
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(field.value);
      return true;
    }
  } catch {
    // Refused (permissions policy of the sidebar's frame): the text stays selected for Ctrl+C.
  }
  return false;
}

// ----- the "Canvas file" view (download and open) ---------------------------------------------------------------

export interface TransferActions {
  backToList(): void;
  exportJson(): Promise<void>;
  copyJson(): Promise<void>;
  importFile(file: File | null): Promise<void>;
}

/** Ids of elements the controller moves focus to. */
export const transferIds = {
  title: 'transfer-title',
  back: 'transfer-back',
  exportButton: 'export-json',
  exportError: 'export-error',
  exportText: 'export-text',
  download: 'export-download',
  copy: 'copy-json',
  importFile: 'import-file',
  importError: 'import-error',
};

/** Download (the view's one primary action) with its copyable text, and Open of a file as a new canvas. */
export function renderTransfer(state: AppState, actions: TransferActions): HTMLElement {
  const transfer = state.transfer as TransferState;
  const busy = state.busy !== null;
  const off = busy ? 'true' : undefined;
  const importing = state.busy === 'importing';
  return el(
    'section',
    { class: 'view transfer-view', 'aria-labelledby': transferIds.title },
    el(
      'div',
      { class: 'toolbar' },
      backButton({ id: transferIds.back, label: 'All blocks', busy: busy, onBack: () => actions.backToList() }),
    ),
    el('h1', { id: transferIds.title, class: 'view-title', tabindex: '-1' }, 'Canvas file'),
    el(
      'section',
      { class: 'group', 'aria-labelledby': 'export-title' },
      el('h2', { id: 'export-title' }, 'Download'),
      el(
        'p',
        { class: 'secondary hint' },
        'The whole canvas — every block’s entries and figures, with their sources and the segments each entry serves — as one file: a backup, or a copy to open in another spreadsheet.',
      ),
      el(
        'button',
        {
          type: 'button',
          id: transferIds.exportButton,
          class: 'action',
          'aria-disabled': off,
          onclick: () => void actions.exportJson(),
        },
        icon('download', 18),
        state.busy === 'exporting' ? BUSY_LABELS.exporting : 'Download canvas file',
      ),
      transfer.exportError &&
        el(
          'div',
          { class: 'error-box', id: transferIds.exportError, tabindex: '-1' },
          el('p', { class: 'error-title' }, icon('warning', 18), transfer.exportError),
        ),
      transfer.exportJson !== null &&
        el(
          'div',
          { class: 'export-result' },
          el(
            'p',
            { class: 'hint' },
            transfer.downloadUrl
              ? el(
                  'span',
                  {},
                  'Downloading ',
                  el(
                    'a',
                    { id: transferIds.download, href: transfer.downloadUrl, download: transfer.fileName },
                    transfer.fileName,
                  ),
                  '. ',
                )
              : null,
            'If no file arrives (some browsers block downloads from sidebars), copy the text below into a file ending in .json.',
          ),
          el('label', { for: transferIds.exportText }, 'Canvas file text'),
          el('textarea', {
            id: transferIds.exportText,
            class: 'json-text',
            readonly: true,
            rows: 6,
            spellcheck: 'false',
            wrap: 'off',
            value: transfer.exportJson,
          }),
          el(
            'div',
            { class: 'buttons' },
            el('button', { type: 'button', id: transferIds.copy, onclick: () => void actions.copyJson() }, 'Copy'),
          ),
        ),
    ),
    el(
      'section',
      { class: 'group', 'aria-labelledby': 'import-title' },
      el('h2', { id: 'import-title' }, 'Open'),
      el(
        'p',
        { class: 'secondary hint', id: 'import-hint' },
        'Opens a downloaded canvas file (up to 1 MB) as a new canvas sheet. Nothing existing is overwritten.',
      ),
      el(
        'label',
        { class: `file-button${busy ? ' disabled' : ''}` },
        icon('upload', 18),
        el('span', { class: 'file-button-text' }, importing ? BUSY_LABELS.importing : 'Open canvas file…'),
        el('input', {
          type: 'file',
          id: transferIds.importFile,
          class: 'file-input',
          accept: '.json,application/json',
          'aria-disabled': off,
          'aria-describedby': transfer.importError ? `import-hint ${transferIds.importError}` : 'import-hint',
          onchange: (event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files && input.files.length > 0 ? input.files[0] : null;
            void actions.importFile(file);
          },
        }),
      ),
      transfer.importError &&
        el(
          'div',
          { class: 'error-box', id: transferIds.importError, tabindex: '-1' },
          el('p', { class: 'error-title' }, icon('warning', 18), transfer.importError),
        ),
    ),
  );
}
