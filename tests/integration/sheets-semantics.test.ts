/**
 * Issue 9: correct on real Google Sheets, not only on our model of it. Runs under the fake's strict reading
 * (default) and its lenient one (npm run test:lenient); both must give the same correct result.
 */
import type { BlockId } from '../../src/core/block-ids';
import type { BlockView, Figure } from '../../src/core/view';
import { createFakeGoogle } from '../../emulator';
import { defaultReading, isTextFormat } from '../../emulator/document';
import { CANVAS, DETAILS, FIGURES, entryCell, figureRow, withCanvas, type Canvas } from '../adversarial/harness';
import { loadBundle, sidebarFile } from '../support/bundle';

const TRICKY = [
  "'quoted'",
  '2024',
  '=1+1',
  '+1',
  '-abc',
  '1/2',
  'TRUE',
  '12%',
  '$5',
  '😀 emoji',
  '小米生态链',
  'مرحبا بالعالم',
  "''",
  '• bullet typed by hand',
];

function save(c: Canvas, block: BlockView, change: Partial<Pick<BlockView, 'entries' | 'figures'>>): BlockView {
  return c.call<BlockView>('saveBlock', {
    blockId: block.id,
    version: block.version,
    entries: change.entries ?? block.entries,
    figures: change.figures ?? block.figures,
  });
}

const trickyFigures: Figure[] = TRICKY.slice(0, 10).map((text, i) => ({
  label: text,
  value: i + 0.5,
  unit: text,
  period: text,
  note: text,
  metric: text,
}));

