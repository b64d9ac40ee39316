/**
 * Serialisation. `documentState` is everything that is document content (sheets in order with ids,
 * names, cells, formats, notes, merges, sizes, visibility, gridlines, frozen panes, protections, and
 * named ranges) as deep, JSON-able data — compare two of them to prove an operation changed nothing.
 * `toStateJson` adds what a restart needs (selection, id counters) and `documentFromState` restores it.
 * Dates are stored as { "date": ISO string }.
 */
import { areaToRect, cellA1, parseCellA1, parseReference, rectToA1 } from './a1';
import { DocumentModel, type NamedRangeModel } from './document';
import { isDate } from './realm';
import { cloneFormat, SheetModel, type ProtectionModel } from './sheet-model';
import type { CellFormat, CellScalar, Rect } from './types';
import type { ChartModel } from './charts';

export const STATE_FORMAT = 'fake-sheets/1';

export type CellValueJson = string | number | boolean | { date: string };

export interface CellJson {
  v?: CellValueJson;
  f?: string;
  fmt?: CellFormat;
  note?: string;
  runs?: Array<{ start: number; end: number; foregroundColor?: string; bold?: boolean }>;
}

export interface ProtectionJson {
  id?: number;
  type: 'SHEET' | 'RANGE';
  range?: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: string[];
}

export interface SheetJson {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  tabColor: string | null;
  /** Present for a sheet without cells (a chart sheet). */
  type?: 'OBJECT';
  frozenRows: number;
  frozenColumns: number;
  gridlinesHidden: boolean;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenRows: number[];
  hiddenColumns: number[];
  merges: string[];
  protections: ProtectionJson[];
  /** Embedded charts (absent in states saved before charts were modelled). */
  charts?: ChartJson[];
  cells: Record<string, CellJson>;
}

export interface NamedRangeJson {
  name: string;
  sheetId: number;
  range: string;
  valid: boolean;
}

export interface DocumentStateJson {
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetJson[];
  namedRanges: NamedRangeJson[];
}

export interface FakeStateJson {
  format: typeof STATE_FORMAT;
  spreadsheetId: string;
  document: DocumentStateJson;
  counters: { nextSheetId: number; nextProtectionId: number };
  selection: { activeSheetId: number; activeRange: { sheetId: number; range: string } | null };
}

function valueToJson(v: CellScalar): CellValueJson {
  return isDate(v) ? { date: v.toISOString() } : v;
}

function valueFromJson(v: CellValueJson): CellScalar {
  if (v !== null && typeof v === 'object') {
    if (typeof v.date !== 'string') throw new Error('Invalid date value in state');
    return new Date(v.date);
  }
  return v;
}

function sparseToRecord(arr: Array<number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  arr.forEach((v, i) => {
    if (v !== undefined) out[String(i + 1)] = v;
  });
  return out;
}

function flagsToList(arr: Array<boolean | undefined>): number[] {
  const out: number[] = [];
  arr.forEach((v, i) => {
    if (v) out.push(i + 1);
  });
  return out;
}

/** A chart as saved: the model's fields, with ranges in A1 with their sheet id (and the id only when kept). */
export type ChartJson = Omit<ChartModel, 'id' | 'ranges'> & {
  id?: number;
  ranges: Array<{ sheetId: number; range: string }>;
};

function chartToJson(c: ChartModel, withIds: boolean): ChartJson {
  const out: ChartJson = {
    type: c.type,
    ranges: c.ranges.map((r) => ({ sheetId: r.sheetId, range: rectToA1(r.rect) })),
    anchorRow: c.anchorRow,
    anchorColumn: c.anchorColumn,
    offsetX: c.offsetX,
    offsetY: c.offsetY,
    numHeaders: c.numHeaders,
    options: JSON.parse(JSON.stringify(c.options)) as Record<string, unknown>,
  };
  if (withIds) out.id = c.id;
  return out;
}

function protectionToJson(p: ProtectionModel, withIds: boolean): ProtectionJson {
  const out: ProtectionJson = {
    type: p.type,
    description: p.description,
    warningOnly: p.warningOnly,
    editors: p.editors.slice(),
    domainEdit: p.domainEdit,
    unprotected: p.unprotected.map(rectToA1),
  };
  if (p.rect) out.range = rectToA1(p.rect);
  if (withIds) out.id = p.id;
  return out;
}

