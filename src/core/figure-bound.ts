/**
 * A figure the template states as a lower bound ("over 600 million", "12,000+") claims only that the true value
 * is at least that much: it differs from Xiaomi's reported value only when the reported value is below it.
 * The bound lives in the figure's Note, the one place a figure's qualifier is kept in the sheet (content's
 * `bound: "at-least"` is checked against it), so a teammate who types "over" in a note makes the figure a
 * lower bound for Key Figures' formula and for the sidebar alike. The note is a lower bound when, trimmed, it
 * is "over" or begins with "over " / "over;" / "over," or with "at least" (any case).
 */
import { LEFT, OR, TRIM, text } from './formula';

const OVER = 'over';
const AT_LEAST = 'at least';

/** True when `note` marks its figure as a lower bound (the rule above). */
export function isLowerBound(note: string | undefined): boolean {
  // TRIM in a spreadsheet also collapses inner runs of spaces.
  const n = (note ?? '').trim().replace(/ +/g, ' ').toLowerCase();
  return n === OVER || [' ', ';', ','].some((after) => n.startsWith(OVER + after)) || n.startsWith(AT_LEAST);
}

/** The same rule as a formula condition on the note cell `note` (text comparison is case-insensitive). */
export function lowerBoundCondition(note: string): string {
  const n = TRIM(note);
  return OR(
    `${LEFT(`${n}&${text(';')}`, String(OVER.length + 1))}=${text(`${OVER};`)}`,
    ...[' ', ','].map((after) => `${LEFT(n, String(OVER.length + 1))}=${text(OVER + after)}`),
    `${LEFT(n, String(AT_LEAST.length))}=${text(AT_LEAST)}`,
  );
}
