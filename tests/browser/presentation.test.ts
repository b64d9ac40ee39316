/**
 * Issue 20 in the sidebar, in headless Chromium on the built bundle at 300 × 700: no focus stop is ever covered by
 * the status message or the Save footer, Save is one Tab from the editor's title, messages appear only when they
 * tell something new, the segment picker behaves like a popup should (Escape, focus leaving, covering nothing,
 * the sheet's numbers), fit checks read as open questions and Go to opens where each is answered, and axe-core
 * finds no contrast problem in hover and focus states.
 */
import type { Page } from 'playwright-core';
import type { CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { seriousAxeViolations } from './axe';
import { sidebarSuite } from './sidebar-suite';

const { openBundleSidebar } = sidebarSuite();

async function open() {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  const sidebar = await openBundleSidebar(bundle);
  return { bundle, page: sidebar.page, canvas: () => bundle.call<CanvasView>('getCanvas') };
}

async function openBlock(page: Page, blockId: string): Promise<void> {
  await page.click(`#open-${blockId}`);
  await page.waitForSelector('#editor-title');
}

const statusText = (page: Page) => page.evaluate(() => document.getElementById('status')?.textContent ?? '');
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The focused control, and whether the visible status message or the sticky footer covers any part of it. */
function focusReport(page: Page) {
  return page.evaluate(() => {
    const node = document.activeElement as HTMLElement | null;
    if (!node || node === document.body) return null;
    const label = `${node.tagName.toLowerCase()}#${node.id} ${(node.getAttribute('aria-label') ?? node.textContent ?? '').trim().slice(0, 40)}`;
    if (node.closest('.snackbar, .footer')) return { label, covered: [] as string[] };
    const box = node.getBoundingClientRect();
    const covers = Array.from(document.querySelectorAll<HTMLElement>('.snackbar:not(.is-empty), .footer'))
      .map((cover) => ({ name: cover.className, r: cover.getBoundingClientRect() }))
      .filter(
        ({ r }) => r.height > 0 && box.bottom > r.top && box.top < r.bottom && box.right > r.left && box.left < r.right,
      )
      .map(({ name }) => name);
    const offscreen = box.bottom > window.innerHeight || box.top < 0 ? ['off screen'] : [];
    return { label, covered: [...covers, ...offscreen] };
  });
}

describe('sidebar: the focus is never hidden', () => {
  test('walking every focus stop of the Key Resources editor with a message showing: none is under the message or the footer', async () => {
    const { page } = await open();
    await openBlock(page, 'key-resources');
    // A message that stays (an Undo offer), the worst case for what it could cover.
    await page.getByRole('button', { name: 'More actions for entry 2' }).click();
    await page.getByRole('group', { name: 'Entry 2 actions' }).getByRole('button', { name: 'Delete' }).click();
    expect(await statusText(page)).toBe('Entry 2 deleted.');
    await page.focus('#editor-title');
    const covered: string[] = [];
    const seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const report = await focusReport(page);
      if (!report || seen.includes(report.label)) break;
      seen.push(report.label);
      if (report.covered.length) covered.push(`${report.label}: ${report.covered.join(', ')}`);
    }
    expect(seen.length).toBeGreaterThan(30);
    expect(covered).toEqual([]);
  });

  test('Save is one Tab from the editor’s title (a skip link), without Ctrl+Enter', async () => {
    const { page } = await open();
    await openBlock(page, 'key-resources');
    expect(await activeId(page)).toBe('editor-title');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('skip-to-save');
    expect(await page.locator('#skip-to-save').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await activeId(page)).toBe('save');
  });
});

describe('sidebar: a message only when it tells something new', () => {
  test('opening a block says nothing the page shows; "Saved …" goes away with the next edit', async () => {
    const { page } = await open();
    await openBlock(page, 'key-partners');
    expect(await statusText(page)).toBe('');
    await page.getByLabel('Entry 1', { exact: true }).fill('A partner, renamed');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Partners.');
    await page.getByLabel('Entry 2', { exact: true }).fill('Another change');
    expect(await statusText(page)).toBe('');
    expect(await page.locator('#dirty-state').textContent()).toContain('unsaved changes');
  });
});

