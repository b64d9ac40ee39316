/** The add-on menu and the functions its items run. */
import { content } from './content';
import { insertCanvas } from './insert';
import { readCanvasState } from './canvas-state';
import { writeKeyFiguresTable } from './key-figures';
import { withDocumentLock } from './lock';
import { refreshPlanOf, restoreNamedRanges } from './named-ranges';
import { applyNumbersSheet, planNumbersSheet, readNumbersTarget } from './numbers-sheet';
import { planCompanions } from '../core/refresh-plan';
import { withFormulaLocale } from './formula-locale';
import { BLOCK_IDS } from '../core/block-ids';
import { latestQuarter } from '../core/numbers-plan';
import { reportedFigures } from './reported';
import { isServiceFailure, menuFailureMessage } from '../core/service-failure';
import { beginWrites, startCall, writesBegun } from './write-progress';
import { saveSnapshot } from './snapshots';
import { rebuildAssumptions } from './assumptions';

const TITLE = 'Xiaomi Canvas';

/**
 * Builds the add-on menu. Runs in AuthMode.NONE/LIMITED too, so it touches nothing but the Ui:
 * no spreadsheet, no properties.
 */
export function onOpen(_e?: unknown): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Insert Xiaomi canvas', 'insertXiaomiCanvas')
    .addItem('Open canvas sidebar', 'showCanvasSidebar')
    .addItem('Refresh Key Figures', 'refreshKeyFigures')
    .addItem('Save snapshot', 'saveSnapshotFromMenu')
    .addSeparator()
    .addItem('About', 'showAbout')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** Menu actions report problems in a dialog, in plain words, instead of Apps Script's red error bar. */
function reportingErrors(action: () => void): void {
  startCall();
  try {
    action();
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    const message = error instanceof Error ? error.message : String(error);
    // Google's own failure text is for developers (the log); the user reads one true line.
    if (isServiceFailure(message)) console.error(error);
    const shown = isServiceFailure(message) ? menuFailureMessage(writesBegun()) : message;
    ui.alert(TITLE, shown, ui.ButtonSet.OK);
  }
}

export function insertXiaomiCanvas(): void {
  reportingErrors(() => insertCanvas(SpreadsheetApp.getActiveSpreadsheet(), () => SpreadsheetApp.getUi(), content()));
}

/**
 * Re-links Key Figures to wherever the figures are now (recreating the sheet if it was deleted) and restores
 * the canvas's named ranges.
 */
export function refreshKeyFigures(): void {
  reportingErrors(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const count = withDocumentLock(() => {
      // Read everything first: the canvas, its companion sheets and the numbers sheet's charts (one round trip).
      const state = readCanvasState(spreadsheet, { keyFigures: true, allNames: true, reportedPosition: true });
      const n = state.sheets.instance;
      const figuresName = state.sheets.figures?.getName() ?? null;
      const numbersTarget = readNumbersTarget(spreadsheet, n);
      // Plan (core/refresh-plan.ts): the names where the blocks are now, Key Figures re-linked (or recreated, with
      // Reported Results), the numbers sheet rewritten (or recreated) after them, the Assumptions list rebuilt.
      const plan = refreshPlanOf(state);
      const companions = planCompanions(state.companions!);
      const numbers = planNumbersSheet(n, numbersTarget, companions.reportedPosition, {
        figuresSheet: companions.keyFigures.kind === 'recreate' ? companions.keyFigures.name : figuresName!,
        reportedSheet: companions.reported.name,
        figures: BLOCK_IDS.flatMap((id) => state.details[id].figures.map((f) => f.figure)),
      });
      const inserted = companions.inserted + (numbers.step.kind === 'recreate' ? 1 : 0);
      const assumptionsIndex = (state.assumptions.create?.index ?? 0) + inserted;
      // Apply, writes only.
      beginWrites();
      restoreNamedRanges(state, plan);
      // Every formula under one locale switch (formula-locale.ts).
      return withFormulaLocale(spreadsheet, state.locale ?? spreadsheet.getSpreadsheetLocale(), () => {
        const written = writeKeyFiguresTable(state, plan.figureRows, companions);
        applyNumbersSheet(spreadsheet, n, numbersTarget, numbers);
        rebuildAssumptions(state, { create: { index: assumptionsIndex } });
        return written;
      });
    });
    spreadsheet.toast(
      `Key Figures is linked to all ${count} figures again; the numbers sheet's charts are rebuilt.`,
      TITLE,
      5,
    );
  });
}

/** Saves the canvas as a snapshot with a time-stamped label; compare and restore it from the sidebar. */
export function saveSnapshotFromMenu(): void {
  reportingErrors(() => {
    const info = saveSnapshot({}, 'menu');
    SpreadsheetApp.getActiveSpreadsheet().toast(
      `Saved "${info.label}" in the Canvas Snapshots sheet. Compare or restore it from the canvas sidebar.`,
      TITLE,
      6,
    );
  });
}

export function showAbout(): void {
  const ui = SpreadsheetApp.getUi();
  const { title, tagline, dataSources, licence } = content();
  ui.alert(
    'About Xiaomi Canvas',
    `${title}: ${tagline}\n\nInsert the canvas, tailor it in the sidebar or directly in the cells, and share the spreadsheet: Key Figures stays linked for everyone, with or without the add-on.\n\nReported results: Xiaomi's results up to ${latestQuarter(reportedFigures()) ?? 'the latest reported quarter'}, each with its announcement and source; charted on "Xiaomi in Numbers".\n\n${dataSources.heading}: ${dataSources.text}\n\n${licence}`,
    ui.ButtonSet.OK,
  );
}
