import type { BlockView, FigureView } from '../../src/core/view';
import {
  differingCount,
  differingText,
  differingGap,
  formatDifference,
  reportedLine,
} from '../../src/sidebar/reported';

const revenue: FigureView = {
  label: 'Total revenue',
  value: 35,
  unit: 'USD bn',
  period: '2024',
  metric: 'total-revenue',
  reported: {
    value: 51.22689,
    unit: 'USD bn',
    period: '2024',
    source: 'Xiaomi Corporation annual results announcement for the year ended December 31, 2024 (2025-03-18)',
    vsReported: 35 / 51.22689 - 1,
    differs: true,
  },
};
const share: FigureView = { label: 'Share', value: 70, unit: '%', period: '2024', metric: 'android-os-share' };
const block: BlockView = {
  id: 'key-partners',
  title: 'Key Partners',
  version: 'v',
  entries: ['a'],
  figures: [revenue, share],
  links: [[]],
  evidence: [{ status: 'template' as const, source: '', importance: null }],
};

describe('the sidebar words the comparison with reported results', () => {
  test('the editor shows the reported value and the difference, following the value being typed', () => {
    expect(reportedLine({ value: '35', unit: 'USD bn', period: '2024', metric: 'total-revenue' }, block, 'en-US')).toBe(
      'Xiaomi reported 51.23 USD bn (2024) · −31.7 % vs reported',
    );
    expect(
      reportedLine({ value: '51.22689', unit: 'USD bn', period: '2024', metric: 'total-revenue' }, block, 'en-US'),
    ).toBe('Xiaomi reported 51.23 USD bn (2024) · ±0.0 % vs reported');
    expect(
      reportedLine({ value: 'abc', unit: 'USD bn', period: '2024', metric: 'total-revenue' }, block, 'en-US'),
    ).toBe('Xiaomi reported 51.23 USD bn (2024)');
  });

  test('nothing when nothing is reported, or the unit or period was changed in the form', () => {
    expect(reportedLine({ value: '70', unit: '%', period: '2024', metric: 'android-os-share' }, block)).toBeNull();
    expect(reportedLine({ value: '35', unit: 'CNY bn', period: '2024', metric: 'total-revenue' }, block)).toBeNull();
    expect(reportedLine({ value: '35', unit: 'USD bn', period: '2023', metric: 'total-revenue' }, block)).toBeNull();
  });

  test('the block list counts the figures that differ, as information with the size of the gap', () => {
    expect(differingCount(block)).toBe(1);
    expect(differingText(block)).toBe('1 differs from reported');
    expect(differingText({ ...block, figures: [revenue, revenue, share] })).toBe('2 differ from reported');
    expect(differingGap(block, 'en-US')).toBe(', by\u00a0−31.7\u00a0%');
    expect(differingGap({ ...block, figures: [revenue, revenue, share] }, 'en-US')).toBe(', up to\u00a0−31.7\u00a0%');
    expect(differingText({ ...block, figures: [share] })).toBe('');
  });

  test('a lower bound and a point-in-time reported value are said so beside the comparison', () => {
    const mau: FigureView = {
      label: 'MIUI monthly active users',
      value: 600,
      unit: 'million users',
      period: '2024',
      note: 'over',
      metric: 'miui-mau',
      reported: {
        value: 702,
        unit: 'million users',
        period: '2024',
        source: 'Xiaomi Corporation annual results announcement for the year ended December 31, 2024 (2025-03-18)',
        vsReported: 600 / 702 - 1,
        differs: false,
        atLeast: true,
        note: 'Monthly active users in December 2024: a point-in-time value.',
      },
    };
    const withMau = { ...block, figures: [mau] };
    expect(
      reportedLine({ value: '600', unit: 'million users', period: '2024', metric: 'miui-mau' }, withMau, 'en-US'),
    ).toBe(
      'Xiaomi reported 702 million users (2024) · −14.5 % vs reported · Monthly active users in December 2024: a ' +
        'point-in-time value · the figure says “over”, so only a reported value below it differs',
    );
    expect(differingCount(withMau)).toBe(0);
  });

  test('differences carry their sign', () => {
    expect(formatDifference(0.125, 'en-US')).toBe('+12.5 %');
    expect(formatDifference(-0.5, 'en-US')).toBe('−50.0 %');
  });
});
