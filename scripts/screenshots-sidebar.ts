/**
 * npm run screenshots:sidebar — regenerates docs/sidebar/*.png, one image per sidebar view, from the local
 * preview (the built dist/Code.js on the in-memory spreadsheet) in headless Chromium at 300 × 700.
 *
 * The images are deterministic: a fresh canvas in a temporary state file, the browser's clock fixed, the
 * UTC time zone and the en-US locale, and the times the server stamps on snapshots pinned to that clock.
 * One failure is simulated (the preview answers one save with a Google service error) to show the error state.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { a1 } from '../src/core/a1';
import type { CanvasView } from '../src/core/view';
import { launchChromium } from './chromium';
import { startPreview } from './preview/server';

const OUT = resolve('docs/sidebar');
const NOW = new Date('2025-06-30T09:30:00.000Z');
const FAILURE = 'Google Sheets did not respond; nothing was saved and your edits are still here. Try Save again.';

/** Every `savedAt` (and a canvas file's `exportedAt`) in a server answer, pinned to the fixed clock (so the images do not change with the day). */
function pinTimes(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/("exportedAt":\s*)"[^"]*"/, `$1"${NOW.toISOString()}"`);
  if (Array.isArray(value)) return value.map(pinTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'savedAt' ? NOW.toISOString() : pinTimes(v)]),
    );
  }
  return value;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'sidebar-shots-'));
  const preview = await startPreview({ port: 0, fresh: true, stateFile: join(dir, 'state.json'), log: () => {} });
  const browser = await launchChromium();
  let failNextSave = false;
  try {
    const context = await browser.newContext({
      viewport: { width: 300, height: 700 },
      deviceScaleFactor: 1,
      timezoneId: 'UTC',
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.route('**/api/run', async (route) => {
      const request = JSON.parse(route.request().postData() ?? '{}') as { fn?: string };
      if (request.fn === 'saveBlock' && failNextSave) {
        failNextSave = false;
        await route.fulfill({ json: { ok: false, error: FAILURE, changed: false } });
        return;
      }
      const response = await route.fetch();
      await route.fulfill({ response, json: pinTimes(await response.json()) });
    });
    await page.goto(`${preview.url}sidebar`);
    await page.waitForSelector('#list-title');

    const shot = async (name: string, full = false) => {
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: full, animations: 'disabled', caret: 'hide' });
      console.log(`  docs/sidebar/${name}.png`);
    };
    const quiet = (p: Page) =>
      p.evaluate(() => {
        document.getElementById('status')!.textContent = '';
        document.getElementById('snackbar')!.classList.add('is-empty');
      });

    await shot('block-list');

    await page.click('#open-key-resources');
    await page.waitForSelector('#editor-title');
    await quiet(page);
    await shot('editor');
    // The whole form in one image: the sticky footer is drawn where it ends (a full-page capture would pin it mid-page).
    const unstick = await page.addStyleTag({ content: '.footer { position: static !important; }' });
    await shot('editor-full', true);
    await unstick.evaluate((node) => (node as HTMLElement).remove());
    await page.locator('.figure-summary').nth(1).click();
    await page.getByRole('button', { name: 'More actions for entry 2' }).click();
    await page.locator('.figure-summary').nth(1).scrollIntoViewIfNeeded();
    await shot('editor-figure-open');

    await page.getByLabel('Entry 1', { exact: true }).fill('Patents, trademarks & design rights');
    failNextSave = true;
    await page.click('#save');
    await page.waitForSelector('#editor-error');
    await shot('editor-save-failed');

    await page.getByRole('button', { name: 'More actions for entry 3' }).click();
    await page.getByRole('group', { name: 'Entry 3 actions' }).getByRole('button', { name: 'Delete' }).click();
    await shot('editor-undo');
    await page.click('#undo');
    await page.click('#cancel');
    await shot('editor-cancel-confirm');
    await page.click('#confirm-yes');

    // A teammate changes an entry in the sheet while the block is open with an edit of ours: the conflict view.
    // Both change entry 1 (changes to different entries would simply be merged on Save).
    await page.click('#open-key-activities');
    await page.locator('#editor-title').waitFor();
    await page.getByLabel('Entry 1', { exact: true }).fill('Smartphone design & engineering');
    const canvas = preview.session.run('getCanvas', []) as { result?: unknown };
    const first = (canvas.result as CanvasView | undefined)?.blocks.find((b) => b.id === 'key-activities')?.entries[0];
    const grid = preview.session.fake.direct.values('Xiaomi Canvas') as unknown[][];
    const cell = `•  ${first ?? ''}`; // entry cells hold their bullet as text
    const row = grid.findIndex((r) => r.includes(cell));
    preview.session.setCell('Xiaomi Canvas', a1(row + 1, grid[row].indexOf(cell) + 1), 'Smartphone design (teammate)');
    await page.click('#save');
    await page.waitForSelector('.panel.conflict');
    await quiet(page);
    await shot('conflict');
    await page.click('#discard');
    await page.click('#back');

    await page.click('#open-snapshots');
    await page.waitForSelector('#snapshots-empty');
    await page.getByLabel('Label (optional)').fill('Before the EV pivot');
    await page.click('#save-snapshot');
    await page.waitForSelector('li.snapshot-item');
    await page.click('#snapshots-back');
    await page.click('#open-revenue-streams');
    await page.getByLabel('Entry 1', { exact: true }).fill('Smartphones (≈ 52% of revenue)');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Saved'));
    await page.click('#back');
    await page.click('#open-snapshots');
    await page.waitForSelector('li.snapshot-item');
    await page.click('#save-snapshot');
    await page.waitForFunction(() => document.querySelectorAll('li.snapshot-item').length === 2);
    await quiet(page);
    await shot('snapshots');
    await page.locator('li.snapshot-item').nth(1).getByRole('button', { name: 'Restore…' }).click();
    await shot('snapshots-restore-confirm');
    await page.keyboard.press('Escape');
    await page.locator('li.snapshot-item').nth(1).getByRole('button', { name: 'Compare with current' }).click();
    await page.waitForSelector('.compare-view');
    await quiet(page);
    await shot('compare');
    await page.click('#compare-back');
    await page.click('#snapshots-back');

    await page.click('#open-transfer');
    await page.click('#export-json');
    await page.waitForSelector('#export-text');
    await page.locator('#import-file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "other/2"}'),
    });
    await page.waitForSelector('#import-error');
    await quiet(page);
    await shot('canvas-file');
    await context.close();
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
