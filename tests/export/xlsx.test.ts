/**
 * npm run export (issue 4): the built bundle's "Insert Xiaomi canvas" on the Sheets fake, written as an
 * .xlsx with exceljs and read back with exceljs. Every cell of every sheet is compared with the fake's read
 * model: values, formulas (no leading '=', computed value cached), number formats, fonts, fills, borders,
 * alignment and wrapping; then merges, widths, heights, hidden columns, frozen panes, gridlines, named
 * ranges and the canvas's print setup.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBuiltBundle } from '../../scripts/bundle-host';
import { exportCanvas, insertedCanvas } from '../../scripts/xlsx/export-canvas';
import { alignment, argb, columnWidthChars, numberFormat, pointsFromPixels } from '../../scripts/xlsx/convert';
import { estimateAutoRowHeights } from '../../scripts/xlsx/row-heights';
import { buildWorkbook, workbookBuffer } from '../../scripts/xlsx/workbook';
import { BLOCK_TITLES } from '../../src/core/block-ids';
import type { BlockView, CanvasView } from '../../src/core/view';
import type { FakeGoogle, ReadCell, ReadModel } from '../../emulator';

const ROOT = resolve(__dirname, '../..');
const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const KEY_FIGURES = 'Key Figures';
const REPORTED = 'Reported Results';
const NUMBERS = 'Xiaomi in Numbers';
const ASSUMPTIONS = 'Assumptions';
const BORDER_STYLES: Record<string, string> = {
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DOTTED: 'dotted',
  DASHED: 'dashed',
  DOUBLE: 'double',
};

let dir: string;
let fake: FakeGoogle;
let model: ReadModel;
let wb: ExcelJS.Workbook;
let file: string;

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-export-'));
  file = join(dir, 'xiaomi-canvas.xlsx');
  const result = await exportCanvas({ out: file });
  fake = result.fake;
  model = fake.model();
  wb = await readBack(file);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function modelSheet(name: string) {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no model sheet ${name}`);
  return s;
}

/** exceljs's cached formula result as a plain scalar ('' when the reader stored none). */
/** The cached result of a formula cell (`cell.result`: exceljs' `cell.value` drops a result of 0). */
function cachedResult(cell: ExcelJS.Cell): unknown {
  const result = cell.result as unknown;
  return result === undefined || result === null ? '' : result;
}

