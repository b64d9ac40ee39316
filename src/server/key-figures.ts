/** Re-links Key Figures to where the figures are now (Refresh, and after figures moved). */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { a1Range } from '../core/a1';
import { rangeNames } from '../core/instance-names';
import {
  FIGURES_MARKER_CELL,
  KEY_FIGURES_HEADER_ROW,
  KEY_FIGURES_TABLE_COLUMNS,
  RATE_CELL,
  SETTINGS_NOTES,
  buildKeyFiguresPlan,
  buildKeyFiguresTable,
  buildSettingsGrid,
  type FigureLink,
} from '../core/key-figures-plan';
import { AUTOMATIC_FORMAT, cellText, textInput } from '../core/literal';
import type { CellValue } from '../core/sheet-plan';
import { THEME } from '../core/theme';
import { applySheetPlan, placeNamedRange, writeGrid } from './apply-plan';
import type { CanvasState } from './canvas-state';
import { insertReportedResults, reportedLookup } from './reported-results';
import { planCompanions, type CompanionPlan } from '../core/refresh-plan';
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
 * are the user's, are never touched. Recreates Key Figures and Reported Results if they were deleted, as the
 * companion plan (core/refresh-plan.ts) says. Returns the number of figures.
 */
export function writeKeyFiguresTable(
  state: CanvasState,
  rows: Record<BlockId, number[]>,
  plan: CompanionPlan = planCompanions(state.companions!),
): number {
  const spreadsheet = state.spreadsheet;
  const locale = state.locale ?? spreadsheet.getSpreadsheetLocale();
  return withFormulaLocale(spreadsheet, locale, () => applyCompanions(state, rows, plan));
}

function applyCompanions(state: CanvasState, rows: Record<BlockId, number[]>, plan: CompanionPlan): number {
  const links = linksFor(rows, state);
  const spreadsheet = state.spreadsheet;
  const instance = state.sheets.instance;
  const reportedName = plan.reported.name;
  const recreateReported = () => {
    if (plan.reported.kind === 'recreate')
      insertReportedResults(spreadsheet, instance, plan.reported.name, plan.reported.index);
  };
  const step = plan.keyFigures;
  if (step.kind === 'recreate') {
    // Formulas name the reported sheet as it is now, or as it is recreated right after this one.
    const sheet = spreadsheet.insertSheet(step.name, step.index);
    applySheetPlan(
      sheet,
      buildKeyFiguresPlan(instance, state.detailsName, links, reportedLookup(reportedName)),
      spreadsheet,
      state.namedRanges,
    );
    recreateReported();
    return links.length;
  }
  const sheet = state.sheets.figures!;
  recreateReported();
  if (step.moveLegacySettings && state.legacySettings) moveLegacySettings(state, sheet, state.legacySettings);
  const grid = buildKeyFiguresTable(state.detailsName, links, step.previousRows, reportedLookup(reportedName));
  const written = sheet.getRange(KEY_FIGURES_HEADER_ROW, 1, grid.numRows, KEY_FIGURES_TABLE_COLUMNS);
  writeGrid(written, grid);
  written.setBorder(false, false, false, false, false, false);
  const table = sheet.getRange(a1Range(KEY_FIGURES_HEADER_ROW, 1, links.length + 1, KEY_FIGURES_TABLE_COLUMNS));
  table.setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  placeNamedRange(spreadsheet, rangeNames.keyFigures(instance), table, state.namedRanges);
  return links.length;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A Key Figures sheet from before the settings moved has its header in row 1 and the rate and tolerance to the
 * right of the table (M1:M2, or P1:P2 once the Reported columns came), where nobody sees them. Three rows go in
 * above, which takes the table to where it belongs now (and every reference to it, on any sheet, with it); the
 * settings, with the values the user set (as typed), their notes and named range, and the hidden marker, go to
 * the top, and what is left of the old settings block is cleared. The table itself is rewritten right after.
 */
function moveLegacySettings(state: CanvasState, sheet: Sheet, legacy: { values: unknown[][]; column: number }): void {
  const spreadsheet = state.spreadsheet;
  const above = KEY_FIGURES_HEADER_ROW - 1;
  sheet.insertRowsBefore(1, above);
  // The settings cells have number formats (not text): a typed text goes back with the apostrophe (literal.ts).
  const typed = (v: unknown): CellValue =>
    typeof v === 'number' || typeof v === 'boolean' ? v : textInput(cellText(v), AUTOMATIC_FORMAT);
  const [[rate], [tolerance]] = legacy.values;
  const grid = buildSettingsGrid(state.sheets.instance, typed(rate), typed(tolerance));
  const top = sheet.getRange(1, 1, grid.numRows, grid.numColumns);
  writeGrid(top, grid);
  top.setBorder(false, false, false, false, false, false);
  sheet
    .getRange(RATE_CELL.row, 1, 2, 2)
    .setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  sheet.getRange(RATE_CELL.row, RATE_CELL.column, 2, 1).setNotes(SETTINGS_NOTES);
  // The old block (label, value, gap, marker), moved down with the rows: cleared, notes included.
  const old = sheet.getRange(above + 1, legacy.column - 1, 2, 4);
  old.clear();
  old.clearNote();
  // The oldest layout hid its marker in column O, and had no table in K:M: their widths become today's (as P's).
  if (legacy.column < FIGURES_MARKER_CELL.column - 2) {
    sheet.showColumns(legacy.column + 2);
    sheet.hideColumns(FIGURES_MARKER_CELL.column);
    sheet.setColumnWidths(legacy.column - 2, FIGURES_MARKER_CELL.column - legacy.column + 1, 160);
  }
  sheet.setFrozenRows(KEY_FIGURES_HEADER_ROW);
  const rateCell = sheet.getRange(RATE_CELL.row, RATE_CELL.column);
  placeNamedRange(spreadsheet, rangeNames.rate(state.sheets.instance), rateCell, state.namedRanges);
}
