/**
 * Reading the canvas the server embedded in the page (`<script type="application/json" id="boot-data">`),
 * so the first view paints with no server round trip, and checking any canvas the server sends.
 */
import { BLOCK_IDS, type BlockId } from '../core/block-ids';
import type { BlockView, CanvasView, FigureSources } from '../core/view';

export type BootState =
  | { kind: 'canvas'; canvas: CanvasView; sources: FigureSources }
  | { kind: 'error'; message: string }
  | { kind: 'none' };

const isString = (v: unknown): v is string => typeof v === 'string';

export function isFigure(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  return (
    isString(f.label) &&
    typeof f.value === 'number' &&
    isString(f.unit) &&
    isString(f.period) &&
    (f.note === undefined || isString(f.note)) &&
    (f.metric === undefined || isString(f.metric))
  );
}

export function isBlockView(v: unknown): v is BlockView {
  if (!v || typeof v !== 'object') return false;
  const b = v as Record<string, unknown>;
  return (
    isString(b.id) &&
    (BLOCK_IDS as readonly string[]).includes(b.id) &&
    isString(b.title) &&
    isString(b.version) &&
    Array.isArray(b.entries) &&
    b.entries.every(isString) &&
    Array.isArray(b.figures) &&
    b.figures.every(isFigure) &&
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
    c.segments.every(isSegment)
  );
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
  if (isCanvasView(value)) return { ok: true, value };
  if (!value || typeof value !== 'object' || !Array.isArray((value as { blocks?: unknown }).blocks))
    return { ok: false };
  const blocks = (value as { blocks: unknown[] }).blocks;
  const readable = blocks.filter((b) => isBlockView(b));
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
