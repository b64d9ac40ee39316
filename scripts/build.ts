/**
 * npm run build: validate content → type-check every layer → bundle the server into dist/Code.js (content embedded,
 * one top-level function per entry point) → dist/Sidebar.html → dist/appsscript.json.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSidebarHtml } from './build-sidebar';
import { typecheckLayers } from './layers';
import { bundleServer } from './server-bundle';
import { loadAndValidateContent, loadAndValidateReported } from './validate-content';

const skipTypecheck = process.argv.includes('--no-typecheck');

function step(name: string): void {
  console.log(`• ${name}`);
}

async function main(): Promise<void> {
  step('validate content/xiaomi-canvas.json');
  const content = loadAndValidateContent();
  const figures = content.blocks.reduce((n, b) => n + b.figures.length, 0);
  console.log(`  ${content.blocks.length} blocks, ${figures} figures`);
  step('validate content/reported-results.json');
  console.log(`  ${loadAndValidateReported().figures.length} reported figures`);

  if (!skipTypecheck) {
    step('type-check each layer (tsc --noEmit: core, server, sidebar, tools and tests)');
    const failed = typecheckLayers();
    if (failed.length > 0) throw new Error(`type-check failed in ${failed.join(', ')}`);
  }

  mkdirSync('dist', { recursive: true });
  step('bundle src/server/main.ts → dist/Code.js');
  const { code, entryPoints } = await bundleServer();
  writeFileSync('dist/Code.js', code);
  // src/entry-points.json is the contract's list as a file (for clasp's readers and tools outside TypeScript).
  const listed = `${JSON.stringify(entryPoints, null, 2)}\n`;
  if (!existsSync('src/entry-points.json') || readFileSync('src/entry-points.json', 'utf8') !== listed) {
    writeFileSync('src/entry-points.json', listed);
    console.log('  src/entry-points.json rewritten from src/core/sidebar-functions.ts');
  }

  step('sidebar → dist/Sidebar.html');
  const sidebar = await buildSidebarHtml();
  writeFileSync('dist/Sidebar.html', sidebar);

  copyFileSync('appsscript.json', 'dist/appsscript.json');

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `  dist/Code.js ${kb(Buffer.byteLength(code))} (gzip ${kb(gzipSync(code).length)}), ` +
      `dist/Sidebar.html ${kb(Buffer.byteLength(sidebar))}, ${entryPoints.length} entry points`,
  );
}

main().catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
