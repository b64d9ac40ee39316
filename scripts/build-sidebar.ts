/**
 * Builds the sidebar into one self-contained HTML string (Apps Script serves HTML files only):
 * the client TypeScript bundled into an IIFE and the CSS, both inlined into src/sidebar/sidebar.html.
 * The lead's build writes the result to dist/Sidebar.html.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const BOOT_PLACEHOLDER = '<script type="application/json" id="boot-data">/*__BOOT_JSON__*/null</script>';
const CSS_PLACEHOLDER = '/*__SIDEBAR_CSS__*/';
const JS_PLACEHOLDER = '/*__SIDEBAR_JS__*/';

/** The repository root: the nearest folder above this file (or the working directory) holding package.json. */
function repoRoot(): string {
  const starts = [typeof __dirname === 'string' ? __dirname : '', process.cwd()].filter(Boolean);
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'sidebar', 'sidebar.html')))
        return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('build-sidebar: cannot find the repository root (src/sidebar/sidebar.html)');
}

function replaceOnce(text: string, placeholder: string, value: string): string {
  const at = text.indexOf(placeholder);
  if (at < 0 || text.indexOf(placeholder, at + 1) >= 0)
    throw new Error(`build-sidebar: expected ${placeholder} exactly once in the template`);
  return text.slice(0, at) + value + text.slice(at + placeholder.length);
}

/** The sidebar page, ready for `showCanvasSidebar()` to fill in the boot JSON. */
export async function buildSidebarHtml(options: { rootDir?: string; minify?: boolean } = {}): Promise<string> {
  const root = options.rootDir ?? repoRoot();
  const sidebarDir = path.join(root, 'src', 'sidebar');
  const result = await build({
    entryPoints: [path.join(sidebarDir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: options.minify ?? true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0].text.trim();
  const css = readFileSync(path.join(sidebarDir, 'sidebar.css'), 'utf8').trim();
  const template = readFileSync(path.join(sidebarDir, 'sidebar.html'), 'utf8');

  // Inlined code must not end its own tag early, nor carry the text the server looks for.
  if (/<\/script|<!--/i.test(js)) throw new Error('build-sidebar: the client bundle contains "</script" or "<!--"');
  if (/<\/style/i.test(css)) throw new Error('build-sidebar: sidebar.css contains "</style"');
  if (js.includes('__BOOT_JSON__') || css.includes('__BOOT_JSON__'))
    throw new Error('build-sidebar: __BOOT_JSON__ may appear only in the boot-data tag');

  let html = replaceOnce(template, CSS_PLACEHOLDER, css);
  html = replaceOnce(html, JS_PLACEHOLDER, js);
  if (html.split(BOOT_PLACEHOLDER).length !== 2)
    throw new Error('build-sidebar: the boot-data tag must appear exactly once');
  return html;
}
