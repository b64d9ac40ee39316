import content from '../../content/xiaomi-canvas.json';
import reportedFile from '../../content/reported-results.json';
import { BLOCK_IDS, type BlockId } from '../../src/core/block-ids';
import { evidenceFromContent } from '../../src/core/canvas-links';
import { parseCanvasJson, toCanvasJson, type CanvasLike } from '../../src/core/canvas-json';
import { diffCanvases } from '../../src/core/canvas-diff';
import type { CanvasContent } from '../../src/core/content-schema';
import { carryEvidence, type EntryEvidence } from '../../src/core/evidence';
import { fitChecks } from '../../src/core/fit-checks';
import { mergeEvidence } from '../../src/core/link-merge';
import { linkColumn, parseRowStore, storedEvidence } from '../../src/core/link-store';
import { computeCanvasLayout, blockArea } from '../../src/core/canvas-layout';
import { parseRequest, saveBlockRequestSchema } from '../../src/core/requests';
import { assumptionsValues } from '../../src/core/assumptions-plan';
import { thrown } from '../support/thrown';

const canvas = content as unknown as CanvasContent;
const ev = (
  status: EntryEvidence['status'],
  source = '',
  importance: EntryEvidence['importance'] = null,
): EntryEvidence => ({ status, source, importance });
const TEMPLATE = ev('template');
const NEW = ev('assumption');

describe('saveBlock validates evidence: one line, nothing else', () => {
  const request = (evidence: unknown, entries = ['A', 'B']) => ({
    blockId: 'channels',
    version: 'v1',
    entries,
    figures: [],
    evidence,
  });
  const parse = (evidence: unknown, entries?: string[]) =>
    thrown(() => parseRequest(saveBlockRequestSchema, request(evidence, entries), 'save request'));

  test('accepts each status and importance, with source and importance optional', () => {
    const parsed = parseRequest(
      saveBlockRequestSchema,
      request([ev('reported', 'Reported Results: iot-revenue, 2024', 'high'), { status: 'assumption' }]),
      'save request',
    );
    expect(parsed.evidence).toEqual([
      { status: 'reported', source: 'Reported Results: iot-revenue, 2024', importance: 'high' },
      { status: 'assumption' },
    ]);
  });

  test.each<[string, unknown, RegExp]>([
    [
      'an unknown status',
      [ev('template'), { status: 'rumour' }],
      /^Invalid save request: evidence\[1\]\.status must be one of: reported, template, assumption, contradicted\.$/,
    ],
    [
      'an unknown importance',
      [ev('template'), { status: 'template', importance: 'urgent' }],
      /^Invalid save request: evidence\[1\]\.importance must be one of: high, medium, low, or null\.$/,
    ],
    [
      'a length different from entries',
      [ev('template')],
      /^Invalid save request: evidence must have one item per entry\.$/,
    ],
    [
      '"reported" without a source',
      [ev('template'), ev('reported')],
      /^Invalid save request: evidence\[1\]\.source must name its source/,
    ],
    [
      '"contradicted" with a blank source',
      [ev('template'), ev('contradicted', '   ')],
      /^Invalid save request: evidence\[1\]\.source must name its source/,
    ],
    [
      'a source over the limit',
      [ev('template'), ev('reported', 'x'.repeat(501))],
      /^Invalid save request: evidence\[1\]\.source must be at most 500 characters\.$/,
    ],
    [
      'an unknown field',
      [ev('template'), { status: 'template', colour: 'red' }],
      /^Invalid save request: evidence\[1\] has an unknown field "colour"\.$/,
    ],
    ['not a list', 'reported', /^Invalid save request: evidence must be a list with the evidence of each entry\.$/],
  ])('refuses %s', (_name, evidence, message) => {
    expect(parse(evidence)).toMatch(message);
    expect(parse(evidence)).not.toContain('\n');
  });
});

