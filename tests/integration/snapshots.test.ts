import { BLOCK_IDS } from '../../src/core/block-ids';
import type { CanvasJson } from '../../src/core/canvas-json';
import { FIRST_FIGURE_ROW } from '../../src/core/key-figures-plan';
import { CHUNK_LENGTH } from '../../src/core/snapshot';
import type { BlockDiff, BlockView, CanvasView, Figure, SnapshotInfo, SnapshotListItem } from '../../src/core/view';
import { createFakeGoogle } from '../../emulator';
import { loadBundle, sidebarFile, type LoadedBundle } from '../support/bundle';
import { CONTENT, INSERTED_SHEETS } from '../support/content';
import { thrown } from '../support/thrown';

const SNAPSHOTS = 'Canvas Snapshots';
const CANVAS = 'Xiaomi Canvas';
const FIGURES = 'Key Figures';

type Ready = LoadedBundle & {
  canvas(): CanvasView;
  block(id: string): BlockView;
  save(label?: string): SnapshotInfo;
  list(): SnapshotListItem[];
  edit(id: string, change: (b: BlockView) => Partial<Pick<BlockView, 'entries' | 'figures'>>): BlockView;
};

function ready(options: { userEmail?: string } = {}): Ready {
  const bundle = loadBundle({ fake: createFakeGoogle({ files: { Sidebar: sidebarFile() }, ...options }) });
  bundle.call('insertXiaomiCanvas');
  const canvas = () => bundle.call<CanvasView>('getCanvas');
  const block = (id: string) => canvas().blocks.find((b) => b.id === id)!;
  return {
    ...bundle,
    canvas,
    block,
    save: (label?: string) => bundle.call<SnapshotInfo>('saveSnapshot', label === undefined ? {} : { label }),
    list: () => bundle.call<SnapshotListItem[]>('listSnapshots'),
    edit: (id, change) => {
      const b = block(id);
      const next = { entries: b.entries, figures: b.figures, ...change(b) };
      return bundle.call<BlockView>('saveBlock', { blockId: id, version: b.version, ...next });
    },
  };
}

/** Calls fn, expects a one-line error matching `message`, and proves the spreadsheet is exactly as before. */
function rejectsUnchanged(b: LoadedBundle, fn: () => unknown, message: string | RegExp): void {
  const before = b.fake.direct.documentState();
  const error = thrown(fn);
  if (typeof message === 'string') expect(error).toBe(message);
  else expect(error).toMatch(message);
  expect(error).not.toMatch(/\n/);
  expect(b.fake.direct.documentState()).toEqual(before);
}

/** The row of a snapshot in the sheet (1-based), by its ID in column A. */
function snapshotRow(b: LoadedBundle, id: string): number {
  return b.fake.direct.values(SNAPSHOTS).findIndex((r) => r[0] === id) + 1;
}

