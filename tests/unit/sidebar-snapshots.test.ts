import { diffBlock } from '../../src/core/canvas-diff';
import { CANVAS_JSON_MAX_BYTES } from '../../src/core/canvas-json';
import { LABEL_LENGTH } from '../../src/core/snapshot';
import type { BlockDiff, FigureChange, SnapshotListItem } from '../../src/core/view';
import {
  IMPORT_MAX_BYTES,
  exportFileName,
  formatBytes,
  importFileProblem,
  readFileText,
} from '../../src/sidebar/json-transfer';
import {
  compareHeading,
  compareSummary,
  entryChangeText,
  figureChangeText,
  figureText,
  formatNumber,
  formatPct,
} from '../../src/sidebar/render-compare';
import {
  SNAPSHOT_LABEL_LENGTH,
  defaultComparePair,
  formatSavedAt,
  isSnapshotList,
  snapshotIds,
  snapshotMeta,
  snapshotName,
  usableSnapshots,
} from '../../src/sidebar/render-snapshots';
import { BUSY_LABELS } from '../../src/sidebar/state';

const item = (id: string, extra: Partial<SnapshotListItem> = {}): SnapshotListItem => ({
  id,
  label: `Label ${id}`,
  savedAt: '2025-01-31T09:30:00.000Z',
  ...extra,
});

describe('sidebar snapshots: the list', () => {
  test('the client mirrors the server limits it relies on', () => {
    expect(SNAPSHOT_LABEL_LENGTH).toBe(LABEL_LENGTH);
    expect(IMPORT_MAX_BYTES).toBe(CANVAS_JSON_MAX_BYTES);
  });

  test('a snapshot is called by its label, else its id', () => {
    expect(snapshotName(item('a'))).toBe('Label a');
    expect(snapshotName(item('row-7', { label: '  ' }))).toBe('row-7');
    expect(snapshotName(item('x', { label: '<img src=x onerror=alert(1)>' }))).toBe('<img src=x onerror=alert(1)>');
  });

  test('the time is shown in the given locale and time zone; text that is not a time is shown as is', () => {
    expect(formatSavedAt('2025-01-31T09:30:00.000Z', 'en-GB', 'UTC')).toBe('31 Jan 2025, 9:30');
    expect(formatSavedAt('2025-01-31T09:30:00.000Z', 'en-US', 'America/New_York')).toBe('Jan 31, 2025, 4:30 AM');
    expect(formatSavedAt('2025-01-31T09:30:00.000Z', 'de-DE', 'Europe/Berlin')).toBe('31. Jan. 2025, 10:30');
    expect(formatSavedAt('last Tuesday')).toBe('last Tuesday');
    expect(formatSavedAt('')).toBe('unknown time');
  });

  test('how it was saved is shown; an older sheet’s email reads as who saved it', () => {
    expect(snapshotMeta(item('a', { savedFrom: 'Menu' }), 'en-GB', 'UTC')).toBe('31 Jan 2025, 9:30 · from the menu');
    expect(snapshotMeta(item('a', { savedFrom: 'Before a restore' }), 'en-GB', 'UTC')).toBe(
      '31 Jan 2025, 9:30 · automatically, before a restore',
    );
    expect(snapshotMeta(item('a', { savedFrom: 'ann@example.com' }), 'en-GB', 'UTC')).toBe(
      '31 Jan 2025, 9:30 · by ann@example.com',
    );
    expect(snapshotMeta(item('a'), 'en-GB', 'UTC')).toBe('31 Jan 2025, 9:30');
  });

  test('damaged snapshots cannot be compared or restored', () => {
    const list = [item('c'), item('b', { damaged: 'its stored canvas is not valid JSON' }), item('a')];
    expect(usableSnapshots(list).map((s) => s.id)).toEqual(['c', 'a']);
  });

  test('"Compare two snapshots" starts with the newest usable snapshot against the one before it', () => {
    expect(defaultComparePair([item('c'), item('b', { damaged: 'x' }), item('a')])).toEqual({ from: 'a', to: 'c' });
    expect(defaultComparePair([item('b', { damaged: 'x' }), item('a')])).toEqual({ from: 'a', to: '' });
    expect(defaultComparePair([])).toEqual({ from: '', to: '' });
  });

  test('the list from the server is checked before it is shown', () => {
    expect(isSnapshotList([item('a'), item('b', { savedFrom: 'x', canvas: 'Xiaomi Canvas', damaged: 'why' })])).toBe(
      true,
    );
    expect(isSnapshotList([])).toBe(true);
    expect(isSnapshotList(null)).toBe(false);
    expect(isSnapshotList({ id: 'a' })).toBe(false);
    expect(isSnapshotList([{ id: 'a', label: 'x' }])).toBe(false);
    expect(isSnapshotList([{ ...item('a'), damaged: 42 }])).toBe(false);
    expect(isSnapshotList([{ ...item('a'), label: null }])).toBe(false);
  });

  test('row ids do not depend on the snapshot id, which may be any text typed into the sheet', () => {
    expect(snapshotIds.compareRow(3)).toBe('snapshot-3-compare');
    expect(snapshotIds.restoreRow(0)).toBe('snapshot-0-restore');
  });

  test('every call the snapshot and JSON views make has a progress label', () => {
    expect(BUSY_LABELS).toMatchObject({
      savingSnapshot: 'Saving…',
      comparing: 'Comparing…',
      restoring: 'Restoring…',
      exporting: 'Preparing…',
      importing: 'Opening…',
    });
  });
});

