/**
 * The export as a function: runs the built add-on's menu action "Insert Xiaomi canvas" on a new in-memory
 * spreadsheet (or loads a saved preview state), then writes the result as an .xlsx workbook.
 */
import { readFileSync } from 'node:fs';
import { createFakeGoogle, loadFakeGoogle, type FakeGoogle } from '../../emulator';
import { defaultDistDir, loadBuiltBundle, readSidebarFile } from '../bundle-host';
import { writeWorkbookFile, type WorkbookOptions } from './workbook';

export interface ExportOptions extends WorkbookOptions {
  out: string;
  /** Export this saved preview state (out/preview-state.json) instead of a freshly inserted canvas. */
  fromState?: string;
  distDir?: string;
}

export interface ExportResult {
  file: string;
  bytes: number;
  sheets: string[];
  namedRanges: number;
  fake: FakeGoogle;
}

/** A spreadsheet with the canvas inserted by the built bundle (dist/Code.js), as a user would get it. */
export function insertedCanvas(distDir: string = defaultDistDir()): FakeGoogle {
  const fake = createFakeGoogle({
    spreadsheetName: 'Xiaomi Business Model Canvas',
    files: { Sidebar: readSidebarFile(distDir) },
  });
  const host = loadBuiltBundle(fake, distDir);
  host.call('onOpen');
  const alertsBefore = fake.ui.alerts.length;
  host.call('insertXiaomiCanvas');
  const problem = fake.ui.alerts.slice(alertsBefore).find((a) => a.buttons === 'OK');
  if (problem) throw new Error(`Insert Xiaomi canvas reported: ${problem.prompt}`);
  // A new Google spreadsheet starts with an empty "Sheet1"; the workbook leaves it out when nobody used it.
  fake.direct.uncounted(() => {
    const first = fake.spreadsheet.getSheetByName('Sheet1');
    if (first && first.getLastRow() === 0 && first.getLastColumn() === 0 && fake.spreadsheet.getSheets().length > 1) {
      fake.spreadsheet.deleteSheet(first);
    }
  });
  return fake;
}

export async function exportCanvas(options: ExportOptions): Promise<ExportResult> {
  const fake = options.fromState
    ? loadFakeGoogle(readFileSync(options.fromState, 'utf8'))
    : insertedCanvas(options.distDir);
  const model = fake.model();
  const bytes = await writeWorkbookFile(model, options.out, options);
  return {
    file: options.out,
    bytes,
    sheets: model.sheets.map((s) => s.name),
    namedRanges: model.namedRanges.length,
    fake,
  };
}
