/**
 * Snapshots and JSON export/import in the sidebar (issue 6), in a real browser: headless Chromium loads the
 * sidebar HTML exactly as showCanvasSidebar() produces it, and its google.script.run calls run the built
 * dist/Code.js on the Sheets fake in Node. Screenshots for review land in tests/output/sidebar-snapshots-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CanvasJson } from '../../src/core/canvas-json';
import type { CanvasView, SnapshotInfo, SnapshotListItem } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import type { SidebarPage } from './sidebar-page';
import { OUTPUT, sidebarSuite } from './sidebar-suite';

const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const SNAPSHOTS = 'Canvas Snapshots';
const XSS = '<img src=x onerror=alert(1)>';

const { openBundleSidebar } = sidebarSuite();

interface Session {
  bundle: LoadedBundle;
  sidebar: SidebarPage;
  page: Page;
  /** The canvas as the server reads it now (not through the sidebar). */
  canvas(): CanvasView;
  snapshots(): SnapshotListItem[];
}

async function openSession(prepare?: (bundle: LoadedBundle) => void): Promise<Session> {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  prepare?.(bundle);
  const sidebar = await openBundleSidebar(bundle);
  return {
    bundle,
    sidebar,
    page: sidebar.page,
    canvas: () => bundle.call<CanvasView>('getCanvas'),
    snapshots: () => bundle.call<SnapshotListItem[]>('listSnapshots'),
  };
}

const values = (bundle: LoadedBundle, sheet: string) => bundle.fake.direct.values(sheet) as unknown[][];
const snapshotRow = (page: Page, label: string) =>
  page.locator('li.snapshot-item').filter({ has: page.locator('.snapshot-label', { hasText: label }) });
const diffBlock = (page: Page, blockId: string) => page.locator(`.diff-block[data-block-id="${blockId}"]`);

async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.getElementById('status')?.textContent === expected, text);
}

async function activeDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
    const label = a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.textContent ?? '';
    return `${a.tagName.toLowerCase()}: ${label.trim()}`;
  });
}

/** Opens the Snapshots view from the block list and waits for the list to load. */
async function openSnapshots(page: Page): Promise<void> {
  await page.click('#open-snapshots');
  await page.waitForSelector('#snapshot-list, #snapshots-empty, #snapshots-error');
}

/** The row's time as the user's browser formats it (locale and time zone of the page). */
async function localTime(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (value) =>
      new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).format(new Date(value)),
    iso,
  );
}

async function fitsAndOnePrimary(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(await page.locator('button.action').count()).toBeLessThanOrEqual(1);
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `sidebar-snapshots-${name}.png`), fullPage });
}

async function expectNoScriptRan(session: Session): Promise<void> {
  const { page, sidebar } = session;
  expect(sidebar.dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts)).toEqual([]);
  expect(await page.locator('img').count()).toBe(0);
  expect(sidebar.blockedRequests).toEqual([]);
}

