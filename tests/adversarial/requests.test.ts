/**
 * Requests from the sidebar, as a user or an attacker can send them through google.script.run: every invalid
 * shape and limit is refused with a one-line error naming the field, before anything is read or written; text
 * that looks like a formula, HTML, script or CSV injection, and unusual Unicode, is stored and read back
 * literally. Each case runs against the built bundle (through its top-level functions, arguments crossing a
 * JSON boundary as with google.script.run) and against the server modules directly.
 */
import { insertCanvas } from '../../src/server/insert';
import { getCanvas, resetBlock, saveBlock, selectBlock } from '../../src/server/canvas-api';
import type { BlockView, CanvasView, Figure } from '../../src/core/view';
import { CONTENT } from '../support/content';
import { installFakeGlobals } from '../support/globals';
import {
  CANVAS,
  DETAILS,
  FIGURES,
  errorCells,
  expectClearError,
  expectSameState,
  expectRejected,
  prototypePolluted,
  stateText,
  thrown,
  withCanvas,
  type Canvas,
} from './harness';

type Fn = 'saveBlock' | 'resetBlock' | 'selectBlock' | 'getCanvas';
type Base = { blockId: string; version: string; entries: string[]; figures: Figure[] };

interface BadRequest {
  /** What the user or attacker does. */
  does: string;
  fn?: Fn;
  /** The request; a string is JSON text, parsed just before sending (so "__proto__" arrives as an own key). */
  request: (base: Base) => unknown;
  json?: true;
  error: RegExp;
}

const long = (n: number, ch = 'x') => ch.repeat(n);
const fig = (over: Record<string, unknown> = {}) => ({
  label: 'Revenue',
  value: 1,
  unit: 'USD bn',
  period: '2024',
  ...over,
});
const withFigure = (b: Base, figure: unknown) => ({ ...b, figures: [figure] });
const without = (b: Base, key: keyof Base) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== key));
const asJson = (b: Base, extra: string, where: 'request' | 'figure' = 'request') => {
  const text = JSON.stringify(where === 'request' ? b : withFigure(b, fig()));
  return where === 'request'
    ? `${text.slice(0, -1)},${extra}}`
    : text.replace(/"period":"2024"/, `"period":"2024",${extra}`);
};

const NOT_AN_OBJECT =
  /^Invalid save request: save request must be an object with blockId, version, entries and figures\.$/;
const BLOCK = /^Invalid save request: blockId must be one of: key-partners, .*revenue-streams\.$/;

