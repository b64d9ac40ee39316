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
 * are the user's, are never touched. Recreates the sheet if it was deleted. Returns the number of figures.
 */
export function writeKeyFiguresTable(state: CanvasState, rows: Record<BlockId, number[]>): number {
  const links = linksFor(rows);
  const spreadsheet = state.sheets.canvas.getParent();
  const sheet = state.sheets.figures;
  if (!sheet) {
    recreateKeyFigures(state, links);
    return links.length;
  }
  const previousRows = Math.max(state.figuresLastRow - 1, 0);
  const grid = buildKeyFiguresTable(state.detailsName, links, previousRows);
  writeGrid(sheet.getRange(1, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS), grid);
  sheet.getRange(1, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS).setBorder(false, false, false, false, false, false);
  const table = sheet.getRange(a1Range(1, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS));
  table.setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  // Move the existing name (documented NamedRange.setRange); create it only if someone removed it.
  const name = rangeNames.keyFigures(state.sheets.instance);
  const named = state.namedRanges.get(name);
  if (named) named.setRange(table);
  else spreadsheet.setNamedRange(name, table);
  return links.length;
}

function recreateKeyFigures(state: CanvasState, links: FigureLink[]): void {
  const spreadsheet = state.sheets.canvas.getParent();
  const instance = state.sheets.instance;
  const preferred = sheetName('figures', instance);
  // Sheets refuses a sheet name that differs from an existing one only in case.
  const taken = new Set(state.sheetNames.map((name) => name.toLowerCase()));
  let name = preferred;
  for (let n = 1; taken.has(name.toLowerCase()); n++)
    name = n === 1 ? `${preferred} (restored)` : `${preferred} (restored ${n})`;
  const sheet = spreadsheet.insertSheet(name, state.sheets.details.getIndex());
  applySheetPlan(sheet, buildKeyFiguresPlan(instance, state.detailsName, links), spreadsheet, state.namedRanges);
}
