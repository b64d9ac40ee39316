/**
 * Results checked once (issue 21) and teammates' typing (issue 17, item 6): a teammate's text in one figure's value
 * leaves the whole canvas working in the sidebar, which names the cell in plain words with Go to; a result that is
 * truly unreadable is reported for what it is instead of refusing the whole canvas.
 */
import type { Page } from 'playwright-core';
import { columnLetter } from '../../src/core/a1';
import type { CanvasView } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { seriousAxeViolations } from './axe';
import { sidebarSuite } from './sidebar-suite';

const { openBundleSidebar } = sidebarSuite();

/** Types `text` over the value of a block's first figure on the details sheet; returns the block and the cell. */
function typeOverValue(bundle: LoadedBundle, text: string | number) {
  const canvas = bundle.call<CanvasView>('getCanvas');
  const block = canvas.blocks.find((b) => b.figures.length > 0)!;
  const figure = block.figures[0];
  const values = bundle.fake.direct.values('Xiaomi Details');
  const row = values.findIndex((r) => r.includes(figure.label));
  const column = values[row].findIndex((c) => c === figure.value);
  const cell = `${columnLetter(column + 1)}${row + 1}`;
  bundle.fake.direct.setCell('Xiaomi Details', cell, text);
  return { canvas, block, figure, cell };
}

const idle = (page: Page) =>
  page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');

describe('a figure value a teammate typed as text', () => {
  test('the list names the cell in plain words, Go to selects it, every block opens; fixing it clears the message', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    const { canvas, block, figure, cell } = typeOverValue(bundle, '35 bn');

    const { page } = await openBundleSidebar(bundle);
    const problems = page.locator('#list-cell-problems');
    await expect(problems.locator('.cell-problem').allTextContents()).resolves.toEqual([
      `Xiaomi Details!${cell} is not a number: 35 bn`,
    ]);
    await expect(problems.textContent()).resolves.toContain(`The value of “${figure.label}” in ${block.title}.`);
    // No block is left out: all nine open, and nothing says the canvas could not be understood.
    for (const b of canvas.blocks) await expect(page.locator(`#open-${b.id}`).count()).resolves.toBe(1);
    await expect(page.locator('#list-error').count()).resolves.toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Go to selects the cell on the sheet (the button's name says which).
    const goTo = page.getByRole('button', { name: `Go to Xiaomi Details!${cell}` });
    await goTo.click();
    await page.waitForFunction(
      (text) => document.getElementById('status')?.textContent === text,
      `Selected Xiaomi Details!${cell} on the sheet.`,
    );
    expect(bundle.fake.direct.activeRange()).toBe(`Xiaomi Details!${cell}`);

    // The block opens; its editor names the cell too and shows what the cell holds in the value field.
    await page.click(`#open-${block.id}`);
    await page.waitForSelector('#editor-title');
    await expect(page.locator('#editor-cell-problems .cell-problem').allTextContents()).resolves.toEqual([
      `Xiaomi Details!${cell} is not a number: 35 bn`,
    ]);
    await expect(page.locator('.figure-value').first().textContent()).resolves.toContain('35 bn');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.click('#back');
    await idle(page);

    // A teammate fixes the cell: the next read (Refresh) no longer names it.
    bundle.fake.direct.setCell('Xiaomi Details', cell, 35);
    await page.click('#refresh');
    await idle(page);
    await expect(problems.count()).resolves.toBe(0);
  });

  test('fixing the value in the editor saves the block and clears the message', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    const { block } = typeOverValue(bundle, '35 bn');
    const { page } = await openBundleSidebar(bundle);
    await page.click(`#open-${block.id}`);
    await page.waitForSelector('#editor-title');
    // Saving as it is asks for a number (the form shows the cell's text; nothing is sent).
    await page.click('#save');
    await expect(page.locator('#issues').textContent()).resolves.toContain('the value must be a number');
    const value = page.locator('input[id$="-value"]').first();
    await value.fill('35');
    await page.click('#save');
    await idle(page);
    await expect(page.locator('#editor-cell-problems').count()).resolves.toBe(0);
    expect(bundle.fake.direct.values('Xiaomi Details').flat()).toContain(35);
    await expect(page.locator('#status').textContent()).resolves.toBe(`Saved ${block.title}.`);
  });

  test('text in the Key Figures rate is named as the rate, with Go to', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    const rate = bundle.fake.direct.namedRanges().find((n) => /rate/i.test(n.name) && n.sheet !== null)!;
    bundle.fake.direct.setCell(rate.sheet!, rate.a1, 'ask finance');
    const { page } = await openBundleSidebar(bundle);
    const problems = page.locator('#list-cell-problems');
    await expect(problems.locator('.cell-problem').allTextContents()).resolves.toEqual([
      `${rate.sheet}!${rate.a1} is not a number: ask finance`,
    ]);
    await expect(problems.textContent()).resolves.toContain('CNY to USD rate');
    await page.getByRole('button', { name: `Go to ${rate.sheet}!${rate.a1}` }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Selected'));
    expect(bundle.fake.direct.activeRange()).toBe(`${rate.sheet}!${rate.a1}`);
  });
});