const BAD_REQUESTS: BadRequest[] = [
  // the request itself
  { does: 'sends no request at all', request: () => undefined, error: NOT_AN_OBJECT },
  { does: 'sends null', request: () => null, error: NOT_AN_OBJECT },
  { does: 'sends a text instead of a request', request: () => 'channels', error: NOT_AN_OBJECT },
  { does: 'sends a number instead of a request', request: () => 42, error: NOT_AN_OBJECT },
  { does: 'sends a list instead of a request', request: (b) => [b], error: NOT_AN_OBJECT },
  { does: 'sends true instead of a request', request: () => true, error: NOT_AN_OBJECT },
  {
    does: 'adds an unknown field to the request',
    request: (b) => ({ ...b, sheet: 'Key Figures' }),
    error: /^Invalid save request: save request has an unknown field "sheet"\.$/,
  },
  // blockId
  { does: 'leaves out the block id', request: (b) => without(b, 'blockId'), error: BLOCK },
  { does: 'asks for a block that does not exist', request: (b) => ({ ...b, blockId: 'nope' }), error: BLOCK },
  { does: 'writes the block id as its title', request: (b) => ({ ...b, blockId: 'Channels' }), error: BLOCK },
  { does: 'pads the block id with spaces', request: (b) => ({ ...b, blockId: ' channels ' }), error: BLOCK },
  { does: 'sends the block id as a number', request: (b) => ({ ...b, blockId: 5 }), error: BLOCK },
  { does: 'sends the block id "__proto__"', request: (b) => ({ ...b, blockId: '__proto__' }), error: BLOCK },
  { does: 'sends the block id "constructor"', request: (b) => ({ ...b, blockId: 'constructor' }), error: BLOCK },
  { does: 'sends the block id "toString"', request: (b) => ({ ...b, blockId: 'toString' }), error: BLOCK },
  { does: 'sends a 100,000-character block id', request: (b) => ({ ...b, blockId: long(100_000) }), error: BLOCK },
  // version
  {
    does: 'leaves out the version',
    request: (b) => without(b, 'version'),
    error: /^Invalid save request: version must be text\.$/,
  },
  {
    does: 'sends an empty version',
    request: (b) => ({ ...b, version: '' }),
    error: /^Invalid save request: version must not be empty\.$/,
  },
  {
    does: 'sends the version as a number',
    request: (b) => ({ ...b, version: 12345 }),
    error: /^Invalid save request: version must be text\.$/,
  },
  {
    does: 'sends a 100,000-character version',
    request: (b) => ({ ...b, version: long(100_000) }),
    error: /^Invalid save request: version is not a version token\.$/,
  },
  // entries
  {
    does: 'leaves out the entries',
    request: (b) => without(b, 'entries'),
    error: /^Invalid save request: entries must be a list of texts\.$/,
  },
  {
    does: 'sends the entries as one text',
    request: (b) => ({ ...b, entries: 'Online sales' }),
    error: /^Invalid save request: entries must be a list of texts\.$/,
  },
  {
    does: 'sends the entries as a list-like object',
    request: (b) => ({ ...b, entries: { 0: 'a', length: 1 } }),
    error: /^Invalid save request: entries must be a list of texts\.$/,
  },
  {
    does: 'sends a number as an entry',
    request: (b) => ({ ...b, entries: ['ok', 7] }),
    error: /^Invalid save request: entries\[1\] must be text\.$/,
  },
  {
    does: 'sends null as an entry',
    request: (b) => ({ ...b, entries: [null] }),
    error: /^Invalid save request: entries\[0\] must be text\.$/,
  },
  {
    does: 'sends a nested list as an entry',
    request: (b) => ({ ...b, entries: [['a']] }),
    error: /^Invalid save request: entries\[0\] must be text\.$/,
  },
  {
    does: 'sends 61 entries',
    request: (b) => ({ ...b, entries: Array.from({ length: 61 }, (_, i) => `e${i}`) }),
    error: /^Invalid save request: entries must have at most 60 entries\.$/,
  },
  {
    does: 'sends 10,000 entries',
    request: (b) => ({ ...b, entries: Array.from({ length: 10_000 }, () => 'e') }),
    error: /^Invalid save request: entries must have at most 60 entries\.$/,
  },
  {
    does: 'sends an empty entry',
    request: (b) => ({ ...b, entries: ['ok', ''] }),
    error: /^Invalid save request: entries\[1\] must not be empty\.$/,
  },
  {
    does: 'sends a whitespace-only entry',
    request: (b) => ({ ...b, entries: [' \t\n\u00a0 '] }),
    error: /^Invalid save request: entries\[0\] must not be empty\.$/,
  },
  {
    does: 'sends an entry that is only a byte-order mark',
    request: (b) => ({ ...b, entries: ['\ufeff'] }),
    error: /^Invalid save request: entries\[0\] must not be empty\.$/,
  },
  {
    does: 'sends an entry of 1,001 characters',
    request: (b) => ({ ...b, entries: [long(1001)] }),
    error: /^Invalid save request: entries\[0\] must be at most 1000 characters\.$/,
  },
  {
    does: 'sends an entry of 50,001 characters (over the Sheets cell limit)',
    request: (b) => ({ ...b, entries: [long(50_001)] }),
    error: /^Invalid save request: entries\[0\] must be at most 1000 characters\.$/,
  },
  {
    does: 'sends an entry of 100,000 characters',
    request: (b) => ({ ...b, entries: ['ok', long(100_000, '😀')] }),
    error: /^Invalid save request: entries\[1\] must be at most 1000 characters\.$/,
  },
  // figures
  {
    does: 'leaves out the figures',
    request: (b) => without(b, 'figures'),
    error: /^Invalid save request: figures must be a list of figures\.$/,
  },
  {
    does: 'sends the figures as an object',
    request: (b) => ({ ...b, figures: { 0: fig() } }),
    error: /^Invalid save request: figures must be a list of figures\.$/,
  },
  {
    does: 'sends 41 figures',
    request: (b) => ({ ...b, figures: Array.from({ length: 41 }, (_, i) => fig({ label: `F${i}` })) }),
    error: /^Invalid save request: figures must have at most 40 figures\.$/,
  },
  {
    does: 'sends null as a figure',
    request: (b) => withFigure(b, null),
    error: /^Invalid save request: figures\[0\] must be a figure object\.$/,
  },
  {
    does: 'sends a text as a figure',
    request: (b) => withFigure(b, 'Revenue 37 USD bn'),
    error: /^Invalid save request: figures\[0\] must be a figure object\.$/,
  },
  {
    does: 'sends a figure without a label',
    request: (b) => withFigure(b, { value: 1, unit: '', period: '' }),
    error: /^Invalid save request: figures\[0\]\.label must be text\.$/,
  },
  {
    does: 'sends a figure with an empty label',
    request: (b) => withFigure(b, fig({ label: '' })),
    error: /^Invalid save request: figures\[0\]\.label must not be empty\.$/,
  },
  {
    does: 'sends a figure with a whitespace-only label',
    request: (b) => withFigure(b, fig({ label: '   ' })),
    error: /^Invalid save request: figures\[0\]\.label must not be empty\.$/,
  },
  {
    does: 'sends a 201-character label',
    request: (b) => withFigure(b, fig({ label: long(201) })),
    error: /^Invalid save request: figures\[0\]\.label must be at most 200 characters\.$/,
  },
  {
    does: 'sends a 100,000-character label',
    request: (b) => withFigure(b, fig({ label: long(100_000) })),
    error: /^Invalid save request: figures\[0\]\.label must be at most 200 characters\.$/,
  },
  {
    does: 'sends a value as text',
    request: (b) => withFigure(b, fig({ value: '5' })),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'sends a value that JSON turned into null (NaN or Infinity in the browser)',
    request: (b) => withFigure(b, fig({ value: null })),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'leaves out the value',
    request: (b) => withFigure(b, { label: 'x', unit: '', period: '' }),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'sends a value true',
    request: (b) => withFigure(b, fig({ value: true })),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'leaves out the unit',
    request: (b) => withFigure(b, { label: 'x', value: 1, period: '' }),
    error: /^Invalid save request: figures\[0\]\.unit must be text\.$/,
  },
  {
    does: 'sends a 41-character unit',
    request: (b) => withFigure(b, fig({ unit: long(41) })),
    error: /^Invalid save request: figures\[0\]\.unit must be at most 40 characters\.$/,
  },
  {
    does: 'sends the unit as a number',
    request: (b) => withFigure(b, fig({ unit: 1000 })),
    error: /^Invalid save request: figures\[0\]\.unit must be text\.$/,
  },
  {
    does: 'sends a 41-character period',
    request: (b) => withFigure(b, fig({ period: long(41) })),
    error: /^Invalid save request: figures\[0\]\.period must be at most 40 characters\.$/,
  },
  {
    does: 'sends a 501-character note',
    request: (b) => withFigure(b, fig({ note: long(501) })),
    error: /^Invalid save request: figures\[0\]\.note must be at most 500 characters\.$/,
  },
  {
    does: 'sends a 100,000-character note',
    request: (b) => withFigure(b, fig({ note: long(100_000) })),
    error: /^Invalid save request: figures\[0\]\.note must be at most 500 characters\.$/,
  },
  {
    does: 'sends the note as a number',
    request: (b) => withFigure(b, fig({ note: 3 })),
    error: /^Invalid save request: figures\[0\]\.note must be text\.$/,
  },
  {
    does: 'sends a 61-character metric',
    request: (b) => withFigure(b, fig({ metric: long(61) })),
    error: /^Invalid save request: figures\[0\]\.metric must be at most 60 characters\.$/,
  },
  {
    does: 'adds a "source" field to a figure',
    request: (b) => withFigure(b, fig({ source: 'made up' })),
    error: /^Invalid save request: figures\[0\] has an unknown field "source"\.$/,
  },
  {
    does: 'adds a "formula" field to a figure',
    request: (b) => withFigure(b, fig({ formula: '=1/0' })),
    error: /^Invalid save request: figures\[0\] has an unknown field "formula"\.$/,
  },
  // prototype pollution, sent as JSON text so "__proto__" is an own key as google.script.run would deliver it
  {
    does: 'smuggles "__proto__" into the request',
    json: true,
    request: (b) => asJson(b, '"__proto__":{"polluted":true,"isAdmin":true}'),
    error: /^Invalid save request: save request has an unknown field "__proto__"\.$/,
  },
  {
    does: 'smuggles "constructor.prototype" into the request',
    json: true,
    request: (b) => asJson(b, '"constructor":{"prototype":{"polluted":true}}'),
    error: /^Invalid save request: save request has an unknown field "constructor"\.$/,
  },
  {
    does: 'smuggles "prototype" into the request',
    json: true,
    request: (b) => asJson(b, '"prototype":{"polluted":true}'),
    error: /^Invalid save request: save request has an unknown field "prototype"\.$/,
  },
  {
    does: 'smuggles "__proto__" into a figure',
    json: true,
    request: (b) => asJson(b, '"__proto__":{"polluted":true}', 'figure'),
    error: /^Invalid save request: figures\[0\] has an unknown field "__proto__"\.$/,
  },
  {
    does: 'smuggles "constructor" into a figure',
    json: true,
    request: (b) => asJson(b, '"constructor":{"prototype":{"polluted":true}}', 'figure'),
    error: /^Invalid save request: figures\[0\] has an unknown field "constructor"\.$/,
  },
  // resetBlock
  {
    does: 'resets with no request',
    fn: 'resetBlock',
    request: () => undefined,
    error: /^Invalid reset request: reset request must be an object with blockId and version\.$/,
  },
  {
    does: 'resets a block that does not exist',
    fn: 'resetBlock',
    request: (b) => ({ blockId: 'nope', version: b.version }),
    error: /^Invalid reset request: blockId must be one of: /,
  },
  {
    does: 'resets without a version',
    fn: 'resetBlock',
    request: (b) => ({ blockId: b.blockId }),
    error: /^Invalid reset request: version must be text\.$/,
  },
  {
    does: 'sends entries along with a reset',
    fn: 'resetBlock',
    request: (b) => ({ blockId: b.blockId, version: b.version, entries: ['x'] }),
    error: /^Invalid reset request: reset request has an unknown field "entries"\.$/,
  },
  {
    does: 'smuggles "__proto__" into a reset',
    fn: 'resetBlock',
    json: true,
    request: (b) => `{"blockId":"${b.blockId}","version":"${b.version}","__proto__":{"polluted":true}}`,
    error: /^Invalid reset request: reset request has an unknown field "__proto__"\.$/,
  },
  // selectBlock
  {
    does: 'selects a block that does not exist',
    fn: 'selectBlock',
    request: () => 'nope',
    error: /^Invalid block id: block id must be one of: /,
  },
  {
    does: 'selects with an object holding an unknown field',
    fn: 'selectBlock',
    request: (b) => ({ blockId: b.blockId, sheet: 'Xiaomi Canvas' }),
    error: /^Invalid select request: select request has an unknown field "sheet"\.$/,
  },
  {
    does: 'selects on a malformed canvas id',
    fn: 'selectBlock',
    request: (b) => ({ blockId: b.blockId, canvasId: 'Xiaomi Canvas' }),
    error: /^Invalid select request: canvasId is not a canvas id \(such as "canvas-2"\)\.$/,
  },
  {
    does: 'saves to a malformed canvas id',
    fn: 'saveBlock',
    request: (b) => ({ ...b, canvasId: 2 }),
    error: /^Invalid save request: canvasId must be text\.$/,
  },
  {
    does: 'saves with a base that is not an object',
    fn: 'saveBlock',
    request: (b) => ({ ...b, base: ['x'] }),
    error:
      /^Invalid save request: base must be an object with entries, figures and optionally links and evidence \(the block as it was loaded\)\.$/,
  },
  {
    does: 'saves with a base holding an unknown field',
    fn: 'saveBlock',
    request: (b) => ({ ...b, base: { entries: [], figures: [], version: 'x' } }),
    error: /^Invalid save request: base has an unknown field "version"\.$/,
  },
  {
    does: 'saves with a malformed base figure',
    fn: 'saveBlock',
    request: (b) => ({ ...b, base: { entries: [], figures: [{ label: 'x', value: '1', unit: '', period: '' }] } }),
    error: /^Invalid save request: base\.figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'resets on a malformed canvas id',
    fn: 'resetBlock',
    request: (b) => ({ blockId: b.blockId, version: b.version, canvasId: 'canvas-0' }),
    error: /^Invalid reset request: canvasId is not a canvas id \(such as "canvas-2"\)\.$/,
  },
  {
    does: 'asks for a canvas with an unknown field',
    fn: 'getCanvas',
    request: () => ({ canvas: 'canvas-1' }),
    error: /^Invalid canvas request: canvas request has an unknown field "canvas"\.$/,
  },
  {
    does: 'selects the block "__proto__"',
    fn: 'selectBlock',
    request: () => '__proto__',
    error: /^Invalid block id: block id must be one of: /,
  },
  {
    does: 'selects the block "hasOwnProperty"',
    fn: 'selectBlock',
    request: () => 'hasOwnProperty',
    error: /^Invalid block id: block id must be one of: /,
  },
  {
    does: 'selects a 100,000-character block id',
    fn: 'selectBlock',
    request: () => long(100_000),
    error: /^Invalid block id: block id must be one of: /,
  },
];

