import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { a1Range } from '../core/a1';
import { sheetName, rangeNames } from '../core/instance-names';
import {
  KEY_FIGURES_TABLE_COLUMNS,
  buildKeyFiguresPlan,
  buildKeyFiguresTable,
  type FigureLink,
} from '../core/key-figures-plan';
import { THEME } from '../core/theme';
import { applySheetPlan, writeGrid } from './apply-plan';
import type { CanvasState } from './canvas-state';
import { ensureReportedResults, reportedLookup } from './reported-results';

function linksFor(rows: Record<BlockId, number[]>): FigureLink[] {
  return BLOCK_IDS.flatMap((id) => rows[id].map((row) => ({ blockTitle: BLOCK_TITLES[id], row })));
}

export function currentFigureRows(state: CanvasState): Record<BlockId, number[]> {
  return Object.fromEntries(BLOCK_IDS.map((id) => [id, state.details[id].figures.map((f) => f.row)])) as Record<
    BlockId,
    number[]
  >;
}

/**
 * Re-links Key Figures to where the figures are now: rewrites the table's formulas (restoring any a user
 * overwrote with numbers) and clears rows an earlier, longer table left. The rate and tolerance cells, which
 * are the user's, are never touched. Recreates Key Figures and Reported Results if they were deleted.
 * Returns the number of figures.
 */
export function writeKeyFiguresTable(state: CanvasState, rows: Record<BlockId, number[]>): number {
  const links = linksFor(rows);
  const spreadsheet = state.sheets.canvas.getParent();
  const sheet = state.sheets.figures;
  if (!sheet) {
    const figures = recreateKeyFigures(state, links);
    ensureReportedResults(spreadsheet, state.sheets.instance, state.reportedName, figures);
    return links.length;
  }
  const reportedName = ensureReportedResults(spreadsheet, state.sheets.instance, state.reportedName, sheet);
  const previousRows = Math.max(state.figuresLastRow - 1, 0);
  const grid = buildKeyFiguresTable(state.detailsName, links, previousRows, reportedLookup(reportedName));
  writeGrid(sheet.getRange(1, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS), grid);
  sheet.getRange(1, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS).setBorder(false, false, false, false, false, false);
  const table = sheet.getRange(a1Range(1, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS));
  table.setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  spreadsheet.setNamedRange(rangeNames.keyFigures(state.sheets.instance), table);
  return links.length;
}

function recreateKeyFigures(state: CanvasState, links: FigureLink[]): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = state.sheets.canvas.getParent();
  const instance = state.sheets.instance;
  const preferred = sheetName('figures', instance);
  const name = spreadsheet.getSheetByName(preferred) ? `${preferred} (restored)` : preferred;
  const sheet = spreadsheet.insertSheet(name, state.sheets.details.getIndex());
  // Formulas name the reported sheet as it is now, or as it will be recreated right after this one.
  const reportedName = state.reportedName ?? sheetName('reported', instance);
  applySheetPlan(
    sheet,
    buildKeyFiguresPlan(instance, state.detailsName, links, reportedLookup(reportedName)),
    spreadsheet,
  );
  return sheet;
}
