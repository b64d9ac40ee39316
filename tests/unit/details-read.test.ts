import { buildDetailsPlan } from '../../src/core/details-plan';
import { FIGURE_COLUMNS } from '../../src/core/details-plan';
import { figureValue, readDetailsGrid } from '../../src/core/details-read';
import { columnLetter } from '../../src/core/a1';
import { CONTENT } from '../support/content';

/**
 * Teammates' typing never breaks the add-on (issue 17, item 6): reading the details sheet, a value cell that holds no
 * number leaves its figure (as NaN) and every other figure readable, and is named for the sidebar.
 */

/** The details sheet as Insert writes it (no spreadsheet), as a grid a read gets. */
function insertedGrid(): unknown[][] {
  return buildDetailsPlan(CONTENT, 1).plan.values.map((row) => [...row]);
}

/** Row (1-based) of a block's first figure. */
function firstFigureRow(grid: unknown[][], id: 'key-resources' | 'channels'): number {
  return readDetailsGrid(grid, 'Xiaomi Details')[id].figures[0].row;
}

describe('reading figure values a teammate typed over', () => {
  test('text in a value: the figure stays with NaN, the cell is named with what it holds', () => {
    const grid = insertedGrid();
    const row = firstFigureRow(grid, 'key-resources');
    grid[row - 1][FIGURE_COLUMNS.value - 1] = '35 bn';
    const regions = readDetailsGrid(grid, 'Xiaomi Details');
    const region = regions['key-resources'];
    expect(region.figures[0].figure.value).toBeNaN();
    expect(region.figures[0].figure.label).not.toBe('');
    expect(region.problems).toEqual([
      {
        sheet: 'Xiaomi Details',
        cell: `${columnLetter(FIGURE_COLUMNS.value)}${row}`,
        found: '35 bn',
        expected: 'number',
        figure: 0,
      },
    ]);
    // Every other block reads as before.
    const clean = readDetailsGrid(insertedGrid(), 'Xiaomi Details');
    for (const id of Object.keys(regions) as (keyof typeof regions)[]) {
      if (id === 'key-resources') continue;
      expect(regions[id]).toEqual(clean[id]);
      expect(regions[id].problems).toEqual([]);
    }
  });

  test('a blank value and a date are named as what the cell shows; the position is the figure’s in its block', () => {
    const grid = insertedGrid();
    const rows = readDetailsGrid(grid, 'Xiaomi Details').channels.figures.map((f) => f.row);
    expect(rows.length).toBeGreaterThan(1);
    grid[rows[1] - 1][FIGURE_COLUMNS.value - 1] = '';
    grid[rows[0] - 1][FIGURE_COLUMNS.value - 1] = new Date(Date.UTC(2025, 2, 31));
    const { problems } = readDetailsGrid(grid, 'Xiaomi Details', () => '31/03/2025').channels;
    expect(problems.map((p) => [p.figure, p.found])).toEqual([
      [0, '31/03/2025'],
      [1, ''],
    ]);
  });

  test('numbers typed as text still read as numbers, and are no problem', () => {
    expect(figureValue('1,234.5')).toBe(1234.5);
    expect(figureValue(' 35 ')).toBe(35);
    expect(figureValue('35 bn')).toBeNaN();
    const grid = insertedGrid();
    const row = firstFigureRow(grid, 'channels');
    grid[row - 1][FIGURE_COLUMNS.value - 1] = '1,234.5';
    const { figures, problems } = readDetailsGrid(grid, 'Xiaomi Details').channels;
    expect(figures[0].figure.value).toBe(1234.5);
    expect(problems).toEqual([]);
  });

  test('a stray number in a unit, period or label is read as its text', () => {
    const grid = insertedGrid();
    const row = firstFigureRow(grid, 'channels');
    grid[row - 1][FIGURE_COLUMNS.unit - 1] = 35;
    grid[row - 1][FIGURE_COLUMNS.period - 1] = 2024;
    const { figures, problems } = readDetailsGrid(grid, 'Xiaomi Details').channels;
    expect(figures[0].figure).toMatchObject({ unit: '35', period: '2024' });
    expect(problems).toEqual([]);
  });
});
