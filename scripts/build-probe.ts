/**
 * npm run build:probe: bundles probe/ into dist-probe/Code.js (a top-level `function runProbe()`) with the
 * add-on's manifest (its two scopes), for a maintainer to push to a scratch spreadsheet with clasp
 * (see README, "Conformance probe"). Tests and CI never push it.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

async function main(): Promise<void> {
  const result = await build({
    entryPoints: ['probe/main.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'XiaomiCanvasProbe',
    platform: 'neutral',
    target: 'es2019',
    write: false,
    logLevel: 'silent',
  });
  const code = `${result.outputFiles[0].text}\nfunction runProbe() {\n  return XiaomiCanvasProbe.runProbe();\n}\n`;
  mkdirSync('dist-probe', { recursive: true });
  writeFileSync('dist-probe/Code.js', code);
  copyFileSync('appsscript.json', 'dist-probe/appsscript.json');
  console.log(`dist-probe/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, dist-probe/appsscript.json`);
}

main().catch((error: unknown) => {
  console.error(`build:probe failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
