/** The shipped canvas content and its multiplied copies, shared with the benchmark (bench/content.ts). */
export { CONTENT, multipliedContent } from '../../bench/content';

/**
 * A block's content figures as the sheet holds them: a lower bound's `bound: "at-least"` is kept in its note
 * ("over …", see src/core/figure-bound.ts), so the sheet, the sidebar and canvas JSON have no `bound` field.
 */
export function sheetFigures<F extends { bound?: string }>(figures: readonly F[]): Array<Omit<F, 'bound'>> {
  return figures.map(({ bound: _bound, ...figure }) => figure);
}

/** The sheets one Insert adds, in order (the add-on's contract names), for tests of sheet order. */
export const INSERTED_SHEETS = [
  'Xiaomi Canvas',
  'Xiaomi Details',
  'Key Figures',
  'Reported Results',
  'Xiaomi in Numbers',
  'Assumptions',
] as const;
