/**
 * Issue 19: evidence on every entry, through the built bundle: what ships, what a save and a teammate's typing
 * do to it, files and snapshots, the Assumptions sheet, and the fit checks.
 */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../../src/core/block-ids';
import { BLOCK_PLACEMENT, markerColumnOf } from '../../src/core/canvas-layout';
import type { BlockDiff, BlockView, CanvasView, EntryEvidence, FitCheckView } from '../../src/core/view';
import { errorValues, loadBundle, type LoadedBundle } from '../support/bundle';
import { thrown } from '../support/thrown';

const CANVAS = 'Xiaomi Canvas';
const ASSUMPTIONS = 'Assumptions';
const TEMPLATE: EntryEvidence = { status: 'template', source: '', importance: null };
const NEW: EntryEvidence = { status: 'assumption', source: '', importance: null };

function ready() {
  const b = loadBundle();
  b.call('insertXiaomiCanvas');
  const canvas = (canvasId?: string) => b.call<CanvasView>('getCanvas', ...(canvasId ? [{ canvasId }] : []));
  const block = (id: BlockId, canvasId?: string) => canvas(canvasId).blocks.find((x) => x.id === id)!;
  return { ...b, canvas, block };
}

/** The A1 cell of a block's entry `index` (entries sit under the title and its question). */
function entryCell(b: LoadedBundle, id: BlockId, index: number, sheet = CANVAS): string {
  const values = b.fake.direct.values(sheet);
  for (let r = 0; r < values.length; r++) {
    const c = values[r].indexOf(BLOCK_TITLES[id]);
    if (c > 0) return `${String.fromCharCode(65 + c)}${r + 3 + index}`;
  }
  throw new Error('no title');
}

/** The A1 cell of the marker beside a block's entry `index`: its evidence symbol, then its segment numbers. */
function markerCell(b: LoadedBundle, id: BlockId, index: number): string {
  const row = entryCell(b, id, index).slice(1);
  return `${String.fromCharCode(64 + markerColumnOf(BLOCK_PLACEMENT[id]))}${row}`;
}

const SYMBOLS: Record<EntryEvidence['status'], string> = {
  reported: '✓',
  contradicted: '✗',
  template: '◆',
  assumption: '?',
};

const save = (view: BlockView, changes: Partial<Pick<BlockView, 'entries' | 'evidence'>> = {}) => ({
  blockId: view.id,
  version: view.version,
  entries: changes.entries ?? view.entries,
  figures: view.figures,
  ...(changes.evidence ? { evidence: changes.evidence } : {}),
});

describe('shipped honest', () => {
  test('entries Xiaomi reported are "reported" with their Reported Results source; every other entry is a template claim', () => {
    const b = ready();
    const revenue = b.block('revenue-streams');
    expect(revenue.evidence).toHaveLength(revenue.entries.length);
    expect(revenue.evidence[revenue.entries.indexOf('Smartphone sales')]).toEqual({
      status: 'reported',
      source: 'Reported Results: smartphone-revenue, 2024',
      importance: null,
    });
    expect(revenue.evidence[revenue.entries.indexOf('Gaming & online content')]).toEqual(TEMPLATE);
    const all = b.canvas().blocks.flatMap((x) => x.evidence);
    expect(all.every((e) => e.status === 'reported' || e.status === 'template')).toBe(true);
    expect(all.filter((e) => e.status === 'reported').length).toBeGreaterThanOrEqual(5);
  });
});

