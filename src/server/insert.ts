import { BLOCK_IDS } from '../core/block-ids';
import { buildCanvasPlan } from '../core/canvas-plan';
import type { CanvasContent } from '../core/content-schema';
import { buildDetailsPlan } from '../core/details-plan';
import { rangeNames, sheetName } from '../core/instance-names';
import { buildKeyFiguresPlan } from '../core/key-figures-plan';
import { applySheetPlan } from './apply-plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

const TOAST_TITLE = 'Xiaomi Canvas';
const CANVAS_SHEET_NAME = /^Xiaomi Canvas( \(\d+\))?$/;

/**
 * Inserts a complete canvas (canvas, details, Key Figures). If one exists, asks first; "No" changes nothing,
 * "Yes" adds a fresh copy under new names, so existing sheets and user edits are never touched.
 * All reads happen before the first write, so the whole insert costs one read round trip.
 */
export function insertCanvas(spreadsheet: Spreadsheet, ui: Ui, content: CanvasContent): void {
  const sheets = spreadsheet.getSheets();
  const taken = new Set(sheets.map((sheet) => sheet.getName()));
  const nameIsFree = (n: number) => (['canvas', 'details', 'figures'] as const).every((kind) => !taken.has(sheetName(kind, n)));
  let exists = [...taken].some((name) => CANVAS_SHEET_NAME.test(name));
  let instance = 1;
  for (;;) {
    const hasCanvas = spreadsheet.getRangeByName(rangeNames.canvas(instance)) !== null;
    exists = exists || hasCanvas;
    if (!hasCanvas && nameIsFree(instance)) break;
    instance++;
  }
  if (exists) {
    const answer = ui.alert(
      'Insert another Xiaomi canvas?',
      `This spreadsheet already has a Xiaomi canvas. Insert a fresh copy as "${sheetName('canvas', instance)}"? Your existing canvas and edits stay as they are.`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
  }

  spreadsheet.toast('Inserting the Xiaomi canvas…', TOAST_TITLE, 5);
  const canvas = buildCanvasPlan(content, instance);
  const details = buildDetailsPlan(content, instance);
  const links = content.blocks.flatMap((block) =>
    details.figureRows[block.id].map((row) => ({ blockTitle: block.title, row })),
  );
  const names = { canvas: sheetName('canvas', instance), details: sheetName('details', instance), figures: sheetName('figures', instance) };
  const figuresPlan = buildKeyFiguresPlan(instance, names.details, links);

  let index = sheets.length;
  const canvasSheet = spreadsheet.insertSheet(names.canvas, index++);
  applySheetPlan(canvasSheet, canvas.plan);
  const detailsSheet = spreadsheet.insertSheet(names.details, index++);
  applySheetPlan(detailsSheet, details.plan);
  const figuresSheet = spreadsheet.insertSheet(names.figures, index++);
  applySheetPlan(figuresSheet, figuresPlan);

  canvasSheet.activate();
  spreadsheet.toast(
    `Done: ${BLOCK_IDS.length} blocks on "${names.canvas}", the detail on "${names.details}", ${links.length} figures on "${names.figures}".`,
    TOAST_TITLE,
    8,
  );
}
