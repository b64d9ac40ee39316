/** Puts every named range of a canvas back where its blocks are now. */
import { planRefresh, type RefreshPlan } from '../core/refresh-plan';
import { placeNamedRanges } from './apply-plan';
import { reportedFigures } from './reported';
import type { CanvasState } from './canvas-state';

/** Refresh's plan for a canvas as read (core/refresh-plan.ts). */
export function refreshPlanOf(state: CanvasState): RefreshPlan {
  return planRefresh({
    instance: state.sheets.instance,
    layout: state.canvas.layout,
    details: state.details,
    reportedCount: reportedFigures().length,
  });
}

/**
 * Sets every named range of a canvas from where its blocks are now (after rows were moved, or the names were
 * removed by hand), as planned. Key Figures' table name is set when its table is written.
 */
export function restoreNamedRanges(state: CanvasState, plan: RefreshPlan = refreshPlanOf(state)): void {
  const spreadsheet = state.spreadsheet;
  const { canvas, details, figures, reported } = state.sheets;
  placeNamedRanges(spreadsheet, canvas, plan.names.canvas, state.namedRanges);
  placeNamedRanges(spreadsheet, details, plan.names.details, state.namedRanges);
  if (figures) placeNamedRanges(spreadsheet, figures, plan.names.figures, state.namedRanges);
  if (reported) placeNamedRanges(spreadsheet, reported, plan.names.reported, state.namedRanges);
}
