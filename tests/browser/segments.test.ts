/**
 * Segments in the sidebar (issue 14), in headless Chromium on the built bundle: the segment picker on each entry
 * (keyboard only), "Show what serves", the fit checks with Go to, and an axe-core audit of each.
 */
import { join } from 'node:path';
import type { BlockView, CanvasView } from '../../src/core/view';
import { axeViolationsWithin } from './axe';
import { OUTPUT, sidebarSuite } from './sidebar-suite';

const { openInsertedCanvas: open } = sidebarSuite();

const block = (canvas: CanvasView, id: string): BlockView => canvas.blocks.find((b) => b.id === id)!;

describe('segment picker', () => {
  test('links an entry to a segment with the keyboard only; the save stores it and the sheet shows it', async () => {
    const { bundle, page, canvas } = await open();
    const channels = block(canvas(), 'channels');
    const tech = canvas().segments[0];
    await page.focus('#open-channels');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor-title');
    const summary = page.locator('.entry').first().locator('.segment-picker summary');
    await expect(summary.textContent()).resolves.toContain('Serves no segment yet');
    await summary.focus();
    await page.keyboard.press('Enter'); // opens the picker
    await page.keyboard.press('Tab'); // the first segment's checkbox
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement).id);
    expect(focused).toMatch(new RegExp(`^segment-.+-${tech.id}$`));
    await page.keyboard.press('Space');
    // the colour comes with the segment's name, never alone
    await expect(summary.textContent()).resolves.toContain(`Serves: ${tech.text}`);
    expect(await page.locator('.entry').first().locator('.swatch').first().getAttribute('style')).toContain(tech.color);
    expect(await page.locator('.segment-picker').count()).toBe(channels.entries.length);
    expect(await axeViolationsWithin(page, '.items')).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'segments-picker.png'), fullPage: true });
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Saved'));
    const saved = block(canvas(), 'channels');
    expect(saved.links[0]).toEqual([tech.id]);
    expect(saved.links.slice(1)).toEqual(channels.links.slice(1));
    const values = bundle.fake.direct.values('Xiaomi Canvas');
    const cell = `•  ${channels.entries[0]}`; // entry cells hold their bullet as text (issue 9)
    const row = values.find((r) => r.includes(cell))!;
    // its marker on the sheet: its evidence symbol, then the segment's number
    expect(row[row.indexOf(cell) + 1]).toBe(`◆ ${tech.id.slice(1)}`);
    // the picker stays where it was after the save (the draft was rebased on what the sheet holds)
    await expect(summary.textContent()).resolves.toContain(tech.text);
  });

  test('Customer Segments has no picker (its entries are the segments)', async () => {
    const { page } = await open();
    await page.click('#open-customer-segments');
    await page.waitForSelector('#editor-title');
    expect(await page.locator('.segment-picker').count()).toBe(0);
  });
});

describe('show what serves a segment, and fit checks', () => {
  test('lists the entries that serve the segment and selects them on the sheet', async () => {
    const { bundle, page, canvas } = await open();
    const ev = canvas().segments.find((s) => s.text === 'Early EV adopters')!;
    await page.selectOption('#serving-filter', ev.id);
    await page.waitForSelector('#serving-results');
    const items = await page.locator('.serving-list li').allTextContents();
    expect(items).toEqual([
      'Value Propositions: Expanding into electric vehicles',
      'Revenue Streams: SU7 electric vehicle sales',
      'Revenue Streams: Future: EV charging & maintenance',
    ]);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('selected on the sheet'));
    expect(bundle.fake.direct.activeRange()).toMatch(/^Xiaomi Canvas!/);
    expect(await axeViolationsWithin(page, '.fit')).toEqual([]);
  });

  test('shows the fit checks as sentences; Go to opens the block at the entry', async () => {
    const { bundle, page } = await open();
    await page.click('#check-fit');
    await page.waitForSelector('.fit-list li');
    const messages = await page.locator('.fit-list li > span').allTextContents();
    expect(messages).toContain(
      'The value proposition “Well-reviewed Xiaomi 14 series” is not linked to any customer segment.',
    );
    expect(messages.length).toBe(bundle.call<unknown[]>('getFitChecks').length);
    expect(await axeViolationsWithin(page, '.fit')).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'segments-fit-checks.png'), fullPage: true });
    const index = messages.findIndex((m) => m.includes('Well-reviewed Xiaomi 14 series'));
    await page.click(`#fit-go-${index}`);
    await page.waitForSelector('#editor-title');
    const focused = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value);
    expect(focused).toBe('Well-reviewed Xiaomi 14 series');
  });
});
