/**
 * What the benchmark measures, shared by bench/run.ts (the table) and tests/unit/bench-*.test.ts (the counts).
 * Every operation runs on the in-memory Sheets fake (emulator), which counts each Spreadsheet service
 * call, read, write and read-after-write round trip exactly as bench/README.md describes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as vm from 'node:vm';
import type { Plugin } from 'esbuild';
import type { CanvasContent } from '../src/core/content-schema';
import { LIMITS } from '../src/core/requests';
import type { BlockView, CanvasView } from '../src/core/view';
import { bundleServer } from '../scripts/server-bundle';
import { createFakeGoogle, type FakeGoogle, type Stats } from '../emulator';
import { multipliedContent } from './content';
import { naiveInsert } from './naive-insert';
import { naiveGetCanvas, naiveRefreshKeyFigures, naiveSaveBlock, naiveShowSidebar } from './naive-ops';

/** The repository root: the nearest folder up with package.json (this file also runs bundled from out/.run/). */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
export const ROOT = findRoot(__dirname);
export const DIST = resolve(ROOT, 'dist');

export const OPERATIONS = [
  'insert',
  'getCanvas',
  'saveBlock (one entry)',
  'saveBlock (whole block)',
  'refreshKeyFigures',
  'showCanvasSidebar',
] as const;
export type Operation = (typeof OPERATIONS)[number];
export const MULTIPLIERS = [1, 2, 10] as const;
/** The block the saveBlock rows edit (an upper-band block with figures). */
export const SAVED_BLOCK = 'key-activities';

export interface Counts {
  calls: number;
  roundTrips: number;
  reads: number;
  writes: number;
}
export type OperationCounts = Record<Operation, Counts>;

function counts(stats: Stats): Counts {
  return { calls: stats.calls, roundTrips: stats.roundTrips, reads: stats.reads, writes: stats.writes };
}

export function sidebarTemplate(): string {
  return readFileSync(resolve(DIST, 'Sidebar.html'), 'utf8');
}

export function distCode(): string {
  return readFileSync(resolve(DIST, 'Code.js'), 'utf8');
}

/**
 * dist/Code.js embeds the 1× content. For 2× and 10×, the same entry is bundled again with the same esbuild
 * options as scripts/build.ts, except that the import of content/xiaomi-canvas.json resolves to the multiplied
 * content (an esbuild onLoad plugin). Same code, same entry-point wrappers, different embedded content.
 */
export async function bundleWithContent(content: CanvasContent): Promise<string> {
  const replaceContent: Plugin = {
    name: 'bench-content',
    setup(b) {
      b.onLoad({ filter: /[\\/]content[\\/]xiaomi-canvas\.json$/ }, () => ({
        contents: JSON.stringify(content),
        loader: 'json',
      }));
    },
  };
  return (await bundleServer({ root: ROOT, plugins: [replaceContent] })).code;
}

export interface LoadedCode {
  fake: FakeGoogle;
  call<T = unknown>(fn: string, ...args: unknown[]): T;
}

