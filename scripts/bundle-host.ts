/**
 * Runs the BUILT add-on (dist/Code.js) on the in-memory Sheets fake, the way Apps Script runs a project:
 * one global scope (a node:vm context whose globals are the fake's services), top-level functions
 * reached by name, arguments and results crossing a JSON boundary (as with google.script.run).
 * Shared by the local preview (npm start) and the workbook export (npm run export); it is the same
 * loading scheme as tests/support/bundle.ts, with the repository located at run time because these
 * scripts run both from scripts/ (jest) and bundled from out/.run/ (scripts/run-ts.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vm from 'node:vm';
import type { FakeGoogle } from '../emulator';

/** The repository root: the nearest folder above this module with package.json and src/entry-points.json. */
export function repoRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'entry-points.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function defaultDistDir(): string {
  return join(repoRoot(), 'dist');
}

/** The checked-in list of the bundle's top-level functions. */
export function readEntryPoints(): string[] {
  return JSON.parse(readFileSync(join(repoRoot(), 'src', 'entry-points.json'), 'utf8')) as string[];
}

function readBuilt(distDir: string, file: string): string {
  const path = join(distDir, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first.`);
  return readFileSync(path, 'utf8');
}

/** dist/Sidebar.html, the file HtmlService.createHtmlOutputFromFile('Sidebar') reads. */
export function readSidebarFile(distDir: string = defaultDistDir()): string {
  return readBuilt(distDir, 'Sidebar.html');
}

export interface BundleHost {
  fake: FakeGoogle;
  context: vm.Context;
  /** Names of the top-level functions (src/entry-points.json) that the bundle defines. */
  functionNames: string[];
  /** Calls a top-level function by name, arguments and result through JSON. Throws what the bundle throws. */
  call<T = unknown>(fn: string, ...args: unknown[]): T;
}

/** The message of anything thrown inside the vm context (its Error is another realm's, so no instanceof). */
export function thrownMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/** Loads dist/Code.js into a fresh global scope whose globals are `fake`'s Apps Script services. */
export function loadBuiltBundle(fake: FakeGoogle, distDir: string = defaultDistDir()): BundleHost {
  const code = readBuilt(distDir, 'Code.js');
  const context = vm.createContext({ ...fake.globals });
  fake.bindContext(context);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const functionNames = readEntryPoints().filter(
    (name) => typeof (context as Record<string, unknown>)[name] === 'function',
  );
  return {
    fake,
    context,
    functionNames,
    call<T>(fn: string, ...args: unknown[]): T {
      const target = (context as Record<string, unknown>)[fn];
      if (typeof target !== 'function') throw new Error(`dist/Code.js has no top-level function ${fn}`);
      Object.assign(context, { __previewArgs: JSON.stringify(args) });
      const result = vm.runInContext(`${fn}.apply(null, JSON.parse(__previewArgs))`, context) as unknown;
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
  };
}
