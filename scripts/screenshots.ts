/**
 * npm run screenshots — the Marketplace screenshots (1280 × 800 PNG) of the add-on at work, taken in headless
 * Chromium from the local preview (the same one `npm start` serves) into marketplace/screenshots/.
 *
 * Deterministic: a fresh spreadsheet, the bundle's clock and random numbers fixed, the page's clock, time zone
 * and locale fixed, animations off, Debian's fonts. It finds its way through the page by the preview's tabs,
 * the sidebar frame and the names people read on buttons (roles), not by the sidebar's internal ids, so a
 * redesigned sidebar needs no change here as long as it keeps those words.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import type { FrameLocator, Page } from 'playwright-core';
import type { CanvasView } from '../src/core/view';
import { repoRoot } from './bundle-host';
import { launchChromium } from './chromium';
import { startPreview, type PreviewServer } from './preview/server';

export const SCREENSHOTS_DIR = join(repoRoot(), 'marketplace', 'screenshots');
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;
/** The moment every screenshot shows, on the server (snapshot times) and in the page. */
const FIXED_TIME = Date.UTC(2025, 2, 14, 9, 30, 0);

export const SCREENSHOT_FILES = [
  '01-canvas-with-sidebar.png',
  '02-editing-a-block.png',
  '03-key-figures-flags.png',
  '04-snapshot-compared.png',
  '05-numbers-sheet.png',
] as const;

/** The numbers sheet's screenshot also illustrates the README (docs/). */
export const NUMBERS_DOC_FILE = join(repoRoot(), 'docs', 'numbers-sheet.png');

/** Freezes Date and Math.random inside the bundle's global scope, so snapshot ids and times never vary. */
function freezeBundleClock(context: vm.Context): void {
  vm.runInContext(
    `(() => {
      const RealDate = Date;
      const fixed = ${FIXED_TIME};
      class FixedDate extends RealDate {
        constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
        static now() { return fixed; }
      }
      globalThis.Date = FixedDate;
      let seed = 42;
      Math.random = () => { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
    })()`,
    context,
  );
}

/** A canvas with a history: a snapshot, then a teammate's changes to one block, so Compare has something to say. */
function prepareSpreadsheet(preview: PreviewServer): void {
  const host = preview.session.host;
  freezeBundleClock(host.context);
  host.call('saveSnapshot', { label: 'Board review, March' });
  const block = host.call<CanvasView>('getCanvas').blocks.find((b) => b.id === 'value-propositions');
  if (!block) throw new Error('the canvas has no Value Propositions block');
  host.call('saveBlock', {
    blockId: block.id,
    version: block.version,
    entries: [...block.entries.slice(1), 'Smart cars join the phone and home ecosystem'],
    figures: block.figures,
  });
}

async function showTab(page: Page, name: string): Promise<void> {
  await page.locator('#tabs .tab', { hasText: new RegExp(`^${name}$`) }).click();
  await page.waitForFunction(
    (sheet) => document.querySelector('#grid-scroll table.grid')?.getAttribute('data-sheet') === sheet,
    name,
  );
}

/** Requests the page (and the sidebar frame) has sent and not yet seen answered. */
let inFlight = 0;

/** Waits until nothing moves: no request in flight for a while (redraws follow calls), fonts loaded, frames drawn. */
async function settle(page: Page): Promise<void> {
  for (let quietSince = Date.now(); Date.now() - quietSince < 400;) {
    await page.waitForTimeout(50);
    if (inFlight > 0) quietSince = Date.now();
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
}

async function shoot(page: Page, file: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, file), animations: 'disabled', caret: 'hide' });
  console.log(`marketplace/screenshots/${file}`);
}

async function main(): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'screenshots-'));
  const preview = await startPreview({
    port: 0,
    stateFile: join(dir, 'preview-state.json'),
    fresh: true,
    log: () => undefined,
  });
  const browser = await launchChromium();
  try {
    prepareSpreadsheet(preview);
    const context = await browser.newContext({
      viewport: SCREENSHOT_SIZE,
      deviceScaleFactor: 1,
      timezoneId: 'UTC',
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(FIXED_TIME);
    page.on('dialog', (dialog) => void dialog.dismiss());
    page.on('request', () => inFlight++);
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', () => inFlight--);
    await page.goto(preview.url);
    await page.waitForSelector('#grid-scroll table.grid');
    const sidebar: FrameLocator = page.frameLocator('#sidebar-frame');
    const button = (name: RegExp) => sidebar.getByRole('button', { name }).first();

    await button(/Key Activities/).waitFor();
    await shoot(page, SCREENSHOT_FILES[0]);

    await button(/Key Activities/).click();
    const field = sidebar.getByRole('textbox').first();
    await field.waitFor();
    await field.click();
    await field.press('Control+End'); // the end of the text, not of its first wrapped line
    await field.pressSequentially(' and retail partners');
    await shoot(page, SCREENSHOT_FILES[1]);

    await showTab(page, 'Key Figures');
    await settle(page);
    await page.locator('#grid-scroll td', { hasText: '⚠ Conflict' }).first().scrollIntoViewIfNeeded();
    await shoot(page, SCREENSHOT_FILES[2]);

    await showTab(page, 'Xiaomi Canvas');
    await button(/^(Back|Cancel|Discard)/).click();
    const discard = button(/Discard/);
    if (await discard.isVisible()) await discard.click();
    await button(/^Snapshots$/).click();
    await button(/Compare with current/).click();
    await sidebar
      .getByText(/Value Propositions/)
      .first()
      .waitFor();
    await settle(page);
    await shoot(page, SCREENSHOT_FILES[3]);

    // The numbers sheet, opened from the sidebar's Numbers entry, then the sidebar closed: the four charts two by two.
    // Back to the block list (compare → snapshots → list), then the Numbers entry.
    for (let i = 0; i < 3 && !(await button(/^Numbers/).isVisible()); i++) {
      await sidebar.locator('button.back').first().click();
      await settle(page);
    }
    await button(/^Numbers/).click();
    await page.waitForFunction(() => document.querySelectorAll('#grid-scroll .chart[data-drawn]').length === 4);
    await page.locator('#sidebar-close').click();
    await page.waitForFunction(() => document.querySelectorAll('#grid-scroll .chart[data-drawn]').length === 4);
    await shoot(page, SCREENSHOT_FILES[4]);
    copyFileSync(join(SCREENSHOTS_DIR, SCREENSHOT_FILES[4]), NUMBERS_DOC_FILE);
    console.log('docs/numbers-sheet.png');
    await context.close();
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (/screenshots\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(`screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
