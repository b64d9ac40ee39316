import { BLOCK_IDS, type BlockId } from './block-ids';
import { a1Range } from './a1';
import {
  CANVAS_COLUMNS,
  allBlockAreas,
  bandColumnGroups,
  blockArea,
  computeCanvasLayout,
  layoutMarkers,
  type CanvasLayout,
} from './canvas-layout';
import type { CanvasContent } from './content-schema';
import { rangeNames, sheetMarker } from './instance-names';
import { bulleted } from './entry-text';
import { textCell } from './literal';
import { PlanGrid, emptyPlan, type SheetPlan } from './sheet-plan';
import { THEME } from './theme';

/** Sheet columns B..K are all this wide, so the five canvas columns are equal. */
export const CANVAS_COLUMN_WIDTH = 118;

export interface CanvasPlan {
  plan: SheetPlan;
  layout: CanvasLayout;
}

/** The one-page canvas for a content, in the canonical Business Model Canvas layout. */
export function buildCanvasPlan(content: CanvasContent, instance: number): CanvasPlan {
  const entriesOf = (id: BlockId) => content.blocks.find((b) => b.id === id)!.entries;
  const layout = computeCanvasLayout(
    Object.fromEntries(BLOCK_IDS.map((id) => [id, entriesOf(id).length])) as Record<BlockId, number>,
  );
  const footerRow = layout.bottomEndRow + 1;
  const numRows = footerRow + 1;
  const grid = new PlanGrid(numRows, CANVAS_COLUMNS);

  grid.set(1, 1, sheetMarker('canvas', instance));
  for (const { row, marker } of layoutMarkers(layout)) grid.set(row, 1, marker);

  grid.text(1, 2, content.title, {
    fontSize: 18,
    fontWeight: 'bold',
    fontColor: THEME.accent,
    wrap: false,
    verticalAlignment: 'middle',
  });
  grid.text(2, 2, content.tagline, { fontStyle: 'italic', fontColor: THEME.muted, wrap: false });

  for (const block of content.blocks) {
    const area = blockArea(layout, block.id);
    grid.text(area.titleRow, area.column, block.title, {
      fontSize: 11,
      fontWeight: 'bold',
      verticalAlignment: 'middle',
    });
    grid.style(area.titleRow, area.column, 1, area.numColumns, { background: THEME.accentTint });
    grid.text(area.questionRow, area.column, block.questions[0], {
      fontSize: 8,
      fontStyle: 'italic',
      fontColor: THEME.faint,
    });
    block.entries.forEach((entry, i) => grid.text(area.firstEntryRow + i, area.column, bulleted(entry)));
  }

  const footerStyle = { fontSize: 8, fontColor: THEME.muted, wrap: false } as const;
  grid.text(footerRow, 2, `${content.dataSources.heading}: ${content.dataSources.text}`, footerStyle);
  grid.text(footerRow + 1, 2, content.licence, footerStyle);

  const plan = emptyPlan(grid);
  plan.mergeAcross = canvasMerges(layout);
  plan.borders = [{ ranges: canvasBorderRanges(layout), color: THEME.rule, style: 'SOLID_MEDIUM' }];
  // The hidden marker column shares the canvas width: all widths are set in one call.
  plan.columnWidths = Array<number>(CANVAS_COLUMNS).fill(CANVAS_COLUMN_WIDTH);
  plan.hiddenColumns = [{ column: 1, count: 1 }];
  plan.rowHeights = [
    { row: 1, count: 1, height: 36 },
    { row: layout.topEndRow, count: 1, height: 10 },
    { row: layout.bottomEndRow, count: 1, height: 10 },
  ];
  plan.namedRanges = [
    // The whole sheet area (hidden marker column included): the same range the grid is written to.
    { name: rangeNames.canvas(instance), range: a1Range(1, 1, numRows, CANVAS_COLUMNS) },
    ...allBlockAreas(layout).map((area) => ({
      name: rangeNames.canvasBlock(instance, area.id),
      range: a1Range(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns),
    })),
  ];
  return { plan, layout };
}

/** Every block column group merged row by row, from the band's title row to its last entry row. */
export function canvasMerges(layout: CanvasLayout): string[] {
  const topRows = layout.topEndRow - layout.topTitleRow;
  const bottomRows = layout.bottomEndRow - layout.bottomTitleRow;
  return [
    ...bandColumnGroups('top').map((g) => a1Range(layout.topTitleRow, g.column, topRows, g.numColumns)),
    ...bandColumnGroups('bottom').map((g) => a1Range(layout.bottomTitleRow, g.column, bottomRows, g.numColumns)),
  ];
}

export function canvasBorderRanges(layout: CanvasLayout): string[] {
  return allBlockAreas(layout).map((area) =>
    a1Range(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns),
  );
}

/**
 * The entry cells of a block as a single column (the first column of its merged group), padded with blanks:
 * values and number formats, both from the literal rule (an entry cell is plain text with its bullet).
 */
export function entryColumnCells(
  entries: readonly string[],
  capacity: number,
): { values: string[][]; formats: string[][] } {
  const cells = Array.from({ length: capacity }, (_, i) => textCell(i < entries.length ? bulleted(entries[i]) : ''));
  return { values: cells.map((c) => [c.value]), formats: cells.map((c) => [c.numberFormat]) };
}