describe('sidebar: the segment picker', () => {
  test('numbers as on the sheet, in the flow (covers nothing), Escape closes it and gives focus back, leaving it closes it', async () => {
    const { page, canvas } = await open();
    await openBlock(page, 'channels');
    const first = page.locator('li.entry').first();
    const summary = first.locator('summary.icon-button');
    await summary.focus();
    await page.keyboard.press('Enter');
    const fieldset = first.getByRole('group', { name: /^Customer segments entry/ });
    expect(await fieldset.isVisible()).toBe(true);
    // every segment with the number the sheet shows beside entries
    const numbers = await fieldset.locator('.swatch').allTextContents();
    expect(numbers).toEqual(canvas().segments.map((s) => s.id.slice(1)));
    // in the flow: the next entry starts below the open list, and nothing overlaps its controls
    const [list, next] = await Promise.all([fieldset.boundingBox(), page.locator('li.entry').nth(1).boundingBox()]);
    expect(next!.y).toBeGreaterThanOrEqual(list!.y + list!.height);
    // the legend sits in the list's own frame, not over the entry's text
    const [legend, text] = await Promise.all([
      fieldset.locator('legend').boundingBox(),
      first.locator('textarea').boundingBox(),
    ]);
    expect(legend!.y).toBeGreaterThanOrEqual(text!.y + text!.height - 1);
    await page.keyboard.press('Tab'); // into the list
    await page.keyboard.press('Escape');
    expect(await fieldset.isVisible()).toBe(false);
    expect(await summary.evaluate((n) => n === document.activeElement)).toBe(true);
    // the editor stays open: Escape closed only the picker
    expect(await page.locator('#editor-title').count()).toBe(1);

    await page.keyboard.press('Enter');
    expect(await fieldset.isVisible()).toBe(true);
    await page.focus('#save');
    expect(await fieldset.isVisible()).toBe(false);
  });

  test('offered only where the fit checks read links', async () => {
    const { page } = await open();
    await openBlock(page, 'key-partners');
    expect(await page.locator('.segment-picker').count()).toBe(0);
    await page.click('#back');
    await page.waitForSelector('#list-title');
    await openBlock(page, 'revenue-streams');
    expect(await page.locator('.segment-picker').count()).toBeGreaterThan(0);
  });
});

describe('sidebar: a first minute without surprises', () => {
  test('the block list counts open questions where they are answered; differences read as information with their size', async () => {
    const { page } = await open();
    const row = (id: string) => page.locator(`#open-${id}`);
    expect(await row('channels').locator('.block-questions').textContent()).toMatch(/^ ?\d+ open questions?$/);
    expect(await row('customer-segments').locator('.block-questions').count()).toBe(0);
    const differs = row('key-resources').locator('.block-differs-line');
    expect(await differs.textContent()).toMatch(/^ \d+ differs? from reported, (by|up to)\s[+−]\d/);
    const colour = await differs.evaluate((n) => getComputedStyle(n).color);
    expect(colour).not.toBe('rgb(179, 38, 30)'); // not the error red
  });

  test('Go to on "a segment has no channel" opens Channels with that segment’s box ready in the first entry’s picker', async () => {
    const { page, bundle } = await open();
    await page.click('#check-fit');
    await page.waitForSelector('#fit-list');
    const checks = bundle.call<Array<{ id: string; segmentId?: string }>>('getFitChecks');
    const index = checks.findIndex((c) => c.id.startsWith('segment-no-channels:'));
    expect(index).toBeGreaterThanOrEqual(0);
    const goTo = page.locator(`#fit-go-${index}`);
    expect(await goTo.textContent()).toBe('Go to Channels');
    await goTo.click();
    await page.waitForSelector('#editor-title');
    expect(await page.locator('#editor-title').textContent()).toBe('Channels');
    const focused = await activeId(page);
    expect(focused).toMatch(new RegExp(`-${checks[index].segmentId}$`));
    expect(await page.locator(`#${focused}`).isVisible()).toBe(true);
  });
});

describe('sidebar: hover and focus states meet contrast', () => {
  test('axe-core on the block list and the fit checks with a Go to link hovered, then focused; the editor with Save hovered', async () => {
    const { page } = await open();
    await page.click('#check-fit');
    await page.waitForSelector('#fit-list');
    const goTo = page.locator('#fit-go-0');
    await goTo.hover();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await goTo.focus();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#open-channels').hover();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await openBlock(page, 'channels');
    await page.locator('#save').hover();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('li.entry').first().locator('summary.icon-button').hover();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
