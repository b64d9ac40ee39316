import { toCanvasJson } from '../../src/core/canvas-json';
import { BLOCK_IDS } from '../../src/core/block-ids';
import { parseRequest } from '../../src/core/requests';
import {
  CHUNK_LENGTH,
  SNAPSHOT_HEADER,
  beforeRestoreLabel,
  chunkText,
  compareSnapshotsRequestSchema,
  defaultSnapshotLabel,
  findSnapshot,
  newSnapshotId,
  parseSnapshotRow,
  readSnapshotRows,
  restoreSnapshotRequestSchema,
  saveSnapshotRequestSchema,
  snapshotList,
  snapshotRowValues,
} from '../../src/core/snapshot';
import type { SnapshotInfo } from '../../src/core/view';
import { CONTENT } from '../support/content';

const canvas = { blocks: CONTENT.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: b.figures })) };
const json = toCanvasJson(canvas, { compact: true });
const info: SnapshotInfo = {
  id: '20250131-093000-k3f9',
  label: 'First',
  savedAt: '2025-01-31T09:30:00.000Z',
  canvas: 'Xiaomi Canvas',
};

/** What getValues returns for a row written with snapshotRowValues: the apostrophes are gone. */
function asRead(cells: string[]): string[] {
  return cells.map((c) => (c.startsWith("'") ? c.slice(1) : c));
}

describe('chunkText', () => {
  test('keeps short text in one chunk and cuts long text into chunks of at most 45,000 characters', () => {
    expect(chunkText('abc')).toEqual(['abc']);
    const long = 'x'.repeat(CHUNK_LENGTH * 2 + 10);
    const chunks = chunkText(long);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_LENGTH, CHUNK_LENGTH, 10]);
    expect(chunks.join('')).toBe(long);
  });

  test('never splits an emoji (surrogate pair) and avoids cutting next to whitespace', () => {
    const emoji = '😀'.repeat(30);
    for (const size of [5, 7, 9, 11]) {
      const chunks = chunkText(emoji, size);
      expect(chunks.join('')).toBe(emoji);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(size);
        expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(c)).toBe(false);
      }
    }
    const spaced = 'abcd efgh ijkl mnop qrst';
    const chunks = chunkText(spaced, 8);
    expect(chunks.join('')).toBe(spaced);
    for (const c of chunks) expect(c).toBe(c.trim());
  });

  test('a whole canvas at the limits fits in cells of at most 45,000 characters', () => {
    const entries = Array.from({ length: 60 }, () => 'é😀'.repeat(333).slice(0, 1000));
    const figures = Array.from({ length: 40 }, (_, i) => ({
      label: `F${i}`,
      value: i,
      unit: 'u',
      period: 'p',
      note: 'n'.repeat(500),
    }));
    const big = toCanvasJson({ blocks: BLOCK_IDS.map((id) => ({ id, entries, figures })) }, { compact: true });
    const chunks = chunkText(big);
    expect(chunks.join('')).toBe(big);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_LENGTH);
    expect(chunks.length).toBeGreaterThan(10);
  });
});

