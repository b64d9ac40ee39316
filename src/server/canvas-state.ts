import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { readCanvasGrid, type CanvasReading } from '../core/canvas-read';
import { readDetailsGrid, type DetailsRegion } from '../core/details-read';
import { canvasSegments } from '../core/canvas-links';
import { blockVersion, versionLinks } from '../core/version';
import type { BlockView, CanvasView } from '../core/view';
import { locateCanvas, type CanvasInstance } from './canvas-instance';

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
}

export function readCanvasState(spreadsheet: Spreadsheet, withKeyFigures = false): CanvasState {
  const sheets = locateCanvas(spreadsheet, withKeyFigures);
  const canvasName = sheets.canvas.getName();
  const detailsName = sheets.details.getName();
  const canvas = readCanvasGrid(sheets.canvas.getDataRange().getValues(), canvasName);
  const details = readDetailsGrid(sheets.details.getDataRange().getValues(), detailsName);
  const figuresLastRow = withKeyFigures && sheets.figures ? sheets.figures.getLastRow() : 0;
  return { sheets, canvasName, detailsName, canvas, details, figuresLastRow };
}

export function blockView(state: CanvasState, id: BlockId): BlockView {
  const entries = state.canvas.entries[id];
  const figures = state.details[id].figures.map((f) => f.figure);
  const links = state.canvas.links[id];
  return {
    id,
    title: BLOCK_TITLES[id],
    version: blockVersion(
      state.sheets.instance,
      id,
      entries,
      figures,
      versionLinks(id, links, state.canvas.segmentIds),
    ),
    entries,
    figures,
    links,
  };
}

export function canvasView(state: CanvasState): CanvasView {
  return {
    sheetName: state.canvasName,
    blocks: BLOCK_IDS.map((id) => blockView(state, id)),
    segments: canvasSegments(state.canvas.entries, state.canvas.segmentIds),
  };
}