describe('the workbook', () => {
  test('has the add-on sheets in order, the canvas active', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([CANVAS, DETAILS, KEY_FIGURES, REPORTED, NUMBERS, ASSUMPTIONS]);
    expect(model.sheets.map((s) => s.name)).toEqual([CANVAS, DETAILS, KEY_FIGURES, REPORTED, NUMBERS, ASSUMPTIONS]);
    expect(wb.views[0].activeTab).toBe(0);
    expect(wb.calcProperties.fullCalcOnLoad).toBeUndefined(); // exceljs does not read it back; checked in the XML below
  });

  test('the numbers sheet keeps its tables as formulas and holds an image of each chart where Sheets anchors it', () => {
    const ws = sheet(NUMBERS);
    const charts = modelSheet(NUMBERS).charts;
    expect(charts).toHaveLength(4);
    const images = ws.getImages();
    expect(images).toHaveLength(4);
    images.forEach((image, i) => {
      const chart = charts[i];
      expect(Math.floor(image.range.tl.nativeCol)).toBe(chart.anchorColumn - 1);
      expect(Math.floor(image.range.tl.nativeRow)).toBe(chart.anchorRow - 1);
      const media = wb.getImage(Number(image.imageId));
      const bytes = Buffer.from(media.buffer as unknown as Uint8Array);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      // rendered at twice the chart's width in pixels
      expect(bytes.readUInt32BE(16)).toBe(Number(chart.options.width) * 2);
    });
    expect(ws.getCell('B32').formula).toMatch(/^IF\(/);
  });

  test('every cell keeps its value, or its formula with the computed value cached', () => {
    let formulas = 0;
    let values = 0;
    for (const s of model.sheets) {
      const ws = sheet(s.name);
      for (const c of s.cells) {
        const cell = ws.getCell(c.row, c.column);
        if (c.formula) {
          formulas++;
          expect(cell.type).toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBe(c.formula.slice(1));
          expect(cell.formula.startsWith('=')).toBe(false);
          if (typeof c.computed === 'number') expect(cachedResult(cell)).toBeCloseTo(c.computed, 12);
          else expect(cachedResult(cell)).toEqual(c.computed);
        } else if (c.value !== '' && !cell.isMerged) {
          values++;
          if (c.value instanceof Date) expect((cell.value as Date).getTime()).toBe(c.value.getTime());
          else if (c.runs?.length) {
            // rich text (the segment numbers beside entries): the same text, each styled run in its colour
            const rich = (cell.value as ExcelJS.CellRichTextValue).richText;
            expect(rich.map((r) => r.text).join('')).toBe(c.value);
            for (const run of c.runs) {
              const part = rich.find((r) => r.text === String(c.value).slice(run.start, run.end));
              expect(part?.font?.color?.argb).toBe(argb(run.foregroundColor ?? c.format.fontColor));
            }
          } else expect(cell.value).toEqual(c.value);
        } else if (c.value === '') {
          expect(cell.value === null || cell.type === ExcelJS.ValueType.Merge).toBe(true);
        }
      }
    }
    expect(formulas).toBeGreaterThan(500); // Key Figures: ~9 formulas per figure
    expect(values).toBeGreaterThan(500);
  });

  test('texts: the canvas titles, questions and entries, the details and Key Figures headers', () => {
    const canvas = sheet(CANVAS);
    const texts = new Set<string>();
    canvas.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.add(cell.value))));
    for (const title of Object.values(BLOCK_TITLES)) expect(texts).toContain(title);
    expect(texts).toContain('Xiaomi Business Model Canvas');
    const view = loadBuiltBundle(fake).call<CanvasView>('getCanvas');
    for (const block of view.blocks) for (const entry of block.entries) expect(texts).toContain(`•  ${entry}`);
    // Entries are plain text that carries its bullet (no "•  "@ format, whose input handling is undocumented).
    const first = `•  ${view.blocks[0].entries[0]}`;
    let bulletCell: ExcelJS.Cell | undefined;
    canvas.eachRow((row) => row.eachCell((cell) => void (cell.value === first && (bulletCell = cell))));
    expect(bulletCell?.numFmt).toBe('@');
    // Evidence (issue 19): the legend beside the title and each marker's symbol, coloured, as Excel rich text
    const legend = (canvas.getCell('F1').value as ExcelJS.CellRichTextValue).richText;
    expect(legend.map((r) => r.text).join('')).toBe('✓ reported by Xiaomi ✗ contradicted ◆ template ? team assumption');
    expect(legend.find((r) => r.text === '✓')?.font?.color?.argb).toBe('FF137333');
    const symbols = new Set<string>();
    canvas.eachRow((row) =>
      row.eachCell((cell) => {
        const rich = (cell.value as ExcelJS.CellRichTextValue | null)?.richText;
        if (rich && cell.address !== 'F1' && /^[✓✗◆?]$/.test(rich[0].text)) symbols.add(rich[0].text);
      }),
    );
    expect([...symbols].sort()).toEqual(['◆', '✓']);

    const header = sheet(KEY_FIGURES).getRow(4).values as unknown[];
    expect(header.slice(1, 11)).toEqual([
      'Block',
      'Figure',
      'Value',
      'Unit',
      'Period',
      'Note',
      'USD bn',
      'Conflict',
      'Metric',
      'Compared',
    ]);
    expect(sheet(KEY_FIGURES).getCell('A1').value).toBe('CNY to USD rate');
    expect(sheet(KEY_FIGURES).getCell('B1').value).toBe(0.14);
    expect(sheet(KEY_FIGURES).getCell('B1').note).toBeTruthy();
  });

  test('Key Figures formulas link to the details and carry numbers; only functions all three spreadsheets share are used', () => {
    const kf = sheet(KEY_FIGURES);
    const value = kf.getCell('C5');
    expect(value.formula).toMatch(/^'Xiaomi Details'!G\d+$/);
    expect(typeof cachedResult(value)).toBe('number');
    const used = new Set<string>();
    for (const s of wb.worksheets) {
      s.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          for (const m of cell.formula.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
        }),
      );
    }
    // COUNTIFS/SUMIFS: the numbers sheet's lookups (exact keys and periods, no wildcard or operator characters);
    // LEFT/TRIM: Reported check reads a lower bound ("over …") from the figure's note; LEFT/TRIM/MID/LEN: the
    // Assumptions list reads each entry without its bullet, and its status from the symbol beside it; ISTEXT:
    // Reported Results' Row check asks whether a row's unit is text
    expect([...used].sort()).toEqual([
      'ABS',
      'AND',
      'COUNTIFS',
      'IF',
      'ISNUMBER',
      'ISTEXT',
      'LEFT',
      'LEN',
      'MID',
      'NOT',
      'OR',
      'SUMIFS',
      'SUMPRODUCT',
      'TRIM',
    ]);
    // The conflicts the source text contains are flagged in the cached values.
    let conflicts = 0;
    for (let r = 5; r <= kf.rowCount; r++) if (cachedResult(kf.getCell(`H${r}`)) === '⚠ Conflict') conflicts++;
    const expected = modelSheet(KEY_FIGURES).cells.filter(
      (c) => c.column === 8 && c.row > 4 && c.computed === '⚠ Conflict',
    ).length;
    expect(conflicts).toBe(expected);
    expect(conflicts).toBeGreaterThan(0);
  });

  test('fonts, fills, borders, alignment, wrapping and number formats match every cell', () => {
    const check = (c: ReadCell, cell: ExcelJS.Cell) => {
      const f = c.format;
      expect(cell.font.name).toBe(f.fontFamily);
      expect(cell.font.size).toBe(f.fontSize);
      expect(cell.font.color?.argb).toBe(argb(f.fontColor));
      expect(!!cell.font.bold).toBe(f.fontWeight === 'bold');
      expect(!!cell.font.italic).toBe(f.fontStyle === 'italic');
      if (f.background === '#ffffff')
        expect(cell.fill === undefined || (cell.fill as ExcelJS.FillPattern).pattern === 'none').toBe(true);
      else
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.background) } });
      for (const side of ['top', 'left', 'bottom', 'right'] as const) {
        const b = f.borders[side];
        const got = cell.border?.[side];
        if (!b) expect(got?.style).toBeUndefined();
        else expect(got).toMatchObject({ style: BORDER_STYLES[b.style], color: { argb: argb(b.color) } });
      }
      const al = alignment(f) ?? {};
      expect(cell.alignment?.horizontal).toBe(al.horizontal);
      expect(cell.alignment?.vertical).toBe(al.vertical);
      expect(!!cell.alignment?.wrapText).toBe(f.wrapStrategy === 'WRAP');
      expect(cell.numFmt || undefined).toBe(numberFormat(f.numberFormat));
    };
    let checked = 0;
    for (const s of model.sheets) {
      const ws = sheet(s.name);
      for (const c of s.cells) {
        check(c, ws.getCell(c.row, c.column));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    // Spot checks of the design: the canvas title in Xiaomi orange darkened for contrast, block titles bold on the
    // tint, thick block rules.
    const title = sheet(CANVAS).getCell('B1');
    expect(title.font).toMatchObject({ bold: true, size: 18, color: { argb: 'FFC43E00' } });
    const kp = sheet(CANVAS).getCell('B4');
    expect(kp.value).toBe('Key Partners');
    expect(kp.fill).toMatchObject({ fgColor: { argb: 'FFFFF4EC' } });
    expect(kp.border?.left?.style).toBe('medium');
  });

  test('merges, column widths, hidden columns, row heights, frozen panes and gridlines', () => {
    for (const s of model.sheets) {
      const ws = sheet(s.name);
      expect([...ws.model.merges].sort()).toEqual(s.merges.map((m) => m.a1).sort());
      for (let c = 1; c <= s.lastColumn; c++) {
        expect(ws.getColumn(c).width).toBeCloseTo(columnWidthChars(s.columnWidths[c - 1]), 2);
        expect(!!ws.getColumn(c).hidden).toBe(s.hiddenColumns.includes(c));
      }
      const estimated = estimateAutoRowHeights(s);
      for (let r = 1; r <= s.lastRow; r++) {
        const explicit = s.rowHeights[r - 1];
        const px = explicit ?? estimated.get(r);
        if (px === undefined) expect(ws.getRow(r).height).toBeUndefined();
        else expect(ws.getRow(r).height).toBeCloseTo(pointsFromPixels(px), 2);
      }
      const view = ws.views[0];
      expect(view.showGridLines).toBe(!s.gridlinesHidden);
      if (s.frozenRows) expect(view).toMatchObject({ state: 'frozen', ySplit: s.frozenRows });
    }
    expect(sheet(CANVAS).getColumn(1).hidden).toBe(true);
    expect(sheet(CANVAS).views[0].showGridLines).toBe(false);
    expect(sheet(KEY_FIGURES).views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    // Wrapped detail paragraphs get room for their lines (Excel does not re-fit rows on open).
    const details = modelSheet(DETAILS);
    const tallest = Math.max(...[...estimateAutoRowHeights(details).values()]);
    expect(tallest).toBeGreaterThan(60);
  });

  test('named ranges become defined names with the same areas', () => {
    const names = new Map(
      (wb.definedNames.model as Array<{ name: string; ranges: string[] }>).map((d) => [d.name, d.ranges]),
    );
    expect(model.namedRanges.length).toBeGreaterThanOrEqual(21);
    for (const n of model.namedRanges) {
      const [c1, c2] = n.a1.split(':');
      const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
      const area = c2 ? `${abs(c1)}:${abs(c2)}` : abs(c1);
      expect(names.get(n.name)).toEqual([`'${n.sheet}'!${area}`]);
    }
    expect(names.get('XiaomiCanvas_Rate')).toEqual(["'Key Figures'!$B$1"]);
    expect(names.get('XiaomiCanvas_KeyPartners')?.[0]).toMatch(/^'Xiaomi Canvas'!\$B\$\d+:\$C\$\d+$/);
  });

  test('the canvas sheet prints landscape on one page without gridlines; the others fit their width', () => {
    const canvas = sheet(CANVAS).pageSetup;
    expect(canvas).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
    });
    expect(canvas.printArea).toMatch(/^B1:K\d+$/);
    expect(sheet(CANVAS).views[0].showGridLines).toBe(false);
    expect(sheet(KEY_FIGURES).pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet(DETAILS).pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  test('the file asks readers to recalculate on open', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await workbookBuffer(model));
    const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe('text stays text', () => {
  test('entries that look like formulas, numbers or HTML are written as strings, never formulas', async () => {
    const local = insertedCanvas();
    const host = loadBuiltBundle(local);
    const block = host.call<CanvasView>('getCanvas').blocks.find((b) => b.id === 'channels') as BlockView;
    const tricky = ['=IMPORTXML("http://evil.example","//a")', '+1', '2024', '<b>bold</b> & "quotes"', '@SUM(A1)'];
    host.call('saveBlock', { blockId: block.id, version: block.version, entries: tricky, figures: block.figures });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBuffer(local.model())) as unknown as ExcelJS.Buffer);
    const found: unknown[] = [];
    book.getWorksheet(CANVAS)?.eachRow((row) =>
      row.eachCell((cell) => {
        const text = typeof cell.value === 'object' ? '' : String(cell.value).replace(/^• {2}/, '');
        if (cell.type !== ExcelJS.ValueType.Merge && tricky.includes(text)) {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          found.push(text);
        }
      }),
    );
    expect(found.sort()).toEqual([...tricky].sort());
  });

  test('buildWorkbook without cached values writes bare formulas (for readers that must compute)', () => {
    const book = buildWorkbook(model, { cacheValues: false });
    const c5 = book.getWorksheet(KEY_FIGURES)?.getCell('C5').value as ExcelJS.CellFormulaValue;
    expect(c5.formula).toMatch(/^'Xiaomi Details'!G\d+$/);
    expect(c5.result).toBeUndefined();
  });
});

describe('npm run export', () => {
  test('the command writes the workbook where --out says and reports it', () => {
    const out = join(dir, 'cli', 'canvas.xlsx');
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/export.ts', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('canvas.xlsx');
    expect(run.stdout).toContain('Xiaomi Canvas, Xiaomi Details, Key Figures');
    expect(existsSync(out)).toBe(true);
  });

  test('--from-state exports a saved preview spreadsheet', async () => {
    const saved = insertedCanvas();
    saved.direct.setCell(KEY_FIGURES, 'B1', '0.5');
    const state = join(dir, 'state.json');
    writeFileSync(state, JSON.stringify(saved.toJSON()));
    const out = join(dir, 'from-state.xlsx');
    const result = await exportCanvas({ out, fromState: state });
    expect(result.sheets).toEqual([CANVAS, DETAILS, KEY_FIGURES, REPORTED, NUMBERS, ASSUMPTIONS]);
    const book = await readBack(out);
    expect(book.getWorksheet(KEY_FIGURES)?.getCell('B1').value).toBe(0.5);
  });

  test('an unknown option fails with the usage', () => {
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/export.ts', '--bogus'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown option --bogus');
    expect(run.stderr).toContain('usage: npm run export');
  });
});
