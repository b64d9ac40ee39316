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

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const statusText = (page: Page) => page.evaluate(() => document.getElementById('status')?.textContent ?? '');

describe('sidebar: 0 serious or critical axe-core violations in every view', () => {
  test('block list, editor (figure open, entry actions open), validation problems and a failed save', async () => {
    const { page, failNext } = await openSession();
    await expectAccessible(page, 'block list');
    await openBlock(page, 'key-resources');
    await expectAccessible(page, 'editor');
    await page.click('.figure-summary >> nth=0');
    await page.click('#' + (await page.locator('.entry-tools button').first().getAttribute('id')));
    await expectAccessible(page, 'editor with a figure and entry actions open');
    await shot(page, 'editor-open');
    await page.getByLabel('Entry 1', { exact: true }).fill('');
    await page.click('#save');
    await page.waitForSelector('#issues');
    await expectAccessible(page, 'validation problems');
    await page.getByLabel('Entry 1', { exact: true }).fill('Changed');
    failNext('saveBlock', 'Service Spreadsheets timed out');
    await page.click('#save');
    await page.waitForSelector('#editor-error');
    await expectAccessible(page, 'failed save');
    await shot(page, 'editor-error');
  });
});

describe('sidebar: a compact editor', () => {
  test('the largest block (Key Resources) fits in 1,750 px at 300 × 700; figures are one-line rows that open to edit', async () => {
    const { page } = await openSession();
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
