/** Applies a block write plan (core/block-write-plan.ts) to the canvas and details sheets: save, reset, restore. */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { FIRST_FIGURE_ROW, LEGACY_FIRST_FIGURE_ROW, keyFigureRowMoves } from '../core/key-figures-plan';
import { planBlockWrites, type BlockContent, type BlockWriteStep, type SourcedFigure } from '../core/block-write-plan';
import { CANVAS_COLUMNS } from '../core/canvas-layout';
import { MARKER_STYLE } from '../core/canvas-plan';
import { entriesAsStored } from '../core/canvas-read';
import type { EntryEvidence } from '../core/evidence';
import { FIGURE_HEADER } from '../core/details-plan';
import { figuresAsStored } from '../core/details-read';
import { plainFigure } from '../core/figure';
import { TEXT_FORMAT } from '../core/literal';
import { EVIDENCE_LEGEND, evidenceLegendRuns, type MarkerCell } from '../core/segment-markers';
import { THEME } from '../core/theme';
import { blockVersion, versionLinks } from '../core/version';
import type { BlockView } from '../core/view';
import { richTextValues, writeGrid } from './apply-plan';
import { withReported, type CanvasState } from './canvas-state';
import { beginWrites } from './write-progress';
import { writeKeyFiguresTable } from './key-figures';
import { readNumbersFormulas, relinkNumbers } from './numbers-sheet';
import { withFormulaLocale } from './formula-locale';
import { rebuildAssumptions } from './assumptions';
import { canvasEntries } from '../core/assumptions-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type { BlockContent, SourcedFigure };

/**
 * Writes one block's entries (canvas) and figures (details), then re-links Key Figures.
 * Works from the state read before (no read after a write), with a fixed number of calls: rows are inserted
 * only when the block outgrows its area, and then in one call.
 */
export function writeBlock(
  state: CanvasState,
  id: BlockId,
  entries: readonly string[],
  figures: readonly SourcedFigure[],
  links?: ReadonlyArray<readonly string[]>,
  evidence?: readonly EntryEvidence[],
): BlockView {
  return writeBlocks(state, [
    { id, entries, figures, ...(links ? { links } : {}), ...(evidence ? { evidence } : {}) },
  ])[0];
}

/**
 * Writes several blocks (each at most once) in one pass, from the state read before: read → plan
 * (core/block-write-plan.ts) → apply. Rows are inserted first where a block outgrows its area, then each changed
 * block's entries and figures are written with one call each, and Key Figures is re-linked once at the end.
 * Restoring all nine blocks costs about the same as saving one.
 */
export function writeBlocks(
  state: CanvasState,
  blocks: readonly BlockContent[],
  numbersRead?: ReturnType<typeof readNumbersFormulas>,
): BlockView[] {
  const plan = planBlockWrites(state, blocks);
  // Read before the first write (the same round trip), unless the caller did before its own writes: the numbers
  // sheet points at Key Figures' rows too.
  const numbers =
    numbersRead !== undefined || !plan.keyFigureRows
      ? numbersRead
      : readNumbersFormulas(state.spreadsheet, state.sheets.instance);
  beginWrites();
  applyBlockWrites(state.sheets, plan.steps);
  const spreadsheet = state.spreadsheet;
  // Every formula below goes in under one locale switch (formula-locale.ts).
  withFormulaLocale(spreadsheet, state.locale ?? spreadsheet.getSpreadsheetLocale(), () => {
    // The Assumptions list points at entry cells and shows their evidence: rebuilt whenever the add-on writes
    // (Insert creates it; Refresh recreates it where it was deleted).
    rebuildAssumptions(state, { entries: canvasEntries(plan.layout, (id) => plan.entryRows[id], plan.after.evidence) });
    // Key Figures links cells, so it follows value edits by itself; it is re-linked only when figures moved, and the
    // numbers sheet's rows that read it follow their figures.
    if (!plan.keyFigureRows) return;
    writeKeyFiguresTable(state, plan.keyFigureRows);
    const before = BLOCK_IDS.map((id) => state.details[id].figures.map((f) => f.figure));
    const written = BLOCK_IDS.map((id) => blocks.find((b) => b.id === id)?.figures);
    const firstRow = state.legacySettings ? LEGACY_FIRST_FIGURE_ROW : FIRST_FIGURE_ROW;
    const after = before.map((figures, b) => written[b] ?? figures);
    if (numbers)
      relinkNumbers(
        numbers,
        keyFigureRowMoves(before, after, (b) => !!written[b], firstRow),
      );
  });
  // What a read will give for the cells just written (the literal rule stores them exactly), without reading back.
  return blocks.map(({ id, entries, figures }) => {
    const storedEntries = entriesAsStored(entries);
    const storedFigures = figuresAsStored(figures.map(plainFigure));
    const links = plan.after.links[id];
    const evidence = plan.after.evidence[id];
    return {
      id,
      title: BLOCK_TITLES[id],
      version: blockVersion(
        state.sheets.instance,
        id,
        storedEntries,
        storedFigures,
        versionLinks(id, links, plan.after.segmentIds),
        evidence,
      ),
      entries: storedEntries,
      figures: withReported(storedFigures, state.settings),
      links: links.map((ids) => [...ids]),
      evidence: evidence.map((e) => ({ ...e })),
    };
  });
}

