/**
 * Evidence in the sidebar (issue 19), in headless Chromium on the built bundle: the evidence chip on each entry
 * (keyboard only), the filter of entries that need evidence, the Assumptions view with Go to, and an axe-core
 * audit of each.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BlockView, CanvasView } from '../../src/core/view';
import { axeViolationsWithin } from './axe';
import { OUTPUT, sidebarSuite } from './sidebar-suite';

const { openInsertedCanvas: open } = sidebarSuite();

const block = (canvas: CanvasView, id: string): BlockView => canvas.blocks.find((b) => b.id === id)!;
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('evidence chip', () => {
  test('shows each entry’s evidence as symbol and word; keyboard sets status, importance and source; Save stores it', async () => {
    const { page, canvas } = await open();
    const revenue = block(canvas(), 'revenue-streams');
    await page.focus('#open-revenue-streams');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor-title');
    const chips = page.locator('.evidence-picker summary');
    expect(await chips.count()).toBe(revenue.entries.length);
    // a symbol to see, the words to hear (and in the tooltip): never colour alone
    await expect(chips.first().locator('.evidence-chip').textContent()).resolves.toBe('✓');
    await expect(chips.first().textContent()).resolves.toContain('Reported by Xiaomi, importance not rated');
    await expect(chips.first().getAttribute('title')).resolves.toContain('Reported by Xiaomi');
    const gaming = revenue.entries.indexOf('Gaming & online content');
    const chip = chips.nth(gaming);
    await expect(chip.textContent()).resolves.toContain('Template claim');
    await chip.focus();
    await page.keyboard.press('Enter'); // opens the chip
    await page.keyboard.press('Tab'); // the checked status radio
    expect(await activeId(page)).toMatch(/^evidence-.+-template$/);
    await page.keyboard.press('ArrowDown'); // → assumption
    expect(await activeId(page)).toMatch(/^evidence-.+-assumption$/);
    await page.keyboard.press('Tab'); // the importance group, at its checked radio: "Not rated"
    expect(await activeId(page)).toMatch(/^importance-.+-none$/);
    await page.keyboard.press('ArrowDown'); // wraps to "High"
    expect(await activeId(page)).toMatch(/^importance-.+-high$/);
    await expect(chip.locator('.evidence-chip').textContent()).resolves.toBe('?H');
    await expect(chip.textContent()).resolves.toContain('Team assumption, High importance');
    expect(await axeViolationsWithin(page, '.items')).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'evidence-chip.png'), fullPage: true });
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Saved'));
    expect(block(canvas(), 'revenue-streams').evidence[gaming]).toEqual({
      status: 'assumption',
      source: '',
      importance: 'high',
    });
  });

  test('"reported" without a source is caught before saving, and the link opens the chip at the source field', async () => {
    const { page } = await open();
    await page.click('#open-channels');
    await page.waitForSelector('#editor-title');
    const summary = page.locator('.evidence-picker summary').first();
    await summary.click();
    await page.locator('.evidence-picker').first().locator('input[id$="-reported"]').check();
    await summary.click(); // closes it again
    await page.click('#save');
    await page.waitForSelector('#issues');
    await expect(page.locator('#issues').textContent()).resolves.toContain('name the source');
    await page.locator('#issues button').first().click();
    expect(await activeId(page)).toMatch(/^evidence-source-/);
  });
});

describe('the filter and the Assumptions view', () => {
  test('the filter shows only the entries that need evidence, numbered as in the block', async () => {
    const { page, canvas } = await open();
    const revenue = block(canvas(), 'revenue-streams');
    await page.click('#open-revenue-streams');
    await page.waitForSelector('#editor-title');
    await page.focus('#unverified-only');
    await page.keyboard.press('Space');
    const need = revenue.evidence.filter((e) => e.status !== 'reported').length;
    await page.waitForFunction((n) => document.querySelectorAll('.entry').length === n, need);
    const numbers = await page.locator('.entry .entry-number').allTextContents();
    const expected = revenue.evidence
      .map((e, i) => (e.status === 'reported' ? null : `Entry ${i + 1}`))
      .filter((x): x is string => x !== null);
    expect(numbers).toEqual(expected);
    expect(await activeId(page)).toBe('unverified-only');
    expect(await axeViolationsWithin(page, '.editor-form')).toEqual([]);
  });

  test('lists the entries to test by importance, with a count per block in the list; Go to opens the entry', async () => {
    let view = {} as BlockView;
    const { page } = await open((bundle) => {
      view = block(bundle.call<CanvasView>('getCanvas'), 'key-resources');
      const evidence = view.evidence.map((e, i) => (i === 1 ? { ...e, importance: 'high' as const } : e));
      bundle.call('saveBlock', {
        blockId: view.id,
        version: view.version,
        entries: view.entries,
        figures: view.figures,
        evidence,
      });
    });
    const unverified = view.evidence.filter((e) => e.status !== 'reported').length;
    await expect(page.locator('#open-key-resources').textContent()).resolves.toContain(
      `${unverified} entries to verify`,
    );
    await page.click('#open-assumptions');
    await page.waitForSelector('#assumptions-title');
    expect(await activeId(page)).toBe('assumptions-title');
    const headings = await page.locator('.assumptions-view h2').allTextContents();
    expect(headings[0]).toBe('High importance (1)');
    const first = page.locator('.assumption').first();
    await expect(first.textContent()).resolves.toContain(view.entries[1]);
    expect(await axeViolationsWithin(page, '.assumptions-view')).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'evidence-assumptions.png'), fullPage: true });
    await first.locator('button').click();
    await page.waitForSelector('#editor-title');
    const focused = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value);
    expect(focused).toBe(view.entries[1]);
  });
});
