import {
  conflictsOf,
  mergeBlock,
  mergedItems,
  mergeLists,
  TEXT_BLOCK_KEYS,
  theirChanges,
} from '../../src/core/block-merge';
import type { Figure } from '../../src/core/view';

const text = (s: string) => s;
const BASE = ['a', 'b', 'c', 'd', 'e'];

interface ListCase {
  name: string;
  mine: string[];
  theirs: string[];
  /** The merged list, or the conflicting items as [base, mine, theirs]. */
  merged?: string[];
  conflict?: [string[], string[], string[]];
}

const CASES: ListCase[] = [
  { name: 'nobody changed anything', mine: BASE, theirs: BASE, merged: BASE },
  { name: 'only I changed an entry', mine: ['a', 'B', 'c', 'd', 'e'], theirs: BASE, merged: ['a', 'B', 'c', 'd', 'e'] },
  {
    name: 'only the teammate changed an entry',
    mine: BASE,
    theirs: ['a', 'b', 'c', 'D', 'e'],
    merged: ['a', 'b', 'c', 'D', 'e'],
  },
  {
    name: 'edit/edit of different entries',
    mine: ['A', 'b', 'c', 'd', 'e'],
    theirs: ['a', 'b', 'c', 'D', 'e'],
    merged: ['A', 'b', 'c', 'D', 'e'],
  },
  {
    name: 'edit/edit of neighbouring entries',
    mine: ['A', 'b', 'c', 'd', 'e'],
    theirs: ['a', 'B', 'c', 'd', 'e'],
    merged: ['A', 'B', 'c', 'd', 'e'],
  },
  {
    name: 'two neighbours edited by me, one of them identically by the teammate',
    mine: ['A', 'B', 'c', 'd', 'e'],
    theirs: ['a', 'B', 'c', 'd', 'e'],
    merged: ['A', 'B', 'c', 'd', 'e'],
  },
  {
    name: 'edit/edit of the same entry',
    mine: ['a', 'mine', 'c', 'd', 'e'],
    theirs: ['a', 'theirs', 'c', 'd', 'e'],
    conflict: [['b'], ['mine'], ['theirs']],
  },
  {
    name: 'identical edits on both sides',
    mine: ['a', 'same', 'c', 'd', 'e'],
    theirs: ['a', 'same', 'c', 'd', 'e'],
    merged: ['a', 'same', 'c', 'd', 'e'],
  },
  {
    name: 'edit/delete of the same entry',
    mine: ['a', 'B', 'c', 'd', 'e'],
    theirs: ['a', 'c', 'd', 'e'],
    conflict: [['b'], ['B'], []],
  },
  {
    name: 'edit/delete of different entries',
    mine: ['a', 'B', 'c', 'd', 'e'],
    theirs: ['a', 'b', 'c', 'e'],
    merged: ['a', 'B', 'c', 'e'],
  },
  {
    name: 'both deleted the same entry',
    mine: ['a', 'c', 'd', 'e'],
    theirs: ['a', 'c', 'd', 'e'],
    merged: ['a', 'c', 'd', 'e'],
  },
  { name: 'additions in different places', mine: ['x', ...BASE], theirs: [...BASE, 'y'], merged: ['x', ...BASE, 'y'] },
  {
    name: 'add/add at the same place keeps both, the teammate’s first',
    mine: ['a', 'b', 'mine', 'c', 'd', 'e'],
    theirs: ['a', 'b', 'theirs', 'c', 'd', 'e'],
    merged: ['a', 'b', 'theirs', 'mine', 'c', 'd', 'e'],
  },
  {
    name: 'add/add of the same text at the same place adds it once',
    mine: [...BASE, 'f'],
    theirs: [...BASE, 'f'],
    merged: [...BASE, 'f'],
  },
  {
    name: 'move vs edit of another entry',
    mine: ['b', 'c', 'd', 'a', 'e'],
    theirs: ['a', 'b', 'c', 'd', 'E'],
    merged: ['b', 'c', 'd', 'a', 'E'],
  },
  {
    name: 'move vs edit of the moved entry',
    mine: ['b', 'c', 'd', 'e', 'a'],
    theirs: ['A', 'b', 'c', 'd', 'e'],
    conflict: [['a'], [], ['A']],
  },
  {
    name: 'an insertion between entries the other side rewrote is kept',
    mine: ['a', 'x', 'y', 'e'],
    theirs: ['a', 'b', 'c', 'new', 'd', 'e'],
    merged: ['a', 'x', 'y', 'new', 'e'],
  },
  {
    name: 'an insertion inside a run the other side deleted collides',
    mine: ['a', 'e'],
    theirs: ['a', 'b', 'c', 'new', 'd', 'e'],
    conflict: [['b', 'c', 'd'], [], ['b', 'c', 'new', 'd']],
  },
  {
    name: 'texts that look like object properties',
    mine: ['constructor', ...BASE],
    theirs: [...BASE, '__proto__'],
    merged: ['constructor', ...BASE, '__proto__'],
  },
];

