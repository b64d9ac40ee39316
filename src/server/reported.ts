/** Xiaomi's reported results, embedded in the bundle. */
import type { ReportedFigure } from '../core/reported-schema';
import embedded from '../../content/reported-results.json';

/** Xiaomi's reported results, embedded in the bundle (validated at build time, like the canvas content). */
export const REPORTED: readonly ReportedFigure[] = (embedded as { figures: ReportedFigure[] }).figures;
