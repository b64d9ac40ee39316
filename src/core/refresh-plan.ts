/**
 * Refresh Key Figures as a plan: every named range of a canvas where its blocks are now, per sheet, and the figure
 * rows Key Figures is re-linked to; computed from what was read, applied by the server in one pass (menu.ts).
 */
import { a1Range } from './a1';
import { BLOCK_IDS, type BlockId } from './block-ids';
import { CANVAS_COLUMNS, blockArea, type CanvasLayout } from './canvas-layout';
import { DETAILS_COLUMNS } from './details-plan';
import type { DetailsRegion } from './details-read';
import { rangeNames } from './instance-names';
import { RATE_CELL } from './key-figures-plan';
import { reportedTableRange } from './reported-results-plan';

export interface NamedRangeTarget {
  name: string;
  /** A1 range on its sheet. */
  range: string;
}

export interface RefreshPlan {
  /** The names to place on each sheet (Key Figures' table name is placed when its table is written). */
  names: {
    canvas: NamedRangeTarget[];
    details: NamedRangeTarget[];
    figures: NamedRangeTarget[];
    reported: NamedRangeTarget[];
  };
  /** Each block's figure rows on the details sheet: what Key Figures links to. */
  figureRows: Record<BlockId, number[]>;
}

/** What Refresh reads: where the canvas's blocks and figures are now, and how many reported results there are. */
export interface RefreshRead {
  instance: number;
  layout: CanvasLayout;
  details: Record<BlockId, DetailsRegion>;
  reportedCount: number;
}

export function planRefresh(read: RefreshRead): RefreshPlan {
  const n = read.instance;
  const { layout, details } = read;
  return {
    names: {
      canvas: [
        { name: rangeNames.canvas(n), range: a1Range(1, 1, layout.bottomEndRow + 2, CANVAS_COLUMNS) },
        ...BLOCK_IDS.map((id) => {
          const area = blockArea(layout, id);
          return {
            name: rangeNames.canvasBlock(n, id),
            range: a1Range(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns),
          };
        }),
      ],
      details: BLOCK_IDS.map((id) => {
        const region = details[id];
        return {
          name: rangeNames.detailsBlock(n, id),
          range: a1Range(region.headingRow, 2, region.endRow - region.headingRow + 1, DETAILS_COLUMNS - 1),
        };
      }),
      figures: [{ name: rangeNames.rate(n), range: a1Range(RATE_CELL.row, RATE_CELL.column, 1, 1) }],
      reported: [{ name: rangeNames.reported(n), range: reportedTableRange(read.reportedCount) }],
    },
    figureRows: Object.fromEntries(BLOCK_IDS.map((id) => [id, details[id].figures.map((f) => f.row)])) as Record<
      BlockId,
      number[]
    >,
  };
}
