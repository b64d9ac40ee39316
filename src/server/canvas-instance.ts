/** Finds a canvas's sheets in the spreadsheet (by named range, else by marker) and lists every canvas. */
import { CodedError } from '../core/failure';
import { FIGURES_MARKER_CELL, LEGACY_FIGURES_MARKER_COLUMN } from '../core/key-figures-plan';
import {
  canvasIdOf,
  instanceOfCanvasId,
  instanceOfRangeName,
  parseSheetMarker,
  rangeNames,
  sheetName,
  type SheetKind,
} from '../core/instance-names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The three sheets of one inserted canvas, found by named range (robust to renames and moves). */
export interface CanvasInstance {
  instance: number;
  canvas: Sheet;
  details: Sheet;
  /** Null when a user deleted Key Figures (Refresh Key Figures recreates it), or when not asked for. */
  figures: Sheet | null;
  /** Xiaomi's reported results; null when deleted (recreated when Key Figures is re-linked) or not asked for. */
  reported: Sheet | null;
}

export class NoCanvasError extends CodedError {
  constructor() {
    super({ code: 'no-canvas' });
  }
}

function sheetOfRange(spreadsheet: Spreadsheet, name: string): Sheet | null {
  const range = spreadsheet.getRangeByName(name);
  return range ? range.getSheet() : null;
}

/** The instance whose sheet is active, from the marker each add-on sheet carries in a hidden cell of row 1. */
function activeInstance(spreadsheet: Spreadsheet): number | null {
  const sheet = spreadsheet.getActiveSheet();
  if (!hasCells(sheet)) return null;
  const width = Math.min(FIGURES_MARKER_CELL.column, sheet.getMaxColumns());
  const marker = markerOf(sheet.getRange(1, 1, 1, width).getValues()[0]);
  return marker ? marker.instance : null;
}

/** False for a chart moved to its own sheet (type OBJECT) and other sheets without cells: no cell method on them. */
function hasCells(sheet: Sheet): boolean {
  return sheet.getType() === SpreadsheetApp.SheetType.GRID;
}

/** The marker in row 1: column A (canvas, details) or Key Figures' hidden column (now, or before it moved). */
function markerOf(row: unknown[]): ReturnType<typeof parseSheetMarker> {
  return (
    parseSheetMarker(row[0]) ??
    parseSheetMarker(row[FIGURES_MARKER_CELL.column - 1]) ??
    parseSheetMarker(row[LEGACY_FIGURES_MARKER_COLUMN - 1])
  );
}

/**
 * The instance numbers that have a canvas name, lowest first, each with its name. A name whose sheet was deleted
 * may still be listed (pointing at #REF!): callers check the range with getRangeByName, which is null then.
 */
function canvasNames(spreadsheet: Spreadsheet): Array<{ instance: number; name: string }> {
  return spreadsheet
    .getNamedRanges()
    .map((named) => named.getName())
    .flatMap((name) => {
      const instance = instanceOfRangeName(name);
      return instance !== null && name === rangeNames.canvas(instance) ? [{ instance, name }] : [];
    })
    .sort((a, b) => a.instance - b.instance);
}

/** Which canvas to locate, and whether its Key Figures and Reported Results sheets are wanted too. */
export interface LocateOptions {
  canvasId?: string;
  /** Also find Key Figures and Reported Results (write paths); else they are null. */
  keyFigures?: boolean;
}

export function instanceSheets(
  spreadsheet: Spreadsheet,
  instance: number,
  { keyFigures: withKeyFigures = false }: LocateOptions = {},
): CanvasInstance | null {
  const canvas = sheetOfRange(spreadsheet, rangeNames.canvas(instance));
  const details = sheetOfRange(spreadsheet, rangeNames.detailsBlock(instance, 'key-partners'));
  if (!canvas || !details) return null;
  const figures = withKeyFigures ? sheetOfRange(spreadsheet, rangeNames.keyFigures(instance)) : null;
  const reported = withKeyFigures ? reportedSheet(spreadsheet, instance) : null;
  return { instance, canvas, details, figures, reported };
}

/** Found by its named range, or by its name when someone removed the range (Refresh restores it). */
function reportedSheet(spreadsheet: Spreadsheet, instance: number): Sheet | null {
  return (
    sheetOfRange(spreadsheet, rangeNames.reported(instance)) ??
    spreadsheet.getSheetByName(sheetName('reported', instance))
  );
}

