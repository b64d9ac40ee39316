/** Reads everything an operation needs about a canvas in one round trip, and turns it into the sidebar's views. */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { readCanvasGrid, type CanvasReading } from '../core/canvas-read';
import { notANumber, readDetailsGrid, type DetailsRegion } from '../core/details-read';
import { canvasSegments } from '../core/canvas-links';
import { rangeNames } from '../core/instance-names';
import { LEGACY_RATE_COLUMNS } from '../core/key-figures-plan';
import { figuresWithReported, type ComparisonSettings } from '../core/reported-compare';
import { blockVersion, versionLinks } from '../core/version';
import { cellText } from '../core/literal';
import type { BlockView, CanvasView, CellProblem, Figure, FigureView } from '../core/view';
import { canvasIdOf } from '../core/instance-names';
import { listCanvases, locateCanvas, type CanvasInstance, type CanvasListing } from './canvas-instance';
import { reportedFigures } from './reported';
import { readAssumptionsTarget, type AssumptionsTarget } from './assumptions';
import type { CompanionSheetsRead } from '../core/refresh-plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything the sheet says about a canvas, read in one round trip (reads only, no writes in between). */
export interface CanvasState {
  /** The spreadsheet it was read from (asking a sheet for its parent would be one more call). */
  spreadsheet: Spreadsheet;
  sheets: CanvasInstance;
  canvasName: string;
  detailsName: string;
  canvas: CanvasReading;
  details: Record<BlockId, DetailsRegion>;
  /** Last used row of Key Figures (0 when the sheet is missing), so a rewrite can clear what it leaves behind. */
  figuresLastRow: number;
  /** Named ranges by name, read with the rest on write paths (to move one with setRange); see readCanvasState. */
  namedRanges: ReadonlyMap<string, GoogleAppsScript.Spreadsheet.NamedRange>;
  /** Names of all sheets, read only when Key Figures is missing (to recreate it under a free name); else []. */
  sheetNames: string[];
  /** A date cell as text: its day in the spreadsheet's time zone. */
  dateText: (date: Date) => string;
  /** Name of the Reported Results sheet, or null when it is missing (or was not asked for). */
  reportedName: string | null;
  /** Key Figures' rate and tolerance, for comparing figures with Xiaomi's reported results. */
  settings: ComparisonSettings;
  /** The rate or tolerance cell when it holds no number (the comparisons then go without it): named for the sidebar. */
  problems: CellProblem[];
  /**
   * The rate and tolerance cells as typed, and the rate's column, when Key Figures still has an older layout
   * (header in row 1, settings right of the table): re-linking moves them to the top first (key-figures.ts).
   */
  legacySettings: { values: unknown[][]; column: number } | null;
  /** The Assumptions sheet, read on write paths (every write rebuilds its list); else none. */
  assumptions: AssumptionsTarget;
  /** The spreadsheet's locale, read on write paths (formulas are written in en_US: core/formula.ts); else null. */
  locale: string | null;
  /** Key Figures and Reported Results as a write plans them (core/refresh-plan.ts), read on write paths; else null. */
  companions: CompanionSheetsRead | null;
}

/** What readCanvasState reads besides the canvas and its details. */
export interface ReadOptions {
  /** The sidebar's canvas, whatever sheet is active (else the active sheet's canvas, else the first). */
  canvasId?: string;
  /** For write paths: also Key Figures' last row and its named ranges (to move them). */
  keyFigures?: boolean;
  /** With keyFigures: the named ranges of all the canvas's sheets (Refresh Key Figures restores them all). */
  allNames?: boolean;
  /** With keyFigures: also where Reported Results is (Refresh puts a deleted numbers sheet right after it). */
  reportedPosition?: boolean;
}

export function readCanvasState(spreadsheet: Spreadsheet, options: ReadOptions = {}): CanvasState {
  const { canvasId, keyFigures: withKeyFigures = false, allNames = false, reportedPosition = false } = options;
  const sheets = locateCanvas(spreadsheet, { canvasId, keyFigures: withKeyFigures });
  // Asked for only when a cell holds a date (a teammate typed one into a cell that is not plain text).
  let timeZone: string | undefined;
  const dateText = (date: Date) =>
    Utilities.formatDate(date, (timeZone ??= spreadsheet.getSpreadsheetTimeZone()), 'yyyy-MM-dd');
  const grids = readGrids({
    sheets,
    canvasName: sheets.canvas.getName(),
    detailsName: sheets.details.getName(),
    dateText,
  });
  const figuresLastRow = withKeyFigures && sheets.figures ? sheets.figures.getLastRow() : 0;
  const nameSheets = !withKeyFigures
    ? []
    : allNames
      ? [sheets.canvas, sheets.details, sheets.figures, sheets.reported]
      : [sheets.figures];
  const namedRanges = new Map(
    nameSheets
      .flatMap((sheet) => (sheet ? sheet.getNamedRanges() : []))
      .map((named) => [named.getName(), named] as const),
  );
  const sheetNames =
    withKeyFigures && (!sheets.figures || !sheets.reported)
      ? spreadsheet.getSheets().map((sheet) => sheet.getName())
      : [];
  const reportedName = sheets.reported ? sheets.reported.getName() : null;
  const { settings, legacySettings, problems } = readComparisonSettings(spreadsheet, sheets.instance, {
    keyFigures: withKeyFigures,
  });
  const locale = withKeyFigures ? spreadsheet.getSpreadsheetLocale() : null;
  const assumptions = withKeyFigures
    ? readAssumptionsTarget(spreadsheet, sheets.instance)
    : { sheet: null, lastRow: 0 };
  // Positions are read only where a plan needs them (a deleted sheet comes back beside its neighbour).
  const { figures, reported, details } = sheets;
  const companions: CompanionSheetsRead | null = withKeyFigures
    ? {
        instance: sheets.instance,
        detailsPosition: figures ? 0 : details.getIndex(),
        figures: figures
          ? { position: reported ? 0 : figures.getIndex(), lastRow: figuresLastRow, legacySettings: !!legacySettings }
          : null,
        reported:
          reported && reportedName !== null
            ? { position: reportedPosition ? reported.getIndex() : 0, name: reportedName }
            : null,
        sheetNames,
      }
    : null;
  return {
    spreadsheet,
    companions,
    assumptions,
    sheets,
    ...grids,
    figuresLastRow,
    namedRanges,
    sheetNames,
    dateText,
    reportedName,
    settings,
    problems,
    legacySettings,
    locale,
  };
}

