import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SIDEBAR_FUNCTION_NAMES } from '../../src/core/sidebar-functions';
import type { CanvasView } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { launchChromium } from './launch';
import { openSidebar, type SidebarPage } from './sidebar-page';

/** Where browser tests leave their screenshots for review. */
export const OUTPUT = join(__dirname, '../output');

/** What the browser tests' stand-in google.script.run offers: exactly the contract's sidebar functions. */
export const STAND_IN_FUNCTIONS: readonly string[] = [...SIDEBAR_FUNCTION_NAMES];

/**
 * The jest hooks every sidebar browser test file needs: one Chromium per file, every sidebar page closed after
 * each test, and any error on a page fails that test. Returns how to open the sidebar of a loaded bundle.
 */
export function sidebarSuite(): {
  openBundleSidebar(this: void, bundle: LoadedBundle, options?: { timezoneId?: string }): Promise<SidebarPage>;
  openInsertedCanvas(this: void, before?: (bundle: LoadedBundle) => void): Promise<InsertedCanvas>;
} {
  let browser: Browser;
  const open: SidebarPage[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await launchChromium();
  });

  afterEach(async () => {
    const errors = open.flatMap((sidebar) => sidebar.pageErrors);
    while (open.length) await open.pop()?.close();
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const suite = {
    /** The sidebar exactly as showCanvasSidebar() hands it to the Sheets UI, its calls running the bundle. */
    async openBundleSidebar(bundle: LoadedBundle, options: { timezoneId?: string } = {}) {
      bundle.call('showCanvasSidebar');
      const shown = bundle.fake.ui.sidebars.at(-1);
      if (!shown) throw new Error('showCanvasSidebar() showed no sidebar');
      expect(shown.title).toBe('Xiaomi Canvas');
      const sidebar = await openSidebar(
        browser,
        shown.html,
        {
          functionNames: [...STAND_IN_FUNCTIONS],
          call: (fn, args) => bundle.call(fn, ...args),
        },
        options,
      );
      open.push(sidebar);
      return sidebar;
    },
    /** A fresh bundle with a canvas inserted (then `before`, e.g. a teammate's edit), and its sidebar open. */
    async openInsertedCanvas(before: (bundle: LoadedBundle) => void = () => {}): Promise<InsertedCanvas> {
      const bundle = loadBundle();
      bundle.call('insertXiaomiCanvas');
      before(bundle);
      const sidebar = await suite.openBundleSidebar(bundle);
      return { bundle, page: sidebar.page, canvas: () => bundle.call<CanvasView>('getCanvas') };
    },
  };
  return suite;
}

export interface InsertedCanvas {
  bundle: LoadedBundle;
  page: Page;
  /** The canvas as getCanvas() returns it now. */
  canvas(this: void): CanvasView;
}
