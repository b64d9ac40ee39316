/** Export and import of the canvas as "xiaomi-canvas/2" JSON (format: src/core/canvas-json.ts). */
import { BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { canvasSegments, type CanvasLinks } from '../core/canvas-links';
import { parseCanvasJson, toCanvasJson, type CanvasJson } from '../core/canvas-json';
import type { CanvasContent } from '../core/content-schema';
import { entriesAsStored } from '../core/canvas-read';
import { figuresAsStored } from '../core/details-read';
import { DEFAULT_RATE, DEFAULT_TOLERANCE } from '../core/key-figures-plan';
import { cellText } from '../core/literal';
import { blockVersion, versionLinks } from '../core/version';
import type { CanvasView } from '../core/view';
import { canvasIdOf } from '../core/instance-names';
import { getCanvasRequestSchema as exportCanvasRequestSchema, parseOptionalRequest } from '../core/requests';
import { listCanvases } from './canvas-instance';
import { readCanvasState, withReported } from './canvas-state';
import { content } from './content';
import { insertCanvasInstance } from './insert';
import { withDocumentLock } from './lock';
import { stateCanvas } from './snapshots';
import { plainFigure } from '../core/figure';

/** The current canvas as "xiaomi-canvas/3" JSON text (with the canvas title, the export time and every figure's source). */
export function exportCanvasJson(request?: unknown): string {
  const req = parseOptionalRequest(exportCanvasRequestSchema, request, 'export request');
  const state = readCanvasState(SpreadsheetApp.getActiveSpreadsheet(), { canvasId: req.canvasId });
  const title = cellText(state.sheets.canvas.getRange(1, 2).getValue()) || content().title;
  try {
    return toCanvasJson(stateCanvas(state), { exportedAt: new Date().toISOString(), title });
  } catch (error) {
    throw new Error(
      (error as Error).message.replace(/^The canvas cannot be saved as JSON:/, 'The canvas cannot be exported:'),
    );
  }
}

/**
 * The embedded content with the file's entries and figures in place of each block's (the details sheet keeps the
 * seed text, which the format does not carry). Figures without a source get an empty one.
 */
export function contentFromCanvasJson(json: CanvasJson): CanvasContent {
  return {
    ...content(),
    title: json.title ?? content().title,
    blocks: content().blocks.map((block, i) => ({
      ...block,
      entries: json.blocks[i].entries,
      figures: json.blocks[i].figures.map((f) => ({ ...plainFigure(f), source: f.source ?? '' })),
    })),
  };
}

/** The segment ids and links of a validated file. */
export function linksOfCanvasJson(json: CanvasJson): CanvasLinks {
  return {
    segmentIds: json.segmentIds,
    links: Object.fromEntries(json.blocks.map((b) => [b.id, b.links])) as Record<BlockId, string[][]>,
    evidence: Object.fromEntries(json.blocks.map((b) => [b.id, b.evidence])) as CanvasLinks['evidence'],
  };
}

/**
 * Validates the file's text (size ≤ 1 MB, known format, every saveBlock rule) and inserts it as a new canvas next to
 * the existing ones; nothing existing is changed. Invalid input throws one plain line and writes nothing.
 */
export function importCanvasJson(json: unknown): CanvasView {
  const parsed = parseCanvasJson(json);
  const imported = contentFromCanvasJson(parsed);
  const links = linksOfCanvasJson(parsed);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { inserted, before } = withDocumentLock(() => {
    const before = listCanvases(spreadsheet); // read before the insert writes: no extra round trip
    return { inserted: insertCanvasInstance(spreadsheet, imported, { segmentLinks: links }), before };
  });
  const canvasId = canvasIdOf(inserted.instance);
  const storedEntries = Object.fromEntries(parsed.blocks.map((b) => [b.id, entriesAsStored(b.entries)])) as Record<
    BlockId,
    string[]
  >;
  return {
    canvasId,
    sheetName: inserted.names.canvas,
    canvases: [...before, { canvasId, sheetName: inserted.names.canvas }],
    // What a read of the new sheets gives (the literal rule stores every text exactly), without reading back.
    blocks: parsed.blocks.map((b) => {
      const entries = entriesAsStored(b.entries);
      const figures = figuresAsStored(b.figures.map(plainFigure));
      return {
        id: b.id,
        title: BLOCK_TITLES[b.id],
        version: blockVersion(
          inserted.instance,
          b.id,
          entries,
          figures,
          versionLinks(b.id, b.links, parsed.segmentIds),
          b.evidence,
        ),
        entries,
        // a fresh canvas: Key Figures holds the default rate and tolerance
        figures: withReported(figures, { rate: DEFAULT_RATE, tolerance: DEFAULT_TOLERANCE }),
        links: b.links,
        evidence: b.evidence,
      };
    }),
    segments: canvasSegments(storedEntries, parsed.segmentIds),
  };
}
