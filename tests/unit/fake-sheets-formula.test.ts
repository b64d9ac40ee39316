import { defaultReading } from '../../emulator/document';
import { createFakeGoogle } from '../../emulator';
import { parseFormula } from '../../emulator/formula/parser';
import { tokenize, untokenize } from '../../emulator/formula/tokenizer';
import { normalizeFormula, offsetRelativeReferences, rewriteFormula } from '../../emulator/formula/references';

function sheetWith(cells: Record<string, unknown>) {
  const fake = createFakeGoogle();
  const sheet = fake.spreadsheet.getSheets()[0];
  for (const [a1, v] of Object.entries(cells)) sheet.getRange(a1).setValue(v);
  const val = (formula: string) => {
    sheet.getRange('Z1').setFormula(formula);
    return sheet.getRange('Z1').getValue() as unknown;
  };
  return { fake, sheet, val };
}

describe('fake-sheets formula tokenizer and parser', () => {
  test('tokenizes references of every shape and keeps the source text exactly', () => {
    const src = 'SUM(A1:B2, $C$3, \'Xiaomi Details (2)\'!$G$57, Sheet1!D:D, 2:3, A2:B) & "a""b" <> TRUE';
    const tk = tokenize(src);
    expect(tk.ok).toBe(true);
    if (!tk.ok) return;
    expect(untokenize(tk.tokens)).toBe(src);
    const refs = tk.tokens.filter((t) => t.type === 'ref').map((t) => t.text);
    expect(refs).toEqual(['A1:B2', '$C$3', "'Xiaomi Details (2)'!$G$57", 'Sheet1!D:D', '2:3', 'A2:B']);
    expect(tk.tokens.find((t) => t.type === 'string')).toMatchObject({ value: 'a"b' });
  });

  test('function names that look like cells (LOG10) and names with underscores are not references', () => {
    const tk = tokenize('LOG10(100)+XiaomiCanvas_Rate');
    expect(tk.ok && tk.tokens.map((t) => t.type)).toEqual(['func', 'paren', 'number', 'paren', 'op', 'name']);
  });

  test('operator precedence follows Sheets: unary minus binds tighter than ^, & below +', () => {
    const { val } = sheetWith({});
    expect(val('=-2^2')).toBe(4);
    expect(val('=2^3^2')).toBe(64);
    expect(val('=1+2*3')).toBe(7);
    expect(val('=(1+2)*3')).toBe(9);
    expect(val('=1+2&"x"')).toBe('3x');
    expect(val('=1+1=2')).toBe(true);
    expect(val('=50%')).toBe(0.5);
    expect(val('=10/4')).toBe(2.5);
  });

  test('malformed formulas do not parse and evaluate to #ERROR!', () => {
    expect(parseFormula('=1+').ok).toBe(false);
    expect(parseFormula('=SUM(1,2').ok).toBe(false);
    expect(parseFormula('=(1))').ok).toBe(false);
    const { val } = sheetWith({});
    expect(val('=1+')).toBe('#ERROR!');
    expect(val('="unterminated')).toBe('#ERROR!');
  });

  test('formulas are stored the way Sheets shows them: functions and references upper-cased, spacing kept', () => {
    const { sheet } = sheetWith({});
    sheet.getRange('A1').setFormula('=sum(a1:b2) +  if(true, c3, d4)');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(A1:B2) +  IF(TRUE, C3, D4)');
    expect(normalizeFormula("='sheet1'!a1", (n) => (n.toLowerCase() === 'sheet1' ? 'Sheet1' : undefined))).toBe(
      '=Sheet1!A1',
    );
  });
});

