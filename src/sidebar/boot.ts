/**
 * Reading the canvas the server embedded in the page (`<script type="application/json" id="boot-data">`),
 * so the first view paints with no server round trip, and checking any canvas the server sends.
 */
import { BLOCK_IDS, type BlockId } from '../core/block-ids';
import type { BlockView, CanvasView, CellProblem, FigureSources } from '../core/view';

export type BootState =
  | { kind: 'canvas'; canvas: CanvasView; sources: FigureSources }
  | { kind: 'error'; message: string }
  | { kind: 'none' };

const isString = (v: unknown): v is string => typeof v === 'string';

/** A figure; with `unread`, its value may be missing (null or NaN: its cell holds no number, named in `problems`). */
export function isFigure(v: unknown, unread = false): boolean {
  if (!v || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  return (
    isString(f.label) &&
    (typeof f.value === 'number' || (unread && f.value === null)) &&
    isString(f.unit) &&
    isString(f.period) &&
    (f.note === undefined || isString(f.note)) &&
    (f.metric === undefined || isString(f.metric))
  );
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A cell the server could not use, as it names it (see CellProblem): "Xiaomi Details", "G8", "35 bn". */
export function isCellProblem(v: unknown): v is CellProblem {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (
    isString(p.sheet) &&
    p.sheet !== '' &&
    isString(p.cell) &&
    /^[A-Z]{1,3}[1-9]\d*$/.test(p.cell) &&
    isString(p.found) &&
    p.expected === 'number' &&
    (p.figure === undefined || isCount(p.figure)) &&
    (p.setting === undefined || p.setting === 'rate' || p.setting === 'tolerance')
  );
}

const isProblemList = (v: unknown): v is CellProblem[] | undefined =>
  v === undefined || (Array.isArray(v) && v.every(isCellProblem));

export function isBlockView(v: unknown): v is BlockView {
  if (!v || typeof v !== 'object') return false;
  const b = v as Record<string, unknown>;
  // A figure may come without a value only where the block names its cell as a problem.
  const unread = (i: number) => Array.isArray(b.problems) && b.problems.some((p) => isCellProblem(p) && p.figure === i);
  return (
    isString(b.id) &&
    (BLOCK_IDS as readonly string[]).includes(b.id) &&
    isString(b.title) &&
    isString(b.version) &&
    Array.isArray(b.entries) &&
    b.entries.every(isString) &&
    Array.isArray(b.figures) &&
    b.figures.every((f, i) => isFigure(f, unread(i))) &&
    isProblemList(b.problems) &&
    Array.isArray(b.links) &&
    b.links.length === b.entries.length &&
    b.links.every((ids) => Array.isArray(ids) && ids.every(isString))
  );
}

function isSegment(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return isString(s.id) && isString(s.text) && isString(s.color);
}

/** True when `v` has the shape of a CanvasView; the client never trusts data it has not checked. */
export function isCanvasView(v: unknown): v is CanvasView {
  if (!v || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  const isListing = (v: unknown) =>
    !!v &&
    typeof v === 'object' &&
    isString((v as Record<string, unknown>).canvasId) &&
    isString((v as Record<string, unknown>).sheetName);
  return (
    isString(c.sheetName) &&
    Array.isArray(c.blocks) &&
    c.blocks.every(isBlockView) &&
    (c.canvasId === undefined || isString(c.canvasId)) &&
    (c.canvases === undefined || (Array.isArray(c.canvases) && c.canvases.every(isListing))) &&
    Array.isArray(c.segments) &&
    c.segments.every(isSegment) &&
    isProblemList(c.problems)
  );
}

/**
 * A checked block with each value its cell could not give (null on the wire) as NaN, as the contract types it
 * (Figure.value), so the sidebar's number code never meets null.
 */
export function unreadAsNaN<T extends BlockView>(block: T): T {
  for (const figure of block.figures) if (figure.value === null) figure.value = Number.NaN;
  return block;
}

/** getBlock's, saveBlock's and resetBlock's check: a block view, its unreadable values as NaN. */
export function checkBlock(value: unknown): Checked<BlockView> {
  return isBlockView(value) ? { ok: true, value: unreadAsNaN(value) } : { ok: false };
}

/** A block the sidebar could not read, and the first figure that made it so (when one did). */
export interface ResultProblem {
  blockId: BlockId;
  /** 0-based index of the figure whose fields are not what a figure holds (say, text where a number belongs). */
  figure?: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false };

const problems = new WeakMap<object, ResultProblem[]>();

/** What could not be read in a checked result (empty when everything could). */
export function problemsOf(value: unknown): ResultProblem[] {
  return value && typeof value === 'object' ? (problems.get(value) ?? []) : [];
}

/**
 * A canvas whose blocks are checked one by one: an unreadable block (one bad figure value) is left out of the view
 * and reported, the rest is shown. Only a canvas without its shape (no blocks, no segments) is refused whole.
 */
export function checkCanvas(value: unknown): Checked<CanvasView> {
  if (isCanvasView(value)) {
    value.blocks.forEach(unreadAsNaN);
    return { ok: true, value };
  }
  if (!value || typeof value !== 'object' || !Array.isArray((value as { blocks?: unknown }).blocks))
    return { ok: false };
  const blocks = (value as { blocks: unknown[] }).blocks;
  const readable = blocks.filter((b) => isBlockView(b)).map(unreadAsNaN);
  const view = { ...(value as CanvasView), blocks: readable };
  if (!isCanvasView(view)) return { ok: false };
  const found: ResultProblem[] = [];
  for (const block of blocks) {
    if (isBlockView(block)) continue;
    const id = (block as { id?: unknown } | null)?.id;
    if (!(BLOCK_IDS as readonly unknown[]).includes(id)) return { ok: false };
    const figures = (block as { figures?: unknown }).figures;
    const figure = Array.isArray(figures) ? figures.findIndex((f) => !isFigure(f)) : -1;
    found.push(figure >= 0 ? { blockId: id as BlockId, figure } : { blockId: id as BlockId });
  }
  problems.set(view, found);
  return { ok: true, value: view };
}

/** The blocks in canonical order (whatever order they arrived in). */
export function canonicalBlocks(canvas: CanvasView): BlockView[] {
  const index = (b: BlockView) => (BLOCK_IDS as readonly string[]).indexOf(b.id);
  return canvas.blocks.slice().sort((a, b) => index(a) - index(b));
}

/** The embedded source sentences, keeping only well-formed ones (they are shown, never needed). */
function parseSources(value: unknown): FigureSources {
  const sources: FigureSources = {};
  if (!value || typeof value !== 'object') return sources;
  for (const id of BLOCK_IDS) {
    const byLabel = (value as Record<string, unknown>)[id];
    if (!byLabel || typeof byLabel !== 'object') continue;
    const clean: Record<string, string> = {};
    for (const [label, text] of Object.entries(byLabel)) if (isString(text)) clean[label] = text;
    sources[id] = clean;
  }
  return sources;
}

/** Parses the embedded boot JSON. `null` (the placeholder left unreplaced) means "ask the server". */
export function parseBoot(text: string | null | undefined): BootState {
  let data: unknown;
  try {
    data = JSON.parse(text ?? 'null');
  } catch {
    return {
      kind: 'error',
      message: 'The sidebar could not read the canvas it was opened with. Click Refresh to load it again.',
    };
  }
  if (data === null) return { kind: 'none' };
  if (data && typeof data === 'object') {
    const boot = data as Record<string, unknown>;
    if (isString(boot.error)) return { kind: 'error', message: boot.error };
    const checked = checkCanvas(boot.canvas);
    if (checked.ok) return { kind: 'canvas', canvas: checked.value, sources: parseSources(boot.sources) };
  }
  return {
    kind: 'error',
    message: 'The sidebar was opened with data it does not understand. Click Refresh to load the canvas again.',
  };
}
