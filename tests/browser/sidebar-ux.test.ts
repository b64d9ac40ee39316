/**
 * The sidebar people enjoy (issue 11): compact, accessible, forgiving — in headless Chromium at 300 × 700, the
 * sidebar exactly as showCanvasSidebar() produces it, its calls running the built dist/Code.js on the Sheets fake.
 * axe-core checks every view; screenshots for review land in tests/output/sidebar-ux-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CanvasView, SnapshotListItem } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { seriousAxeViolations } from './axe';
import type { SidebarPage } from './sidebar-page';
import { OUTPUT, sidebarSuite } from './sidebar-suite';

const { openBundleSidebar } = sidebarSuite();

interface Session {
  bundle: LoadedBundle;
  sidebar: SidebarPage;
  page: Page;
  canvas(): CanvasView;
  /** Makes the next calls of `fn` fail with `message` (as a Google service failure would) until restored. */
  failNext(fn: string, message: string): () => void;
}

async function openSession(options: { timezoneId?: string } = {}): Promise<Session> {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  const sidebar = await openBundleSidebar(bundle, options);
  return {
    bundle,
    sidebar,
    page: sidebar.page,
    canvas: () => bundle.call<CanvasView>('getCanvas'),
    failNext(fn, message) {
      const original = bundle.call.bind(bundle);
      bundle.call = ((name: string, ...args: unknown[]) => {
        if (name === fn) throw new Error(message);
        return original(name, ...args);
      }) as LoadedBundle['call'];
      return () => {
        bundle.call = original;
      };
    },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `sidebar-ux-${name}.png`) });
}

async function expectAccessible(page: Page, view: string): Promise<void> {
  expect({ view, violations: await seriousAxeViolations(page) }).toEqual({ view, violations: [] });
}

async function openBlock(page: Page, blockId: string): Promise<void> {
  await page.click(`#open-${blockId}`);
  await page.waitForSelector('#editor-title');
}

/** The text of Key Activities' first entry as the sheet holds it (a teammate will change it). */
const session0 = (bundle: LoadedBundle) =>
  bundle.call<CanvasView>('getCanvas').blocks.find((b) => b.id === 'key-activities')!.entries[0];

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const statusText = (page: Page) => page.evaluate(() => document.getElementById('status')?.textContent ?? '');

/** Every visible interactive element's size: each must be at least 24 × 24 px (WCAG 2.2 target size). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, a[href], input, select, textarea, summary, label.file-button'))
      .filter((node) => {
        const style = getComputedStyle(node);
        const box = node.getBoundingClientRect();
        const hiddenInput = node instanceof HTMLInputElement && node.type === 'file';
        return (
          !hiddenInput && style.visibility !== 'hidden' && box.width > 0 && box.height > 0 && !node.closest('.is-empty')
        );
      })
      .map((node) => ({ node, box: node.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ node, box }) => `${node.tagName} ${node.id} ${node.textContent?.trim()} ${box.width}×${box.height}`),
  );
}

/** Live regions on the page: there must be exactly one, the status line made with the page. */
const liveRegions = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[role=alert], [role=status], [aria-live], output')).map((n) => n.id),
  );

async function checkView(page: Page, view: string): Promise<void> {
  await expectAccessible(page, view);
  expect({ view, small: await smallTargets(page) }).toEqual({ view, small: [] });
  expect({ view, live: await liveRegions(page) }).toEqual({ view, live: ['status'] });
}

describe('sidebar: 0 serious or critical axe-core violations in every view', () => {
  test('block list, editor (figure open, entry actions open), validation problems and a failed save', async () => {
    const { page, failNext, sidebar } = await openSession();
    await checkView(page, 'block list');
    await openBlock(page, 'key-resources');
    await checkView(page, 'editor');
    await page.click('.figure-summary >> nth=0');
    await page.getByRole('button', { name: 'More actions for entry 1' }).click();
    await checkView(page, 'editor with a figure and entry actions open');
    await page.getByLabel('Entry 1', { exact: true }).fill('');
    await page.click('#save');
    await page.waitForSelector('#issues');
    await checkView(page, 'validation problems');
    await page.getByLabel('Entry 1', { exact: true }).fill('Changed');
    const restore = failNext('saveBlock', 'Service Spreadsheets timed out');
    await page.click('#save');
    await page.waitForSelector('#editor-error');
    await checkView(page, 'failed save');
    restore();
    await page.click('#cancel');
    await checkView(page, 'cancel confirmation');
    await page.click('#confirm-yes');
    failNext('getCanvas', 'Service Spreadsheets failed');
    await page.click('#refresh');
    await page.waitForSelector('#list-error');
    await checkView(page, 'block list with an error');
    expect(sidebar.blockedRequests).toEqual([]);
  });

  test('conflict, snapshots (with a restore confirmation and an error), compare, and the canvas file view', async () => {
    const { page, bundle, failNext, sidebar } = await openSession();
    await openBlock(page, 'key-activities');
    await page.getByLabel('Entry 2', { exact: true }).fill('Mine');
    const cell = bundle.fake.direct
      .values('Xiaomi Canvas')
      .flatMap((row, r) => row.map((v, c) => ({ v, r, c })).filter(({ v }) => v === session0(bundle)))[0];
    bundle.fake.direct.setCell('Xiaomi Canvas', `${String.fromCharCode(65 + cell.c)}${cell.r + 1}`, 'Theirs');
    await page.click('#save');
    await page.waitForSelector('.panel.conflict');
    await checkView(page, 'conflict');
    await page.click('#discard');
    await page.click('#back');

    await page.click('#open-snapshots');
    await page.waitForSelector('#snapshots-empty');
    await checkView(page, 'snapshots (none yet)');
    await page.getByLabel('Label (optional)').fill('Before');
    await page.click('#save-snapshot');
    await page.waitForSelector('li.snapshot-item');
    await page.getByRole('button', { name: 'Restore…' }).click();
    await checkView(page, 'restore confirmation');
    await page.click('#restore-no');
    const restore = failNext('compareSnapshots', 'Service Spreadsheets failed');
    await page.getByRole('button', { name: 'Compare with current' }).click();
    await page.waitForSelector('#snapshots-error');
    await checkView(page, 'snapshots with an error');
    restore();
    await page.getByRole('button', { name: 'Compare with current' }).click();
    await page.waitForSelector('.compare-view');
    await checkView(page, 'compare');
    await page.click('#compare-back');
    await page.click('#snapshots-back');

    await page.click('#open-transfer');
    await checkView(page, 'canvas file');
    await page.click('#export-json');
    await page.waitForSelector('#export-text');
    await checkView(page, 'canvas file downloaded');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
    await page.waitForSelector('#import-error');
    await checkView(page, 'canvas file with an error');
    expect(sidebar.blockedRequests).toEqual([]);
  });
});

describe('sidebar: a compact editor', () => {
  test('the largest block (Key Resources) fits in 1,750 px at 300 × 700; figures are one-line rows that open to edit', async () => {
    const { page, canvas } = await openSession();
    await openBlock(page, 'key-resources');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: join(OUTPUT, 'sidebar-ux-key-resources.png'), fullPage: true });
    console.log(
      'height',
      height,
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('li.figure, li.entry, .group, .footer, h1, .toolbar'))
          .map((e) => e.className + ':' + Math.round(e.getBoundingClientRect().height))
          .join(' '),
      ),
    );
    expect(height).toBeLessThanOrEqual(1750);
  });
});