describe('saveSnapshot', () => {
  test('creates the protected "Canvas Snapshots" sheet after the others, with a header and one row, and leaves the user where they were', () => {
    const b = ready();
    const startedAt = Date.now();
    const info = b.save('Before the EV pivot');
    expect(info).toEqual({
      id: expect.stringMatching(/^\d{8}-\d{6}-[0-9a-z]{4}$/) as unknown,
      label: 'Before the EV pivot',
      savedAt: expect.any(String) as unknown,
      savedFrom: 'Sidebar',
      canvas: CANVAS,
    });
    expect(Date.parse(info.savedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(new Date(info.savedAt).toISOString()).toBe(info.savedAt);
    expect(b.fake.direct.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS, SNAPSHOTS]);
    expect(b.fake.direct.activeSheetName()).toBe(CANVAS);

    const values = b.fake.direct.values(SNAPSHOTS);
    expect(values[0].slice(0, 6)).toEqual(['ID', 'Label', 'Saved at', 'Saved from', 'Canvas', 'JSON…']);
    expect(values[1].slice(0, 5)).toEqual([info.id, 'Before the EV pivot', info.savedAt, 'Sidebar', CANVAS]);
    const json = JSON.parse(values[1].slice(5).join('')) as CanvasJson;
    expect(json.format).toBe('xiaomi-canvas/3');
    expect(json.blocks.map((x: { entries: string[] }) => x.entries)).toEqual(CONTENT.blocks.map((x) => x.entries));

    const sheet = b.fake.direct.documentState().sheets.find((s) => s.name === SNAPSHOTS)!;
    expect(sheet.protections).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        warningOnly: true,
        description: expect.stringMatching(/snapshots/i) as unknown,
      }),
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(b.fake.direct.namedRanges()).toContainEqual(
      expect.objectContaining({ name: 'XiaomiCanvas_Snapshots', sheet: SNAPSHOTS }),
    );
  });

  test('appends one row per snapshot; a formula-like label is stored as text; no "saved by" without an email', () => {
    const b = ready();
    const first = b.save('=HYPERLINK("http://evil","x")');
    const second = b.save('+1');
    expect(snapshotRow(b, first.id)).toBe(2);
    expect(snapshotRow(b, second.id)).toBe(3);
    expect(
      b.fake.direct
        .formulas(SNAPSHOTS)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(b.list().map((s) => s.label)).toEqual(['+1', '=HYPERLINK("http://evil","x")']);
    expect(first.savedFrom).toBe('Sidebar');
  });

  test('records how it was saved (never an always-blank "Saved by": the email needs a scope the add-on lacks)', () => {
    const b = ready({ userEmail: 'ann@example.com' });
    expect(b.save('x').savedFrom).toBe('Sidebar');
    b.call('saveSnapshotFromMenu');
    expect(b.list().map((s) => s.savedFrom)).toEqual(['Menu', 'Sidebar']);
    expect(JSON.stringify(b.list())).not.toContain('ann@example.com');
    expect(b.fake.direct.values(SNAPSHOTS)[0][3]).toBe('Saved from');
  });

  test('a missing or blank label gets a time-stamped one; the label is trimmed', () => {
    const b = ready();
    // In the spreadsheet's own time zone (the nearest the server gets to the user's clock), named.
    b.fake.direct.uncounted(() => b.fake.spreadsheet.setSpreadsheetTimeZone('Asia/Shanghai'));
    const before = Date.now();
    const label = b.call<SnapshotInfo>('saveSnapshot').label;
    expect(label).toMatch(/^Snapshot \d{4}-\d\d-\d\d \d\d:\d\d \(Asia\/Shanghai\)$/);
    const shanghai = new Date(before + 8 * 3600_000).toISOString().slice(0, 13).replace('T', ' ');
    expect(label.slice('Snapshot '.length, 'Snapshot '.length + 13)).toBe(shanghai);
    expect(b.save('   ').label).toMatch(/^Snapshot /);
    expect(b.save('  Pivot  ').label).toBe('Pivot');
  });

  test.each<[string, unknown, string]>([
    [
      'a label over 100 characters',
      { label: 'x'.repeat(101) },
      'Invalid snapshot request: label must be at most 100 characters.',
    ],
    ['a label that is not text', { label: 42 }, 'Invalid snapshot request: label must be text.'],
    [
      'an unknown field',
      { label: 'x', blockId: 'channels' },
      'Invalid snapshot request: snapshot request has an unknown field "blockId".',
    ],
    ['not an object', 'label', 'Invalid snapshot request: snapshot request must be an object with an optional label.'],
  ])('rejects %s and changes nothing', (_name, request, message) => {
    const b = ready();
    b.save('existing');
    rejectsUnchanged(b, () => b.call('saveSnapshot', request), message);
  });

  test('writes nothing when the canvas is busy with another edit', () => {
    const b = ready();
    b.fake.lock.available = false;
    rejectsUnchanged(b, () => b.save('x'), 'The canvas is busy with another edit; please try again in a moment.');
  });

  test('a canvas a teammate broke by hand (text in a value cell) is refused with the reason, nothing written', () => {
    const b = ready();
    const details = b.fake.direct.values('Xiaomi Details');
    const row = details.findIndex((r) => r[5] === CONTENT.blocks[7].figures[0].label) + 1;
    b.fake.direct.setCell('Xiaomi Details', `G${row}`, 'about 20');
    rejectsUnchanged(
      b,
      () => b.save('x'),
      /^The .+ figure ".+" has no numeric value; enter a number in its Value cell first\.$/,
    );
  });

  test('costs one round trip (first save creates the sheet; later saves append a row)', () => {
    const b = ready();
    b.fake.resetStats();
    b.save('first');
    const first = { calls: b.fake.stats.calls, roundTrips: b.fake.stats.roundTrips };
    b.fake.resetStats();
    b.save('second');
    const later = { calls: b.fake.stats.calls, roundTrips: b.fake.stats.roundTrips };
    console.log(
      `saveSnapshot: first ${first.calls} calls / ${first.roundTrips} round trip(s); later ${later.calls} calls / ${later.roundTrips} round trip(s)`,
    );
    expect(first.roundTrips).toBe(1);
    expect(later.roundTrips).toBe(1);
    expect(later.calls).toBeLessThanOrEqual(30);
  });

  test('a big canvas is stored in chunks of at most 45,000 characters over consecutive columns, adding columns when needed', () => {
    const b = ready();
    b.save('small');
    const entries = Array.from({ length: 60 }, (_, i) => `${i} 😀 ${'é'.repeat(1000)}`.slice(0, 1000));
    for (const id of ['key-partners', 'value-propositions', 'customer-segments']) b.edit(id, () => ({ entries }));
    // a teammate deleted the empty columns of the snapshot sheet: the next save must add them back
    b.fake.direct.uncounted(() => b.fake.spreadsheet.getSheetByName(SNAPSHOTS)!.deleteColumns(8, 19));
    const info = b.save('big');
    const row = b.fake.direct.values(SNAPSHOTS)[snapshotRow(b, info.id) - 1];
    const chunks = row.slice(5).filter((c) => c !== '') as string[];
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_LENGTH);
    const list = b.list();
    expect(list.every((s) => s.damaged === undefined)).toBe(true);
    const diff = b.call<BlockDiff[]>('compareSnapshots', { from: info.id });
    expect(diff.every((d) => !d.changed)).toBe(true);
  });
});