/** Loads a bundle into a fresh node:vm global scope with the fake's services as globals (as tests/support/bundle.ts). */
export function loadCode(
  code: string,
  fake: FakeGoogle = createFakeGoogle({ files: { Sidebar: sidebarTemplate() } }),
): LoadedCode {
  const context = vm.createContext({ ...fake.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return {
    fake,
    call<T>(fn: string, ...args: unknown[]): T {
      Object.assign(context, { __json: JSON.stringify(args) });
      const result = vm.runInContext(`${fn}.apply(null, JSON.parse(__json))`, context) as unknown;
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
  };
}

/** The block as the sidebar may send it: at most 60 entries and 40 figures (10× content has more). */
function withinLimits(block: BlockView): BlockView {
  return { ...block, entries: block.entries.slice(0, LIMITS.entries), figures: block.figures.slice(0, LIMITS.figures) };
}

function oneEntryChanged(block: BlockView) {
  return {
    blockId: block.id,
    version: block.version,
    entries: [`${block.entries[0]} (edited)`, ...block.entries.slice(1)],
    figures: block.figures,
  };
}

function everythingChanged(block: BlockView) {
  return {
    blockId: block.id,
    version: block.version,
    entries: block.entries.map((e, i) => `Rewritten entry ${i + 1}`),
    figures: block.figures.map((f, i) => ({ ...f, label: `Rewritten figure ${i + 1}`, value: f.value + 1 })),
  };
}

/**
 * The six operations of the add-on, through the bundle's top-level functions, each counted as one fresh
 * execution. At 10× a block has more entries and figures than the sidebar may send, so the saved block is
 * first trimmed to the limits by an uncounted save; the counted saves then start from a block at the limits.
 */
export function measureOurs(code: string): OperationCounts {
  const bundle = loadCode(code);
  const { fake } = bundle;
  const insert = fake.countDuring(() => bundle.call('insertXiaomiCanvas'));
  let view: CanvasView | undefined;
  const getCanvas = fake.countDuring(() => (view = bundle.call<CanvasView>('getCanvas')));
  let block = view!.blocks.find((b) => b.id === SAVED_BLOCK)!;
  const trimmed = withinLimits(block);
  if (trimmed.entries.length < block.entries.length || trimmed.figures.length < block.figures.length) {
    block = fake.direct.uncounted(() =>
      bundle.call<BlockView>('saveBlock', {
        blockId: block.id,
        version: block.version,
        entries: trimmed.entries,
        figures: trimmed.figures,
      }),
    );
  }
  let saved: BlockView | undefined;
  const saveOne = fake.countDuring(() => (saved = bundle.call<BlockView>('saveBlock', oneEntryChanged(block))));
  const saveAll = fake.countDuring(() => bundle.call<BlockView>('saveBlock', everythingChanged(saved!)));
  const refresh = fake.countDuring(() => bundle.call('refreshKeyFigures'));
  const sidebar = fake.countDuring(() => bundle.call('showCanvasSidebar'));
  return {
    insert: counts(insert),
    getCanvas: counts(getCanvas),
    'saveBlock (one entry)': counts(saveOne),
    'saveBlock (whole block)': counts(saveAll),
    refreshKeyFigures: counts(refresh),
    showCanvasSidebar: counts(sidebar),
  };
}

/** The same six operations done the naive way (bench/naive-*.ts) on a fake of their own. */
export function measureNaive(content: CanvasContent): OperationCounts & { fake: FakeGoogle } {
  const fake = createFakeGoogle({ files: { Sidebar: sidebarTemplate() } });
  const { spreadsheet, globals } = fake;
  const insert = fake.countDuring(() =>
    naiveInsert(spreadsheet, content, globals.SpreadsheetApp, globals.Charts.ChartType),
  );
  let view: CanvasView | undefined;
  const getCanvas = fake.countDuring(() => (view = naiveGetCanvas(spreadsheet)));
  let block = view!.blocks.find((b) => b.id === SAVED_BLOCK)!;
  const trimmed = withinLimits(block);
  if (trimmed.entries.length < block.entries.length || trimmed.figures.length < block.figures.length) {
    block = fake.direct.uncounted(() =>
      naiveSaveBlock(spreadsheet, {
        blockId: block.id,
        version: block.version,
        entries: trimmed.entries,
        figures: trimmed.figures,
      }),
    );
  }
  let saved: BlockView | undefined;
  const saveOne = fake.countDuring(() => (saved = naiveSaveBlock(spreadsheet, oneEntryChanged(block))));
  const saveAll = fake.countDuring(() => naiveSaveBlock(spreadsheet, everythingChanged(saved!)));
  const refresh = fake.countDuring(() => naiveRefreshKeyFigures(spreadsheet));
  const sidebar = fake.countDuring(() =>
    naiveShowSidebar(spreadsheet, globals.HtmlService, globals.SpreadsheetApp.getUi()),
  );
  return {
    fake,
    insert: counts(insert),
    getCanvas: counts(getCanvas),
    'saveBlock (one entry)': counts(saveOne),
    'saveBlock (whole block)': counts(saveAll),
    refreshKeyFigures: counts(refresh),
    showCanvasSidebar: counts(sidebar),
  };
}

export function contentTimes(times: number): CanvasContent {
  return multipliedContent(times);
}
