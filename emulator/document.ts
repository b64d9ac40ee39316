/**
 * The whole spreadsheet document: sheets in order, named ranges, and the operations that must keep
 * them consistent — structural changes rewrite formulas in every sheet and shift named ranges, sheet
 * renames rewrite references, sheet deletion turns references into #REF!.
 *
 * Also holds the (non-document) selection state: the active sheet and active range.
 */
import { parseTypedInput } from './cell-parsing';
import { isDate } from './realm';
import { serialToDate } from './dates';
import { formatDisplay } from './number-format';
import { Evaluator, type EvalHost } from './formula/evaluator';
import {
  normalizeFormula,
  rewriteFormula,
  sameSheetName,
  shiftRect,
  type StructuralChange,
} from './formula/references';
import { isError } from './formula/values';
import { swapFormulaSyntax, usesSemicolons } from './formula/locale-syntax';
import { SheetModel } from './sheet-model';
import type { Cell, CellScalar, Rect } from './types';

export const MAX_CELL_CHARS = 50000;
export const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

export interface NamedRangeModel {
  name: string;
  sheetId: number;
  rect: Rect;
  /** False once the sheet or all of its cells were deleted (the range shows #REF! in Sheets). */
  valid: boolean;
}

export interface ActiveRange {
  sheetId: number;
  rect: Rect;
}

/** A computed cell value as the API returns it, plus what is needed to display it. */
export interface ComputedCell {
  /** '' for empty; error codes such as '#REF!' for formula errors. */
  value: CellScalar;
  error?: string;
  display: string;
}

/** Thrown for invalid operations; the API layer converts it into an Apps Script-like Error. */
export class SheetsError extends Error {}

/**
 * How the fake reads what Google does not document (see README, "Readings"):
 * - `strict` (default): a text-format cell stores written input exactly as given (an apostrophe stays, `=1+1`
 *   stays text); a numeric-looking text criterion in COUNTIF(S) does not match text cells.
 * - `lenient`: a text-format cell drops a leading apostrophe and turns `=…` into a formula; a numeric-looking
 *   text criterion matches text cells that read as that number.
 * Code that is correct must give the same result under both.
 */
export type Reading = 'strict' | 'lenient';

/**
 * One switch per undocumented behaviour; each defaults to the side of `reading` (strict = the first value).
 * - `formulaSyntax`: formula text a script writes (setValues, setFormula(s)) is parsed in the spreadsheet's
 *   locale (`locale`: `;` and decimal `,` in de_DE, pt_BR, …) or always as en_US (`en_US`); getFormulas
 *   answers in the same syntax.
 * - `deletedSheetNames`: a deleted sheet's named ranges stay, pointing at #REF! (`kept`: listed by
 *   getNamedRanges, their getRange throws, setNamedRange refuses their name) or disappear (`dropped`).
 * - `textStyleUnset`: an attribute a TextStyle leaves unset, written with Range.setTextStyle(s), resets the
 *   cell's attribute to Sheets' default (`reset`) or leaves it as it was (`keep`).
 */
export interface Readings {
  formulaSyntax: 'locale' | 'en_US';
  deletedSheetNames: 'kept' | 'dropped';
  textStyleUnset: 'reset' | 'keep';
}

const STRICT_READINGS: Readings = { formulaSyntax: 'locale', deletedSheetNames: 'kept', textStyleUnset: 'reset' };
const LENIENT_READINGS: Readings = { formulaSyntax: 'en_US', deletedSheetNames: 'dropped', textStyleUnset: 'keep' };

/** The reading used when none is given: FAKE_SHEETS_READING=lenient runs a whole suite under the other one. */
export function defaultReading(): Reading {
  return process.env.FAKE_SHEETS_READING === 'lenient' ? 'lenient' : 'strict';
}

/** True when a number format has a text section (`@` outside quotes), e.g. `@` or `"•  "@`. */
export function isTextFormat(pattern: string | undefined): boolean {
  return pattern !== undefined && pattern.replace(/"[^"]*"|\\./g, '').includes('@');
}

export interface DocumentInit {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  now: () => Date;
  reading?: Reading;
  /** Switches single behaviours away from `reading`'s side. */
  readings?: Partial<Readings>;
  /** Size of a sheet made by insertSheet (Google does not document it; default 1000 × 26). */
  newSheetSize?: { rows: number; columns: number };
}

export class DocumentModel implements EvalHost {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[] = [];
  namedRanges: NamedRangeModel[] = [];
  nextSheetId = 1;
  nextProtectionId = 1;
  nextChartId = 1;
  activeSheetId = 0;
  activeRange: ActiveRange | null = null;
  reading: Reading;
  /** Single behaviours switched away from `reading`'s side (see readingOf). */
  readings: Partial<Readings>;
  newSheetSize: { rows: number; columns: number } | undefined;
  readonly evaluator: Evaluator;
  private readonly clock: () => Date;
  private v = 0;

