/**
 * Results checked once (issue 21): a teammate's text in one figure's value leaves the rest of the canvas working in
 * the sidebar, which names what it could not read instead of refusing the whole canvas.
 */
import type { CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { sidebarSuite } from './sidebar-suite';

const { openBundleSidebar } = sidebarSuite();

describe('a partly bad result is reported for what it is', () => {
  test('one figure value typed as text: the other blocks open, the block is named, Refresh says the same', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    const canvas = bundle.call<CanvasView>('getCanvas');
    const block = canvas.blocks.find((b) => b.figures.length > 0)!;
    const figure = block.figures[0];
    const values = bundle.fake.direct.values('Xiaomi Details');
    const row = values.findIndex((r) => r.includes(figure.label));
    const column = values[row].findIndex((c) => c === figure.value);
    bundle.fake.direct.setCell('Xiaomi Details', `${String.fromCharCode(65 + column)}${row + 1}`, '35 bn');

    const { page } = await openBundleSidebar(bundle);
    const error = page.locator('#list-error');
    await expect(error.textContent()).resolves.toContain(`${block.title} could not be read (figure 1 `);
    const other = canvas.blocks.find((b) => b.id !== block.id)!;
    await expect(page.locator(`#open-${other.id}`).count()).resolves.toBe(1);
    await expect(page.locator(`#open-${block.id}`).count()).resolves.toBe(0);

    await page.click('#refresh');
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
    await expect(error.textContent()).resolves.toContain(`${block.title} could not be read`);
    await page.click(`#open-${other.id}`);
    await page.waitForSelector('#editor-title');
    await expect(page.locator('#editor-title').textContent()).resolves.toContain(other.title);
  });
});
