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
  canvas(this: void): CanvasView;
  /** Makes the next calls of `fn` fail with `message` (as a Google service failure would) until restored. */
  failNext(this: void, fn: string, message: string): () => void;
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
      const original = bundle.call;
      bundle.call = <T = unknown>(name: string, ...args: unknown[]): T => {
        if (name === fn) throw new Error(message);
        return original<T>(name, ...args);
      };
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

const activeId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
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
    await page.getByLabel('Entry 1', { exact: true }).fill('Mine');
    const cell = bundle.fake.direct
      .values('Xiaomi Canvas')
      .flatMap((row, r) => row.map((v, c) => ({ v, r, c })).filter(({ v }) => v === `•  ${session0(bundle)}`))[0];
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
  test('the largest block (Key Resources) fits in 1,850 px at 300 × 700; figures are one-line rows that open to edit', async () => {
    const { page, canvas, bundle } = await openSession();
    await openBlock(page, 'key-resources');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: join(OUTPUT, 'sidebar-ux-key-resources.png'), fullPage: true });
    // 1,750 until issue 19 added the evidence filter and an evidence chip beside each entry
    expect(height).toBeLessThanOrEqual(1850);
    const block = canvas().blocks.find((b) => b.id === 'key-resources')!;
    expect(block.figures.length).toBeGreaterThanOrEqual(10);

    // Each figure is one row: "label · value unit · period", closed, with its source sentence under it.
    const rows = page.locator('li.figure');
    expect(await rows.count()).toBe(block.figures.length);
    expect(await page.locator('.figure-fields').count()).toBe(0);
    const first = block.figures[0];
    expect(await rows.nth(0).locator('.figure-summary').textContent()).toBe(
      `Figure 1: ${first.label}, ${new Intl.NumberFormat('en-US').format(first.value)} ${first.unit} · ${first.period}`,
    );
    const file = JSON.parse(bundle.call<string>('exportCanvasJson')) as {
      blocks: Array<{ id: string; figures: Array<{ source?: string }> }>;
    };
    const source = file.blocks.find((b) => b.id === 'key-resources')!.figures[0].source!;
    expect(source.length).toBeGreaterThan(20);
    expect(await rows.nth(0).locator('.figure-source').textContent()).toBe(`Source: ${source}`);
    expect(await rows.nth(0).locator('.figure-source').isVisible()).toBe(true);

    // It opens to edit (and closes again) in place; focus stays on the row.
    await rows.nth(1).locator('.figure-summary').click();
    expect(await rows.nth(1).locator('.figure-summary').getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('group', { name: 'Figure 2' }).getByLabel('Value', { exact: true }).inputValue()).toBe(
      String(block.figures[1].value),
    );
    expect(await activeId(page)).toBe(await rows.nth(1).locator('.figure-summary').getAttribute('id'));
    await rows.nth(1).locator('.figure-summary').click();
    expect(await page.locator('.figure-fields').count()).toBe(0);

    // Entries are compact fields; their actions (move, delete) sit behind one "More actions" button each.
    expect(await page.locator('li.entry button:visible').count()).toBe(block.entries.length);
    await page.getByRole('button', { name: 'More actions for entry 2' }).click();
    const actions = page.getByRole('group', { name: 'Entry 2 actions' });
    expect(await actions.getByRole('button').allTextContents()).toEqual(['Move up', 'Move down', 'Delete']);
    expect(await page.locator('li.entry button:visible').count()).toBe(block.entries.length + 3);
  });
});