describe('evidence follows its entry', () => {
  test('edited in place, moved, deleted: each entry keeps its own; a new one is an assumption', () => {
    const before = ['Mi.com', 'Retail stores', 'Carriers'];
    const evidence = [ev('reported', 'R', 'high'), TEMPLATE, ev('contradicted', 'C')];
    expect(carryEvidence(before, evidence, ['Mi.com online', 'Carriers', 'Retail stores', 'New one'])).toEqual([
      ev('reported', 'R', 'high'),
      ev('contradicted', 'C'),
      TEMPLATE,
      NEW,
    ]);
    expect(carryEvidence(before, evidence, ['Retail stores'])).toEqual([TEMPLATE]);
  });

  test('it is kept in the entry row of the hidden column, next to links, and read back', () => {
    const layout = computeCanvasLayout(Object.fromEntries(BLOCK_IDS.map((id) => [id, 2])) as Record<BlockId, number>);
    const first = blockArea(layout, 'channels').firstEntryRow;
    const column = linkColumn(layout, [
      {
        id: 'channels',
        rows: [first, first + 1],
        links: [['s1'], []],
        evidence: [ev('reported', 'R: x', 'low'), TEMPLATE],
      },
    ]);
    const cell = (row: number) => column.values[row - column.firstRow][0];
    expect(parseRowStore(cell(first))).toMatchObject({ channels: ['s1'] });
    expect(storedEvidence(parseRowStore(cell(first)), 'channels')).toEqual(ev('reported', 'R: x', 'low'));
    expect(storedEvidence(parseRowStore(cell(first + 1)), 'channels')).toEqual(TEMPLATE);
    // damaged by hand: no evidence (the entry then counts as new); a "reported" that lost its source is a template claim
    expect(storedEvidence(parseRowStore('links:{"evidence":{"channels":["rumour"]}}'), 'channels')).toBeNull();
    expect(storedEvidence(parseRowStore('links:{"evidence":{"channels":["reported",""]}}'), 'channels')).toEqual(
      TEMPLATE,
    );
  });
});

describe('evidence in a three-way merge rides with its entry and merges per entry', () => {
  const side = (pairs: Array<[string, EntryEvidence]>) => ({
    entries: pairs.map(([t]) => t),
    items: pairs.map(([, e]) => e),
  });
  const base = side([
    ['A', TEMPLATE],
    ['B', TEMPLATE],
  ]);

  test('a change on one side is taken; the same change on both is fine', () => {
    const mine = side([
      ['A', ev('assumption', '', 'high')],
      ['B', TEMPLATE],
    ]);
    const theirs = side([
      ['A', TEMPLATE],
      ['B', ev('reported', 'R')],
      ['C', NEW],
    ]);
    expect(mergeEvidence(['A', 'B', 'C'], base, mine, theirs, NEW)).toEqual([
      ev('assumption', '', 'high'),
      ev('reported', 'R'),
      NEW,
    ]);
  });

  test('two different changes to one entry are a conflict', () => {
    const mine = side([
      ['A', ev('assumption', '', 'high')],
      ['B', TEMPLATE],
    ]);
    const theirs = side([
      ['A', ev('assumption', '', 'low')],
      ['B', TEMPLATE],
    ]);
    expect(mergeEvidence(['A', 'B'], base, mine, theirs, NEW)).toBeNull();
  });
});

