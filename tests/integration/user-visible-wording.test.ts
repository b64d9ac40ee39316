import type { CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';

/**
 * What users read is about Xiaomi: no cell, note, dialog, toast or sidebar text speaks of "the seed" (how the
 * content was made) or repeats the template shop's product-page copy.
 */
const FORBIDDEN = [
  /\bseeds?\b/i,
  /fully editable/i,
  /trusted, industry-standard templates/i,
  /after purchasing/i,
  /instantly gain full access/i,
  /available now/i,
];

/** The visible text of an HTML page: without its script and style code, tags removed. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
}

function everythingUsersRead(): string[] {
  const b = loadBundle();
  b.call('onOpen', { authMode: 'FULL' });
  b.call('insertXiaomiCanvas');
  b.call('showCanvasSidebar');
  b.call('showAbout');
  b.call('saveSnapshotFromMenu');
  const view = b.call<CanvasView>('getCanvas');
  const texts: string[] = [];
  for (const sheet of b.fake.model().sheets) {
    texts.push(sheet.name);
    for (const cell of sheet.cells) texts.push(cell.display, cell.note ?? '');
  }
  const ui = b.fake.ui;
  texts.push(...ui.alerts.flatMap((a) => [a.title ?? '', a.prompt]));
  texts.push(...ui.toasts.flatMap((t) => [t.title ?? '', t.message]));
  texts.push(...ui.sidebars.flatMap((s) => [s.title, visibleText(s.html)]));
  texts.push(...ui.menus.flatMap((m) => m.items.map((i) => (i === 'separator' ? '' : i.caption))));
  // The sidebar shows the canvas it was given: every block's title, entries and figures.
  texts.push(JSON.stringify(view));
  return texts.filter((t) => t !== '');
}

describe('What users read is about Xiaomi', () => {
  const texts = everythingUsersRead();

  test('the scan sees the inserted sheets, notes, dialogs and the sidebar', () => {
    const all = texts.join('\n');
    expect(all).toContain('Key Partners');
    expect(all).toContain('Assumption: 1 CNY = 0.14 USD');
    expect(all).toContain('About Xiaomi Canvas');
    expect(all).toMatch(/Xiaomi's R&D spending/);
  });

  test.each(FORBIDDEN.map((re) => [re.source, re]))('nothing shown matches %s', (_, re) => {
    expect(texts.filter((t) => re.test(t))).toEqual([]);
  });

  test('the Xiaomi text of the template stays verbatim', () => {
    expect(texts).toContain(
      "Explore the core of Xiaomi's success with its Business Model Canvas. This concise tool outlines its key partnerships, activities, and resources. Understand how Xiaomi delivers value and reaches its customer segments. Analyze its revenue streams and cost structure to grasp its profitability.",
    );
  });
});
