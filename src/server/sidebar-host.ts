/** Opens the sidebar with the current canvas embedded, so it paints without a server call. */
import { BOOT_PLACEHOLDER, embedJson } from '../core/embed-json';
import { BLOCK_IDS } from '../core/block-ids';
import type { FigureSources, SidebarBoot } from '../core/view';
import { canvasView, readCanvasState, type CanvasState } from './canvas-state';

/** Each block's figures' source sentences by label, from the state already read (no extra call). */
function figureSources(state: CanvasState): FigureSources {
  const sources: FigureSources = {};
  for (const id of BLOCK_IDS) {
    const byLabel: Record<string, string> = {};
    for (const { figure, source } of state.details[id].figures)
      if (source && !Object.prototype.hasOwnProperty.call(byLabel, figure.label)) byLabel[figure.label] = source;
    sources[id] = byLabel;
  }
  return sources;
}

export const SIDEBAR_TITLE = 'Xiaomi Canvas';

/** The sidebar HTML with the current canvas embedded, so its first view paints without a server call. */
export function sidebarHtml(): string {
  let boot: SidebarBoot;
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const state = readCanvasState(spreadsheet);
    boot = { canvas: canvasView(state, spreadsheet), sources: figureSources(state) };
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
