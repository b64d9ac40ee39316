import { buildCanvasPlan, entryColumnCells } from '../../src/core/canvas-plan';
import { buildDetailsPlan } from '../../src/core/details-plan';
import { buildKeyFiguresPlan } from '../../src/core/key-figures-plan';
import { AUTOMATIC_FORMAT, TEXT_FORMAT, cellText, isTextFormat, textCell, textInput } from '../../src/core/literal';
import type { CanvasContent } from '../../src/core/content-schema';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { snapshotRowValues } from '../../src/core/snapshot';
import { CONTENT } from '../support/content';

/** Texts Sheets would reinterpret if they were written carelessly. */
const TRICKY = ["'quoted'", '2024', '=1+1', '+1', '-abc', '1/2', 'TRUE', '12%', '$5', '😀', '小米', 'مرحبا', "''"];

describe('The literal rule (one documented mechanism per cell)', () => {
  test('a text format is any format with an @ outside quotes', () => {
    expect(isTextFormat('@')).toBe(true);
    expect(isTextFormat('"•  "@')).toBe(true);
    expect(isTextFormat('0;-0;0;@')).toBe(true);
    expect(isTextFormat(AUTOMATIC_FORMAT)).toBe(false);
    expect(isTextFormat('#,##0.0##')).toBe(false);
    expect(isTextFormat('"@"0')).toBe(false);
    expect(isTextFormat('\\@0')).toBe(false);
  });

  test('plain text goes raw into a plain-text cell; text starting with an apostrophe or = gets an apostrophe in an automatic cell', () => {
    expect(textCell('Key Partners')).toEqual({ value: 'Key Partners', numberFormat: TEXT_FORMAT });
    expect(textCell('2024')).toEqual({ value: '2024', numberFormat: TEXT_FORMAT });
    expect(textCell("'quoted'")).toEqual({ value: "''quoted'", numberFormat: AUTOMATIC_FORMAT });
    expect(textCell('=1+1')).toEqual({ value: "'=1+1", numberFormat: AUTOMATIC_FORMAT });
    expect(textCell('')).toEqual({ value: '', numberFormat: TEXT_FORMAT });
  });

  test('never an apostrophe into a text-format cell: textInput refuses what that cell would hold ambiguously', () => {
    expect(textInput('2024', TEXT_FORMAT)).toBe('2024');
    expect(textInput('2024', AUTOMATIC_FORMAT)).toBe("'2024");
    expect(() => textInput("'x", TEXT_FORMAT)).toThrow(/plain-text cell/);
    expect(() => textInput('=x', '"•  "@')).toThrow(/plain-text cell/);
    expect(textInput('', TEXT_FORMAT)).toBe('');
  });

  test('cellText reads a date in the time zone it is given (the spreadsheet’s), else as its UTC day', () => {
    const lateUtc = new Date(Date.UTC(2024, 0, 4, 20, 0)); // 2024-01-05 04:00 in Shanghai
    expect(cellText(lateUtc)).toBe('2024-01-04');
    expect(cellText(lateUtc, () => '2024-01-05')).toBe('2024-01-05');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText('  x ')).toBe('x');
  });
});

/** Every cell of a plan: a text-format cell never gets a leading apostrophe or "=", an automatic cell never raw text. */
function violations(plan: SheetPlan): string[] {
  const out: string[] = [];
  plan.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== 'string' || value === '') return;
      const format = plan.styles[r][c].numberFormat;
      const where = `R${r + 1}C${c + 1} ${JSON.stringify(value)} in ${format}`;
      if (isTextFormat(format) && /^['=]/.test(value)) out.push(where);
      if (!isTextFormat(format) && !/^['=]/.test(value)) out.push(where);
    }),
  );
  return out;
}

function trickyContent(): CanvasContent {
  const content = structuredClone<CanvasContent>(CONTENT);
  content.title = "'Xiaomi'";
  content.blocks[0].entries = [...TRICKY];
  content.blocks[0].figures = TRICKY.map((text) => ({
    label: text,
    value: 1,
    unit: text,
    period: text,
    note: text,
    metric: text,
    source: text,
  }));
  return content;
}

describe('Every sheet plan writes text through the rule', () => {
  test.each([
    ['the Xiaomi content', CONTENT],
    ['content full of text Sheets would reinterpret', trickyContent()],
  ])('canvas, details and Key Figures plans of %s', (_, content) => {
    const canvas = buildCanvasPlan(content, 1).plan;
    const details = buildDetailsPlan(content, 1);
    const links = content.blocks.flatMap((b) =>
      details.figureRows[b.id].map((row) => ({ blockTitle: "'" + b.title, row })),
    );
    const figures = buildKeyFiguresPlan(1, 'Xiaomi Details', links, { sheet: 'Reported Results', lastRow: 200 });
    expect(violations(canvas)).toEqual([]);
    expect(violations(details.plan)).toEqual([]);
    expect(violations(figures)).toEqual([]);
  });

  test('entry cells carry their bullet as text and choose their format per entry', () => {
    const cells = entryColumnCells(["'quoted'", '2024'], 3);
    expect(cells.values).toEqual([["•  'quoted'"], ['•  2024'], ['']]);
    expect(cells.formats).toEqual([[TEXT_FORMAT], [TEXT_FORMAT], [TEXT_FORMAT]]);
  });

  test('the snapshot sheet keeps Sheets’ automatic format, so its text gets the apostrophe', () => {
    const row = snapshotRowValues({ id: 'a', label: '=1+1', savedAt: '2024', canvas: 'Xiaomi Canvas' }, '{}');
    expect(row.slice(0, 3)).toEqual(["'a", "'=1+1", "'2024"]);
  });
});
