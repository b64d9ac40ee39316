import type { BlockView, CanvasView, FitCheckView } from '../../src/core/view';
import { loadBundle, type LoadedBundle } from '../support/bundle';
import { CONTENT } from '../support/content';
import { thrown } from '../support/thrown';

const CANVAS = 'Xiaomi Canvas';

type Ready = LoadedBundle & { canvas(): CanvasView; block(id: string): BlockView };

function ready(): Ready {
  const bundle = loadBundle();
  bundle.call('insertXiaomiCanvas');
  const canvas = () => bundle.call<CanvasView>('getCanvas');
  return { ...bundle, canvas, block: (id: string) => canvas().blocks.find((b) => b.id === id)! };
}

/** The row and column letters of an entry's cell, found by its text in the canvas values. */
function cellOf(b: LoadedBundle, text: string): { row: number; column: number } {
  const values = b.fake.direct.values(CANVAS);
  for (let r = 0; r < values.length; r++) {
    // Entry cells hold the bullet as text (issue 9): "•  Mi.com online store".
    const c = values[r].findIndex((v) => v === text || v === `•  ${text}`);
    if (c >= 0) return { row: r + 1, column: c + 1 };
  }
  throw new Error(`no cell with ${text}`);
}
const a1 = (row: number, column: number) => `${String.fromCharCode(64 + column)}${row}`;
/** The marker cell beside an entry (the next column). */
const markerOf = (b: LoadedBundle, text: string) => {
  const { row, column } = cellOf(b, text);
  return b.fake.direct.cell(CANVAS, a1(row, column + 1));
};
/** The segment numbers of a marker, after the entry's evidence symbol (issue 19). */
const numbersOf = (marker: { value: unknown }) => String(marker.value).replace(/^[✓✗◆?] ?/, '');

/** A save request for a block as getCanvas gave it, with changes. */
const request = (block: BlockView, change: Partial<{ entries: string[]; links: string[][] }> = {}) => ({
  blockId: block.id,
  version: block.version,
  entries: block.entries,
  figures: block.figures,
  ...change,
});

const segmentNames = (view: CanvasView, ids: string[]) => ids.map((id) => view.segments.find((s) => s.id === id)!.text);
const linksByText = (view: CanvasView, blockId: string) => {
  const block = view.blocks.find((b) => b.id === blockId)!;
  return Object.fromEntries(block.entries.map((e, i) => [e, segmentNames(view, block.links[i])]));
};

describe('segments and links on the inserted canvas', () => {
  test('getCanvas lists the segments with ids and colours, in order, and every block’s links parallel to its entries', () => {
    const b = ready();
    b.fake.resetStats();
    const view = b.canvas();
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(view.segments.map((s) => s.text)).toEqual(CONTENT.blocks[6].entries);
    expect(new Set(view.segments.map((s) => s.id)).size).toBe(view.segments.length);
    for (const s of view.segments) expect(s.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(view.segments.map((s) => s.color)).size).toBe(view.segments.length);
    for (const block of view.blocks) expect(block.links).toHaveLength(block.entries.length);
    expect(linksByText(view, 'value-propositions')['High quality at affordable prices']).toEqual([
      'Value-conscious consumers',
      'Buyers in emerging markets',
    ]);
    expect(linksByText(view, 'revenue-streams')['SU7 electric vehicle sales']).toEqual(['Early EV adopters']);
  });

  test('the sheet shows each linked entry’s segments beside it, every number in its segment’s colour, and a legend; the entry text is unchanged', () => {
    const b = ready();
    const view = b.canvas();
    const [vc, em] = ['Value-conscious consumers', 'Buyers in emerging markets'].map((t) =>
      view.segments.find((s) => s.text === t)!,
    );
    const marker = markerOf(b, 'High quality at affordable prices');
    // the entry's evidence symbol, then the numbers
    expect(marker.value).toBe(`◆ ${vc.id.slice(1)} ${em.id.slice(1)}`);
    expect(marker.format.background).toBe('#ffffff');
    // both segments' colours: each number is a bold run in its own segment's colour (after the symbol's run)
    const coloured = marker.runs.map((run) => [String(marker.value).slice(run.start, run.end), run.foregroundColor]);
    expect(coloured).toEqual([
      ['◆', '#5f6368'],
      [vc.id.slice(1), vc.color],
      [em.id.slice(1), em.color],
    ]);
    expect(marker.runs.every((run) => run.bold)).toBe(true);
    // Customer Segments shows each segment's own number on its colour: the legend of the markers
    const own = markerOf(b, 'Early EV adopters');
    const ev = view.segments.find((s) => s.text === 'Early EV adopters')!;
    expect([numbersOf(own), own.format.background, own.runs[0].foregroundColor]).toEqual([
      ev.id.slice(1),
      ev.color,
      '#ffffff',
    ]);
    expect(numbersOf(markerOf(b, 'Well-reviewed Xiaomi 14 series'))).toBe('');
    expect(b.fake.direct.values(CANVAS)[2][5]).toMatch(/the segments it serves/);
  });

  test('the sheet shows the fit-check count, and getFitChecks lists them as plain sentences', () => {
    const b = ready();
    const checks = b.call<FitCheckView[]>('getFitChecks');
    expect(checks.length).toBeGreaterThan(0);
    expect(b.fake.direct.values(CANVAS)[2][1]).toBe(
      `Fit checks: ${checks.length} open questions for the team (as of the last save)`,
    );
    expect(checks.map((c) => c.message)).toContain(
      'The value proposition “Well-reviewed Xiaomi 14 series” is not linked to any customer segment.',
    );
    expect(b.call<FitCheckView[]>('getFitChecks', {})).toEqual(checks);
    expect(thrown(() => b.call('getFitChecks', { canvas: 1 }))).toBe(
      'Invalid fit checks request: fit checks request has an unknown field "canvas".',
    );
  });
});