function sheetToJson(s: SheetModel, withIds: boolean): SheetJson {
  const cells: Record<string, CellJson> = {};
  s.forEachCell((cell, row, col) => {
    const c: CellJson = {};
    if (cell.value !== undefined) c.v = valueToJson(cell.value);
    if (cell.formula !== undefined) c.f = cell.formula;
    if (cell.format) c.fmt = cloneFormat(cell.format);
    if (cell.note !== undefined) c.note = cell.note;
    if (cell.runs) c.runs = cell.runs.map((run) => ({ ...run }));
    if (Object.keys(c).length) cells[cellA1(row, col)] = c;
  });
  const protections = s.protections.map((p) => protectionToJson(p, withIds));
  if (!withIds) protections.sort((a, b) => (a.type + (a.range ?? '')).localeCompare(b.type + (b.range ?? '')));
  return {
    id: s.id,
    name: s.name,
    maxRows: s.maxRows,
    maxColumns: s.maxCols,
    hidden: s.hidden,
    tabColor: s.tabColor,
    ...(s.type === 'OBJECT' ? { type: 'OBJECT' as const } : {}),
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    gridlinesHidden: s.gridlinesHidden,
    columnWidths: sparseToRecord(s.columnWidths),
    rowHeights: sparseToRecord(s.rowHeights),
    hiddenRows: flagsToList(s.hiddenRows),
    hiddenColumns: flagsToList(s.hiddenColumns),
    merges: s.merges
      .slice()
      .sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)
      .map(rectToA1),
    protections,
    charts: s.charts.map((c) => chartToJson(c, withIds)),
    cells,
  };
}

export function documentState(doc: DocumentModel, withIds = false): DocumentStateJson {
  const named = doc.namedRanges.map((n) => ({
    name: n.name,
    sheetId: n.sheetId,
    range: rectToA1(n.rect),
    valid: n.valid,
  }));
  if (!withIds) named.sort((a, b) => a.name.localeCompare(b.name));
  return {
    name: doc.name,
    timeZone: doc.timeZone,
    locale: doc.locale,
    sheets: doc.sheets.map((s) => sheetToJson(s, withIds)),
    namedRanges: named,
  };
}

export function toStateJson(doc: DocumentModel): FakeStateJson {
  const ar = doc.activeRange;
  return {
    format: STATE_FORMAT,
    spreadsheetId: doc.id,
    document: documentState(doc, true),
    counters: { nextSheetId: doc.nextSheetId, nextProtectionId: doc.nextProtectionId },
    selection: {
      activeSheetId: doc.activeSheetId,
      activeRange: ar ? { sheetId: ar.sheetId, range: rectToA1(ar.rect) } : null,
    },
  };
}

