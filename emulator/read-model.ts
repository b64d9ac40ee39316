/**
 * A read model of the whole spreadsheet for renderers (local preview, xlsx export): every sheet with
 * its size, column widths, row heights, hidden rows/columns, gridlines, frozen panes and merges, and
 * every stored cell with its raw value, formula, computed value, display string and resolved format.
 */
import { cellA1, rectToA1 } from './a1';
import type { ChartModel } from './charts';
import type { DocumentModel } from './document';
import { resolveFormat } from './formats';
import { isDate } from './realm';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from './sheet-model';
import type { CellScalar, ResolvedFormat } from './types';

export interface ReadCell {
  row: number;
  column: number;
  a1: string;
  /** The stored value ('' for formula cells and cells with only a format or note). */
  value: CellScalar;
  formula?: string;
  /** What getValues returns: the computed value ('' when empty; error codes like '#REF!'). */
  computed: CellScalar;
  /** What getDisplayValues returns. */
  display: string;
  /** Set when the formula evaluates to an error (e.g. '#REF!'). */
  error?: string;
  format: ResolvedFormat;
  note?: string;
  /** Coloured runs of a rich-text value (Range.setRichTextValues). */
  runs?: Array<{ start: number; end: number; foregroundColor?: string; bold?: boolean }>;
}

export interface ReadMerge {
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ReadSheet {
  id: number;
  name: string;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  gridlinesHidden: boolean;
  /** Width in pixels of each column (index 0 = column A); default 100. */
  columnWidths: number[];
  /** Height of each row (index 0 = row 1); undefined = automatic (21 px unless wrapped text grows it). */
  rowHeights: Array<number | undefined>;
  hiddenColumns: number[];
  hiddenRows: number[];
  merges: ReadMerge[];
  /** Every stored cell (content, format or note), row by row. */
  cells: ReadCell[];
  /** Embedded charts, in insertion order. */
  charts: ReadChart[];
}

/** An embedded chart as renderers need it: its type, data ranges (A1, with their sheet), position and options. */
export type ReadChart = Omit<ChartModel, 'ranges'> & {
  ranges: Array<{ sheet: string; a1: string; row: number; column: number; numRows: number; numColumns: number }>;
};

export interface ReadNamedRange {
  name: string;
  sheet: string;
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ReadModel {
  spreadsheetName: string;
  timeZone: string;
  activeSheet: string;
  defaults: { columnWidth: number; rowHeight: number; format: ResolvedFormat };
  sheets: ReadSheet[];
  namedRanges: ReadNamedRange[];
}

function copyScalar(v: CellScalar): CellScalar {
  return isDate(v) ? new Date(v.getTime()) : v;
}

export function buildReadModel(doc: DocumentModel): ReadModel {
  const sheets = doc.sheets.map((s, index): ReadSheet => {
    const cells: ReadCell[] = [];
    s.forEachCell((cell, row, column) => {
      if (row > s.maxRows || column > s.maxCols) return;
      const c = doc.computed(s, row, column);
      const rc: ReadCell = {
        row,
        column,
        a1: cellA1(row, column),
        value: cell.value !== undefined ? copyScalar(cell.value) : '',
        computed: copyScalar(c.value),
        display: doc.display(s, row, column),
        format: resolveFormat(cell.format),
      };
      if (cell.formula !== undefined) rc.formula = cell.formula;
      if (c.error) rc.error = c.error;
      if (cell.note !== undefined) rc.note = cell.note;
      if (cell.runs) rc.runs = cell.runs.map((run) => ({ ...run }));
      cells.push(rc);
    });
    const columnWidths: number[] = [];
    for (let c = 1; c <= s.maxCols; c++) columnWidths.push(s.columnWidth(c));
    const rowHeights: Array<number | undefined> = [];
    for (let r = 1; r <= s.maxRows; r++) rowHeights.push(s.rowHeights[r - 1]);
    const hiddenColumns: number[] = [];
    s.hiddenColumns.forEach((h, i) => {
      if (h) hiddenColumns.push(i + 1);
    });
    const hiddenRows: number[] = [];
    s.hiddenRows.forEach((h, i) => {
      if (h) hiddenRows.push(i + 1);
    });
    return {
      id: s.id,
      name: s.name,
      index,
      hidden: s.hidden,
      tabColor: s.tabColor,
      maxRows: s.maxRows,
      maxColumns: s.maxCols,
      lastRow: s.lastRow(),
      lastColumn: s.lastColumn(),
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      gridlinesHidden: s.gridlinesHidden,
      columnWidths,
      rowHeights,
      hiddenColumns,
      hiddenRows,
      merges: s.merges
        .slice()
        .sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)
        .map((m) => ({
          a1: rectToA1(m),
          row: m.r1,
          column: m.c1,
          numRows: m.r2 - m.r1 + 1,
          numColumns: m.c2 - m.c1 + 1,
        })),
      cells,
      charts: s.charts.map((c) => ({
        id: c.id,
        type: c.type,
        ranges: c.ranges.flatMap((r) => {
          const on = doc.sheetById(r.sheetId);
          if (!on) return [];
          const { r1, c1, r2, c2 } = r.rect;
          return [
            {
              sheet: on.name,
              a1: rectToA1(r.rect),
              row: r1,
              column: c1,
              numRows: r2 - r1 + 1,
              numColumns: c2 - c1 + 1,
            },
          ];
        }),
        anchorRow: c.anchorRow,
        anchorColumn: c.anchorColumn,
        offsetX: c.offsetX,
        offsetY: c.offsetY,
        numHeaders: c.numHeaders,
        options: JSON.parse(JSON.stringify(c.options)) as Record<string, unknown>,
      })),
    };
  });
  const namedRanges: ReadNamedRange[] = [];
  for (const n of doc.namedRanges) {
    const s = doc.sheetById(n.sheetId);
    if (!n.valid || !s) continue;
    namedRanges.push({
      name: n.name,
      sheet: s.name,
      a1: rectToA1(n.rect),
      row: n.rect.r1,
      column: n.rect.c1,
      numRows: n.rect.r2 - n.rect.r1 + 1,
      numColumns: n.rect.c2 - n.rect.c1 + 1,
    });
  }
  return {
    spreadsheetName: doc.name,
    timeZone: doc.timeZone,
    activeSheet: doc.activeSheet().name,
    defaults: { columnWidth: DEFAULT_COLUMN_WIDTH, rowHeight: DEFAULT_ROW_HEIGHT, format: resolveFormat(undefined) },
    sheets,
    namedRanges,
  };
}
