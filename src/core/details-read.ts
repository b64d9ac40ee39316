/** Reads the details sheet's grid back into each block's figures table. */
import { a1 } from './a1';
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import { FIGURE_COLUMNS, detailsMarkers } from './details-plan';
import { cellText } from './literal';
import type { CellProblem, Figure } from './view';

export interface StoredFigureRow {
  row: number;
  figure: Figure;
  source: string;
}

/** A block's region in the details sheet: where its figures table is and what it holds now. */
export interface DetailsRegion {
  id: BlockId;
  headingRow: number;
  /** The row of the figures table header. */
  headerRow: number;
  /** The closing spacer row (marker `end:<id>`); figure rows are headerRow+1 .. endRow-1. */
  endRow: number;
  figures: StoredFigureRow[];
  /** Value cells holding no number (their figure's value is NaN), in figure order. */
  problems: CellProblem[];
}

/** A cell that should hold a number and does not: `found` is its text ('' when blank). */
export function notANumber(sheet: string, row: number, column: number, found: string): CellProblem {
  return { sheet, cell: a1(row, column), found, expected: 'number' };
}

export class DetailsDamagedError extends Error {}

/** A value cell read back: numbers stay numbers; numeric text a teammate typed is accepted; anything else is NaN. */
export function figureValue(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = cellText(value).replace(/,/g, '');
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : Number.NaN;
}

/**
 * A figure as a read gives it back after it was written (texts literally, the value as a number); null if skipped.
 * Also how a read turns a figure row's cells into a figure (`dateText`: see cellText).
 */
export function figureAsStored(
  figure: Partial<Record<keyof Figure, unknown>>,
  dateText?: (date: Date) => string,
): Figure | null {
  const text = (value: unknown) => cellText(value, dateText);
  const label = text(figure.label);
  if (label === '') return null;
  const stored: Figure = {
    label,
    value: figureValue(figure.value),
    unit: text(figure.unit),
    period: text(figure.period),
  };
  const note = text(figure.note);
  const metric = text(figure.metric);
  if (note !== '') stored.note = note;
  if (metric !== '') stored.metric = metric;
  return stored;
}

export function figuresAsStored(figures: readonly Figure[]): Figure[] {
  return figures.map((f) => figureAsStored(f)).filter((f): f is Figure => f !== null);
}

/** `dateText` formats a date cell as its day in the spreadsheet's time zone (see cellText). */
export function readDetailsGrid(
  values: readonly (readonly unknown[])[],
  sheetName: string,
  dateText?: (date: Date) => string,
): Record<BlockId, DetailsRegion> {
  const markers = values.map((row) => cellText(row[0]));
  const regions = {} as Record<BlockId, DetailsRegion>;
  for (const id of BLOCK_IDS) {
    const heading = markers.indexOf(detailsMarkers.block(id)) + 1;
    const end = markers.indexOf(detailsMarkers.end(id)) + 1;
    const header = markers.indexOf(detailsMarkers.figures(id)) + 1;
    if (heading === 0 || header <= heading || end <= header) {
      throw new DetailsDamagedError(
        `The ${BLOCK_TITLES[id]} figures in "${sheetName}" can no longer be found (rows the canvas needs were deleted). Insert a fresh canvas with Insert Xiaomi canvas.`,
      );
    }
    const figures: StoredFigureRow[] = [];
    const problems: CellProblem[] = [];
    for (let row = header + 1; row < end; row++) {
      const cells = values[row - 1] ?? [];
      const at = Object.fromEntries(
        Object.entries(FIGURE_COLUMNS).map(([field, column]) => [field, cells[column - 1]]),
      );
      const figure = figureAsStored(at, dateText);
      if (!figure) continue;
      // A teammate's "35 bn" leaves the figure (and everything else) readable; the cell is named for the sidebar.
      if (Number.isNaN(figure.value))
        problems.push({
          ...notANumber(sheetName, row, FIGURE_COLUMNS.value, cellText(at.value, dateText)),
          figure: figures.length,
        });
      figures.push({ row, figure, source: cellText(at.source, dateText) });
    }
    regions[id] = { id, headingRow: heading, headerRow: header, endRow: end, figures, problems };
  }
  return regions;
}
