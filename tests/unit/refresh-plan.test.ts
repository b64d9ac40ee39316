import { a1Range } from '../../src/core/a1';
import { BLOCK_IDS } from '../../src/core/block-ids';
import { buildCanvasPlan } from '../../src/core/canvas-plan';
import { readCanvasGrid } from '../../src/core/canvas-read';
import { buildDetailsPlan } from '../../src/core/details-plan';
import { readDetailsGrid } from '../../src/core/details-read';
import { rangeNames } from '../../src/core/instance-names';
import { planRefresh, type RefreshRead } from '../../src/core/refresh-plan';
import { REPORTED_RESULTS_COLUMNS } from '../../src/core/reported-results-plan';
import { CONTENT } from '../support/content';

/** Refresh Key Figures as a plan (issue 21, item 6): computed from a read, without any spreadsheet. */

function read(instance: number): RefreshRead {
  const canvas = buildCanvasPlan(CONTENT, instance);
  const details = buildDetailsPlan(CONTENT, instance);
  return {
    instance,
    layout: readCanvasGrid(canvas.plan.values, 'Xiaomi Canvas').layout,
    details: readDetailsGrid(details.plan.values, 'Xiaomi Details'),
    reportedCount: 42,
  };
}

describe('the Refresh plan', () => {
  test('places the names insert placed: the canvas, each block on both sheets, the rate cell and Reported Results', () => {
    const plan = planRefresh(read(1));
    const inserted = [
      ...buildCanvasPlan(CONTENT, 1).plan.namedRanges,
      ...buildDetailsPlan(CONTENT, 1).plan.namedRanges,
    ];
    for (const target of [...plan.names.canvas, ...plan.names.details]) expect(inserted).toContainEqual(target);
    expect(plan.names.canvas).toHaveLength(1 + BLOCK_IDS.length);
    expect(plan.names.details).toHaveLength(BLOCK_IDS.length);
    expect(plan.names.figures).toEqual([{ name: rangeNames.rate(1), range: expect.any(String) as string }]);
    expect(plan.names.reported).toEqual([
      { name: rangeNames.reported(1), range: a1Range(1, 1, 200, REPORTED_RESULTS_COLUMNS) },
    ]);
  });

  test('re-links Key Figures to every figure row of the details sheet, block by block', () => {
    const r = read(1);
    const plan = planRefresh(r);
    expect(plan.figureRows).toEqual(
      Object.fromEntries(BLOCK_IDS.map((id) => [id, r.details[id].figures.map((f) => f.row)])),
    );
    expect(Object.values(plan.figureRows).flat().length).toBe(CONTENT.blocks.reduce((n, b) => n + b.figures.length, 0));
  });

  test('a second canvas gets its own names', () => {
    const names = Object.values(planRefresh(read(2)).names)
      .flat()
      .map((t) => t.name);
    expect(names).toContain(rangeNames.canvas(2));
    expect(names).not.toContain(rangeNames.canvas(1));
  });
});
