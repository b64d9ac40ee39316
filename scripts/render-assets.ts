/**
 * npm run assets — renders the Marketplace graphics from their SVG sources in headless Chromium:
 * marketplace/assets/icon.svg → icon-32/48/96/128.png, banner.svg → banner-220x140.png.
 * The SVGs are the sources; the PNGs are never edited by hand (rerun this after changing an SVG).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './bundle-host';
import { launchChromium } from './chromium';

export const ASSETS_DIR = join(repoRoot(), 'marketplace', 'assets');

/** Every PNG the listing needs, with the SVG it is drawn from and its exact size in pixels. */
export const ASSET_RENDERS = [
  ...[32, 48, 96, 128].map((size) => ({ source: 'icon.svg', file: `icon-${size}.png`, width: size, height: size })),
  { source: 'banner.svg', file: 'banner-220x140.png', width: 220, height: 140 },
] as const;

/** A page that draws the SVG at exactly width × height CSS pixels, on a transparent background. */
function page(svg: string, width: number, height: number): string {
  return `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:transparent}svg{display:block;width:${width}px;height:${height}px}</style>${svg}`;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const render of ASSET_RENDERS) {
      const context = await browser.newContext({
        viewport: { width: render.width, height: render.height },
        deviceScaleFactor: 1,
      });
      const tab = await context.newPage();
      await tab.setContent(page(readFileSync(join(ASSETS_DIR, render.source), 'utf8'), render.width, render.height));
      await tab.screenshot({ path: join(ASSETS_DIR, render.file), omitBackground: true, animations: 'disabled' });
      await context.close();
      console.log(`marketplace/assets/${render.file} (${render.width}×${render.height}) from ${render.source}`);
    }
  } finally {
    await browser.close();
  }
}

if (/render-assets\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(`assets failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