describe('sidebar: Save within reach', () => {
  test('the Save footer stays in view; Ctrl/⌘+Enter saves; a failure is shown in view and focused', async () => {
    const { page, sidebar, failNext, canvas } = await openSession();
    await openBlock(page, 'key-resources');
    const footerInView = () =>
      page.evaluate(() => {
        const box = document.getElementById('editor-footer')!.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    expect(await footerInView()).toBe(true);
    await page.mouse.wheel(0, 800);
    await page.waitForFunction(() => window.scrollY > 0);
    expect(await footerInView()).toBe(true);

    // Ctrl+Enter from any field saves (⌘+Enter on a Mac).
    await page.getByLabel('Entry 9', { exact: true }).fill('Saved with the keyboard');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Resources.');
    expect(canvas().blocks.find((b) => b.id === 'key-resources')!.entries[8]).toBe('Saved with the keyboard');
    await page.getByLabel('Entry 9', { exact: true }).fill('And with Meta');
    await page.keyboard.press('Meta+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Resources.');
    expect(sidebar.calls.filter((c) => c.fn === 'saveBlock' && c.ok)).toHaveLength(2);

    // A failure: the message is in the viewport and has focus, whatever was scrolled.
    await page.getByLabel('Entry 1', { exact: true }).fill('Will fail');
    await page.mouse.wheel(0, 400);
    failNext('saveBlock', 'Service Spreadsheets timed out while accessing document with id 1a2B');
    await page.click('#save');
    await page.waitForSelector('#editor-error');
    expect(await activeId(page)).toBe('editor-error');
    expect(
      await page.evaluate(() => {
        const box = document.getElementById('editor-error')!.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expect(await page.getByLabel('Entry 1', { exact: true }).inputValue()).toBe('Will fail');
    await shot(page, 'save-failed');
  });

  test('status messages never move the page: they float over it', async () => {
    const { page } = await openSession();
    await openBlock(page, 'key-partners');
    const layout = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('#app *')).map((n) => {
          const box = n.getBoundingClientRect();
          // Where it sits in the document (the sticky footer's own offset depends on the scroll, so it is left out).
          return n.closest('.footer') || box.height === 0
            ? 'footer or hidden'
            : `${Math.round(box.top + window.scrollY)},${Math.round(box.left)},${Math.round(box.height)}`;
        }),
      );
    await page.getByLabel('Entry 1', { exact: true }).fill('A change');
    await page.evaluate(() => {
      document.getElementById('status')!.textContent = '';
    });
    const before = await layout();
    await page.focus('#save');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Partners.');
    expect(await page.locator('#snackbar').evaluate((n) => getComputedStyle(n).position)).toBe('fixed');
    expect(await layout()).toEqual(before);
  });
});

describe('sidebar: forgiving', () => {
  test('deleting an entry or a figure offers Undo (no confirmation); Undo puts it back where it was', async () => {
    const { page, canvas, sidebar } = await openSession();
    const block = canvas().blocks.find((b) => b.id === 'key-activities')!;
    await openBlock(page, 'key-activities');
    await page.getByLabel('Entry 3', { exact: true }).fill('Typed, then deleted by mistake');
    await page.getByRole('button', { name: 'More actions for entry 3' }).click();
    await page.getByRole('group', { name: 'Entry 3 actions' }).getByRole('button', { name: 'Delete' }).click();
    expect(await page.locator('.panel.confirm').count()).toBe(0);
    expect(await statusText(page)).toBe('Entry 3 deleted.');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    expect(await undo.isVisible()).toBe(true);
    await shot(page, 'undo');
    await undo.click();
    expect(await page.getByLabel('Entry 3', { exact: true }).inputValue()).toBe('Typed, then deleted by mistake');
    expect(await activeId(page)).toBe(await page.getByLabel('Entry 3', { exact: true }).getAttribute('id'));
    expect(await undo.isVisible()).toBe(false);
    expect(await page.locator('li.entry').count()).toBe(block.entries.length);

    await page.locator('li.figure').nth(1).locator('.figure-summary').click();
    await page.getByRole('group', { name: 'Figure 2' }).getByLabel('Note', { exact: true }).fill('my note');
    await page.getByRole('button', { name: 'Delete figure' }).click();
    expect(await page.locator('li.figure').count()).toBe(block.figures.length - 1);
    expect(await statusText(page)).toBe(`Figure 2 (${block.figures[1].label}) deleted.`);
    await undo.click();
    expect(await page.locator('li.figure').count()).toBe(block.figures.length);
    expect(await page.locator('li.figure').nth(1).locator('.figure-label').textContent()).toBe(block.figures[1].label);
    expect(await page.getByRole('group', { name: 'Figure 2' }).getByLabel('Note', { exact: true }).inputValue()).toBe(
      'my note',
    );
    expect(sidebar.calls.filter((c) => c.fn === 'saveBlock')).toEqual([]);
  });

  test('Cancel with unsaved edits asks; Escape keeps editing; Cancel with none leaves at once', async () => {
    const { page } = await openSession();
    await openBlock(page, 'channels');
    await page.click('#cancel');
    await page.waitForSelector('#list-title');
    await openBlock(page, 'channels');
    await page.getByLabel('Entry 1', { exact: true }).fill('Not to be lost');
    await page.click('#cancel');
    expect(await page.locator('#confirm-text').textContent()).toBe('You have unsaved edits to Channels. Discard them?');
    expect(await activeId(page)).toBe('confirm-text');
    await shot(page, 'cancel-confirm');
    await page.keyboard.press('Escape');
    expect(await page.locator('#confirm-text').count()).toBe(0);
    expect(await activeId(page)).toBe('cancel');
    expect(await page.getByLabel('Entry 1', { exact: true }).inputValue()).toBe('Not to be lost');
    // Back asks the same way.
    await page.click('#back');
    await page.keyboard.press('Escape');
    expect(await activeId(page)).toBe('back');
    await page.click('#cancel');
    await page.click('#confirm-yes');
    await page.waitForSelector('#list-title');
    expect(await statusText(page)).toBe('Your edits to Channels were discarded.');
  });

  test('Escape closes any confirmation or panel: entry actions, an open figure, Reset, Restore', async () => {
    const { page } = await openSession();
    await openBlock(page, 'key-partners');
    await page.getByRole('button', { name: 'More actions for entry 1' }).click();
    await page.keyboard.press('Escape');
    expect(await page.locator('.entry-actions').count()).toBe(0);
    expect(await activeId(page)).toBe(
      await page.getByRole('button', { name: 'More actions for entry 1' }).getAttribute('id'),
    );

    await page.locator('.figure-summary').first().click();
    await page.getByRole('group', { name: 'Figure 1' }).getByLabel('Unit', { exact: true }).focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('.figure-fields').count()).toBe(0);
    expect(await activeId(page)).toBe(await page.locator('.figure-summary').first().getAttribute('id'));

    await page.click('#reset');
    await page.keyboard.press('Escape');
    expect(await page.locator('.panel.confirm').count()).toBe(0);
    expect(await activeId(page)).toBe('reset');

    await page.click('#back');
    await page.click('#open-snapshots');
    await page.click('#save-snapshot');
    await page.waitForSelector('li.snapshot-item');
    await page.getByRole('button', { name: 'Restore…' }).click();
    await page.keyboard.press('Escape');
    expect(await page.locator('.restore-confirm').count()).toBe(0);
    expect(await page.locator('#snapshot-0-restore').getAttribute('aria-expanded')).toBe('false');
    expect(await activeId(page)).toBe('snapshot-0-restore');
  });
});

describe('sidebar: focus and announcements', () => {
  test('focus stays on the control that started a call, the region is marked aria-busy, and each message is announced once', async () => {
    const { page, sidebar } = await openSession();
    await openBlock(page, 'key-activities');
    await page.getByLabel('Entry 1', { exact: true }).fill('Busy test');
    await page.evaluate(() => {
      const w = window as unknown as { __announced: string[] };
      w.__announced = [];
      new MutationObserver(() => w.__announced.push(document.getElementById('status')!.textContent ?? '')).observe(
        document.getElementById('status')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    const release = sidebar.holdCalls();
    await page.focus('#save');
    await page.keyboard.press('Enter');
    await expect(page.locator('#save').textContent()).resolves.toBe('Saving…');
    expect(await activeId(page)).toBe('save');
    expect(await page.locator('#app').getAttribute('aria-busy')).toBe('true');
    // Typing during the call is kept (the view re-renders around it).
    release();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');
    expect(await page.locator('#app').getAttribute('aria-busy')).toBe('false');
    expect(await activeId(page)).toBe('save');
    // Re-rendering (opening a figure, moving focus) does not re-announce anything.
    await page.locator('.figure-summary').first().click();
    await page.locator('.figure-summary').first().click();
    const announced = await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
    expect(announced.filter((text) => text === 'Saved Key Activities.')).toHaveLength(1);
    expect(await liveRegions(page)).toEqual(['status']);

    // On the list too: Refresh keeps focus on Refresh while it runs.
    await page.click('#back');
    const hold = sidebar.holdCalls();
    await page.click('#refresh');
    await expect(page.locator('#refresh').textContent()).resolves.toBe('Refreshing…');
    expect(await activeId(page)).toBe('refresh');
    expect(await page.locator('#app').getAttribute('aria-busy')).toBe('true');
    hold();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Refreshed from the sheet.');
    expect(await activeId(page)).toBe('refresh');
  });
});

describe('sidebar: figures that help', () => {
  test('grouped values, unit suggestions with a note when a unit will not convert, metrics from the canvas or typed', async () => {
    const { page, bundle, canvas } = await openSession();
    await openBlock(page, 'key-activities');
    await page.click('#add-figure');
    const added = page.getByRole('group', { name: /^Figure \d+$/ }).last();
    await page.keyboard.type('Smart factories output');
    await added.getByLabel('Value', { exact: true }).fill('1,234.5');
    const unit = added.getByLabel('Unit', { exact: true });
    expect(await unit.getAttribute('list')).toBe('unit-options');
    expect(
      await page.locator('#unit-options option').evaluateAll((o) => o.map((n) => (n as HTMLOptionElement).value)),
    ).toEqual(['CNY bn', 'CNY m', 'USD bn', 'USD m']);
    await unit.fill('USD billion');
    const note = page.locator('.unit-note');
    expect(await note.textContent()).toMatch(/no USD value for “USD billion”/);
    expect(await unit.getAttribute('aria-describedby')).toContain(await note.getAttribute('id'));
    await unit.fill('CNY m');
    expect(await note.textContent()).toBe('');
    await added.getByLabel('Period', { exact: true }).fill('2024');
    const metric = added.getByLabel('Metric', { exact: true });
    const metrics = await page
      .locator('#metric-options option')
      .evaluateAll((o) => o.map((n) => (n as HTMLOptionElement).value));
    const canvasMetrics = [
      ...new Set(
        canvas()
          .blocks.flatMap((b) => b.figures.map((f) => f.metric))
          .filter(Boolean),
      ),
    ];
    expect([...metrics].sort()).toEqual([...canvasMetrics].sort());
    expect(metrics).toContain('rd-spend');
    await metric.fill('rd-spend');
    // The one-line row follows what is typed.
    expect(await page.locator('li.figure').last().locator('.figure-value').textContent()).toBe('1,234.5 CNY m · 2024');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');
    const saved = canvas()
      .blocks.find((b) => b.id === 'key-activities')!
      .figures.at(-1)!;
    // Xiaomi reported R&D for 2024: the new figure is compared with it at once.
    expect(saved.reported).toMatchObject({ period: '2024', unit: 'CNY m', differs: true });
    expect({ ...saved, reported: undefined }).toEqual({
      reported: undefined,
      label: 'Smart factories output',
      value: 1234.5,
      unit: 'CNY m',
      period: '2024',
      metric: 'rd-spend',
    });
    // It joins the conflict checks: Key Figures has its metric.
    const row = (bundle.fake.direct.values('Key Figures') as unknown[][]).find(
      (r) => r[1] === 'Smart factories output',
    )!;
    expect(row).toContain('rd-spend');
  });
});

describe('sidebar: words for analysts', () => {
  test('no file-format or programming names; the default snapshot label is in the user’s time zone', async () => {
    const { page, sidebar } = await openSession({ timezoneId: 'Asia/Shanghai' });
    const visibleText = () => page.evaluate(() => document.body.innerText);
    expect(await visibleText()).not.toMatch(/JSON|xiaomi-canvas\/|canonical/);
    await page.click('#open-transfer');
    expect(await page.getByRole('button', { name: 'Download canvas file' }).count()).toBe(1);
    expect(await page.getByLabel('Open canvas file…').count()).toBe(1);
    expect(await visibleText()).not.toMatch(/JSON|xiaomi-canvas\/|canonical/);
    await page.click('#transfer-back');

    await page.click('#open-snapshots');
    await page.click('#save-snapshot');
    await page.waitForSelector('li.snapshot-item');
    const saved = sidebar.calls.find((c) => c.fn === 'saveSnapshot')!.result as SnapshotListItem;
    const local = new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(saved.savedAt));
    expect(saved.label).toBe(`Snapshot ${local}`);
    expect(await page.locator('.snapshot-meta time').textContent()).toBe(local);
  });
});

describe('sidebar: today’s Google look', () => {
  test('a title, the system font stack, inline SVG icons, nothing fetched', async () => {
    const { page, sidebar } = await openSession();
    expect(await page.title()).toBe('Xiaomi Canvas');
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toMatch(/Google Sans/);
    expect(font).toMatch(/system-ui/);
    expect(font).toMatch(/sans-serif$/);
    await openBlock(page, 'key-partners');
    // Icons are inline SVG, hidden from screen readers; no glyph stands in for an icon.
    const icons = page.locator('svg.icon-svg');
    expect(await icons.count()).toBeGreaterThan(5);
    expect(await page.locator('svg.icon-svg:not([aria-hidden="true"])').count()).toBe(0);
    expect(await page.locator('button').allTextContents()).not.toContainEqual(expect.stringMatching(/[↑↓✕‹]/));
    expect(await page.evaluate(() => document.querySelectorAll('link, img, script[src], style[src]').length)).toBe(0);
    expect(sidebar.blockedRequests).toEqual([]);
  });
});
