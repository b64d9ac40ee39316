import reportedFile from '../../content/reported-results.json';
import type { CanvasView } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { INSERTED_SHEETS } from '../support/content';

/** "Xiaomi in Numbers" (issue 18): native charts over live tables, on the built bundle. */

const NUMBERS = 'Xiaomi in Numbers';
const REPORTED = 'Reported Results';
const FIGURES = 'Key Figures';
const reported = (reportedFile as { figures: Array<{ metric: string; period: string; value: number; unit: string }> })
  .figures;

function ready() {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  return bundle;
}
type Bundle = ReturnType<typeof ready>;

const charts = (b: Bundle, name = NUMBERS) => b.fake.model().sheets.find((s) => s.name === name)!.charts;

/** The value in the table row whose first cell is `category`, in the column headed `header`. */
function tableValue(b: Bundle, header: string, category: string): unknown {
  const values = b.fake.direct.values(NUMBERS);
  const r = values.findIndex((row) => row.includes(header));
  if (r < 0) throw new Error(`no column ${header}`);
  const c = values[r].indexOf(header);
  let first = c;
  while (first > 0 && values[r][first - 1] !== '') first--;
  for (let k = r + 1; k < values.length && values[k][first] !== ''; k++)
    if (values[k][first] === category) return values[k][c];
  throw new Error(`no row ${category} under ${header}`);
}

const reportedRow = (metric: string, period: string) =>
  reported.findIndex((f) => f.metric === metric && f.period === period) + 2;

describe('Xiaomi in Numbers: charts inserted with the canvas', () => {
  const b = ready();

  test('the sheet comes after Reported Results with four native charts of the specified types and ranges', () => {
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    const list = charts(b);
    expect(list.map((c) => c.type)).toEqual(['COLUMN', 'BAR', 'COLUMN', 'COLUMN']);
    expect(list.map((c) => c.ranges.map((r) => `${r.sheet}!${r.a1}`))).toEqual([
      [`${NUMBERS}!A31:E42`],
      [expect.stringMatching(new RegExp(`^${NUMBERS}!A45:C\\d+$`))],
      [`${NUMBERS}!G31:H37`],
      [`${NUMBERS}!J31:K42`],
    ]);
    expect(list[0].options).toMatchObject({
      title: 'Revenue by segment per quarter',
      isStacked: true,
      'hAxis.title': 'Quarter',
      'vAxis.title': 'Revenue (CNY bn)',
      'legend.position': 'bottom',
    });
    expect(list[1].options).toMatchObject({ isStacked: false, 'hAxis.title': 'USD bn at the sheet’s rate' });
    expect(list[2].options).toMatchObject({ title: 'EV deliveries per quarter', 'vAxis.title': 'Vehicles delivered' });
    for (const chart of list) expect(chart.numHeaders).toBe(1);
  });

  test('charts do not overlap and fit a 1280 × 800 window two by two (100 px columns, 21 px rows)', () => {
    const boxes = charts(b).map((c) => {
      const x = (c.anchorColumn - 1) * 100 + c.offsetX;
      const y = (c.anchorRow - 1) * 21 + c.offsetY;
      return { x, y, right: x + Number(c.options.width), bottom: y + Number(c.options.height) };
    });
    for (const box of boxes) {
      expect(box.right).toBeLessThanOrEqual(1280 - 50); // row headers and scroll bar
      expect(box.bottom).toBeLessThanOrEqual(800 - 180); // menus, toolbar, formula bar and tabs
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i], boxes[j]];
        const apart = p.right <= q.x || q.right <= p.x || p.bottom <= q.y || q.bottom <= p.y;
        expect(apart).toBe(true);
      }
  });

  test('a source line naming Reported Results sits under each chart', () => {
    const values = b.fake.direct.values(NUMBERS);
    for (const [r, c] of [
      [14, 0],
      [14, 6],
      [28, 0],
      [28, 6],
    ])
      expect(String(values[r][c])).toMatch(/^Source: (Reported Results|Key Figures .*Reported Results)/);
  });

  test('the tables hold the reported values, and a quarter without a sourced figure stays empty', () => {
    expect(tableValue(b, 'Smartphones (CNY bn)', 'Q3 2025')).toBe(46);
    expect(tableValue(b, 'Smart EV and other new initiatives (CNY bn)', 'Q3 2025')).toBe(29);
    expect(tableValue(b, 'EV deliveries (vehicles)', 'Q3 2025')).toBe(108796);
    expect(tableValue(b, 'Smart EV and other new initiatives (CNY bn)', 'Q1 2023')).toBe('');
    const errors = b.fake.direct
      .values(NUMBERS)
      .flat()
      .filter((v) => typeof v === 'string' && v.startsWith('#'));
    expect(errors).toEqual([]);
  });
});