function rectFrom(a1: string, where: string): Rect {
  const ref = parseReference(a1);
  if (!ref) throw new Error(`Invalid range "${a1}" in ${where}`);
  return areaToRect(ref.area, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

function fail(msg: string): never {
  throw new Error(`Invalid fake-sheets state: ${msg}`);
}

/** Rebuilds a document from toStateJson output. Throws a clear Error on malformed input. */
export function documentFromState(json: unknown, now: () => Date): DocumentModel {
  if (!json || typeof json !== 'object') fail('not an object');
  const state = json as FakeStateJson;
  if ((state.format as unknown) !== STATE_FORMAT)
    fail(`format is ${JSON.stringify(state.format)}, expected ${STATE_FORMAT}`);
  const d = state.document;
  if (!d || !Array.isArray(d.sheets) || d.sheets.length === 0) fail('document.sheets must be a non-empty array');
  const doc = new DocumentModel({
    id: String(state.spreadsheetId ?? 'fake-spreadsheet-id'),
    name: String(d.name),
    timeZone: String(d.timeZone ?? 'Etc/UTC'),
    locale: String(d.locale ?? 'en_US'),
    now,
  });
  for (const sj of d.sheets) {
    if (typeof sj.name !== 'string' || typeof sj.id !== 'number') fail('each sheet needs a name and a numeric id');
    const s = new SheetModel(sj.id, sj.name, sj.maxRows, sj.maxColumns);
    s.hidden = !!sj.hidden;
    s.tabColor = sj.tabColor ?? null;
    if (sj.type === 'OBJECT') s.type = 'OBJECT';
    s.frozenRows = sj.frozenRows ?? 0;
    s.frozenColumns = sj.frozenColumns ?? 0;
    s.gridlinesHidden = !!sj.gridlinesHidden;
    for (const [k, v] of Object.entries(sj.columnWidths ?? {})) s.columnWidths[Number(k) - 1] = v;
    for (const [k, v] of Object.entries(sj.rowHeights ?? {})) s.rowHeights[Number(k) - 1] = v;
    for (const r of sj.hiddenRows ?? []) s.hiddenRows[r - 1] = true;
    for (const c of sj.hiddenColumns ?? []) s.hiddenColumns[c - 1] = true;
    s.merges = (sj.merges ?? []).map((m) => rectFrom(m, `merges of ${sj.name}`));
    s.protections = (sj.protections ?? []).map((p, i) => ({
      id: p.id ?? doc.nextProtectionId + i,
      type: p.type,
      rect: p.range ? rectFrom(p.range, `protections of ${sj.name}`) : undefined,
      description: p.description ?? '',
      warningOnly: !!p.warningOnly,
      editors: (p.editors ?? []).slice(),
      domainEdit: !!p.domainEdit,
      unprotected: (p.unprotected ?? []).map((u) => rectFrom(u, `protections of ${sj.name}`)),
    }));
    s.charts = (sj.charts ?? []).map((c, i) => ({
      id: c.id ?? doc.nextChartId + i,
      type: c.type,
      ranges: c.ranges.map((r) => ({ sheetId: r.sheetId, rect: rectFrom(r.range, `charts of ${sj.name}`) })),
      anchorRow: c.anchorRow,
      anchorColumn: c.anchorColumn,
      offsetX: c.offsetX,
      offsetY: c.offsetY,
      numHeaders: c.numHeaders,
      options: JSON.parse(JSON.stringify(c.options ?? {})) as Record<string, unknown>,
    }));
    for (const [a1, cj] of Object.entries(sj.cells ?? {})) {
      let pos: { row: number; col: number };
      try {
        pos = parseCellA1(a1);
      } catch {
        fail(`bad cell address ${a1} in ${sj.name}`);
      }
      const cell = s.ensureCell(pos.row, pos.col);
      if (cj.v !== undefined) cell.value = valueFromJson(cj.v);
      if (cj.f !== undefined) cell.formula = cj.f;
      if (cj.fmt) cell.format = cloneFormat(cj.fmt);
      if (cj.note !== undefined) cell.note = cj.note;
      if (cj.runs) cell.runs = cj.runs.map((run) => ({ ...run }));
    }
    doc.sheets.push(s);
  }
  doc.namedRanges = (d.namedRanges ?? []).map((n): NamedRangeModel => ({
    name: n.name,
    sheetId: n.sheetId,
    rect: rectFrom(n.range, `named range ${n.name}`),
    valid: n.valid !== false,
  }));
  const maxId = Math.max(...doc.sheets.map((s) => s.id));
  doc.nextSheetId = Math.max(state.counters?.nextSheetId ?? 0, maxId + 1);
  const maxProt = Math.max(0, ...doc.sheets.flatMap((s) => s.protections.map((p) => p.id)));
  doc.nextProtectionId = Math.max(state.counters?.nextProtectionId ?? 0, maxProt + 1);
  const maxChart = Math.max(0, ...doc.sheets.flatMap((s) => s.charts.map((c) => c.id)));
  doc.nextChartId = maxChart + 1;
  const sel = state.selection;
  doc.activeSheetId = sel && doc.sheetById(sel.activeSheetId) ? sel.activeSheetId : doc.sheets[0].id;
  if (sel?.activeRange && doc.sheetById(sel.activeRange.sheetId)) {
    doc.activeRange = { sheetId: sel.activeRange.sheetId, rect: rectFrom(sel.activeRange.range, 'selection') };
  }
  return doc;
}
