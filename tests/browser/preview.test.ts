/**
 * The local preview (npm start, issue 4) in headless Chromium: the server starts on a free port with the
 * built dist/Code.js on the Sheets fake; the page shows the canvas with its 9 blocks; an entry saved in
 * the real sidebar changes the canvas cell; a figure typed into a cell of the details changes Key Figures;
 * the menu's question and toast reach the page. Screenshots for review: tests/output/preview-canvas.png
 * and tests/output/preview-key-figures.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Dialog, FrameLocator, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../scripts/preview/server';
import { BLOCK_TITLES } from '../../src/core/block-ids';
import type { CanvasView } from '../../src/core/view';
import { loadFakeGoogle } from '../../emulator';
import { launchChromium } from './launch';

const OUTPUT = join(__dirname, '../output');
const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const KEY_FIGURES = 'Key Figures';

let browser: Browser;
let preview: PreviewServer;
let page: Page;
let dir: string;
const pageErrors: string[] = [];
const dialogs: string[] = [];
let dialogAnswers: boolean[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'preview-browser-'));
  preview = await startPreview({
    port: 0,
    stateFile: join(dir, 'preview-state.json'),
    fresh: true,
    log: () => undefined,
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    const yes = dialogAnswers.shift() ?? false;
    void (yes ? dialog.accept() : dialog.dismiss());
  });
  await page.goto(preview.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sidebar = (): FrameLocator => page.frameLocator('#sidebar-frame');

/** Display text of a grid cell (what the sheet shows). */
function cellText(a1: string): Promise<string> {
  return page.locator(`#grid-scroll td[data-a1="${a1}"]`).innerText();
}

async function waitForCellText(a1: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([cell, expected]) => document.querySelector(`#grid-scroll td[data-a1="${cell}"]`)?.textContent === expected,
    [a1, text] as const,
    { timeout: 15_000 },
  );
}

async function showTab(name: string): Promise<void> {
  await page.locator('#tabs .tab', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }).click();
  await page.waitForFunction(
    (sheet) => document.querySelector('#grid-scroll table.grid')?.getAttribute('data-sheet') === sheet,
    name,
  );
}

test('the numbers sheet draws its four charts with ECharts, from the chart specifications the add-on inserted', async () => {
  await page.waitForSelector('#grid-scroll table.grid');
  await showTab('Xiaomi in Numbers');
  await page.waitForFunction(() => document.querySelectorAll('#grid-scroll .chart[data-drawn] svg').length === 4);
  const charts = page.locator('#grid-scroll .chart');
  expect(await charts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
    'Revenue by segment per quarter',
    'The template’s figures against Xiaomi’s reported ones',
    'EV deliveries per quarter',
    'Smartphone shipments per quarter',
  ]);
  // Each chart is drawn (an SVG with its title and bars), where Sheets anchors it, none overlapping another.
  const drawn = await charts.evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      return {
        texts: Array.from(el.querySelectorAll('svg text')).map((t) => t.textContent ?? ''),
        title: el.getAttribute('aria-label') ?? '',
        bars: el.querySelectorAll('svg path').length,
        box: { x: box.x, y: box.y, right: box.right, bottom: box.bottom },
      };
    }),
  );
  for (const chart of drawn) {
    expect(chart.bars).toBeGreaterThan(5);
    expect(chart.texts).toContain(chart.title);
  }
  for (let i = 0; i < drawn.length; i++)
    for (let j = i + 1; j < drawn.length; j++) {
      const [a, b] = [drawn[i].box, drawn[j].box];
      expect(a.right <= b.x || b.right <= a.x || a.bottom <= b.y || b.bottom <= a.y).toBe(true);
    }
  // The options come from the add-on's chart: the segments chart is stacked with the canvas palette.
  const option = JSON.parse((await charts.first().getAttribute('data-option')) ?? '{}') as {
    series: Array<{ stack?: string; data: Array<number | null> }>;
    color: string[];
  };
  expect(option.series).toHaveLength(4);
  expect(option.series.every((s) => s.stack === 'total')).toBe(true);
  expect(option.series[3].data[0]).toBeNull(); // no EV segment before Q2 2024: an empty point, not a zero
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'preview-numbers.png') });
  await showTab(CANVAS);
  expect(pageErrors).toEqual([]);
});

