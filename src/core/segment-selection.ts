/** Which canvas cells "Show what serves" selects for a segment. */
import { BLOCK_IDS } from './block-ids';
import { blockArea } from './canvas-layout';
import type { CanvasReading } from './canvas-read';

/** The cells (entry text) of a segment's own entry, then of every entry linked to it, in canvas order. */
export function servingCells(
  canvas: Pick<CanvasReading, 'layout' | 'entryRows' | 'links' | 'segmentIds'>,
  segmentId: string,
): Array<{ row: number; column: number }> {
  const own = canvas.segmentIds.indexOf(segmentId);
  const cells: Array<{ row: number; column: number }> = [];
  const column = (id: (typeof BLOCK_IDS)[number]) => blockArea(canvas.layout, id).column;
  if (own >= 0) cells.push({ row: canvas.entryRows['customer-segments'][own], column: column('customer-segments') });
  for (const id of BLOCK_IDS) {
    canvas.links[id].forEach((ids, i) => {
      if (ids.includes(segmentId)) cells.push({ row: canvas.entryRows[id][i], column: column(id) });
    });
  }
  return cells;
}