describe('snapshot rows', () => {
  test('a row is written literally (apostrophes) and reads back to the same info and canvas', () => {
    const row = snapshotRowValues({ ...info, savedFrom: 'Sidebar' }, json);
    expect(row.slice(0, 5)).toEqual([
      "'20250131-093000-k3f9",
      "'First",
      "'2025-01-31T09:30:00.000Z",
      "'Sidebar",
      "'Xiaomi Canvas",
    ]);
    expect(row.slice(5).every((c) => c.startsWith("'"))).toBe(true);
    const parsed = parseSnapshotRow(asRead(row), 2)!;
    expect(parsed.damaged).toBeUndefined();
    expect(parsed.info).toEqual({ ...info, savedFrom: 'Sidebar' });
    expect(parsed.canvas!.blocks.map((b) => b.entries)).toEqual(CONTENT.blocks.map((b) => b.entries));
  });

  test('a label that looks like a formula stays literal; no savedFrom when unknown', () => {
    const row = snapshotRowValues({ ...info, label: '=HYPERLINK("x")' }, json);
    expect(row[1]).toBe('\'=HYPERLINK("x")');
    expect(row[3]).toBe('');
    expect(parseSnapshotRow(asRead(row), 2)!.info.savedFrom).toBeUndefined();
  });

  test('reads rows padded with blanks (getDataRange is as wide as the widest row) and a Saved at cell turned into a date', () => {
    const row = [...asRead(snapshotRowValues(info, json)), '', '', ''];
    row[2] = new Date('2025-01-31T09:30:00.000Z') as unknown as string;
    const parsed = parseSnapshotRow(row, 3)!;
    expect(parsed.damaged).toBeUndefined();
    expect(parsed.info.savedAt).toBe('2025-01-31T09:30:00.000Z');
  });

  test('a blank row is skipped', () => {
    expect(parseSnapshotRow(['', '', '', '', '', ''], 4)).toBeNull();
  });

  const damagedCases: Array<[string, (row: unknown[]) => void, RegExp]> = [
    [
      'JSON edited into nonsense',
      (r) => (r[5] = `${String(r[5]).slice(0, 100)}oops`),
      /^its stored canvas is not valid JSON \(.+\)$/,
    ],
    [
      'a block entry emptied',
      (r) => (r[5] = String(r[5]).replace(/"entries":\["[^"]*"/, '"entries":[" "')),
      /^its stored canvas is invalid: blocks\[0\] \(Key Partners\)\.entries\[0\] must not be empty$/,
    ],
    [
      'an unknown format',
      (r) => (r[5] = String(r[5]).replace('xiaomi-canvas/3', 'xiaomi-canvas/9')),
      /^its stored canvas has an unsupported format "xiaomi-canvas\/9": expected "xiaomi-canvas\/3" \(or "xiaomi-canvas\/2", "xiaomi-canvas\/1"\)$/,
    ],
    ['the JSON deleted', (r) => r.splice(5), /stored canvas \(column F onward\) is empty/],
    ['the ID deleted', (r) => (r[0] = ''), /row 7 has no ID/],
    ['the time replaced by text', (r) => (r[2] = 'yesterday'), /"Saved at" cell does not hold a time/],
    ['a number typed into the JSON', (r) => (r[5] = 42), /not valid JSON|expected an object/],
  ];

  test.each(damagedCases)('%s: damaged with a one-line reason, never a throw', (_name, damage, reason) => {
    const row: unknown[] = asRead(snapshotRowValues(info, json));
    damage(row);
    const parsed = parseSnapshotRow(row, 7)!;
    expect(parsed.damaged).toMatch(reason);
    expect(parsed.damaged).not.toMatch(/\n/);
    expect(parsed.canvas).toBeUndefined();
  });

  test('a missing middle chunk is damage, named by cell', () => {
    const big = 'x'.repeat(CHUNK_LENGTH * 2);
    const row: unknown[] = asRead(snapshotRowValues(info, `{"format":"xiaomi-canvas/1","pad":"${big}"}`));
    row[6] = '';
    expect(parseSnapshotRow(row, 5)!.damaged).toBe('a part of its stored canvas (cell G5) is empty');
  });
});

describe('readSnapshotRows and the list', () => {
  const row = (id: string, label: string) => asRead(snapshotRowValues({ ...info, id, label }, json));

  test('skips the header and blank rows, lists newest first, keeps damaged rows with their reason', () => {
    const broken = row('b', 'Broken');
    broken[5] = 'not json';
    const values = [[...SNAPSHOT_HEADER], row('a', 'One'), ['', '', ''], broken, row('c', 'Three')];
    const stored = readSnapshotRows(values);
    expect(stored.map((s) => [s.row, s.info.id])).toEqual([
      [2, 'a'],
      [4, 'b'],
      [5, 'c'],
    ]);
    const list = snapshotList(stored);
    expect(list.map((s) => s.label)).toEqual(['Three', 'Broken', 'One']);
    expect(list[1].damaged).toMatch(/not valid JSON/);
    expect(list[0]).not.toHaveProperty('damaged');
  });

  test('a copied row with a duplicate ID is damaged, so an ID always names one snapshot', () => {
    const stored = readSnapshotRows([[...SNAPSHOT_HEADER], row('a', 'One'), row('a', 'Copy')]);
    expect(stored[1].damaged).toBe('it has the same ID as an earlier snapshot (row 2)');
    expect(findSnapshot(stored, 'a').info.label).toBe('One');
  });

  test('findSnapshot explains a missing or damaged snapshot', () => {
    const broken = row('b', 'Broken');
    broken[5] = '{';
    const stored = readSnapshotRows([[...SNAPSHOT_HEADER], broken]);
    expect(() => findSnapshot(stored, 'zzz')).toThrow(
      'There is no snapshot with ID "zzz" (it may have been deleted from the Canvas Snapshots sheet).',
    );
    expect(() => findSnapshot(stored, 'b')).toThrow(
      /^The snapshot "Broken" is damaged and cannot be used: .*not valid JSON/,
    );
  });
});

describe('ids, labels and requests', () => {
  test('ids carry the UTC time and are unique among those taken', () => {
    const date = new Date('2025-01-31T09:30:05.123Z');
    let n = 0;
    const fixed = () => [0.5, 0.5, 0.25][n++ % 3];
    const first = newSnapshotId(date, new Set(), fixed);
    expect(first).toMatch(/^20250131-093005-[0-9a-z]{4}$/);
    n = 0;
    const second = newSnapshotId(date, new Set([first]), fixed);
    expect(second).not.toBe(first);
  });

  test('default and before-restore labels', () => {
    expect(defaultSnapshotLabel(new Date('2025-01-31T09:30:05Z'))).toBe('Snapshot 2025-01-31 09:30 UTC');
    expect(beforeRestoreLabel('First')).toBe('Before restoring First');
    const long = beforeRestoreLabel('x'.repeat(100));
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });

  test('request validation: label ≤ 100, ids required, unknown fields refused', () => {
    const save = (r: unknown) => parseRequest(saveSnapshotRequestSchema, r, 'snapshot request');
    expect(save({ label: '  Pivot to EVs  ' })).toEqual({ label: 'Pivot to EVs' });
    expect(save({})).toEqual({});
    expect(() => save({ label: 'x'.repeat(101) })).toThrow(
      'Invalid snapshot request: label must be at most 100 characters.',
    );
    expect(() => save({ label: 5 })).toThrow('Invalid snapshot request: label must be text.');
    expect(() => save({ name: 'x' })).toThrow(
      'Invalid snapshot request: snapshot request has an unknown field "name".',
    );
    const compare = (r: unknown) => parseRequest(compareSnapshotsRequestSchema, r, 'compare request');
    expect(compare({ from: 'a' })).toEqual({ from: 'a' });
    expect(() => compare({ to: 'a' })).toThrow('Invalid compare request: from must be text.');
    expect(() => compare({ from: ' ' })).toThrow('Invalid compare request: from must not be empty.');
    const restore = (r: unknown) => parseRequest(restoreSnapshotRequestSchema, r, 'restore request');
    expect(() => restore('a')).toThrow(
      'Invalid restore request: restore request must be an object with id (a snapshot id).',
    );
  });
});
