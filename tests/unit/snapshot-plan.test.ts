/** Snapshot saving and restoring planned without any spreadsheet: the row, the sheet to create, the blocks to write. */
import { BLOCK_IDS, type BlockId } from '../../src/core/block-ids';
import { parseCanvasJson, toCanvasJson } from '../../src/core/canvas-json';
import { plainFigure } from '../../src/core/figure';
import { SNAPSHOT_HEADER } from '../../src/core/snapshot';
import { planRestoreBlocks, planSnapshotAppend, segmentIdsAfterRestore } from '../../src/core/snapshot-plan';
import { blockVersion, versionLinks } from '../../src/core/version';
import type { SnapshotInfo } from '../../src/core/view';
import { CONTENT } from '../support/content';

const canvas = parseCanvasJson(
  toCanvasJson({ blocks: CONTENT.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: b.figures })) }),
);
const json = toCanvasJson(canvas, { compact: true });
const info: SnapshotInfo = { id: '20250131-093000-k3f9', label: 'First', savedAt: '2025-01-31T09:30:00.000Z' };

const versionsOf = (c: typeof canvas) =>
  Object.fromEntries(
    c.blocks.map((b) => [
      b.id,
      blockVersion(
        1,
        b.id,
        b.entries,
        b.figures.map(plainFigure),
        versionLinks(b.id, b.links, c.segmentIds),
        b.evidence,
      ),
    ]),
  ) as Record<BlockId, string>;

describe('planSnapshotAppend', () => {
  test('with no snapshot sheet: one to create after every sheet, under a name no sheet takes in any case', () => {
    const plan = planSnapshotAppend({ exists: false, sheetNames: ['Xiaomi Canvas', 'canvas snapshots'] }, info, json);
    expect(plan.create).toMatchObject({ name: 'Canvas Snapshots (2)', index: 2, rows: 2 });
    expect(plan.create!.header.map((h) => h.replace(/^'/, ''))).toEqual([...SNAPSHOT_HEADER]);
    expect(plan.create!.columns).toBeGreaterThanOrEqual(plan.values.length);
    expect(plan.row).toBe(2);
    expect(plan.values[0]).toBe(`'${info.id}`);
    expect(plan.insertRows).toBeNull();
  });

  test('on a full sheet: the rows and columns it lacks are inserted before the row is written', () => {
    const plan = planSnapshotAppend({ exists: true, lastRow: 10, maxRows: 10, maxColumns: 5 }, info, json);
    expect(plan.create).toBeNull();
    expect(plan.row).toBe(11);
    expect(plan.insertRows).toEqual({ after: 10, count: 1 });
    expect(plan.insertColumns).toEqual({ after: 5, count: plan.values.length - 5 });
  });

  test('with room left: nothing to grow', () => {
    const plan = planSnapshotAppend({ exists: true, lastRow: 3, maxRows: 1000, maxColumns: 26 }, info, json);
    expect([plan.row, plan.insertRows, plan.insertColumns]).toEqual([4, null, null]);
  });
});

describe('planRestoreBlocks', () => {
  test('restoring the canvas as it is writes nothing', () => {
    expect(planRestoreBlocks(1, versionsOf(canvas), canvas)).toEqual([]);
  });

  test('only the blocks that differ are written, with their content, links and evidence', () => {
    const now = {
      ...canvas,
      blocks: canvas.blocks.map((b) => (b.id === 'channels' ? { ...b, entries: ['Changed'] } : b)),
    };
    const blocks = planRestoreBlocks(1, versionsOf(now), canvas);
    expect(blocks.map((b) => b.id)).toEqual(['channels']);
    expect(blocks[0].entries).toEqual(canvas.blocks.find((b) => b.id === 'channels')!.entries);
    expect(segmentIdsAfterRestore(blocks, canvas, ['s9'])).toEqual(['s9']);
  });

  test("restoring Customer Segments brings the snapshot segments' ids with it", () => {
    const versions = { ...versionsOf(canvas), 'customer-segments': 'other' };
    const blocks = planRestoreBlocks(1, versions, canvas);
    expect(blocks).toEqual([expect.objectContaining({ id: 'customer-segments', segmentIds: canvas.segmentIds })]);
    expect(segmentIdsAfterRestore(blocks, canvas, ['s9'])).toBe(canvas.segmentIds);
    expect(BLOCK_IDS).toContain(blocks[0].id);
  });
});
