/** Re-links Key Figures to where the figures are now (Refresh, and after figures moved). */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { a1Range } from '../core/a1';
import { sheetName, rangeNames } from '../core/instance-names';
import {
  FIGURES_MARKER_CELL,
  KEY_FIGURES_TABLE_COLUMNS,
  LEGACY_FIGURES_MARKER_COLUMN,
  LEGACY_RATE_COLUMN,
  RATE_CELL,
  SETTINGS_FIRST_COLUMN,
  SETTINGS_NOTES,
  buildKeyFiguresPlan,
  buildKeyFiguresTable,
  buildSettingsGrid,
  type FigureLink,
} from '../core/key-figures-plan';
import { AUTOMATIC_FORMAT, cellText, textInput } from '../core/literal';
import type { CellValue } from '../core/sheet-plan';
import { freeSheetName } from '../core/sheet-names';
import { THEME } from '../core/theme';
import { applySheetPlan, placeNamedRange, writeGrid } from './apply-plan';
import type { CanvasState } from './canvas-state';
import { ensureReportedResults, reportedLookup } from './reported-results';
import { withFormulaLocale } from './formula-locale';

/** The table's rows, with each figure's unit where the details read before the write knew it at that row. */
function linksFor(rows: Record<BlockId, number[]>, state?: CanvasState): FigureLink[] {
  const unitAt = new Map(
    BLOCK_IDS.flatMap((id) => (state?.details[id]?.figures ?? []).map((f) => [f.row, f.figure.unit] as const)),
  );
  return BLOCK_IDS.flatMap((id) =>
    rows[id].map((row) => ({ blockTitle: BLOCK_TITLES[id], row, unit: unitAt.get(row) })),
  );
}

/**
 * Re-links Key Figures to where the figures are now: rewrites the table's formulas (restoring any a user
 * overwrote with numbers) and clears rows an earlier, longer table left. The rate and tolerance cells, which
 * are the user's, are never touched. Recreates Key Figures and Reported Results if they were deleted.
 * Returns the number of figures.
 */
export function writeKeyFiguresTable(state: CanvasState, rows: Record<BlockId, number[]>): number {
  const spreadsheet = state.sheets.canvas.getParent();
  const locale = state.locale ?? spreadsheet.getSpreadsheetLocale();
  return withFormulaLocale(spreadsheet, locale, () => relinkKeyFigures(state, rows));
}

function relinkKeyFigures(state: CanvasState, rows: Record<BlockId, number[]>): number {
  const links = linksFor(rows, state);
  const spreadsheet = state.sheets.canvas.getParent();
  const sheet = state.sheets.figures;
  if (!sheet) {
    const figures = recreateKeyFigures(state, links);
    ensureReportedResults(spreadsheet, state.sheets.instance, state.reportedName, figures);
    return links.length;
  }
  const reportedName = ensureReportedResults(spreadsheet, state.sheets.instance, state.reportedName, sheet);
  if (state.legacySettings) moveLegacySettings(state, sheet, state.legacySettings);
  const previousRows = Math.max(state.figuresLastRow - 1, 0);
  const grid = buildKeyFiguresTable(state.detailsName, links, previousRows, reportedLookup(reportedName));
  writeGrid(sheet.getRange(1, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS), grid);
  sheet.getRange(1, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS).setBorder(false, false, false, false, false, false);
  const table = sheet.getRange(a1Range(1, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS));
  table.setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  placeNamedRange(spreadsheet, rangeNames.keyFigures(state.sheets.instance), table, state.namedRanges);
  return links.length;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function recreateKeyFigures(state: CanvasState, links: FigureLink[]): Sheet {
  const spreadsheet = state.sheets.canvas.getParent();
  const instance = state.sheets.instance;
  const preferred = sheetName('figures', instance);
  const name = freeSheetName(state.sheetNames, (n) =>
    n === 1 ? preferred : n === 2 ? `${preferred} (restored)` : `${preferred} (restored ${n - 1})`,
  );
  const sheet = spreadsheet.insertSheet(name, state.sheets.details.getIndex());
  // Formulas name the reported sheet as it is now, or as it will be recreated right after this one.
  const reportedName = state.reportedName ?? sheetName('reported', instance);
  applySheetPlan(
    sheet,
    buildKeyFiguresPlan(instance, state.detailsName, links, reportedLookup(reportedName)),
    spreadsheet,
    state.namedRanges,
  );
  return sheet;
}

/**
 * A Key Figures sheet from before the Reported columns keeps its rate and tolerance in M1:M2, where the new
 * table's columns go: move the settings block (with the values the user set, as typed) to its new place,
 * with its notes, formats and named range, and the hidden marker with it, before the table is written.
 */
function moveLegacySettings(state: CanvasState, sheet: Sheet, legacy: unknown[][]): void {
  const spreadsheet = state.sheets.canvas.getParent();
  // The settings cells have number formats (not text): a typed text goes back with the apostrophe (literal.ts).
  const typed = (v: unknown): CellValue =>
    typeof v === 'number' || typeof v === 'boolean' ? v : textInput(cellText(v), AUTOMATIC_FORMAT);
  const grid = buildSettingsGrid(state.sheets.instance, typed(legacy[0][0]), typed(legacy[1][0]));
  writeGrid(sheet.getRange(1, SETTINGS_FIRST_COLUMN, grid.numRows, grid.numColumns), grid);
  sheet.getRange(RATE_CELL.row, RATE_CELL.column, 2, 1).setNotes(SETTINGS_NOTES);
  sheet.getRange(1, LEGACY_RATE_COLUMN, 2, 1).clearNote();
  sheet.showColumns(LEGACY_FIGURES_MARKER_COLUMN);
  sheet.hideColumns(FIGURES_MARKER_CELL.column);
  const rateCell = sheet.getRange(RATE_CELL.row, RATE_CELL.column);
  placeNamedRange(spreadsheet, rangeNames.rate(state.sheets.instance), rateCell, state.namedRanges);
}
