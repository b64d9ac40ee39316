/**
 * Saving, resetting or restoring blocks as a plan: every cell the write changes on the canvas and details sheets,
 * computed from what was read before anything is written, in the order the server applies it (server/write-block.ts).
 */
import { a1Range } from './a1';
import { BLOCK_IDS, type BlockId } from './block-ids';
import {
  allBlockAreas,
  bandColumnGroups,
  blockArea,
  entryCapacity,
  entryMergeGroups,
  fitCountCell,
  OLD_FIT_COUNT_COLUMN,
  growthFor,
  legendCell,
  markerColumnOf,
  shiftLayout,
  type CanvasLayout,
} from './canvas-layout';
import { canvasSegments, linksAfterWrite, type CanvasLinks } from './canvas-links';
import { entryColumnCells } from './canvas-plan';
import type { CanvasReading } from './canvas-read';
import { FIGURE_COLUMNS, FIGURE_HEADER, paintFigureRow, paintFigureStyles } from './details-plan';
import type { DetailsRegion } from './details-read';
import type { EntryLinks } from './entry-links';
import type { EntryEvidence } from './evidence';
import { plainFigure } from './figure';
import { fitChecks } from './fit-checks';
import { linkColumn, packedRows } from './link-store';
import { cellText } from './literal';
import { MARKER_LEGEND, fitCountText, markerColumn, type MarkerCell } from './segment-markers';
import { PlanGrid } from './sheet-plan';
import type { Figure } from './view';

/** A figure to write; `source` is known for embedded content, otherwise it is carried over by label. */
export type SourcedFigure = Figure & { source?: string };

/** The whole content of one block, as a write takes it. */
export interface BlockContent {
  id: BlockId;
  entries: readonly string[];
  figures: readonly SourcedFigure[];
  /** Parallel to entries; omitted = the links follow their entries (see linksAfterWrite). */
  links?: ReadonlyArray<readonly string[]>;
  /** Customer Segments only (a restore): the segments' ids; omitted = they follow their entries. */
  segmentIds?: readonly string[];
  /** Parallel to entries; omitted = each entry keeps its evidence (new entries are assumptions). */
  evidence?: readonly EntryEvidence[];
}

/** What a write needs to have read: the canvas and details sheets as they were. */
export interface BlockWriteRead {
  canvas: CanvasReading;
  details: Record<BlockId, DetailsRegion>;
}

/** One step of the write, in order; each is a fixed number of calls (see applyBlockWrites). */
export type BlockWriteStep =
  /** Rows inserted into the canvas where a block outgrows its area, styled like entry rows. */
  | {
      kind: 'canvas-rows';
      beforeRow: number;
      rows: number;
      /** A1 ranges of the band's column groups (side edges drawn) and of its merged entry cells. */
      groupRanges: string[];
      mergeRanges: string[];
    }
  /** A block's entry column: formats, then values (literal.ts). */
  | { kind: 'entries'; id: BlockId; row: number; column: number; formats: string[][]; values: string[][] }
  /** Column A: segment ids and links. */
  | { kind: 'link-column'; firstRow: number; values: string[][] }
  /** A block's marker cells. */
  | { kind: 'markers'; id: BlockId; column: number; firstRow: number; cells: MarkerCell[] }
  /**
   * The fit-check summary above the blocks. On a canvas from before it moved here (summary in J, the marker legend
   * in its cell), `spacer` is the whole row from its cell to J: summary, legend in its column, the rest blank.
   */
  | { kind: 'fit-count'; row: number; column: number; text: string; spacer?: string[] }
  /** The evidence legend beside the title, on a canvas from before the symbols (written with them). */
  | { kind: 'legend'; column: number }
  /** A block's figures table on the details sheet, rows inserted first when it outgrows its region. */
  | {
      kind: 'figures';
      id: BlockId;
      firstRow: number;
      column: number;
      insertBeforeRow: number | null;
      inserted: number;
      grid: PlanGrid;
    };

