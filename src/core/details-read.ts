/** Reads the details sheet's grid back into each block's figures table. */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import { FIGURE_COLUMNS, detailsMarkers } from './details-plan';
import { cellText } from './literal';
import type { Figure } from './view';

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
}

export class DetailsDamagedError extends Error {}

/** A value cell read back: numbers stay numbers; numeric text a teammate typed is accepted; anything else is NaN. */
export function figureValue(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = cellText(value).replace(/,/g, '');
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : Number.NaN;
}

/** A figure as a read gives it back after it was written (texts literally, the value as a number); null if skipped. */
export function figureAsStored(figure: Figure): Figure | null {
  const label = cellText(figure.label);
  if (label === '') return null;
  const stored: Figure = {
    label,
    value: figureValue(figure.value),
    unit: cellText(figure.unit),
    period: cellText(figure.period),
  };
  const note = cellText(figure.note ?? '');
  const metric = cellText(figure.metric ?? '');
  if (note !== '') stored.note = note;
  if (metric !== '') stored.metric = metric;
  return stored;
}

export function figuresAsStored(figures: readonly Figure[]): Figure[] {
  return figures.map(figureAsStored).filter((f): f is Figure => f !== null);
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
    for (let row = header + 1; row < end; row++) {
      const cells = values[row - 1] ?? [];
      const cell = (column: number) => cellText(cells[column - 1], dateText);
      const label = cell(FIGURE_COLUMNS.label);
      if (label === '') continue;
      const figure: Figure = {
        label,
        value: figureValue(cells[FIGURE_COLUMNS.value - 1]),
        unit: cell(FIGURE_COLUMNS.unit),
        period: cell(FIGURE_COLUMNS.period),
      };
      const note = cell(FIGURE_COLUMNS.note);
      const metric = cell(FIGURE_COLUMNS.metric);
      if (note !== '') figure.note = note;
      if (metric !== '') figure.metric = metric;
      figures.push({ row, figure, source: cell(FIGURE_COLUMNS.source) });
    }
    regions[id] = { id, headingRow: heading, headerRow: header, endRow: end, figures };
  }
  return regions;
}