describe('mergeLists (entries)', () => {
  test.each(CASES)('$name', ({ mine, theirs, merged, conflict }) => {
    const chunks = mergeLists(BASE, mine, theirs, text);
    const conflicts = conflictsOf(chunks);
    if (merged) {
      expect(conflicts).toEqual([]);
      expect(mergedItems(chunks)).toEqual(merged);
    } else {
      expect(conflicts.map((c) => [c.base, c.mine, c.theirs])).toEqual([conflict]);
      // The teammate changed nothing else here, so keeping my side of the conflict gives exactly my list.
      expect(mergedItems(chunks, (x) => x.mine)).toEqual(mine);
    }
  });

  test('a conflict keeps the other changes merged around it', () => {
    const chunks = mergeLists(BASE, ['A', 'mine', 'c', 'd', 'e'], ['a', 'theirs', 'c', 'd', 'E'], text);
    expect(mergedItems(chunks, (x) => x.theirs)).toEqual(['A', 'theirs', 'c', 'd', 'E']);
    expect(mergedItems(chunks, (x) => x.mine)).toEqual(['A', 'mine', 'c', 'd', 'E']);
  });

  test('mergedItems refuses to settle a conflict silently', () => {
    expect(() => mergedItems(mergeLists(['a'], ['b'], ['c'], text))).toThrow('conflicts');
  });

  test('theirChanges says where the teammate’s items are in the result and what they removed', () => {
    const chunks = mergeLists(BASE, ['x', ...BASE], ['a', 'b', 'C', 'd'], text);
    expect(mergedItems(chunks)).toEqual(['x', 'a', 'b', 'C', 'd']);
    expect(theirChanges(chunks)).toEqual({ added: [3], removed: ['c', 'e'] });
  });
});

const fig = (label: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  label,
  value,
  unit: 'CNY bn',
  period: '2024',
  ...extra,
});

describe('mergeBlock (entries and figures together)', () => {
  const base = {
    entries: ['a', 'b'],
    figures: [fig('Revenue', 365), fig('R&D', 24), fig('Stores', 10000, { unit: '' })],
  };

  test('figure edits: different figures merge, my entry edit rides along', () => {
    const mine = { entries: ['A', 'b'], figures: [fig('Revenue', 366), base.figures[1], base.figures[2]] };
    const theirs = {
      entries: ['a', 'b'],
      figures: [base.figures[0], base.figures[1], fig('Stores', 12000, { unit: '' })],
    };
    const merged = mergeBlock(base, mine, theirs, TEXT_BLOCK_KEYS);
    expect(merged.conflicts).toBe(0);
    expect(mergedItems(merged.entries)).toEqual(['A', 'b']);
    expect(mergedItems(merged.figures)).toEqual([
      fig('Revenue', 366),
      fig('R&D', 24),
      fig('Stores', 12000, { unit: '' }),
    ]);
    expect(theirChanges(merged.figures).added).toEqual([2]);
  });

  test('two different changes to the same figure (value vs note) are a conflict', () => {
    const mine = { ...base, figures: [fig('Revenue', 366), base.figures[1], base.figures[2]] };
    const theirs = { ...base, figures: [fig('Revenue', 365, { note: 'approx.' }), base.figures[1], base.figures[2]] };
    const merged = mergeBlock(base, mine, theirs, TEXT_BLOCK_KEYS);
    expect(merged.conflicts).toBe(1);
    expect(conflictsOf(merged.figures)[0]).toEqual({
      kind: 'conflict',
      base: [base.figures[0]],
      mine: [fig('Revenue', 366)],
      theirs: [fig('Revenue', 365, { note: 'approx.' })],
    });
  });

  test('identical figure changes on both sides, figures deleted and added elsewhere', () => {
    const mine = { ...base, figures: [fig('Revenue', 400), base.figures[1], base.figures[2], fig('New', 1)] };
    const theirs = { ...base, figures: [fig('Revenue', 400), base.figures[2]] };
    const merged = mergeBlock(base, mine, theirs, TEXT_BLOCK_KEYS);
    expect(merged.conflicts).toBe(0);
    expect(mergedItems(merged.figures)).toEqual([fig('Revenue', 400), base.figures[2], fig('New', 1)]);
  });

  test('entries may carry parallel metadata (e.g. links) that merges with them', () => {
    type Linked = { text: string; links: string[] };
    const keys = { entry: (e: Linked) => JSON.stringify([e.text, e.links]), figure: TEXT_BLOCK_KEYS.figure };
    const b = {
      entries: [
        { text: 'a', links: [] },
        { text: 'b', links: [] },
      ],
      figures: [],
    };
    const mine = { entries: [{ text: 'a', links: ['x'] }, b.entries[1]], figures: [] };
    const theirs = { entries: [b.entries[0], { text: 'B', links: [] }], figures: [] };
    const merged = mergeBlock<Linked>(b, mine, theirs, keys);
    expect(mergedItems(merged.entries)).toEqual([
      { text: 'a', links: ['x'] },
      { text: 'B', links: [] },
    ]);
    const clash = mergeBlock<Linked>(
      b,
      mine,
      { entries: [{ text: 'a', links: ['y'] }, b.entries[1]], figures: [] },
      keys,
    );
    expect(clash.conflicts).toBe(1);
  });
});
