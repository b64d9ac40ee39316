/**
 * Refresh Key Figures as a plan: every named range of a canvas where its blocks are now, per sheet, the figure rows
 * Key Figures is re-linked to, and which of the canvas's other sheets to re-link, rewrite or recreate (and where);
 * computed from what was read, applied by the server in one pass (menu.ts).
 */
import { a1Range } from './a1';
import { BLOCK_IDS, type BlockId } from './block-ids';
import { CANVAS_COLUMNS, blockArea, type CanvasLayout } from './canvas-layout';
import { DETAILS_COLUMNS } from './details-plan';
import type { DetailsRegion } from './details-read';
import { rangeNames, sheetName } from './instance-names';
import { freeSheetName } from './sheet-names';
import { rangeBounds } from './numbers-plan';
import { FIRST_FIGURE_ROW, LEGACY_FIRST_FIGURE_ROW, RATE_CELL } from './key-figures-plan';
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

/**
 * Where the canvas's Key Figures and Reported Results are, as read before any write, or null when a teammate
 * deleted them. Positions are 1-based (Sheet.getIndex()); each is read only when a step needs it, else 0: the
 * details' when Key Figures is missing, Key Figures' when Reported Results is, Reported Results' for Refresh.
 */
export interface CompanionSheetsRead {
  instance: number;
  detailsPosition: number;
  figures: { position: number; lastRow: number; legacySettings: boolean } | null;
  reported: { position: number; name: string } | null;
  /** Every sheet's name (to recreate under a free one). */
  sheetNames: readonly string[];
}

/** Key Figures: re-linked where it is (moving settings from the old layout first), or recreated after the details. */
export type KeyFiguresStep =
  | { kind: 'relink'; previousRows: number; moveLegacySettings: boolean }
  | { kind: 'recreate'; name: string; index: number };

/** Reported Results: kept, or recreated right after Key Figures (insertSheet's 0-based index). */
export type ReportedStep = { kind: 'keep'; name: string } | { kind: 'recreate'; name: string; index: number };

export interface CompanionPlan {
  keyFigures: KeyFiguresStep;
  reported: ReportedStep;
  /** Reported Results' 1-based position once both steps are done (the numbers sheet goes right after it). */
  reportedPosition: number;
  /** How many sheets the steps insert. */
  inserted: number;
}

/**
 * What re-linking Key Figures does to the canvas's companion sheets: a deleted Key Figures comes back right after
 * the details (under its own name, or "(restored)" when a user's sheet took it), a deleted Reported Results right
 * after Key Figures; every name the formulas use is known before the first write.
 */
export function planCompanions(read: CompanionSheetsRead): CompanionPlan {
  const n = read.instance;
  const preferred = sheetName('figures', n);
  const keyFigures: KeyFiguresStep = read.figures
    ? {
        kind: 'relink',
        // Rows under the header as it is now (row 1 in a layout whose settings are still to move).
        previousRows: Math.max(
          read.figures.lastRow - (read.figures.legacySettings ? LEGACY_FIRST_FIGURE_ROW : FIRST_FIGURE_ROW) + 1,
          0,
        ),
        moveLegacySettings: read.figures.legacySettings,
      }
    : {
        kind: 'recreate',
        name: freeSheetName(read.sheetNames, (k) =>
          k === 1 ? preferred : k === 2 ? `${preferred} (restored)` : `${preferred} (restored ${k - 1})`,
        ),
        index: read.detailsPosition,
      };
  const figuresPosition = read.figures ? read.figures.position : read.detailsPosition + 1;
  // A recreated Key Figures pushes every sheet after the details one place on.
  const shifted = (position: number) => (!read.figures && position > read.detailsPosition ? position + 1 : position);
  const reported: ReportedStep = read.reported
    ? { kind: 'keep', name: read.reported.name }
    : { kind: 'recreate', name: sheetName('reported', n), index: figuresPosition };
  return {
    keyFigures,
    reported,
    reportedPosition: read.reported ? shifted(read.reported.position) : figuresPosition + 1,
    inserted: (read.figures ? 0 : 1) + (read.reported ? 0 : 1),
  };
}

/** The numbers sheet as read before any write: its position, its charts' ranges (A1) and its last row; or null. */
export interface NumbersSheetRead {
  charts: ReadonlyArray<readonly string[]>;
  lastRow: number;
}

/** The numbers sheet: recreated right after Reported Results, or its tables rewritten and its own charts replaced. */
export type NumbersStep =
  { kind: 'recreate'; name: string; index: number } | { kind: 'rewrite'; lastRow: number; replaceCharts: boolean[] };

/**
 * The add-on's charts are those whose ranges all lie inside the tables it writes (or that have none left); the
 * template table grows and shrinks with Key Figures, so its area runs to the bottom of the sheet. A chart a user
 * added over other cells is kept.
 */
export function planNumbers(
  instance: number,
  read: NumbersSheetRead | null,
  reportedPosition: number,
  tables: ReadonlyArray<{ id: string; range: string }>,
): NumbersStep {
  if (!read) return { kind: 'recreate', name: sheetName('numbers', instance), index: reportedPosition };
  const areas = tables.map((t) => ({
    ...rangeBounds(t.range),
    ...(t.id === 'template' ? { lastRow: Number.MAX_SAFE_INTEGER } : {}),
  }));
  const inside = (a1: string) => {
    const r = rangeBounds(a1);
    return areas.some(
      (a) => r.row >= a.row && r.column >= a.column && r.lastRow <= a.lastRow && r.lastColumn <= a.lastColumn,
    );
  };
  return { kind: 'rewrite', lastRow: read.lastRow, replaceCharts: read.charts.map((ranges) => ranges.every(inside)) };
}
