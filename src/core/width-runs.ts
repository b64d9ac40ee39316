/** One Sheet.setColumnWidths call: `count` columns from `column` (1-based) get `width` pixels. */
export interface WidthRun {
  column: number;
  count: number;
  width: number;
}

/**
 * The fewest setColumnWidths calls, applied in order, that leave every column at its width: a later call may
 * paint over part of an earlier one (e.g. 200 200 24 200 is two calls, not three). Each call is a round of
 * the Spreadsheet service, so this keeps insert's call count down. The classic "strange printer" recurrence:
 * the paint that covers column i either covers it alone or is stretched to a later column of the same width.
 */
export function widthRuns(widths: readonly number[]): WidthRun[] {
  const n = widths.length;
  const memo = new Map<string, WidthRun[]>();
  const plan = (i: number, j: number): WidthRun[] => {
    if (i > j) return [];
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known) return known;
    let best: WidthRun[] = [{ column: i + 1, count: 1, width: widths[i] }, ...plan(i + 1, j)];
    for (let k = i + 1; k <= j; k++) {
      if (widths[k] !== widths[i]) continue;
      const [first, ...inner] = plan(i, k - 1);
      const candidate = [{ ...first, count: k - i + 1 }, ...inner, ...plan(k + 1, j)];
      if (candidate.length < best.length) best = candidate;
    }
    memo.set(key, best);
    return best;
  };
  return plan(0, n - 1);
}
