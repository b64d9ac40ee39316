import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PreviewSession } from '../../scripts/preview/session';
import { ENTRY_POINTS, MENU_FUNCTIONS, SIDEBAR_FUNCTION_NAMES } from '../../src/core/sidebar-functions';
import * as serverEntry from '../../src/server/main';
import { server } from '../../src/sidebar/server';
import { STAND_IN_FUNCTIONS } from '../browser/sidebar-suite';

/**
 * One contract (src/core/sidebar-functions.ts): every place that lists the sidebar's functions is derived from it
 * (the compiler checks the list against ServerApi and the server's exports); this test fails if any disagree.
 */

const root = resolve(__dirname, '../..');
const sorted = (names: Iterable<string>) => [...names].sort();

describe('one contract between the sidebar and the server', () => {
  test('the contract lists each function once, menu and sidebar apart', () => {
    expect(new Set(ENTRY_POINTS).size).toBe(ENTRY_POINTS.length);
    expect(SIDEBAR_FUNCTION_NAMES).toEqual(expect.arrayContaining(['getFitChecks', 'selectSegmentEntries']));
    for (const name of MENU_FUNCTIONS) expect(SIDEBAR_FUNCTION_NAMES).not.toContain(name);
  });

  test('the server entry module exports exactly the entry points', () => {
    expect(sorted(Object.keys(serverEntry))).toEqual(sorted(ENTRY_POINTS));
  });

  test('src/entry-points.json and the built bundle list exactly the entry points', () => {
    expect(JSON.parse(readFileSync(join(root, 'src/entry-points.json'), 'utf8'))).toEqual([...ENTRY_POINTS]);
    const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
    const topLevel = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(sorted(topLevel)).toEqual(sorted(ENTRY_POINTS));
  });

  test("the sidebar's call wrapper has a method for exactly the sidebar functions", () => {
    expect(sorted(Object.keys(server))).toEqual(sorted(SIDEBAR_FUNCTION_NAMES));
  });

  test("the browser tests' stand-in offers exactly the sidebar functions", () => {
    expect(sorted(STAND_IN_FUNCTIONS)).toEqual(sorted(SIDEBAR_FUNCTION_NAMES));
  });

  test('the preview lets its sidebar call exactly the sidebar functions (fit checks included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    try {
      const session = new PreviewSession({ stateFile: join(dir, 'state.json'), fresh: true });
      expect(sorted(session.sidebarFunctions())).toEqual(sorted(SIDEBAR_FUNCTION_NAMES));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
