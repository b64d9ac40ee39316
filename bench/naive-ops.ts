/**
 * Naive baselines of the sidebar and menu operations, on a canvas laid out exactly as Insert lays it out:
 * every cell read with its own getValue(), every cell written with its own setValue()/setFormula(), and a
 * read-back after each written row (the "did it save?" check hand-written scripts do), which forces a flush.
 * The parsing itself reuses src/core (same results as the add-on), so only the way the sheet is talked to differs.
 */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../src/core/block-ids';
import { blockArea, entryCapacity, layoutFromMarkers } from '../src/core/canvas-layout';
import { readCanvasGrid, type CanvasReading } from '../src/core/canvas-read';
import { FIGURE_COLUMNS, FIGURE_HEADER, paintFigureRow } from '../src/core/details-plan';
import { readDetailsGrid, type DetailsRegion } from '../src/core/details-read';
import { BOOT_PLACEHOLDER, embedJson } from '../src/core/embed-json';
import { sheetName } from '../src/core/instance-names';
import {
  KEY_FIGURES_TABLE_COLUMNS,
  RATE_CELL,
  TOLERANCE_CELL,
  keyFigureRowFormulas,
} from '../src/core/key-figures-plan';
import { bulleted } from '../src/core/entry-text';
import { textCell } from '../src/core/literal';
import { PlanGrid } from '../src/core/sheet-plan';
import { figuresWithReported, type ComparisonSettings } from '../src/core/reported-compare';
import { reportedRange } from '../src/core/reported-results-plan';
import type { ReportedFigure } from '../src/core/reported-schema';
import reportedResults from '../content/reported-results.json';
import { blockVersion, versionLinks } from '../src/core/version';
import { canvasSegments } from '../src/core/canvas-links';
import type { BlockView, CanvasView, Figure } from '../src/core/view';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface NaiveState {
  canvas: Sheet;
  details: Sheet;
  figures: Sheet | null;
  reading: CanvasReading;
  regions: Record<BlockId, DetailsRegion>;
  settings: ComparisonSettings;
}

const REPORTED = (reportedResults as { figures: ReportedFigure[] }).figures;

/** A sparse grid filled one getValue() at a time. */
function sparse(rows: number): unknown[][] {
  return Array.from({ length: rows }, () => []);
}

function readState(spreadsheet: Spreadsheet): NaiveState {
  const canvas = spreadsheet.getSheetByName(sheetName('canvas', 1));
  const details = spreadsheet.getSheetByName(sheetName('details', 1));
  const figures = spreadsheet.getSheetByName(sheetName('figures', 1));
  if (!canvas || !details) throw new Error('There is no Xiaomi canvas in this spreadsheet.');

  // Canvas: the marker column cell by cell, then each block's entry cells cell by cell.
  const canvasRows = canvas.getLastRow();
  const canvasValues = sparse(canvasRows);
  for (let r = 1; r <= canvasRows; r++) canvasValues[r - 1][0] = canvas.getRange(r, 1).getValue();
  const layout = layoutFromMarkers(canvasValues.map((row) => row[0]));
  if (layout) {
    for (const id of BLOCK_IDS) {
      const area = blockArea(layout, id);
      for (let r = area.firstEntryRow; r <= area.lastEntryRow; r++) {
        canvasValues[r - 1][area.column - 1] = canvas.getRange(r, area.column).getValue();
      }
    }
  }
  const reading = readCanvasGrid(canvasValues, canvas.getName());

  // Details: the marker column cell by cell, then every figure row's seven cells one by one.
  const detailsRows = details.getLastRow();
  const detailsValues = sparse(detailsRows);
  for (let r = 1; r <= detailsRows; r++) detailsValues[r - 1][0] = details.getRange(r, 1).getValue();
  const markers = detailsValues.map((row) => (typeof row[0] === 'string' ? row[0] : ''));
  for (const id of BLOCK_IDS) {
    const heading = markers.indexOf(`block:${id}`) + 1;
    const end = markers.indexOf(`end:${id}`) + 1;
    for (let r = heading + 2; heading > 0 && r < end; r++) {
      for (let c = FIGURE_COLUMNS.label; c < FIGURE_COLUMNS.label + FIGURE_HEADER.length; c++) {
        detailsValues[r - 1][c - 1] = details.getRange(r, c).getValue();
      }
    }
  }
  const regions = readDetailsGrid(detailsValues, details.getName());
  const number = (v: unknown) => (typeof v === 'number' ? v : null);
  const settings = {
    rate: figures ? number(figures.getRange(RATE_CELL.row, RATE_CELL.column).getValue()) : null,
    tolerance: figures ? number(figures.getRange(TOLERANCE_CELL.row, TOLERANCE_CELL.column).getValue()) : null,
  };
  return { canvas, details, figures, reading, regions, settings };
}

function view(state: NaiveState, id: BlockId): BlockView {
  const entries = state.reading.entries[id];
  const figures = state.regions[id].figures.map((f) => f.figure);
  const links = state.reading.links[id];
  // the naive baseline works on the first canvas only
  const evidence = state.reading.evidence[id];
  const version = blockVersion(1, id, entries, figures, versionLinks(id, links, state.reading.segmentIds), evidence);
  return {
    id,
    title: BLOCK_TITLES[id],
    version,
    entries,
    figures: figuresWithReported(figures, REPORTED, state.settings),
    links,
    evidence,
  };
}