test('the canvas tab looks like the sheet: 9 designed blocks, no gridlines, the real sidebar beside it', async () => {
  await page.waitForSelector('#grid-scroll table.grid');
  expect(await page.locator('#tabs .tab').allTextContents()).toEqual([
    'Sheet1',
    CANVAS,
    DETAILS,
    KEY_FIGURES,
    'Reported Results',
    'Xiaomi in Numbers',
    'Assumptions',
  ]);
  expect(await page.locator('#tabs .tab.active').textContent()).toBe(CANVAS);
  expect(await page.locator('table.grid').getAttribute('class')).toContain('no-gridlines');

  const texts = await page.locator('#grid-scroll td .v').allTextContents();
  for (const title of Object.values(BLOCK_TITLES)) expect(texts).toContain(title);
  // Titles are drawn with their sheet format: bold on the accent tint, framed by the block's rule.
  const kp = page.locator('#grid-scroll td', { has: page.locator('.v', { hasText: /^Key Partners$/ }) });
  const style = await kp.evaluate((td) => {
    const cs = getComputedStyle(td);
    const v = getComputedStyle(td.querySelector('.v') as Element);
    return {
      bg: cs.backgroundColor,
      left: cs.borderLeftWidth,
      weight: v.fontWeight,
      colspan: (td as HTMLTableCellElement).colSpan,
    };
  });
  // The top band needs no merges: the title sits in the block's wide entry column, its marker column beside it.
  expect(style).toMatchObject({ bg: 'rgb(255, 244, 236)', left: '2px', weight: '700', colspan: 1 });
  // Column A (the add-on's markers) is hidden, as in the sheet.
  expect(await page.locator('#grid-scroll td[data-a1="A1"]').count()).toBe(0);

  await sidebar().locator('button.block-item').first().waitFor();
  expect(await sidebar().locator('button.block-item').count()).toBe(9);
  await expect(
    sidebar()
      .getByRole('button', { name: /^Numbers/ })
      .count(),
  ).resolves.toBe(1);
  expect(await page.locator('#sidebar-pane').boundingBox()).toMatchObject({ width: 300 });
});

test('saving an entry in the sidebar changes the canvas cell on the page (and the saved state)', async () => {
  const view = preview.session.host.call<CanvasView>('getCanvas');
  const original = view.blocks.find((b) => b.id === 'key-activities')?.entries[0] as string;
  // The entry's bullet is part of the cell's text (src/core/entry-text.ts).
  const a1 = (await page.locator(`#grid-scroll td[data-input="•  ${original}"]`).getAttribute('data-a1')) as string;
  expect(a1).toMatch(/^D\d+$/);

  await sidebar().locator('#open-key-activities').click();
  await sidebar().getByLabel('Entry 1', { exact: true }).waitFor();
  // Opening the block selects it on the sheet; the page follows the add-on's selection.
  await page.waitForSelector('#grid-scroll td.in-range');

  const entry = 'Chip & phone design <b>in-house</b>';
  await sidebar().getByLabel('Entry 1', { exact: true }).fill(entry);
  await sidebar().locator('#save').click();
  await waitForCellText(a1, `•  ${entry}`);
  expect(await cellText(a1)).toBe(`•  ${entry}`);
  expect(await page.locator('#grid-scroll td b').count()).toBe(0); // shown as text, never as markup

  const saved = loadFakeGoogle(readFileSync(preview.stateFile, 'utf8'));
  expect(saved.direct.evaluate(CANVAS, a1)).toBe(`•  ${entry}`);

  // Back to the block list (its counts come from the sheet) for the screenshot.
  await sidebar().locator('#back').click();
  await sidebar().locator('#open-key-activities').waitFor();
  await page.locator('#grid-scroll').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: join(OUTPUT, 'preview-canvas.png') });
});