describe('a canvas from before the fit-check summary moved to the left', () => {
  test('its next save writes the summary in B, the marker legend back in F, and clears the stale count in J', () => {
    const b = ready();
    const [summary, legend] = [b.fake.direct.cell(CANVAS, 'B3'), b.fake.direct.cell(CANVAS, 'F3')];
    // The older spacer row: the marker legend at the left (8 pt), the count at the right, in the older words.
    b.fake.direct.setCell(CANVAS, 'B3', String(legend.value));
    b.fake.direct.setCell(CANVAS, 'F3', null);
    b.fake.direct.setCell(CANVAS, 'J3', 'Fit checks: 16 to review');
    b.fake.spreadsheet.getSheetByName(CANVAS)!.getRange('B3').setFontSize(8);
    expect(b.call<FitCheckView[]>('getFitChecks').length).toBeGreaterThan(0);

    const block = b.canvas().blocks.find((x) => x.id === 'key-partners')!;
    b.call('saveBlock', request(block, { entries: [...block.entries, 'Chip design partners'] }));
    const row = b.fake.direct.values(CANVAS)[2];
    expect(row[1]).toBe(summary.value);
    expect(row[5]).toBe(legend.value);
    expect(row[9]).toBe('');
    expect(row.filter((v) => /^Fit checks/.test(String(v)))).toHaveLength(1);
    const [b3, f3] = [b.fake.direct.cell(CANVAS, 'B3'), b.fake.direct.cell(CANVAS, 'F3')];
    expect([b3.format.fontSize, b3.format.fontColor]).toEqual([summary.format.fontSize, summary.format.fontColor]);
    expect([f3.format.fontSize, f3.format.fontColor]).toEqual([legend.format.fontSize, legend.format.fontColor]);

    // Written once: the next save only updates the count, as on any canvas.
    b.fake.resetStats();
    const again = b.canvas().blocks.find((x) => x.id === 'key-partners')!;
    b.call('saveBlock', request(again, { entries: again.entries.slice(0, -1) }));
    expect(b.fake.direct.values(CANVAS)[2].slice(1, 10)).toEqual(row.slice(1, 10));
  });
});

