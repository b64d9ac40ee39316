/** RangeList: the same operation applied to several ranges with one call. */
import type { FakeContext } from './context';
import type { RangeImpl } from './range';

export class RangeListImpl {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ranges: object[],
  ) {}

  private each(fn: (r: RangeImpl) => void): this {
    for (const proxy of this.ranges) fn(this.ctx.unwrap<RangeImpl>(proxy)!);
    return this;
  }

  getRanges(): object[] {
    return this.ctx.realm.arrayFrom(this.ranges);
  }

  activate(): this {
    const last = this.ranges[this.ranges.length - 1];
    if (last) this.ctx.unwrap<RangeImpl>(last)!.activate();
    return this;
  }

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
    return this.each((r) => r.setBorder(top, left, bottom, right, vertical, horizontal, color, style));
  }

  breakApart(): this {
    return this.each((r) => r.breakApart());
  }
  setBackground(color: unknown): this {
    return this.each((r) => r.setBackground(color));
  }
  setFontWeight(weight: unknown): this {
    return this.each((r) => r.setFontWeight(weight));
  }
  setFontColor(color: unknown): this {
    return this.each((r) => r.setFontColor(color));
  }
  setFontSize(size: unknown): this {
    return this.each((r) => r.setFontSize(size));
  }
  setFontStyle(style: unknown): this {
    return this.each((r) => r.setFontStyle(style));
  }
  setFontFamily(family: unknown): this {
    return this.each((r) => r.setFontFamily(family));
  }
  setFontLine(line: unknown): this {
    return this.each((r) => r.setFontLine(line));
  }
  setWrap(wrap: unknown): this {
    return this.each((r) => r.setWrap(wrap));
  }
  setWrapStrategy(strategy: unknown): this {
    return this.each((r) => r.setWrapStrategy(strategy));
  }
  setVerticalAlignment(alignment: unknown): this {
    return this.each((r) => r.setVerticalAlignment(alignment));
  }
  setHorizontalAlignment(alignment: unknown): this {
    return this.each((r) => r.setHorizontalAlignment(alignment));
  }
  setNumberFormat(format: unknown): this {
    return this.each((r) => r.setNumberFormat(format));
  }
  setValue(value: unknown): this {
    return this.each((r) => r.setValue(value));
  }
  setFormula(formula: unknown): this {
    return this.each((r) => r.setFormula(formula));
  }
  setNote(note: unknown): this {
    return this.each((r) => r.setNote(note));
  }
  clearContent(): this {
    return this.each((r) => r.clearContent());
  }
  clearFormat(): this {
    return this.each((r) => r.clearFormat());
  }
  clearNote(): this {
    return this.each((r) => r.clearNote());
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): this {
    return this.each((r) => r.clear(options));
  }
}