describe('Saves round-trip: the version a save returns is what the next read computes', () => {
  test('entries and figures full of text Sheets would reinterpret come back exactly, save after save, never a conflict', () => {
    const c = withCanvas();
    let block = c.block('channels');
    for (let round = 1; round <= 4; round++) {
      const entries = [...TRICKY, `round ${round}`];
      const figures = trickyFigures.map((f) => ({ ...f, value: f.value + round }));
      const saved = save(c, block, { entries, figures });
      expect(saved.entries).toEqual(entries.map((e) => e.replace(/^•\s+/, '')));
      expect(saved.figures).toEqual(figures);
      // what the next read computes, to the version
      expect(c.block('channels')).toEqual(saved);
      block = saved;
    }
    // and saving the same content again with the returned version is accepted (and writes nothing)
    expect(save(c, block, {})).toEqual(block);
  });

  test('no text-format cell holds a leading apostrophe after the saves; text that needs one sits in an automatic cell', () => {
    const c = withCanvas();
    const block = c.block('key-partners');
    save(c, block, { entries: TRICKY, figures: trickyFigures });
    for (const sheet of c.fake.model().sheets) {
      for (const cell of sheet.cells) {
        if (typeof cell.value !== 'string' || cell.formula) continue;
        const text = isTextFormat(cell.format.numberFormat);
        // Strict reading keeps whatever was written: an apostrophe here would be one we wrote.
        if (text) expect(`${sheet.name}!${cell.a1} ${cell.value}`).not.toMatch(/!\S+ '/);
      }
    }
    const quoted = c.fake.direct.cell(DETAILS, `F${figureRow(c, 'key-partners', 0)}`);
    expect(quoted.value).toBe("'quoted'");
    expect(isTextFormat(quoted.format.numberFormat)).toBe(false);
  });

  test('saveBlock stays within two round trips (the second reads back what was written)', () => {
    const c = withCanvas();
    const block = c.block('channels');
    const stats = c.fake.countDuring(() => save(c, block, { entries: TRICKY, figures: trickyFigures }));
    expect(stats.roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('What a teammate types into a canvas cell reads back as typed', () => {
  test.each(['2024', '1/2', '12%', '$5', 'TRUE', '+1', '小米'])('typing %s into an entry cell', (typed) => {
    const c = withCanvas();
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 0), typed);
    expect(c.block('channels').entries[0]).toBe(typed);
  });

  test('an apostrophe typed in front is kept (strict) or taken as the documented text marker (lenient)', () => {
    const c = withCanvas();
    c.fake.direct.setCell(CANVAS, entryCell(c, 'channels', 0), "'2024");
    expect(c.block('channels').entries[0]).toBe(defaultReading() === 'strict' ? "'2024" : '2024');
  });
});

describe('Key Figures Conflict compares exactly, in every reading', () => {
  function conflictsAfter(c: Canvas, id: BlockId, figures: Figure[]): Record<string, string> {
    save(c, c.block(id), { figures });
    const values = c.fake.direct.values(FIGURES);
    const out: Record<string, string> = {};
    for (const row of values.slice(1))
      if (row[0] !== '' && figures.some((f) => f.label === row[1])) out[String(row[1])] = String(row[7]);
    return out;
  }

  test('a numeric-looking period ("2024") and metrics with * ? ~ < > = are compared as text, exactly', () => {
    const c = withCanvas();
    const figures: Figure[] = [
      { label: 'A', value: 10, unit: 'USD bn', period: '2024', metric: 'm' },
      { label: 'B', value: 50, unit: 'USD bn', period: '2024', metric: 'm' },
      { label: 'C', value: 10, unit: 'USD bn', period: '2024', metric: 'zz*' },
      { label: 'D', value: 99, unit: 'USD bn', period: '2024', metric: 'zz-spend' },
      { label: 'E', value: 10, unit: 'USD bn', period: '2024', metric: '<5' },
      { label: 'F', value: 10, unit: 'USD bn', period: '=2024', metric: 'm' },
    ];
    expect(conflictsAfter(c, 'cost-structure', figures)).toEqual({
      A: '⚠ Conflict',
      B: '⚠ Conflict',
      C: '',
      D: '',
      E: '',
      F: '',
    });
  });
});

describe("The review's other findings", () => {
  test('the document lock is released only after SpreadsheetApp.flush()', () => {
    const c = withCanvas();
    const trace = c.fake.startTrace();
    save(c, c.block('channels'), { entries: ['flushed'] });
    c.fake.stopTrace();
    const methods = trace.map((t) => t.method);
    const flush = methods.lastIndexOf('SpreadsheetApp.flush');
    const release = methods.findIndex((m) => /releaseLock/.test(m));
    expect(flush).toBeGreaterThan(-1);
    expect(release === -1 || flush < release).toBe(true);
    expect(methods.slice(flush + 1).filter((m) => !/Lock/.test(m))).toEqual([]);
  });

  test('Refresh Key Figures moves existing names with NamedRange.setRange instead of re-creating them', () => {
    const c = withCanvas();
    c.fake.spreadsheet.getSheetByName(DETAILS)!.insertRowsBefore(3, 2);
    c.fake.resetStats();
    c.call('refreshKeyFigures');
    expect(c.fake.stats.byMethod['NamedRange.setRange']).toBeGreaterThan(10);
    expect(c.fake.stats.byMethod['Spreadsheet.setNamedRange'] ?? 0).toBe(0);
    expect(c.fake.stats.byMethod['RangeList.getRanges'] ?? 0).toBe(0);
    const names = c.fake.direct.namedRanges();
    expect(names.filter((n) => n.valid && n.sheet === DETAILS).length).toBe(9);
  });

  test('a new sheet smaller than 1000 × 26 is grown, not assumed: the whole canvas is inserted', () => {
    const fake = createFakeGoogle({ files: { Sidebar: sidebarFile() }, newSheetSize: { rows: 40, columns: 5 } });
    const b = loadBundle({ fake });
    b.call('insertXiaomiCanvas');
    const view = b.call<{ blocks: BlockView[] }>('getCanvas');
    expect(view.blocks).toHaveLength(9);
    expect(view.blocks.every((block) => block.entries.length > 0)).toBe(true);
    expect(fake.direct.values(FIGURES).length).toBeGreaterThan(40);
    // Every sheet, Reported Results included (its table is taller and wider than the new sheet), and no error.
    expect(fake.ui.alerts.filter((a) => /error|could not|went wrong/i.test(a.prompt))).toEqual([]);
    const reported = fake.direct.values('Reported Results');
    expect(reported.length).toBeGreaterThan(40);
    expect(reported[0].slice(0, 7)).toEqual(['Metric', 'Period', 'Value', 'Unit', 'Source', 'Published', 'Statement']);
  });

  test('sheet-name collisions are found whatever the case', () => {
    const fake = createFakeGoogle({ files: { Sidebar: sidebarFile() } });
    fake.direct.uncounted(() => fake.spreadsheet.insertSheet('key figures'));
    const b = loadBundle({ fake });
    b.call('insertXiaomiCanvas');
    expect(fake.direct.sheetNames()).toEqual(
      expect.arrayContaining(['key figures', 'Xiaomi Canvas (2)', 'Xiaomi Details (2)', 'Key Figures (2)']),
    );
    expect(fake.ui.alerts.filter((a) => /error|could not/i.test(a.prompt))).toEqual([]);
  });

  test("a date typed into a cell that is not plain text reads as its day in the spreadsheet's time zone", () => {
    const fake = createFakeGoogle({ files: { Sidebar: sidebarFile() }, timeZone: 'Pacific/Kiritimati' });
    const b = loadBundle({ fake });
    b.call('insertXiaomiCanvas');
    const c = {
      ...b,
      view: () => b.call('getCanvas'),
      block: () => undefined,
      state: () => undefined,
    } as unknown as Canvas;
    const a1 = entryCell(c, 'channels', 0);
    fake.direct.uncounted(() =>
      fake.spreadsheet.getSheetByName(CANVAS)!.getRange(a1).setNumberFormat('0.###############'),
    );
    fake.direct.setCell(CANVAS, a1, '2024-01-05');
    const channels = b.call<{ blocks: BlockView[] }>('getCanvas').blocks.find((x) => x.id === 'channels')!;
    expect(channels.entries[0]).toBe('2024-01-05');
  });
});
