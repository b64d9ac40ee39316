import { FIRST_FIGURE_ROW, keyFigureRowMoves } from '../../src/core/key-figures-plan';
import { relinkTemplateRows } from '../../src/core/numbers-plan';

/**
 * A save that adds or removes figures moves Key Figures' rows; the numbers sheet's template-against-reported table
 * points at those rows and is re-pointed at its figures' new rows (core, no spreadsheet).
 */
const f = (label: string, period = '2024') => ({ label, period });

describe('where each Key Figures row goes after a write', () => {
  const before = [[f('Revenue'), f('R&D')], [f('Stores')], [f('Shipments'), f('Revenue', '2023')]];

  test('a figure added first in a written block: its own and every later row move down by one', () => {
    const after = [[f('New'), f('Revenue'), f('R&D')], before[1], before[2]];
    const moved = keyFigureRowMoves(before, after, (b) => b === 0, FIRST_FIGURE_ROW);
    const r = (i: number) => FIRST_FIGURE_ROW + i;
    expect([0, 1, 2, 3, 4].map((i) => moved(r(i)))).toEqual([r(1), r(2), r(3), r(4), r(5)]);
  });

  test('a written block keeps a figure by label and period: reordered, removed and twice-stated figures', () => {
    const after = [[f('R&D'), f('New')], before[1], [f('Revenue', '2023'), f('Shipments')]];
    // block 0 loses Revenue and swaps; block 2 is written too, in the other order
    const moved = keyFigureRowMoves(before, after, (b) => b !== 1, FIRST_FIGURE_ROW);
    const r = (i: number) => FIRST_FIGURE_ROW + i;
    expect([0, 1, 2, 3, 4].map((i) => moved(r(i)))).toEqual([null, r(0), r(2), r(4), r(3)]);
    const twice = keyFigureRowMoves([[f('A'), f('A')]], [[f('A')]], () => true, FIRST_FIGURE_ROW);
    expect([twice(r(0)), twice(r(1))]).toEqual([r(0), null]);
  });

  test('an older sheet’s rows (figures from row 2) map to today’s (from row 5); rows outside the table to null', () => {
    const moved = keyFigureRowMoves(before, before, () => false, 2);
    expect([moved(2), moved(6), moved(1), moved(7)]).toEqual([FIRST_FIGURE_ROW, FIRST_FIGURE_ROW + 4, null, null]);
  });
});

describe('the template-against-reported rows re-pointed', () => {
  const row = (r: number) => [
    `='Key Figures (2)'!$B$${r}&" ("&'Key Figures (2)'!$E$${r}&")"`,
    `=IF(ISNUMBER('Key Figures (2)'!$G$${r}),'Key Figures (2)'!$G$${r},"")`,
    'x',
  ];

  test('every row of the table points at its figure’s new row, in the sheet it named; a removed one is emptied', () => {
    const formulas = [['Title', '', ''], ['Figure (period)', 'Template (USD bn)', ''], row(7), row(9), ['', '', '']];
    const { firstRow, values } = relinkTemplateRows(formulas, (r) => (r === 9 ? null : r + 1));
    expect(firstRow).toBe(3);
    expect(values).toHaveLength(2);
    expect(values[0][0]).toBe(`='Key Figures (2)'!$B$8&" ("&'Key Figures (2)'!$E$8&")"`);
    expect(values[0].join(' ')).not.toMatch(/\$7\b/);
    expect(values[0].join(' ').match(/'Key Figures \(2\)'!\$[A-Z]\$8/g)!.length).toBeGreaterThanOrEqual(5);
    expect(values[1]).toEqual(['', '', '']);
  });

  test('a sheet without the table (or a deleted Key Figures, shown as #REF!) gives nothing to write', () => {
    expect(relinkTemplateRows([['=#REF!&" ("'], ['text']], () => 5).firstRow).toBe(0);
  });
});