describe('fake-sheets formula evaluation', () => {
  test('references, ranges and cross-sheet references', () => {
    const { fake, sheet, val } = sheetWith({ A1: 2, A2: 3, B1: 'x' });
    const other = fake.spreadsheet.insertSheet('Xiaomi Details (2)');
    other.getRange('G57').setValue(42);
    expect(val('=A1+A2')).toBe(5);
    expect(val('=$A$1*10')).toBe(20);
    expect(val("='Xiaomi Details (2)'!$G$57")).toBe(42);
    expect(val('=SUM(A1:A2)')).toBe(5);
    expect(val('=SUM(A:A)')).toBe(5);
    expect(val('=Missing!A1')).toBe('#REF!');
    void sheet;
  });

  test('coercion: empty is 0 in arithmetic and "" in text; numeric text is a number; other text is #VALUE!', () => {
    const { val } = sheetWith({ A1: "'12", A2: 'abc', A3: true });
    expect(val('=B9+1')).toBe(1);
    expect(val('="["&B9&"]"')).toBe('[]');
    expect(val('=A1*2')).toBe(24);
    expect(val('=A2*2')).toBe('#VALUE!');
    expect(val('=A3+1')).toBe(2);
    expect(val('=1&2')).toBe('12');
    expect(val('=""&0.1+0.2')).toBe('0.3');
    expect(val('=""&(1/3)')).toBe('0.333333333333333');
    expect(val('=TRUE&""')).toBe('TRUE');
  });

  test('a direct reference to an empty cell is empty, not 0', () => {
    const { val } = sheetWith({});
    expect(val('=B9')).toBe('');
  });

  test('comparisons: case-insensitive text, numbers < text < booleans, empty matches 0 and ""', () => {
    const { val } = sheetWith({ A1: 'USD bn' });
    expect(val('=A1="usd BN"')).toBe(true);
    expect(val('=B9=0')).toBe(true);
    expect(val('=B9=""')).toBe(true);
    expect(val('=1<"a"')).toBe(true);
    expect(val('="z"<TRUE')).toBe(true);
    expect(val('=2<>2')).toBe(false);
    expect(val('="a"<"B"')).toBe(true);
  });

  test('errors propagate; division by zero; unknown functions and names', () => {
    const { val } = sheetWith({ A1: 0 });
    expect(val('=1/A1')).toBe('#DIV/0!');
    expect(val('=1+1/0')).toBe('#DIV/0!');
    expect(val('=NOSUCHFUNCTION(1)')).toBe('#NAME?');
    expect(val('=nosuchname+1')).toBe('#NAME?');
    expect(val('=#N/A')).toBe('#N/A');
    expect(val('=SUM(1,#REF!)')).toBe('#REF!');
  });

  test('IF, IFERROR, ISNUMBER, ISBLANK, ISTEXT, AND, OR, NOT', () => {
    const { val } = sheetWith({ A1: 5, A2: 'text', A3: '=""' });
    expect(val('=IF(A1>3,"big","small")')).toBe('big');
    expect(val('=IF(A1>9,"big")')).toBe(false);
    expect(val('=IF(A1>3,1/0,"fine")')).toBe('#DIV/0!');
    expect(val('=IF(A1<3,1/0,"fine")')).toBe('fine');
    expect(val('=IFERROR(1/0,"oops")')).toBe('oops');
    expect(val('=IFERROR(A1,"oops")')).toBe(5);
    expect(val('=ISNUMBER(A1)')).toBe(true);
    expect(val('=ISNUMBER(A2)')).toBe(false);
    expect(val('=ISTEXT(A2)')).toBe(true);
    expect(val('=ISBLANK(B9)')).toBe(true);
    expect(val('=ISBLANK(A3)')).toBe(false);
    expect(val('=AND(TRUE,A1>1)')).toBe(true);
    expect(val('=OR(FALSE,A1>10)')).toBe(false);
    expect(val('=NOT(A1>10)')).toBe(true);
    expect(val('=IF("abc",1,2)')).toBe('#VALUE!');
  });

  test('math and text functions', () => {
    const { val } = sheetWith({ A1: 1, A2: 2, A3: 'x', A4: 4 });
    expect(val('=SUM(A1:A4)')).toBe(7);
    expect(val('=MIN(A1:A4)')).toBe(1);
    expect(val('=MAX(A1:A4,10)')).toBe(10);
    expect(val('=ABS(-3)')).toBe(3);
    expect(val('=ROUND(2.345,2)')).toBe(2.35);
    expect(val('=ROUND(-2.5,0)')).toBe(-3);
    expect(val('=ROUND(1234,-2)')).toBe(1200);
    expect(val('=LEN("héllo")')).toBe(5);
    expect(val('=VALUE("1,234.5")')).toBe(1234.5);
    expect(val('=VALUE("abc")')).toBe('#VALUE!');
    expect(val('=N(A3)')).toBe(0);
    expect(val('=N(A4)')).toBe(4);
    expect(val('=T(A3)&T(A4)')).toBe('x');
    expect(val('=CONCATENATE("a",1,TRUE)')).toBe('a1TRUE');
    expect(val('=TEXT(0.5,"0%")')).toBe('50%');
    expect(val('=UPPER("abc")&LOWER("DEF")&TRIM("  a  b ")')).toBe('ABCdefa b');
  });

  test('COUNTIF/COUNTIFS criteria: operators, numbers vs text, case-insensitive equality, blanks, wildcards', () => {
    const { val } = sheetWith({
      A1: 'rnd',
      A2: 'RND',
      A3: 'stores',
      A4: '',
      B1: 10,
      B2: 20,
      B3: 30,
      B4: "'20",
      D1: 0,
    });
    expect(val('=COUNTIF(A1:A4,"rnd")')).toBe(2);
    expect(val('=COUNTIF(A1:A4,"r*")')).toBe(2);
    expect(val('=COUNTIF(A1:A4,"<>rnd")')).toBe(2);
    expect(val('=COUNTIF(A1:A4,"")')).toBe(1);
    // a criterion that refers to an empty cell means 0 (Excel/LibreOffice rule), not "blank"
    expect(val('=COUNTIF(A1:A4,C9)')).toBe(0);
    expect(val('=COUNTIF(D1:D2,C9)')).toBe(1);
    expect(val('=COUNTIF(B1:B4,">15")')).toBe(2);
    expect(val('=COUNTIF(B1:B4,">"&B1)')).toBe(2);
    expect(val('=COUNTIF(B1:B4,"<="&20)')).toBe(2);
    expect(val('=COUNTIF(B1:B4,20)')).toBe(2);
    // a numeric-looking text criterion matches the text cell "20" only under the lenient reading (undocumented)
    expect(val('=COUNTIF(B1:B4,"=20")')).toBe(defaultReading() === 'strict' ? 1 : 2);
    expect(val('=COUNTIFS(A1:A4,"rnd",B1:B4,">15")')).toBe(1);
    expect(val('=COUNTIFS(A1:A4,A1,B1:B4,"<"&B3/1.1)')).toBe(2);
    expect(val('=COUNTIFS(A1:A4,"rnd",B1:B3,">0")')).toBe('#VALUE!');
    expect(val('=SUMIFS(B1:B4,A1:A4,"rnd")')).toBe(30);
    expect(val('=SUMIF(A1:A4,"stores",B1:B4)')).toBe(30);
  });

  test('a circular reference evaluates to #REF! without looping', () => {
    const { fake, sheet } = sheetWith({ A1: '=B1+1', B1: '=A1+1', C1: '=C1' });
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#REF!', '#REF!', '#REF!']]);
    expect(fake.direct.cell('Sheet1', 'C1').errorDetail).toMatch(/Circular dependency/);
  });

  test('formulas recompute on every read after a change', () => {
    const { sheet } = sheetWith({ A1: 1, B1: '=A1*2', C1: '=B1+1' });
    expect(sheet.getRange('C1').getValue()).toBe(3);
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('C1').getValue()).toBe(21);
  });

  test('a formula that refers straight to a date cell returns a Date', () => {
    const { sheet } = sheetWith({ A1: '2024-01-05', B1: '=A1', C1: '=A1+1' });
    const [b1, c1] = sheet.getRange('B1:C1').getValues()[0] as unknown[];
    expect(b1).toBeInstanceOf(Date);
    expect((b1 as Date).toISOString()).toBe('2024-01-05T00:00:00.000Z');
    expect(c1).toBe(45297);
  });

  test('the Key Figures formulas evaluate as in Sheets (USD conversion with guards, live COUNTIFS conflicts)', () => {
    const fake = createFakeGoogle();
    const kf = fake.spreadsheet.getSheets()[0];
    kf.setName('Key Figures');
    const details = fake.spreadsheet.insertSheet('Xiaomi Details');
    details.getRange('F57:H59').setValues([
      ['R&D', 19.4, 'CNY bn'],
      ['R&D', 2.5, 'USD bn'],
      ['Stores', 12000, 'stores'],
    ]);
    kf.getRange('L1:M2').setValues([
      ['CNY to USD rate', 0.14],
      ['Conflict tolerance', 0.1],
    ]);
    const usd = (r: number) =>
      `=IFERROR(IF(D${r}="USD bn",C${r},IF(D${r}="USD m",C${r}/1000,IF(AND(D${r}="CNY bn",ISNUMBER($M$1)),C${r}*$M$1,IF(AND(D${r}="CNY m",ISNUMBER($M$1)),C${r}*$M$1/1000,"")))),"")`;
    const rows = [57, 58, 59].map((src, i) => {
      const r = i + 2;
      return [
        `=""&'Xiaomi Details'!F${src}`,
        `='Xiaomi Details'!G${src}`,
        `=""&'Xiaomi Details'!H${src}`,
        usd(r),
        `=IF(E${r}="",C${r},E${r})`,
        `=IF(F${r}="","",COUNTIFS($B$2:$B$4,B${r},$F$2:$F$4,">"&F${r}*(1+$M$2))+COUNTIFS($B$2:$B$4,B${r},$F$2:$F$4,"<"&F${r}/(1+$M$2)))`,
      ];
    });
    kf.getRange('B2:G4').setFormulas(rows);
    const v = () => kf.getRange('B2:G4').getValues() as unknown[][];
    expect(v()[0][0]).toBe('R&D');
    expect(v()[0][3]).toBeCloseTo(2.716, 10);
    expect(v()[1][3]).toBe(2.5);
    expect(v()[2][3]).toBe('');
    // 19.4 CNY bn = 2.716 USD bn vs 2.5 USD bn: within 10%
    expect(v().map((r) => r[5])).toEqual([0, 0, 0]);
    // widen the gap: the two R&D rows now conflict
    details.getRange('G57').setValue(30);
    expect(v().map((r) => r[5])).toEqual([1, 1, 0]);
    // text rate: USD bn goes blank, never an error
    kf.getRange('M1').setValue('unknown');
    expect(v()[0][3]).toBe('');
    kf.getRange('M1').setValue('');
    expect(v()[0][3]).toBe('');
  });
});

