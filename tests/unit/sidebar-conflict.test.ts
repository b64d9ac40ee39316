import { mergeConflict, resolvedDraft } from '../../src/sidebar/conflict';
import { draftFromBlock } from '../../src/sidebar/draft';
import { isServiceFailure, serviceFailureMessage } from '../../src/core/service-failure';
import type { BlockView } from '../../src/core/view';

const block = (version: string, entries: string[], figures: BlockView['figures'] = []): BlockView => ({
  id: 'channels',
  title: 'Channels',
  version,
  entries,
  figures,
  links: entries.map(() => []),
  evidence: entries.map(() => ({ status: 'template' as const, source: '', importance: null })),
});

describe('the sidebar’s conflict: only the overlapping items, the rest merged', () => {
  const base = block('v1', ['a', 'b', 'c'], [{ label: 'Stores', value: 10, unit: '', period: '2024' }]);
  const sheet = block(
    'v2',
    ['a', 'B theirs', 'c', 'd theirs'],
    [{ label: 'Stores', value: 12, unit: '', period: '2024' }],
  );

  test('lists one choice per overlapping item and keeps every other change of both sides', () => {
    const draft = draftFromBlock(
      block('v1', ['A mine', 'B mine', 'c'], [{ label: 'Stores', value: 11, unit: '', period: '2024' }]),
    );
    const conflict = mergeConflict('changed', base, draft, sheet);
    expect(conflict.picks).toEqual([null, null]); // entry 2 and the figure
    conflict.picks = ['mine', 'theirs'];
    const { base: next, draft: resolved } = resolvedDraft(conflict);
    expect(next).toBe(sheet); // the next save merges against what the sheet holds now
    expect(resolved.entries.map((e) => e.text)).toEqual(['A mine', 'B mine', 'c', 'd theirs']);
    expect(resolved.figures.map((f) => f.value)).toEqual(['12']);
  });

  test('no overlap left: nothing to choose', () => {
    const draft = draftFromBlock(block('v1', ['A mine', 'b', 'c'], base.figures));
    expect(mergeConflict('changed', base, draft, sheet).picks).toEqual([]);
  });
});

describe('Google service failures are told in plain words; our own messages are not touched', () => {
  test.each([
    'Service Spreadsheets timed out while accessing document with id 1a2B3c.',
    'Service Spreadsheets failed while accessing document with id 1a2B3c.',
    "We're sorry, a server error occurred. Please wait a bit and try again.",
    'Service invoked too many times for one day: spreadsheets.',
    'Exceeded maximum execution time',
    'Lock timeout: another process was holding the lock for too long.',
    'There are too many LockService operations against the same script.',
  ])('%s', (raw) => expect(isServiceFailure(raw)).toBe(true));

  test.each([
    'Invalid save request: entries[3] must not be empty.',
    'Key Activities was changed by someone else since you opened it. Your edits are kept; review the current content and save again.',
    'The canvas is busy with another edit; please try again in a moment.',
    'Unsupported format "Service timed out, quota": expected "xiaomi-canvas/1".',
    'There is no Xiaomi canvas in this spreadsheet (it may have been deleted). Use Extensions › Xiaomi Canvas › Insert Xiaomi canvas to add one.',
  ])('%s', (ours) => expect(isServiceFailure(ours)).toBe(false));

  test('the message says what happened, that nothing is lost, and what to do', () => {
    expect(serviceFailureMessage('save')).toBe(
      'Google Sheets did not respond; nothing was saved and your edits are still here. Try Save again.',
    );
  });
});
