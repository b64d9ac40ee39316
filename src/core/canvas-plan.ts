/** The canvas sheet as a plan (values, styles, merges, markers) for a content, ready to apply in one pass. */
import { canvasEntries, type BlockEntries } from './assumptions-plan';
import { BLOCK_IDS, type BlockId } from './block-ids';
import { a1Range } from './a1';
import {
  CANVAS_COLUMNS,
  ENTRY_COLUMN_WIDTH,
  fitCountCell,
  legendCell,
  MARKER_COLUMN_WIDTH,
  allBlockAreas,
  blockArea,
  computeCanvasLayout,
  entryMergeGroups,
  markerColumnOf,
  type CanvasLayout,
} from './canvas-layout';
import { canvasSegments, linksFromContent, type CanvasLinks } from './canvas-links';
import type { CanvasContent } from './content-schema';
import { fitChecks } from './fit-checks';
import { linkColumn, packedRows } from './link-store';
import {
  EVIDENCE_LEGEND,
  MARKER_LEGEND,
  evidenceLegendRuns,
  fitCountText,
  markerColumn,
  type MarkerCell,
} from './segment-markers';
import { rangeNames, sheetMarker } from './instance-names';
import { bulleted } from './entry-text';
import { textCell } from './literal';
import { PlanGrid, emptyPlan, type SheetPlan } from './sheet-plan';
import { THEME } from './theme';

export interface CanvasPlan {
  plan: SheetPlan;
  layout: CanvasLayout;
  /** Each block's entries where they sit, with their evidence (for the Assumptions list). */
  entries: BlockEntries[];
}

/**
 * The one-page canvas for a content, in the canonical Business Model Canvas layout, with its segment ids and
 * links (from the content's `segmentLinks` unless given, e.g. by an imported file).
 */
export function buildCanvasPlan(
  content: CanvasContent,
  instance: number,
  links: CanvasLinks = linksFromContent(content),
  reportedPeriods: readonly string[] = [],
): CanvasPlan {
  const entriesOf = (id: BlockId) => content.blocks.find((b) => b.id === id)!.entries;
  const layout = computeCanvasLayout(
    Object.fromEntries(BLOCK_IDS.map((id) => [id, entriesOf(id).length])) as Record<BlockId, number>,
  );
  const footerRow = layout.bottomEndRow + 1;
  const numRows = footerRow + 1;
  const grid = new PlanGrid(numRows, CANVAS_COLUMNS);

  grid.set(1, 1, sheetMarker('canvas', instance));
  // Each block's entries where they are written, with their evidence (also for the Assumptions list).
  const placed = canvasEntries(layout, (id) => packedRows(layout, id, entriesOf(id).length), links.evidence);
  // Column A: the layout markers and, on entry rows, the segment ids and links (see link-store.ts).
  const store = linkColumn(
    layout,
    placed.map((p) => ({ ...p, links: links.links[p.id], segmentIds: links.segmentIds })),
  );
  store.values.forEach(([value], i) => grid.set(store.firstRow + i, 1, value));

  grid.text(1, 2, content.title, {
    fontSize: 18,
    fontWeight: 'bold',
    fontColor: THEME.accentText,
    wrap: false,
    verticalAlignment: 'middle',
  });
  grid.text(2, 2, canvasSubtitle(content.tagline, reportedPeriods), {
    fontColor: THEME.muted,
    fontSize: 10,
    wrap: false,
  });

  for (const block of content.blocks) {
    const area = blockArea(layout, block.id);
    // The title does not wrap: it runs on over the empty marker cell beside it instead of breaking in two.
    grid.text(area.titleRow, area.column, block.title, {
      fontSize: 11,
      fontWeight: 'bold',
      verticalAlignment: 'middle',
      wrap: false,
    });
    grid.style(area.titleRow, area.column, 1, area.numColumns, { background: THEME.accentTint });
    grid.text(area.questionRow, area.column, block.questions[0], {
      fontSize: 9,
      fontStyle: 'italic',
      fontColor: THEME.muted,
    });
    block.entries.forEach((entry, i) => grid.text(area.firstEntryRow + i, area.column, bulleted(entry)));
    const capacity = area.lastEntryRow - area.firstEntryRow + 1;
    const own = block.id === 'customer-segments' ? links.segmentIds.map((id) => [id]) : links.links[block.id];
    paintMarkers(
      grid,
      markerColumnOf(area),
      area.firstEntryRow,
      markerColumn(
        capacity,
        packedRows(layout, block.id, own.length),
        area.firstEntryRow,
        own,
        block.id === 'customer-segments',
        links.evidence[block.id],
      ),
    );
  }

  // The fit-check summary and the legend share the row above the blocks, both within the first screen.
  const entries = Object.fromEntries(BLOCK_IDS.map((id) => [id, entriesOf(id)])) as Record<BlockId, string[]>;
  const checks = fitChecks({
    segments: canvasSegments(entries, links.segmentIds),
    entries,
    links: links.links,
    evidence: links.evidence,
  });
  const count = fitCountCell(layout)!; // a fresh layout has its header rows
  grid.text(count.row, count.column, fitCountText(checks.length), { fontSize: 10, fontColor: THEME.ink, wrap: false });
  const legend = legendCell(layout);
  const footerStyle = { fontSize: 9, fontColor: THEME.muted, wrap: false } as const;
  grid.text(legend.row, legend.column, MARKER_LEGEND, footerStyle);
  // The evidence legend beside the title, in the legend's column: the symbols before every entry's numbers.
  grid.richText(1, legend.column, EVIDENCE_LEGEND, evidenceLegendRuns(), {
    ...footerStyle,
    verticalAlignment: 'middle',
  });
  grid.text(footerRow, 2, `${content.dataSources.heading}: ${content.dataSources.text}`, footerStyle);
  grid.text(footerRow + 1, 2, content.licence, footerStyle);

  const plan = emptyPlan(grid);
  plan.mergeAcross = canvasMerges(layout);
  plan.borders = [{ ranges: canvasBorderRanges(layout), color: THEME.rule, style: 'SOLID_MEDIUM' }];
  // Entry columns wide, segment-marker columns narrow; the hidden column A shares B's width (one call for both).
  plan.columnWidths = [
    ENTRY_COLUMN_WIDTH,
    ...Array.from({ length: CANVAS_COLUMNS - 1 }, (_, i) => (i % 2 === 0 ? ENTRY_COLUMN_WIDTH : MARKER_COLUMN_WIDTH)),
  ];
  plan.hiddenColumns = [{ column: 1, count: 1 }];
  // The spacer between the bands is narrow; the one under the bottom band keeps Sheets' height before the footer
  // (one call fewer, for Key Figures' frozen row labels).
  plan.rowHeights = [{ row: layout.topEndRow, count: 1, height: 10 }];
  // Titles, guiding questions, the hidden link column and the layout rows are the add-on's: a teammate is warned
  // before overwriting them or deleting a canvas row; entries and their segment markers stay free.
  plan.protection = {
    unprotected: allBlockAreas(layout).map((area) =>
      a1Range(area.firstEntryRow, area.column, area.lastEntryRow - area.firstEntryRow + 1, area.numColumns),
    ),
  };
  plan.namedRanges = [
    // The whole sheet area (hidden marker column included): the same range the grid is written to.
    { name: rangeNames.canvas(instance), range: a1Range(1, 1, numRows, CANVAS_COLUMNS) },
    ...allBlockAreas(layout).map((area) => ({
      name: rangeNames.canvasBlock(instance, area.id),
      range: a1Range(area.titleRow, area.column, area.lastEntryRow - area.titleRow + 1, area.numColumns),
    })),
  ];
  return { plan, layout, entries: placed };
}

