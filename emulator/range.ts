/**
 * Range: a fixed rectangle of one sheet (like Apps Script, a Range object does not move when rows are
 * inserted later). Values, formulas, formats, borders, merges and notes.
 */
import { rectContains, rectsIntersect, rectToA1 } from './a1';
import type { FakeContext } from './context';
import { BorderStyle, enumName, WrapStrategy } from './enums';
import { columnsMismatch, OUTSIDE_SHEET, rowsMismatch, signatureMismatch, typeNames } from './errors';
import { DEFAULT_FORMAT, formatSetter, normalizeColor, resolveFormat, wrapOf } from './formats';
import { offsetRelativeReferences } from './formula/references';
import { isTextFormat } from './document';
import { RichTextValueImpl, TextStyleImpl } from './rich-text';
import { isDate } from './realm';
import { isEmptyFormat, type SheetModel } from './sheet-model';
import type { BorderSide, CellFormat, CellScalar, Rect, ResolvedFormat } from './types';

export const MERGE_PARTIAL = 'You must select all cells in a merged range to merge or unmerge them.';

type FormatProp = keyof Omit<CellFormat, 'borders'>;
type Side = 'top' | 'left' | 'bottom' | 'right';

export class RangeImpl {
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: SheetModel,
    readonly rect: Rect,
    private readonly notation?: string,
  ) {}

  private get doc() {
    return this.ctx.doc;
  }

  private get numRows(): number {
    return this.rect.r2 - this.rect.r1 + 1;
  }

  private get numCols(): number {
    return this.rect.c2 - this.rect.c1 + 1;
  }

  private alive(): void {
    if (this.sheet.deleted) this.ctx.fail(`The sheet "${this.sheet.name}" was deleted.`);
    if (this.rect.r2 > this.sheet.maxRows || this.rect.c2 > this.sheet.maxCols) this.ctx.fail(OUTSIDE_SHEET);
  }

  private out(v: CellScalar): CellScalar {
    return isDate(v) ? this.ctx.realm.date(v.getTime()) : v;
  }

  private matrix<T>(fn: (row: number, col: number) => T): T[][] {
    this.alive();
    const Arr = this.ctx.realm.arrayConstructor();
    const out = new Arr() as T[][];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const row = new Arr() as T[];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }

  private checkMatrix(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || (data.length > 0 && !data.every((row) => Array.isArray(row)))) {
      this.ctx.fail(signatureMismatch(typeNames([data]), `SpreadsheetApp.Range.${method}`));
    }
    const rows = data as unknown[][];
    if (rows.length !== this.numRows) this.ctx.fail(rowsMismatch(rows.length, this.numRows));
    for (const row of rows) if (row.length !== this.numCols) this.ctx.fail(columnsMismatch(row.length, this.numCols));
    return rows;
  }

  private forEach(fn: (row: number, col: number) => void): void {
    for (let r = this.rect.r1; r <= this.rect.r2; r++) for (let c = this.rect.c1; c <= this.rect.c2; c++) fn(r, c);
  }

  // ---- values ----------------------------------------------------------------------------------------

  getValues(): CellScalar[][] {
    this.alive();
    const Arr = this.ctx.realm.arrayConstructor();
    const out = new Arr() as CellScalar[][];
    const rows = this.sheet.rows;
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const stored = rows[r - 1];
      const row = new Arr() as CellScalar[];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) {
        const cell = stored ? stored[c - 1] : undefined;
        if (!cell) row.push('');
        else if (cell.formula === undefined) {
          const v = cell.value;
          row.push(v === undefined ? '' : typeof v === 'object' ? this.out(v) : v);
        } else row.push(this.out(this.doc.computed(this.sheet, r, c).value));
      }
      out.push(row);
    }
    return out;
  }

  getValue(): CellScalar {
    this.alive();
    return this.out(this.doc.computed(this.sheet, this.rect.r1, this.rect.c1).value);
  }

  getDisplayValues(): string[][] {
    return this.matrix((r, c) => this.doc.display(this.sheet, r, c));
  }

  getDisplayValue(): string {
    this.alive();
    return this.doc.display(this.sheet, this.rect.r1, this.rect.c1);
  }

  isBlank(): boolean {
    this.alive();
    let blank = true;
    this.forEach((r, c) => {
      const cell = this.sheet.cellAt(r, c);
      if (cell && (cell.value !== undefined || cell.formula !== undefined)) blank = false;
    });
    return blank;
  }

  setValues(values: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setValues', values);
    this.ctx.guard(() => {
      for (const row of rows) for (const v of row) this.doc.checkInput(v);
      const { r1, c1 } = this.rect;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        for (let j = 0; j < row.length; j++) this.doc.writeValue(this.sheet, r1 + i, c1 + j, row[j]);
      }
    });
    return this;
  }

  /** Rich text values (see rich-text.ts): each cell gets its text, stored as text, and its styled runs. */
  setRichTextValues(values: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setRichTextValues', values);
    for (const row of rows)
      for (const v of row)
        if (!(v instanceof RichTextValueImpl))
          this.ctx.fail(signatureMismatch('Object[][]', 'SpreadsheetApp.Range.setRichTextValues'));
    const { r1, c1 } = this.rect;
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const rich = v as RichTextValueImpl;
        this.doc.writeRichText(this.sheet, r1 + i, c1 + j, rich.text, [...rich.runs]);
      }),
    );
    return this;
  }

  setRichTextValue(value: unknown): this {
    return this.setRichTextValues(this.matrix(() => value));
  }

  getRichTextValues(): RichTextValueImpl[][] {
    return this.matrix((r, c) => {
      const cell = this.sheet.cellAt(r, c);
      const text = cell?.formula === undefined && typeof cell?.value === 'string' ? cell.value : '';
      return new RichTextValueImpl(text, cell?.runs ?? []);
    });
  }

  private anyTextFormat(): boolean {
    let found = false;
    this.forEach((r, c) => (found ||= isTextFormat(this.sheet.cellAt(r, c)?.format?.numberFormat)));
    return found;
  }

  setValue(value: unknown): this {
    this.alive();
    this.ctx.guard(() => {
      this.doc.checkInput(value);
      // One formula over several cells moves its relative references; a plain-text cell follows the reading.
      if (typeof value === 'string' && value.startsWith('=') && value.length > 1 && !this.anyTextFormat()) {
        this.writeFormulaEverywhere(value);
        return;
      }
      this.forEach((r, c) => this.doc.writeValue(this.sheet, r, c, value));
    });
    return this;
  }

  // ---- formulas --------------------------------------------------------------------------------------

  getFormulas(): string[][] {
    return this.matrix((r, c) => this.formulaAt(r, c));
  }

  getFormula(): string {
    this.alive();
    return this.formulaAt(this.rect.r1, this.rect.c1);
  }

  private formulaAt(r: number, c: number): string {
    const formula = this.sheet.cellAt(r, c)?.formula;
    return formula === undefined ? '' : this.doc.formulaAsRead(formula);
  }

  private writeFormulaText(r: number, c: number, f: unknown): void {
    if (typeof f === 'string' && f.startsWith('=') && f.length > 1) this.doc.writeFormula(this.sheet, r, c, f);
    else this.doc.writeValue(this.sheet, r, c, f);
  }

  /** One formula over the whole range: relative references move with each cell (as Sheets does). */
  private writeFormulaEverywhere(formula: string): void {
    const base = this.doc.canonicalFormula(formula);
    this.forEach((r, c) => {
      const f = offsetRelativeReferences(base, r - this.rect.r1, c - this.rect.c1);
      this.doc.writeFormula(this.sheet, r, c, f);
    });
  }

  setFormulas(formulas: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setFormulas', formulas);
    this.ctx.guard(() => {
      for (const row of rows) for (const v of row) this.doc.checkInput(v);
      rows.forEach((row, i) => row.forEach((f, j) => this.writeFormulaText(this.rect.r1 + i, this.rect.c1 + j, f)));
    });
    return this;
  }

  setFormula(formula: unknown): this {
    this.alive();
    this.ctx.guard(() => {
      this.doc.checkInput(formula);
      if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1)
        this.writeFormulaEverywhere(formula);
      else this.forEach((r, c) => this.doc.writeValue(this.sheet, r, c, formula));
    });
    return this;
  }

  // ---- formats ---------------------------------------------------------------------------------------

  private resolved(r: number, c: number): ResolvedFormat {
    return resolveFormat(this.sheet.cellAt(r, c)?.format);
  }

  private formatGrid<K extends keyof ResolvedFormat>(key: K): Array<Array<ResolvedFormat[K]>> {
    return this.matrix((r, c) => {
      const f = this.sheet.cellAt(r, c)?.format;
      const v = f ? (f as Record<string, unknown>)[key] : undefined;
      return (v === undefined ? DEFAULT_FORMAT[key] : v) as ResolvedFormat[K];
    });
  }

  private formatTopLeft<K extends keyof ResolvedFormat>(key: K): ResolvedFormat[K] {
    this.alive();
    return this.resolved(this.rect.r1, this.rect.c1)[key];
  }

  private mutate(r: number, c: number, fn: (f: CellFormat) => void): void {
    const cell = this.sheet.ensureCell(r, c);
    const f: CellFormat = cell.format ?? {};
    fn(f);
    if (isEmptyFormat(f)) delete cell.format;
    else cell.format = f;
    this.sheet.prune(r, c);
  }

  private setFormat(prop: FormatProp, value: unknown): this {
    this.alive();
    const setter = formatSetter(prop, value);
    if (setter) this.forEach((r, c) => this.mutate(r, c, setter));
    return this;
  }

  private setFormats(method: string, prop: FormatProp, values: unknown): this {
    this.alive();
    const rows = this.checkMatrix(method, values);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const setter = formatSetter(prop, v);
        if (setter) this.mutate(this.rect.r1 + i, this.rect.c1 + j, setter);
      }),
    );
    return this;
  }

  getNumberFormats(): string[][] {
    return this.formatGrid('numberFormat');
  }
  getNumberFormat(): string {
    return this.formatTopLeft('numberFormat');
  }
  setNumberFormat(format: unknown): this {
    return this.setFormat('numberFormat', format);
  }
  setNumberFormats(formats: unknown): this {
    return this.setFormats('setNumberFormats', 'numberFormat', formats);
  }

  getBackgrounds(): string[][] {
    return this.formatGrid('background');
  }
  getBackground(): string {
    return this.formatTopLeft('background');
  }
  setBackground(color: unknown): this {
    return this.setFormat('background', color);
  }
  setBackgrounds(colors: unknown): this {
    return this.setFormats('setBackgrounds', 'background', colors);
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = (n: number) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    return this.setFormat('background', `#${hex(red)}${hex(green)}${hex(blue)}`);
  }

  getFontColors(): string[][] {
    return this.formatGrid('fontColor');
  }
  getFontColor(): string {
    return this.formatTopLeft('fontColor');
  }
  setFontColor(color: unknown): this {
    return this.setFormat('fontColor', color);
  }
  setFontColors(colors: unknown): this {
    return this.setFormats('setFontColors', 'fontColor', colors);
  }

  getFontSizes(): number[][] {
    return this.formatGrid('fontSize');
  }
  getFontSize(): number {
    return this.formatTopLeft('fontSize');
  }
  setFontSize(size: unknown): this {
    return this.setFormat('fontSize', size);
  }
  setFontSizes(sizes: unknown): this {
    return this.setFormats('setFontSizes', 'fontSize', sizes);
  }

  getFontWeights(): string[][] {
    return this.formatGrid('fontWeight');
  }
  getFontWeight(): string {
    return this.formatTopLeft('fontWeight');
  }
  setFontWeight(weight: unknown): this {
    return this.setFormat('fontWeight', weight);
  }
  setFontWeights(weights: unknown): this {
    return this.setFormats('setFontWeights', 'fontWeight', weights);
  }

  getFontStyles(): string[][] {
    return this.formatGrid('fontStyle');
  }
  getFontStyle(): string {
    return this.formatTopLeft('fontStyle');
  }
  setFontStyle(style: unknown): this {
    return this.setFormat('fontStyle', style);
  }
  setFontStyles(styles: unknown): this {
    return this.setFormats('setFontStyles', 'fontStyle', styles);
  }

  /**
   * Range.setTextStyles: colour, size, weight and italic of each cell in one call. What an attribute the style
   * leaves unset does is undocumented: the `textStyleUnset` reading either resets it to Sheets' default (strict)
   * or keeps the cell's (lenient); see README "Readings".
   */
  setTextStyles(styles: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setTextStyles', styles);
    for (const row of rows)
      for (const v of row)
        if (!(v instanceof TextStyleImpl))
          this.ctx.fail(signatureMismatch('TextStyle[][]', 'SpreadsheetApp.Range.setTextStyles'));
    const reset = this.doc.readingOf('textStyleUnset') === 'reset';
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const style = v as TextStyleImpl;
        const r = this.rect.r1 + i;
        const c = this.rect.c1 + j;
        const apply = (prop: 'fontColor' | 'fontSize' | 'fontWeight' | 'fontStyle', value: unknown) => {
          if (value === null && !reset) return;
          const setter = formatSetter(prop, value);
          if (setter) this.mutate(r, c, setter);
        };
        apply('fontColor', style.foregroundColor);
        apply('fontSize', style.fontSize);
        apply('fontWeight', style.bold === null ? null : style.bold ? 'bold' : 'normal');
        apply('fontStyle', style.italic === null ? null : style.italic ? 'italic' : 'normal');
      }),
    );
    return this;
  }

  getFontFamilies(): string[][] {
    return this.formatGrid('fontFamily');
  }
  getFontFamily(): string {
    return this.formatTopLeft('fontFamily');
  }
  setFontFamily(family: unknown): this {
    return this.setFormat('fontFamily', family);
  }
  setFontFamilies(families: unknown): this {
    return this.setFormats('setFontFamilies', 'fontFamily', families);
  }

  getFontLines(): string[][] {
    return this.formatGrid('fontLine');
  }
  getFontLine(): string {
    return this.formatTopLeft('fontLine');
  }
  setFontLine(line: unknown): this {
    return this.setFormat('fontLine', line);
  }
  setFontLines(lines: unknown): this {
    return this.setFormats('setFontLines', 'fontLine', lines);
  }

  getHorizontalAlignments(): string[][] {
    return this.formatGrid('horizontalAlignment');
  }
  getHorizontalAlignment(): string {
    return this.formatTopLeft('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: unknown): this {
    return this.setFormat('horizontalAlignment', alignment);
  }
  setHorizontalAlignments(alignments: unknown): this {
    return this.setFormats('setHorizontalAlignments', 'horizontalAlignment', alignments);
  }

  getVerticalAlignments(): string[][] {
    return this.formatGrid('verticalAlignment');
  }
  getVerticalAlignment(): string {
    return this.formatTopLeft('verticalAlignment');
  }
  setVerticalAlignment(alignment: unknown): this {
    return this.setFormat('verticalAlignment', alignment);
  }
  setVerticalAlignments(alignments: unknown): this {
    return this.setFormats('setVerticalAlignments', 'verticalAlignment', alignments);
  }

  getWraps(): boolean[][] {
    return this.matrix((r, c) => wrapOf(this.sheet.cellAt(r, c)?.format));
  }
  getWrap(): boolean {
    this.alive();
    return wrapOf(this.sheet.cellAt(this.rect.r1, this.rect.c1)?.format);
  }
  setWrap(wrap: unknown): this {
    return this.setFormat('wrapStrategy', wrap === null || wrap === undefined ? null : wrap ? 'WRAP' : 'OVERFLOW');
  }
  setWraps(wraps: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setWraps', wraps);
    return this.setFormats(
      'setWraps',
      'wrapStrategy',
      rows.map((row) => row.map((w) => (w === null || w === undefined ? null : w ? 'WRAP' : 'OVERFLOW'))),
    );
  }
  getWrapStrategies(): unknown[][] {
    return this.matrix((r, c) => WrapStrategy[this.resolved(r, c).wrapStrategy]);
  }
  getWrapStrategy(): unknown {
    return WrapStrategy[this.formatTopLeft('wrapStrategy')];
  }
  setWrapStrategy(strategy: unknown): this {
    return this.setFormat('wrapStrategy', strategy === null ? null : enumName(strategy));
  }
  setWrapStrategies(strategies: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setWrapStrategies', strategies);
    return this.setFormats(
      'setWrapStrategies',
      'wrapStrategy',
      rows.map((row) => row.map((s) => (s === null ? null : enumName(s)))),
    );
  }

  // ---- borders ---------------------------------------------------------------------------------------

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): this {
    this.alive();
    const flags = [top, left, bottom, right, vertical, horizontal];
    if (flags.some((f) => f !== null && f !== undefined && typeof f !== 'boolean')) {
      this.ctx.fail(signatureMismatch(typeNames(flags), 'SpreadsheetApp.Range.setBorder'));
    }
    const styleName = style === null || style === undefined ? 'SOLID' : enumName(style);
    if (!styleName || !(styleName in BorderStyle))
      this.ctx.fail(signatureMismatch(typeNames([style]), 'SpreadsheetApp.Range.setBorder'));
    const side: BorderSide = { color: color ? normalizeColor(color) : '#000000', style: styleName };
    const apply = (r: number, c: number, which: Side, on: boolean) =>
      this.mutate(r, c, (f) => {
        const b = { ...(f.borders ?? {}) };
        if (on) b[which] = { ...side };
        else delete b[which];
        if (b.top || b.left || b.bottom || b.right) f.borders = b;
        else delete f.borders;
      });
    const { r1, r2, c1, c2 } = this.rect;
    if (top !== null && top !== undefined) for (let c = c1; c <= c2; c++) apply(r1, c, 'top', top);
    if (bottom !== null && bottom !== undefined) for (let c = c1; c <= c2; c++) apply(r2, c, 'bottom', bottom);
    if (left !== null && left !== undefined) for (let r = r1; r <= r2; r++) apply(r, c1, 'left', left);
    if (right !== null && right !== undefined) for (let r = r1; r <= r2; r++) apply(r, c2, 'right', right);
    if (vertical !== null && vertical !== undefined) {
      for (let r = r1; r <= r2; r++)
        for (let c = c1; c < c2; c++) {
          apply(r, c, 'right', vertical);
          apply(r, c + 1, 'left', vertical);
        }
    }
    if (horizontal !== null && horizontal !== undefined) {
      for (let r = r1; r < r2; r++)
        for (let c = c1; c <= c2; c++) {
          apply(r, c, 'bottom', horizontal);
          apply(r + 1, c, 'top', horizontal);
        }
    }
    return this;
  }

  // ---- merges ----------------------------------------------------------------------------------------

  /** Throws when an existing merge is only partly inside the range; returns the merges fully inside. */
  private mergesInside(): Rect[] {
    const inside: Rect[] = [];
    for (const m of this.sheet.merges) {
      if (!rectsIntersect(m, this.rect)) continue;
      if (!rectContains(this.rect, m)) this.ctx.fail(MERGE_PARTIAL);
      inside.push(m);
    }
    return inside;
  }

  private addMerges(rects: Rect[]): void {
    const inside = this.mergesInside();
    this.sheet.merges = this.sheet.merges.filter((m) => !inside.includes(m));
    for (const m of rects) {
      if (m.r1 === m.r2 && m.c1 === m.c2) continue;
      this.sheet.merges.push(m);
      // Sheets keeps only the top-left value of a merged range.
      for (let r = m.r1; r <= m.r2; r++)
        for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) this.doc.clearContent(this.sheet, r, c);
    }
  }

  merge(): this {
    this.alive();
    this.addMerges([{ ...this.rect }]);
    return this;
  }

  mergeAcross(): this {
    this.alive();
    const rects: Rect[] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) rects.push({ r1: r, r2: r, c1: this.rect.c1, c2: this.rect.c2 });
    this.addMerges(rects);
    return this;
  }

  mergeVertically(): this {
    this.alive();
    const rects: Rect[] = [];
    for (let c = this.rect.c1; c <= this.rect.c2; c++) rects.push({ r1: this.rect.r1, r2: this.rect.r2, c1: c, c2: c });
    this.addMerges(rects);
    return this;
  }

  breakApart(): this {
    this.alive();
    const inside = this.mergesInside();
    this.sheet.merges = this.sheet.merges.filter((m) => !inside.includes(m));
    return this;
  }

  isPartOfMerge(): boolean {
    this.alive();
    return this.sheet.merges.some((m) => rectsIntersect(m, this.rect));
  }

  getMergedRanges(): object[] {
    this.alive();
    const found = this.sheet.merges
      .filter((m) => rectsIntersect(m, this.rect))
      .sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
    return this.ctx.realm.arrayFrom(found.map((m) => this.ctx.factories.range(this.sheet, { ...m })));
  }

  // ---- notes -----------------------------------------------------------------------------------------

  getNotes(): string[][] {
    return this.matrix((r, c) => this.sheet.cellAt(r, c)?.note ?? '');
  }

  getNote(): string {
    this.alive();
    return this.sheet.cellAt(this.rect.r1, this.rect.c1)?.note ?? '';
  }

  private writeNote(r: number, c: number, note: unknown): void {
    if (note === null || note === undefined || note === '') {
      const cell = this.sheet.cellAt(r, c);
      if (cell) {
        delete cell.note;
        this.sheet.prune(r, c);
      }
      return;
    }
    this.sheet.ensureCell(r, c).note = String(note);
  }

  setNote(note: unknown): this {
    this.alive();
    this.forEach((r, c) => this.writeNote(r, c, note));
    return this;
  }

  setNotes(notes: unknown): this {
    this.alive();
    const rows = this.checkMatrix('setNotes', notes);
    rows.forEach((row, i) => row.forEach((n, j) => this.writeNote(this.rect.r1 + i, this.rect.c1 + j, n)));
    return this;
  }

  clearNote(): this {
    return this.setNote(null);
  }

  // ---- clearing --------------------------------------------------------------------------------------

  clearContent(): this {
    this.alive();
    this.forEach((r, c) => this.doc.clearContent(this.sheet, r, c));
    return this;
  }

  clearFormat(): this {
    this.alive();
    this.forEach((r, c) => {
      const cell = this.sheet.cellAt(r, c);
      if (cell) {
        delete cell.format;
        this.sheet.prune(r, c);
      }
    });
    return this;
  }

  /**
   * clear(): contents and formats. clear({contentsOnly | formatOnly | commentsOnly}) clears just that
   * (commentsOnly = notes). Merges are kept.
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    this.alive();
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.commentsOnly) this.clearNote();
    return this;
  }

  // ---- protection, activation, navigation --------------------------------------------------------------

  protect(): object {
    this.alive();
    const id = this.doc.nextProtectionId++;
    this.sheet.protections.push({
      id,
      type: 'RANGE',
      rect: { ...this.rect },
      description: '',
      warningOnly: false,
      editors: [],
      domainEdit: false,
      unprotected: [],
    });
    return this.ctx.factories.protection(this.sheet, id);
  }

  activate(): this {
    this.alive();
    this.doc.activeSheetId = this.sheet.id;
    this.doc.activeRange = { sheetId: this.sheet.id, rect: { ...this.rect } };
    return this;
  }

  activateAsCurrentCell(): this {
    return this.activate();
  }

  getRow(): number {
    return this.rect.r1;
  }
  getRowIndex(): number {
    return this.rect.r1;
  }
  getColumn(): number {
    return this.rect.c1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.rect.r2;
  }
  getLastColumn(): number {
    return this.rect.c2;
  }
  getA1Notation(): string {
    return this.notation ?? rectToA1(this.rect);
  }
  getGridId(): number {
    return this.sheet.id;
  }
  getSheet(): object {
    return this.ctx.factories.sheet(this.sheet);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): object {
    const nr = numRows ?? this.numRows;
    const nc = numColumns ?? this.numCols;
    if (![rowOffset, columnOffset, nr, nc].every((n) => typeof n === 'number' && Number.isInteger(n))) {
      this.ctx.fail(
        signatureMismatch(
          typeNames([rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined)),
          'SpreadsheetApp.Range.offset',
        ),
      );
    }
    if (nr < 1) this.ctx.fail('The number of rows in the range must be at least 1.');
    if (nc < 1) this.ctx.fail('The number of columns in the range must be at least 1.');
    const rect = {
      r1: this.rect.r1 + rowOffset,
      c1: this.rect.c1 + columnOffset,
      r2: this.rect.r1 + rowOffset + nr - 1,
      c2: this.rect.c1 + columnOffset + nc - 1,
    };
    if (rect.r1 < 1 || rect.c1 < 1 || rect.r2 > this.sheet.maxRows || rect.c2 > this.sheet.maxCols)
      this.ctx.fail(OUTSIDE_SHEET);
    return this.ctx.factories.range(this.sheet, rect);
  }

  getCell(row: number, column: number): object {
    if (!Number.isInteger(row) || !Number.isInteger(column))
      this.ctx.fail(signatureMismatch(typeNames([row, column]), 'SpreadsheetApp.Range.getCell'));
    const r = this.rect.r1 + row - 1;
    const c = this.rect.c1 + column - 1;
    if (row < 1 || column < 1 || r > this.rect.r2 || c > this.rect.c2) this.ctx.fail('Cell reference out of range');
    return this.ctx.factories.range(this.sheet, { r1: r, c1: c, r2: r, c2: c });
  }
}
