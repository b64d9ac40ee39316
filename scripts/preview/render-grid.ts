/**
 * Draws one sheet of the read model (fake.model()) as an HTML table that looks like the Sheets grid:
 * column letters and row numbers, column widths and row heights, merged cells, display strings (formulas
 * computed, number formats applied), backgrounds, fonts, alignment, wrapping, text overflowing into empty
 * neighbours, borders, gridlines (or none), hidden rows/columns and frozen rows/columns.
 *
 * Automatic rows (no explicit height) get Sheets' 21 px as a minimum and grow with their wrapped text,
 * which the browser lays out with the cell's real font and width; rows with an explicit height keep it
 * and clip, as in Sheets. All text is escaped.
 */
import { parseTypedInput } from '../../emulator/cell-parsing';
import type { BorderSide, ReadCell, ReadSheet } from '../../emulator';
import { escapeHtml } from './html';
import { chartBox, chartData, echartsOption } from '../charts/chart-option';

export const ROW_HEADER_PX = 46;
export const COLUMN_HEADER_PX = 24;
const DEFAULT_ROW_PX = 21;
const GRIDLINE = '1px solid #e2e3e3';
const NO_LINE = '1px solid transparent';

export interface GridOptions {
  timeZone: string;
  /** Rows drawn below the last used row (default 30). */
  extraRows?: number;
  /** Never draw more rows than this (default 2000). */
  maxRows?: number;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const BORDER_CSS: Record<string, (color: string) => string> = {
  SOLID: (c) => `1px solid ${c}`,
  SOLID_MEDIUM: (c) => `2px solid ${c}`,
  SOLID_THICK: (c) => `3px solid ${c}`,
  DOTTED: (c) => `1px dotted ${c}`,
  DASHED: (c) => `1px dashed ${c}`,
  DOUBLE: (c) => `3px double ${c}`,
};

const WEIGHT: Record<string, number> = { SOLID: 1, DOTTED: 1, DASHED: 1, SOLID_MEDIUM: 2, SOLID_THICK: 3, DOUBLE: 3 };

function borderCss(side: BorderSide | null, gridlines: boolean): string {
  if (!side) return gridlines ? GRIDLINE : NO_LINE;
  const color = /^#[0-9a-f]{3,8}$/i.test(side.color) ? side.color : '#000000';
  return (BORDER_CSS[side.style] ?? BORDER_CSS.SOLID)(color);
}

/** Of two borders drawn on the same edge (one cell's right, its neighbour's left), the heavier shows. */
function heavier(a: BorderSide | null, b: BorderSide | null): BorderSide | null {
  if (!a) return b;
  if (!b) return a;
  return (WEIGHT[b.style] ?? 1) > (WEIGHT[a.style] ?? 1) ? b : a;
}

function safeColor(color: string, fallback: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : fallback;
}

function safeFamily(family: string): string {
  const clean = family.replace(/["\\;<>{}]/g, '').trim() || 'Arial';
  return `"${clean}", Arial, "Liberation Sans", Helvetica, sans-serif`;
}

/** What the formula bar shows for a cell, and what typing it back would store (a text that would parse as something else gets an apostrophe). */
export function cellInput(cell: ReadCell, timeZone: string): string {
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') {
    if (v === '') return '';
    const parsed = parseTypedInput(v, { timeZone, now: () => new Date() });
    return parsed.kind === 'value' && parsed.value === v ? v : `'${v}`;
  }
  return cell.display;
}

/** A cell's text as HTML, its rich-text runs (Range.setRichTextValues) as coloured spans. */
function richText(cell: ReadCell): string {
  if (!cell.runs?.length || typeof cell.value !== 'string') return escapeHtml(cell.display);
  const text = cell.value;
  let html = '';
  let at = 0;
  for (const run of [...cell.runs].sort((a, b) => a.start - b.start)) {
    html += escapeHtml(text.slice(at, run.start));
    const style = [
      run.foregroundColor ? `color:${safeColor(run.foregroundColor, '#000000')}` : '',
      run.bold ? 'font-weight:bold' : '',
    ].filter(Boolean);
    html += `<span style="${escapeHtml(style.join(';'))}">${escapeHtml(text.slice(run.start, run.end))}</span>`;
    at = run.end;
  }
  return html + escapeHtml(text.slice(at));
}

interface Span {
  rows: number;
  cols: number;
  r2: number;
  c2: number;
}

export function renderGrid(sheet: ReadSheet, options: GridOptions, sheets: readonly ReadSheet[] = [sheet]): string {
  const extraRows = options.extraRows ?? 30;
  const maxRows = options.maxRows ?? 2000;
  const cells = new Map<string, ReadCell>();
  let usedRow = sheet.lastRow;
  let usedCol = sheet.lastColumn;
  for (const c of sheet.cells) {
    cells.set(`${c.row}:${c.column}`, c);
    usedRow = Math.max(usedRow, c.row);
    usedCol = Math.max(usedCol, c.column);
  }
  for (const m of sheet.merges) {
    usedRow = Math.max(usedRow, m.row + m.numRows - 1);
    usedCol = Math.max(usedCol, m.column + m.numColumns - 1);
  }
  const nRows = Math.min(sheet.maxRows, maxRows, Math.max(usedRow + extraRows, 50));
  const nCols = Math.min(sheet.maxColumns, Math.max(usedCol + 1, 26));
  const hiddenCols = new Set(sheet.hiddenColumns);
  const hiddenRows = new Set(sheet.hiddenRows);
  const cols: number[] = [];
  for (let c = 1; c <= nCols; c++) if (!hiddenCols.has(c)) cols.push(c);
  const rows: number[] = [];
  for (let r = 1; r <= nRows; r++) if (!hiddenRows.has(r)) rows.push(r);
  const nextCol = new Map<number, number>();
  cols.forEach((c, i) => nextCol.set(c, cols[i + 1] ?? 0));
  const nextRow = new Map<number, number>();
  rows.forEach((r, i) => nextRow.set(r, rows[i + 1] ?? 0));
  const width = (c: number) => sheet.columnWidths[c - 1] ?? 100;
  const gridlines = !sheet.gridlinesHidden;

  // Merges: the anchor is the first visible cell of the merge; every other cell is covered.
  const anchors = new Map<string, Span>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const r2 = m.row + m.numRows - 1;
    const c2 = m.column + m.numColumns - 1;
    const mRows = rows.filter((r) => r >= m.row && r <= r2);
    const mCols = cols.filter((c) => c >= m.column && c <= c2);
    if (!mRows.length || !mCols.length) continue;
    for (let r = m.row; r <= r2; r++) for (let c = m.column; c <= c2; c++) covered.add(`${r}:${c}`);
    const key = `${mRows[0]}:${mCols[0]}`;
    covered.delete(key);
    anchors.set(key, {
      rows: mRows.length,
      cols: mCols.length,
      r2: mRows[mRows.length - 1],
      c2: mCols[mCols.length - 1],
    });
  }

  const side = (r: number, c: number, which: 'top' | 'left' | 'bottom' | 'right'): BorderSide | null =>
    cells.get(`${r}:${c}`)?.format.borders[which] ?? null;
  const hasText = (r: number, c: number) => {
    const cell = cells.get(`${r}:${c}`);
    return !!cell && cell.display !== '';
  };

  // Frozen panes stay in view (sticky), below the column letters / right of the row numbers.
  const frozenTop = new Map<number, number>();
  let top = COLUMN_HEADER_PX;
  for (const r of rows) {
    if (r > sheet.frozenRows) break;
    frozenTop.set(r, top);
    top += sheet.rowHeights[r - 1] ?? DEFAULT_ROW_PX;
  }
  const frozenLeft = new Map<number, number>();
  let left = ROW_HEADER_PX;
  for (const c of cols) {
    if (c > sheet.frozenColumns) break;
    frozenLeft.set(c, left);
    left += width(c);
  }

  const totalWidth = ROW_HEADER_PX + cols.reduce((sum, c) => sum + width(c), 0);
  const out: string[] = [];
  out.push(
    `<table class="grid${gridlines ? '' : ' no-gridlines'}" data-sheet="${escapeHtml(sheet.name)}" style="width:${totalWidth}px">`,
    `<colgroup><col style="width:${ROW_HEADER_PX}px">`,
  );
  for (const c of cols) out.push(`<col style="width:${width(c)}px">`);
  out.push('</colgroup><thead><tr><th class="corner"></th>');
  let previous = 0;
  for (const c of cols) {
    const afterHidden = c !== previous + 1;
    const stick = frozenLeft.has(c) ? ` style="left:${frozenLeft.get(c)}px" data-frozen-col="1"` : '';
    out.push(
      `<th class="ch${afterHidden ? ' after-hidden' : ''}" data-col="${c}"${stick}${afterHidden ? ` title="Hidden: column ${columnLetters(previous + 1)}${c - previous > 2 ? `–${columnLetters(c - 1)}` : ''}"` : ''}>${columnLetters(c)}</th>`,
    );
    previous = c;
  }
  out.push('</tr></thead><tbody>');

  let previousRow = 0;
  for (const r of rows) {
    const explicit = sheet.rowHeights[r - 1];
    const height = explicit ?? DEFAULT_ROW_PX;
    const frozen = frozenTop.has(r);
    const afterHiddenRow = r !== previousRow + 1;
    previousRow = r;
    out.push(`<tr data-row="${r}" style="height:${height}px"${frozen ? ' class="frozen"' : ''}>`);
    out.push(
      `<th class="rh${afterHiddenRow ? ' after-hidden' : ''}"${frozen ? ` style="top:${frozenTop.get(r)}px"` : ''}>${r}</th>`,
    );
    for (const c of cols) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const span = anchors.get(key);
      const lastRow = span ? span.r2 : r;
      const lastCol = span ? span.c2 : c;
      const cell = cells.get(key);
      const f = cell?.format;

      // Borders: each cell draws its right and bottom edge (the heavier of the two cells' borders on that
      // edge), and its left/top edge only at the sheet's first visible column/row.
      const nc = nextCol.get(lastCol) ?? 0;
      const nr = nextRow.get(lastRow) ?? 0;
      const right = heavier(side(r, lastCol, 'right'), nc ? side(r, nc, 'left') : null);
      const bottom = heavier(side(lastRow, c, 'bottom'), nr ? side(nr, c, 'top') : null);
      const styles: string[] = [
        `border-right:${borderCss(right, gridlines)}`,
        `border-bottom:${borderCss(bottom, gridlines)}`,
      ];
      if (c === cols[0] && side(r, c, 'left')) styles.push(`border-left:${borderCss(side(r, c, 'left'), gridlines)}`);
      if (r === rows[0] && side(r, c, 'top')) styles.push(`border-top:${borderCss(side(r, c, 'top'), gridlines)}`);
      if (f && f.background !== '#ffffff') styles.push(`background-color:${safeColor(f.background, '#ffffff')}`);
      const valign = f?.verticalAlignment === 'top' ? 'top' : f?.verticalAlignment === 'middle' ? 'middle' : 'bottom';
      styles.push(`vertical-align:${valign}`);
      const stickyTop = frozenTop.get(r);
      const stickyLeft = frozenLeft.get(c);
      if (stickyTop !== undefined) styles.push(`top:${stickyTop}px`);
      if (stickyLeft !== undefined) styles.push(`left:${stickyLeft}px`);

      const classes: string[] = [];
      if (stickyTop !== undefined) classes.push('fr');
      if (stickyLeft !== undefined) classes.push('fc');
      const attrs: string[] = [`data-a1="${columnLetters(c)}${r}"`];
      if (span && span.cols > 1) attrs.push(`colspan="${span.cols}"`);
      if (span && span.rows > 1) attrs.push(`rowspan="${span.rows}"`);
      if (span) attrs.push(`data-merge="${columnLetters(c)}${r}:${columnLetters(lastCol)}${lastRow}"`);

      let inner = '';
      if (cell) {
        const input = cellInput(cell, options.timeZone);
        if (input !== '') attrs.push(`data-input="${escapeHtml(input)}"`);
        if (cell.note) {
          classes.push('has-note');
          attrs.push(`title="${escapeHtml(cell.note)}"`);
        }
        if (cell.error) classes.push('error');
        if (cell.display !== '' && f) {
          const isNumber = typeof cell.computed === 'number' || cell.computed instanceof Date;
          let align = f.horizontalAlignment;
          if (align === 'general') align = isNumber ? 'right' : typeof cell.computed === 'boolean' ? 'center' : 'left';
          if (align === 'general-left') align = 'left';
          if (align === 'general-right') align = 'right';
          const div: string[] = [
            `font-family:${safeFamily(f.fontFamily)}`,
            `font-size:${Number(f.fontSize) || 10}pt`,
            `color:${safeColor(f.fontColor, '#000000')}`,
            `text-align:${align === 'center' || align === 'right' ? align : 'left'}`,
          ];
          if (f.fontWeight === 'bold') div.push('font-weight:bold');
          if (f.fontStyle === 'italic') div.push('font-style:italic');
          if (f.fontLine !== 'none')
            div.push(`text-decoration:${f.fontLine === 'underline' ? 'underline' : 'line-through'}`);
          let cellWidth = 0;
          for (const cc of cols) if (cc >= c && cc <= lastCol) cellWidth += width(cc);
          if (f.wrapStrategy === 'WRAP') {
            div.push('white-space:pre-wrap', 'overflow-wrap:anywhere');
            if (explicit !== undefined && (!span || span.rows === 1))
              div.push(`max-height:${Math.max(explicit - 1, 0)}px`, 'overflow:hidden');
          } else if (f.wrapStrategy === 'OVERFLOW' && !span && align === 'left' && !isNumber) {
            // Text spills into the empty cells to its right, as in Sheets.
            let spill = cellWidth;
            for (let cc = nextCol.get(c) ?? 0; cc; cc = nextCol.get(cc) ?? 0) {
              const k = `${r}:${cc}`;
              if (hasText(r, cc) || covered.has(k) || anchors.has(k)) break;
              spill += width(cc);
            }
            div.push(
              'white-space:pre',
              `width:${Math.max(spill - 7, 1)}px`,
              'overflow:hidden',
              'position:relative',
              'z-index:1',
            );
            if (spill > cellWidth) classes.push('spill');
          } else {
            div.push('white-space:pre', 'overflow:hidden');
          }
          inner = `<div class="v" style="${escapeHtml(div.join(';'))}">${richText(cell)}</div>`;
        }
      }
      if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
      out.push(`<td ${attrs.join(' ')} style="${escapeHtml(styles.join(';'))}">${inner}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  // Embedded charts float over the grid where Sheets anchors them; the page draws each with Apache ECharts from
  // the option below (the same conversion the .xlsx export renders).
  for (const chart of sheet.charts) {
    const box = chartBox(chart, sheet);
    const style = `left:${ROW_HEADER_PX + box.left}px;top:${COLUMN_HEADER_PX + box.top}px;width:${box.width}px;height:${box.height}px`;
    const option = JSON.stringify(echartsOption(chart, chartData(chart, sheets)));
    const label = typeof chart.options.title === 'string' ? chart.options.title : 'Chart';
    out.push(
      `<div class="chart" role="img" aria-label="${escapeHtml(label)}" style="${style}" data-option="${escapeHtml(option)}"></div>`,
    );
  }
  return out.join('');
}
