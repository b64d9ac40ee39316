/**
 * Row heights for rows whose height Sheets computes itself ("automatic" rows: no explicit height).
 * Sheets grows such a row to fit its wrapped text; a workbook has to carry a height, because Excel does
 * not re-fit rows when it opens a file. The estimate wraps each wrapped cell's display text word by word
 * into its width (merged columns summed) with average Arial glyph widths, and errs on the tall side so
 * no line is cut off.
 */
import type { ReadCell, ReadSheet } from '../../emulator';

/** Sheets' default row height, in pixels. */
export const DEFAULT_ROW_PX = 21;
/** Horizontal padding inside a cell, in pixels (both sides together). */
const CELL_PADDING_PX = 8;
/** Vertical padding inside a cell, in pixels. */
const VERTICAL_PADDING_PX = 6;

const NARROW = new Set("iIjlt.,;:'|!f()[]{} ".split(''));
const WIDE = new Set('mwMW@%'.split(''));

/** Approximate advance width of one character, in em, for Arial/Liberation Sans. */
function charEm(ch: string): number {
  if (ch === ' ') return 0.278;
  if (NARROW.has(ch)) return 0.28;
  if (WIDE.has(ch)) return 0.85;
  if (ch >= '0' && ch <= '9') return 0.556;
  if (ch >= 'A' && ch <= 'Z') return 0.68;
  if (ch >= 'a' && ch <= 'z') return ch === 'r' ? 0.34 : 0.53;
  const code = ch.codePointAt(0) ?? 0;
  // CJK and other wide scripts take about a full em.
  if (code >= 0x2e80) return 1;
  return 0.6;
}

export function textWidthPx(text: string, fontPx: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontPx * (bold ? 1.07 : 1);
}

/** Number of lines `text` wraps to in `widthPx` (greedy word wrap, long words broken). */
export function wrappedLineCount(text: string, widthPx: number, fontPx: number, bold = false): number {
  const avail = Math.max(widthPx, fontPx);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    const space = textWidthPx(' ', fontPx, bold);
    for (const word of paragraph.split(/ +/)) {
      let w = textWidthPx(word, fontPx, bold);
      if (line > 0 && line + space + w <= avail) {
        line += space + w;
        continue;
      }
      if (line > 0) count++;
      while (w > avail) {
        w -= avail;
        count++;
      }
      line = w;
    }
    lines += count;
  }
  return Math.max(lines, 1);
}

/** Height in pixels one wrapped cell needs. */
export function cellHeightPx(cell: ReadCell, widthPx: number, lineFactor = 1.25): number {
  const fontPx = (cell.format.fontSize * 96) / 72;
  const lines = wrappedLineCount(cell.display, widthPx - CELL_PADDING_PX, fontPx, cell.format.fontWeight === 'bold');
  return Math.ceil(lines * fontPx * lineFactor + VERTICAL_PADDING_PX);
}

/**
 * Estimated heights in pixels of the automatic rows that need more than the default height (row number →
 * px). Rows with an explicit height are not included; neither are cells merged over several rows.
 */
export function estimateAutoRowHeights(sheet: ReadSheet, lineFactor = 1.25): Map<number, number> {
  const spans = new Map<string, { rows: number; width: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    let width = 0;
    for (let c = m.column; c < m.column + m.numColumns; c++) {
      if (!sheet.hiddenColumns.includes(c)) width += sheet.columnWidths[c - 1] ?? 100;
    }
    spans.set(`${m.row}:${m.column}`, { rows: m.numRows, width });
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.column; c < m.column + m.numColumns; c++)
        if (r !== m.row || c !== m.column) covered.add(`${r}:${c}`);
    }
  }
  const heights = new Map<number, number>();
  for (const cell of sheet.cells) {
    if (!cell.format.wrap || cell.display === '' || sheet.rowHeights[cell.row - 1] !== undefined) continue;
    const key = `${cell.row}:${cell.column}`;
    if (covered.has(key) || sheet.hiddenColumns.includes(cell.column)) continue;
    const span = spans.get(key);
    if (span && span.rows > 1) continue;
    const width = span ? span.width : (sheet.columnWidths[cell.column - 1] ?? 100);
    const px = cellHeightPx(cell, width, lineFactor);
    if (px > DEFAULT_ROW_PX && px > (heights.get(cell.row) ?? 0)) heights.set(cell.row, px);
  }
  return heights;
}