/** Applies a plan's steps in order, each with its fixed number of calls. */
export function applyBlockWrites(sheets: { canvas: Sheet; details: Sheet }, steps: readonly BlockWriteStep[]): void {
  for (const step of steps) {
    switch (step.kind) {
      case 'canvas-rows':
        sheets.canvas.insertRowsBefore(step.beforeRow, step.rows);
        tidyInsertedCanvasRows(sheets.canvas, step);
        break;
      case 'entries':
        // Formats first: a cell's format decides how Sheets stores the value (literal.ts).
        sheets.canvas
          .getRange(step.row, step.column, step.values.length, 1)
          .setNumberFormats(step.formats)
          .setValues(step.values);
        break;
      case 'link-column':
        sheets.canvas.getRange(step.firstRow, 1, step.values.length, 1).setValues(step.values);
        break;
      case 'markers':
        writeMarkers(sheets.canvas, step.column, step.firstRow, step.cells);
        break;
      case 'fit-count': {
        // Raw text: the plan made this cell plain text (@) and the count never starts with ' or = (literal.ts).
        const cell = sheets.canvas.getRange(step.row, step.column);
        if (step.spacer) {
          // An older canvas: its spacer row written whole (summary, legend in its place, the old summary cleared).
          sheets.canvas
            .getRange(step.row, step.column, 1, step.spacer.length)
            .setNumberFormat(TEXT_FORMAT)
            .setFontSize(9)
            .setFontColor(THEME.muted)
            .setValues([step.spacer]);
          cell.setFontSize(10).setFontColor(THEME.ink);
        } else cell.setValue(step.text);
        break;
      }
      case 'figures':
        writeFigures(sheets.details, step);
        break;
      case 'legend':
        // Raw text: it starts with a symbol, never ' or = (literal.ts); its runs last, over the cell's font.
        sheets.canvas
          .getRange(1, step.column)
          .setFontSize(9)
          .setFontColor(THEME.muted)
          .setVerticalAlignment('middle')
          .setRichTextValues(richTextValues([[{ text: EVIDENCE_LEGEND, runs: evidenceLegendRuns() }]]));
        break;
    }
  }
}

/** A block's marker cells: plain-text format first (literal.ts), then values, fills and font colours. */
function writeMarkers(sheet: Sheet, column: number, firstRow: number, cells: readonly MarkerCell[]): void {
  // Fills and font colours first, then the numbers as rich text (each in its segment's colour), last so the cell
  // formats do not paint over the runs.
  sheet
    .getRange(firstRow, column, cells.length, 1)
    .setNumberFormat(MARKER_STYLE.numberFormat)
    .setBackgrounds(cells.map((c) => [c.background]))
    .setFontColors(cells.map((c) => [c.fontColor]))
    .setRichTextValues(richTextValues(cells.map((c) => [{ text: c.value, runs: c.runs }])));
}

/**
 * New rows take their formats from a neighbouring row, including the bottom edge of a block outline or (next
 * to a title) its style; rather than rely on which neighbour, give them the entry style outright, merge them
 * like their band, and draw only the blocks' side edges through them.
 */
function tidyInsertedCanvasRows(sheet: Sheet, step: Extract<BlockWriteStep, { kind: 'canvas-rows' }>): void {
  sheet
    .getRange(step.beforeRow, 2, step.rows, CANVAS_COLUMNS - 1)
    .setNumberFormat(TEXT_FORMAT)
    .setBackground(THEME.white)
    .setFontColor(THEME.ink)
    .setFontSize(10)
    .setFontWeight('normal')
    .setFontStyle('normal')
    .setWrap(true)
    .setVerticalAlignment('top')
    .setBorder(false, null, false, null, null, false);
  sheet
    .getRangeList(step.groupRanges)
    .setBorder(null, true, null, true, null, null, THEME.rule, SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
  if (step.mergeRanges.length > 0)
    for (const range of sheet.getRangeList(step.mergeRanges).getRanges()) range.mergeAcross();
}

/** A block's figures table: rows inserted first when it outgrew its region (then the whole grid and its borders). */
function writeFigures(sheet: Sheet, step: Extract<BlockWriteStep, { kind: 'figures' }>): void {
  const { grid } = step;
  if (step.insertBeforeRow !== null) sheet.insertRowsBefore(step.insertBeforeRow, step.inserted);
  const range = sheet.getRange(step.firstRow, step.column, grid.numRows, FIGURE_HEADER.length);
  if (step.inserted > 0) {
    writeGrid(range, grid);
    sheet
      .getRange(step.firstRow - 1, step.column, grid.numRows + 1, FIGURE_HEADER.length)
      .setBorder(true, true, true, true, true, true, THEME.hairline, SpreadsheetApp.BorderStyle.SOLID);
  } else {
    // Formats first: a cell's format decides how Sheets stores the value (literal.ts).
    range.setNumberFormats(grid.styles.map((row) => row.map((style) => style.numberFormat))).setValues(grid.values);
  }
}
