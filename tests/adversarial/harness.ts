/**
 * Shared fixtures of the adversarial suite. Every case starts from a spreadsheet with one freshly inserted canvas
 * (inserted once by the built bundle, then restored from the fake's saved state, so each case is independent
 * and fast) and drives the built dist/Code.js through its top-level functions, as Apps Script does.
 */
import * as vm from 'node:vm';
import type { BlockId } from '../../src/core/block-ids';
import { blockArea, layoutFromMarkers } from '../../src/core/canvas-layout';
import type { BlockView, CanvasView } from '../../src/core/view';
import { loadFakeGoogle, type FakeGoogle } from '../../emulator';
import { loadBundle, sidebarFile, type LoadedBundle } from '../support/bundle';
import { thrown } from '../support/thrown';

export { thrown };

export const CANVAS = 'Xiaomi Canvas';
export const DETAILS = 'Xiaomi Details';
export const FIGURES = 'Key Figures';
/** Google Sheets' limit on the characters in one cell. */
export const CELL_LIMIT = 50_000;

export interface Canvas extends LoadedBundle {
  view(): CanvasView;
  block(id: BlockId): BlockView;
  state(): ReturnType<FakeGoogle['direct']['documentState']>;
}

let inserted: string | null = null;

/** The bundle loaded on a fake whose spreadsheet holds one freshly inserted canvas (its sheet active, as after Insert). */
export function withCanvas(): Canvas {
  if (inserted === null) {
    const first = loadBundle();
    first.call('insertXiaomiCanvas');
    inserted = JSON.stringify(first.fake.toJSON());
  }
  return wrap(loadBundle({ fake: loadFakeGoogle(inserted, { files: { Sidebar: sidebarFile() } }) }));
}

/** The bundle on an empty spreadsheet (only Sheet1). */
export function withoutCanvas(): Canvas {
  return wrap(loadBundle());
}

function wrap(bundle: LoadedBundle): Canvas {
  const view = () => bundle.call<CanvasView>('getCanvas');
  return {
    ...bundle,
    view,
    block: (id: BlockId) => view().blocks.find((b) => b.id === id)!,
    state: () => bundle.fake.direct.documentState(),
  };
}

/** A clear error: one plain line of a sensible length. */
export function expectClearError(message: string, pattern: RegExp): void {
  expect(message).toMatch(pattern);
  expect(message).not.toMatch(/[\r\n]/);
  expect(message.length).toBeLessThanOrEqual(300);
  expect(message).not.toMatch(/FakeSheets|TypeError|undefined|\[object /);
}

/** The whole document (every sheet, cell, format, merge, size and named range) as comparable text. */
export function stateText(fake: FakeGoogle): string {
  return JSON.stringify(fake.direct.documentState());
}

/** Full-state comparison; compares the JSON text first (fast), and only on a difference shows the structured diff. */
export function expectSameState(fake: FakeGoogle, before: string): void {
  const now = stateText(fake);
  if (now !== before) expect(JSON.parse(now)).toEqual(JSON.parse(before));
}

/** Runs fn, expecting a clear error and the whole document exactly as it was. */
export function expectRejected(c: Canvas, fn: () => unknown, pattern: RegExp): string {
  const before = stateText(c.fake);
  const message = thrown(fn);
  expectClearError(message, pattern);
  expectSameState(c.fake, before);
  return message;
}

/** A1 of entry `index` (0-based) of a block, found from the layout markers in hidden column A. */
export function entryCell(c: Canvas, id: BlockId, index: number, sheet = CANVAS): string {
  const area = areaOf(c, id, sheet);
  return `${String.fromCharCode(64 + area.column)}${area.firstEntryRow + index}`;
}

export function areaOf(c: Canvas, id: BlockId, sheet = CANVAS) {
  const layout = layoutFromMarkers(c.fake.direct.values(sheet).map((r) => r[0]));
  if (!layout) throw new Error('the canvas layout markers are gone');
  return blockArea(layout, id);
}

/** Row (1-based) of figure `index` of a block in the details sheet (its region starts at the `block:<id>` marker). */
export function figureRow(c: Canvas, id: BlockId, index: number, sheet = DETAILS): number {
  const heading = c.fake.direct.values(sheet).findIndex((r) => r[0] === `block:${id}`) + 1;
  if (heading === 0) throw new Error(`no details region for ${id}`);
  return heading + 2 + index;
}

/** Every cell of a sheet whose formula evaluates to an error value (#REF!, #VALUE!, #DIV/0!, …). */
export function errorCells(c: Canvas, sheet: string): string[] {
  const found = c.fake.model().sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.cells.filter((cell) => cell.error !== undefined).map((cell) => `${cell.a1}=${cell.error}`);
}

/** Cells holding more characters than Sheets allows (value or formula). */
export function cellsOverLimit(c: Canvas): string[] {
  const over: string[] = [];
  for (const sheet of c.state().sheets) {
    for (const [a1, cell] of Object.entries(sheet.cells)) {
      const text = typeof cell.v === 'string' ? cell.v : (cell.f ?? '');
      if (text.length > CELL_LIMIT) over.push(`${sheet.name}!${a1} (${text.length})`);
    }
  }
  return over;
}

/** True when something polluted Object.prototype in the bundle's realm or in Node's. */
export function prototypePolluted(c: LoadedBundle): boolean {
  const probe =
    '(function(){ var o = {}; for (var k in o) return true; return ["polluted","isAdmin","x"].some(function(k){ return k in o; }); })()';
  return (vm.runInContext(probe, c.context) as boolean) || 'polluted' in {} || 'isAdmin' in {};
}

export function saveRequest(block: BlockView, changes: Partial<Pick<BlockView, 'entries' | 'figures'>> = {}) {
  return {
    blockId: block.id,
    version: block.version,
    entries: changes.entries ?? block.entries,
    figures: changes.figures ?? block.figures,
  };
}
