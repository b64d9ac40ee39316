/** Insert Xiaomi canvas: adds a complete canvas (canvas, details, Key Figures, Reported Results) from plans. */
import { BLOCK_IDS } from '../core/block-ids';
import type { CanvasLinks } from '../core/canvas-links';
import { buildCanvasPlan } from '../core/canvas-plan';
import type { CanvasContent } from '../core/content-schema';
import { buildDetailsPlan } from '../core/details-plan';
import { instanceRangeNames, rangeNames, sheetName } from '../core/instance-names';
import { buildKeyFiguresPlan } from '../core/key-figures-plan';
import { applySheetPlan } from './apply-plan';
import { assumptionsSheetName } from '../core/assumptions-plan';
import { readAssumptionsTarget, writeAssumptions, type AssumptionsTarget } from './assumptions';
import { insertNumbersSheet, refreshNumbersSheet } from './numbers-sheet';
import { insertReportedResults, reportedLookup } from './reported-results';
import { reportedFigures } from './reported';
import { sheetNameTaken } from '../core/sheet-names';
import { withDocumentLock } from './lock';
import { withFormulaLocale } from './formula-locale';
import { beginWrites, writesUndone } from './write-progress';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

const TOAST_TITLE = 'Xiaomi Canvas';
const CANVAS_SHEET_NAME = /^Xiaomi Canvas( \(\d+\))?$/;

/**
 * Inserts a complete canvas (canvas, details, Key Figures). If one exists, asks first; "No" changes nothing,
 * "Yes" adds a fresh copy under new names, so existing sheets and user edits are never touched.
 * All reads happen before the first write, so the whole insert costs one read round trip.
 */
