import { quoteSheetName } from '../../src/core/a1';
import { KEY_FIGURES_HEADER, buildKeyFiguresPlan, keyFigureRowFormulas } from '../../src/core/key-figures-plan';

const REPORTED = { sheet: 'Reported Results', lastRow: 200 };

describe('Key Figures formulas', () => {
  test('quote any sheet name, doubling apostrophes', () => {
    expect(quoteSheetName("Bob's details (final)")).toBe("'Bob''s details (final)'");
  });

  test('link every column of a row to the figure row in the details sheet', () => {
    const [label, value, unit, period, note, usd, conflict, metric, compared, reported, vs, check] =
      keyFigureRowFormulas("Bob's details", 57, 5, 10, { sheet: "Bob's reported", lastRow: 50 });
    expect(label).toBe(`=""&'Bob''s details'!F57`);
    expect(value).toBe(`='Bob''s details'!G57`);
    expect([unit, period, note, metric]).toEqual([
      `=""&'Bob''s details'!H57`,
      `=""&'Bob''s details'!I57`,
      `=""&'Bob''s details'!J57`,
      `=""&'Bob''s details'!K57`,
    ]);
    expect(usd).toContain('$B$1');
    expect(compared).toMatch(/^=IF\(ISNUMBER\(G5\),G5,/);
    // conflicts are counted over exactly the table's rows (figures from row 5, under the header in row 4)
    expect(conflict).toContain('$I$5:$I$10');
    expect(conflict).toContain('$B$2');
    // the reported lookups read the reported sheet's rows 2..lastRow, with periods compared as text
    expect(reported).toContain(`""&'Bob''s reported'!$A$2:$A$50=""&I5`);
    expect(reported).toContain(`""&'Bob''s reported'!$B$2:$B$50=""&E5`);
    expect(reported).toContain('$B$1');
    expect(vs).toBe('=IF(AND(ISNUMBER(C5),ISNUMBER(K5)),IF(K5=0,"",C5/K5-1),"")');
    // Both ways apart from a lower bound ("over …" in the Note, F5), which is flagged only above the reported value.
    expect(check).toContain(',L5,ABS(L5))>$B$2');
    expect(check).toContain('LEFT(TRIM(F5)&";",5)="over;"');
    expect(check).toContain('⚠ Differs from reported');
  });

  test('Conflict compares exactly (SUMPRODUCT of equalities), never through COUNTIF criteria', () => {
    const conflict = keyFigureRowFormulas('Xiaomi Details', 5, 5, 10, REPORTED)[6];
    expect(conflict).not.toMatch(/COUNTIF/);
    expect(conflict).toContain('SUMPRODUCT(($I$5:$I$10=I5)*($E$5:$E$10=E5)*ISNUMBER($J$5:$J$10)*');
  });

  test('use only functions that exist in Google Sheets, Excel and LibreOffice', () => {
    const formulas = keyFigureRowFormulas('Xiaomi Details', 5, 5, 6, REPORTED).join(' ');
    const functions = new Set(formulas.match(/[A-Z]+(?=\()/g));
    expect([...functions].sort()).toEqual(['ABS', 'AND', 'IF', 'ISNUMBER', 'LEFT', 'NOT', 'OR', 'SUMPRODUCT', 'TRIM']);
  });

  test('the sheet starts with the labelled rate and tolerance, then a blank row and the contract header in row 4', () => {
    const plan = buildKeyFiguresPlan(1, 'Xiaomi Details', [{ blockTitle: 'Key Partners', row: 5 }], REPORTED);
    expect(plan.values[0].slice(0, 2)).toEqual(['CNY to USD rate', 0.14]);
    expect(plan.values[1].slice(0, 2)).toEqual(['Conflict tolerance', 0.1]);
    expect(plan.values[2].every((v) => v === '')).toBe(true);
    expect(plan.values[3].slice(0, KEY_FIGURES_HEADER.length)).toEqual([...KEY_FIGURES_HEADER]);
    expect(plan.frozenRows).toBe(4);
    expect(plan.notes?.range).toBe('B1:B2');
    expect(plan.namedRanges).toEqual([
      { name: 'XiaomiCanvas_KeyFigures', range: 'A4:M5' },
      { name: 'XiaomiCanvas_Rate', range: 'B1' },
    ]);
    // Plain text in a plain-text cell: no apostrophe (literal.ts)
    expect(plan.values[4][0]).toBe('Key Partners');
    expect(plan.styles[4][0].numberFormat).toBe('@');
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