/** Values google.script.run cannot carry (JSON has no NaN or Infinity): only the modules can receive them. */
const MODULE_ONLY: BadRequest[] = [
  {
    does: 'sends NaN as a value',
    request: (b) => withFigure(b, fig({ value: Number.NaN })),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'sends Infinity as a value',
    request: (b) => withFigure(b, fig({ value: Number.POSITIVE_INFINITY })),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
  {
    does: 'sends -Infinity as a value',
    request: (b) => withFigure(b, fig({ value: Number.NEGATIVE_INFINITY })),
    error: /^Invalid save request: figures\[0\]\.value must be a finite number\.$/,
  },
];

const requestOf = (c: BadRequest, base: Base): unknown => {
  const r = c.request(base);
  return c.json ? JSON.parse(r as string) : r;
};

const baseOf = (view: CanvasView): Base => {
  const b = view.blocks.find((x) => x.id === 'channels')!;
  return { blockId: b.id, version: b.version, entries: b.entries, figures: b.figures };
};

describe('invalid requests through the built bundle: a one-line error naming the field, nothing read or written', () => {
  let c: Canvas;
  let base: Base;
  let before: string;
  beforeAll(() => {
    c = withCanvas();
    base = baseOf(c.view());
    before = stateText(c.fake);
  });

  test.each(BAD_REQUESTS.map((x) => [x.does, x] as const))('%s', (_does, bad) => {
    c.fake.resetStats();
    const args = bad.request(base) === undefined ? [] : [requestOf(bad, base)];
    const message = thrown(() => c.call(bad.fn ?? 'saveBlock', ...args));
    expectClearError(message, bad.error);
    expect(c.fake.stats.calls).toBe(0);
    expectSameState(c.fake, before);
    expect(prototypePolluted(c)).toBe(false);
  });
});

describe('invalid requests to the server modules directly: the same errors, nothing read or written', () => {
  let fake: ReturnType<typeof installFakeGlobals>;
  let base: Base;
  let before: string;
  const run = { saveBlock, resetBlock, selectBlock, getCanvas } as Record<Fn, (r: unknown) => unknown>;
  beforeAll(() => {
    fake = installFakeGlobals();
    insertCanvas(fake.spreadsheet, fake.globals.SpreadsheetApp.getUi(), CONTENT);
    base = baseOf(getCanvas());
    before = stateText(fake);
  });

  test.each([...BAD_REQUESTS, ...MODULE_ONLY].map((x) => [x.does, x] as const))('%s', (_does, bad) => {
    fake.resetStats();
    const message = thrown(() => run[bad.fn ?? 'saveBlock'](requestOf(bad, base)));
    expectClearError(message, bad.error);
    expect(fake.stats.calls).toBe(0);
    expectSameState(fake, before);
    expect('polluted' in {}).toBe(false);
  });
});

/** Text a user may legitimately type that Sheets would otherwise interpret: stored and shown literally. */
const LITERAL_TEXT: Array<[does: string, text: string, readBack?: string]> = [
  ['types a formula that fetches a URL (formula injection)', '=IMPORTXML("http://x.example","//a")'],
  ['types a formula that adds numbers', '=1+1'],
  ['types a formula that starts with +', '+SUM(1,2)'],
  ['types a formula that starts with -', '-2+3'],
  ['types a formula that starts with @', '@SUM(A1:A9)'],
  ['types a HYPERLINK formula', '=HYPERLINK("http://evil.example","Click me")'],
  ['types a CSV injection payload', "=cmd|' /C calc'!A0"],
  ['types a CSV injection hidden behind a leading tab (trimmed, still literal)', '\t=1+1', '=1+1'],
  ['types an HTML image with an onerror handler', '<img src=x onerror=alert(1)>'],
  ['types a script tag that closes the boot JSON', '</script><script>alert(document.cookie)</script>'],
  ['types an HTML comment opener', '<!-- hidden'],
  ['types a javascript: URL', 'javascript:alert(1)'],
  ['types template syntax', '${7*7} {{7*7}} <%= 7*7 %>'],
  ['types a leading apostrophe', "'quoted"],
  ['types a year', '2024'],
  ['types a fraction that Sheets would make a date', '1/2'],
  ['types a number in scientific notation', '1e5'],
  ['types a number with leading zeros', '0012'],
  ['types a percentage', '50%'],
  ['types a currency amount', '$5'],
  ['types TRUE', 'TRUE'],
  ['types emoji, a family ZWJ sequence and a flag', '😀 👩‍👩‍👧‍👦 🇨🇳 smart home'],
  ['types a combining accent (not normalised)', 'Cafe\u0301 and Cafe\u0301s'],
  ['types right-to-left Arabic', 'مرحبا بالعالم — شاومي'],
  ['types a right-to-left override', '\u202Egnp.exe'],
  ['types zero-width characters inside a word', 'zero\u200Bwidth\u200Djoiner\u2060here'],
  ['types only a zero-width space (a character, not whitespace)', '\u200B'],
  ['types Chinese', '小米 澎湃OS 人车家全生态'],
  ['types a line break inside an entry', 'first line\nsecond line'],
];

describe('text is stored and read back literally: entries, labels, units, periods, notes and metrics', () => {
  test.each(LITERAL_TEXT)('a user %s', (_does, text, readBack = text) => {
    const c = withCanvas();
    const block = c.block('channels');
    const figures: Figure[] = [
      {
        label: text,
        value: 1.5,
        unit: text.slice(0, 40),
        period: text.slice(0, 40),
        note: text,
        metric: text.slice(0, 60),
      },
    ];
    const saved = c.call<BlockView>('saveBlock', {
      blockId: block.id,
      version: block.version,
      entries: [text, 'plain'],
      figures,
    });
    const expected = readBack.slice(0, 40);
    const after = c.block('channels');
    expect(after).toEqual(saved);
    expect(after.entries).toEqual([readBack, 'plain']);
    expect(after.figures).toEqual([
      {
        label: readBack,
        value: 1.5,
        unit: expected.trim(),
        period: expected.trim(),
        note: readBack,
        metric: readBack.slice(0, 60).trim(),
      },
    ]);
    // never a formula in the canvas or the details, and Key Figures shows the label as text, with no error value
    expect(
      c.fake.direct
        .formulas(CANVAS)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(
      c.fake.direct
        .formulas(DETAILS)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(c.fake.direct.values(FIGURES).some((row) => row[0] === 'Channels' && row[1] === readBack)).toBe(true);
    expect(errorCells(c, FIGURES)).toEqual([]);
    // the sidebar's boot JSON carries it without breaking out of its script tag
    c.call('showCanvasSidebar');
    const html = c.fake.ui.sidebars.at(-1)!.html;
    const boot = /<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(boot).not.toMatch(/[<>]/);
    expect((JSON.parse(boot) as { canvas: CanvasView }).canvas.blocks[5].entries[0]).toBe(readBack);
  });

  test('the same text through the server modules directly is stored literally too', () => {
    const fake = installFakeGlobals();
    insertCanvas(fake.spreadsheet, fake.globals.SpreadsheetApp.getUi(), CONTENT);
    const block = getCanvas().blocks[5];
    const texts = LITERAL_TEXT.map(([, text]) => text.trim());
    saveBlock({ blockId: block.id, version: block.version, entries: texts, figures: [] });
    expect(getCanvas().blocks[5].entries).toEqual(texts);
    expect(
      fake.direct
        .formulas(CANVAS)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });
});

describe('lone surrogates (half of an emoji): refused, because Sheets cannot store them and the block would never read back as saved', () => {
  const LONE = [
    [
      'sends a lone high surrogate in an entry',
      (b: BlockView) => ({ ...saveOf(b), entries: ['broken \ud83d emoji'] }),
      /entries\[0\]/,
    ],
    [
      'sends a lone low surrogate in a label',
      (b: BlockView) => ({ ...saveOf(b), figures: [fig({ label: '\ude00 label' })] }),
      /figures\[0\]\.label/,
    ],
    [
      'sends a reversed surrogate pair in a note',
      (b: BlockView) => ({ ...saveOf(b), figures: [fig({ note: '\ude00\ud83d' })] }),
      /figures\[0\]\.note/,
    ],
  ] as const;
  const saveOf = (b: BlockView) => ({ blockId: b.id, version: b.version, entries: b.entries, figures: b.figures });

  // Reported to the lead: src/core/requests.ts accepts unpaired UTF-16 surrogates. JSON carries them as "\ud83d"
  // escapes, but Sheets stores text as Unicode scalar values (a lone surrogate becomes U+FFFD), so the sheet would
  // not read back what was saved and the next save from the same sidebar would be a false conflict.
  test.each(LONE)('a user %s: clear error, nothing written', (_does, make, field) => {
    const c = withCanvas();
    const block = c.block('channels');
    expectRejected(
      c,
      () => c.call('saveBlock', make(block)),
      new RegExp(`^Invalid save request: ${field.source}.*(surrogate|invalid character|Unicode)`, 'i'),
    );
  });
});

describe('what a save returns is what the sheet reads back (otherwise the next save is a false conflict)', () => {
  // Reported to the lead: src/core/canvas-read.ts strips a leading "• " from every entry it reads (for bullets
  // teammates type by hand), but saveBlock stores and returns the entry with it. The saved view and the next
  // getCanvas differ, so the version the sidebar holds is stale at once and its next save is refused as a conflict
  // although nobody else changed anything.
  test('a user starts an entry with "• " in the sidebar: the next save from the returned version succeeds', () => {
    const c = withCanvas();
    const block = c.block('channels');
    const saved = c.call<BlockView>('saveBlock', {
      blockId: block.id,
      version: block.version,
      entries: ['• Typed with a bullet', 'plain'],
      figures: block.figures,
    });
    expect(c.block('channels')).toEqual(saved);
    const again = c.call<BlockView>('saveBlock', {
      blockId: saved.id,
      version: saved.version,
      entries: [...saved.entries, 'one more'],
      figures: saved.figures,
    });
    expect(c.block('channels')).toEqual(again);
  });

  test('a user starts an entry with "- " or "· " in the sidebar: stored and read back as typed', () => {
    const c = withCanvas();
    const block = c.block('channels');
    const saved = c.call<BlockView>('saveBlock', {
      blockId: block.id,
      version: block.version,
      entries: ['- dash', '· middle dot', '•no space'],
      figures: block.figures,
    });
    expect(c.block('channels')).toEqual(saved);
    expect(saved.entries).toEqual(['- dash', '· middle dot', '•no space']);
  });
});