test('typing a figure value into a cell of the details changes Key Figures', async () => {
  const { fake } = preview.session;
  const values = fake.direct.values(KEY_FIGURES);
  const index = values.findIndex((r) => r[3] === 'CNY bn');
  const row = index + 1;
  const target = /^='Xiaomi Details'!(G\d+)$/.exec(fake.direct.formulas(KEY_FIGURES)[index][2])?.[1] as string;
  expect(target).toBeDefined();

  await showTab(DETAILS);
  await page.locator(`#grid-scroll td[data-a1="${target}"]`).click();
  expect(await page.locator('#name-box').inputValue()).toBe(target);
  await page.keyboard.type('100');
  expect(await page.locator('textarea.cell-editor').inputValue()).toBe('100');
  await page.keyboard.press('Enter');
  await waitForCellText(target, '100.0');

  await showTab(KEY_FIGURES);
  expect(await cellText(`C${row}`)).toBe('100.0');
  expect(await cellText(`G${row}`)).toBe('14.000'); // 100 CNY bn × 0.14
  expect(fake.direct.evaluate(KEY_FIGURES, `G${row}`)).toBeCloseTo(14, 10);

  // The rate is a cell too: a teammate changes it and the USD column follows.
  await page.locator('#grid-scroll td[data-a1="B1"]').dblclick();
  await page.locator('textarea.cell-editor').fill('0.2');
  await page.keyboard.press('Enter');
  await waitForCellText(`G${row}`, '20.000');

  // Scrolled far right, the settings, the header's labels and the row labels stay in view over the scrolled
  // cells, as in Sheets (the frozen corner is painted on top).
  const grid = page.locator('#grid-scroll');
  await grid.evaluate((el) => (el.scrollLeft = 900));
  for (const a1 of ['A1', 'B1', 'A2', 'A4', 'B4', `B${row}`]) {
    const inView = await page.locator(`#grid-scroll td[data-a1="${a1}"]`).evaluate((td) => {
      const box = td.getBoundingClientRect();
      return td.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect([a1, inView]).toEqual([a1, true]);
  }
  await grid.evaluate((el) => (el.scrollLeft = 0));
  await page.locator(`#grid-scroll td[data-a1="C${row}"]`).click();
  await page.screenshot({ path: join(OUTPUT, 'preview-key-figures.png') });

  // The sidebar sees the direct edit when it refreshes.
  const block = preview.session.host
    .call<CanvasView>('getCanvas')
    .blocks.find((b) => b.figures.some((f) => f.value === 100 && f.unit === 'CNY bn'));
  expect(block).toBeDefined();
  await sidebar().locator('#refresh').click();
  await sidebar().locator(`#open-${block?.id}`).click();
  // Figures are one-line rows: "label · 100 CNY bn · period".
  const shown = await sidebar().locator('.figure-value').allTextContents();
  expect(shown).toContainEqual(expect.stringMatching(/^100 CNY bn/));
  await sidebar().locator('#back').click();
});

test('the menu: Refresh Key Figures shows its toast; Insert asks first — No changes nothing, Yes adds a copy', async () => {
  await page.locator('.addon-bar button', { hasText: 'Refresh Key Figures' }).click();
  await page.waitForSelector('#toast:not([hidden])');
  expect(await page.locator('#toast').innerText()).toMatch(/Key Figures is linked/);

  const before = readFileSync(preview.stateFile, 'utf8');
  dialogAnswers = [false];
  await page.locator('.addon-bar button', { hasText: 'Insert Xiaomi canvas' }).click();
  await page.waitForFunction(() => document.querySelector('#save-status')?.textContent === 'All changes saved');
  expect(dialogs.at(-1)).toMatch(/^confirm: This spreadsheet already has a Xiaomi canvas/);
  expect(readFileSync(preview.stateFile, 'utf8')).toBe(before);
  // Sheet1 and the canvas's six sheets (Assumptions included)
  expect(await page.locator('#tabs .tab').count()).toBe(7);

  dialogAnswers = [true];
  await page.locator('.addon-bar button', { hasText: 'Insert Xiaomi canvas' }).click();
  await page.waitForFunction(() => document.querySelector('#tabs .tab.active')?.textContent === 'Xiaomi Canvas (2)');
  expect(await page.locator('#tabs .tab').allTextContents()).toEqual([
    'Sheet1',
    CANVAS,
    DETAILS,
    KEY_FIGURES,
    'Reported Results',
    'Xiaomi in Numbers',
    'Assumptions',
    'Xiaomi Canvas (2)',
    'Xiaomi Details (2)',
    'Key Figures (2)',
    'Reported Results (2)',
    'Xiaomi in Numbers (2)',
    'Assumptions (2)',
  ]);
  expect(pageErrors).toEqual([]);
});
