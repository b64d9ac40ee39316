/** The details sheet as a plan: each block's source text and its figures table. */
import type { BlockId } from './block-ids';
import { a1Range } from './a1';
import type { CanvasContent, ContentFigure, Section } from './content-schema';
import { rangeNames, sheetMarker } from './instance-names';
import { bulleted } from './entry-text';
import { aboutParagraphs } from './shop-copy';
import { PlanGrid, emptyPlan, type CellStyle, type SheetPlan } from './sheet-plan';
import { THEME } from './theme';

/**
 * The detail behind the canvas, one region per block: the source text and table on the left (B:D, merged per
 * row so paragraphs read at a comfortable width), the block's figures on the right (F:L). The figures table is
 * where each figure lives; Key Figures links to its Value cells.
 * Hidden column A marks each region (`block:<id>` on its heading row, `figures:<id>` on its figures header row,
 * `end:<id>` on its closing spacer row), so rows users insert anywhere never confuse the reader.
 */
export const DETAILS_COLUMNS = 12;
export const FIGURE_COLUMNS = { label: 6, value: 7, unit: 8, period: 9, note: 10, metric: 11, source: 12 } as const;
export const FIGURE_HEADER = ['Figure', 'Value', 'Unit', 'Period', 'Note', 'Metric', 'Source'] as const;
/** Empty figure rows kept in every region so figures can be added without inserting rows. */
export const SPARE_FIGURE_ROWS = 2;

export const detailsMarkers = {
  block: (id: BlockId) => `block:${id}`,
  figures: (id: BlockId) => `figures:${id}`,
  end: (id: BlockId) => `end:${id}`,
};

type TextRow = { text: string; style: Partial<CellStyle> } | { table: string[]; style: Partial<CellStyle> };

export interface DetailsPlan {
  plan: SheetPlan;
  /** Row of every figure, per block, in order: what Key Figures links to. */
  figureRows: Record<BlockId, number[]>;
}

const styles = {
  heading: { fontWeight: 'bold', fontSize: 11 } as Partial<CellStyle>,
  paragraph: {} as Partial<CellStyle>,
  bullet: {} as Partial<CellStyle>,
  question: { fontStyle: 'italic', fontColor: THEME.muted, fontSize: 9 } as Partial<CellStyle>,
  tableHeader: { fontWeight: 'bold', background: THEME.headerFill } as Partial<CellStyle>,
  tableRow: {} as Partial<CellStyle>,
};

function sectionRows(sections: readonly Section[]): TextRow[] {
  return sections.flatMap((section) => [
    ...(section.heading ? [{ text: section.heading, style: styles.heading }] : []),
    ...section.paragraphs.map((text) => ({ text, style: styles.paragraph })),
    ...section.bullets.map((text) => ({ text: bulleted(text), style: styles.bullet })),
  ]);
}

/** A figure as the figures table stores it. */
export interface FigureRow {
  label: string;
  value: number;
  unit: string;
  period: string;
  note?: string;
  metric?: string;
  source?: string;
}

/**
 * Paints one figure into the seven cells of row `row` of a grid, from column `firstColumn`: the value as a
 * number in the value column's number format, every text through the literal rule (grid.text).
 */
export function paintFigureRow(
  grid: PlanGrid,
  row: number,
  figure: FigureRow,
  firstColumn: number = FIGURE_COLUMNS.label,
): void {
  const texts = [
    figure.label,
    null,
    figure.unit,
    figure.period,
    figure.note ?? '',
    figure.metric ?? '',
    figure.source ?? '',
  ];
  texts.forEach((text, c) => {
    if (text === null) grid.set(row, firstColumn + c, figure.value);
    else grid.text(row, firstColumn + c, text);
  });
}

export const FIGURE_ROW_STYLES: Partial<CellStyle>[] = [
  {},
  { numberFormat: THEME.numberFormat, horizontalAlignment: 'right' },
  {},
  {},
  {},
  { fontColor: THEME.muted },
  { fontSize: 8, fontColor: THEME.muted },
];

