import { BLOCK_IDS } from '../../src/core/block-ids';
import { planBlockWrites, type BlockContent, type BlockWriteRead } from '../../src/core/block-write-plan';
import { buildCanvasPlan } from '../../src/core/canvas-plan';
import { readCanvasGrid } from '../../src/core/canvas-read';
import { buildDetailsPlan } from '../../src/core/details-plan';
import { readDetailsGrid } from '../../src/core/details-read';
import { CONTENT } from '../support/content';

/**
 * Read → plan → apply for save, reset and restore (issue 21, item 6): the plan of a block write is computed from
 * what was read, without any spreadsheet, and says exactly what will be written, in order.
 */

/** What a read of a freshly inserted canvas gives, built from the insert's own plans (no spreadsheet). */
function freshRead(): BlockWriteRead {
  const canvas = buildCanvasPlan(CONTENT, 1).plan;
  const details = buildDetailsPlan(CONTENT, 1).plan;
  return {
    canvas: readCanvasGrid(canvas.values, 'Xiaomi Canvas'),
    details: readDetailsGrid(details.values, 'Xiaomi Details'),
  };
}

const block = (read: BlockWriteRead, id: BlockContent['id']): BlockContent => ({
  id,
  entries: read.canvas.entries[id],
  figures: read.details[id].figures.map((f) => f.figure),
});

const kinds = (read: BlockWriteRead, blocks: BlockContent[]) => planBlockWrites(read, blocks).steps.map((s) => s.kind);

describe('the plan of a block write', () => {
  test('the read the plan starts from is the inserted canvas', () => {
    const read = freshRead();
    expect(read.canvas.entries.channels).toEqual(CONTENT.blocks.find((b) => b.id === 'channels')!.entries);
  });

  test('writing a block as it is plans nothing', () => {
    const read = freshRead();
    const plan = planBlockWrites(read, [block(read, 'channels')]);
    expect(plan.steps).toEqual([]);
    expect(plan.keyFigureRows).toBeNull();
  });

  test('one changed entry: that block’s entry column only, padded to the area', () => {
    const read = freshRead();
    const channels = block(read, 'channels');
    const plan = planBlockWrites(read, [{ ...channels, entries: ['Changed', ...channels.entries.slice(1)] }]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['entries']);
    const step = plan.steps[0] as Extract<(typeof plan.steps)[number], { kind: 'entries' }>;
    expect(step.id).toBe('channels');
    expect(step.values[0][0]).toContain('Changed');
    expect(step.values.length).toBeGreaterThanOrEqual(channels.entries.length);
    expect(plan.keyFigureRows).toBeNull();
  });

  test('one changed figure value: that block’s figures table only, no rows inserted, Key Figures untouched', () => {
    const read = freshRead();
    const id = BLOCK_IDS.find((b) => read.details[b].figures.length > 0)!;
    const current = block(read, id);
    const figures = current.figures.map((f, i) => (i === 0 ? { ...f, value: f.value + 1 } : f));
    const plan = planBlockWrites(read, [{ ...current, figures }]);
    expect(plan.steps).toEqual([expect.objectContaining({ kind: 'figures', id, inserted: 0, insertBeforeRow: null })]);
    expect(plan.keyFigureRows).toBeNull();
  });

  test('more figures than the region holds: rows inserted before its end, later regions shift, Key Figures re-linked', () => {
    const read = freshRead();
    const id = 'key-partners';
    const current = block(read, id);
    const room = read.details[id].endRow - read.details[id].headerRow - 1;
    const extra = Array.from({ length: room + 2 - current.figures.length }, (_, i) => ({
      label: `Added ${i + 1}`,
      value: i,
      unit: '',
      period: '2024',
    }));
    const plan = planBlockWrites(read, [{ ...current, figures: [...current.figures, ...extra] }]);
    const step = plan.steps.find((s) => s.kind === 'figures')!;
    expect(step).toMatchObject({ insertBeforeRow: read.details[id].endRow, inserted: 2 });
    const next = BLOCK_IDS[BLOCK_IDS.indexOf(id) + 1];
    expect(plan.details[next].headerRow).toBe(read.details[next].headerRow + 2);
    expect(plan.keyFigureRows?.[id]).toHaveLength(room + 2);
  });

  test('a block that outgrows its area: canvas rows first, then its entries, column A and the moved markers', () => {
    const read = freshRead();
    const channels = block(read, 'channels');
    const many = Array.from({ length: 40 }, (_, i) => `Channel ${i + 1}`);
    const steps = kinds(read, [{ ...channels, entries: many }]);
    expect(steps[0]).toBe('canvas-rows');
    expect(steps).toContain('entries');
    expect(steps).toContain('link-column');
    expect(steps.indexOf('canvas-rows')).toBeLessThan(steps.indexOf('entries'));
  });

  test('deleting a segment rewrites the markers of the blocks linked to it and the fit count when it changes', () => {
    const read = freshRead();
    const segments = block(read, 'customer-segments');
    const linked = BLOCK_IDS.filter(
      (id) =>
        id !== 'customer-segments' && read.canvas.links[id].some((ids) => ids.includes(read.canvas.segmentIds[0])),
    );
    expect(linked.length).toBeGreaterThan(0);
    const plan = planBlockWrites(read, [{ ...segments, entries: segments.entries.slice(1) }]);
    const markers = plan.steps.filter((s) => s.kind === 'markers').map((s) => (s as { id: string }).id);
    for (const id of linked) expect(markers).toContain(id);
    expect(plan.after.segmentIds).toEqual(read.canvas.segmentIds.slice(1));
  });

  test('an older canvas (summary in J, marker legend where the summary goes): its spacer row is planned whole', () => {
    const fresh = freshRead();
    const values = buildCanvasPlan(CONTENT, 1).plan.values.map((row) => [...row]);
    const row = fresh.canvas.layout.topTitleRow - 2;
    const [summary, legend] = [values[row][1], values[row][5]];
    values[row][1] = legend;
    values[row][5] = '';
    values[row][9] = 'Fit checks: 16 to review';
    const read = { ...fresh, canvas: readCanvasGrid(values, 'Xiaomi Canvas') };
    const step = planBlockWrites(read, [block(read, 'key-partners')]).steps.find((s) => s.kind === 'fit-count');
    expect(step).toEqual({
      kind: 'fit-count',
      row: row + 1,
      column: 2,
      text: summary,
      spacer: [summary, '', '', '', legend, '', '', '', ''],
    });
    // A canvas in today's layout writes the count only when it changes, and never the whole row.
    expect(kinds(fresh, [block(fresh, 'key-partners')])).not.toContain('fit-count');
  });
});
