/**
 * The code's layers as the compiler sees them: one TypeScript project per layer, each with only the globals that
 * layer may use (see each tsconfig.json). The build and `npm run typecheck` check all of them.
 */
import { spawnSync } from 'node:child_process';

/** Each layer's tsconfig.json folder: core (ECMAScript only), server (Apps Script), sidebar (DOM), tools and tests (Node). */
export const TYPESCRIPT_PROJECTS = ['src/core', 'src/server', 'src/sidebar', '.'] as const;

/** Runs tsc on every layer's project; returns the layers that failed (their errors go to the console). */
export function typecheckLayers(root = process.cwd()): string[] {
  return TYPESCRIPT_PROJECTS.filter((project) => {
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project], {
      cwd: root,
      stdio: 'inherit',
    });
    return tsc.status !== 0;
  });
}