describe('fake-sheets reference rewriting', () => {
  const ins = (f: string, at: number, count: number) =>
    rewriteFormula(f, 'S', { kind: 'insertRows', sheet: 'S', at, count });
  const del = (f: string, at: number, count: number) =>
    rewriteFormula(f, 'S', { kind: 'deleteRows', sheet: 'S', at, count });

  test('inserting rows shifts references at or after the insertion point and grows spanning ranges', () => {
    expect(ins('=A5', 5, 2)).toBe('=A7');
    expect(ins('=A4', 5, 2)).toBe('=A4');
    expect(ins('=$A$5+B6', 5, 1)).toBe('=$A$6+B7');
    expect(ins('=SUM(A3:A7)', 5, 2)).toBe('=SUM(A3:A9)');
    expect(ins('=SUM(A3:A7)', 3, 2)).toBe('=SUM(A5:A9)');
    expect(ins('=SUM(A3:A7)', 8, 2)).toBe('=SUM(A3:A7)');
    expect(ins('=SUM(A:A)', 1, 5)).toBe('=SUM(A:A)');
    expect(ins('=SUM(A2:A)', 1, 5)).toBe('=SUM(A7:A)');
    expect(ins('=S!A5+Other!A5', 1, 1)).toBe('=S!A6+Other!A5');
  });

  test('deleting rows shifts, shrinks, and turns fully deleted references into #REF!', () => {
    expect(del('=A10', 5, 2)).toBe('=A8');
    expect(del('=A5', 5, 2)).toBe('=#REF!');
    expect(del("='S'!A6*2", 5, 2)).toBe('=#REF!*2');
    expect(del('=SUM(A3:A7)', 5, 2)).toBe('=SUM(A3:A5)');
    expect(del('=SUM(A5:A7)', 5, 2)).toBe('=SUM(A5:A5)');
    expect(del('=SUM(A5:A6)', 5, 2)).toBe('=SUM(#REF!)');
    expect(del('=SUM(A1:A3)', 5, 2)).toBe('=SUM(A1:A3)');
  });

  test('column changes work the same way', () => {
    expect(rewriteFormula('=C1+SUM(A1:D1)', 'S', { kind: 'insertColumns', sheet: 'S', at: 2, count: 1 })).toBe(
      '=D1+SUM(A1:E1)',
    );
    expect(rewriteFormula('=C1+SUM(A1:D1)', 'S', { kind: 'deleteColumns', sheet: 'S', at: 3, count: 1 })).toBe(
      '=#REF!+SUM(A1:C1)',
    );
  });

  test('renaming and deleting sheets', () => {
    expect(rewriteFormula("=Old!A1+'Old'!B2+Other!C3", 'X', { kind: 'renameSheet', from: 'Old', to: 'New name' })).toBe(
      "='New name'!A1+'New name'!B2+Other!C3",
    );
    expect(rewriteFormula("='Key Figures'!A1+1", 'X', { kind: 'deleteSheet', sheet: 'Key Figures' })).toBe('=#REF!+1');
  });

  test('one formula written over a range moves its relative references per cell', () => {
    expect(offsetRelativeReferences('=A1+$B$1+C$1+$D1', 2, 1)).toBe('=B3+$B$1+D$1+$D3');
    expect(offsetRelativeReferences('=A1', -1, 0)).toBe('=#REF!');
  });
});
