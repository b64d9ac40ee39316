/**
 * The canvas sidebar in a real browser (issue 3): headless Chromium loads the sidebar HTML exactly as
 * showCanvasSidebar() produces it, and its google.script.run calls run the built dist/Code.js on the
 * Sheets fake in Node. Screenshots for review land in tests/output/sidebar-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { a1 } from '../../src/core/a1';
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../../src/core/block-ids';
import type { CanvasView } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import type { SidebarPage } from './sidebar-page';
import { OUTPUT, sidebarSuite } from './sidebar-suite';

const CANVAS = 'Xiaomi Canvas';
const DETAILS = 'Xiaomi Details';
const KEY_FIGURES = 'Key Figures';
const XSS = '<img src=x onerror=alert(1)>';
const XSS_FLAG = '<img src=x onerror="window.__xss=1">';

const { openBundleSidebar } = sidebarSuite();

interface Session {
  bundle: LoadedBundle;
  sidebar: SidebarPage;
  page: Page;
  /** The canvas as the server reads it now (not through the sidebar). */
  canvas(): CanvasView;
}

async function openSession(
  prepare?: (bundle: LoadedBundle) => void,
  options: { insert?: boolean } = {},
): Promise<Session> {
  const bundle = loadBundle();
  if (options.insert !== false) bundle.call('insertXiaomiCanvas');
  prepare?.(bundle);
  const sidebar = await openBundleSidebar(bundle);
  return { bundle, sidebar, page: sidebar.page, canvas: () => bundle.call<CanvasView>('getCanvas') };
}

function values(bundle: LoadedBundle, sheet: string): unknown[][] {
  return bundle.fake.direct.values(sheet);
}

/** Where each block's entries sit on the canvas sheet: its column and the column-A markers around it. */
const CANVAS_REGIONS: Record<BlockId, { col: number; from: string; to: string }> = {
  'key-partners': { col: 2, from: 'top', to: 'top-end' },
  'key-activities': { col: 4, from: 'top', to: 'top-split' },
  'key-resources': { col: 4, from: 'top-split', to: 'top-end' },
  'value-propositions': { col: 6, from: 'top', to: 'top-end' },
  'customer-relationships': { col: 8, from: 'top', to: 'top-split' },
  channels: { col: 8, from: 'top-split', to: 'top-end' },
  'customer-segments': { col: 10, from: 'top', to: 'top-end' },
  'cost-structure': { col: 2, from: 'bottom', to: 'bottom-end' },
  'revenue-streams': { col: 7, from: 'bottom', to: 'bottom-end' },
};

function markerRow(grid: unknown[][], marker: string): number {
  const row = grid.findIndex((r) => r[0] === marker);
  if (row < 0) throw new Error(`no marker ${marker} in column A`);
  return row;
}

/** The block's entry cells as the canvas sheet holds them (from title row + 2 to the closing marker), read directly. */
function canvasEntries(bundle: LoadedBundle, blockId: BlockId): Array<{ a1: string; text: unknown }> {
  const grid = values(bundle, CANVAS);
  const region = CANVAS_REGIONS[blockId];
  const end = markerRow(grid, region.to);
  const cells: Array<{ a1: string; text: unknown }> = [];
  for (let r = markerRow(grid, region.from) + 2; r < end; r++) {
    const cell = grid[r][region.col - 1];
    // The canvas shows each entry with its bullet as part of the cell's text (see src/core/entry-text.ts).
    const text = typeof cell === 'string' ? cell.replace(/^• {2}/, '') : cell;
    if (text !== '' && text !== null && text !== undefined) cells.push({ a1: a1(r + 1, region.col), text });
  }
  return cells;
}

const canvasTexts = (bundle: LoadedBundle, blockId: BlockId) => canvasEntries(bundle, blockId).map((c) => c.text);

/** The A1 address of the block's entry cell (0-based index) on the canvas sheet: where a teammate would type. */
function entryCell(bundle: LoadedBundle, blockId: BlockId, index: number): string {
  const cell = canvasEntries(bundle, blockId)[index];
  if (!cell) throw new Error(`${blockId} has no entry ${index + 1} on the canvas sheet`);
  return cell.a1;
}