export class MissingCanvasError extends CodedError {
  constructor() {
    super({ code: 'missing-canvas' });
  }
}

/**
 * The canvas a request acts on: the one named by `canvasId` whatever sheet is active (the sidebar's canvas), or
 * without it the one the active sheet belongs to, else the first one. Throws a plain-words error when there is none.
 */
export function locateCanvas(spreadsheet: Spreadsheet, options: LocateOptions = {}): CanvasInstance {
  const { canvasId } = options;
  if (canvasId !== undefined) {
    const instance = instanceOfCanvasId(canvasId);
    const found =
      instance === null
        ? null
        : (instanceSheets(spreadsheet, instance, options) ??
          scanSheets(spreadsheet, { preferred: instance, onlyPreferred: true }));
    if (!found) throw new MissingCanvasError();
    return found;
  }
  const active = activeInstance(spreadsheet);
  const found =
    (active !== null ? instanceSheets(spreadsheet, active, options) : null) ??
    fromFirst(spreadsheet, options) ??
    scanSheets(spreadsheet, { preferred: active });
  if (!found) throw new NoCanvasError();
  return found;
}

/**
 * The slow path, for when someone removed the named ranges: look at the marker of every sheet. The sheets are
 * intact, so the canvas keeps working (and Refresh Key Figures restores the names).
 */
function scanSheets(
  spreadsheet: Spreadsheet,
  { preferred, onlyPreferred = false }: { preferred: number | null; onlyPreferred?: boolean },
): CanvasInstance | null {
  const byInstance = new Map<number, Partial<Record<SheetKind, Sheet>>>();
  for (const sheet of spreadsheet.getSheets()) {
    if (!hasCells(sheet)) continue;
    const width = Math.min(FIGURES_MARKER_CELL.column, sheet.getMaxColumns());
    const marker = markerOf(sheet.getRange(1, 1, 1, width).getValues()[0]);
    if (!marker) continue;
    const sheets = byInstance.get(marker.instance) ?? {};
    sheets[marker.kind] ??= sheet;
    byInstance.set(marker.instance, sheets);
  }
  const complete = [...byInstance.entries()].filter(([, s]) => s.canvas && s.details).sort(([a], [b]) => a - b);
  const chosen = complete.find(([n]) => n === preferred) ?? (onlyPreferred ? undefined : complete[0]);
  if (!chosen) return null;
  const [instance, sheets] = chosen;
  return {
    instance,
    canvas: sheets.canvas!,
    details: sheets.details!,
    figures: sheets.figures ?? null,
    reported: spreadsheet.getSheetByName(sheetName('reported', instance)),
  };
}

/** The lowest-numbered instance whose canvas and details are still there (deleted canvases are skipped). */
function fromFirst(spreadsheet: Spreadsheet, options: LocateOptions): CanvasInstance | null {
  const first = spreadsheet.getRangeByName(rangeNames.canvas(1)) ? instanceSheets(spreadsheet, 1, options) : null;
  if (first) return first;
  for (const { instance } of canvasNames(spreadsheet)) {
    const found = instance === 1 ? null : instanceSheets(spreadsheet, instance, options);
    if (found) return found;
  }
  return null;
}

/** A canvas of the spreadsheet as the sidebar lists it. */
export interface CanvasListing {
  canvasId: string;
  sheetName: string;
}

/**
 * Every canvas in the spreadsheet, in instance order, by its named range (reads only: no extra round trip).
 * `known` is the canvas already located, so its sheet name is not asked again.
 */
export function listCanvases(
  spreadsheet: Spreadsheet,
  known?: { instance: number; sheetName: string },
): CanvasListing[] {
  const found = new Map<number, string>(known ? [[known.instance, known.sheetName]] : []);
  for (const { instance, name } of canvasNames(spreadsheet)) {
    if (found.has(instance)) continue;
    // A deleted canvas's name may be kept, pointing at #REF!: getRangeByName is null for it (never throws).
    const range = spreadsheet.getRangeByName(name);
    if (range) found.set(instance, range.getSheet().getName());
  }
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([instance, sheetName]) => ({ canvasId: canvasIdOf(instance), sheetName }));
}