describe('The charts follow edits live, with no script', () => {
  test('editing a reported value changes the chart’s data cell', () => {
    const b = ready();
    b.fake.direct.setCell(REPORTED, `C${reportedRow('ev-deliveries', 'Q3 2025')}`, 100000);
    expect(tableValue(b, 'EV deliveries (vehicles)', 'Q3 2025')).toBe(100000);
    b.fake.direct.setCell(REPORTED, `C${reportedRow('smartphone-revenue', 'Q3 2025')}`, 'n/a');
    expect(tableValue(b, 'Smartphones (CNY bn)', 'Q3 2025')).toBe('');
  });

  test('the template-against-reported bars are in USD bn at the sheet’s rate and follow it', () => {
    const b = ready();
    const values = b.fake.direct.values(NUMBERS);
    const header = values.findIndex((row) => row[1] === 'Template (USD bn)');
    const before = values[header + 1].slice(1, 3) as number[];
    expect(before.every((v) => typeof v === 'number')).toBe(true);
    const rate = b.fake.spreadsheet.getRangeByName('XiaomiCanvas_Rate')!.getA1Notation();
    b.fake.direct.setCell(FIGURES, rate, 0.28);
    const after = b.fake.direct.values(NUMBERS)[header + 1].slice(1, 3) as number[];
    // a CNY figure doubles in USD with the rate; its reported value too
    expect(after[1]).toBeCloseTo(before[1] * 2, 6);
  });
});

describe('A save that moves Key Figures’ rows keeps the template-against-reported table on its figures', () => {
  /** The table's rows as shown: label (period), template and reported in USD bn. */
  const templateTable = (b: Bundle) => {
    const values = b.fake.direct.values(NUMBERS);
    const header = values.findIndex((row) => row[1] === 'Template (USD bn)');
    const rows: unknown[][] = [];
    for (let r = header + 1; r < values.length && values[r][0] !== ''; r++) rows.push(values[r].slice(0, 3));
    return { header, rows };
  };
  const save = (b: Bundle, id: string, figures: (f: CanvasView['blocks'][number]['figures']) => unknown[]) => {
    const view = b.call<CanvasView>('getCanvas');
    const block = view.blocks.find((x) => x.id === id)!;
    b.fake.resetStats();
    b.call('saveBlock', {
      canvasId: view.canvasId,
      blockId: id,
      version: block.version,
      entries: block.entries,
      figures: figures(block.figures),
    });
    return b.fake.stats;
  };

  test('a figure added first in the first block: every row still shows its figure, within two round trips', () => {
    const b = ready();
    const before = templateTable(b);
    expect(before.rows.length).toBeGreaterThan(5);
    const stats = save(b, 'key-partners', (figures) => [
      { label: 'Chip design partners', value: 3, unit: 'CNY bn', period: '2024' },
      ...figures,
    ]);
    expect(stats.roundTrips).toBeLessThanOrEqual(2);
    expect(templateTable(b)).toEqual(before);
    // and the rows read Key Figures where the figures are now (the first figure row moved down by one)
    const formulas = b.fake.direct.formulas(NUMBERS)[before.header + 1];
    const row = Number(/!\$B\$(\d+)&/.exec(String(formulas[0]))![1]);
    expect(b.fake.direct.values(FIGURES)[row - 1][1]).toBe(String(before.rows[0][0]).replace(/ \([^)]*\)$/, ''));
  });

  test('a figure removed: its row is emptied, the others keep their figures; Refresh rebuilds the table', () => {
    const b = ready();
    const before = templateTable(b);
    const view = b.call<CanvasView>('getCanvas');
    const first = String(before.rows[0][0]);
    const owner = view.blocks.find((x) => x.figures.some((f) => `${f.label} (${f.period})` === first))!;
    const gone = owner.figures.findIndex((f) => `${f.label} (${f.period})` === first);
    save(b, owner.id, (figures) => figures.filter((_, i) => i !== gone));
    const after = templateTable(b);
    expect(after.header).toBe(before.header);
    const shown = b.fake.direct.values(NUMBERS)[before.header + 1].slice(0, 3);
    expect(shown).toEqual(['', '', '']);
    expect(after.rows).toEqual([]);
    const rest = b.fake.direct.values(NUMBERS).slice(before.header + 2, before.header + 1 + before.rows.length);
    expect(rest.map((row) => row.slice(0, 3))).toEqual(before.rows.slice(1));

    b.call('refreshKeyFigures');
    const rebuilt = templateTable(b);
    // the template states some label and period twice (in different blocks): only the removed one goes
    expect(rebuilt.rows).toEqual(before.rows.slice(1));
  });
});

