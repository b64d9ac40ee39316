import { mergeLinks, type LinkedEntries } from '../../src/core/link-merge';

const side = (pairs: Array<[string, string[]]>): LinkedEntries => ({
  entries: pairs.map(([text]) => text),
  links: pairs.map(([, ids]) => ids),
});

describe('links in a three-way merge ride with their entry and merge per entry', () => {
  const base = side([
    ['Mi.com', ['s1']],
    ['Retail stores', []],
    ['Carriers', ['s2']],
  ]);

  test.each([
    [
      'I link an entry, the teammate changes nothing: mine',
      side([
        ['Mi.com', ['s1', 's3']],
        ['Retail stores', []],
        ['Carriers', ['s2']],
      ]),
      base,
      [['s1', 's3'], [], ['s2']],
    ],
    [
      'the teammate links an entry, I change nothing: theirs',
      base,
      side([
        ['Mi.com', ['s1']],
        ['Retail stores', ['s4']],
        ['Carriers', ['s2']],
      ]),
      [['s1'], ['s4'], ['s2']],
    ],
    [
      'each side links a different entry: both',
      side([
        ['Mi.com', []],
        ['Retail stores', []],
        ['Carriers', ['s2']],
      ]),
      side([
        ['Mi.com', ['s1']],
        ['Retail stores', []],
        ['Carriers', ['s2', 's5']],
      ]),
      [[], [], ['s2', 's5']],
    ],
    [
      'both make the same change (in another order): no conflict',
      side([
        ['Mi.com', ['s3', 's1']],
        ['Retail stores', []],
        ['Carriers', ['s2']],
      ]),
      side([
        ['Mi.com', ['s1', 's3']],
        ['Retail stores', []],
        ['Carriers', ['s2']],
      ]),
      [['s3', 's1'], [], ['s2']],
    ],
  ])('%s', (_name, mine, theirs, expected) => {
    expect(mergeLinks(base.entries, base, mine, theirs)).toEqual(expected);
  });

  test('two different changes to one entry’s links are a conflict (null)', () => {
    const mine = side([
      ['Mi.com', ['s3']],
      ['Retail stores', []],
      ['Carriers', ['s2']],
    ]);
    const theirs = side([
      ['Mi.com', ['s4']],
      ['Retail stores', []],
      ['Carriers', ['s2']],
    ]);
    expect(mergeLinks(base.entries, base, mine, theirs)).toBeNull();
  });

  test('an entry only one side has keeps that side’s links; a repeated text pairs occurrence by occurrence', () => {
    const mine = side([
      ['Mi.com', ['s1']],
      ['Retail stores', []],
      ['Carriers', ['s2']],
      ['Pop-up stores', ['s6']],
    ]);
    const theirs = side([
      ['Mi.com', ['s1']],
      ['Retail stores', []],
      ['Carriers', ['s2']],
      ['Carriers', ['s7']],
    ]);
    const merged = ['Mi.com', 'Retail stores', 'Carriers', 'Carriers', 'Pop-up stores'];
    expect(mergeLinks(merged, base, mine, theirs)).toEqual([['s1'], [], ['s2'], ['s7'], ['s6']]);
  });
});
