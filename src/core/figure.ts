/** A figure reduced to the fields of the contract. */
import type { Figure } from './view';

/** A figure with only the fields of the contract; blank note and metric mean "none". */
export function plainFigure(f: Figure): Figure {
  return {
    label: f.label,
    value: f.value,
    unit: f.unit,
    period: f.period,
    ...(f.note ? { note: f.note } : {}),
    ...(f.metric ? { metric: f.metric } : {}),
  };
}