describe('canvas files: xiaomi-canvas/3 carries evidence, /2 and /1 open as template claims', () => {
  const view: CanvasLike = {
    segmentIds: ['s1'],
    blocks: BLOCK_IDS.map((id) => ({
      id,
      entries: id === 'channels' ? ['Mi.com', 'Stores'] : ['x'],
      figures: [],
      evidence: id === 'channels' ? [ev('reported', 'Reported Results: iot-revenue, 2024', 'high'), NEW] : [TEMPLATE],
    })),
  };

  test('round trip', () => {
    const text = toCanvasJson(view);
    expect((JSON.parse(text) as { format: string }).format).toBe('xiaomi-canvas/3');
    const parsed = parseCanvasJson(text);
    expect(parsed.blocks[5].evidence).toEqual([ev('reported', 'Reported Results: iot-revenue, 2024', 'high'), NEW]);
  });

  test.each(['xiaomi-canvas/2', 'xiaomi-canvas/1'])('%s: every entry is a template claim', (format) => {
    const file = JSON.parse(toCanvasJson(view)) as { format: string; blocks: Array<Record<string, unknown>> };
    file.format = format;
    for (const b of file.blocks) {
      delete b.evidence;
      if (format.endsWith('1')) {
        delete b.links;
        delete b.segmentIds;
      }
    }
    const parsed = parseCanvasJson(JSON.stringify(file));
    expect(parsed.blocks.every((b) => b.evidence.every((e) => e.status === 'template'))).toBe(true);
    expect(parsed.blocks[5].evidence).toHaveLength(2);
  });

  test('a /2 file may not carry evidence; a /3 file with the wrong count is refused in one line', () => {
    const file = JSON.parse(toCanvasJson(view)) as { format: string; blocks: Array<Record<string, unknown>> };
    expect(thrown(() => parseCanvasJson(JSON.stringify({ ...file, format: 'xiaomi-canvas/2' })))).toMatch(
      /has an unknown field "evidence"/,
    );
    file.blocks[5].evidence = [TEMPLATE];
    expect(thrown(() => parseCanvasJson(JSON.stringify(file)))).toBe(
      'Invalid canvas JSON: blocks[5] (Channels).evidence must have one item per entry.',
    );
  });

  test('Compare lists evidence changes of entries on both sides', () => {
    const after: CanvasLike = {
      ...view,
      blocks: view.blocks.map((b) => (b.id === 'channels' ? { ...b, evidence: [TEMPLATE, NEW] } : b)),
    };
    const diff = diffCanvases(
      { blocks: view.blocks.map((b) => ({ ...b, figures: [] })) },
      { blocks: after.blocks.map((b) => ({ ...b, figures: [] })) },
    );
    expect(diff[5]).toMatchObject({
      changed: true,
      evidenceChanged: [{ entry: 'Mi.com', from: view.blocks[5].evidence![0], to: TEMPLATE }],
    });
    expect(diff.filter((d) => d.changed)).toHaveLength(1);
  });
});

describe('fit checks learn evidence', () => {
  const segments = [
    { id: 's1', text: 'Tech enthusiasts', color: '#000' },
    { id: 's2', text: 'Value seekers', color: '#000' },
  ];
  const base = {
    segments,
    entries: {
      'value-propositions': ['Cameras', 'Price'],
      channels: ['Mi.com'],
      'key-resources': ['Brand', 'Patents'],
    },
    links: { 'value-propositions': [['s1'], ['s2']], channels: [['s1', 's2']] },
  };
  const messages = (evidence: Partial<Record<BlockId, EntryEvidence[]>>) =>
    fitChecks({ ...base, evidence }).map((c) => c.message);

  test('a segment whose value propositions are all template claims, or all unverified', () => {
    const m = messages({ 'value-propositions': [TEMPLATE, ev('reported', 'R')] });
    expect(m).toContain('Every value proposition for Tech enthusiasts rests on template claims only.');
    expect(m.join('\n')).not.toContain('Value seekers rests');
    expect(messages({ 'value-propositions': [TEMPLATE, NEW] })).toContain(
      'Every value proposition for Value seekers rests on unverified claims only.',
    );
  });

  test('high-importance entries without evidence are counted, contradicted ones named with their source', () => {
    const m = messages({
      'value-propositions': [ev('reported', 'R', 'high'), ev('template', '', 'high')],
      'key-resources': [ev('assumption', '', 'high'), ev('contradicted', 'Reported Results: rd-spend, 2024', 'high')],
    });
    expect(m).toContain('2 high-importance entries have no evidence.');
    expect(m).toContain("Xiaomi's reporting contradicts “Patents” (Reported Results: rd-spend, 2024).");
    expect(messages({ 'key-resources': [ev('assumption', '', 'high'), TEMPLATE] })).toContain(
      '1 high-importance entry has no evidence.',
    );
  });

  test('without evidence, no evidence checks (callers that do not pass it)', () => {
    expect(fitChecks(base).some((c) => /rests on|no evidence|contradicts/.test(c.message))).toBe(false);
  });
});

