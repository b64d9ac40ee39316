/** Build step: embeds the canvas content gzip-packed (scripts/packed-json.ts), unpacked only by the calls that need it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { packedJsonModule } from './packed-json';

/**
 * Apps Script loads the whole bundle on every call, so the canvas content (half the bundle as plain JSON) is
 * embedded compressed (raw deflate, see packed-json.ts) and unpacked only when a call needs it (insert, reset,
 * import, About): src/server/content.ts calls the function this module exports. Reading and saving never pay for it.
 */
export function compactContentModule(json: string): Promise<string> {
  // "because" (why a link or an entry's evidence holds) is for reviewers and tests; the add-on never shows it.
  return packedJsonModule(
    JSON.parse(json, (key, value: unknown) => (key === 'because' ? undefined : value)),
    'unpackContent',
  );
}

/** esbuild plugin: content/xiaomi-canvas.json (validated by the build first) becomes the module above. */
export function compactContent(root: string): Plugin {
  return {
    name: 'compact-content',
    setup(build) {
      build.onLoad({ filter: /[\\/]content[\\/]xiaomi-canvas\.json$/ }, async () => ({
        contents: await compactContentModule(readFileSync(resolve(root, 'content/xiaomi-canvas.json'), 'utf8')),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}
