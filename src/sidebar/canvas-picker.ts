/**
 * The sidebar is bound to the canvas it shows: every request names it (canvasId), so saves never land on the
 * canvas of whichever tab is active. With more than one canvas the list view says which one and lets the user switch.
 */
import type { CanvasView } from '../core/view';
import { el, type Child } from './dom';
import type { AppState } from './state';

/** The request field naming the sidebar's canvas (empty before a canvas is loaded: the server's default). */
export function canvasField(canvas: CanvasView | null | undefined): { canvasId?: string } {
  return canvas?.canvasId ? { canvasId: canvas.canvasId } : {};
}

export interface CanvasPickerActions {
  switchCanvas(canvasId: string): void;
}

export const canvasPickerId = 'canvas-picker';

/** A chooser of the spreadsheet's canvases, or null when there is only one. */
export function renderCanvasPicker(state: AppState, actions: CanvasPickerActions): Child {
  const canvas = state.canvas;
  if (!canvas || !Array.isArray(canvas.canvases) || canvas.canvases.length < 2) return null;
  return el(
    'div',
    { class: 'canvas-picker' },
    el('label', { for: canvasPickerId }, 'Editing canvas'),
    el(
      'select',
      {
        id: canvasPickerId,
        disabled: state.busy !== null,
        onchange: (event: Event) => actions.switchCanvas((event.target as HTMLSelectElement).value),
      },
      ...canvas.canvases.map((c) =>
        el('option', { value: c.canvasId, selected: c.canvasId === canvas.canvasId }, c.sheetName),
      ),
    ),
  );
}
