import type { BlockView } from '../../src/core/view';
import {
  draftFromBlock,
  emptyEntry,
  emptyFigure,
  fieldIds,
  isDirty,
  moveItem,
  parseValue,
  rebaseDraft,
  saveRequest,
  validateDraft,
} from '../../src/sidebar/draft';
import { LIMITS } from '../../src/core/limits';

const block: BlockView = {
  id: 'key-activities',
  title: 'Key Activities',
  version: 'v1',
  entries: ['Design', 'R&D'],
  figures: [
    { label: 'R&D spending', value: 19.4, unit: 'CNY bn', period: '2024', note: 'approx.', metric: 'rd-spend' },
    { label: 'Share', value: 14, unit: '%', period: 'Q4 2024' },
  ],
  links: [[], []],
  evidence: [
    { status: 'template' as const, source: '', importance: null },
    { status: 'template' as const, source: '', importance: null },
  ],
};

describe('sidebar draft: loading and saving a block', () => {
  test('a fresh draft is not dirty and saves back exactly the block', () => {
    const draft = draftFromBlock(block);
    expect(isDirty(block, draft)).toBe(false);
    expect(saveRequest(block, draft)).toEqual({
      blockId: 'key-activities',
      version: 'v1',
      entries: ['Design', 'R&D'],
      figures: block.figures,
      links: [[], []],
      evidence: block.evidence,
    });
  });

  test('evidence moves with its entry, a change makes the draft dirty, a new entry is an assumption, and a reported status needs a source', () => {
    const draft = draftFromBlock(block);
    draft.entries.reverse();
    draft.entries[0].evidence = { status: 'reported', source: '', importance: 'high' };
    expect(isDirty(block, draft)).toBe(true);
    expect(validateDraft(draft).map((i) => i.message)).toEqual([
      'Entry 1 is marked reported by Xiaomi: name the source (a Reported Results figure or an announcement).',
    ]);
    draft.entries[0].evidence.source = '  Reported Results: rd-spend, 2024 ';
    draft.entries.push(emptyEntry());
    draft.entries[2].text = 'New';
    expect(validateDraft(draft)).toEqual([]);
    expect(saveRequest(block, draft).evidence).toEqual([
      { status: 'reported', source: 'Reported Results: rd-spend, 2024', importance: 'high' },
      block.evidence[0],
      { status: 'assumption', source: '', importance: null },
    ]);
  });

  test('links move with their entries, a picker change makes the draft dirty, and Customer Segments sends none', () => {
    const linked = { ...block, links: [['s1'], []] };
    const draft = draftFromBlock(linked);
    expect(isDirty(linked, draft)).toBe(false);
    draft.entries.reverse();
    expect(saveRequest(linked, draft).links).toEqual([[], ['s1']]);
    const again = draftFromBlock(linked);
    again.entries[1].links = ['s2'];
    expect(isDirty(linked, again)).toBe(true);
    expect(saveRequest({ ...linked, id: 'customer-segments' }, again).links).toBeUndefined();
  });

  test('the hidden metric is kept; an empty note is left out; text is trimmed', () => {
    const draft = draftFromBlock(block);
    draft.figures[0].label = '  R&D spend  ';
    draft.figures[0].note = '   ';
    draft.entries[0].text = '  Design  ';
    const request = saveRequest(block, draft);
    expect(request.entries[0]).toBe('Design');
    expect(request.figures[0]).toEqual({
      label: 'R&D spend',
      value: 19.4,
      unit: 'CNY bn',
      period: '2024',
      metric: 'rd-spend',
    });
    expect('note' in request.figures[0]).toBe(false);
    expect('metric' in request.figures[1]).toBe(false);
  });

  test('every edit, move, addition and deletion makes the draft dirty', () => {
    const edits: Array<(d: ReturnType<typeof draftFromBlock>) => void> = [
      (d) => (d.entries[0].text = 'Design!'),
      (d) => (d.entries = moveItem(d.entries, 0, 1)),
      (d) => d.entries.push(emptyEntry()),
      (d) => d.entries.pop(),
      (d) => d.figures.push(emptyFigure()),
      (d) => (d.figures[1].value = '15'),
      (d) => (d.figures[1].note = 'new'),
      (d) => (d.figures[0].period = '2025'),
    ];
    for (const edit of edits) {
      const draft = draftFromBlock(block);
      edit(draft);
      expect(isDirty(block, draft)).toBe(true);
    }
    const same = draftFromBlock(block);
    same.figures[1].value = '14.0';
    expect(isDirty(block, same)).toBe(false);
  });

  test('rebasing onto the saved block keeps the item keys (so focus stays put)', () => {
    const draft = draftFromBlock(block);
    const saved = { ...block, version: 'v2', entries: ['Design', 'R&D', 'New'] };
    const rebased = rebaseDraft(draft, saved);
    expect(rebased.entries.map((e) => e.key).slice(0, 2)).toEqual(draft.entries.map((e) => e.key));
    expect(rebased.entries[2].key).not.toBe(draft.entries[1].key);
    expect(rebased.entries.map((e) => e.text)).toEqual(saved.entries);
  });
});

