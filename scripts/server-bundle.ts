/** Bundles src/server/main.ts for Apps Script and appends a top-level wrapper per entry point of the contract. */
import { build, type Plugin } from 'esbuild';
import { minify } from 'terser';
import { ENTRY_POINTS } from '../src/core/sidebar-functions';
import { compactContent } from './compact-content';
import { compactReportedResults } from './compact-reported';
import { entryPointWrappers } from './entry-wrappers';

/**
 * The server bundle as Apps Script gets it: src/server/main.ts as one IIFE (global `XiaomiCanvas`), then a
 * top-level wrapper per entry point of the contract (src/core/sidebar-functions.ts). Used by the build and by the benchmark
 * (which swaps the content with a plugin), so both measure the same code.
 *
 * esbuild bundles and minifies; Terser then compresses the result further (two passes: about 2.7 KB less than
 * esbuild alone), because Apps Script parses the whole file on every call. Top-level names
 * (the global and the wrappers) are never renamed.
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
  const compressed = await minify(result.outputFiles[0].text, {
    ecma: 2020,
    toplevel: false,
    // Object.keys has no side effect: an unused call (a list kept for the types) goes. unsafe_arrows turns
    // function expressions that use neither `this` nor `arguments` into arrows (about 0.9 KB): "unsafe" only for
    // code that constructs such a function with `new` or reads its prototype, and none here does (our code has
    // classes and arrows; zod's constructors are declarations that use `this`). The bundle suites run this file.
    compress: { passes: 2, pure_funcs: ['Object.keys'], unsafe_arrows: true },
    mangle: true,
    format: { comments: false, ascii_only: false },
  });
  if (compressed.code === undefined) throw new Error('Terser returned no code for the server bundle');
  const entryPoints = [...ENTRY_POINTS];
  return { code: `${compressed.code}\n${entryPointWrappers(entryPoints)}`, entryPoints };
}