describe('sidebar snapshots: the comparison in words', () => {
  const change = (from: number, to: number, extra: Partial<FigureChange> = {}): FigureChange => {
    const diff = diffBlock(
      'revenue-streams',
      { entries: [], figures: [{ label: 'Revenue', value: from, unit: 'CNY bn', period: '2024' }] },
      {
        entries: [],
        figures: [{ label: 'Revenue', value: to, unit: 'CNY bn', period: '2024' }],
      },
    );
    return { ...diff.figuresChanged[0], ...extra };
  };

  test('percentages carry their sign', () => {
    expect(formatPct(12.5, 'en')).toBe('+12.5%');
    expect(formatPct(-3, 'en')).toBe('\u22123%');
    expect(formatPct(0, 'en')).toBe('0%');
    expect(formatPct(1234.5, 'en')).toBe('+1,234.5%');
    expect(formatPct(null)).toBe('');
    expect(formatPct(12.5, 'de')).toBe('+12,5%');
  });

  test('numbers follow the locale and keep their decimals', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(0.000123, 'en')).toBe('0.000123');
    expect(formatNumber(-20, 'en')).toBe('-20');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
  });

  test('a changed figure reads "label: old → new unit (±x%)"', () => {
    expect(figureChangeText(change(200, 225), 'en')).toBe('Revenue: 200 → 225 CNY bn (+12.5%)');
    expect(figureChangeText(change(365.9, 332.6), 'en')).toBe('Revenue: 365.9 → 332.6 CNY bn (\u22129.1%)');
    // From zero there is no percentage.
    expect(figureChangeText(change(0, 5), 'en')).toBe('Revenue: 0 → 5 CNY bn');
  });

  test('a changed unit shows both units and no percentage; other changed fields are named', () => {
    expect(
      figureChangeText(
        change(1, 2, { fromUnit: 'USD bn', unit: 'CNY bn', changePct: null, otherChanges: ['unit'] }),
        'en',
      ),
    ).toBe('Revenue: 1 USD bn → 2 CNY bn');
    const periodOnly: FigureChange = {
      label: 'Revenue',
      from: 5,
      to: 5,
      changePct: 0,
      unit: 'CNY bn',
      otherChanges: ['period', 'note'],
    };
    expect(figureChangeText(periodOnly, 'en')).toBe('Revenue: 5 CNY bn (value unchanged); period, note changed');
  });

  test('entries and added or removed figures', () => {
    expect(entryChangeText({ from: 'Old', to: 'New' })).toBe('Old → New');
    expect(figureText({ label: 'Users', value: 685.8, unit: 'm', period: 'Dec 2024' }, 'en')).toBe(
      'Users: 685.8 m (Dec 2024)',
    );
    expect(figureText({ label: 'Count', value: 3, unit: '', period: '' }, 'en')).toBe('Count: 3');
  });

  test('the summary counts the changed blocks', () => {
    const same = diffBlock('channels', { entries: ['a'], figures: [] }, { entries: ['a'], figures: [] });
    const changed = diffBlock('channels', { entries: ['a'], figures: [] }, { entries: ['b'], figures: [] });
    const nine = (n: number): BlockDiff[] => Array.from({ length: 9 }, (_, i) => (i < n ? changed : same));
    expect(compareSummary(nine(0))).toBe('No changes: both sides hold the same entries and figures.');
    expect(compareSummary(nine(1))).toBe('1 of 9 blocks changed.');
    expect(compareSummary(nine(9))).toBe('9 of 9 blocks changed.');
  });

  test('the heading names both sides', () => {
    const from = item('a', { label: 'Before the EV pivot' });
    expect(compareHeading({ from, to: null }, 'en-GB')).toMatch(
      /^From “Before the EV pivot” \(.+2025.+\) to the current canvas$/,
    );
    expect(compareHeading({ from, to: item('b', { label: 'After' }) }, 'en-GB')).toMatch(
      /^From “Before the EV pivot” \(.+\) to “After” \(.+\)$/,
    );
  });
});

describe('sidebar JSON transfer helpers', () => {
  test('the export file is named after the local date', () => {
    expect(exportFileName(new Date(2025, 0, 31, 23, 59))).toBe('xiaomi-canvas-2025-01-31.json');
    expect(exportFileName(new Date(2024, 11, 1, 0, 0))).toBe('xiaomi-canvas-2024-12-01.json');
  });

  test('sizes in plain words', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(850)).toBe('850 bytes');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(1.3 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
  });

  test('files over 1 MB and empty files are refused before they are read', () => {
    expect(importFileProblem({ name: 'canvas.json', size: IMPORT_MAX_BYTES })).toBeNull();
    expect(importFileProblem({ name: 'big.json', size: IMPORT_MAX_BYTES + 1 })).toBe(
      '“big.json” is too large to import (1.01 MB; the limit is 1 MB). Choose a smaller file.',
    );
    expect(importFileProblem({ name: 'big.json', size: 5 * 1024 * 1024 })).toBe(
      '“big.json” is too large to import (5 MB; the limit is 1 MB). Choose a smaller file.',
    );
    expect(importFileProblem({ name: 'empty.json', size: 0 })).toBe(
      '“empty.json” is empty. Choose a file made with Download canvas file.',
    );
  });

  test('a chosen file is read as UTF-8 text', async () => {
    const text = '{"format":"xiaomi-canvas/1","note":"مرحبا 👋 <b>"}';
    await expect(readFileText(new Blob([text], { type: 'application/json' }))).resolves.toBe(text);
  });
});
