/** Issue 20 on the built bundle: the canvas and Key Figures as a consultant would show them (contrast, sizes, formats). */
import { KEY_FIGURES_HEADER_ROW } from '../../src/core/key-figures-plan';
import { contrastRatio } from '../../src/core/segment-palette';
import { isShopCopy } from '../../src/core/shop-copy';
import { loadBundle } from '../support/bundle';

const CANVAS = 'Xiaomi Canvas';
/** What shows of the sheet at 1280 px with the sidebar open: the grid from column B up to about 900 px. */
const FIRST_SCREEN_PX = 900;
/** Landscape Letter/A4 at Sheets' "fit to width" keeps a 1,180 px canvas legible; wider would shrink it. */
const LANDSCAPE_PAGE_PX = 1180;

function inserted() {
  const b = loadBundle();
  b.call('insertXiaomiCanvas');
  return { b, sheet: b.fake.model().sheets.find((s) => s.name === CANVAS)! };
}

/** WCAG: large text is 18 pt, or 14 pt bold; it needs 3:1, other text 4.5:1. */
const needed = (size: number, bold: boolean) => (size >= 18 || (size >= 14 && bold) ? 3 : 4.5);

describe('the canvas presents (built bundle)', () => {
  test('every visible text is at least 9 pt and at WCAG AA contrast on its fill, coloured numbers included', () => {
    const { sheet } = inserted();
    const failures: string[] = [];
    for (const cell of sheet.cells) {
      if (cell.display === '' || sheet.hiddenColumns.includes(cell.column)) continue;
      const f = cell.format;
      const where = `${String.fromCharCode(64 + cell.column)}${cell.row} "${cell.display.slice(0, 30)}"`;
      if (f.fontSize < 9) failures.push(`${where}: ${f.fontSize} pt`);
      const colours = cell.runs?.length ? cell.runs.map((r) => r.foregroundColor ?? f.fontColor) : [f.fontColor];
      for (const colour of colours) {
        const ratio = contrastRatio(colour, f.background);
        if (ratio < needed(f.fontSize, f.fontWeight === 'bold'))
          failures.push(`${where}: ${colour} on ${f.background} is ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('title and subtitle say what this is in the product’s words, as of which reported results', () => {
    const { b } = inserted();
    const [[title], [subtitle]] = b.fake.direct.values(CANVAS).map((row) => row.slice(1));
    expect(title).toBe('Xiaomi Business Model Canvas');
    expect(subtitle).toMatch(
      /^Xiaomi's business model on one page.*as of Xiaomi's reported results for (Q[1-4] )?\d{4}\.$/,
    );
    expect(isShopCopy(String(subtitle))).toBe(false);
    expect(subtitle).not.toMatch(/Quickly identify|snapshot/);
  });

  test('the fit-check summary and the legend sit above the blocks, each ending within the first screen', () => {
    const { b, sheet } = inserted();
    const left = (column: number) => sheet.columnWidths.slice(1, column - 1).reduce((sum, w) => sum + w, 0);
    const row3 = b.fake.direct.values(CANVAS)[2];
    const texts = row3.map((v, i) => ({ text: String(v), column: i + 1 })).filter((t) => t.text !== '');
    expect(texts.map((t) => t.text)).toEqual([
      expect.stringMatching(/^Fit checks: \d+ open questions for the team/),
      expect.stringMatching(/the segments it serves/),
    ]);
    for (const { text, column } of texts) {
      const size = sheet.cells.find((c) => c.row === 3 && c.column === column)!.format.fontSize;
      // Arial averages under 0.55 em per character in running text
      const estimatedWidth = text.length * size * (96 / 72) * 0.55;
      expect(left(column) + estimatedWidth).toBeLessThanOrEqual(FIRST_SCREEN_PX);
    }
  });

  test('the canvas keeps the width of one landscape page', () => {
    const { sheet } = inserted();
    const visible = sheet.columnWidths.slice(0, 11).filter((_, i) => !sheet.hiddenColumns.includes(i + 1));
    expect(visible.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(LANDSCAPE_PAGE_PX);
  });
});

describe('Key Figures reads as numbers (built bundle)', () => {
  const FIGURES = 'Key Figures';

  test('counts whole with digit grouping, percentages with a % sign, amounts grouped with one decimal', () => {
    const { b } = inserted();
    const shown = b.fake.direct.displayValues(FIGURES);
    const values = b.fake.direct.values(FIGURES);
    const rows = values
      .slice(KEY_FIGURES_HEADER_ROW)
      .map((row, i) => ({ value: row[2], unit: String(row[3]), shown: shown[KEY_FIGURES_HEADER_ROW + i][2] }));
    const employees = rows.find((r) => r.unit === 'employees' && typeof r.value === 'number')!;
    expect(employees.shown).toMatch(/^\d{1,3}(,\d{3})+$/);
    const percent = rows.find((r) => r.unit === '%')!;
    expect(percent.shown).toMatch(/^\d+\.\d%$/);
    for (const r of rows.filter((x) => typeof x.value === 'number' && x.value >= 1000 && x.unit !== '%'))
      expect(r.shown).toContain(',');
    for (const r of rows.filter((x) => ['stores', 'retailers', 'countries', 'employees'].includes(x.unit)))
      expect(r.shown).not.toContain('.');
  });

  test('the rate and the tolerance are labelled at the top left, frozen with the header, at AA contrast', () => {
    const { b } = inserted();
    const figures = b.fake.model().sheets.find((s) => s.name === FIGURES)!;
    const values = b.fake.direct.values(FIGURES);
    // Labels with their values to the right (A1:B2), a line each on what it drives, a blank row, then the table.
    expect(values.slice(0, 2).map((row) => row.slice(0, 2))).toEqual([
      ['CNY to USD rate', 0.14],
      ['Conflict tolerance', 0.1],
    ]);
    expect(values[0][2]).toMatch(/USD bn, Reported and the charts follow it/);
    expect(values[1][2]).toMatch(/flag differences larger than this/);
    expect(values[2].every((v, c) => v === '' || figures.hiddenColumns.includes(c + 1))).toBe(true);
    // In the frozen corner, so in view however far the table is scrolled, and inside the first screen.
    expect(figures.frozenRows).toBeGreaterThanOrEqual(2);
    expect(figures.frozenColumns).toBeGreaterThanOrEqual(2);
    expect(figures.columnWidths[0] + figures.columnWidths[1]).toBeLessThanOrEqual(FIRST_SCREEN_PX);
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Rate')!.getA1Notation()).toBe('B1');
    expect(
      b.fake.direct
        .displayValues(FIGURES)
        .slice(0, 2)
        .map((row) => row[1]),
    ).toEqual(['0.1400', '10%']);
    for (const cell of figures.cells.filter((c) => c.row <= 2 && c.display !== '')) {
      const ratio = contrastRatio(cell.format.fontColor, cell.format.background);
      expect([cell.row, cell.column, ratio >= 4.5, cell.format.fontSize >= 9]).toEqual([
        cell.row,
        cell.column,
        true,
        true,
      ]);
    }
  });

  test('the header row and the row labels stay in view, every header fits its column, every text at least 9 pt', () => {
    const { sheet: _canvas, b } = inserted();
    const figures = b.fake.model().sheets.find((s) => s.name === FIGURES)!;
    expect([figures.frozenRows, figures.frozenColumns]).toEqual([4, 2]);
    const headers = b.fake.direct.values(FIGURES)[KEY_FIGURES_HEADER_ROW - 1];
    expect(headers[0]).toBe('Block');
    headers.forEach((header, i) => {
      if (header === '' || figures.hiddenColumns.includes(i + 1)) return;
      // bold 10 pt Arial: under 0.62 em per character, plus the cell's padding
      const needed = String(header).length * 10 * (96 / 72) * 0.62 + 6;
      expect([header, figures.columnWidths[i] >= needed]).toEqual([header, true]);
    });
    for (const cell of figures.cells)
      if (cell.display !== '')
        expect([cell.row, cell.column, cell.format.fontSize >= 9]).toEqual([cell.row, cell.column, true]);
  });
});
