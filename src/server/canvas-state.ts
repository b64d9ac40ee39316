import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { readCanvasGrid, type CanvasReading } from '../core/canvas-read';
import { readDetailsGrid, type DetailsRegion } from '../core/details-read';
import { rangeNames } from '../core/instance-names';
import { LEGACY_RATE_COLUMN } from '../core/key-figures-plan';
import { figuresWithReported, type ComparisonSettings } from '../core/reported-compare';
import { blockVersion } from '../core/version';
import type { BlockView, CanvasView, Figure, FigureView } from '../core/view';
import { locateCanvas, type CanvasInstance } from './canvas-instance';
import { REPORTED } from './reported';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything the sheet says about a canvas, read in one round trip (reads only, no writes in between). */
export interface CanvasState {
  sheets: CanvasInstance;
  canvasName: string;
  detailsName: string;
  canvas: CanvasReading;
  details: Record<BlockId, DetailsRegion>;
  /** Last used row of Key Figures (0 when the sheet is missing), so a rewrite can clear what it leaves behind. */
  figuresLastRow: number;
  /** Name of the Reported Results sheet, or null when it is missing (or was not asked for). */
  reportedName: string | null;
  /** Key Figures' rate and tolerance, for comparing figures with Xiaomi's reported results. */
  settings: ComparisonSettings;
  /**
   * The rate and tolerance cells as typed, when Key Figures still has the layout from before the Reported
   * columns (settings in L:M): re-linking moves them right instead of writing the table over them.
   */
  legacySettings: unknown[][] | null;
}

export function readCanvasState(spreadsheet: Spreadsheet, withKeyFigures = false): CanvasState {
  const sheets = locateCanvas(spreadsheet, withKeyFigures);
  const canvasName = sheets.canvas.getName();
  const detailsName = sheets.details.getName();
  const canvas = readCanvasGrid(sheets.canvas.getDataRange().getValues(), canvasName);
  const details = readDetailsGrid(sheets.details.getDataRange().getValues(), detailsName);
  const figuresLastRow = withKeyFigures && sheets.figures ? sheets.figures.getLastRow() : 0;
  const reportedName = sheets.reported ? sheets.reported.getName() : null;
  const { settings, legacySettings } = readComparisonSettings(spreadsheet, sheets.instance, withKeyFigures);
  return {
    sheets,
    canvasName,
    detailsName,
    canvas,
    details,
    figuresLastRow,
    reportedName,
    settings,
    legacySettings,
  };
}

/**
 * The rate cell (by its named range) and the tolerance cell under it; null where blank or not a number.
 * When Key Figures will be rewritten (`withKeyFigures`), also says whether they sit where they used to.
 */
function readComparisonSettings(
  spreadsheet: Spreadsheet,
  instance: number,
  withKeyFigures: boolean,
): { settings: ComparisonSettings; legacySettings: unknown[][] | null } {
  const rate = spreadsheet.getRangeByName(rangeNames.rate(instance));
  if (!rate) return { settings: { rate: null, tolerance: null }, legacySettings: null };
  const values = rate.offset(0, 0, 2, 1).getValues();
  const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const legacy = withKeyFigures && rate.getColumn() === LEGACY_RATE_COLUMN;
  return {
    settings: { rate: numberOrNull(values[0][0]), tolerance: numberOrNull(values[1][0]) },
    legacySettings: legacy ? values : null,
  };
}

export function blockView(state: CanvasState, id: BlockId): BlockView {
  const entries = state.canvas.entries[id];
  const figures = state.details[id].figures.map((f) => f.figure);
  return {
    id,
    title: BLOCK_TITLES[id],
    version: blockVersion(state.sheets.instance, id, entries, figures),
    entries,
    figures: withReported(figures, state.settings),
  };
}

/** Each figure with Xiaomi's reported value for its metric and period, when there is one. */
export function withReported(figures: readonly Figure[], settings: ComparisonSettings): FigureView[] {
  return figuresWithReported(figures, REPORTED, settings);
}

export function canvasView(state: CanvasState): CanvasView {
  return { sheetName: state.canvasName, blocks: BLOCK_IDS.map((id) => blockView(state, id)) };
}