describe('sidebar draft: reordering', () => {
  test('moveItem moves one item and clamps to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 7, 0)).toEqual(['a', 'b', 'c']);
  });
});

describe('sidebar draft: validation mirrors the server limits', () => {
  const messages = (d: ReturnType<typeof draftFromBlock>) => validateDraft(d).map((i) => i.message);

  test('a valid draft has no problems', () => {
    expect(validateDraft(draftFromBlock(block))).toEqual([]);
  });

  test('empty and over-long entries are named by number and point at their field', () => {
    const draft = draftFromBlock(block);
    draft.entries[0].text = '   ';
    draft.entries[1].text = 'x'.repeat(LIMITS.entryLength + 1);
    const issues = validateDraft(draft);
    expect(issues).toEqual([
      { fieldId: fieldIds.entry(draft.entries[0].key), message: 'Entry 1 is empty. Type some text or delete it.' },
      {
        fieldId: fieldIds.entry(draft.entries[1].key),
        message: 'Entry 2 is too long (1,001 characters; the limit is 1,000).',
      },
    ]);
    draft.entries[1].text = ` ${'x'.repeat(LIMITS.entryLength)} `;
    expect(validateDraft(draft)).toHaveLength(1);
  });

  test('more than 60 entries or 40 figures is refused', () => {
    const draft = draftFromBlock(block);
    draft.entries = Array.from({ length: 61 }, (_, i) => ({ key: `k${i}`, text: `e${i}` }));
    draft.figures = Array.from({ length: 41 }, (_, i) => ({ ...emptyFigure(), label: `f${i}`, value: '1' }));
    expect(messages(draft)).toEqual([
      'A block can hold at most 60 entries; this one has 61. Delete 1.',
      'A block can hold at most 40 figures; this one has 41. Delete 1.',
    ]);
    draft.entries.pop();
    draft.figures.pop();
    expect(messages(draft)).toEqual([]);
  });

  test('figure label, value, unit, period and note are checked', () => {
    const draft = draftFromBlock(block);
    const f = draft.figures[1];
    f.label = ' ';
    f.value = '1,5';
    f.unit = 'u'.repeat(41);
    f.period = 'p'.repeat(41);
    f.note = 'n'.repeat(501);
    const issues = validateDraft(draft);
    expect(issues.map((i) => i.fieldId)).toEqual(
      ['label', 'value', 'unit', 'period', 'note'].map((field) => `figure-${f.key}-${field}`),
    );
    expect(issues[0].message).toBe('Figure 2: the label is required.');
    expect(issues[1].message).toMatch(/^Figure 2: the value must be a number/);
    draft.figures[1] = { ...f, label: 'l'.repeat(201), value: '2', unit: '', period: '', note: '' };
    expect(messages(draft)).toEqual(['Figure 2: the label is too long (201 characters; the limit is 200).']);
  });

  test('a value must be a finite number', () => {
    for (const bad of ['', ' ', 'abc', 'Infinity', '1e999', 'NaN', '12%']) expect(parseValue(bad)).toBeNaN();
    expect(parseValue(' -20 ')).toBe(-20);
    expect(parseValue('1.5e3')).toBe(1500);
    expect(parseValue('0')).toBe(0);
  });
});

describe('a figure whose cell holds no number (a teammate typed "35 bn")', () => {
  const typedOver: BlockView = {
    ...block,
    figures: [{ label: 'Reach', value: Number.NaN, unit: 'CNY bn', period: '2024' }],
    problems: [{ sheet: 'Xiaomi Details', cell: 'G8', found: '35 bn', expected: 'number', figure: 0 }],
  };

  test('the form shows what the cell holds, is not dirty for it, and asks for a number before a save', () => {
    const draft = draftFromBlock(typedOver);
    expect(draft.figures[0].value).toBe('35 bn');
    expect(isDirty(typedOver, draft)).toBe(false);
    expect(validateDraft(draft).map((i) => i.fieldId)).toEqual([fieldIds.figure(draft.figures[0].key, 'value')]);
    draft.figures[0].value = '35';
    expect(isDirty(typedOver, draft)).toBe(true);
    expect(validateDraft(draft)).toEqual([]);
    expect(saveRequest(typedOver, draft).figures[0].value).toBe(35);
  });
});