export function insertCanvas(spreadsheet: Spreadsheet, uiSource: Ui | (() => Ui), content: CanvasContent): void {
  const first = freeInstance(spreadsheet);
  if (first.exists) {
    // The Ui is fetched only when there is something to ask (one call less on a first insert).
    const ui = typeof uiSource === 'function' ? uiSource() : uiSource;
    const answer = ui.alert(
      'Insert another Xiaomi canvas?',
      `This spreadsheet already has a Xiaomi canvas. Insert a fresh copy as "${sheetName('canvas', first.instance)}"? Your existing canvas and edits stay as they are.`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
  }
  // While the question was open a teammate may have inserted a canvas too: then look again, under the lock.
  withDocumentLock(() => insertCanvasInstance(spreadsheet, content, first.exists ? {} : { free: first }));
}

/** Sheet names of an inserted canvas instance. */
export interface InsertedCanvas {
  instance: number;
  names: { canvas: string; details: string; figures: string; reported: string; numbers: string };
}

/**
 * Adds a canvas for `content` as a new instance after the existing sheets, never touching existing ones;
 * the caller holds the document lock. Used by Insert and by Import JSON (with content built from the file).
 */
export function insertCanvasInstance(
  spreadsheet: Spreadsheet,
  content: CanvasContent,
  options: {
    /** Where the new canvas goes, when the caller has already read it (else read here). */
    free?: FreeInstance;
    /** Each entry's segments (an imported file's); else the links the content's text supports. */
    segmentLinks?: CanvasLinks;
  } = {},
): InsertedCanvas {
  const { free = freeInstance(spreadsheet), segmentLinks } = options;
  const { instance, sheetCount, locale } = free;
  for (const named of free.leftovers) named.remove();
  const names = {
    canvas: sheetName('canvas', instance),
    details: sheetName('details', instance),
    figures: sheetName('figures', instance),
    reported: sheetName('reported', instance),
    numbers: sheetName('numbers', instance),
  };
  const canvas = buildCanvasPlan(
    content,
    instance,
    segmentLinks,
    reportedFigures().map((figure) => figure.period),
  );
  const details = buildDetailsPlan(content, instance);
  const links = content.blocks.flatMap((block) =>
    details.figureRows[block.id].map((row, i) => ({ blockTitle: block.title, row, unit: block.figures[i]?.unit })),
  );
  const figuresPlan = buildKeyFiguresPlan(instance, names.details, links, reportedLookup(names.reported));

  beginWrites();
  let canvasSheet: GoogleAppsScript.Spreadsheet.Sheet;
  try {
    canvasSheet = withFormulaLocale(spreadsheet, locale, () => {
      const sheet = spreadsheet.insertSheet(names.canvas, sheetCount);
      applySheetPlan(sheet, canvas.plan, spreadsheet);
      applySheetPlan(spreadsheet.insertSheet(names.details, sheetCount + 1), details.plan, spreadsheet);
      applySheetPlan(spreadsheet.insertSheet(names.figures, sheetCount + 2), figuresPlan, spreadsheet);
      insertReportedResults(spreadsheet, instance, names.reported, sheetCount + 3);
      const numbers = {
        figuresSheet: names.figures,
        reportedSheet: names.reported,
        figures: content.blocks.flatMap((block) => block.figures),
      };
      // A numbers sheet a deleted canvas of this instance left behind is reused (rebuilt), never duplicated.
      if (free.numbersLeft) refreshNumbersSheet(spreadsheet, instance, numbers);
      else insertNumbersSheet(spreadsheet, instance, names.numbers, sheetCount + 4, numbers);
      // The entries to test, last: rebuilt over one a deleted canvas of this instance left, none over a user's own.
      const index = sheetCount + (free.numbersLeft ? 4 : 5);
      writeAssumptions(spreadsheet, free.assumptions, instance, names.canvas, canvas.entries, { index });
      return sheet;
    });
  } catch (error) {
    // A half-inserted canvas is taken away again, so a retry inserts one whole canvas, not a second one (a numbers
    // sheet that was there before stays).
    const added = Object.values(names).filter((name) => !(free.numbersLeft && name === names.numbers));
    // A user's own sheet of that name stays (an Assumptions list a deleted canvas left goes with the rest).
    if (!free.assumptions.nameTaken) added.push(assumptionsSheetName(instance));
    if (removeSheets(spreadsheet, added)) writesUndone();
    throw error;
  }

  canvasSheet.activate();
  spreadsheet.toast(
    `Done: ${BLOCK_IDS.length} blocks on "${names.canvas}", the detail on "${names.details}", ${links.length} figures on "${names.figures}", Xiaomi's reported results on "${names.reported}", charts on "${names.numbers}".`,
    TOAST_TITLE,
    8,
  );
  return { instance, names };
}

/** Deletes the sheets of these names that exist (the ones an interrupted insert added); false if that failed too. */
function removeSheets(spreadsheet: Spreadsheet, names: readonly string[]): boolean {
  try {
    for (const name of names) {
      const sheet = spreadsheet.getSheetByName(name);
      if (sheet) spreadsheet.deleteSheet(sheet);
    }
    return true;
  } catch {
    return false;
  }
}

/** Where a new canvas goes, read before any write: its instance, the sheet count and the spreadsheet's locale. */
export interface FreeInstance {
  instance: number;
  sheetCount: number;
  /** The spreadsheet's locale (formulas are written in en_US: see core/formula.ts). */
  locale: string;
  /** Names of this instance a deleted canvas left behind (removed before the new ones are created). */
  leftovers: GoogleAppsScript.Spreadsheet.NamedRange[];
  /** A numbers sheet of this instance a deleted canvas left behind: reused (its tables and charts rebuilt). */
  numbersLeft?: boolean;
  /** Where the Assumptions list goes: a new sheet, or over one a deleted canvas left (read only if the name is taken). */
  assumptions: AssumptionsTarget;
}

/**
 * The lowest instance number whose sheet names and canvas are free, and whether a canvas exists. Names a deleted
 * canvas left behind (Sheets may keep them, pointing at #REF!, and then refuses them to a new range) are removed
 * from the chosen instance, so its names can be created: writes only in that case, after all the reads.
 */
function freeInstance(spreadsheet: Spreadsheet): FreeInstance & { exists: boolean } {
  const sheets = spreadsheet.getSheets();
  const names = sheets.map((sheet) => sheet.getName());
  const taken = sheetNameTaken(names);
  const nameIsFree = (n: number) =>
    (['canvas', 'details', 'figures', 'reported'] as const).every((kind) => !taken(sheetName(kind, n)));
  const listed = new Map(spreadsheet.getNamedRanges().map((named) => [named.getName(), named] as const));
  let exists = names.some((name) => CANVAS_SHEET_NAME.test(name));
  let instance = 1;
  for (;;) {
    const name = rangeNames.canvas(instance);
    const hasCanvas = listed.has(name) && spreadsheet.getRangeByName(name) !== null;
    exists = exists || hasCanvas;
    if (!hasCanvas && nameIsFree(instance)) break;
    instance++;
  }
  const leftovers = instanceRangeNames(instance).flatMap((name) => listed.get(name) ?? []);
  const numbersLeft = taken(sheetName('numbers', instance));
  return {
    assumptions: taken(assumptionsSheetName(instance))
      ? readAssumptionsTarget(spreadsheet, instance)
      : { sheet: null, lastRow: 0 },
    instance,
    exists,
    sheetCount: sheets.length,
    locale: spreadsheet.getSpreadsheetLocale(),
    leftovers,
    numbersLeft,
  };
}
