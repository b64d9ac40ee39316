/** Names of every canvas instance's sheets and named ranges, and canvas ids. */
import { BLOCK_IDS, type BlockId } from './block-ids';

/**
 * Every inserted canvas is an "instance" numbered from 1. Instance 1 uses the plain names; later ones get a
 * " (n)" suffix on sheets and an "n" in named ranges, so a second insert never touches the first.
 */
export type SheetKind = 'canvas' | 'details' | 'figures' | 'reported' | 'numbers';

const BASE_SHEET_NAMES: Record<SheetKind, string> = {
  canvas: 'Xiaomi Canvas',
  details: 'Xiaomi Details',
  figures: 'Key Figures',
  reported: 'Reported Results',
  numbers: 'Xiaomi in Numbers',
};

export function sheetName(kind: SheetKind, instance: number): string {
  return instance === 1 ? BASE_SHEET_NAMES[kind] : `${BASE_SHEET_NAMES[kind]} (${instance})`;
}

export function namedRangePrefix(instance: number): string {
  return instance === 1 ? 'XiaomiCanvas_' : `XiaomiCanvas${instance}_`;
}

function pascal(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export const rangeNames = {
  canvas: (n: number) => `${namedRangePrefix(n)}Canvas`,
  canvasBlock: (n: number, id: BlockId) => `${namedRangePrefix(n)}${pascal(id)}`,
  detailsBlock: (n: number, id: BlockId) => `${namedRangePrefix(n)}Details_${pascal(id)}`,
  keyFigures: (n: number) => `${namedRangePrefix(n)}KeyFigures`,
  rate: (n: number) => `${namedRangePrefix(n)}Rate`,
  reported: (n: number) => `${namedRangePrefix(n)}ReportedResults`,
};

/** Every name a canvas instance owns (the snapshot sheet's name is shared, not an instance's). */
export function instanceRangeNames(n: number): string[] {
  return [
    rangeNames.canvas(n),
    ...BLOCK_IDS.map((id) => rangeNames.canvasBlock(n, id)),
    ...BLOCK_IDS.map((id) => rangeNames.detailsBlock(n, id)),
    rangeNames.keyFigures(n),
    rangeNames.rate(n),
    rangeNames.reported(n),
  ];
}

/** Parses a named range name back to its instance, e.g. "XiaomiCanvas3_Canvas" → 3. */
export function instanceOfRangeName(name: string): number | null {
  const match = /^XiaomiCanvas(\d*)_Canvas$/.exec(name);
  if (!match) return null;
  return match[1] === '' ? 1 : Number(match[1]);
}

/** The marker each add-on sheet carries in a hidden cell, so it is recognised whatever it is renamed to. */
export function sheetMarker(kind: SheetKind, instance: number): string {
  return `xiaomi-canvas:${kind}:${instance}`;
}

export function parseSheetMarker(value: unknown): { kind: SheetKind; instance: number } | null {
  const match = /^xiaomi-canvas:(canvas|details|figures):(\d+)$/.exec(typeof value === 'string' ? value : '');
  return match ? { kind: match[1] as SheetKind, instance: Number(match[2]) } : null;
}

/**
 * The id of a canvas as the sidebar holds it: its instance number, which its named ranges and sheet markers carry,
 * so it stays the same when the sheets are renamed or moved and when rows are inserted.
 */
export function canvasIdOf(instance: number): string {
  return `canvas-${instance}`;
}

export const CANVAS_ID_PATTERN = /^canvas-([1-9]\d{0,5})$/;

export function instanceOfCanvasId(canvasId: string): number | null {
  const match = CANVAS_ID_PATTERN.exec(canvasId);
  return match ? Number(match[1]) : null;
}
