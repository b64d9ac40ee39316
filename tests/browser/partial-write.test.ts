/**
 * Failures tell the truth (issue 17, item 4) in the sidebar: when a save or a restore stops part-way, the sidebar
 * reads the sheet again by itself and shows what it now holds with a true message; the user's edits stay in the
 * form, and Save again lands exactly them.
 */
import type { Page } from 'playwright-core';
import type { BlockView, CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { SERVICE_TIMEOUT as TIMEOUT } from '../support/thrown';
import { seriousAxeViolations } from './axe';
import { sidebarSuite } from './sidebar-suite';

const { openBundleSidebar } = sidebarSuite();

const idle = (page: Page) =>
  page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');

const entryValues = (page: Page) =>
  page.locator('textarea.entry-text').evaluateAll((nodes) => nodes.map((n) => (n as HTMLTextAreaElement).value));

describe('a write that stopped part-way', () => {
  test('save: the sidebar reads the block again, shows what the sheet holds, keeps the edits; Save lands exactly them', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    const before = bundle.call<BlockView>('getBlock', { blockId: 'key-activities' });
    const sidebar = await openBundleSidebar(bundle);
    const { page } = sidebar;
    await page.click('#open-key-activities');
    await page.waitForSelector('#editor-title');
    // The user edits two entries and adds one.
    const fields = page.locator('textarea.entry-text');
    await fields.nth(0).fill('Product design & engineering');
    await fields.nth(1).fill('Smart manufacturing in Changping');
    await page.click('#add-entry');
    await fields.last().fill('Retail partnerships in India');
    const meant = await entryValues(page);

    // Google fails after the first write of the save has landed.
    bundle.fake.failAfterWrites(1, TIMEOUT);
    await page.click('#save');
    await idle(page);
    const error = page.locator('#editor-error');
    await expect(error.textContent()).resolves.toBe(
      'Saving Key Activities stopped part-way: part of your change may already be in the sheet. Above the form is what the sheet holds now; your edits are still in the form. Click Save to finish: it writes exactly what the form holds.',
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('editor-error');
    // It read the block again by itself, right after the failed save.
    expect(sidebar.calls.map((c) => [c.fn, c.ok]).slice(-2)).toEqual([
      ['saveBlock', false],
      ['getBlock', true],
    ]);
    const sheet = bundle.call<BlockView>('getBlock', { blockId: 'key-activities' });
    expect(sheet.entries).toEqual(before.entries);
    const shown = page.locator('#sheet-now');
    await expect(shown.getAttribute('open')).resolves.toBe('');
    await expect(shown.locator('summary').textContent()).resolves.toBe(
      `What the sheet holds now: ${sheet.entries.length} entries, ${sheet.figures.length} figures`,
    );
    await expect(shown.locator('ul').first().locator('li').allTextContents()).resolves.toEqual(sheet.entries);
    // Nothing typed is lost: the form still holds the edits, and says they are not saved yet.
    await expect(entryValues(page)).resolves.toEqual(meant);
    await expect(page.locator('#dirty-state').textContent()).resolves.toContain('unsaved changes');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Save again: exactly the edit, once; no conflict; the note about the sheet goes away.
    await page.click('#save');
    await idle(page);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');
    const saved = bundle.call<BlockView>('getBlock', { blockId: 'key-activities' });
    expect(saved.entries).toEqual(meant);
    expect(saved.figures).toEqual(before.figures);
    await expect(page.locator('#sheet-now').count()).resolves.toBe(0);
    await expect(page.locator('#editor-error').count()).resolves.toBe(0);
    await expect(page.locator('.conflict').count()).resolves.toBe(0);
  });

  test('reset: the form shows the block as the sheet holds it; Reset to original again finishes it', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    const original = bundle.call<BlockView>('getBlock', { blockId: 'key-partners' });
    bundle.call('saveBlock', {
      blockId: 'key-partners',
      version: original.version,
      entries: ['Only this'],
      figures: [],
    });
    const sidebar = await openBundleSidebar(bundle);
    const { page } = sidebar;
    await page.click('#open-key-partners');
    await page.waitForSelector('#editor-title');
    await page.click('#reset');
    bundle.fake.failAfterWrites(2, TIMEOUT);
    await page.click('#confirm-yes');
    await idle(page);
    await expect(page.locator('#editor-error').textContent()).resolves.toBe(
      'Resetting Key Partners stopped part-way: part of it may already be in the sheet. The form now shows what the sheet holds; click Reset to original again to finish.',
    );
    expect(sidebar.calls.map((c) => [c.fn, c.ok]).slice(-2)).toEqual([
      ['resetBlock', false],
      ['getBlock', true],
    ]);
    const sheet = bundle.call<BlockView>('getBlock', { blockId: 'key-partners' });
    await expect(entryValues(page)).resolves.toEqual(sheet.entries);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.click('#reset');
    await page.click('#confirm-yes');
    await idle(page);
    await expect(entryValues(page)).resolves.toEqual(original.entries);
    expect(bundle.call<BlockView>('getBlock', { blockId: 'key-partners' }).entries).toEqual(original.entries);
  });

  test('restore: the block list shows the canvas as the sheet holds it, with the message; restoring again finishes it', async () => {
    const bundle = loadBundle();
    bundle.call('insertXiaomiCanvas');
    bundle.call('saveSnapshot', { label: 'Before the EV pivot' });
    const good = bundle.call<CanvasView>('getCanvas');
    for (const id of ['key-partners', 'revenue-streams', 'channels']) {
      const view = bundle.call<BlockView>('getBlock', { blockId: id });
      bundle.call('saveBlock', { blockId: id, version: view.version, entries: [`Changed ${id}`], figures: [] });
    }
    const sidebar = await openBundleSidebar(bundle);
    const { page } = sidebar;
    await page.click('#open-snapshots');
    await page.getByRole('button', { name: 'Restore…' }).first().click();
    bundle.fake.failAfterWrites(3, TIMEOUT);
    await page.click('#restore-yes');
    await idle(page);
    const error = page.locator('#list-error');
    await expect(error.textContent()).resolves.toBe(
      'Restoring “Before the EV pivot” stopped part-way: part of the snapshot may already be in the canvas. The blocks below show what the sheet holds now. Open Snapshots and restore it again to finish.',
    );
    expect(sidebar.calls.map((c) => [c.fn, c.ok]).slice(-2)).toEqual([
      ['restoreSnapshot', false],
      ['getCanvas', true],
    ]);
    // The list's counts are the sheet's, read after the failure.
    const now = bundle.call<CanvasView>('getCanvas');
    for (const block of now.blocks)
      await expect(page.locator(`#open-${block.id} .block-count`).textContent()).resolves.toContain(
        `${block.entries.length} ${block.entries.length === 1 ? 'entry' : 'entries'}`,
      );
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Newest first: the automatic "Before restoring …" of the interrupted restore, then the one the user meant.
    await page.click('#open-snapshots');
    const restoreButtons = page.getByRole('button', { name: 'Restore…' });
    await page.waitForFunction(() => document.querySelectorAll('[id$="-restore"]').length === 2);
    await restoreButtons.last().click();
    await page.click('#restore-yes');
    await idle(page);
    const restored = bundle.call<CanvasView>('getCanvas');
    expect(restored.blocks.map((b) => b.entries)).toEqual(good.blocks.map((b) => b.entries));
  });
});