/** The sign and number as the compare view shows them: "+12.5%", "−3%" (one decimal, like the server). */
function pctText(from: number, to: number): string {
  const pct = Math.round(((to - from) / Math.abs(from)) * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '\u2212' : ''}${Math.abs(pct)}%`;
}

describe('sidebar snapshots: save, compare with current, restore', () => {
  test('save a labelled snapshot, change a block, compare shows the change with %, restore brings the sheet back', async () => {
    const session = await openSession();
    const { page, sidebar, bundle } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    const figure = before.figures[0];
    const newValue = Math.round(figure.value * 1.125 * 100) / 100;

    // From the block list, Snapshots opens its view; the list is empty so far.
    await openSnapshots(page);
    expect(await activeDescription(page)).toBe('h1: Snapshots');
    expect(await page.locator('#snapshots-empty').textContent()).toMatch(/^No snapshots yet/);
    expect(await page.locator('button.action').allTextContents()).toEqual(['Save snapshot']);
    await fitsAndOnePrimary(page);

    // Save with a label: the button says what is happening.
    await page.getByLabel('Label (optional)').fill('Before the EV pivot');
    const release = sidebar.holdCalls();
    await page.click('#save-snapshot');
    await expect(page.locator('#save-snapshot').textContent()).resolves.toBe('Saving…');
    expect(await page.locator('#save-snapshot').isDisabled()).toBe(true);
    await shot(page, 'saving');
    release();
    await waitForStatus(page, 'Saved the snapshot “Before the EV pivot”.');
    const saved = sidebar.calls.find((c) => c.fn === 'saveSnapshot')!;
    expect(saved.args).toEqual([{ label: 'Before the EV pivot', canvasId: 'canvas-1' }]);
    const info = saved.result as SnapshotInfo;
    expect(await page.getByLabel('Label (optional)').inputValue()).toBe('');
    expect(await activeDescription(page)).toBe('button: Save snapshot');
    const row = snapshotRow(page, 'Before the EV pivot');
    expect(await row.locator('time').getAttribute('datetime')).toBe(info.savedAt);
    expect(await row.locator('time').textContent()).toBe(await localTime(page, info.savedAt));
    expect(session.snapshots().map((s) => s.label)).toEqual(['Before the EV pivot']);
    const canvasAtSnapshot = values(bundle, CANVAS);
    const detailsAtSnapshot = values(bundle, DETAILS);

    // Back to the list; change a block in the editor: an entry and a figure value.
    await page.click('#snapshots-back');
    expect(await activeDescription(page)).toBe('button: Snapshots');
    await page.click('#open-key-activities');
    await page.locator('#editor-title').waitFor();
    await page.getByLabel('Entry 1', { exact: true }).fill('Product design & engineering');
    await page.locator('.figure-summary').first().click();
    await page
      .getByRole('group', { name: 'Figure 1', exact: true })
      .getByLabel('Value', { exact: true })
      .fill(String(newValue));
    await page.click('#save');
    await waitForStatus(page, 'Saved Key Activities.');
    await page.click('#back');

    // Compare with current: the changed entry (old → new) and the figure (old → new, with %).
    await openSnapshots(page);
    await shot(page, 'list');
    await row.getByRole('button', { name: 'Compare with current' }).click();
    await page.locator('.compare-view').waitFor();
    expect(await activeDescription(page)).toBe('h1: Compare');
    expect(await page.locator('#compare-sides').textContent()).toBe(
      `From “Before the EV pivot” (${await localTime(page, info.savedAt)}) to the current canvas`,
    );
    expect(await page.locator('#compare-summary').textContent()).toBe('1 of 9 blocks changed.');
    const changed = diffBlock(page, 'key-activities');
    expect(await changed.locator('.diff-lines.entries .diff-text').allTextContents()).toEqual([
      `${before.entries[0]} → Product design & engineering`,
    ]);
    expect(await changed.locator('.diff-lines.entries .diff-line').first().textContent()).toBe(
      `~Entry changed: ${before.entries[0]} → Product design & engineering`,
    );
    const figureLine = await changed.locator('.diff-lines.figures .diff-text').allTextContents();
    expect(figureLine).toEqual([
      `${figure.label}: ${figure.value} → ${newValue}${figure.unit ? ` ${figure.unit}` : ''} (${pctText(figure.value, newValue)})`,
    ]);
    expect(figureLine[0]).toMatch(/\(\+12\.\d%\)$/);
    // Changed blocks come first; the 8 unchanged ones are listed collapsed below.
    expect(await page.locator('.diff-block').count()).toBe(1);
    expect(await page.locator('#unchanged-blocks summary').textContent()).toBe('8 blocks with no changes');
    expect(await page.locator('#unchanged-blocks').getAttribute('open')).toBeNull();
    expect(await page.locator('#unchanged-blocks li').count()).toBe(8);
    await fitsAndOnePrimary(page);
    await shot(page, 'compare');
    await shot(page, 'compare-full', true);

    // Back returns to the list, focus on the button that opened the comparison.
    await page.click('#compare-back');
    expect(await activeDescription(page)).toBe('button: Compare with current');

    // Restore asks first; "Keep current canvas" changes nothing.
    await row.getByRole('button', { name: 'Restore…' }).click();
    const confirm = page.locator('.restore-confirm');
    expect(await confirm.locator('p').textContent()).toBe(
      'Restore “Before the EV pivot”? The current canvas is saved as a snapshot first, so you can undo this.',
    );
    expect(await activeDescription(page)).toMatch(/^p: Restore “Before the EV pivot”\?/);
    await shot(page, 'restore-confirm');
    await page.getByRole('button', { name: 'Keep current canvas' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await activeDescription(page)).toBe('button: Restore…');
    expect(sidebar.calls.some((c) => c.fn === 'restoreSnapshot')).toBe(false);

    await row.getByRole('button', { name: 'Restore…' }).click();
    const hold = sidebar.holdCalls();
    await page.click('#restore-yes');
    await expect(page.locator('#restore-yes').textContent()).resolves.toBe('Restoring…');
    expect(await page.locator('#restore-yes').getAttribute('aria-disabled')).toBe('true');
    hold();
    await waitForStatus(page, 'Restored “Before the EV pivot”. The previous state was saved as a snapshot.');
    expect(await activeDescription(page)).toBe('h1: Canvas blocks');
    await shot(page, 'restored');

    // The canvas sheet (and the figures where they live) hold the snapshot's content again.
    expect(values(bundle, CANVAS)).toEqual(canvasAtSnapshot);
    expect(values(bundle, DETAILS)).toEqual(detailsAtSnapshot);
    const after = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    expect(after.entries).toEqual(before.entries);
    expect(after.figures).toEqual(before.figures);
    // The list shows the restored canvas; its block opens with the restored content.
    await page.click('#open-key-activities');
    await page.locator('#editor-title').waitFor();
    expect(await page.getByLabel('Entry 1', { exact: true }).inputValue()).toBe(before.entries[0]);
    await page.click('#back');

    // The automatic snapshot of the state before the restore is listed, newest first.
    await openSnapshots(page);
    expect(await page.locator('.snapshot-label').allTextContents()).toEqual([
      'Before restoring Before the EV pivot',
      'Before the EV pivot',
    ]);

    // Compare two snapshots: the defaults are the older against the newer; it shows the edit that was undone.
    expect(await page.locator('#compare-from option:checked').textContent()).toMatch(/^Before the EV pivot — /);
    expect(await page.locator('#compare-to option:checked').textContent()).toMatch(
      /^Before restoring Before the EV pivot — /,
    );
    expect(await page.locator('#compare-to option').first().textContent()).toBe('Current canvas');
    await page.click('#compare-two');
    await page.locator('.compare-view').waitFor();
    expect(await page.locator('#compare-sides').textContent()).toMatch(
      /^From “Before the EV pivot” \(.+\) to “Before restoring Before the EV pivot” \(.+\)$/,
    );
    expect(await diffBlock(page, 'key-activities').locator('.diff-lines.entries .diff-text').allTextContents()).toEqual(
      [`${before.entries[0]} → Product design & engineering`],
    );
    const compareCall = sidebar.calls.filter((c) => c.fn === 'compareSnapshots').at(-1)!;
    const list = session.snapshots();
    expect(compareCall.args).toEqual([{ from: list[1].id, to: list[0].id }]);
    await page.click('#compare-back');
    expect(await activeDescription(page)).toBe('button: Compare');

    // Choosing the same snapshot on both sides is pointed out without a server call.
    await page.selectOption('#compare-to', list[1].id);
    const comparisons = sidebar.calls.filter((c) => c.fn === 'compareSnapshots').length;
    await page.click('#compare-two');
    expect(await page.locator('#snapshots-error').textContent()).toBe('Choose two different snapshots to compare.');
    expect(sidebar.calls.filter((c) => c.fn === 'compareSnapshots')).toHaveLength(comparisons);
    await expectNoScriptRan(session);
  });

  test('Enter in the label field saves; a blank label gets the time; errors show inline in plain words', async () => {
    const session = await openSession();
    const { page, bundle, sidebar } = session;
    await openSnapshots(page);
    await page.getByLabel('Label (optional)').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /^Saved the snapshot “Snapshot .+”\.$/.test(document.getElementById('status')?.textContent ?? ''),
    );
    // Named after the time in the user's time zone, by the sidebar (the server only knows UTC).
    const sent = sidebar.calls.find((c) => c.fn === 'saveSnapshot')!.args[0] as { label: string; canvasId: string };
    expect(sent.label).toMatch(/^Snapshot /);
    expect(sent.label).not.toMatch(/UTC/);
    expect(sent.canvasId).toBe('canvas-1');

    // The lock is busy: the error is shown inline, the typed label is kept, nothing is written.
    bundle.fake.lock.available = false;
    const state = bundle.fake.snapshotState();
    await page.getByLabel('Label (optional)').fill('Kept when saving fails');
    await page.click('#save-snapshot');
    const alert = page.locator('#snapshots-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The canvas is busy with another edit; please try again in a moment. No snapshot was saved.',
    );
    expect(await page.getByLabel('Label (optional)').inputValue()).toBe('Kept when saving fails');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('snapshots-error');
    expect(bundle.fake.snapshotState()).toEqual(state);

    // Restoring while busy fails in plain words too, and leaves the canvas alone.
    const row = page.locator('li.snapshot-item').first();
    await row.getByRole('button', { name: 'Restore…' }).click();
    await page.click('#restore-yes');
    await page.waitForFunction(() =>
      /was not restored\.$/.test(document.getElementById('snapshots-error')?.textContent ?? ''),
    );
    expect(await page.locator('#snapshots-error').textContent()).toBe(
      'The canvas is busy with another edit; please try again in a moment. The canvas was not restored.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('snapshots-error');
    expect(bundle.fake.snapshotState()).toEqual(state);
    await shot(page, 'error');

    bundle.fake.lock.available = true;
    await page.click('#save-snapshot');
    await waitForStatus(page, 'Saved the snapshot “Kept when saving fails”.');
    expect(await page.locator('#snapshots-error').count()).toBe(0);
    expect(session.snapshots()).toHaveLength(2);
  });
});

describe('sidebar snapshots: damaged rows and text from the sheet', () => {
  test('a damaged snapshot is listed as damaged with the reason and offers nothing; the others still work', async () => {
    let good: SnapshotInfo | undefined;
    const session = await openSession((bundle) => {
      good = bundle.call<SnapshotInfo>('saveSnapshot', { label: 'Good one' });
      const bad = bundle.call<SnapshotInfo>('saveSnapshot', { label: 'Edited by hand' });
      bundle.call<SnapshotInfo>('saveSnapshot', { label: 'Also good' });
      const row = values(bundle, SNAPSHOTS).findIndex((r) => r[0] === bad.id) + 1;
      bundle.fake.direct.setCell(SNAPSHOTS, `F${row}`, '{"format": "xiaomi-canvas/1", "blocks": [oops');
    });
    const { page, sidebar } = session;
    await openSnapshots(page);
    expect(await page.locator('.snapshot-label').allTextContents()).toEqual([
      'Also good',
      'Edited by hand',
      'Good one',
    ]);
    const damaged = snapshotRow(page, 'Edited by hand');
    expect(await damaged.getAttribute('class')).toMatch(/\bdamaged\b/);
    expect(await damaged.locator('.damaged-reason').textContent()).toMatch(
      /^Damaged: its stored canvas is not valid JSON \(.+\)\. It cannot be compared or restored; the other snapshots are fine\.$/,
    );
    expect(await damaged.locator('button').count()).toBe(0);
    // Only usable snapshots can be chosen for a comparison.
    expect(await page.locator('#compare-from option').allTextContents()).toEqual([
      expect.stringMatching(/^Also good — /),
      expect.stringMatching(/^Good one — /),
    ]);
    await fitsAndOnePrimary(page);
    await shot(page, 'damaged', true);

    // A good one compares and restores as usual.
    await snapshotRow(page, 'Good one').getByRole('button', { name: 'Compare with current' }).click();
    await page.locator('.compare-view').waitFor();
    expect((await page.locator('.diff-block').count()) + (await page.locator('#unchanged-blocks li').count())).toBe(9);
    await page.click('#compare-back');
    await snapshotRow(page, 'Good one').getByRole('button', { name: 'Restore…' }).click();
    await page.click('#restore-yes');
    await waitForStatus(page, 'Restored “Good one”. The previous state was saved as a snapshot.');
    expect(sidebar.calls.filter((c) => c.fn === 'restoreSnapshot').map((c) => [c.args, c.ok])).toEqual([
      [[{ id: good!.id, canvasId: 'canvas-1' }], true],
    ]);
    await openSnapshots(page);
    expect(await page.locator('.snapshot-label').allTextContents()).toEqual([
      'Before restoring Good one',
      'Also good',
      'Edited by hand',
      'Good one',
    ]);
    expect(await snapshotRow(page, 'Edited by hand').locator('.damaged-reason').count()).toBe(1);
  });

  test('markup in a label, an entry and a damaged row is shown literally and never runs', async () => {
    const session = await openSession();
    const { page, bundle } = session;
    await openSnapshots(page);
    await page.getByLabel('Label (optional)').fill(XSS);
    await page.keyboard.press('Enter');
    await waitForStatus(page, `Saved the snapshot “${XSS}”.`);
    expect(await page.locator('.snapshot-label').first().textContent()).toBe(XSS);
    expect(await page.locator('.snapshot-meta').first().textContent()).toMatch(/ · just saved$/);
    expect(session.snapshots()[0].label).toBe(XSS);

    // A teammate types markup into an entry cell and into a snapshot row's label and JSON.
    const canvas = session.canvas();
    const entry = canvas.blocks.find((b) => b.id === 'value-propositions')!.entries[0];
    const grid = values(bundle, CANVAS);
    const r = grid.findIndex((row) => row.includes(`•  ${entry}`));
    const c = grid[r].indexOf(`•  ${entry}`);
    bundle.fake.direct.setCell(CANVAS, `${String.fromCharCode(65 + c)}${r + 1}`, `${XSS} typed`);
    bundle.call('saveSnapshot', { label: 'second' });
    const row = values(bundle, SNAPSHOTS).findIndex((x) => x[1] === 'second') + 1;
    bundle.fake.direct.setCell(SNAPSHOTS, `B${row}`, `</script>${XSS}`);
    bundle.fake.direct.setCell(SNAPSHOTS, `F${row}`, XSS);
    await page.click('#snapshots-reload');
    await page.waitForFunction(() => /damaged/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.locator('.snapshot-label').allTextContents()).toEqual([`</script>${XSS}`, XSS]);
    expect(await snapshotRow(page, '</script>').locator('.damaged-reason').textContent()).toMatch(
      /^Damaged: its stored canvas is not valid JSON/,
    );

    await snapshotRow(page, `${XSS}`).last().getByRole('button', { name: 'Compare with current' }).click();
    await page.locator('.compare-view').waitFor();
    expect(await page.locator('#compare-sides').textContent()).toMatch(
      new RegExp(`^From “${XSS.replace(/[()]/g, '\\$&')}” `),
    );
    expect(await diffBlock(page, 'value-propositions').locator('.diff-text').allTextContents()).toEqual([
      `${entry} → ${XSS} typed`,
    ]);
    await page.click('#compare-back');
    await snapshotRow(page, XSS).last().getByRole('button', { name: 'Restore…' }).click();
    expect(await page.locator('.restore-confirm p').textContent()).toMatch(
      /^Restore “<img src=x onerror=alert\(1\)>”\?/,
    );
    await shot(page, 'xss', true);
    await expectNoScriptRan(session);
  });
});

describe('sidebar JSON export and import', () => {
  test('Download canvas file saves xiaomi-canvas-YYYY-MM-DD.json and shows its text with a Copy button', async () => {
    const session = await openSession();
    const { page, sidebar } = session;
    await page.click('#open-transfer');
    expect(await activeDescription(page)).toBe('h1: Canvas file');
    expect(await page.locator('button.action').allTextContents()).toEqual(['Download canvas file']);

    const release = sidebar.holdCalls();
    const download = page.waitForEvent('download');
    await page.click('#export-json');
    await expect(page.locator('#export-json').textContent()).resolves.toBe('Preparing…');
    release();
    const file = await download;
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(file.suggestedFilename()).toBe(`xiaomi-canvas-${today}.json`);
    const downloaded = JSON.parse(readFileSync(await file.path(), 'utf8')) as CanvasJson;
    await page.waitForFunction(() =>
      /^Downloaded xiaomi-canvas-/.test(document.getElementById('status')?.textContent ?? ''),
    );

    // The copyable fallback: a read-only text area with the same JSON.
    const text = page.getByLabel('Canvas file text');
    expect(await text.getAttribute('readonly')).not.toBeNull();
    const json = JSON.parse(await text.inputValue()) as CanvasJson;
    expect(json.format).toBe('xiaomi-canvas/3');
    expect(json).toEqual(downloaded);
    const canvas = session.canvas();
    expect(json.blocks.map((b: { entries: string[] }) => b.entries)).toEqual(canvas.blocks.map((b) => b.entries));
    expect(await page.locator('#export-download').textContent()).toBe(`xiaomi-canvas-${today}.json`);

    await page.click('#copy-json');
    await page.waitForFunction(() =>
      /^(Copied the canvas file text|The text is selected)/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await activeDescription(page)).toBe('textarea: Canvas file text');
    expect(
      await page.evaluate(() => {
        const field = document.activeElement as HTMLTextAreaElement;
        return field.selectionEnd - field.selectionStart === field.value.length;
      }),
    ).toBe(true);
    await fitsAndOnePrimary(page);
    await shot(page, 'export');
    await page.click('#transfer-back');
    expect(await activeDescription(page)).toBe('button: Canvas file');
  });

  test('Open canvas file creates "Xiaomi Canvas (2)" and the list shows it; bad files are refused in plain words', async () => {
    const session = await openSession();
    const { page, bundle, sidebar } = session;
    const exported = JSON.parse(bundle.call<string>('exportCanvasJson')) as CanvasJson;
    exported.blocks[3].entries[0] = 'Imported ✓ — مرحبا =1+1';
    const good = Buffer.from(JSON.stringify(exported), 'utf8');
    await page.click('#open-transfer');
    const input = page.getByLabel('Open canvas file…');
    expect(await input.getAttribute('accept')).toBe('.json,application/json');

    // Too large: refused here, before any server call.
    await input.setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(1024 * 1024 + 1, 32),
    });
    const alert = page.locator('#import-error');
    expect(await alert.textContent()).toBe(
      '“huge.json” is too large to import (1.01 MB; the limit is 1 MB). Choose a smaller file.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-error');
    expect(sidebar.calls.filter((c) => c.fn === 'importCanvasJson')).toEqual([]);

    // Not a canvas: the server's reason, and nothing changed.
    const state = bundle.fake.snapshotState();
    await input.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "other/2"}'),
    });
    await page.waitForFunction(() => /other\/2/.test(document.getElementById('import-error')?.textContent ?? ''));
    expect(await alert.textContent()).toBe('This is not a canvas file (its format is "other/2"). Nothing was changed.');
    expect(bundle.fake.snapshotState()).toEqual(state);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-error');
    await fitsAndOnePrimary(page);
    await shot(page, 'import-error');

    // A good file: "Importing…" while the call runs, then the list shows the new canvas.
    const release = sidebar.holdCalls();
    await input.setInputFiles({ name: 'canvas.json', mimeType: 'application/json', buffer: good });
    await expect(page.locator('.file-button-text').textContent()).resolves.toBe('Opening…');
    expect(await page.locator('#import-file').getAttribute('aria-disabled')).toBe('true');
    release();
    await waitForStatus(page, 'Opened as a new canvas on sheet Xiaomi Canvas (2).');
    // Two canvases now: the list says which one it edits (the imported one) and lets the user switch.
    const picker = page.getByLabel('Editing canvas');
    expect(await picker.inputValue()).toBe('canvas-2');
    expect(await picker.locator('option').allTextContents()).toEqual(['Xiaomi Canvas', 'Xiaomi Canvas (2)']);
    expect(await activeDescription(page)).toBe('h1: Canvas blocks');
    await shot(page, 'imported');
    expect(bundle.fake.direct.sheetNames()).toContain('Xiaomi Canvas (2)');
    expect(values(bundle, 'Xiaomi Canvas (2)').flat()).toContain('•  Imported ✓ — مرحبا =1+1');
    const imported = sidebar.calls.filter((c) => c.fn === 'importCanvasJson');
    expect(imported.at(-1)!.args).toEqual([good.toString('utf8')]);
    // The original canvas is untouched.
    expect(values(bundle, CANVAS).flat()).not.toContain('•  Imported ✓ — مرحبا =1+1');
    await page.click('#open-value-propositions');
    await page.locator('#editor-title').waitFor();
    expect(await page.getByLabel('Entry 1', { exact: true }).inputValue()).toBe('Imported ✓ — مرحبا =1+1');
    await expectNoScriptRan(session);
  });
});