  constructor(init: DocumentInit) {
    this.id = init.id;
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    this.clock = init.now;
    this.reading = init.reading ?? defaultReading();
    this.readings = { ...(init.readings ?? {}) };
    this.newSheetSize = init.newSheetSize;
    this.evaluator = new Evaluator(this);
  }

  now(): Date {
    return this.clock();
  }

  version(): number {
    return this.v;
  }

  /** Marks the document changed (drops cached formula results). */
  touch(): void {
    this.v++;
  }

  // ---- lookups ---------------------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => sameSheetName(s.name, name));
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  namedRangeModel(name: string): NamedRangeModel | undefined {
    const lower = name.toLowerCase();
    return this.namedRanges.find((n) => n.name.toLowerCase() === lower);
  }

  /** A name whose sheet or cells were deleted (Sheets shows it as #REF!). */
  isStaleName(nr: NamedRangeModel): boolean {
    return !nr.valid || !this.sheetById(nr.sheetId);
  }

  /** True when `nr` is stale and the `deletedSheetNames` reading keeps it (listed, its name taken). */
  staleNameKept(nr: NamedRangeModel): boolean {
    return this.isStaleName(nr) && this.readingOf('deletedSheetNames') === 'kept';
  }

  namedRange(name: string): { sheet: SheetModel; rect: Rect } | undefined {
    const nr = this.namedRangeModel(name);
    if (!nr || !nr.valid) return undefined;
    const sheet = this.sheetById(nr.sheetId);
    return sheet ? { sheet, rect: nr.rect } : undefined;
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  // ---- sheets ----------------------------------------------------------------------------------------

  checkSheetName(name: string, except?: SheetModel): void {
    if (name.trim() === '') throw new SheetsError('Sheet names cannot be empty.');
    if (name.length > 100) throw new SheetsError('Sheet names cannot be longer than 100 characters.');
    const clash = this.sheets.find((s) => s !== except && sameSheetName(s.name, name));
    if (clash) throw new SheetsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** A default name like Sheets gives: "Sheet<n>" with the first free n from the sheet count + 1. */
  defaultSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => sameSheetName(s.name, `Sheet${n}`))) n++;
    return `Sheet${n}`;
  }

  addSheet(name: string, index: number, id?: number): SheetModel {
    this.checkSheetName(name);
    const sheetId = id ?? this.nextSheetId++;
    const size = this.newSheetSize;
    const sheet = size ? new SheetModel(sheetId, name, size.rows, size.columns) : new SheetModel(sheetId, name);
    const at = Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.touch();
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.filter((s) => !s.deleted).length <= 1)
      throw new SheetsError("You can't remove all the sheets in a document.");
    const idx = this.sheets.indexOf(sheet);
    if (idx < 0) throw new SheetsError('Sheet not found.');
    this.sheets.splice(idx, 1);
    sheet.deleted = true;
    this.rewriteAll({ kind: 'deleteSheet', sheet: sheet.name });
    for (const nr of this.namedRanges) if (nr.sheetId === sheet.id) nr.valid = false;
    // A chart drawing the deleted sheet's cells keeps no range there.
    for (const s of this.sheets)
      for (const chart of s.charts) chart.ranges = chart.ranges.filter((r) => r.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets[Math.min(idx, this.sheets.length - 1)] ?? this.sheets[0];
      this.activeSheetId = next.id;
      this.activeRange = null;
    }
    this.touch();
  }

  renameSheet(sheet: SheetModel, newName: string): void {
    if (sheet.name === newName) return;
    this.checkSheetName(newName, sheet);
    const old = sheet.name;
    sheet.name = newName;
    this.rewriteAll({ kind: 'renameSheet', from: old, to: newName });
    this.touch();
  }

  moveSheet(sheet: SheetModel, index: number): void {
    const idx = this.sheets.indexOf(sheet);
    this.sheets.splice(idx, 1);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    this.touch();
  }

  // ---- structure -------------------------------------------------------------------------------------

  private rewriteAll(change: StructuralChange): void {
    for (const s of this.sheets) {
      s.forEachCell((cell) => {
        if (cell.formula !== undefined) cell.formula = rewriteFormula(cell.formula, s.name, change);
      });
    }
  }

  private shiftNamedRanges(
    sheet: SheetModel,
    change: { kind: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns'; at: number; count: number },
  ): void {
    for (const nr of this.namedRanges) {
      if (nr.sheetId !== sheet.id || !nr.valid) continue;
      const r = shiftRect(nr.rect, change);
      if (r) nr.rect = r;
      else nr.valid = false;
    }
    for (const s of this.sheets)
      for (const chart of s.charts)
        chart.ranges = chart.ranges.flatMap((cr) => {
          if (cr.sheetId !== sheet.id) return [cr];
          const r = shiftRect(cr.rect, change);
          return r ? [{ sheetId: cr.sheetId, rect: r }] : [];
        });
    if (this.activeRange && this.activeRange.sheetId === sheet.id) {
      const r = shiftRect(this.activeRange.rect, change);
      this.activeRange = r ? { sheetId: sheet.id, rect: r } : null;
    }
  }

  insertRows(sheet: SheetModel, at: number, count: number, inheritFrom: number | null): void {
    sheet.insertRows(at, count, inheritFrom);
    this.rewriteAll({ kind: 'insertRows', sheet: sheet.name, at, count });
    this.shiftNamedRanges(sheet, { kind: 'insertRows', at, count });
    this.touch();
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    if (sheet.maxRows - count <= sheet.frozenRows || sheet.maxRows - count < 1) {
      throw new SheetsError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    sheet.deleteRows(at, count);
    this.rewriteAll({ kind: 'deleteRows', sheet: sheet.name, at, count });
    this.shiftNamedRanges(sheet, { kind: 'deleteRows', at, count });
    this.touch();
  }

  insertColumns(sheet: SheetModel, at: number, count: number, inheritFrom: number | null): void {
    sheet.insertColumns(at, count, inheritFrom);
    this.rewriteAll({ kind: 'insertColumns', sheet: sheet.name, at, count });
    this.shiftNamedRanges(sheet, { kind: 'insertColumns', at, count });
    this.touch();
  }

  deleteColumns(sheet: SheetModel, at: number, count: number): void {
    if (sheet.maxCols - count <= sheet.frozenColumns || sheet.maxCols - count < 1) {
      throw new SheetsError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    sheet.deleteColumns(at, count);
    this.rewriteAll({ kind: 'deleteColumns', sheet: sheet.name, at, count });
    this.shiftNamedRanges(sheet, { kind: 'deleteColumns', at, count });
    this.touch();
  }

  // ---- cell content ----------------------------------------------------------------------------------

  /** Throws when a value cannot be stored in one cell. */
  checkInput(raw: unknown): void {
    if (typeof raw === 'string' && raw.length > MAX_CELL_CHARS) throw new SheetsError(CELL_TOO_LONG);
  }

  /** How one undocumented behaviour is read: its own switch, else the side of `reading`. */
  readingOf<K extends keyof Readings>(key: K): Readings[K] {
    return this.readings[key] ?? (this.reading === 'lenient' ? LENIENT_READINGS : STRICT_READINGS)[key];
  }

  /** True when formula text written or read by a script is in the locale's `;` syntax (see Readings). */
  private localeSyntax(): boolean {
    return this.readingOf('formulaSyntax') === 'locale' && usesSemicolons(this.locale);
  }

  /** Formula text as written by a script (or typed), stored in en_US syntax. */
  canonicalFormula(formula: string): string {
    const written = this.localeSyntax() ? swapFormulaSyntax(formula, 'fromLocale') : formula;
    return normalizeFormula(written, (name) => this.sheetByName(name)?.name);
  }

  /** A stored formula as getFormula(s) returns it. */
  formulaAsRead(formula: string): string {
    return this.localeSyntax() ? swapFormulaSyntax(formula, 'toLocale') : formula;
  }

  /** Stores a formula (text starting with '='). */
  writeFormula(sheet: SheetModel, row: number, col: number, formula: string): void {
    const cell = sheet.ensureCell(row, col);
    if (cell.value !== undefined) delete cell.value;
    if (cell.runs) delete cell.runs;
    cell.formula = this.canonicalFormula(formula);
  }

  /**
   * Writes a value the way Range.setValue does: strings are interpreted as typed input, numbers,
   * booleans and Dates are stored as they are, null/undefined/'' clear the content (not the format).
   */
  writeValue(sheet: SheetModel, row: number, col: number, raw: unknown): void {
    if (raw === null || raw === undefined || raw === '') {
      const cell = sheet.cellAt(row, col);
      if (cell) {
        if (cell.value !== undefined) delete cell.value;
        if (cell.formula !== undefined) delete cell.formula;
        if (cell.runs) delete cell.runs;
        sheet.prune(row, col);
      }
      return;
    }
    if (typeof raw === 'string' && isTextFormat(sheet.cellAt(row, col)?.format?.numberFormat)) {
      return this.writeIntoTextCell(sheet, row, col, raw);
    }
    if (typeof raw === 'string') {
      const parsed = parseTypedInput(raw, { timeZone: this.timeZone, now: () => this.now() });
      if (parsed.kind === 'empty') return this.writeValue(sheet, row, col, null);
      if (parsed.kind === 'formula') return this.writeFormula(sheet, row, col, parsed.formula);
      const cell = sheet.ensureCell(row, col);
      if (cell.formula !== undefined) delete cell.formula;
      if (cell.runs) delete cell.runs;
      cell.value = parsed.value;
      if (parsed.numberFormat && !cell.format?.numberFormat) {
        cell.format = { ...(cell.format ?? {}), numberFormat: parsed.numberFormat };
      }
      return;
    }
    const cell = sheet.ensureCell(row, col);
    if (cell.formula !== undefined) delete cell.formula;
    if (cell.runs) delete cell.runs;
    if (typeof raw === 'number') {
      cell.value = Number.isFinite(raw) ? (Object.is(raw, -0) ? 0 : raw) : String(raw);
    } else if (typeof raw === 'boolean') {
      cell.value = raw;
    } else if (isDate(raw)) {
      const ms = raw.getTime();
      cell.value = Number.isNaN(ms) ? 'Invalid Date' : new Date(ms);
      // A Date written by a script shows as date and time unless the cell already has a number format.
      if (!Number.isNaN(ms) && !cell.format?.numberFormat)
        cell.format = { ...(cell.format ?? {}), numberFormat: 'M/d/yyyy H:mm:ss' };
    } else {
      cell.value = String(raw);
    }
  }

  /**
   * A string written into a plain-text cell: documented, it is stored as text (no number, date or boolean).
   * Undocumented, a leading apostrophe or "=": kept as given (strict) or read as Sheets reads typed input in an
   * automatic cell (lenient).
   */
  private writeIntoTextCell(sheet: SheetModel, row: number, col: number, raw: string): void {
    if (this.reading === 'lenient' && raw.startsWith('=') && raw.length > 1)
      return this.writeFormula(sheet, row, col, raw);
    const cell = sheet.ensureCell(row, col);
    if (cell.formula !== undefined) delete cell.formula;
    if (cell.runs) delete cell.runs;
    cell.value = this.reading === 'lenient' && raw.startsWith("'") ? raw.slice(1) : raw;
  }

  /** Rich text (Range.setRichTextValues): the text is stored as text, never parsed, with its styled runs. */
  writeRichText(sheet: SheetModel, row: number, col: number, text: string, runs: Cell['runs']): void {
    if (text === '') return this.writeValue(sheet, row, col, null);
    const cell = sheet.ensureCell(row, col);
    if (cell.formula !== undefined) delete cell.formula;
    cell.value = text;
    if (runs && runs.length > 0) cell.runs = runs.map((run) => ({ ...run }));
    else delete cell.runs;
  }

  clearContent(sheet: SheetModel, row: number, col: number): void {
    const cell = sheet.cellAt(row, col);
    if (!cell) return;
    if (cell.runs) delete cell.runs;
    if (cell.value !== undefined) delete cell.value;
    if (cell.formula !== undefined) delete cell.formula;
    sheet.prune(row, col);
  }

  /** Value of a cell as getValues returns it (formulas computed, errors as their code). */
  computed(sheet: SheetModel, row: number, col: number): { value: CellScalar; error?: string } {
    const cell = sheet.cellAt(row, col);
    if (!cell) return { value: '' };
    if (cell.formula === undefined) {
      const v = cell.value;
      if (v === undefined) return { value: '' };
      return { value: v };
    }
    const res = this.evaluator.evaluateCell(sheet, row, col);
    const v = res.value;
    if (v === null) return { value: '' };
    if (isError(v)) return { value: v.code, error: v.code };
    if (res.isDate && typeof v === 'number') return { value: new Date(serialToDate(v, this.timeZone)) };
    return { value: v };
  }

  /** The error detail of a formula cell, if it evaluates to an error (what Sheets shows on hover). */
  errorDetail(sheet: SheetModel, row: number, col: number): string | undefined {
    const cell = sheet.cellAt(row, col);
    if (!cell || cell.formula === undefined) return undefined;
    const v = this.evaluator.evaluateCell(sheet, row, col).value;
    return isError(v) ? (v.detail ?? v.code) : undefined;
  }

  display(sheet: SheetModel, row: number, col: number): string {
    const c = this.computed(sheet, row, col);
    const pattern = sheet.cellAt(row, col)?.format?.numberFormat;
    if (c.error) return c.error;
    if (c.value === '') return '';
    return formatDisplay(c.value, pattern, { timeZone: this.timeZone });
  }
}
