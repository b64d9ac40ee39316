import { a1Range } from '../../src/core/a1';
import { BLOCK_IDS } from '../../src/core/block-ids';
import { buildCanvasPlan } from '../../src/core/canvas-plan';
import { readCanvasGrid } from '../../src/core/canvas-read';
import { buildDetailsPlan } from '../../src/core/details-plan';
import { readDetailsGrid } from '../../src/core/details-read';
import { rangeNames } from '../../src/core/instance-names';
import { planCompanions, planNumbers, planRefresh, type RefreshRead } from '../../src/core/refresh-plan';
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
    expect(plan.names.figures).toEqual([{ name: rangeNames.rate(1), range: 'B1' }]);
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

describe('the companion sheets in the Refresh plan', () => {
  const base = { instance: 1, sheetNames: [] as string[] };
  test('with every sheet there: Key Figures is re-linked in place, clearing what a longer table left', () => {
    const plan = planCompanions({
      ...base,
      detailsPosition: 0,
      figures: { position: 0, lastRow: 40, legacySettings: false },
      reported: { position: 5, name: 'Reported Results' },
    });
    // The rows under the header (row 4): 5..40.
    expect(plan.keyFigures).toEqual({ kind: 'relink', previousRows: 36, moveLegacySettings: false });
    expect(plan.reported).toEqual({ kind: 'keep', name: 'Reported Results' });
    expect([plan.reportedPosition, plan.inserted]).toEqual([5, 0]);
  });

  test('the rows to clear are those under the header where it is now: row 4, or row 1 in a layout still to move', () => {
    const relink = (legacySettings: boolean, lastRow: number) =>
      planCompanions({
        ...base,
        detailsPosition: 0,
        figures: { position: 1, lastRow, legacySettings },
        reported: { position: 2, name: 'Reported Results' },
      }).keyFigures;
    expect(relink(false, 20)).toEqual({ kind: 'relink', previousRows: 16, moveLegacySettings: false });
    expect(relink(true, 20)).toEqual({ kind: 'relink', previousRows: 19, moveLegacySettings: true });
    // Nothing under the header (or a sheet cut shorter than it): nothing to clear, never a negative count.
    expect(relink(false, 4)).toEqual({ kind: 'relink', previousRows: 0, moveLegacySettings: false });
    expect(relink(false, 2)).toEqual({ kind: 'relink', previousRows: 0, moveLegacySettings: false });
    expect(relink(true, 1)).toEqual({ kind: 'relink', previousRows: 0, moveLegacySettings: true });
  });

  test('a deleted Key Figures comes back after the details, under a free name; the sheets after it move on', () => {
    const plan = planCompanions({
      ...base,
      sheetNames: ['Xiaomi Canvas', 'Xiaomi Details', 'key figures', 'Reported Results'],
      detailsPosition: 2,
      figures: null,
      reported: { position: 4, name: 'Reported Results' },
    });
    expect(plan.keyFigures).toEqual({ kind: 'recreate', name: 'Key Figures (restored)', index: 2 });
    expect([plan.reportedPosition, plan.inserted]).toEqual([5, 1]);
  });

  test('both deleted: Key Figures after the details, Reported Results right after it', () => {
    const plan = planCompanions({ ...base, instance: 2, detailsPosition: 3, figures: null, reported: null });
    expect(plan.keyFigures).toEqual({ kind: 'recreate', name: 'Key Figures (2)', index: 3 });
    expect(plan.reported).toEqual({ kind: 'recreate', name: 'Reported Results (2)', index: 4 });
    expect([plan.reportedPosition, plan.inserted]).toEqual([5, 2]);
  });

  test('a deleted Reported Results comes back right after Key Figures wherever that is', () => {
    const plan = planCompanions({
      ...base,
      detailsPosition: 0,
      figures: { position: 7, lastRow: 10, legacySettings: true },
      reported: null,
    });
    // An older layout, its settings still to move: the header is still in row 1, so the rows under it are 2..10.
    expect(plan.keyFigures).toEqual({ kind: 'relink', previousRows: 9, moveLegacySettings: true });
    expect(plan.reported).toEqual({ kind: 'recreate', name: 'Reported Results', index: 7 });
    expect(plan.reportedPosition).toBe(8);
  });
});

describe('the numbers sheet in the Refresh plan', () => {
  const tables = [
    { id: 'segments', range: 'A1:E12' },
    { id: 'template', range: 'G1:I5' },
  ];
  test('a deleted numbers sheet comes back right after Reported Results', () => {
    expect(planNumbers(3, null, 6, tables)).toEqual({ kind: 'recreate', name: 'Xiaomi in Numbers (3)', index: 6 });
  });

  test("only the add-on's charts are replaced: inside its tables (the template's to the bottom), or with no range left", () => {
    const step = planNumbers(
      1,
      { charts: [['A1:E12'], ['G1:I90'], [], ['A1:E12', 'K1:K3'], ['B2:F4']], lastRow: 90 },
      6,
      tables,
    );
    expect(step).toEqual({ kind: 'rewrite', lastRow: 90, replaceCharts: [true, true, true, false, false] });
  });
});