/** The block's figures where they live (Xiaomi Details, columns F..G between its block:/end: markers). */
function detailsFigures(bundle: LoadedBundle, blockId: BlockId): Array<{ a1: string; label: unknown; value: unknown }> {
  const grid = values(bundle, DETAILS);
  const end = markerRow(grid, `end:${blockId}`);
  const figures: Array<{ a1: string; label: unknown; value: unknown }> = [];
  // Heading row, then the table header (Figure | Value | ...), then one row per figure.
  for (let r = markerRow(grid, `block:${blockId}`) + 2; r < end; r++) {
    if (grid[r][5] !== '') figures.push({ a1: a1(r + 1, 6), label: grid[r][5], value: grid[r][6] });
  }
  return figures;
}

/** The row of `sheet` whose columns hold `match` (column index → value). */
function rowWhere(bundle: LoadedBundle, sheet: string, match: Record<number, unknown>): unknown[] {
  const row = values(bundle, sheet).find((r) => Object.entries(match).every(([c, v]) => r[Number(c)] === v));
  if (!row) throw new Error(`no row of ${sheet} matches ${JSON.stringify(match)}`);
  return row;
}

/** Opens a block from the list and waits for its form (opening reads the block from the sheet first). */
async function openBlock(page: Page, blockId: BlockId): Promise<void> {
  await page.click(`#open-${blockId}`);
  await page.locator('#editor-title').waitFor();
}

const entryField = (page: Page, n: number) => page.getByLabel(`Entry ${n}`, { exact: true });
const figureGroup = (page: Page, n: number) => page.getByRole('group', { name: `Figure ${n}`, exact: true });
/** Opens figure n's one-line row for editing (figures start closed). */
async function openFigure(page: Page, n: number): Promise<void> {
  const toggle = page
    .locator('li.figure')
    .nth(n - 1)
    .locator('.figure-summary');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}
/** Runs one of an entry's grouped actions (Move up, Move down, Delete) from its "More actions" button. */
async function entryAction(page: Page, n: number, action: 'Move up' | 'Move down' | 'Delete'): Promise<void> {
  const more = page.getByRole('button', { name: `More actions for entry ${n}`, exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page
    .getByRole('group', { name: `Entry ${n} actions`, exact: true })
    .getByRole('button', { name: action, exact: true })
    .click();
}
const statusText = (page: Page) => page.locator('#status');

async function entryValues(page: Page): Promise<string[]> {
  return page.locator('textarea.entry-text').evaluateAll((nodes) => nodes.map((n) => (n as HTMLTextAreaElement).value));
}

async function activeDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement>; value?: string };
    const label = a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.textContent ?? '';
    return `${a.tagName.toLowerCase()}: ${label.trim()}`;
  });
}

