/** Xiaomi's reported results, embedded in the bundle. */
import type { ReportedFigure } from '../core/reported-schema';
import embedded from '../../content/reported-results.json';

let cached: readonly ReportedFigure[] | undefined;

/**
 * Xiaomi's reported results, embedded in the bundle (validated at build time, like the canvas content). The build
 * embeds them compressed, as a function that unpacks them (scripts/compact-reported.ts), so only the calls that
 * need them pay for unpacking, once; in tests that import the sources it is the object itself.
 */
export function reportedFigures(): readonly ReportedFigure[] {
  if (!cached) {
    const value: unknown = embedded;
    const file = (typeof value === 'function' ? (value as () => unknown)() : value) as { figures: ReportedFigure[] };
    cached = file.figures;
  }
  return cached;
}