describe('the Assumptions list', () => {
  test('every entry that is not reported, by importance then block, text live from the canvas', () => {
    const { values } = assumptionsValues('Xiaomi Canvas', [
      { id: 'key-partners', column: 2, rows: [7, 8], evidence: [TEMPLATE, ev('reported', 'R', 'high')] },
      { id: 'channels', column: 8, rows: [20], evidence: [ev('assumption', '', 'high')] },
      { id: 'revenue-streams', column: 7, rows: [30], evidence: [ev('contradicted', 'C', 'low')] },
    ]);
    const table = values.slice(8);
    expect(table.map((r) => r[0])).toEqual(["'Channels", "'Revenue Streams", "'Key Partners"]);
    expect(table[0][1]).toBe(
      `=IF(LEFT('Xiaomi Canvas'!H20,1)="•",TRIM(MID('Xiaomi Canvas'!H20,2,LEN('Xiaomi Canvas'!H20))),'Xiaomi Canvas'!H20)`,
    );
    // the status the symbol in the entry's marker cell shows (a teammate may change it by hand), else the stored one
    const marker = "LEFT(TRIM('Xiaomi Canvas'!I20))";
    expect(table[0][2]).toBe(
      `=IF(${marker}="✓","Reported by Xiaomi",IF(${marker}="◆","Template claim",` +
        `IF(${marker}="?","Team assumption",IF(${marker}="✗","Contradicted by Xiaomi","Team assumption"))))`,
    );
    expect(table.map((r) => r[2].replace(/.*Contradicted by Xiaomi","|"\)+$/g, ''))).toEqual([
      'Team assumption',
      'Contradicted by Xiaomi',
      'Template claim',
    ]);
    expect(table.map((r) => r[2].match(/'Xiaomi Canvas'!\w+/)![0])).toEqual([
      "'Xiaomi Canvas'!I20",
      "'Xiaomi Canvas'!K30",
      "'Xiaomi Canvas'!C7",
    ]);
    expect(table.map((r) => r[3])).toEqual(["'High", "'Low", "'Not rated"]);
    expect(table[1][4]).toBe("'C");
    expect(values[7]).toEqual(["'Block", "'Entry", "'Status", "'Importance", "'Source"]);
    // the four-box: high × strong (contradicted) and high × weak (template, assumption)
    expect(values[4][1]).toBe('=COUNTIFS(D9:D11,"High",C9:C11,"Contradicted by Xiaomi")');
    expect(values[4][2]).toBe(
      '=COUNTIFS(D9:D11,"High",C9:C11,"Template claim")+COUNTIFS(D9:D11,"High",C9:C11,"Team assumption")',
    );
  });
});

describe('shipped honest: the inserted canvas marks entries from Xiaomi’s reporting only', () => {
  const reported = (reportedFile as { figures: Array<{ metric: string; period: string; value: number }> }).figures;

  test('every "reported" or "contradicted" entry names a figure of Reported Results that exists', () => {
    const shipped = canvas.evidence ?? [];
    expect(shipped.length).toBeGreaterThan(0);
    for (const e of shipped) {
      const match = /^Reported Results: ([a-z0-9-]+), ((?:Q[1-4] )?\d{4})$/.exec(e.source);
      expect({ entry: e.entry, source: e.source, parsed: match !== null }).toEqual({
        entry: e.entry,
        source: e.source,
        parsed: true,
      });
      const figure = reported.find((f) => f.metric === match![1] && f.period === match![2]);
      expect({ entry: e.entry, found: figure !== undefined }).toEqual({ entry: e.entry, found: true });
      expect(canvas.blocks.find((b) => b.id === e.block)!.entries).toContain(e.entry);
    }
  });

  test('every other entry ships as a template claim, none as an assumption', () => {
    const evidence = evidenceFromContent(canvas);
    const all = BLOCK_IDS.flatMap((id) => evidence[id]);
    expect(all.filter((e) => e.status === 'reported').length).toBe((canvas.evidence ?? []).length);
    expect(all.filter((e) => e.status === 'template').length + (canvas.evidence ?? []).length).toBe(all.length);
  });
});
