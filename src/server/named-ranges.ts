import { BLOCK_IDS } from '../core/block-ids';
import { a1Range } from '../core/a1';
import { CANVAS_COLUMNS, blockArea } from '../core/canvas-layout';
import { DETAILS_COLUMNS } from '../core/details-plan';
import { rangeNames } from '../core/instance-names';
import { RATE_CELL } from '../core/key-figures-plan';
import { REPORTED_RESULTS_COLUMNS } from '../core/reported-results-plan';
import { placeNamedRanges } from './apply-plan';
import { REPORTED } from './reported';
import type { CanvasState } from './canvas-state';

/**
 * Sets every named range of a canvas from where its blocks are now (after rows were moved, or the names were
 * removed by hand). Key Figures' table name is set when its table is written.
 */
export function restoreNamedRanges(state: CanvasState): void {
  const spreadsheet = state.sheets.canvas.getParent();
  const n = state.sheets.instance;
  const { layout } = state.canvas;
  const canvasNames = [
    { name: rangeNames.canvas(n), range: a1Range(1, 1, layout.bottomEndRow + 2, CANVAS_COLUMNS) },
    ...BLOCK_IDS.map((id) => {
      const area = blockArea(layout, id);
      return {
        name: rangeNames.canvasBlock(n, id),
        range: a1Range(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns),
      };
    }),
  ];
  const detailsNames = BLOCK_IDS.map((id) => {
    const region = state.details[id];
    return {
      name: rangeNames.detailsBlock(n, id),
      range: a1Range(region.headingRow, 2, region.endRow - region.headingRow + 1, DETAILS_COLUMNS - 1),
    };
  });
  const targets: Array<[GoogleAppsScript.Spreadsheet.Sheet, Array<{ name: string; range: string }>]> = [
    [state.sheets.canvas, canvasNames],
    [state.sheets.details, detailsNames],
  ];
  if (state.sheets.figures) {
    targets.push([
      state.sheets.figures,
      [{ name: rangeNames.rate(n), range: a1Range(RATE_CELL.row, RATE_CELL.column, 1, 1) }],
    ]);
  }
  if (state.sheets.reported) {
    const range = a1Range(1, 1, REPORTED.length + 1, REPORTED_RESULTS_COLUMNS);
    targets.push([state.sheets.reported, [{ name: rangeNames.reported(n), range }]]);
  }
  for (const [sheet, names] of targets) placeNamedRanges(spreadsheet, sheet, names, state.namedRanges);
}
