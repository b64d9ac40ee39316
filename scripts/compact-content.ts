/** Build step: embeds the canvas content lz-string-compressed, unpacked only by the calls that need it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { compressToBase64 } from 'lz-string';

/**
 * Apps Script loads the whole bundle on every call, so the canvas content (half the bundle as plain JSON) is
 * embedded compressed with lz-string and unpacked only when a call needs it (insert, reset, import, About):
 * src/server/content.ts calls the function this module exports. Reading and saving never pay for it.
 */
export function compactContentModule(json: string): string {
  const packed = compressToBase64(JSON.stringify(JSON.parse(json)));
  return (
    `import { decompressFromBase64 } from 'lz-string';` +
    `export default function unpackContent() { return JSON.parse(decompressFromBase64(${JSON.stringify(packed)})); }`
  );
}

/** esbuild plugin: content/xiaomi-canvas.json (validated by the build first) becomes the module above. */
export function compactContent(root: string): Plugin {
  return {
    name: 'compact-content',
    setup(build) {
      build.onLoad({ filter: /[\\/]content[\\/]xiaomi-canvas\.json$/ }, () => ({
        contents: compactContentModule(readFileSync(resolve(root, 'content/xiaomi-canvas.json'), 'utf8')),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}