/** Waits (briefly) until a Node-side condition holds, e.g. a fire-and-forget server call has finished. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `sidebar-${name}.png`) });
}

async function expectNoScriptRan(session: Session): Promise<void> {
  const { page, sidebar } = session;
  expect(sidebar.dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  expect(sidebar.blockedRequests).toEqual([]);
}

describe('sidebar: the block list', () => {
  test('paints the 9 blocks in canonical order with their entry counts, with no server call', async () => {
    const session = await openSession();
    const { page, sidebar } = session;
    const canvas = session.canvas();
    const items = page.locator('button.block-item');
    await expect(items.count()).resolves.toBe(9);
    expect(await page.locator('button.block-item .block-title').allTextContents()).toEqual(
      BLOCK_IDS.map((id) => BLOCK_TITLES[id]),
    );
    const counts = await page.locator('button.block-item .block-count').allTextContents();
    canvas.blocks.forEach((block, i) =>
      expect(counts[i]).toMatch(new RegExp(`^${block.entries.length} entr(y|ies)\\b`)),
    );
    expect(await page.locator('.sheet-name').textContent()).toBe('Sheet: Xiaomi Canvas');
    expect(sidebar.calls).toEqual([]);
    // One view fits the 300 px sidebar, with at most one blue primary action.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(await page.locator('button.action').count()).toBeLessThanOrEqual(1);
    await shot(page, 'list');
  });

  test('the small Numbers entry after the nine blocks opens the numbers sheet (keyboard too)', async () => {
    const { page, sidebar } = await openSession();
    const numbers = page.getByRole('button', { name: /^Numbers Charts of Xiaomi’s reported results/ });
    await expect(numbers.count()).resolves.toBe(1);
    await page.focus('#open-numbers');
    await page.keyboard.press('Enter');
    await until(() => sidebar.calls.some((c) => c.fn === 'showNumbers' && c.ok !== undefined));
    expect(sidebar.calls.filter((c) => c.fn === 'showNumbers').map((c) => c.ok)).toEqual([true]);
    await expect(page.locator('#list-error').count()).resolves.toBe(0);
  });

  test('a block opens by click, Enter or Space; it is selected on the sheet; Back returns to the list', async () => {
    const { page, sidebar } = await openSession();
    await openBlock(page, 'key-activities');
    await expect(page.locator('h1').textContent()).resolves.toBe('Key Activities');
    expect(await activeDescription(page)).toBe('h1: Key Activities');
    await page.click('#back');
    expect(await activeDescription(page)).toMatch(/^button: Key Activities/);

    await page.focus('#open-channels');
    await page.keyboard.press('Enter');
    await page.locator('#editor-title').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Channels');
    await page.click('#back');
    await page.focus('#open-cost-structure');
    await page.keyboard.press('Space');
    await page.locator('#editor-title').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Cost Structure');

    await until(() => sidebar.calls.filter((c) => c.fn === 'selectBlock' && c.ok !== undefined).length === 3);
    expect(sidebar.calls.filter((c) => c.fn === 'selectBlock').map((c) => [c.args, c.ok])).toEqual([
      [[{ blockId: 'key-activities', canvasId: 'canvas-1' }], true],
      [[{ blockId: 'channels', canvasId: 'canvas-1' }], true],
      [[{ blockId: 'cost-structure', canvasId: 'canvas-1' }], true],
    ]);
  });

  test('with no canvas yet it says so, and Refresh loads the canvas once it is inserted', async () => {
    const session = await openSession(undefined, { insert: false });
    const { page, bundle } = session;
    await expect(page.locator('#list-error').textContent()).resolves.toMatch(/insert/i);
    bundle.call('insertXiaomiCanvas');
    await page.click('#refresh');
    await page.waitForSelector('button.block-item');
    expect(await page.locator('button.block-item').count()).toBe(9);
    expect(await page.locator('#list-error').count()).toBe(0);
  });

  test('shows how many figures differ from Xiaomi’s reported results, and each figure’s reported value', async () => {
    const session = await openSession();
    const { page } = session;
    expect(await page.locator('#open-key-partners .block-count').textContent()).toMatch(/^\d+ entries · \d+ figures$/);
    // Its own line in the row, and part of the row's accessible name.
    expect(await page.locator('#open-key-partners .block-differs').textContent()).toMatch(
      /^ [1-9]\d* differs? from reported$/,
    );
    expect(await page.locator('#open-key-partners').textContent()).toMatch(/figures [1-9]\d* differs? from reported/);
    expect(await page.locator('#open-customer-relationships .block-differs').count()).toBe(0);
    await openBlock(page, 'key-partners');
    const lines = await page.locator('.figure .reported').allTextContents();
    expect(lines).toContain('Xiaomi reported 51.23 USD bn (2024) · −31.7 % vs reported');
    await expectNoScriptRan(session);
  });
});

describe('sidebar: editing a block and saving it in one call', () => {
  test('edit, add, delete and reorder entries (buttons and Alt+arrows), edit a figure, Save writes the sheet and Key Figures', async () => {
    const session = await openSession();
    const { page, sidebar, bundle } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    const figure = before.figures[0];
    await openBlock(page, 'key-activities');
    expect(await entryValues(page)).toEqual(before.entries);
    expect(await page.locator('button.action').allTextContents()).toEqual(['Save']);

    // Edit entry 1, delete entry 3, add one at the end.
    await entryField(page, 1).fill('Product design & engineering');
    await entryAction(page, 3, 'Delete');
    await page.getByRole('button', { name: 'Add entry', exact: true }).click();
    await page.keyboard.type('Smart factory automation');
    const n = before.entries.length; // one deleted, one added
    expect(await activeDescription(page)).toBe(`textarea: Entry ${n}`);

    // Reorder with a button: entry 1 moves down; focus follows the moved entry's button.
    await entryAction(page, 1, 'Move down');
    expect(await activeDescription(page)).toBe('button: Move down');
    expect(await page.evaluate(() => document.activeElement?.closest('[role=group]')?.getAttribute('aria-label'))).toBe(
      'Entry 2 actions',
    );
    // Reorder by keyboard: Alt+ArrowUp twice in the new entry; focus stays in it.
    await entryField(page, n).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await activeDescription(page)).toBe(`textarea: Entry ${n - 2}`);
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(
      'Smart factory automation',
    );
    await expect(statusText(page).textContent()).resolves.toBe(`Entry moved to position ${n - 2} of ${n}.`);
    await page.keyboard.press('Alt+ArrowDown');
    expect(await activeDescription(page)).toBe(`textarea: Entry ${n - 1}`);

    const rest = before.entries.slice(3);
    const expected = [
      before.entries[1],
      'Product design & engineering',
      ...rest.slice(0, -1),
      'Smart factory automation',
      rest[rest.length - 1],
    ];
    expect(await entryValues(page)).toEqual(expected);

    // Edit figure 1's value.
    await openFigure(page, 1);
    await figureGroup(page, 1).getByLabel('Value', { exact: true }).fill('21.5');
    await expect(page.locator('#dirty-state').textContent()).resolves.toMatch(/unsaved changes/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await shot(page, 'editor');

    // Save: the button says what is happening while the call runs.
    const release = sidebar.holdCalls();
    await page.click('#save');
    await expect(page.locator('#save').textContent()).resolves.toBe('Saving…');
    expect(await page.locator('#save').getAttribute('aria-disabled')).toBe('true');
    await shot(page, 'saving');
    release();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');
    expect(await page.locator('#save').textContent()).toBe('Save');
    expect(await page.locator('#dirty-state').textContent()).not.toMatch(/unsaved/);

    // One saveBlock call carried the whole block.
    const saves = sidebar.calls.filter((c) => c.fn === 'saveBlock');
    expect(saves).toHaveLength(1);
    expect(saves[0].args[0]).toMatchObject({ blockId: 'key-activities', version: before.version, entries: expected });
    // the server's comparison with reported results is not part of a save
    const sent = Object.fromEntries(Object.entries(figure).filter(([key]) => key !== 'reported'));
    expect((saves[0].args[0] as { figures: unknown[] }).figures[0]).toEqual({ ...sent, value: 21.5 });

    // The sheet is the truth: the canvas sheet, the figure where it lives, and Key Figures all changed.
    expect(canvasTexts(bundle, 'key-activities')).toEqual(expected);
    expect(values(bundle, CANVAS).flat()).not.toContain(`•  ${before.entries[2]}`);
    expect(detailsFigures(bundle, 'key-activities').map((f) => [f.label, f.value])).toEqual(
      before.figures.map((f, i) => [f.label, i === 0 ? 21.5 : f.value]),
    );
    expect(rowWhere(bundle, KEY_FIGURES, { 0: 'Key Activities', 1: figure.label })[2]).toBe(21.5);
    const after = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    expect(after.entries).toEqual(expected);
    expect(after.figures[0].value).toBe(21.5);
    expect(after.figures.slice(1)).toEqual(before.figures.slice(1));

    // Back in the list, the count is current.
    await page.click('#back');
    expect(await page.locator('#open-key-activities .block-count').textContent()).toMatch(
      new RegExp(`^${expected.length} entries`),
    );
    await expectNoScriptRan(session);
  });

  test('add and delete figures; the hidden metric is kept; Key Figures follows', async () => {
    const session = await openSession();
    const { page, bundle } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    await openBlock(page, 'key-activities');
    await openFigure(page, 2);
    await figureGroup(page, 2).getByRole('button', { name: 'Delete figure', exact: true }).click();
    await page.getByRole('button', { name: 'Add figure', exact: true }).click();
    const added = figureGroup(page, before.figures.length);
    expect(await activeDescription(page)).toBe('input: Label');
    await page.keyboard.type('Factories');
    await added.getByLabel('Value', { exact: true }).fill('2');
    await added.getByLabel('Unit', { exact: true }).fill('count');
    await added.getByLabel('Period', { exact: true }).fill('2024');
    await added.getByLabel('Note', { exact: true }).fill('smart factories');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');

    const after = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    const kept = before.figures.filter((_, i) => i !== 1);
    expect(after.figures).toEqual([
      ...kept,
      { label: 'Factories', value: 2, unit: 'count', period: '2024', note: 'smart factories' },
    ]);
    const keyFigures = values(bundle, KEY_FIGURES)
      .filter((r) => r[0] === 'Key Activities')
      .map((r) => [r[1], r[2]]);
    expect(keyFigures).toEqual(after.figures.map((f) => [f.label, f.value]));
    expect(rowWhere(bundle, KEY_FIGURES, { 1: 'Factories' })[2]).toBe(2);
    expect(detailsFigures(bundle, 'key-activities').map((f) => [f.label, f.value])).toEqual(
      after.figures.map((f) => [f.label, f.value]),
    );
  });

  test('Cancel discards the edits; Reset to original asks first, then restores the embedded content', async () => {
    const session = await openSession();
    const { page, sidebar } = session;
    const original = session.canvas().blocks.find((b) => b.id === 'channels')!;
    await openBlock(page, 'channels');
    await entryField(page, 1).fill('Only online');
    await page.click('#cancel');
    await page.click('#confirm-yes');
    await openBlock(page, 'channels');
    expect(await entryValues(page)).toEqual(original.entries);

    await entryField(page, 1).fill('Only online');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Channels.');
    expect(session.canvas().blocks.find((b) => b.id === 'channels')!.entries[0]).toBe('Only online');

    await page.click('#reset');
    const confirm = page.locator('.panel.confirm');
    await expect(confirm.textContent()).resolves.toMatch(/Reset Channels to the original Xiaomi content\?/);
    await shot(page, 'reset-confirm');
    await page.getByRole('button', { name: 'Keep current content' }).click();
    expect(await confirm.count()).toBe(0);
    expect(sidebar.calls.some((c) => c.fn === 'resetBlock')).toBe(false);

    await page.click('#reset');
    const release = sidebar.holdCalls();
    await page.click('#confirm-yes');
    await expect(page.locator('#confirm-yes').textContent()).resolves.toBe('Resetting…');
    release();
    await page.waitForFunction(() =>
      /reset to the original content/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await entryValues(page)).toEqual(original.entries);
    expect(session.canvas().blocks.find((b) => b.id === 'channels')!.entries).toEqual(original.entries);
    expect(sidebar.dialogs).toEqual([]);
  });

  test('Refresh re-reads the sheet, and warns before throwing away unsaved edits', async () => {
    const session = await openSession();
    const { page, bundle, sidebar } = session;
    const release = sidebar.holdCalls();
    await page.click('#refresh');
    await expect(page.locator('#refresh').textContent()).resolves.toBe('Refreshing…');
    expect(await page.locator('#refresh').isDisabled()).toBe(true);
    release();
    await page.waitForFunction(() => document.getElementById('refresh')?.textContent === 'Refresh');

    await openBlock(page, 'key-partners');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'key-partners', 0), 'Typed in the sheet');
    await page.click('#refresh');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Refreshed Key Partners from the sheet.',
    );
    expect((await entryValues(page))[0]).toBe('Typed in the sheet');

    await entryField(page, 2).fill('My unsaved edit');
    await page.click('#refresh');
    await expect(page.locator('.panel.confirm').textContent()).resolves.toMatch(/unsaved edits/);
    await page.getByRole('button', { name: 'Keep editing' }).click();
    expect((await entryValues(page))[1]).toBe('My unsaved edit');
    expect(sidebar.calls.filter((c) => c.fn === 'getCanvas')).toHaveLength(2);
  });
});

describe('sidebar: bound to the canvas it shows', () => {
  test('with two canvases it says which one it edits, switches, and saves there whatever tab is active', async () => {
    const session = await openSession((bundle) => {
      bundle.fake.ui.alertResponses.push('YES');
      bundle.call('insertXiaomiCanvas'); // "Xiaomi Canvas (2)", now the active tab
    });
    const { page, bundle } = session;
    const picker = page.getByLabel('Editing canvas');
    expect(await picker.inputValue()).toBe('canvas-2');
    await picker.selectOption('canvas-1');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Refreshed from the sheet.');
    expect(await page.getByLabel('Editing canvas').inputValue()).toBe('canvas-1');
    await shot(page, 'two-canvases');

    await openBlock(page, 'channels');
    await entryField(page, 1).fill('Only on the first canvas');
    // The user clicks into the other canvas's tab meanwhile.
    bundle.fake.direct.uncounted(() => bundle.fake.spreadsheet.getSheetByName('Xiaomi Canvas (2)')!.activate());
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Channels.');
    const first = bundle.call<CanvasView>('getCanvas', { canvasId: 'canvas-1' });
    const second = bundle.call<CanvasView>('getCanvas', { canvasId: 'canvas-2' });
    expect(first.blocks.find((b) => b.id === 'channels')!.entries[0]).toBe('Only on the first canvas');
    expect(second.blocks.find((b) => b.id === 'channels')!.entries[0]).not.toBe('Only on the first canvas');

    // Fit checks and "show what serves" are about the canvas shown too, not the active tab's.
    await page.click('#back');
    await page.locator('#check-fit').click();
    await page.waitForSelector('.fit-list li');
    const ev = first.segments.find((s) => s.text === 'Early EV adopters')!;
    await page.selectOption('#serving-filter', ev.id);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('selected on the sheet'));
    const requests = session.sidebar.calls
      .filter((c) => c.fn === 'getFitChecks' || c.fn === 'selectSegmentEntries')
      .map((c) => c.args[0] as { canvasId?: string });
    expect(requests.map((r) => r.canvasId)).toEqual(['canvas-1', 'canvas-1']);
    expect(bundle.fake.direct.activeRange()).toMatch(/^Xiaomi Canvas!/);
  });
});

describe('sidebar: errors and conflicts never lose what the user typed', () => {
  test('opening a block reads it from the sheet: a cell edit made after the sidebar opened is shown', async () => {
    const session = await openSession();
    const { page, bundle, sidebar } = session;
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'key-activities', 0), 'Typed in the cell just now');
    await openBlock(page, 'key-activities');
    await page.locator('#editor-title').waitFor();
    expect((await entryValues(page))[0]).toBe('Typed in the cell just now');
    await entryField(page, 2).fill('Then edited in the sidebar');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');
    expect(canvasTexts(bundle, 'key-activities').slice(0, 2)).toEqual([
      'Typed in the cell just now',
      'Then edited in the sidebar',
    ]);
    const calls = sidebar.calls.filter((c) => c.fn !== 'selectBlock').map((c) => `${c.fn}:${c.ok}`);
    expect(calls).toEqual(['getBlock:true', 'saveBlock:true']);
  });

  test('a teammate’s edit of another entry is merged on Save, never overwritten', async () => {
    const session = await openSession();
    const { page, bundle, sidebar } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    await openBlock(page, 'key-activities');
    await entryField(page, 2).fill('My edit of entry 2');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'key-activities', 0), 'Teammate’s edit');
    await page.click('#save');
    await page.waitForFunction(() =>
      document
        .getElementById('status')
        ?.textContent?.startsWith('Saved Key Activities, together with a teammate’s changes'),
    );
    const expected = ['Teammate’s edit', 'My edit of entry 2', ...before.entries.slice(2)];
    expect(canvasTexts(bundle, 'key-activities')).toEqual(expected);
    expect(await entryValues(page)).toEqual(expected);
    expect(await page.locator('.panel.conflict').count()).toBe(0);
    const save = sidebar.calls.find((c) => c.fn === 'saveBlock')!;
    expect((save.args[0] as { base: unknown }).base).toEqual({
      entries: before.entries,
      figures: before.figures,
      evidence: before.evidence,
    });
  });

  test('a conflict shows only the overlapping items, mine beside theirs; the choice and the rest are saved', async () => {
    const session = await openSession();
    const { page, bundle } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'key-activities')!;
    await openBlock(page, 'key-activities');
    await entryField(page, 2).fill('Mine for entry 2');
    await entryField(page, 3).fill('Mine for entry 3');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'key-activities', 1), 'Theirs for entry 2');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'key-activities', 4), 'Theirs for entry 5');
    await page.click('#save');
    const panel = page.locator('.panel.conflict');
    await panel.waitFor();
    await expect(panel.locator('.error-text').textContent()).resolves.toMatch(
      /^Key Activities was changed by someone else/,
    );
    // Only entry 2 overlaps: one choice, mine beside theirs.
    expect(await panel.locator('.conflict-item').count()).toBe(1);
    expect(await panel.locator('.conflict-side').allTextContents()).toEqual([
      ' Keep mineMine for entry 2',
      ' Keep teammate’sTheirs for entry 2',
    ]);
    expect(await activeDescription(page)).toBe('h2: A teammate changed the same items');
    expect(await page.locator('#save').isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await shot(page, 'conflict');
    // Nothing was written by the refused save.
    const theirs = [
      before.entries[0],
      'Theirs for entry 2',
      ...before.entries.slice(2, 4),
      'Theirs for entry 5',
      ...before.entries.slice(5),
    ];
    expect(canvasTexts(bundle, 'key-activities')).toEqual(theirs);

    await page.getByLabel('Keep mine').check();
    await page.click('#use-choices');
    const merged = [
      before.entries[0],
      'Mine for entry 2',
      'Mine for entry 3',
      before.entries[3],
      'Theirs for entry 5',
      ...before.entries.slice(5),
    ];
    expect(await entryValues(page)).toEqual(merged);
    expect(await activeDescription(page)).toBe('button: Save');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Activities.');
    expect(canvasTexts(bundle, 'key-activities')).toEqual(merged);
    expect(session.canvas().blocks.find((b) => b.id === 'key-activities')!.entries).toEqual(merged);
  });

  test('Discard my edits loads what the sheet holds', async () => {
    const session = await openSession();
    const { page, bundle } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'revenue-streams')!;
    await openBlock(page, 'revenue-streams');
    await entryField(page, 2).fill('Mine');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'revenue-streams', 1), 'Theirs');
    await page.click('#save');
    await page.locator('.panel.conflict').waitFor();
    await page.getByRole('button', { name: 'Discard my edits' }).click();
    expect(await entryValues(page)).toEqual([before.entries[0], 'Theirs', ...before.entries.slice(2)]);
    expect(await page.locator('#save').isDisabled()).toBe(false);
    expect(await page.locator('.panel.conflict').count()).toBe(0);
    expect(canvasTexts(bundle, 'revenue-streams')).toEqual([before.entries[0], 'Theirs', ...before.entries.slice(2)]);
  });

  test('a server error shows inline in plain words and the form keeps the typed text', async () => {
    const session = await openSession();
    const { page, bundle, sidebar } = session;
    const before = session.canvas().blocks.find((b) => b.id === 'key-resources')!;
    await openBlock(page, 'key-resources');
    await entryField(page, 1).fill('Typed before the error');
    await openFigure(page, 1);
    await figureGroup(page, 1).getByLabel('Note', { exact: true }).fill('a note I wrote');

    bundle.fake.lock.available = false;
    const stateBefore = bundle.fake.snapshotState();
    await page.click('#save');
    const alert = page.locator('#editor-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The canvas is busy with another edit; please try again in a moment. Nothing was saved; your edits are still in the form.',
    );
    expect(bundle.fake.snapshotState()).toEqual(stateBefore);
    expect((await entryValues(page))[0]).toBe('Typed before the error');
    expect(await figureGroup(page, 1).getByLabel('Note', { exact: true }).inputValue()).toBe('a note I wrote');
    expect(await page.locator('#save').textContent()).toBe('Save');
    // Focus moves to the message, which sits in the sticky footer right above Save: in view, and read out once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor-error');
    await shot(page, 'error');

    bundle.fake.lock.available = true;
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Key Resources.');
    expect(await page.locator('#editor-error').count()).toBe(0);
    expect(session.canvas().blocks.find((b) => b.id === 'key-resources')!.entries[0]).toBe('Typed before the error');
    expect(before.entries[0]).not.toBe('Typed before the error');
    expect(sidebar.calls.filter((c) => c.fn === 'saveBlock').map((c) => c.ok)).toEqual([false, true]);
  });

  test('if the canvas sheet is deleted meanwhile, selecting and saving say so in plain words', async () => {
    const session = await openSession();
    const { page, bundle } = session;
    await openBlock(page, 'key-partners');
    bundle.fake.direct.uncounted(() =>
      bundle.fake.spreadsheet.deleteSheet(bundle.fake.spreadsheet.getSheetByName(CANVAS)!),
    );
    await entryField(page, 1).fill('Still typing');
    await page.click('#save');
    await page.locator('#editor-error').waitFor();
    expect(await page.locator('#editor-error').textContent()).toMatch(
      /^The canvas this sidebar was editing is no longer in this spreadsheet.*Nothing was saved; your edits are still in the form\.$/,
    );
    expect((await entryValues(page))[0]).toBe('Still typing');
    // Opening a block of the deleted canvas says so in the list, and opens nothing stale.
    await page.click('#cancel');
    await page.click('#confirm-yes');
    await page.click('#open-channels');
    await page.locator('#list-error').waitFor();
    expect(await page.locator('#list-error').textContent()).toMatch(
      /^Channels could not be opened: The canvas this sidebar was editing is no longer in this spreadsheet/,
    );
    await expectNoScriptRan(session);
  });

  test('invalid input is pointed out before any server call', async () => {
    const session = await openSession();
    const { page, sidebar } = session;
    await openBlock(page, 'key-activities');
    await entryField(page, 2).fill('   ');
    await openFigure(page, 1);
    await figureGroup(page, 1).getByLabel('Value', { exact: true }).fill('about 20');
    await openFigure(page, 2);
    await figureGroup(page, 2).getByLabel('Label', { exact: true }).fill('');
    await openFigure(page, 2); // closes it: the problem opens it again
    await page.click('#save');
    const issues = page.locator('#issues');
    await issues.waitFor();
    const label1 = await page.locator('li.figure').nth(0).locator('.figure-label').textContent();
    expect(await issues.locator('li').allTextContents()).toEqual([
      'Entry 2 is empty. Type some text or delete it.',
      `Figure 1 (${label1}): the value must be a number, such as 1,234.5 or -20.`,
      'Figure 2: the label is required.',
    ]);
    // Focus moves to the list of problems; each problem links to its field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('issues');
    expect(await figureGroup(page, 2).getByLabel('Label', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await issues.getByRole('button', { name: 'Entry 2 is empty. Type some text or delete it.' }).click();
    expect(await activeDescription(page)).toBe('textarea: Entry 2');
    expect(await entryField(page, 2).getAttribute('aria-invalid')).toBe('true');
    expect(await figureGroup(page, 1).getByLabel('Value', { exact: true }).inputValue()).toBe('about 20');
    await shot(page, 'invalid');
    expect(sidebar.calls.filter((c) => c.fn === 'saveBlock')).toEqual([]);

    await page.keyboard.type('Fixed');
    expect(await entryField(page, 2).getAttribute('aria-invalid')).toBeNull();
    expect(await issues.locator('li').count()).toBe(2);
  });
});

describe('sidebar: spreadsheet text is shown as text and never runs', () => {
  test('markup in cells (embedded at open, after Refresh, and in the conflict panel) is shown literally', async () => {
    const session = await openSession((bundle) => {
      bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'value-propositions', 0), XSS);
    });
    const { page, bundle } = session;
    await openBlock(page, 'value-propositions');
    expect((await entryValues(page))[0]).toBe(XSS);

    await page.click('#back');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'value-propositions', 1), XSS_FLAG);
    bundle.fake.direct.setCell(DETAILS, detailsFigures(bundle, 'value-propositions')[0].a1, `</script>${XSS}`);
    await page.click('#refresh');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Refreshed from the sheet.');
    await openBlock(page, 'value-propositions');
    expect((await entryValues(page)).slice(0, 2)).toEqual([XSS, XSS_FLAG]);
    expect(await page.locator('li.figure .figure-label').first().textContent()).toBe(`</script>${XSS}`);
    await openFigure(page, 1);
    expect(await figureGroup(page, 1).getByLabel('Label', { exact: true }).inputValue()).toBe(`</script>${XSS}`);

    // The conflict panel lists sheet text too.
    await entryField(page, 3).fill('mine');
    bundle.fake.direct.setCell(CANVAS, entryCell(bundle, 'value-propositions', 2), `${XSS} again`);
    await page.click('#save');
    await page.locator('.panel.conflict').waitFor();
    expect(await page.locator('.conflict-items li').allTextContents()).toEqual(['mine', `${XSS} again`]);
    await shot(page, 'xss');
    await expectNoScriptRan(session);
  });
});
