/**
 * Named ranges. Names follow the Sheets rules: 1–250 characters, letters, digits and underscores only,
 * not starting with a digit, not TRUE/FALSE, and not something that reads as an A1 or R1C1 reference.
 * setNamedRange with an existing name moves that name to the new range.
 * A named range whose sheet or cells were deleted is invalid: getRangeByName returns null and its getRange
 * throws; under the `deletedSheetNames: 'kept'` reading getNamedRanges still lists it, setNamedRange refuses its
 * name and its setRange throws (remove it first), else it is left out.
 */
import type { FakeContext } from './context';
import type { NamedRangeModel } from './document';
import { signatureMismatch, typeNames } from './errors';
import type { SheetModel } from './sheet-model';
import type { Rect } from './types';

/** Why a name is not a valid named-range name, or null when it is valid. */
export function namedRangeNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'the name is empty';
  if (name.length > 250) return 'the name is longer than 250 characters';
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) {
    return /^[0-9]/.test(name)
      ? 'the name starts with a number'
      : 'the name may only contain letters, numbers and underscores';
  }
  if (/^(true|false)$/i.test(name)) return 'the name cannot be TRUE or FALSE';
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return 'the name looks like a cell reference (A1 notation)';
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return 'the name looks like a cell reference (R1C1 notation)';
  return null;
}

export function invalidNameMessage(name: unknown): string {
  return `Invalid named range name "${String(name)}": ${namedRangeNameProblem(name)}.`;
}

export class NamedRangeImpl {
  constructor(
    private readonly ctx: FakeContext,
    private name: string,
  ) {}

  private model(): NamedRangeModel {
    const m = this.ctx.doc.namedRangeModel(this.name);
    if (!m) this.ctx.fail(`The named range "${this.name}" no longer exists.`);
    return m;
  }

  getName(): string {
    return this.model().name;
  }

  setName(name: unknown): this {
    const m = this.model();
    if (namedRangeNameProblem(name)) this.ctx.fail(invalidNameMessage(name));
    const clash = this.ctx.doc.namedRangeModel(name as string);
    if (clash && clash !== m) this.ctx.doc.namedRanges = this.ctx.doc.namedRanges.filter((n) => n !== clash);
    m.name = name as string;
    this.name = name as string;
    return this;
  }

  getRange(): object {
    const m = this.model();
    const sheet = this.ctx.doc.sheetById(m.sheetId);
    if (!m.valid || !sheet) this.ctx.fail('Range not found');
    return this.ctx.factories.range(sheet, { ...m.rect });
  }

  setRange(range: unknown): this {
    const m = this.model();
    if (this.ctx.doc.staleNameKept(m)) this.ctx.fail('Range not found');
    const impl = this.ctx.unwrap<{ sheet: SheetModel; rect: Rect }>(range);
    if (!impl) this.ctx.fail(signatureMismatch(typeNames([range]), 'SpreadsheetApp.NamedRange.setRange'));
    m.sheetId = impl.sheet.id;
    m.rect = { ...impl.rect };
    m.valid = true;
    return this;
  }

  remove(): void {
    const m = this.model();
    this.ctx.doc.namedRanges = this.ctx.doc.namedRanges.filter((n) => n !== m);
  }
}
