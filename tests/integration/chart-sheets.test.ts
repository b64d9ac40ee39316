import { createFakeGoogle } from '../../emulator';
import type { BlockView, CanvasView } from '../../src/core/view';
import { loadBundle, sidebarFile } from '../support/bundle';
import { thrown } from '../support/thrown';

/** Sheets of every type (issue 17, item 3): a chart moved to its own sheet (type OBJECT) breaks nothing. */

function withChartSheet(active: boolean, insertFirst = true) {
  const b = loadBundle({ fake: createFakeGoogle({ files: { Sidebar: sidebarFile() } }) });
  if (insertFirst) b.call('insertXiaomiCanvas');
  b.fake.direct.addChartSheet('Revenue chart', { index: 0, active });
  return b;
}

describe.each([true, false])('A chart sheet (active: %s)', (active) => {
  test('the in-memory Sheets models it: getType is OBJECT, cell methods throw', () => {
    const b = withChartSheet(active);
    const chart = b.fake.spreadsheet.getSheetByName('Revenue chart')!;
    expect(String(chart.getType())).toBe('OBJECT');
    expect(thrown(() => chart.getMaxColumns())).toMatch(/type OBJECT/);
    expect(thrown(() => chart.getRange(1, 1))).toMatch(/type OBJECT/);
  });

  test('every menu item and sidebar call works', () => {
    const b = withChartSheet(active);
    const view = b.call<CanvasView>('getCanvas');
    expect(view.blocks).toHaveLength(9);
    const block = b.call<BlockView>('getBlock', { blockId: 'channels' });
    const saved = b.call<BlockView>('saveBlock', {
      blockId: block.id,
      version: block.version,
      entries: [...block.entries, 'Pop-up stores'],
      figures: block.figures,
    });
    expect(saved.entries.at(-1)).toBe('Pop-up stores');
    b.call('resetBlock', { blockId: 'channels', version: saved.version });
    b.call('getFitChecks', {});
    b.call('saveSnapshot', { label: 'with a chart sheet' });
    expect(b.call<unknown[]>('listSnapshots', {})).toHaveLength(1);
    expect(JSON.parse(b.call<string>('exportCanvasJson'))).toHaveProperty('format');
    if (active) b.fake.spreadsheet.getSheetByName('Revenue chart')!.activate();
    b.call('showCanvasSidebar');
    b.call('refreshKeyFigures');
    b.call('showAbout');
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    expect(b.fake.ui.alerts.filter((a) => /error|wrong|not supported/i.test(JSON.stringify(a)))).toEqual([]);
    expect(b.call<CanvasView>('getCanvas').canvases).toHaveLength(2);
  });

  test('with the named ranges removed (the canvas is found by scanning sheets), the chart sheet is skipped', () => {
    const b = withChartSheet(active);
    for (const named of b.fake.spreadsheet.getNamedRanges()) named.remove();
    expect(b.call<CanvasView>('getCanvas').blocks).toHaveLength(9);
    b.call('refreshKeyFigures');
    expect(b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Canvas')).not.toBeNull();
  });

  test('Insert into a spreadsheet whose only other sheet is a chart sheet', () => {
    const b = withChartSheet(active, false);
    b.call('insertXiaomiCanvas');
    expect(b.call<CanvasView>('getCanvas').blocks).toHaveLength(9);
  });
});