export function buildDetailsPlan(content: CanvasContent, instance: number): DetailsPlan {
  type Region = {
    id: BlockId;
    start: number;
    text: TextRow[];
    figures: ContentFigure[];
    end: number;
    tableStart: number;
    tableRows: number;
  };
  const introRows: TextRow[] = [
    { text: 'About this canvas', style: { fontWeight: 'bold', fontSize: 14 } },
    // The template's own introduction, without the shop's sales copy (users read about Xiaomi, not the shop).
    ...aboutParagraphs(content.intro).map((text) => ({ text, style: styles.paragraph })),
  ];
  // Blocks first (what readers come for); the template's introduction closes the sheet.
  let row = 4;
  const regions: Region[] = content.blocks.map((block) => {
    const text: TextRow[] = [
      { text: block.questions.join('  ·  '), style: styles.question },
      ...sectionRows(block.sections),
      { text: '', style: {} },
    ];
    const tableStart = row + 1 + text.length;
    text.push({ table: block.table.header, style: styles.tableHeader });
    for (const cells of block.table.rows) text.push({ table: cells, style: styles.tableRow });
    const used = Math.max(text.length, 1 + block.figures.length + SPARE_FIGURE_ROWS);
    const region: Region = {
      id: block.id,
      start: row,
      text,
      figures: block.figures,
      end: row + 1 + used,
      tableStart,
      tableRows: block.table.rows.length + 1,
    };
    row = region.end + 1;
    return region;
  });
  const introRow = row;
  const footerRow = introRow + introRows.length + 1;
  const numRows = footerRow + 2;
  const grid = new PlanGrid(numRows, DETAILS_COLUMNS);

  grid.set(1, 1, sheetMarker('details', instance));
  grid.text(1, 2, `${content.title}: details`, {
    fontSize: 16,
    fontWeight: 'bold',
    fontColor: THEME.accentText,
    verticalAlignment: 'middle',
  });
  grid.text(
    2,
    2,
    'The source text and table of every block (left) and its figures (right). Figures live here: edit a value and Key Figures follows.',
    { fontColor: THEME.muted, fontStyle: 'italic' },
  );
  paintText(grid, introRow, introRows);

  const figureRows = {} as Record<BlockId, number[]>;
  const tableRanges: string[] = [];
  for (const region of regions) {
    grid.set(region.start, 1, detailsMarkers.block(region.id));
    grid.set(region.start + 1, 1, detailsMarkers.figures(region.id));
    grid.set(region.end, 1, detailsMarkers.end(region.id));
    const title = content.blocks.find((b) => b.id === region.id)!.title;
    grid.text(region.start, 2, title, { fontWeight: 'bold', fontSize: 14, verticalAlignment: 'middle' });
    grid.style(region.start, 2, 1, DETAILS_COLUMNS - 1, { background: THEME.accentTint });
    paintText(grid, region.start + 1, region.text);

    const headerRow = region.start + 1;
    FIGURE_HEADER.forEach((label, i) => grid.text(headerRow, FIGURE_COLUMNS.label + i, label, styles.tableHeader));
    const capacity = region.end - headerRow - 1;
    paintFigureStyles(grid, headerRow + 1, capacity);
    figureRows[region.id] = region.figures.map((figure, i) => {
      const r = headerRow + 1 + i;
      paintFigureRow(grid, r, figure);
      return r;
    });
    tableRanges.push(a1Range(region.tableStart, 2, region.tableRows, 3));
    tableRanges.push(a1Range(headerRow, FIGURE_COLUMNS.label, capacity + 1, FIGURE_HEADER.length));
  }
  const footerStyle = { fontSize: 8, fontColor: THEME.muted } as const;
  grid.text(footerRow, 2, `${content.dataSources.heading}: ${content.dataSources.text}`, footerStyle);
  grid.text(footerRow + 1, 2, content.licence, footerStyle);

  const plan = emptyPlan(grid);
  plan.mergeAcross = [a1Range(1, 2, numRows, 3)];
  plan.breakApart = regions.map((r) => a1Range(r.tableStart, 2, r.tableRows, 3));
  plan.borders = [{ ranges: tableRanges, color: THEME.hairline, style: 'SOLID', inner: true }];
  // Column A is hidden, so it shares its neighbours' width: each run of equal widths is one call.
  plan.columnWidths = [200, 200, 200, 200, 24, 200, 90, 90, 90, 150, 150, 360];
  plan.hiddenColumns = [{ column: 1, count: 1 }];
  plan.frozenRows = 0;
  plan.namedRanges = [
    ...regions.map((r) => ({
      name: rangeNames.detailsBlock(instance, r.id),
      range: a1Range(r.start, 2, r.end - r.start + 1, DETAILS_COLUMNS - 1),
    })),
  ];
  return { plan, figureRows };
}

function paintText(grid: PlanGrid, firstRow: number, rows: readonly TextRow[]): void {
  rows.forEach((row, i) => {
    const r = firstRow + i;
    if ('table' in row) {
      row.table.forEach((cell, c) => grid.text(r, 2 + c, cell, row.style));
    } else if (row.text !== '') {
      grid.text(r, 2, row.text, row.style);
    }
  });
}

/** Formats of the figure rows (value column numeric, source small and muted). */
export function paintFigureStyles(
  grid: PlanGrid,
  firstRow: number,
  count: number,
  firstColumn: number = FIGURE_COLUMNS.label,
): void {
  FIGURE_ROW_STYLES.forEach((style, c) => grid.style(firstRow, firstColumn + c, count, 1, style));
}