describe('Refresh rebuilds the charts and tables, never duplicating them', () => {
  test('deleted and damaged charts come back; a second Refresh changes nothing', () => {
    const b = ready();
    const sheet = b.fake.spreadsheet.getSheetByName(NUMBERS)!;
    const [first, second] = sheet.getCharts();
    sheet.removeChart(first);
    sheet.updateChart(second.modify().clearRanges().build());
    b.fake.direct.setCell(NUMBERS, 'B32', 'typed over');
    b.call('refreshKeyFigures');
    expect(charts(b).map((c) => c.options.title)).toEqual([
      'Revenue by segment per quarter',
      'The template’s figures against Xiaomi’s reported ones',
      'EV deliveries per quarter',
      'Smartphone shipments per quarter',
    ]);
    expect(b.fake.direct.formulas(NUMBERS)[31][1]).toMatch(/^=/);
    const once = charts(b);
    b.call('refreshKeyFigures');
    expect(charts(b)).toHaveLength(4);
    expect(charts(b).map((c) => c.ranges)).toEqual(once.map((c) => c.ranges));
  });

  test('a deleted numbers sheet is recreated after Reported Results; a user’s own chart elsewhere is kept', () => {
    const b = ready();
    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(NUMBERS)!);
    b.call('refreshKeyFigures');
    // (right after Reported Results: the Assumptions list Insert added stays where it was)
    expect(b.fake.direct.sheetNames().slice(-3)).toEqual([REPORTED, NUMBERS, 'Assumptions']);
    expect(charts(b)).toHaveLength(4);
    const sheet = b.fake.spreadsheet.getSheetByName(NUMBERS)!;
    sheet.insertChart(
      sheet.newChart().setChartType(b.fake.globals.Charts.ChartType.LINE).addRange(sheet.getRange('Q1:R5')).build(),
    );
    b.call('refreshKeyFigures');
    expect(charts(b)).toHaveLength(5);
  });

  test('a second canvas gets its own numbers sheet, reading its own Key Figures and Reported Results', () => {
    const b = ready();
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    expect(b.fake.direct.sheetNames()).toContain(`${NUMBERS} (2)`);
    expect(b.fake.direct.formulas(`${NUMBERS} (2)`)[31][1]).toContain("'Reported Results (2)'!");
    expect(charts(b, `${NUMBERS} (2)`)).toHaveLength(4);
  });
});