describe('saveBlock with links', () => {
  test('sets links, changes the version, updates the markers and the count; getCanvas agrees', () => {
    const b = ready();
    const view = b.canvas();
    const block = view.blocks.find((x) => x.id === 'channels')!;
    const tech = view.segments[0];
    const links = block.entries.map((_, i) => (i === 0 ? [tech.id] : block.links[i]));
    const countBefore = b.call<FitCheckView[]>('getFitChecks').length;
    b.fake.resetStats();
    const saved = b.call<BlockView>('saveBlock', request(block, { links }));
    console.log(`saveBlock (links only): ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trip(s)`);
    expect(b.fake.stats.roundTrips).toBeLessThanOrEqual(2);
    expect(saved.links).toEqual(links);
    expect(saved.version).not.toBe(block.version);
    expect(b.block('channels')).toEqual(saved);
    expect(numbersOf(markerOf(b, block.entries[0]))).toBe(tech.id.slice(1));
    const countAfter = b.call<FitCheckView[]>('getFitChecks').length;
    // "Mi.com online store" now serves a segment, and Tech enthusiasts now have a channel
    expect(countAfter).toBe(countBefore - 2);
    expect(b.fake.direct.values(CANVAS)[2][1]).toBe(
      `Fit checks: ${countAfter} open questions for the team (as of the last save)`,
    );
    expect(markerOf(b, block.entries[0]).runs.slice(1)).toEqual([
      { start: 2, end: tech.id.length + 1, foregroundColor: tech.color, bold: true },
    ]);
  });

  test.each<[string, (block: BlockView) => unknown, string]>([
    [
      'an unknown segment id',
      (block) => ({ ...block, links: block.entries.map(() => ['s99']) }),
      'Invalid save request: links[0] names an unknown segment "s99".',
    ],
    [
      'a length different from entries',
      (block) => ({ ...block, links: [[]] }),
      'Invalid save request: links must have one list per entry.',
    ],
    [
      'a wrong type',
      (block) => ({ ...block, links: block.entries.map(() => 's1') }),
      'Invalid save request: links[0] must be a list of segment ids.',
    ],
    [
      'links on Customer Segments',
      (block) => ({ ...block, blockId: 'customer-segments', links: [['s1']] }),
      'Invalid save request: links must have one list per entry.',
    ],
  ])('refuses %s with one line and changes nothing', (_name, request, message) => {
    const b = ready();
    const block = b.block('channels');
    const { id, title, ...rest } = block;
    void title;
    const before = b.fake.direct.documentState();
    expect(thrown(() => b.call('saveBlock', request({ ...rest, blockId: id } as unknown as BlockView)))).toBe(message);
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('without links, edited, moved and new entries keep (or start without) their links', () => {
    const b = ready();
    const vp = b.block('value-propositions');
    const before = linksByText(b.canvas(), 'value-propositions');
    const entries = [
      'Expanding into electric vehicles',
      'High quality at really affordable prices', // edited in place? no: moved to second and edited
      ...vp.entries.slice(1, 6),
      'Brand new idea',
    ];
    entries[1] = vp.entries[0]; // keep the affordable-prices entry as it was, moved
    b.call<BlockView>('saveBlock', request(vp, { entries }));
    const after = linksByText(b.canvas(), 'value-propositions');
    expect(after['Expanding into electric vehicles']).toEqual(before['Expanding into electric vehicles']);
    expect(after['High quality at affordable prices']).toEqual(before['High quality at affordable prices']);
    expect(after['Brand new idea']).toEqual([]);
    // markers followed their entries
    expect(numbersOf(markerOf(b, 'Expanding into electric vehicles'))).toBe(
      b
        .canvas()
        .segments.find((s) => s.text === 'Early EV adopters')!
        .id.slice(1),
    );
  });

  test('renaming a segment keeps its id and links; deleting one removes its links everywhere', () => {
    const b = ready();
    const cs = b.block('customer-segments');
    const ev = b.canvas().segments.find((s) => s.text === 'Early EV adopters')!;
    const { title, id, ...rest } = cs;
    void title;
    const renamed = cs.entries.map((e) => (e === 'Early EV adopters' ? 'EV early adopters' : e));
    b.call('saveBlock', { ...rest, blockId: id, entries: renamed });
    let view = b.canvas();
    expect(view.segments.find((s) => s.text === 'EV early adopters')!.id).toBe(ev.id);
    expect(linksByText(view, 'revenue-streams')['SU7 electric vehicle sales']).toEqual(['EV early adopters']);

    const cs2 = view.blocks.find((x) => x.id === 'customer-segments')!;
    b.call('saveBlock', {
      blockId: id,
      version: cs2.version,
      entries: cs2.entries.filter((e) => e !== 'EV early adopters'),
      figures: cs2.figures,
    });
    view = b.canvas();
    expect(view.segments.map((s) => s.id)).not.toContain(ev.id);
    expect(linksByText(view, 'revenue-streams')['SU7 electric vehicle sales']).toEqual([]);
    expect(numbersOf(markerOf(b, 'SU7 electric vehicle sales'))).toBe('');
    // a new segment does not inherit the deleted one's links
    const cs3 = view.blocks.find((x) => x.id === 'customer-segments')!;
    b.call('saveBlock', { blockId: id, version: cs3.version, entries: [...cs3.entries, 'Gamers'], figures: [] });
    view = b.canvas();
    expect(view.blocks.flatMap((x) => x.links.flat())).not.toContain(view.segments.at(-1)!.id);
  });
});

describe('reset', () => {
  test('Reset brings back the original entries with the links the source text supports', () => {
    const b = ready();
    const vp = b.block('value-propositions');
    b.call('saveBlock', request(vp, { entries: ['Something else'], links: [[]] }));
    const reset = b.call<BlockView>('resetBlock', { blockId: vp.id, version: b.block('value-propositions').version });
    expect(reset.entries).toEqual(vp.entries);
    expect(reset.links).toEqual(vp.links);
    expect(b.block('value-propositions')).toEqual(reset);
    expect(numbersOf(markerOf(b, 'Expanding into electric vehicles'))).not.toBe('');
  });
});

describe('teammates without the add-on', () => {
  test('typing over a linked entry keeps its links (and changes the version)', () => {
    const b = ready();
    const before = b.block('value-propositions');
    const { row, column } = cellOf(b, 'High quality at affordable prices');
    b.fake.direct.setCell(CANVAS, a1(row, column), 'Great value for money');
    const after = b.block('value-propositions');
    expect(after.version).not.toBe(before.version);
    expect(segmentNames(b.canvas(), after.links[0])).toEqual([
      'Value-conscious consumers',
      'Buyers in emerging markets',
    ]);
  });

  test('rows inserted among linked entries, and a segment typed into an empty row, keep every link and id', () => {
    const b = ready();
    const view = b.canvas();
    const { row } = cellOf(b, 'Sleek, intuitive design');
    b.fake.direct.uncounted(() => b.fake.spreadsheet.getSheetByName(CANVAS)!.insertRowsBefore(row, 2));
    const csCell = cellOf(b, 'Young professionals');
    b.fake.direct.setCell(CANVAS, a1(row, csCell.column), 'Gamers'); // a new segment in an inserted row
    const after = b.canvas();
    for (const id of ['value-propositions', 'channels', 'revenue-streams'])
      expect(linksByText(after, id)).toEqual(linksByText(view, id));
    for (const s of view.segments) expect(after.segments.find((x) => x.text === s.text)!.id).toBe(s.id);
    const gamers = after.segments.find((s) => s.text === 'Gamers')!;
    expect(view.segments.map((s) => s.id)).not.toContain(gamers.id);
    expect(b.canvas().segments).toEqual(after.segments); // the same id on every read
    // the sidebar can link to the new segment; saving stores its id
    const ch = after.blocks.find((x) => x.id === 'channels')!;
    const { title, id, ...rest } = ch;
    void title;
    b.call('saveBlock', { ...rest, blockId: id, links: ch.links.map((l, i) => (i === 0 ? [gamers.id] : l)) });
    expect(segmentNames(b.canvas(), b.block('channels').links[0])).toEqual(['Gamers']);
  });
});

describe('merging with a teammate keeps links (issue 10 with issue 14)', () => {
  test('a teammate retypes one entry while I link another: both are saved, and every other entry keeps its links', () => {
    const b = ready();
    const loaded = b.block('channels');
    const segment = b.canvas().segments[0].id;
    const mine = loaded.links.map((ids, i) => (i === 1 ? [...new Set([...ids, segment])] : [...ids]));
    // The teammate types over entry 3's text in the sheet, after I loaded the block.
    const { row, column } = cellOf(b, loaded.entries[2]);
    b.fake.direct.setCell(CANVAS, a1(row, column), 'Carrier partners worldwide');
    const saved = b.call<BlockView>('saveBlock', {
      blockId: 'channels',
      version: loaded.version,
      entries: loaded.entries,
      figures: loaded.figures,
      links: mine,
      base: { entries: loaded.entries, figures: loaded.figures, links: loaded.links },
    });
    expect(saved.merged).toBe(true);
    expect(saved.entries[2]).toBe('Carrier partners worldwide');
    expect(saved.links[1]).toContain(segment);
    expect(saved.links[2]).toEqual(loaded.links[2]); // the retyped entry kept its links
    expect(b.block('channels')).toEqual({ ...saved, merged: undefined, teammateChanges: undefined });
  });

  test('two different link changes to the same entry are a conflict, and nothing is written', () => {
    const b = ready();
    const loaded = b.block('channels');
    const [first, second] = b.canvas().segments.map((s) => s.id);
    // A teammate's sidebar links entry 1 to one segment...
    const theirs = loaded.links.map((ids, i) => (i === 0 ? [first] : [...ids]));
    b.call('saveBlock', {
      blockId: 'channels',
      version: loaded.version,
      entries: loaded.entries,
      figures: loaded.figures,
      links: theirs,
    });
    const state = b.fake.direct.documentState();
    // ...while mine links it to another.
    const mine = loaded.links.map((ids, i) => (i === 0 ? [second] : [...ids]));
    const message = thrown(() =>
      b.call('saveBlock', {
        blockId: 'channels',
        version: loaded.version,
        entries: loaded.entries,
        figures: loaded.figures,
        links: mine,
        base: { entries: loaded.entries, figures: loaded.figures, links: loaded.links },
      }),
    );
    expect(message).toMatch(/^Channels was changed by someone else since you opened it\./);
    expect(b.fake.direct.documentState()).toEqual(state);
  });
});

describe('history keeps links', () => {
  test('a snapshot stores links; Compare reports link changes; restore brings them back', () => {
    const b = ready();
    const snap = b.call<{ id: string }>('saveSnapshot', { label: 'linked' });
    const vp = b.block('value-propositions');
    const { title, id, ...rest } = vp;
    void title;
    b.call('saveBlock', { ...rest, blockId: id, links: vp.links.map((l, i) => (i === 0 ? [] : l)) });
    const diff = b.call<Array<{ blockId: string; changed: boolean; linksChanged?: unknown }>>('compareSnapshots', {
      from: snap.id,
    });
    const vpDiff = diff.find((d) => d.blockId === 'value-propositions')!;
    expect(vpDiff.changed).toBe(true);
    expect(vpDiff.linksChanged).toEqual([
      {
        entry: 'High quality at affordable prices',
        added: [],
        removed: ['Value-conscious consumers', 'Buyers in emerging markets'],
      },
    ]);
    const restored = b.call<CanvasView>('restoreSnapshot', { id: snap.id });
    expect(restored).toEqual(b.canvas());
    expect(restored.blocks.find((x) => x.id === 'value-propositions')!.links).toEqual(vp.links);
    expect(numbersOf(markerOf(b, 'High quality at affordable prices'))).not.toBe('');
  });

  test('export then import (a new canvas) keeps segments and links; a re-insert comes linked', () => {
    const b = ready();
    const view = b.canvas();
    const imported = b.call<CanvasView>('importCanvasJson', b.call<string>('exportCanvasJson'));
    expect(imported.segments).toEqual(view.segments);
    expect(imported.blocks.map((x) => x.links)).toEqual(view.blocks.map((x) => x.links));
    expect(b.call<CanvasView>('getCanvas')).toEqual(imported);
    // a re-insert (Yes to "insert another?") comes with the shipped links, whatever was done to the first canvas
    const ch = b.block('channels');
    b.call('saveBlock', request(ch, { links: ch.entries.map(() => []) }));
    b.fake.ui.alertResponses.push('YES');
    b.call('insertXiaomiCanvas');
    const third = b.call<CanvasView>('getCanvas');
    expect(third.sheetName).toBe('Xiaomi Canvas (3)');
    expect(third.blocks.map((x) => x.links)).toEqual(view.blocks.map((x) => x.links));
  });
});

describe('show what serves a segment', () => {
  test('selects the segment and every entry linked to it on the canvas; returns how many serve it', () => {
    const b = ready();
    const ev = b.canvas().segments.find((s) => s.text === 'Early EV adopters')!;
    const count = b.call<number>('selectSegmentEntries', { segmentId: ev.id });
    expect(count).toBe(3); // the EV value proposition and two EV revenue streams
    const last = cellOf(b, 'Future: EV charging & maintenance');
    expect(b.fake.direct.activeRange()).toBe(`${CANVAS}!${a1(last.row, last.column)}`);
    expect(thrown(() => b.call('selectSegmentEntries', { segmentId: 's99' }))).toMatch(/no longer exists/);
    expect(thrown(() => b.call('selectSegmentEntries', {}))).toBe('Invalid segment request: segmentId must be text.');
  });
});
