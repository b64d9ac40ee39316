/** Protection of a sheet or a range (description, warning-only, editors). The script's user can always edit. */
import type { FakeContext } from './context';
import { ProtectionType } from './enums';
import { signatureMismatch, typeNames } from './errors';
import type { ProtectionModel, SheetModel } from './sheet-model';
import type { Rect } from './types';

export class ProtectionImpl {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetModel,
    private readonly id: number,
  ) {}

  private model(): ProtectionModel {
    const p = this.sheet.protections.find((x) => x.id === this.id);
    if (!p || this.sheet.deleted) this.ctx.fail('The protection was removed.');
    return p;
  }

  getProtectionType(): unknown {
    return ProtectionType[this.model().type];
  }

  getRange(): object {
    const p = this.model();
    const rect = p.rect ?? { r1: 1, c1: 1, r2: this.sheet.maxRows, c2: this.sheet.maxCols };
    return this.ctx.factories.range(this.sheet, { ...rect });
  }

  getDescription(): string {
    return this.model().description;
  }

  setDescription(description: unknown): this {
    this.model().description = description === null || description === undefined ? '' : String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this.model().warningOnly;
  }

  setWarningOnly(warningOnly: unknown): this {
    if (typeof warningOnly !== 'boolean')
      this.ctx.fail(signatureMismatch(typeNames([warningOnly]), 'SpreadsheetApp.Protection.setWarningOnly'));
    this.model().warningOnly = warningOnly;
    return this;
  }

  canEdit(): boolean {
    this.model();
    return true;
  }

  private users(emails: string[]): object[] {
    return this.ctx.realm.arrayFrom(emails.map((e) => this.ctx.factories.user(e)));
  }

  getEditors(): object[] {
    return this.users(this.model().editors);
  }

  private emailOf(u: unknown): string {
    if (typeof u === 'string') return u;
    const impl = this.ctx.unwrap<{ getEmail(): string }>(u);
    return impl ? impl.getEmail() : String(u);
  }

  addEditor(user: unknown): this {
    const p = this.model();
    const e = this.emailOf(user);
    if (!p.editors.includes(e)) p.editors.push(e);
    return this;
  }

  addEditors(users: unknown[]): this {
    for (const u of users ?? []) this.addEditor(u);
    return this;
  }

  removeEditor(user: unknown): this {
    const p = this.model();
    const e = this.emailOf(user);
    p.editors = p.editors.filter((x) => x !== e);
    return this;
  }

  removeEditors(users: unknown[]): this {
    for (const u of users ?? []) this.removeEditor(u);
    return this;
  }

  canDomainEdit(): boolean {
    return this.model().domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.model().domainEdit = !!editable;
    return this;
  }

  getUnprotectedRanges(): object[] {
    return this.ctx.realm.arrayFrom(
      this.model().unprotected.map((r) => this.ctx.factories.range(this.sheet, { ...r })),
    );
  }

  setUnprotectedRanges(ranges: unknown[]): this {
    const p = this.model();
    p.unprotected = (ranges ?? []).map((r) => {
      const impl = this.ctx.unwrap<{ rect: Rect }>(r);
      if (!impl) this.ctx.fail(signatureMismatch(typeNames([r]), 'SpreadsheetApp.Protection.setUnprotectedRanges'));
      return { ...impl.rect };
    });
    return this;
  }

  remove(): void {
    this.model();
    this.sheet.protections = this.sheet.protections.filter((x) => x.id !== this.id);
  }
}
