import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSidebarHtml } from '../../scripts/build-sidebar';
import { embedJson } from '../../src/core/embed-json';

const SIDEBAR_DIR = join(__dirname, '../../src/sidebar');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

/** APIs that turn a string into markup or code: the sidebar never needs them, so it never uses them. */
const MARKUP_SINKS = [
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /\binsertAdjacentHTML\b/,
  /\bdocument\.write/,
  /\bcreateContextualFragment\b/,
  /\bDOMParser\b/,
  /\bsrcdoc\b/,
  /\beval\s*\(/,
  /\bnew\s+Function\b/,
  /setAttribute\(\s*['"`]on/i,
  /\bsetTimeout\(\s*['"`]/,
];

describe('sidebar security: spreadsheet text is only ever text', () => {
  test.each(sourceFiles(SIDEBAR_DIR).map((path) => [relative(SIDEBAR_DIR, path), path]))(
    '%s uses no markup or code sinks',
    (_name, path) => {
      const source = readFileSync(path, 'utf8');
      for (const sink of MARKUP_SINKS)
        expect({ sink: String(sink), found: sink.test(source) }).toEqual({ sink: String(sink), found: false });
    },
  );

  test('the template has no inline event handlers and loads nothing from outside', () => {
    const template = readFileSync(join(SIDEBAR_DIR, 'sidebar.html'), 'utf8');
    expect(template).not.toMatch(/\son[a-z]+\s*=/i);
    expect(template).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)=/i);
  });
});

describe('sidebar build: one self-contained page with the boot placeholder', () => {
  let html: string;
  beforeAll(async () => {
    html = await buildSidebarHtml({ rootDir: join(__dirname, '../..') });
  });

  test('the boot-data tag appears exactly once, as the server expects it', () => {
    const tag = '<script type="application/json" id="boot-data">/*__BOOT_JSON__*/null</script>';
    expect(html.split(tag)).toHaveLength(2);
    expect(html.split('__BOOT_JSON__')).toHaveLength(2);
  });

  test('code and style are inlined; nothing is fetched', () => {
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)=/i);
    expect(html).not.toContain('/*__SIDEBAR_JS__*/');
    expect(html).not.toContain('/*__SIDEBAR_CSS__*/');
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts).toEqual(['<script type="application/json" id="boot-data">', '<script>']);
  });

  test('embedded cell text cannot close the boot-data tag', () => {
    const filled = html.replace('/*__BOOT_JSON__*/null', () =>
      embedJson({ error: '</script><img src=x onerror=alert(1)>' }),
    );
    expect(filled.match(/<\/script>/gi)).toHaveLength(2);
    expect(filled).not.toContain('<img');
  });
});
