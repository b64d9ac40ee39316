/** Bundles src/server/main.ts for Apps Script and appends a top-level wrapper per entry point of the contract. */
import { build, type Plugin } from 'esbuild';
import { ENTRY_POINTS } from '../src/core/sidebar-functions';
import { compactContent } from './compact-content';
import { compactReportedResults } from './compact-reported';
import { entryPointWrappers } from './entry-wrappers';

/**
 * The server bundle as Apps Script gets it: src/server/main.ts as one IIFE (global `XiaomiCanvas`), then a
 * top-level wrapper per entry point of the contract (src/core/sidebar-functions.ts). Used by the build and by the benchmark
 * (which swaps the content with a plugin), so both measure the same code.
 */
export async function bundleServer(
  options: { root?: string; plugins?: Plugin[] } = {},
): Promise<{ code: string; entryPoints: string[] }> {
  const root = options.root ?? process.cwd();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'XiaomiCanvas',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Apps Script's V8 runtime runs modern ECMAScript; ES2020 keeps ?. and ?? as written (about 4 KB smaller than ES2019's rewrites).
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    // Apps Script stores source files as UTF-8: keep ’ – • … as characters, not six-byte \uXXXX escapes.
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    plugins: [...(options.plugins ?? []), compactReportedResults(root), compactContent(root)],
  });
  const entryPoints = [...ENTRY_POINTS];
  return { code: `${result.outputFiles[0].text}\n${entryPointWrappers(entryPoints)}`, entryPoints };
}