/**
 * The same canvas read again after a write, normalised exactly as every read is: what the next getCanvas will
 * compute. Costs one round trip (a read after writes flushes them).
 */
export function rereadCanvasState(state: CanvasState): CanvasState {
  return { ...state, ...readGrids(state) };
}

/** The canvas and details sheets' grids, read and parsed (with their names and how dates read, as given). */
function readGrids({
  sheets,
  canvasName,
  detailsName,
  dateText,
}: Pick<CanvasState, 'sheets' | 'canvasName' | 'detailsName' | 'dateText'>) {
  return {
    canvasName,
    detailsName,
    canvas: readCanvasGrid(sheets.canvas.getDataRange().getValues(), canvasName, dateText),
    details: readDetailsGrid(sheets.details.getDataRange().getValues(), detailsName, dateText),
  };
}

/**
 * The rate cell (by its named range) and the tolerance cell under it; null where blank or not a number.
 * When Key Figures will be rewritten (`keyFigures`), also says whether they sit where they used to.
 */
function readComparisonSettings(
  spreadsheet: Spreadsheet,
  instance: number,
  { keyFigures: withKeyFigures }: { keyFigures: boolean },
): { settings: ComparisonSettings; legacySettings: CanvasState['legacySettings']; problems: CellProblem[] } {
  const rate = spreadsheet.getRangeByName(rangeNames.rate(instance));
  if (!rate) return { settings: { rate: null, tolerance: null }, legacySettings: null, problems: [] };
  const values = rate.offset(0, 0, 2, 1).getValues();
  const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  // Asked only on write paths (a call each).
  const legacy = withKeyFigures && LEGACY_RATE_COLUMNS.includes(rate.getColumn()) && rate.getRow() === 1;
  // Named only when one holds no number (so a read costs no more calls otherwise).
  const problems = values.flatMap(([v], i): CellProblem[] =>
    numberOrNull(v) === null
      ? [
          {
            ...notANumber(rate.getSheet().getName(), rate.getRow() + i, rate.getColumn(), cellText(v)),
            setting: i ? 'tolerance' : 'rate',
          },
        ]
      : [],
  );
  return {
    settings: { rate: numberOrNull(values[0][0]), tolerance: numberOrNull(values[1][0]) },
    legacySettings: legacy ? { values, column: rate.getColumn() } : null,
    problems,
  };
}

export function blockView(state: CanvasState, id: BlockId): BlockView {
  const entries = state.canvas.entries[id];
  const { figures: rows, problems } = state.details[id];
  const figures = rows.map((f) => f.figure);
  const links = state.canvas.links[id];
  const evidence = state.canvas.evidence[id];
  return {
    id,
    title: BLOCK_TITLES[id],
    version: blockVersion(
      state.sheets.instance,
      id,
      entries,
      figures,
      versionLinks(id, links, state.canvas.segmentIds),
      evidence,
    ),
    entries,
    figures: withReported(figures, state.settings),
    links,
    evidence,
    ...(problems.length ? { problems } : {}),
  };
}

/** Each figure with Xiaomi's reported value for its metric and period, when there is one. */
export function withReported(figures: readonly Figure[], settings: ComparisonSettings): FigureView[] {
  return figuresWithReported(figures, reportedFigures(), settings);
}

/** Every canvas of the spreadsheet, the state's own included; read it before any write (no extra round trip). */
export function canvasesOf(state: CanvasState, spreadsheet: Spreadsheet): CanvasListing[] {
  return listCanvases(spreadsheet, { instance: state.sheets.instance, sheetName: state.canvasName });
}

/**
 * The canvas as the sidebar shows it, with every canvas of the spreadsheet so the user can switch; a writer passes
 * the `canvases` it read before writing, and the `blocks` (and `segmentIds`) it wrote.
 */
export function canvasView(
  state: CanvasState,
  spreadsheet: Spreadsheet,
  written?: { canvases: CanvasListing[]; blocks: BlockView[]; segmentIds?: readonly string[] },
): CanvasView {
  const blocks = written?.blocks ?? BLOCK_IDS.map((id) => blockView(state, id));
  const entries = Object.fromEntries(blocks.map((b) => [b.id, b.entries])) as Record<BlockId, string[]>;
  return {
    canvasId: canvasIdOf(state.sheets.instance),
    sheetName: state.canvasName,
    canvases: written?.canvases ?? canvasesOf(state, spreadsheet),
    blocks,
    segments: canvasSegments(entries, written?.segmentIds ?? state.canvas.segmentIds),
    ...(state.problems.length ? { problems: state.problems } : {}),
  };
}
