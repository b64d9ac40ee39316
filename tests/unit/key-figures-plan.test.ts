import { quoteSheetName } from '../../src/core/a1';
import { KEY_FIGURES_HEADER, buildKeyFiguresPlan, keyFigureRowFormulas } from '../../src/core/key-figures-plan';

const REPORTED = { sheet: 'Reported Results', lastRow: 200 };

describe('Key Figures formulas', () => {
  test('quote any sheet name, doubling apostrophes', () => {
    expect(quoteSheetName("Bob's details (final)")).toBe("'Bob''s details (final)'");
  });

  test('link every column of a row to the figure row in the details sheet', () => {
    const [label, value, unit, period, note, usd, conflict, metric, compared, reported, vs, check] =
      keyFigureRowFormulas("Bob's details", 57, 2, 10, { sheet: "Bob's reported", lastRow: 50 });
    expect(label).toBe(`=""&'Bob''s details'!F57`);
    expect(value).toBe(`='Bob''s details'!G57`);
    expect([unit, period, note, metric]).toEqual([
      `=""&'Bob''s details'!H57`,
      `=""&'Bob''s details'!I57`,
      `=""&'Bob''s details'!J57`,
      `=""&'Bob''s details'!K57`,
    ]);
    expect(usd).toContain('$P$1');
    expect(compared).toMatch(/^=IF\(ISNUMBER\(G2\),G2,/);
    // conflicts are counted over exactly the table's rows
    expect(conflict).toContain('$I$2:$I$10');
    expect(conflict).toContain('$P$2');
    // the reported lookups read the reported sheet's rows 2..lastRow, with periods compared as text
    expect(reported).toContain(`""&'Bob''s reported'!$A$2:$A$50=""&I2`);
    expect(reported).toContain(`""&'Bob''s reported'!$B$2:$B$50=""&E2`);
    expect(reported).toContain('$P$1');
    expect(vs).toBe('=IF(AND(ISNUMBER(C2),ISNUMBER(K2)),IF(K2=0,"",C2/K2-1),"")');
    // Both ways apart from a lower bound ("over …" in the Note, F2), which is flagged only above the reported value.
    expect(check).toContain(',L2,ABS(L2))>$P$2');
    expect(check).toContain('LEFT(TRIM(F2)&";",5)="over;"');
    expect(check).toContain('⚠ Differs from reported');
  });

  test('Conflict compares exactly (SUMPRODUCT of equalities), never through COUNTIF criteria', () => {
    const conflict = keyFigureRowFormulas('Xiaomi Details', 5, 2, 10, REPORTED)[6];
    expect(conflict).not.toMatch(/COUNTIF/);
    expect(conflict).toContain('SUMPRODUCT(($I$2:$I$10=I2)*($E$2:$E$10=E2)*ISNUMBER($J$2:$J$10)*');
  });

  test('use only functions that exist in Google Sheets, Excel and LibreOffice', () => {
    const formulas = keyFigureRowFormulas('Xiaomi Details', 5, 2, 3, REPORTED).join(' ');
    const functions = new Set(formulas.match(/[A-Z]+(?=\()/g));
    expect([...functions].sort()).toEqual(['ABS', 'AND', 'IF', 'ISNUMBER', 'LEFT', 'NOT', 'OR', 'SUMPRODUCT', 'TRIM']);
  });

  test('the sheet starts with the contract header and keeps the rate to its right', () => {
    const plan = buildKeyFiguresPlan(1, 'Xiaomi Details', [{ blockTitle: 'Key Partners', row: 5 }], REPORTED);
    expect(plan.values[0].slice(0, KEY_FIGURES_HEADER.length)).toEqual([...KEY_FIGURES_HEADER]);
    const rateColumn = plan.values[0].indexOf('CNY to USD rate');
    expect(plan.values[0][rateColumn + 1]).toBe(0.14);
    // Plain text in a plain-text cell: no apostrophe (literal.ts)
    expect(plan.values[1][0]).toBe('Key Partners');
    expect(plan.styles[1][0].numberFormat).toBe('@');
  });
});

describe('formula cells', () => {
  test('never carry the plain-text format, so Sheets keeps them formulas on every rewrite', () => {
    const plan = buildKeyFiguresPlan(
      1,
      'Xiaomi Details',
      [
        { blockTitle: 'Key Partners', row: 5 },
        { blockTitle: 'Channels', row: 9 },
      ],
      REPORTED,
    );
    const formulaCells = plan.values.flatMap((row, r) =>
      row
        .map((value, c) => ({ value, format: plan.styles[r][c].numberFormat }))
        .filter((x) => String(x.value).startsWith('=')),
    );
    expect(formulaCells).toHaveLength(2 * 12);
    for (const cell of formulaCells) expect(cell.format).not.toBe('@');
  });
});
