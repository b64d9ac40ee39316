import type { BlockId } from './block-ids';

/**
 * The contract between the server functions and the sidebar client (see issue 3).
 * The client imports these types only, so a renamed server function or field breaks its type check.
 */

export interface Figure {
  label: string;
  value: number;
  unit: string;
  period: string;
  note?: string;
  metric?: string;
}

export interface BlockView {
  id: BlockId;
  title: string;
  /** Opaque token derived from the block's current content in the sheet; changes whenever the content does. */
  version: string;
  entries: string[];
  figures: Figure[];
}

export interface CanvasView {
  sheetName: string;
  blocks: BlockView[];
}

export interface SaveBlockRequest {
  blockId: string;
  version: string;
  entries: string[];
  figures: Figure[];
}

export interface ResetBlockRequest {
  blockId: string;
  version: string;
}

/** What the sidebar finds embedded in its HTML when it opens: the canvas, or why there is none. */
export type SidebarBoot = { canvas: CanvasView } | { error: string };

/** Server functions callable through google.script.run, with their argument and result types. */
export interface ServerApi {
  getCanvas(): CanvasView;
  selectBlock(blockId: string): void;
  saveBlock(request: SaveBlockRequest): BlockView;
  resetBlock(request: ResetBlockRequest): BlockView;
}
