/** Spreadsheet: sheets (insert, delete, order, activation), named ranges, A1 ranges, toasts. */
import { areaToRect, formatArea, parseReference, relativeArea } from './a1';
import type { FakeContext } from './context';
import { enumName } from './enums';
import { OUTSIDE_SHEET, signatureMismatch, typeNames } from './errors';
import { invalidNameMessage, namedRangeNameProblem } from './named-range';
import type { SheetModel } from './sheet-model';
import type { Rect } from './types';

export class SpreadsheetImpl {
  constructor(private readonly ctx: FakeContext) {}

  private get doc() {
    return this.ctx.doc;
  }

  private sheetApi(model: SheetModel): object {
    return this.ctx.factories.sheet(model);
  }

  private sheetOf(value: unknown, method: string): SheetModel {
    const impl = this.ctx.unwrap<{ model: SheetModel }>(value);
    if (!impl || !impl.model)
      this.ctx.fail(signatureMismatch(typeNames([value]), `SpreadsheetApp.Spreadsheet.${method}`));
    return impl.model;
  }

  private rangeOf(value: unknown, method: string): { sheet: SheetModel; rect: Rect; activate(): unknown } {
    const impl = this.ctx.unwrap<{ sheet: SheetModel; rect: Rect; activate(): unknown }>(value);
    if (!impl || !impl.rect)
      this.ctx.fail(signatureMismatch(typeNames([value]), `SpreadsheetApp.Spreadsheet.${method}`));
    return impl;
  }

  /** Resolves `Sheet!A1:B2` (or `A1` on the active sheet). */
  resolveA1(a1: unknown): { sheet: SheetModel; rect: Rect; notation: string } {
    const ref = typeof a1 === 'string' ? parseReference(a1) : null;
    if (!ref) this.ctx.fail('Range not found');
    const sheet = ref.sheet !== undefined ? this.doc.sheetByName(ref.sheet) : this.doc.activeSheet();
    if (!sheet) this.ctx.fail('Range not found');
    const rect = areaToRect(ref.area, sheet.maxRows, sheet.maxCols);
    if (rect.r2 > sheet.maxRows || rect.c2 > sheet.maxCols) this.ctx.fail(OUTSIDE_SHEET);
    return { sheet, rect, notation: formatArea(relativeArea(ref.area)) };
  }