describe('saveBlock with evidence', () => {
  test('sets status, source and importance; the next read and the version agree', () => {
    const b = ready();
    const view = b.block('channels');
    const evidence = view.evidence.map((e, i) =>
      i === 0 ? { status: 'assumption' as const, source: '', importance: 'high' as const } : e,
    );
    const saved = b.call<BlockView>('saveBlock', save(view, { evidence }));
    expect(saved.evidence).toEqual(evidence);
    expect(b.block('channels')).toEqual(saved);
    expect(saved.version).not.toBe(view.version);
  });

  test('invalid evidence: one line, nothing written', () => {
    const b = ready();
    const view = b.block('channels');
    const before = b.fake.direct.documentState();
    const bad = view.evidence.map((e, i) => (i === 1 ? { ...e, status: 'reported' as const, source: '' } : e));
    expect(thrown(() => b.call('saveBlock', save(view, { evidence: bad })))).toMatch(
      /^Invalid save request: evidence\[1\]\.source must name its source/,
    );
    expect(thrown(() => b.call('saveBlock', save(view, { evidence: view.evidence.slice(1) })))).toBe(
      'Invalid save request: evidence must have one item per entry.',
    );
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('without evidence each entry keeps its own through moves and deletes; a new entry is an assumption', () => {
    const b = ready();
    const view = b.block('revenue-streams');
    const kept = view.entries.filter((e) => e !== 'Gaming & online content').reverse();
    const saved = b.call<BlockView>('saveBlock', save(view, { entries: ['Car insurance', ...kept] }));
    expect(saved.evidence[0]).toEqual(NEW);
    kept.forEach((text, i) => expect(saved.evidence[i + 1]).toEqual(view.evidence[view.entries.indexOf(text)]));
    expect(b.block('revenue-streams').evidence).toEqual(saved.evidence);
  });
});

describe('visible to everyone: evidence beside every entry on the canvas sheet', () => {
  test('each marker starts with its entry’s evidence symbol in its colour, then the segment numbers; a legend near the top explains the symbols', () => {
    const b = ready();
    const colours = new Map<string, string>();
    for (const id of BLOCK_IDS)
      b.block(id).evidence.forEach((e, i) => {
        const cell = b.fake.direct.cell(CANVAS, markerCell(b, id, i));
        const text = String(cell.value);
        expect([id, i, text[0]]).toEqual([id, i, SYMBOLS[e.status]]);
        expect(text.length === 1 || text[1] === ' ').toBe(true);
        // the symbol is its own bold run (Customer Segments: all of its chip in white on the segment's colour)
        if (id === 'customer-segments')
          expect(cell.runs).toEqual([{ start: 0, end: text.length, foregroundColor: '#ffffff', bold: true }]);
        else {
          expect(cell.runs[0]).toMatchObject({ start: 0, end: 1, bold: true });
          colours.set(text[0], cell.runs[0].foregroundColor!);
        }
      });
    // shipped: reported and template entries, each status its own colour
    expect([...colours.keys()].sort()).toEqual(['◆', '✓']);
    const legend = b.fake.direct.cell(CANVAS, 'F1');
    expect(legend.value).toBe('✓ reported by Xiaomi ✗ contradicted ◆ template ? team assumption');
    const legendColours = new Map(
      legend.runs.map((r) => [String(legend.value).slice(r.start, r.end), r.foregroundColor]),
    );
    expect([...legendColours.keys()].sort()).toEqual(['?', '◆', '✓', '✗']);
    for (const [symbol, colour] of colours) expect(legendColours.get(symbol)).toBe(colour);
    expect(new Set(legendColours.values()).size).toBe(4);
    expect(legend.format.fontSize).toBeGreaterThanOrEqual(9);
  });

  test('a symbol a teammate types into a marker is read back as the new status (source and importance stay); an unknown one changes nothing', () => {
    const b = ready();
    const view = b.block('revenue-streams');
    const gaming = view.entries.indexOf('Gaming & online content');
    const phones = view.entries.indexOf('Smartphone sales');
    const other = view.entries.findIndex((e, i) => i !== gaming && view.evidence[i].status === 'template');
    b.fake.direct.setCell(CANVAS, markerCell(b, 'revenue-streams', gaming), '?');
    b.fake.direct.setCell(CANVAS, markerCell(b, 'revenue-streams', phones), '✗');
    b.fake.direct.setCell(CANVAS, markerCell(b, 'revenue-streams', other), '! 2');
    const now = b.block('revenue-streams');
    expect(now.evidence[gaming]).toEqual(NEW);
    expect(now.evidence[phones]).toEqual({ ...view.evidence[phones], status: 'contradicted' });
    expect(now.evidence[other]).toEqual(view.evidence[other]);
    expect(now.version).not.toBe(view.version);
    // the next save (of any block) repaints the markers with the symbols, and keeps the new statuses
    b.call('saveBlock', save(b.block('channels'), { entries: [...b.block('channels').entries, 'Pop-up stores'] }));
    const marker = (i: number) => String(b.fake.direct.cell(CANVAS, markerCell(b, 'revenue-streams', i)).value);
    expect([marker(gaming)[0], marker(phones)[0], marker(other)[0]]).toEqual(['?', '✗', '◆']);
    expect(b.block('revenue-streams').evidence).toEqual(now.evidence);
  });

  test('a hand-typed ✓ marks an entry reported; the sidebar then asks for its source before saving its evidence', () => {
    const b = ready();
    const view = b.block('revenue-streams');
    const gaming = view.entries.indexOf('Gaming & online content');
    b.fake.direct.setCell(CANVAS, markerCell(b, 'revenue-streams', gaming), '✓');
    const now = b.block('revenue-streams');
    expect(now.evidence[gaming]).toEqual({ status: 'reported', source: '', importance: null });
    // saving without evidence keeps it; saving it back without a source is refused in one line
    const saved = b.call<BlockView>('saveBlock', save(now, { entries: [...now.entries, 'Smart TVs'] }));
    expect(saved.evidence[gaming].status).toBe('reported');
    expect(thrown(() => b.call('saveBlock', save(saved, { evidence: saved.evidence })))).toMatch(
      /must name its source/,
    );
  });

  test('a canvas from before the symbols (numbers only beside entries) reads the same; the next save adds them', () => {
    const b = ready();
    const before = b.canvas();
    const cells = BLOCK_IDS.flatMap((id) =>
      before.blocks.find((x) => x.id === id)!.entries.map((_, i) => markerCell(b, id, i)),
    );
    for (const a1 of cells) {
      const text = String(b.fake.direct.cell(CANVAS, a1).value);
      b.fake.direct.setCell(CANVAS, a1, text.replace(/^[✓✗◆?] ?/, '') || null);
    }
    expect(cells.some((a1) => /^\d/.test(String(b.fake.direct.cell(CANVAS, a1).value)))).toBe(true);
    expect(b.canvas()).toEqual(before);
    const view = b.block('key-partners');
    b.call('saveBlock', save(view, { entries: [...view.entries, 'Chip design partners'] }));
    for (const a1 of cells) expect(String(b.fake.direct.cell(CANVAS, a1).value)).toMatch(/^[✓✗◆?]( \d+)*$/);
  });

  test('a canvas from before evidence showed gets the legend beside its title with its first symbols', () => {
    const b = ready();
    const legend = b.fake.direct.cell(CANVAS, 'F1');
    b.fake.direct.setCell(CANVAS, 'F1', null);
    for (const id of BLOCK_IDS)
      b.block(id).entries.forEach((_, i) => {
        const a1 = markerCell(b, id, i);
        b.fake.direct.setCell(
          CANVAS,
          a1,
          String(b.fake.direct.cell(CANVAS, a1).value).replace(/^[✓✗◆?] ?/, '') || null,
        );
      });
    const view = b.block('channels');
    b.call('saveBlock', save(view, { entries: [...view.entries, 'Pop-up stores'] }));
    const after = b.fake.direct.cell(CANVAS, 'F1');
    expect([after.value, after.runs, after.format.fontSize, after.format.fontColor]).toEqual([
      legend.value,
      legend.runs,
      legend.format.fontSize,
      legend.format.fontColor,
    ]);
    // once: the next save writes nothing there
    const stats = b.fake.countDuring(() =>
      b.call('saveBlock', save(b.block('channels'), { entries: [...b.block('channels').entries, 'Kiosks'] })),
    );
    expect(stats.byMethod['Range.setRichTextValues'] ?? 0).toBeLessThanOrEqual(1);
  });
});

describe("a teammate's typing, row inserts and merges", () => {
  test('typing over an entry keeps its evidence; a new entry typed on a blank row is an assumption', () => {
    const b = ready();
    const view = b.block('revenue-streams');
    b.fake.direct.setCell(CANVAS, entryCell(b, 'revenue-streams', 0), 'Smartphones (incl. premium models)');
    b.fake.direct.setCell(CANVAS, entryCell(b, 'revenue-streams', view.entries.length), 'Teammate idea');
    const now = b.block('revenue-streams');
    expect(now.entries[0]).toBe('Smartphones (incl. premium models)');
    expect(now.evidence[0]).toEqual(view.evidence[0]);
    expect(now.evidence.at(-1)).toEqual(NEW);
    // the typed-over entry still shows its symbol; the teammate's new entry gets "?" at the next save
    expect(String(b.fake.direct.cell(CANVAS, markerCell(b, 'revenue-streams', 0)).value)[0]).toBe('✓');
    b.call('saveBlock', save(b.block('channels'), { entries: [...b.block('channels').entries, 'Pop-up stores'] }));
    const last = markerCell(b, 'revenue-streams', view.entries.length);
    expect(String(b.fake.direct.cell(CANVAS, last).value)).toMatch(/^\?/);
  });

  test('rows a teammate inserts above move nothing', () => {
    const b = ready();
    const before = b.block('revenue-streams');
    b.fake.spreadsheet.getSheetByName(CANVAS)!.insertRowsBefore(6, 2);
    expect(b.block('revenue-streams').evidence).toEqual(before.evidence);
  });

  test('their evidence change and my entry edit merge; two different evidence changes to one entry are refused', () => {
    const b = ready();
    const loaded = b.block('channels');
    const theirs = loaded.evidence.map((e, i) => (i === 2 ? { ...e, importance: 'low' as const } : e));
    b.call('saveBlock', save(loaded, { evidence: theirs }));
    const mine = [...loaded.entries];
    mine[0] = 'Mi.com and the Xiaomi Store app';
    const merged = b.call<BlockView>('saveBlock', {
      ...save(loaded, { entries: mine }),
      base: { entries: loaded.entries, figures: loaded.figures, links: loaded.links, evidence: loaded.evidence },
      links: loaded.links,
    });
    expect(merged.merged).toBe(true);
    expect(merged.entries[0]).toBe('Mi.com and the Xiaomi Store app');
    expect(merged.evidence[2].importance).toBe('low');

    const again = b.block('channels');
    const other = again.evidence.map((e, i) => (i === 2 ? { ...e, importance: 'high' as const } : e));
    b.call('saveBlock', save(again, { evidence: other }));
    const conflicting = again.evidence.map((e, i) => (i === 2 ? { ...e, importance: 'medium' as const } : e));
    expect(
      thrown(() =>
        b.call('saveBlock', {
          ...save(again, { evidence: conflicting }),
          base: { entries: again.entries, figures: again.figures, links: again.links, evidence: again.evidence },
        }),
      ),
    ).toMatch(/was changed by someone else/);
  });
});

describe('files and history', () => {
  test('export is xiaomi-canvas/3 with evidence; import brings it back; /2 and /1 files open as template claims', () => {
    const b = ready();
    const view = b.block('channels');
    b.call('saveBlock', save(view, { evidence: view.evidence.map((e) => ({ ...e, importance: 'medium' as const })) }));
    const text = b.call<string>('exportCanvasJson');
    const file = JSON.parse(text) as { format: string; blocks: Array<Record<string, unknown>> };
    expect(file.format).toBe('xiaomi-canvas/3');
    const imported = b.call<CanvasView>('importCanvasJson', text);
    expect(imported.blocks.map((x) => x.evidence)).toEqual(b.canvas().blocks.map((x) => x.evidence));
    expect(b.canvas(imported.canvasId).blocks.map((x) => x.evidence)).toEqual(imported.blocks.map((x) => x.evidence));

    for (const format of ['xiaomi-canvas/2', 'xiaomi-canvas/1']) {
      const old = { ...file, format, blocks: file.blocks.map(({ evidence: _e, ...rest }) => rest) };
      if (format.endsWith('1')) old.blocks = old.blocks.map(({ links: _l, segmentIds: _s, ...rest }) => rest);
      const opened = b.call<CanvasView>('importCanvasJson', JSON.stringify(old));
      expect(
        b
          .canvas(opened.canvasId)
          .blocks.flatMap((x) => x.evidence)
          .every((e) => e.status === 'template'),
      ).toBe(true);
    }
  });

  test('a snapshot stores evidence, Compare reports its changes, restore brings it back', () => {
    const b = ready();
    const snapshot = b.call<{ id: string }>('saveSnapshot', { label: 'before rating' });
    const view = b.block('key-partners');
    const rated = view.evidence.map((e, i) =>
      i === 0 ? { status: 'assumption' as const, source: '', importance: 'high' as const } : e,
    );
    b.call('saveBlock', save(view, { evidence: rated }));
    const diff = b.call<BlockDiff[]>('compareSnapshots', { from: snapshot.id });
    const partners = diff.find((d) => d.blockId === 'key-partners')!;
    expect(partners.changed).toBe(true);
    expect(partners.evidenceChanged).toEqual([{ entry: view.entries[0], from: view.evidence[0], to: rated[0] }]);
    expect(diff.filter((d) => d.changed)).toHaveLength(1);
    const restored = b.call<CanvasView>('restoreSnapshot', { id: snapshot.id });
    expect(restored.blocks.find((x) => x.id === 'key-partners')!.evidence).toEqual(view.evidence);
    expect(b.block('key-partners').evidence).toEqual(view.evidence);
  });
});

describe('the Assumptions sheet', () => {
  const table = (b: LoadedBundle) =>
    b.fake.direct
      .values(ASSUMPTIONS)
      .slice(8)
      .filter((row) => row[0] !== '');

  test('Insert creates it: every entry that is not reported, live from the canvas, with a four-box count', () => {
    const b = ready();
    expect(b.fake.direct.sheetNames().slice(-2)).toEqual(['Xiaomi in Numbers', ASSUMPTIONS]);
    expect(b.fake.direct.activeSheetName()).toBe(CANVAS);
    const all = BLOCK_IDS.flatMap((id) => b.block(id).evidence);
    const rows = table(b);
    expect(rows).toHaveLength(all.filter((e) => e.status !== 'reported').length);
    expect(b.fake.direct.values(ASSUMPTIONS)[7]).toEqual(['Block', 'Entry', 'Status', 'Importance', 'Source']);
    expect(rows[0].slice(0, 4)).toEqual([
      'Key Partners',
      'Qualcomm & MediaTek chipsets',
      'Template claim',
      'Not rated',
    ]);
    expect(errorValues(b, ASSUMPTIONS)).toEqual([]);
    // the four-box: nothing rated high yet; every listed entry is weak evidence
    const box = () =>
      b.fake.direct
        .values(ASSUMPTIONS)
        .slice(4, 6)
        .map((row) => row.slice(1, 3));
    expect(box()).toEqual([
      [0, 0],
      [0, rows.length],
    ]);
    // Refresh rebuilds the same list
    b.call('refreshKeyFigures');
    expect(table(b)).toEqual(rows);
    // a teammate types into an entry: the list follows, no script
    b.fake.direct.setCell(CANVAS, entryCell(b, 'key-partners', 0), 'Qualcomm chipsets');
    expect(table(b)[0][1]).toBe('Qualcomm chipsets');
    // ... and changes its marker by hand: its status and the counts follow, no script
    b.fake.direct.setCell(CANVAS, markerCell(b, 'key-partners', 0), '✗');
    expect(table(b)[0][2]).toBe('Contradicted by Xiaomi');
    expect(box()).toEqual([
      [0, 0],
      [1, rows.length - 1],
    ]);
    b.fake.direct.setCell(CANVAS, markerCell(b, 'key-partners', 0), '✓ 1');
    expect(table(b)[0][2]).toBe('Reported by Xiaomi');
    expect(box()).toEqual([
      [0, 0],
      [0, rows.length - 1],
    ]);
    // an unknown symbol: the status the list was built with
    b.fake.direct.setCell(CANVAS, markerCell(b, 'key-partners', 0), 'x');
    expect(table(b)[0][2]).toBe('Template claim');
  });

  test('Insert where a deleted canvas left its Assumptions sheet rebuilds that sheet for the new canvas', () => {
    const b = ready();
    for (const name of [CANVAS, 'Xiaomi Details', 'Key Figures', 'Reported Results'])
      b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(name)!);
    b.call('insertXiaomiCanvas');
    expect(b.fake.direct.sheetNames().filter((n) => n.startsWith(ASSUMPTIONS))).toEqual([ASSUMPTIONS]);
    expect(table(b)[0].slice(0, 3)).toEqual(['Key Partners', 'Qualcomm & MediaTek chipsets', 'Template claim']);
    expect(errorValues(b, ASSUMPTIONS)).toEqual([]);
  });

  test('a save re-orders it by importance and keeps formulas pointing at the right cells; Refresh recreates it', () => {
    const b = ready();
    const view = b.block('channels');
    const rated = view.evidence.map((e, i) => (i === 1 ? { ...e, importance: 'high' as const } : e));
    b.call('saveBlock', save(view, { entries: [...view.entries, 'WeChat mini-program'], evidence: [...rated, NEW] }));
    const rows = table(b);
    expect(rows[0].slice(0, 4)).toEqual(['Channels', view.entries[1], 'Template claim', 'High']);
    expect(rows.some((row) => row[1] === 'WeChat mini-program' && row[2] === 'Team assumption')).toBe(true);
    expect(b.fake.direct.values(ASSUMPTIONS)[4][2]).toBe(1);

    b.fake.spreadsheet.deleteSheet(b.fake.spreadsheet.getSheetByName(ASSUMPTIONS)!);
    b.call('refreshKeyFigures');
    expect(table(b)).toEqual(rows);
  });

  test('a user sheet named Assumptions is never overwritten', () => {
    const b = loadBundle();
    b.fake.spreadsheet.insertSheet(ASSUMPTIONS).getRange('A1').setValue('My own notes');
    b.call('insertXiaomiCanvas');
    expect(b.fake.direct.values(ASSUMPTIONS)).toEqual([['My own notes']]);
    expect(b.call<CanvasView>('getCanvas').sheetName).toBe(CANVAS);
    const view = b.call<CanvasView>('getCanvas').blocks[5];
    b.call('saveBlock', save(view, { entries: [...view.entries, 'New'] }));
    b.call('refreshKeyFigures');
    expect(b.fake.direct.values(ASSUMPTIONS)).toEqual([['My own notes']]);
  });
});

describe('fit checks learn evidence', () => {
  test('segments whose value propositions rest on template claims only, and unrated important entries', () => {
    const b = ready();
    const checks = b.call<FitCheckView[]>('getFitChecks');
    expect(checks.map((c) => c.message)).toContain(
      'Every value proposition for Tech enthusiasts rests on template claims only.',
    );
    const view = b.block('key-resources');
    const rated = view.evidence.map((e, i) =>
      i < 3 && e.status !== 'reported' ? { ...e, importance: 'high' as const } : e,
    );
    b.call('saveBlock', save(view, { evidence: rated }));
    const count = rated.filter((e) => e.importance === 'high').length;
    expect(b.call<FitCheckView[]>('getFitChecks').map((c) => c.message)).toContain(
      `${count} high-importance entries have no evidence.`,
    );
  });
});
