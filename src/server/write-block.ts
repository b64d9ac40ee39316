import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { a1Range } from '../core/a1';
import {
  CANVAS_COLUMNS,
  bandColumnGroups,
  blockArea,
  entryCapacity,
  growthFor,
  shiftLayout,
  type CanvasLayout,
} from '../core/canvas-layout';
import { entryColumnCells } from '../core/canvas-plan';
import { entriesAsStored } from '../core/canvas-read';
import { FIGURE_COLUMNS, FIGURE_HEADER, paintFigureRow, paintFigureStyles } from '../core/details-plan';
import { figuresAsStored, type DetailsRegion } from '../core/details-read';
import { PlanGrid } from '../core/sheet-plan';
import { TEXT_FORMAT } from '../core/literal';
import { THEME } from '../core/theme';
import { blockVersion } from '../core/version';
import { plainFigure } from '../core/figure';
import type { BlockView, Figure } from '../core/view';
import { writeGrid } from './apply-plan';
import { withReported, type CanvasState } from './canvas-state';
import { writeKeyFiguresTable } from './key-figures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes one block's entries (canvas) and figures (details), then re-links Key Figures.
 * Works from the state read before (no read after a write), with a fixed number of calls: rows are inserted
 * only when the block outgrows its area, and then in one call.
 */
export function writeBlock(
  state: CanvasState,
  id: BlockId,
  entries: readonly string[],
  figures: readonly SourcedFigure[],
): BlockView {
  return writeBlocks(state, [{ id, entries, figures }])[0];
}

/** The whole content of one block, as writeBlocks takes it. */
export interface BlockContent {
  id: BlockId;
  entries: readonly string[];
  figures: readonly SourcedFigure[];
}

/**
 * Writes several blocks (each at most once) in one pass, from the state read before: rows are inserted first
 * where a block outgrows its area, then each block's entries and figures are written with one call each, and
 * Key Figures is re-linked once at the end. Restoring all nine blocks costs about the same as saving one.
 */
export function writeBlocks(state: CanvasState, blocks: readonly BlockContent[]): BlockView[] {
  const sameEntries = (b: BlockContent) => sameJson(b.entries, state.canvas.entries[b.id]);
  const sameFigures = (b: BlockContent) =>
    sameJson(
      b.figures.map(plainFigure),
      state.details[b.id].figures.map((f) => f.figure),
    );
  let layout = state.canvas.layout;
  for (const block of blocks) layout = growEntries(state.sheets.canvas, layout, block.id, block.entries.length);
  for (const block of blocks)
    if (!sameEntries(block)) writeEntries(state.sheets.canvas, layout, block.id, block.entries);
  let regions = state.details;
  for (const block of blocks)
    if (!sameFigures(block)) regions = writeFigures(state.sheets.details, regions, block.id, block.figures);
  // Key Figures links cells, so it follows value edits by itself; it is re-linked only when figures moved.
  const rows = figureRowsOf(regions);
  if (!sameJson(rows, figureRowsOf(state.details))) writeKeyFiguresTable(state, rows);
  // What a read will give for the cells just written (the literal rule stores them exactly), without reading back.
  return blocks.map(({ id, entries, figures }) => {
    const storedEntries = entriesAsStored(entries);
    const storedFigures = figuresAsStored(figures.map(plainFigure));
    return {
      id,
      title: BLOCK_TITLES[id],
      version: blockVersion(state.sheets.instance, id, storedEntries, storedFigures),
      entries: storedEntries,
      figures: withReported(storedFigures, state.settings),
    };
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function figureRowsOf(regions: Record<BlockId, DetailsRegion>): Record<BlockId, number[]> {
  return Object.fromEntries(BLOCK_IDS.map((id) => [id, regions[id].figures.map((f) => f.row)])) as Record<
    BlockId,
    number[]
  >;
}

/** A figure to write; `source` is known for embedded content, otherwise it is carried over by label. */
export type SourcedFigure = Figure & { source?: string };

/** Inserts rows when a block's area is too small for `count` entries; returns the layout after. */
function growEntries(sheet: Sheet, before: CanvasLayout, id: BlockId, count: number): CanvasLayout {
  const growth = growthFor(before, id, count);
  if (!growth) return before;
  sheet.insertRowsBefore(growth.beforeRow, growth.rows);
  const layout = shiftLayout(before, growth.beforeRow, growth.rows);
  tidyInsertedCanvasRows(sheet, layout, growth.beforeRow, growth.rows);
  return layout;
}

/** Writes a block's entry cells (padded with blanks); the layout must already be big enough (growEntries). */
function writeEntries(sheet: Sheet, layout: CanvasLayout, id: BlockId, entries: readonly string[]): void {
  const area = blockArea(layout, id);
  const capacity = entryCapacity(area);
  const cells = entryColumnCells(entries, capacity);
  // Formats first: a cell's format decides how Sheets stores the value (literal.ts).
  sheet.getRange(area.firstEntryRow, area.column, capacity, 1).setNumberFormats(cells.formats).setValues(cells.values);
}

/**
 * New rows take their formats from a neighbouring row, including the bottom edge of a block outline or (next
 * to a title) its style; rather than rely on which neighbour, give them the entry style outright, merge them
 * like their band, and draw only the blocks' side edges through them.
 */
function tidyInsertedCanvasRows(sheet: Sheet, layout: CanvasLayout, firstRow: number, rows: number): void {
  const groups = bandColumnGroups(firstRow > layout.topEndRow ? 'bottom' : 'top');
  const groupRanges = groups.map((g) => a1Range(firstRow, g.column, rows, g.numColumns));
  sheet
    .getRange(firstRow, 2, rows, CANVAS_COLUMNS - 1)
    .setNumberFormat(TEXT_FORMAT)
    .setBackground(THEME.white)
    .setFontColor(THEME.ink)
    .setFontSize(10)
    .setFontWeight('normal')
    .setFontStyle('normal')
    .setWrap(true)
    .setVerticalAlignment('top')
    .setBorder(false, null, false, null, null, false);
  const list = sheet.getRangeList(groupRanges);
  list.setBorder(null, true, null, true, null, null, THEME.rule, SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
  for (const range of list.getRanges()) range.mergeAcross();
}

/** Writes the figures table of one block; returns every region as it is after the write (rows shifted by inserts). */
function writeFigures(
  sheet: Sheet,
  before: Record<BlockId, DetailsRegion>,
  id: BlockId,
  figures: readonly SourcedFigure[],
): Record<BlockId, DetailsRegion> {
  const region = before[id];
  const oldRows = region.figures;
  let capacity = region.endRow - region.headerRow - 1;
  let inserted = 0;
  if (figures.length > capacity) {
    inserted = figures.length - capacity;
    sheet.insertRowsBefore(region.endRow, inserted);
    capacity += inserted;
  }
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
  const range = sheet.getRange(region.headerRow + 1, FIGURE_COLUMNS.label, capacity, FIGURE_HEADER.length);
  if (inserted > 0) {
    writeGrid(range, grid);
    sheet
      .getRange(region.headerRow, FIGURE_COLUMNS.label, capacity + 1, FIGURE_HEADER.length)
      .setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  } else {
    // Formats first: a cell's format decides how Sheets stores the value (literal.ts).
    range.setNumberFormats(grid.styles.map((row) => row.map((style) => style.numberFormat))).setValues(grid.values);
  }

  const shift = (row: number) => (inserted > 0 && row >= region.endRow ? row + inserted : row);
  const after = {} as Record<BlockId, DetailsRegion>;
  for (const other of BLOCK_IDS) {
    const r = before[other];
    after[other] =
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
  return after;
}
