import { BLOCK_IDS } from '../../src/core/block-ids';
import { changePct, diffBlock, diffCanvases, diffEntries, diffFigures } from '../../src/core/canvas-diff';
import type { Figure } from '../../src/core/view';
import { CONTENT } from '../support/content';

const fig = (label: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  label,
  value,
  unit: 'CNY bn',
  period: '2024',
  ...extra,
});

describe('changePct', () => {
  test.each([
    [100, 110, 10],
    [100, 90, -10],
    [-50, -25, 50],
    [-50, -75, -50],
    [3, 4, 33.3],
    [3, 2, -33.3],
    [7, 7, 0],
    [0, 5, null],
    [0, 0, null],
    [365.9, 480.1, 31.2],
  ])('%p → %p is %p %', (from, to, pct) => {
    expect(changePct(from, to)).toBe(pct);
  });

  test('never gives -0', () => {
    expect(Object.is(changePct(-1e9, -1e9 + 1e-9), -0)).toBe(false);
  });
});

describe('diffEntries', () => {
  test('no change, and a pure reorder, list nothing', () => {
    expect(diffEntries(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual({ added: [], removed: [], changed: [] });
    expect(diffEntries(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual({ added: [], removed: [], changed: [] });
  });

  test('an entry edited in place is a change', () => {
    expect(diffEntries(['a', 'b', 'c'], ['a', 'B!', 'c'])).toEqual({
      added: [],
      removed: [],
      changed: [{ from: 'b', to: 'B!' }],
    });
  });

  test('additions and removals are listed as such', () => {
    expect(diffEntries(['a', 'b'], ['a', 'b', 'new'])).toEqual({ added: ['new'], removed: [], changed: [] });
    expect(diffEntries(['a', 'b', 'c'], ['a', 'c'])).toEqual({ added: [], removed: ['b'], changed: [] });
    expect(diffEntries([], ['x', 'y'])).toEqual({ added: ['x', 'y'], removed: [], changed: [] });
    expect(diffEntries(['x', 'y'], [])).toEqual({ added: [], removed: ['x', 'y'], changed: [] });
  });

  test('an entry inserted at the top does not turn the edit of a later entry into add + remove', () => {
    expect(diffEntries(['a', 'b', 'c'], ['new', 'a', 'B', 'c'])).toEqual({
      added: ['new'],
      removed: [],
      changed: [{ from: 'b', to: 'B' }],
    });
  });

  test('a moved text is not a change even when another entry took its place', () => {
    // 'a' moved to the end and 'x' is new where 'a' was: the text 'a' is on both sides, so 'x' is added
    expect(diffEntries(['a', 'b'], ['x', 'b', 'a'])).toEqual({ added: ['x'], removed: [], changed: [] });
  });

  test('several edits at one place pair in order; the rest are added or removed', () => {
    expect(diffEntries(['a', 'b', 'c', 'z'], ['A', 'B', 'z'])).toEqual({
      added: [],
      removed: ['c'],
      changed: [
        { from: 'a', to: 'A' },
        { from: 'b', to: 'B' },
      ],
    });
  });

  test('duplicates count: one of two equal entries removed', () => {
    expect(diffEntries(['a', 'a', 'b'], ['a', 'b'])).toEqual({ added: [], removed: ['a'], changed: [] });
    expect(diffEntries(['a'], ['a', 'a'])).toEqual({ added: ['a'], removed: [], changed: [] });
  });

  test('changes are listed in the order of the new canvas', () => {
    const result = diffEntries(['1', 'x', '2', 'y', '3'], ['1', 'X', '2', 'Y', '3']);
    expect(result.changed).toEqual([
      { from: 'x', to: 'X' },
      { from: 'y', to: 'Y' },
    ]);
  });
});

describe('diffFigures', () => {
  test('pairs figures by label and reports value changes with the change in %', () => {
    const result = diffFigures([fig('Revenue', 365.9), fig('R&D', 24.1)], [fig('R&D', 24.1), fig('Revenue', 480.1)]);
    expect(result).toEqual({
      added: [],
      removed: [],
      changed: [{ label: 'Revenue', from: 365.9, to: 480.1, changePct: 31.2, unit: 'CNY bn' }],
    });
  });

  test('a figure from 0 has no percentage', () => {
    expect(diffFigures([fig('EV', 0)], [fig('EV', 3)]).changed[0].changePct).toBeNull();
  });

  test('a unit change gives the old unit and no percentage (the numbers are not comparable)', () => {
    expect(diffFigures([fig('Revenue', 50, { unit: 'USD bn' })], [fig('Revenue', 365.9)]).changed).toEqual([
      {
        label: 'Revenue',
        from: 50,
        to: 365.9,
        changePct: null,
        unit: 'CNY bn',
        fromUnit: 'USD bn',
        otherChanges: ['unit'],
      },
    ]);
  });

  test('other field changes are reported even when the value stayed', () => {
    expect(
      diffFigures([fig('Revenue', 1, { note: 'approx.' })], [fig('Revenue', 1, { period: '2025' })]).changed,
    ).toEqual([{ label: 'Revenue', from: 1, to: 1, changePct: 0, unit: 'CNY bn', otherChanges: ['period', 'note'] }]);
  });

  test('unpaired figures are added or removed; duplicate labels pair in order', () => {
    const result = diffFigures(
      [fig('A', 1), fig('A', 2), fig('Old', 3)],
      [fig('A', 1), fig('New', 4), fig('A', 5), fig('A', 6)],
    );
    expect(result.removed).toEqual([fig('Old', 3)]);
    expect(result.added).toEqual([fig('New', 4), fig('A', 6)]);
    expect(result.changed).toEqual([{ label: 'A', from: 2, to: 5, changePct: 150, unit: 'CNY bn' }]);
  });

  test('source differences are not changes', () => {
    expect(diffFigures([{ ...fig('A', 1), source: 'x' } as Figure], [fig('A', 1)])).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});

describe('diffCanvases', () => {
  const canvas = { blocks: CONTENT.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: b.figures })) };

  test('lists all nine blocks in canonical order; identical canvases change nothing', () => {
    const diff = diffCanvases(canvas, canvas);
    expect(diff.map((d) => d.blockId)).toEqual([...BLOCK_IDS]);
    expect(diff.every((d) => !d.changed)).toBe(true);
    expect(diff[0]).toEqual({
      blockId: 'key-partners',
      title: 'Key Partners',
      changed: false,
      entriesAdded: [],
      entriesRemoved: [],
      entriesChanged: [],
      figuresChanged: [],
      figuresAdded: [],
      figuresRemoved: [],
    });
  });

  test('reports the blocks that changed and only those', () => {
    const after = {
      blocks: canvas.blocks.map((b) =>
        b.id === 'revenue-streams'
          ? {
              ...b,
              entries: [...b.entries.slice(1), 'EV sales'],
              figures: b.figures.map((f, i) => (i === 0 ? { ...f, value: f.value * 2 } : f)),
            }
          : b,
      ),
    };
    const diff = diffCanvases(canvas, after);
    expect(diff.filter((d) => d.changed).map((d) => d.blockId)).toEqual(['revenue-streams']);
    const rs = diff[8];
    const before = CONTENT.blocks[8];
    expect(rs.entriesRemoved).toEqual([before.entries[0]]);
    expect(rs.entriesAdded).toEqual(['EV sales']);
    expect(rs.figuresChanged).toEqual([
      {
        label: before.figures[0].label,
        from: before.figures[0].value,
        to: before.figures[0].value * 2,
        changePct: 100,
        unit: before.figures[0].unit,
      },
    ]);
  });

  test('diffBlock matches the documented shape (the fields the sidebar relies on)', () => {
    const d = diffBlock('channels', { entries: ['a'], figures: [] }, { entries: ['b'], figures: [fig('F', 1)] });
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining([
        'blockId',
        'entriesAdded',
        'entriesRemoved',
        'entriesChanged',
        'figuresChanged',
        'figuresAdded',
        'figuresRemoved',
      ]),
    );
    expect(d.entriesChanged).toEqual([{ from: 'a', to: 'b' }]);
    expect(d.figuresAdded).toEqual([fig('F', 1)]);
    expect(d.changed).toBe(true);
  });
});