export function naiveGetCanvas(spreadsheet: Spreadsheet): CanvasView {
  const state = readState(spreadsheet);
  const sheetName = state.canvas.getName();
  // The naive way lists the spreadsheet's canvases the same way: one name per named range.
  const canvases = spreadsheet
    .getNamedRanges()
    .filter((named) => /^XiaomiCanvas\d*_Canvas$/.test(named.getName()))
    .map((named) => {
      const n = /^XiaomiCanvas(\d*)_Canvas$/.exec(named.getName())![1];
      return { canvasId: `canvas-${n || 1}`, sheetName: named.getRange().getSheet().getName() };
    });
  return {
    canvasId: 'canvas-1',
    sheetName,
    canvases,
    blocks: BLOCK_IDS.map((id) => view(state, id)),
    segments: canvasSegments(state.reading.entries, state.reading.segmentIds),
  };
}

/** Opening the sidebar: the naive getCanvas, embedded into the sidebar HTML. */
export function naiveShowSidebar(
  spreadsheet: Spreadsheet,
  html: GoogleAppsScript.HTML.HtmlService,
  ui: GoogleAppsScript.Base.Ui,
): void {
  let boot: unknown;
  try {
    boot = { canvas: naiveGetCanvas(spreadsheet) };
  } catch (error) {
    boot = { error: (error as Error).message };
  }
  const page = html
    .createHtmlOutputFromFile('Sidebar')
    .getContent()
    .replace(BOOT_PLACEHOLDER, () => embedJson(boot));
  ui.showSidebar(html.createHtmlOutput(page).setTitle('Xiaomi Canvas'));
}

/** Re-links Key Figures one cell at a time (a title and nine formulas per figure), clearing rows left over. */
function linkKeyFigures(state: NaiveState): void {
  const sheet = state.figures;
  if (!sheet) throw new Error('Key Figures is missing.');
  const detailsName = state.details.getName();
  const links = BLOCK_IDS.flatMap((id) =>
    state.regions[id].figures.map((f) => ({ title: BLOCK_TITLES[id], row: f.row })),
  );
  const lastRow = links.length + 1;
  const previous = sheet.getLastRow();
  links.forEach((link, i) => {
    const r = i + 2;
    const title = textCell(link.title);
    sheet.getRange(r, 1).setNumberFormat(title.numberFormat).setValue(title.value);
    keyFigureRowFormulas(
      detailsName,
      link.row,
      r,
      lastRow,
      reportedRange(sheetName('reported', 1), REPORTED.length),
    ).forEach((formula, c) => sheet.getRange(r, c + 2).setFormula(formula));
    sheet.getRange(r, 2).getValue(); // read back the row just linked
  });
  for (let r = lastRow + 1; r <= previous; r++) {
    for (let c = 1; c <= KEY_FIGURES_TABLE_COLUMNS; c++) sheet.getRange(r, c).setValue('');
  }
}

export function naiveRefreshKeyFigures(spreadsheet: Spreadsheet): void {
  linkKeyFigures(readState(spreadsheet));
}

export interface NaiveSaveRequest {
  blockId: BlockId;
  version: string;
  entries: string[];
  figures: Figure[];
}

/** Saves a block: version check, then each entry cell and each figure cell on its own, then Key Figures. */
export function naiveSaveBlock(spreadsheet: Spreadsheet, request: NaiveSaveRequest): BlockView {
  const id = request.blockId;
  let state = readState(spreadsheet);
  if (view(state, id).version !== request.version)
    throw new Error(`${BLOCK_TITLES[id]} was changed by someone else since you opened it.`);

  // Grow the areas one row at a time, then read everything again to know where things are now.
  let area = blockArea(state.reading.layout, id);
  const missingEntries = request.entries.length - entryCapacity(area);
  const region = state.regions[id];
  const missingFigures = request.figures.length - (region.endRow - region.headerRow - 1);
  for (let i = 0; i < missingEntries; i++) state.canvas.insertRowBefore(area.lastEntryRow);
  for (let i = 0; i < missingFigures; i++) state.details.insertRowBefore(region.endRow);
  if (missingEntries > 0 || missingFigures > 0) state = readState(spreadsheet);

  area = blockArea(state.reading.layout, id);
  for (let i = 0; i < entryCapacity(area); i++) {
    const cell = state.canvas.getRange(area.firstEntryRow + i, area.column);
    const text = textCell(i < request.entries.length ? bulleted(request.entries[i]) : '');
    cell.setNumberFormat(text.numberFormat).setValue(text.value);
    cell.getValue(); // read back
  }

  const after = state.regions[id];
  const sources = new Map(after.figures.map((f) => [f.figure.label, f.source]));
  const capacity = after.endRow - after.headerRow - 1;
  for (let i = 0; i < capacity; i++) {
    const r = after.headerRow + 1 + i;
    const figure = request.figures[i];
    const row = new PlanGrid(1, FIGURE_HEADER.length);
    if (figure) paintFigureRow(row, 1, { ...figure, source: sources.get(figure.label) ?? '' }, 1);
    row.values[0].forEach((value, c) =>
      state.details
        .getRange(r, FIGURE_COLUMNS.label + c)
        .setNumberFormat(row.styles[0][c].numberFormat)
        .setValue(value),
    );
    state.details.getRange(r, FIGURE_COLUMNS.label).getValue(); // read back
  }
  const final = readState(spreadsheet);
  linkKeyFigures(final);
  // The naive save leaves the hidden column alone: each row keeps the evidence stored on it.
  const evidence = final.reading.evidence[id];
  return {
    id,
    title: BLOCK_TITLES[id],
    version: blockVersion(1, id, request.entries, request.figures, [], evidence),
    entries: request.entries,
    links: request.entries.map((): string[] => []), // the bench saves Key Activities, which links to no segment
    evidence,
    figures: figuresWithReported(request.figures, REPORTED, state.settings),
  };
}
