import { BOOT_PLACEHOLDER, embedJson } from '../core/embed-json';
import type { SidebarBoot } from '../core/view';
import { canvasView, readCanvasState } from './canvas-state';

export const SIDEBAR_TITLE = 'Xiaomi Canvas';

/** The sidebar HTML with the current canvas embedded, so its first view paints without a server call. */
export function sidebarHtml(): string {
  let boot: SidebarBoot;
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    boot = { canvas: canvasView(readCanvasState(spreadsheet), spreadsheet) };
  } catch (error) {
    boot = { error: error instanceof Error ? error.message : String(error) };
  }
  const template = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  return template.replace(BOOT_PLACEHOLDER, () => embedJson(boot));
}

export function showCanvasSidebar(): void {
  const output = HtmlService.createHtmlOutput(sidebarHtml()).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}