export interface BlockWritePlan {
  steps: BlockWriteStep[];
  /** Each block's figure rows after the write when figures moved (Key Figures is re-linked to them), else null. */
  keyFigureRows: Record<BlockId, number[]> | null;
  /** Links, segment ids and entries after the write (for the views returned). */
  after: CanvasLinks & { entries: Record<BlockId, readonly string[]> };
  /** The details regions after the write. */
  details: Record<BlockId, DetailsRegion>;
  /** The canvas layout and every block's entry rows after the write (the Assumptions list points at them). */
  layout: CanvasLayout;
  entryRows: Record<BlockId, number[]>;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The complete change for writing `blocks` (each at most once) over what was read: rows inserted where a block
 * outgrows its area, each changed block's entries and figures, column A, the markers and the fit count where they
 * differ, and whether Key Figures must be re-linked. Nothing unchanged is written.
 */
export function planBlockWrites(read: BlockWriteRead, blocks: readonly BlockContent[]): BlockWritePlan {
  const steps: BlockWriteStep[] = [];
  let layout = read.canvas.layout;
  const growths: Array<{ beforeRow: number; rows: number }> = [];
  for (const block of blocks) {
    const growth = growthFor(layout, block.id, block.entries.length);
    if (!growth) continue;
    layout = shiftLayout(layout, growth.beforeRow, growth.rows);
    growths.push(growth);
    steps.push(canvasRows(layout, growth.beforeRow, growth.rows));
  }
  const rewritten = blocks.filter((block) => !sameJson(block.entries, read.canvas.entries[block.id]));
  for (const block of rewritten) {
    const area = blockArea(layout, block.id);
    const cells = entryColumnCells(block.entries, entryCapacity(area));
    steps.push({ kind: 'entries', id: block.id, row: area.firstEntryRow, column: area.column, ...cells });
  }
  const after = linksAfterWrite(read.canvas, blocks);
  const links = linkSteps(read.canvas, layout, growths, new Set(rewritten.map((b) => b.id)), after);
  steps.push(...links.steps);
  let details = read.details;
  for (const block of blocks) {
    const same = sameJson(
      block.figures.map(plainFigure),
      details[block.id].figures.map((f) => f.figure),
    );
    if (same) continue;
    const planned = figureStep(details, block.id, block.figures);
    steps.push(planned.step);
    details = planned.details;
  }
  const rows = figureRowsOf(details);
  return {
    steps,
    keyFigureRows: sameJson(rows, figureRowsOf(read.details)) ? null : rows,
    after,
    details,
    layout,
    entryRows: links.entryRows,
  };
}

/** New canvas rows: the entry style outright, merged like their band, the blocks' side edges drawn through them. */
function canvasRows(layout: CanvasLayout, beforeRow: number, rows: number): BlockWriteStep {
  const band = beforeRow > layout.topEndRow ? 'bottom' : 'top';
  return {
    kind: 'canvas-rows',
    beforeRow,
    rows,
    groupRanges: bandColumnGroups(band).map((g) => a1Range(beforeRow, g.column, rows, g.numColumns)),
    mergeRanges: entryMergeGroups(band).map((g) => a1Range(beforeRow, g.column, rows, g.numColumns)),
  };
}

/**
 * What links changed: column A when it differs, the marker cells of every block whose markers differ, and the
 * fit-check count when it changed; from the state read before and the rows inserted since.
 */
function linkSteps(
  before: CanvasReading,
  layout: CanvasLayout,
  growths: ReadonlyArray<{ beforeRow: number; rows: number }>,
  rewritten: ReadonlySet<BlockId>,
  after: CanvasLinks & { entries: Record<BlockId, readonly string[]> },
): { steps: BlockWriteStep[]; entryRows: Record<BlockId, number[]> } {
  const steps: BlockWriteStep[] = [];
  const shift = (row: number) => growths.reduce((r, g) => (r >= g.beforeRow ? r + g.rows : r), row);
  // Entries written again sit packed from the first entry row; the others stay where they were (rows inserted
  // since shift them), gaps a teammate left included.
  const rowsAfter = (id: BlockId) =>
    rewritten.has(id) ? packedRows(layout, id, after.links[id].length) : before.entryRows[id].map(shift);
  const markerIds = (links: CanvasLinks, id: BlockId): EntryLinks =>
    id === 'customer-segments' ? links.segmentIds.map((s) => [s]) : links.links[id];

  const column = linkColumn(
    layout,
    BLOCK_IDS.map((id) => ({
      id,
      rows: rowsAfter(id),
      links: after.links[id],
      segmentIds: after.segmentIds,
      evidence: after.evidence[id],
    })),
  );
  const oldTexts = before.markerTexts.slice(column.firstRow - 1, column.firstRow - 1 + column.values.length);
  if (growths.length > 0 || column.values.some(([v], i) => cellText(v) !== (oldTexts[i] ?? '')))
    steps.push({ kind: 'link-column', firstRow: column.firstRow, values: column.values });

  const grown = (id: BlockId) => growths.some((g) => g.beforeRow <= blockArea(layout, id).lastEntryRow + 1);
  for (const area of allBlockAreas(layout)) {
    const id = area.id;
    const capacity = entryCapacity(area);
    // Customer Segments shows each segment's own number on its colour (the legend's chips).
    const chips = id === 'customer-segments';
    const cells = markerColumn(
      capacity,
      rowsAfter(id),
      area.firstEntryRow,
      markerIds(after, id),
      chips,
      after.evidence[id],
    );
    const was = markerColumn(
      capacity,
      before.entryRows[id].map(shift),
      area.firstEntryRow,
      markerIds(before, id),
      chips,
      before.evidence[id],
    );
    // Inserted rows move every block's cells, formats included, so only a block that was rewritten into grown
    // rows needs its markers written again when they did not change. Markers that no longer say what they should
    // (a canvas from before evidence symbols, a teammate's typing) are repainted by any save.
    const regrown = grown(id) && rewritten.has(id) && cells.some((c) => c.value !== '');
    const stale = !grown(id) && cells.some((c, i) => c.value !== (before.markers[id][i] ?? ''));
    if (!sameJson(cells, was) || regrown || stale)
      steps.push({ kind: 'markers', id, column: markerColumnOf(area), firstRow: area.firstEntryRow, cells });
  }

  // Symbols painted on a canvas from before them bring their legend (never over a teammate's text there).
  const legend = legendCell(layout);
  if (before.legendText === '' && layout.topTitleRow > 1 && steps.some((s) => s.kind === 'markers'))
    steps.push({ kind: 'legend', column: legend.column });

  const entries = Object.fromEntries(BLOCK_IDS.map((id) => [id, after.entries[id]])) as Record<
    BlockId,
    readonly string[]
  >;
  const count = fitChecks({
    segments: canvasSegments(entries, after.segmentIds),
    entries,
    links: after.links,
    evidence: after.evidence,
  }).length;
  const text = fitCountText(count);
  const cell = fitCountCell(layout);
  if (cell && (text !== before.fitCountText || before.oldFitCount))
    steps.push({
      kind: 'fit-count',
      row: cell.row,
      column: cell.column,
      text,
      ...(before.oldFitCount && { spacer: oldSpacerRow(cell.column, legend.column, text) }),
    });
  return {
    steps,
    entryRows: Object.fromEntries(BLOCK_IDS.map((id) => [id, rowsAfter(id)])) as Record<BlockId, number[]>,
  };
}

/** An older canvas's spacer row from the summary's cell to where it was (J): the summary and the marker legend. */
function oldSpacerRow(column: number, legendColumn: number, text: string): string[] {
  const row = Array<string>(OLD_FIT_COUNT_COLUMN - column + 1).fill('');
  row[0] = text;
  row[legendColumn - column] = MARKER_LEGEND;
  return row;
}

/** A block's figures table (sources carried over by label) and every region as it is after (rows shifted). */
function figureStep(
  before: Record<BlockId, DetailsRegion>,
  id: BlockId,
  figures: readonly SourcedFigure[],
): { step: BlockWriteStep; details: Record<BlockId, DetailsRegion> } {
  const region = before[id];
  const oldRows = region.figures;
  const room = region.endRow - region.headerRow - 1;
  const inserted = Math.max(figures.length - room, 0);
  const capacity = room + inserted;
  const used = new Set<number>();
  const sourceOf = (figure: SourcedFigure, index: number): string => {
    if (figure.source !== undefined) return figure.source;
    const same = oldRows[index];
    if (same && same.figure.label === figure.label && !used.has(index)) {
      used.add(index);
      return same.source;
    }
    const match = oldRows.findIndex((old, i) => !used.has(i) && old.figure.label === figure.label);
    if (match >= 0) {
      used.add(match);
      return oldRows[match].source;
    }
    return '';
  };
  const grid = new PlanGrid(capacity, FIGURE_HEADER.length);
  paintFigureStyles(grid, 1, capacity, 1);
  const written = figures.map((figure, i) => {
    const source = sourceOf(figure, i);
    paintFigureRow(grid, i + 1, { ...figure, source }, 1);
    return { row: region.headerRow + 1 + i, figure: plainFigure(figure), source };
  });
  const shift = (row: number) => (inserted > 0 && row >= region.endRow ? row + inserted : row);
  const details = {} as Record<BlockId, DetailsRegion>;
  for (const other of BLOCK_IDS) {
    const r = before[other];
    details[other] =
      other === id
        ? { ...r, endRow: r.endRow + inserted, figures: written }
        : {
            ...r,
            headingRow: shift(r.headingRow),
            headerRow: shift(r.headerRow),
            endRow: shift(r.endRow),
            figures: r.figures.map((f) => ({ ...f, row: shift(f.row) })),
          };
  }
  return {
    step: {
      kind: 'figures',
      id,
      firstRow: region.headerRow + 1,
      column: FIGURE_COLUMNS.label,
      insertBeforeRow: inserted > 0 ? region.endRow : null,
      inserted,
      grid,
    },
    details,
  };
}

function figureRowsOf(regions: Record<BlockId, DetailsRegion>): Record<BlockId, number[]> {
  return Object.fromEntries(BLOCK_IDS.map((id) => [id, regions[id].figures.map((f) => f.row)])) as Record<
    BlockId,
    number[]
  >;
}
