/**
 * The exported workbook in a real spreadsheet program: LibreOffice (headless `soffice`, installed in CI as
 * libreoffice-calc) opens it, computes the formulas itself and saves the result, which is read back with
 * exceljs. Key Figures must come out with the same values the add-on's formulas give in Sheets (the fake's
 * evaluator) — also after a teammate changed the rate and a figure, with no cached values in the file, so
 * every number is LibreOffice's own calculation. Skipped, with the reason logged, when soffice is missing.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { insertedCanvas } from '../../scripts/xlsx/export-canvas';
import { writeWorkbookFile } from '../../scripts/xlsx/workbook';
import { BLOCK_TITLES } from '../../src/core/block-ids';
import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import type { CellScalar, FakeGoogle } from '../../emulator';

function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE, 'soffice', 'libreoffice'].filter(Boolean) as string[];
  for (const c of candidates) {
    const probe = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.status === 0) return c;
  }
  return null;
}

const SOFFICE = findSoffice();
const maybe = SOFFICE ? test : test.skip;
if (!SOFFICE) {
  console.warn(
    'LibreOffice round trip skipped: no `soffice` on PATH (apt-get install -y libreoffice-calc, as .ci/run does).',
  );
}

const KEY_FIGURES = 'Key Figures';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Converts with LibreOffice into dir/out-<n>/ and returns the converted file. */
function convert(input: string, to: 'xlsx' | 'csv', name: string): string {
  const outdir = join(dir, `lo-${name}`);
  mkdirSync(outdir, { recursive: true });
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const run = spawnSync(
    SOFFICE as string,
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, input],
    {
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  const out = join(outdir, input.replace(/^.*[\\/]/, '').replace(/\.xlsx$/, `.${to}`));
  if (run.status !== 0 || !existsSync(out))
    throw new Error(`soffice failed (${run.status}): ${run.stderr}\n${run.stdout}`);
  return out;
}

function plain(value: ExcelJS.CellValue): CellScalar | null {
  if (value && typeof value === 'object' && 'formula' in value) {
    const r = (value as ExcelJS.CellFormulaValue).result;
    return r === undefined || r === null ? '' : (r as CellScalar);
  }
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return value === null || value === undefined ? '' : (value as CellScalar);
}

/** A cell's value, or a formula's result (`cell.result`: exceljs' `cell.value` drops a result of 0). */
function computed(cell: ExcelJS.Cell): CellScalar | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return plain(cell.value);
  const result = cell.result as unknown;
  return result === undefined || result === null ? '' : (result as CellScalar);
}

/**
 * Key Figures A..M of every figure row as LibreOffice computed it, next to what the fake computes: the links,
 * USD bn and Conflict, and the Reported, Vs reported and Reported check columns that look up Reported Results.
 */
async function compareKeyFigures(fake: FakeGoogle, converted: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(converted);
  const ws = book.getWorksheet(KEY_FIGURES);
  if (!ws) throw new Error('LibreOffice output has no Key Figures sheet');
  const expected = fake.direct.values(KEY_FIGURES);
  let compared = 0;
  for (let r = FIRST_FIGURE_ROW; r <= expected.length; r++) {
    for (let c = 1; c <= 13; c++) {
      const want = expected[r - 1][c - 1];
      const got = computed(ws.getCell(r, c));
      const where = `${KEY_FIGURES}!${String.fromCharCode(64 + c)}${r}`;
      if (typeof want === 'number') {
        expect([where, typeof got]).toEqual([where, 'number']);
        expect(got as number).toBeCloseTo(want, 9);
      } else {
        expect([where, got]).toEqual([where, want]);
      }
      compared++;
    }
  }
  return compared;
}

maybe(
  'LibreOffice opens the export and shows the canvas; its Key Figures match the add-on',
  async () => {
    const fake = insertedCanvas();
    const file = join(dir, 'xiaomi-canvas.xlsx');
    await writeWorkbookFile(fake.model(), file);

    const csv = readFileSync(convert(file, 'csv', 'csv'), 'utf8'); // the first (active) sheet: the canvas
    for (const title of Object.values(BLOCK_TITLES)) expect(csv).toContain(title);
    expect(csv).toContain('Xiaomi Business Model Canvas');

    const compared = await compareKeyFigures(fake, convert(file, 'xlsx', 'cached'));
    expect(compared).toBeGreaterThan(500);
  },
  300_000,
);

maybe(
  'LibreOffice recalculates Key Figures itself: new rate and a changed figure, no cached values in the file',
  async () => {
    const fake = insertedCanvas();
    // A teammate's edits in Sheets: another exchange rate, and a CNY figure changed where it lives.
    fake.direct.setCell(KEY_FIGURES, 'B1', '0.2');
    const values = fake.direct.values(KEY_FIGURES);
    const formulas = fake.direct.formulas(KEY_FIGURES);
    // a CNY figure that Xiaomi reported too (so LibreOffice has a Reported value to compare it with)
    const row = values.findIndex((r) => r[3] === 'CNY bn' && typeof r[10] === 'number');
    const target = /^='Xiaomi Details'!(G\d+)$/.exec(formulas[row][2])?.[1] as string;
    fake.direct.setCell('Xiaomi Details', target, '123.4');
    expect(fake.direct.evaluate(KEY_FIGURES, `G${row + 1}`)).toBeCloseTo(24.68, 9);

    const file = join(dir, 'uncached.xlsx');
    await writeWorkbookFile(fake.model(), file, { cacheValues: false });
    const converted = convert(file, 'xlsx', 'uncached');
    expect(await compareKeyFigures(fake, converted)).toBeGreaterThan(500);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(converted);
    const conflicts = (book.getWorksheet(KEY_FIGURES) as ExcelJS.Worksheet)
      .getColumn(8)
      .values.filter((v) => plain(v) === '⚠ Conflict').length;
    expect(conflicts).toBeGreaterThan(0);
    // the changed figure is compared with Xiaomi's reported value, converted and flagged by LibreOffice itself
    const ws = book.getWorksheet(KEY_FIGURES) as ExcelJS.Worksheet;
    const reported = computed(ws.getCell(row + 1, 11)) as number;
    expect(reported).toBeGreaterThan(0);
    expect(computed(ws.getCell(row + 1, 12)) as number).toBeCloseTo(123.4 / reported - 1, 9);
    expect(computed(ws.getCell(row + 1, 13))).toBe('⚠ Differs from reported');
    // The numbers sheet's tables are recalculated by LibreOffice too: every number the charts draw matches.
    const numbers = book.getWorksheet('Xiaomi in Numbers') as ExcelJS.Worksheet;
    let charted = 0;
    fake.direct.values('Xiaomi in Numbers').forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (typeof v !== 'number') return;
        charted++;
        expect([r + 1, c + 1, computed(numbers.getCell(r + 1, c + 1))]).toEqual([r + 1, c + 1, expect.closeTo(v, 6)]);
      }),
    );
    expect(charted).toBeGreaterThan(60);
    const usdRow = values.findIndex((r) => r[1] === 'Total revenue' && r[3] === 'USD bn' && r[4] === '2024');
    expect(computed(ws.getCell(usdRow + 1, 11)) as number).toBeCloseTo(365.9064 * 0.2, 9);
  },
  300_000,
);
