/** Writes the Assumptions sheet (issue 19): on insert, after every add-on write, and on Refresh (recreated if deleted). */
import {
  ASSUMPTIONS_COLUMNS,
  ASSUMPTIONS_TITLE,
  assumptionsSheetName,
  assumptionsValues,
  canvasEntries,
  type BlockEntries,
} from '../core/assumptions-plan';
import { cellText } from '../core/literal';
import { freshSheetRange } from './apply-plan';
import type { CanvasState } from './canvas-state';
import { withFormulaLocale } from './formula-locale';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Assumptions sheet of a canvas as read before any write: the sheet (if it is ours) and its last row. */
export interface AssumptionsTarget {
  sheet: Sheet | null;
  lastRow: number;
  /** A sheet of that name exists and is not the add-on's: leave it alone, create none. */
  nameTaken?: boolean;
  /** When there is none yet: where a new one goes (the end) and the sheet to keep active (read before writes). */
  create?: { index: number; active: Sheet };
}

/** Finds the canvas's Assumptions sheet by its name, and only if its title says it is the add-on's (reads only). */
export function readAssumptionsTarget(spreadsheet: Spreadsheet, instance: number): AssumptionsTarget {
  const sheet = spreadsheet.getSheetByName(assumptionsSheetName(instance));
  if (!sheet)
    return {
      sheet: null,
      lastRow: 0,
      create: { index: spreadsheet.getNumSheets(), active: spreadsheet.getActiveSheet() },
    };
  // Its title and how far it reaches in one read (the list is small).
  const values = sheet.getDataRange().getValues();
  if (cellText(values[0][0]) !== ASSUMPTIONS_TITLE) return { sheet: null, lastRow: 0, nameTaken: true };
  return { sheet, lastRow: values.length };
}

/**
 * Writes the Assumptions list: over the existing sheet (one range, blanking rows a longer list left), or as a new
 * sheet at `index` when there is none and `create` (insert, Refresh). Call inside withFormulaLocale.
 */
export function writeAssumptions(
  spreadsheet: Spreadsheet,
  target: AssumptionsTarget,
  instance: number,
  canvasSheet: string,
  blocks: readonly BlockEntries[],
  create?: { index?: number },
): void {
  const { values, headingRows } = assumptionsValues(canvasSheet, blocks);
  if (target.sheet) {
    const rows = Math.max(values.length, target.lastRow);
    const blank = () => Array<string>(ASSUMPTIONS_COLUMNS).fill('');
    const padded = [...values, ...Array.from({ length: rows - values.length }, blank)];
    target.sheet.getRange(1, 1, rows, ASSUMPTIONS_COLUMNS).setValues(padded);
    return;
  }
  if (!create || target.nameTaken) return;
  const name = assumptionsSheetName(instance);
  const at = create.index ?? target.create?.index;
  const sheet = at === undefined ? spreadsheet.insertSheet(name) : spreadsheet.insertSheet(name, at);
  const range = freshSheetRange(sheet, values.length, ASSUMPTIONS_COLUMNS);
  range.setValues(values);
  // Headings bold: weight alone, which a fresh sheet's cells take either way Sheets reads an unset attribute.
  const weight = (bold: boolean) => SpreadsheetApp.newTextStyle().setBold(bold).build();
  const [bold, normal] = [weight(true), weight(false)];
  range.setTextStyles(
    values.map((_, i) => Array<typeof bold>(ASSUMPTIONS_COLUMNS).fill(headingRows.includes(i + 1) ? bold : normal)),
  );
  sheet.setColumnWidths(1, ASSUMPTIONS_COLUMNS, 240);
  // insertSheet makes the new sheet active: the user stays where they were.
  target.create?.active.activate();
}

/**
 * Rebuilds the list: from `entries` (a write's, as planned) or the canvas as read. With `create` (Refresh), a
 * deleted sheet is recreated, at `create.index` when Refresh inserts other sheets first (planned before its first
 * write); without it (saves), a missing sheet stays missing and nothing is written.
 */
export function rebuildAssumptions(
  state: CanvasState,
  {
    entries = canvasEntries(state.canvas.layout, (id) => state.canvas.entryRows[id], state.canvas.evidence),
    create,
  }: { entries?: BlockEntries[]; create?: { index?: number } } = {},
): void {
  if (!state.assumptions.sheet && !create) return;
  const spreadsheet = state.spreadsheet;
  withFormulaLocale(spreadsheet, state.locale ?? spreadsheet.getSpreadsheetLocale(), () =>
    writeAssumptions(spreadsheet, state.assumptions, state.sheets.instance, state.canvasName, entries, create),
  );
}