/** The bottom band's text columns merged row by row, from its title row to its last entry row. */
export function canvasMerges(layout: CanvasLayout): string[] {
  const bottomRows = layout.bottomEndRow - layout.bottomTitleRow;
  return entryMergeGroups('bottom').map((g) => a1Range(layout.bottomTitleRow, g.column, bottomRows, g.numColumns));
}

/** Paints a block's marker cells (values, runs, fills, font colours: part of the whole-grid writes). */
export function paintMarkers(grid: PlanGrid, column: number, firstRow: number, cells: readonly MarkerCell[]): void {
  cells.forEach((cell, i) =>
    grid.richText(firstRow + i, column, cell.value, cell.runs, {
      background: cell.background,
      fontColor: cell.fontColor,
      ...MARKER_STYLE,
    }),
  );
}

/**
 * The canvas subtitle: what this is and as of which results. The latest period of Xiaomi's reported results the
 * add-on carries (a quarter rather than its full year when both end together), so it follows the data.
 */
export function canvasSubtitle(tagline: string, reportedPeriods: readonly string[]): string {
  const order = (period: string) => {
    const [, quarter, year] = /^(?:Q([1-4]) )?(\d{4})$/.exec(period) ?? [];
    return year ? Number(year) * 10 + (quarter ? Number(quarter) : 4) + (quarter ? 0.5 : 0) : -1;
  };
  const latest = [...reportedPeriods].sort((a, b) => order(b) - order(a))[0];
  return latest && order(latest) > 0 ? `${tagline}, as of Xiaomi's reported results for ${latest}.` : `${tagline}.`;
}

/** How marker cells look: small bold numbers, centred, as plain text (no bullet). */
export const MARKER_STYLE = {
  fontSize: 9,
  fontWeight: 'bold',
  horizontalAlignment: 'center',
  verticalAlignment: 'middle',
  numberFormat: '@',
  wrap: true,
} as const;

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