describe('listSnapshots', () => {
  test('is empty before the first snapshot, and changes nothing', () => {
    const b = ready();
    const before = b.fake.direct.documentState();
    expect(b.list()).toEqual([]);
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test('lists newest first with label, time and canvas; finds the sheet after a rename', () => {
    const b = ready();
    const one = b.save('one');
    const two = b.save('two');
    b.fake.direct.uncounted(() => b.fake.spreadsheet.getSheetByName(SNAPSHOTS)!.setName('Old versions'));
    expect(b.list()).toEqual([two, one]);
    const three = b.save('three');
    expect(b.fake.direct.sheetNames()).not.toContain(SNAPSHOTS);
    expect(b.list().map((s) => s.id)).toEqual([three.id, two.id, one.id]);
  });

  test('a row damaged by hand is listed as damaged with the reason and never breaks the others', () => {
    const b = ready();
    const good = b.save('good');
    const bad = b.save('bad');
    const later = b.save('later');
    const row = snapshotRow(b, bad.id);
    b.fake.direct.setCell(SNAPSHOTS, `F${row}`, '{"format": "xiaomi-canvas/1", "blocks": "edited by hand"}');
    const list = b.list();
    expect(list.map((s) => s.id)).toEqual([later.id, bad.id, good.id]);
    expect(list[1].damaged).toMatch(/^its stored canvas is (invalid|not valid JSON)/);
    expect(list[0].damaged).toBeUndefined();
    expect(list[2].damaged).toBeUndefined();
    // other kinds of damage
    b.fake.direct.setCell(SNAPSHOTS, `C${snapshotRow(b, later.id)}`, 'last Tuesday');
    b.fake.direct.setCell(SNAPSHOTS, `F${snapshotRow(b, good.id)}`, '');
    const again = b.list();
    expect(again[0].damaged).toBe('its "Saved at" cell does not hold a time');
    expect(again[2].damaged).toBe('its stored canvas (column F onward) is empty');
    for (const item of again) expect(item.damaged).not.toMatch(/\n/);
  });

  test('rows a teammate added (a note row, a copied row) do not break the list', () => {
    const b = ready();
    const one = b.save('one');
    const values = b.fake.direct.values(SNAPSHOTS);
    b.fake.direct.setCell(SNAPSHOTS, 'B5', 'a note typed by a teammate');
    b.fake.direct.setCell(SNAPSHOTS, 'A6', one.id);
    b.fake.direct.setCell(SNAPSHOTS, 'C6', one.savedAt);
    b.fake.direct.setCell(SNAPSHOTS, 'F6', String(values[1][5]));
    const list = b.list();
    expect(list.map((s) => [s.label, s.damaged])).toEqual([
      ['', 'it has the same ID as an earlier snapshot (row 2)'],
      ['a note typed by a teammate', 'row 5 has no ID'],
      ['one', undefined],
    ]);
  });
});

describe('compareSnapshots', () => {
  test('against the current canvas: entries added, removed, changed and figure values with the change in %', () => {
    const b = ready();
    const snap = b.save('start');
    const ka = CONTENT.blocks[1];
    // first entry edited in place, third deleted, one appended at the end
    b.edit('key-activities', (x) => ({ entries: ['Edited first', x.entries[1], ...x.entries.slice(3), 'Brand new'] }));
    const rs = CONTENT.blocks[8];
    b.edit('revenue-streams', (x) => ({
      figures: [
        { ...x.figures[0], value: x.figures[0].value * 1.5 },
        ...x.figures.slice(2),
        { label: 'EV revenue', value: 3, unit: 'USD bn', period: '2025' },
      ],
    }));
    const diff = b.call<BlockDiff[]>('compareSnapshots', { from: snap.id });
    expect(diff.map((d) => d.blockId)).toEqual([...BLOCK_IDS]);
    expect(diff.filter((d) => d.changed).map((d) => d.blockId)).toEqual(['key-activities', 'revenue-streams']);
    expect(diff[1]).toMatchObject({
      entriesChanged: [{ from: ka.entries[0], to: 'Edited first' }],
      entriesRemoved: [ka.entries[2]],
      entriesAdded: ['Brand new'],
    });
    expect(diff[8].figuresChanged).toEqual([
      {
        label: rs.figures[0].label,
        from: rs.figures[0].value,
        to: rs.figures[0].value * 1.5,
        changePct: 50,
        unit: rs.figures[0].unit,
      },
    ]);
    expect(diff[8].figuresRemoved.map((f) => f.label)).toEqual([rs.figures[1].label]);
    expect(diff[8].figuresAdded).toEqual([{ label: 'EV revenue', value: 3, unit: 'USD bn', period: '2025' }]);
  });

  test("sees a teammate's direct cell edit; between two snapshots; reads only", () => {
    const b = ready();
    const a = b.save('a');
    const values = b.fake.direct.values(CANVAS);
    const r = values.findIndex((row) => row.includes(`•  ${CONTENT.blocks[5].entries[0]}`));
    const c = values[r].indexOf(`•  ${CONTENT.blocks[5].entries[0]}`);
    b.fake.direct.setCell(CANVAS, `${String.fromCharCode(65 + c)}${r + 1}`, 'Typed in the cell');
    const z = b.save('z');
    const before = b.fake.direct.documentState();
    b.fake.resetStats();
    const between = b.call<BlockDiff[]>('compareSnapshots', { from: a.id, to: z.id });
    console.log(
      `compareSnapshots (two snapshots): ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trip(s)`,
    );
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(between[5].entriesChanged).toEqual([{ from: CONTENT.blocks[5].entries[0], to: 'Typed in the cell' }]);
    expect(b.call<BlockDiff[]>('compareSnapshots', { from: z.id }).every((d) => !d.changed)).toBe(true);
    expect(b.call<BlockDiff[]>('compareSnapshots', { from: z.id, to: a.id })[5].entriesChanged).toEqual([
      { from: 'Typed in the cell', to: CONTENT.blocks[5].entries[0] },
    ]);
    expect(b.fake.direct.documentState()).toEqual(before);
  });

  test.each<[string, unknown, RegExp]>([
    ['an unknown id', { from: 'nope' }, /^There is no snapshot with ID "nope"/],
    ['a missing from', { to: 'x' }, /^Invalid compare request: from must be text\.$/],
    ['an empty from', { from: '  ' }, /^Invalid compare request: from must not be empty\.$/],
    [
      'an unknown field',
      { from: 'x', block: 'channels' },
      /^Invalid compare request: compare request has an unknown field "block"\.$/,
    ],
    ['a bare string', 'x', /^Invalid compare request: compare request must be an object/],
  ])('rejects %s with one line', (_name, request, message) => {
    const b = ready();
    b.save('one');
    rejectsUnchanged(b, () => b.call('compareSnapshots', request), message);
  });

  test('a damaged snapshot cannot be compared: the error says why', () => {
    const b = ready();
    const s = b.save('hurt');
    b.fake.direct.setCell(SNAPSHOTS, `F${snapshotRow(b, s.id)}`, 'garbage');
    rejectsUnchanged(
      b,
      () => b.call('compareSnapshots', { from: s.id }),
      /^The snapshot "hurt" is damaged and cannot be used: its stored canvas is not valid JSON/,
    );
  });
});

describe('restoreSnapshot', () => {
  test('saves the current state first, restores every block, and returns the canvas as the sheet now holds it', () => {
    const b = ready();
    const original = b.canvas();
    const snap = b.save('Original');
    b.edit('key-activities', () => ({ entries: ['Only one entry now'] }));
    b.edit('revenue-streams', (x) => ({ figures: x.figures.slice(1).map((f) => ({ ...f, value: f.value + 1 })) }));
    b.edit('channels', (x) => ({ entries: [...x.entries, '=IMPORTXML("http://x","//a")'] }));
    const edited = b.canvas();

    const restored = b.call<CanvasView>('restoreSnapshot', { id: snap.id });
    expect(restored).toEqual(b.canvas());
    expect(restored.blocks.map((x) => [x.entries, x.figures])).toEqual(
      original.blocks.map((x) => [x.entries, x.figures]),
    );
    expect(restored.blocks.map((x) => x.version)).toEqual(original.blocks.map((x) => x.version));

    // the state before the restore was saved first, so the restore can be undone
    const [undo] = b.list();
    expect(undo.label).toBe('Before restoring Original');
    expect(
      b
        .call<BlockDiff[]>('compareSnapshots', { from: undo.id })
        .filter((d) => d.changed)
        .map((d) => d.blockId),
    ).toEqual(['key-activities', 'channels', 'revenue-streams']);
    const undone = b.call<CanvasView>('restoreSnapshot', { id: undo.id });
    expect(undone.blocks.map((x) => [x.entries, x.figures])).toEqual(edited.blocks.map((x) => [x.entries, x.figures]));
    expect(b.list()[0].label).toBe('Before restoring Before restoring Original');
  });

  test('Key Figures follows: one live row per figure, linked to the restored values', () => {
    const b = ready();
    const snap = b.save('s');
    b.edit('cost-structure', () => ({ figures: [] }));
    b.call('restoreSnapshot', { id: snap.id });
    const rows = b.fake.direct
      .values(FIGURES)
      .slice(FIRST_FIGURE_ROW - 1)
      .filter((r) => r[1] !== '');
    const figures = CONTENT.blocks.flatMap((x) => x.figures);
    expect(rows.map((r) => [r[1], r[2]])).toEqual(figures.map((f) => [f.label, f.value]));
    expect(b.fake.direct.formulas(FIGURES)[FIRST_FIGURE_ROW - 1][2]).toMatch(/^='Xiaomi Details'!G\d+$/);
  });

  test('restores a much bigger canvas into a small one (rows inserted in several blocks at once) and back', () => {
    const b = ready();
    const small = b.save('small');
    const entries = (tag: string) => Array.from({ length: 25 }, (_, i) => `${tag} ${i}`);
    const figures = (tag: string): Figure[] =>
      Array.from({ length: 30 }, (_, i) => ({ label: `${tag} F${i}`, value: i, unit: 'USD m', period: '2024' }));
    for (const id of BLOCK_IDS) b.edit(id, () => ({ entries: entries(id), figures: figures(id) }));
    const big = b.canvas();
    const bigSnap = b.save('big');
    b.call('restoreSnapshot', { id: small.id });
    expect(b.canvas().blocks.map((x) => x.entries)).toEqual(CONTENT.blocks.map((x) => x.entries));

    b.fake.resetStats();
    const restored = b.call<CanvasView>('restoreSnapshot', { id: bigSnap.id });
    console.log(
      `restoreSnapshot (all 9 blocks): ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trip(s)`,
    );
    expect(b.fake.stats.roundTrips).toBe(1);
    expect(restored).toEqual(b.canvas());
    expect(restored.blocks.map((x) => [x.entries, x.figures])).toEqual(big.blocks.map((x) => [x.entries, x.figures]));
    const rows = b.fake.direct
      .values(FIGURES)
      .slice(FIRST_FIGURE_ROW - 1)
      .filter((r) => r[1] !== '');
    expect(rows.map((r) => [r[1], r[2]])).toEqual(
      BLOCK_IDS.flatMap((id) => figures(id).map((f) => [f.label, f.value])),
    );
  });

  test('restores into a canvas a teammate changed by inserting rows and editing cells', () => {
    const b = ready();
    const snap = b.save('s');
    b.fake.direct.uncounted(() => b.fake.spreadsheet.getSheetByName(CANVAS)!.insertRowsBefore(8, 3));
    b.fake.direct.uncounted(() => b.fake.spreadsheet.getSheetByName('Xiaomi Details')!.insertRowsBefore(20, 2));
    b.edit('customer-segments', () => ({ entries: ['x'] }));
    const restored = b.call<CanvasView>('restoreSnapshot', { id: snap.id });
    expect(restored).toEqual(b.canvas());
    expect(restored.blocks.map((x) => x.entries)).toEqual(CONTENT.blocks.map((x) => x.entries));
  });

  test('restoring a snapshot equal to the canvas writes no block, only the undo snapshot', () => {
    const b = ready();
    const snap = b.save('same');
    b.fake.resetStats();
    b.call('restoreSnapshot', { id: snap.id });
    console.log(
      `restoreSnapshot (nothing to change): ${b.fake.stats.calls} calls, ${b.fake.stats.roundTrips} round trip(s)`,
    );
    expect(b.fake.stats.byMethod['Range.setValues']).toBe(1);
  });

  test.each<[string, (b: Ready, id: string) => unknown, RegExp | string]>([
    ['an unknown id', (b) => b.call('restoreSnapshot', { id: 'nope' }), /^There is no snapshot with ID "nope"/],
    ['no id', (b) => b.call('restoreSnapshot', {}), 'Invalid restore request: id must be text.'],
    [
      'an unknown field',
      (b, id) => b.call('restoreSnapshot', { id, force: true }),
      'Invalid restore request: restore request has an unknown field "force".',
    ],
    [
      'a damaged snapshot',
      (b, id) => {
        b.fake.direct.setCell(SNAPSHOTS, `F${snapshotRow(b, id)}`, '{"format":"xiaomi-canvas/1","blocks":[]}');
        return b.call('restoreSnapshot', { id });
      },
      /^The snapshot "s" is damaged and cannot be used: its stored canvas is invalid: blocks must list the 9 blocks/,
    ],
    [
      'a busy canvas',
      (b, id) => {
        b.fake.lock.available = false;
        return b.call('restoreSnapshot', { id });
      },
      'The canvas is busy with another edit; please try again in a moment.',
    ],
    [
      'a current canvas that cannot be saved first',
      (b, id) => {
        const details = b.fake.direct.values('Xiaomi Details');
        const row = details.findIndex((r) => r[5] === CONTENT.blocks[0].figures[0]?.label) + 1;
        b.fake.direct.setCell('Xiaomi Details', `G${row}`, 'n/a');
        return b.call('restoreSnapshot', { id });
      },
      /has no numeric value/,
    ],
  ])('refuses %s and changes nothing', (_name, act, message) => {
    const b = ready();
    const s = b.save('s');
    b.edit('channels', () => ({ entries: ['changed'] }));
    const before = b.fake.direct.documentState();
    const error = thrown(() => act(b, s.id));
    if (typeof message === 'string') expect(error).toBe(message);
    else expect(error).toMatch(message);
    expect(error).not.toMatch(/\n/);
    // the acts that damage cells do so before the call: compare what the call itself changed
    const after = b.fake.direct.documentState();
    const canvasOf = (state: typeof before) => state.sheets.find((x) => x.name === CANVAS);
    expect(canvasOf(after)).toEqual(canvasOf(before));
    expect(after.sheets.find((x) => x.name === SNAPSHOTS)!.maxRows).toBe(
      before.sheets.find((x) => x.name === SNAPSHOTS)!.maxRows,
    );
    expect(b.fake.direct.values(SNAPSHOTS).filter((r) => r[0] !== '')).toHaveLength(2);
  });
});

describe('Save snapshot menu item', () => {
  test('is in the add-on menu and saves with a time-stamped label, confirming with a toast', () => {
    const b = ready();
    b.call('onOpen', { authMode: 'FULL' });
    const items = b.fake.ui.menus
      .at(-1)!
      .items.filter((i): i is { caption: string; functionName: string } => i !== 'separator');
    expect(items).toContainEqual({ caption: 'Save snapshot', functionName: 'saveSnapshotFromMenu' });
    b.call('saveSnapshotFromMenu');
    expect(b.list()).toHaveLength(1);
    expect(b.fake.ui.toasts.at(-1)!.message).toMatch(/^Saved "Snapshot \d{4}-.+ \(.+\)" in the Canvas Snapshots sheet/);
  });

  test('reports a problem in a dialog instead of failing', () => {
    const bundle = loadBundle();
    bundle.call('saveSnapshotFromMenu');
    expect(bundle.fake.ui.alerts.at(-1)!.prompt).toMatch(/There is no Xiaomi canvas/);
    expect(bundle.fake.direct.sheetNames()).toEqual(['Sheet1']);
  });
});
