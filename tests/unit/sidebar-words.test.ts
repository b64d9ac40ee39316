import { CURRENCY_UNITS } from '../../src/core/units';
import {
  canvasMetrics,
  convertsToUsd,
  draftFromBlock,
  parseValue,
  saveRequest,
  unitNote,
} from '../../src/sidebar/draft';
import { plainServerError } from '../../src/sidebar/plain-errors';
import { figureLine } from '../../src/sidebar/render-figures';
import { defaultSnapshotLabel } from '../../src/sidebar/render-snapshots';

describe('sidebar figures: values as analysts type them', () => {
  test('grouping with commas or spaces is accepted; ambiguous or broken grouping is not', () => {
    expect(parseValue('1,234.5')).toBe(1234.5);
    expect(parseValue('12,000')).toBe(12000);
    expect(parseValue('-1,234,567')).toBe(-1234567);
    expect(parseValue('12 000')).toBe(12000);
    expect(parseValue('\u221220')).toBe(-20);
    // "1,5" could be one and a half (in much of Europe) or a typo: refused rather than guessed.
    for (const bad of ['1,5', '1,23', '12,0000', '1,234,56', ',123', '1,,234']) expect(parseValue(bad)).toBeNaN();
  });

  test('a grouped value is saved as a number', () => {
    const block = {
      id: 'key-resources' as const,
      title: 'Key Resources',
      version: 'v',
      entries: ['x'],
      figures: [{ label: 'Stores', value: 1, unit: 'stores', period: '2024' }],
      links: [[]],
      evidence: [{ status: 'template' as const, source: '', importance: null }],
    };
    const draft = draftFromBlock(block);
    draft.figures[0].value = '12,000';
    expect(saveRequest(block, draft).figures[0].value).toBe(12000);
  });

  test('the one-line row reads "value unit · period" with the value grouped', () => {
    expect(figureLine({ value: '1234.5', unit: 'CNY bn', period: '2024' })).toBe('1,234.5 CNY bn · 2024');
    expect(figureLine({ value: 'abc', unit: '', period: '' })).toBe('abc');
    expect(figureLine({ value: '', unit: '%', period: 'Q4' })).toBe('no value % · Q4');
  });
});

describe('sidebar figures: units and metrics', () => {
  test('only the known currency units convert; other units get a note, near misses a suggestion', () => {
    for (const unit of CURRENCY_UNITS) {
      expect(convertsToUsd(unit)).toBe(true);
      expect(unitNote(unit)).toBe('');
    }
    expect(unitNote('')).toBe('');
    expect(unitNote('USD billion')).toMatch(/no USD value for “USD billion”/);
    expect(unitNote('usd  bn')).toMatch(/^Did you mean “USD bn”\?/);
    expect(unitNote('stores')).toMatch(/Fine for counts/);
  });

  test("the metric suggestions are the canvas's metrics, once each, sorted", () => {
    const figure = (metric?: string) => ({ label: 'l', value: 1, unit: '', period: '', metric });
    expect(
      canvasMetrics([
        { figures: [figure('total-revenue'), figure()] },
        { figures: [figure('rd-spend'), figure('total-revenue')] },
      ]),
    ).toEqual(['rd-spend', 'total-revenue']);
  });
});

describe('sidebar words: server messages name fields in words', () => {
  test('fields by what the sidebar calls them, blocks by title, no format names', () => {
    expect(plainServerError('Invalid save request: entries[3] must not be empty.')).toBe(
      'The block could not be saved: entry 4 must not be empty.',
    );
    expect(plainServerError('Invalid save request: figures[0].value must be a finite number.')).toBe(
      'The block could not be saved: figure 1’s value must be a finite number.',
    );
    expect(plainServerError('Invalid canvas JSON: blocks[1] (Key Activities).entries[0] must not be empty.')).toBe(
      'This canvas file cannot be opened: Key Activities, entry 1 must not be empty.',
    );
    const order = plainServerError(
      'Invalid canvas JSON: blocks[2].id must be "key-resources" (blocks are listed in canonical order: key-partners, key-activities).',
    );
    expect(order).toBe('This canvas file cannot be opened: block 3 must be Key Resources.');
    expect(plainServerError('Unsupported format "other/2": expected "xiaomi-canvas/1".')).toBe(
      'This is not a canvas file (its format is "other/2").',
    );
    expect(plainServerError('Invalid canvas JSON: not valid JSON (Unexpected token).')).toBe(
      'This canvas file cannot be opened: it is damaged or is not a canvas file.',
    );
    for (const text of [order, plainServerError('x "xiaomi-canvas/1" y in canonical order (a, b)')]) {
      expect(text).not.toMatch(/xiaomi-canvas\/1|canonical|key-partners/);
    }
    // A plain message passes unchanged.
    expect(plainServerError('The canvas is busy with another edit; please try again in a moment.')).toBe(
      'The canvas is busy with another edit; please try again in a moment.',
    );
  });
});

describe('sidebar words: times in the user’s time zone', () => {
  test('the default snapshot label is the local time, not UTC', () => {
    const at = new Date('2025-01-31T23:30:00Z');
    expect(defaultSnapshotLabel(at, 'en-GB', 'Asia/Shanghai')).toBe('Snapshot 1 Feb 2025, 7:30');
    expect(defaultSnapshotLabel(at, 'en-GB', 'America/New_York')).toBe('Snapshot 31 Jan 2025, 18:30');
  });
});