  getId(): string {
    return this.doc.id;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.doc.id}/edit`;
  }

  getName(): string {
    return this.doc.name;
  }

  rename(newName: unknown): void {
    this.doc.name = String(newName);
  }

  getSheets(): object[] {
    return this.ctx.realm.arrayFrom(this.doc.sheets.map((s) => this.sheetApi(s)));
  }

  getNumSheets(): number {
    return this.doc.sheets.length;
  }

  getSheetByName(name: unknown): object | null {
    if (typeof name !== 'string') return null;
    const s = this.doc.sheetByName(name);
    return s ? this.sheetApi(s) : null;
  }

  getSheetById(id: unknown): object | null {
    const s = this.doc.sheets.find((x) => x.id === id);
    return s ? this.sheetApi(s) : null;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index), plus the variants
   * with an options object (templates are not supported). Without an index the sheet goes right after
   * the active sheet. The new sheet becomes the active sheet.
   */
  insertSheet(a?: unknown, b?: unknown, c?: unknown): object {
    let name: string | undefined;
    let index: number | undefined;
    let options: unknown;
    for (const arg of [a, b, c]) {
      if (arg === undefined) continue;
      if (typeof arg === 'string' && name === undefined && index === undefined) name = arg;
      else if (typeof arg === 'number' && index === undefined) index = arg;
      else if (arg && typeof arg === 'object') options = arg;
      else
        this.ctx.fail(
          signatureMismatch(
            typeNames([a, b, c].filter((x) => x !== undefined)),
            'SpreadsheetApp.Spreadsheet.insertSheet',
          ),
        );
    }
    if (options && (options as { template?: unknown }).template)
      this.ctx.fail('FakeSheets: Spreadsheet.insertSheet with a template is not implemented');
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > this.doc.sheets.length)) {
      this.ctx.fail(`The sheet index ${index} is out of range.`);
    }
    const at = index ?? this.doc.sheets.indexOf(this.doc.activeSheet()) + 1;
    const model = this.ctx.guard(() => this.doc.addSheet(name ?? this.doc.defaultSheetName(), at));
    this.doc.activeSheetId = model.id;
    this.doc.activeRange = null;
    return this.sheetApi(model);
  }

  deleteSheet(sheet: unknown): void {
    const model = this.sheetOf(sheet, 'deleteSheet');
    this.ctx.guard(() => this.doc.removeSheet(model));
  }

  deleteActiveSheet(): object {
    this.ctx.guard(() => this.doc.removeSheet(this.doc.activeSheet()));
    return this.sheetApi(this.doc.activeSheet());
  }

  getActiveSheet(): object {
    return this.sheetApi(this.doc.activeSheet());
  }

  setActiveSheet(sheet: unknown): object {
    const model = this.sheetOf(sheet, 'setActiveSheet');
    if (this.doc.activeSheetId !== model.id) {
      this.doc.activeSheetId = model.id;
      this.doc.activeRange = null;
    }
    return this.sheetApi(model);
  }

  getActiveRange(): object {
    const ar = this.doc.activeRange;
    const active = this.doc.activeSheet();
    if (ar && ar.sheetId === active.id) return this.ctx.factories.range(active, { ...ar.rect });
    return this.ctx.factories.range(active, { r1: 1, c1: 1, r2: 1, c2: 1 });
  }

  getActiveCell(): object {
    const ar = this.doc.activeRange;
    const active = this.doc.activeSheet();
    const r = ar && ar.sheetId === active.id ? ar.rect : { r1: 1, c1: 1, r2: 1, c2: 1 };
    return this.ctx.factories.range(active, { r1: r.r1, c1: r.c1, r2: r.r1, c2: r.c1 });
  }

  getCurrentCell(): object {
    return this.getActiveCell();
  }

  setActiveRange(range: unknown): object {
    this.rangeOf(range, 'setActiveRange').activate();
    return range as object;
  }

  getRange(a1: unknown): object {
    const { sheet, rect, notation } = this.resolveA1(a1);
    return this.ctx.factories.range(sheet, rect, notation);
  }

  getRangeList(a1Notations: unknown): object {
    if (!Array.isArray(a1Notations))
      this.ctx.fail(signatureMismatch(typeNames([a1Notations]), 'SpreadsheetApp.Spreadsheet.getRangeList'));
    return this.ctx.factories.rangeList((a1Notations as unknown[]).map((a) => this.resolveA1(a)));
  }

  getRangeByName(name: unknown): object | null {
    if (typeof name !== 'string') return null;
    const nr = this.doc.namedRange(name);
    return nr ? this.ctx.factories.range(nr.sheet, { ...nr.rect }) : null;
  }

  setNamedRange(name: unknown, range: unknown): void {
    if (namedRangeNameProblem(name)) this.ctx.fail(invalidNameMessage(name));
    const impl = this.rangeOf(range, 'setNamedRange');
    const existing = this.doc.namedRangeModel(name as string);
    if (existing && this.doc.staleNameKept(existing))
      this.ctx.fail(`A named range with the name "${existing.name}" already exists.`);
    if (existing) {
      existing.name = name as string;
      existing.sheetId = impl.sheet.id;
      existing.rect = { ...impl.rect };
      existing.valid = true;
    } else {
      this.doc.namedRanges.push({ name: name as string, sheetId: impl.sheet.id, rect: { ...impl.rect }, valid: true });
    }
  }

  getNamedRanges(): object[] {
    const listed = this.doc.namedRanges.filter((n) => !this.doc.isStaleName(n) || this.doc.staleNameKept(n));
    return this.ctx.realm.arrayFrom(listed.map((n) => this.ctx.factories.namedRange(n.name)));
  }

  removeNamedRange(name: unknown): void {
    const m = typeof name === 'string' ? this.doc.namedRangeModel(name) : undefined;
    if (!m) this.ctx.fail('Range not found');
    this.doc.namedRanges = this.doc.namedRanges.filter((n) => n !== m);
  }

  getProtections(type: unknown): object[] {
    const t = enumName(type);
    if (t !== 'SHEET' && t !== 'RANGE')
      this.ctx.fail(signatureMismatch(typeNames([type]), 'SpreadsheetApp.Spreadsheet.getProtections'));
    const out: object[] = [];
    for (const s of this.doc.sheets)
      for (const p of s.protections) if (p.type === t) out.push(this.ctx.factories.protection(s, p.id));
    return this.ctx.realm.arrayFrom(out);
  }

  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.ctx.ui.toasts.push({
      message: String(msg ?? ''),
      title: title === undefined || title === null ? '' : String(title),
      timeout: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }

  moveActiveSheet(pos: unknown): void {
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 1 || pos > this.doc.sheets.length) {
      this.ctx.fail(`The sheet position ${String(pos)} is out of range.`);
    }
    this.doc.moveSheet(this.doc.activeSheet(), pos - 1);
  }

  getSpreadsheetTimeZone(): string {
    return this.doc.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: unknown): void {
    this.doc.timeZone = String(timeZone);
  }

  getSpreadsheetLocale(): string {
    return this.doc.locale;
  }

  /** Stored formulas keep their meaning (they are kept in en_US syntax); only what is written next changes. */
  setSpreadsheetLocale(locale: unknown): void {
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      this.ctx.fail(`Invalid locale: ${String(locale)}`);
    this.doc.locale = locale;
    this.doc.touch();
  }

  private activeSheetImpl(): { getDataRange(): object; getLastRow(): number; getLastColumn(): number } {
    return this.ctx.unwrap(this.sheetApi(this.doc.activeSheet()))!;
  }

  getDataRange(): object {
    return this.activeSheetImpl().getDataRange();
  }

  getLastRow(): number {
    return this.activeSheetImpl().getLastRow();
  }

  getLastColumn(): number {
    return this.activeSheetImpl().getLastColumn();
  }
}
