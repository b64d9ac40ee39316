import {
  areaToRect,
  columnToLetters,
  formatArea,
  lettersToColumn,
  parseReference,
  quoteSheetName,
  rectToA1,
} from '../../emulator/a1';

describe('fake-sheets A1 notation', () => {
  test('column letters round-trip, including two- and three-letter columns', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(26)).toBe('Z');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(52)).toBe('AZ');
    expect(columnToLetters(703)).toBe('AAA');
    for (const n of [1, 2, 25, 26, 27, 100, 702, 703, 18278]) expect(lettersToColumn(columnToLetters(n))).toBe(n);
    expect(lettersToColumn('aa')).toBe(27);
  });

  test('parses cells, ranges, whole columns/rows and open-ended ranges', () => {
    expect(parseReference('B3')).toEqual({ area: { start: { row: 3, col: 2, rowAbs: false, colAbs: false } } });
    expect(parseReference('$A$1')!.area.start).toEqual({ row: 1, col: 1, rowAbs: true, colAbs: true });
    const r = parseReference('a1:c5')!;
    expect(areaToRect(r.area, 1000, 26)).toEqual({ r1: 1, c1: 1, r2: 5, c2: 3 });
    expect(areaToRect(parseReference('B:C')!.area, 1000, 26)).toEqual({ r1: 1, c1: 2, r2: 1000, c2: 3 });
    expect(areaToRect(parseReference('2:4')!.area, 1000, 26)).toEqual({ r1: 2, c1: 1, r2: 4, c2: 26 });
    expect(areaToRect(parseReference('A2:B')!.area, 1000, 26)).toEqual({ r1: 2, c1: 1, r2: 1000, c2: 2 });
    // reversed corners are normalised
    expect(areaToRect(parseReference('C5:A1')!.area, 1000, 26)).toEqual({ r1: 1, c1: 1, r2: 5, c2: 3 });
  });

  test('parses sheet prefixes, quoted or not, with doubled apostrophes', () => {
    expect(parseReference('Sheet1!A1')!.sheet).toBe('Sheet1');
    expect(parseReference("'Xiaomi Details (2)'!$G$57")!.sheet).toBe('Xiaomi Details (2)');
    expect(parseReference("'It''s mine'!A1:B2")!.sheet).toBe("It's mine");
  });

  test('rejects what is not a reference', () => {
    for (const bad of ['', 'A0', 'A', '1', 'ABCD1', 'A1:B2:C3', 'Sheet1!', "'unterminated!A1", 'A1B']) {
      expect(parseReference(bad)).toBeNull();
    }
  });

  test('formats areas and rectangles', () => {
    expect(formatArea(parseReference('$a$1:b2')!.area)).toBe('$A$1:B2');
    expect(formatArea(parseReference('b:c')!.area)).toBe('B:C');
    expect(rectToA1({ r1: 1, c1: 1, r2: 1, c2: 1 })).toBe('A1');
    expect(rectToA1({ r1: 2, c1: 2, r2: 10, c2: 28 })).toBe('B2:AB10');
  });

  test('quotes sheet names exactly when Sheets needs to', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Key_Figures')).toBe('Key_Figures');
    expect(quoteSheetName('Key Figures')).toBe("'Key Figures'");
    expect(quoteSheetName('Xiaomi Details (2)')).toBe("'Xiaomi Details (2)'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('2024')).toBe("'2024'");
  });
});
