import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as vm from 'node:vm';
import { createFakeGoogle, type FakeGoogle } from '../../emulator';

export const DIST = resolve(__dirname, '../../dist');

export interface LoadedBundle {
  fake: FakeGoogle;
  context: vm.Context;
  /** Calls a top-level function of dist/Code.js, the way Apps Script (a menu or google.script.run) does. */
  call<T = unknown>(this: void, fn: string, ...args: unknown[]): T;
}

let cachedCode: string | null = null;
export function bundleCode(): string {
  cachedCode ??= readFileSync(resolve(DIST, 'Code.js'), 'utf8');
  return cachedCode;
}

export function sidebarFile(): string {
  return readFileSync(resolve(DIST, 'Sidebar.html'), 'utf8');
}

/**
 * Loads the built bundle into one fresh global scope with the fake's services as globals, exactly as
 * Apps Script runs a project: top-level declarations become globals, and callers reach them by name.
 */
export function loadBundle(opts: { fake?: FakeGoogle } = {}): LoadedBundle {
  const fake = opts.fake ?? createFakeGoogle({ files: { Sidebar: sidebarFile() } });
  const context = vm.createContext({ ...fake.globals });
  vm.runInContext(bundleCode(), context, { filename: 'Code.js' });
  return {
    fake,
    context,
    call<T>(fn: string, ...args: unknown[]): T {
      const target = (context as Record<string, unknown>)[fn];
      if (typeof target !== 'function') throw new Error(`dist/Code.js has no top-level function ${fn}`);
      // Arguments and results cross a serialisation boundary in Apps Script (google.script.run), so they do here.
      Object.assign(context, { __json: JSON.stringify(args) });
      const result = vm.runInContext(`${fn}.apply(null, JSON.parse(__json))`, context) as unknown;
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
  };
}

/** A spreadsheet error value: #REF!, #N/A, #VALUE!, #DIV/0!, #NAME?, #ERROR! and the like (never a colour like #000000). */
const ERROR_VALUE = /^#(?:[A-Z]+[!?]|N\/A|DIV\/0!)$/;

/** Every error value `sheet` shows (none is what a test of live formulas expects). */
export function errorValues(b: Pick<LoadedBundle, 'fake'>, sheet: string): string[] {
  return b.fake.direct
    .values(sheet)
    .flat()
    .filter((v): v is string => typeof v === 'string' && ERROR_VALUE.test(v));
}
