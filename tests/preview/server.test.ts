/**
 * The local preview server (npm start, issue 4) without a browser: it runs the built dist/Code.js on the
 * Sheets fake, answers only its own API (everything else is a 4xx with no state change), saves the
 * spreadsheet after every change, restores it at the next start, keeps a corrupt state file aside, and
 * renders every cell text escaped.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type PreviewServer } from '../../scripts/preview/server';
import { BLOCK_IDS, BLOCK_TITLES } from '../../src/core/block-ids';
import { SIDEBAR_FUNCTION_NAMES } from '../../src/core/sidebar-functions';
import type { BlockView, CanvasView } from '../../src/core/view';
import { INSERTED_SHEETS } from '../support/content';

let dir: string;
const running: PreviewServer[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
});

afterEach(async () => {
  while (running.length) await running.pop()?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: { fresh?: boolean; stateFile?: string } = {}): Promise<PreviewServer> {
  const preview = await startPreview({
    port: 0,
    stateFile: options.stateFile ?? join(dir, 'preview-state.json'),
    fresh: options.fresh,
    log: () => undefined,
  });
  running.push(preview);
  return preview;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

/** A raw HTTP request (node:http, so Host, Origin and bodies can be anything). */
function raw(
  preview: PreviewServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: preview.port,
        method,
        path,
        headers: { host: `127.0.0.1:${preview.port}`, ...(options.headers ?? {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else req.end(options.body);
  });
}

function postJson(
  preview: PreviewServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return raw(preview, 'POST', path, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function fingerprint(preview: PreviewServer) {
  return {
    file: readFileSync(preview.stateFile, 'utf8'),
    mtime: statSync(preview.stateFile).mtimeMs,
    version: preview.session.version,
    document: JSON.stringify(preview.session.fake.snapshotState()),
    alerts: preview.session.fake.ui.alerts.length,
  };
}

describe('what the preview runs', () => {
  test('a first start inserts the canvas with the built bundle, saves it, and serves a page with every sheet', async () => {
    const preview = await start();
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(preview.startup.source).toBe('new');
    expect(existsSync(preview.stateFile)).toBe(true);
    expect(preview.session.sheetNames()).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    // The add-on's own menu, built by its onOpen.
    expect(preview.session.menuEntries().map((m) => m.functionName)).toEqual(
      expect.arrayContaining(['insertXiaomiCanvas', 'showCanvasSidebar', 'refreshKeyFigures']),
    );

    const page = await raw(preview, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    for (const title of Object.values(BLOCK_TITLES)) expect(page.text).toContain(`>${title}</div>`);
    // each entry's evidence symbol beside it, in its colour, as on the sheet (issue 19)
    expect(page.text).toContain('<span style="color:#137333;font-weight:bold">✓</span>');
    expect(page.text).toContain('<span style="color:#5f6368;font-weight:bold">◆</span>');
    for (const label of ['Insert Xiaomi canvas', 'Open canvas sidebar', 'Refresh Key Figures', 'Download .xlsx'])
      expect(page.text).toContain(label);

    const view = (await raw(preview, 'GET', `/api/view?sheet=${encodeURIComponent('Key Figures')}`)).json() as {
      sheet: string;
      sheets: Array<{ name: string }>;
      grid: string;
    };
    expect(view.sheet).toBe('Key Figures');
    expect(view.sheets.map((s) => s.name)).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    expect(view.grid).toContain('⚠ Conflict');
  });

  test('the sidebar is the HTML showCanvasSidebar() produced, with google.script.run injected before its scripts', async () => {
    const preview = await start();
    const shown = preview.session.fake.ui.sidebars.at(-1);
    expect(shown?.title).toBe('Xiaomi Canvas');
    const reply = await raw(preview, 'GET', '/sidebar');
    expect(reply.status).toBe(200);
    const shim = reply.text.indexOf('installScriptRun');
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(reply.text.indexOf('<script', reply.text.indexOf('</script>', shim)));
    // Everything else is the sidebar exactly as the add-on produced it (boot data included).
    expect(reply.text.replace(/<script>\(function installScriptRun[\s\S]*?<\/script>/, '')).toBe(shown?.html);
    expect(reply.text).toContain('"sheetName":"Xiaomi Canvas"');
  });

  test('/api/run calls the bundle: getCanvas, then saveBlock changes the canvas and is saved to the state file', async () => {
    const preview = await start();
    const canvas = (await postJson(preview, '/api/run', { fn: 'getCanvas', args: [] })).json() as {
      ok: boolean;
      result: CanvasView;
    };
    expect(canvas.ok).toBe(true);
    expect(canvas.result.blocks.map((b) => b.id)).toEqual([...BLOCK_IDS]);
    const ka = canvas.result.blocks.find((b) => b.id === 'key-activities') as BlockView;
    const before = fingerprint(preview);

    const saved = (
      await postJson(preview, '/api/run', {
        fn: 'saveBlock',
        args: [
          {
            blockId: ka.id,
            version: ka.version,
            entries: ['Chip design', ...ka.entries.slice(1)],
            figures: ka.figures,
          },
        ],
      })
    ).json() as { ok: boolean; changed: boolean; result: BlockView };
    expect(saved).toMatchObject({ ok: true, changed: true });
    expect(saved.result.entries[0]).toBe('Chip design');
    expect(preview.session.fake.direct.evaluate('Xiaomi Canvas', 'D6')).toBe('•  Chip design');
    expect(preview.session.version).toBe(before.version + 1);
    expect(readFileSync(preview.stateFile, 'utf8')).not.toBe(before.file);

    // A server error reaches the caller as a failure, in plain words.
    const stale = (
      await postJson(preview, '/api/run', {
        fn: 'saveBlock',
        args: [{ blockId: ka.id, version: ka.version, entries: ['x'], figures: [] }],
      })
    ).json() as {
      ok: boolean;
      error: string;
    };
    expect(stale.ok).toBe(false);
    expect(stale.error).toMatch(/^Key Activities was changed by someone else since you opened it\./);
  });

  test("/api/cell is a teammate's direct edit: Key Figures follows through its formulas", async () => {
    const preview = await start();
    const { fake } = preview.session;
    const row = fake.direct.values('Key Figures').findIndex((r) => r[3] === 'CNY bn');
    const valueFormula = fake.direct.formulas('Key Figures')[row][2];
    const target = /^='Xiaomi Details'!(G\d+)$/.exec(valueFormula)?.[1] as string;
    expect(target).toBeDefined();
    const reply = await postJson(preview, '/api/cell', { sheet: 'Xiaomi Details', a1: target, value: '100' });
    expect(reply.status).toBe(200);
    expect(fake.direct.evaluate('Key Figures', `C${row + 1}`)).toBe(100);
    expect(fake.direct.evaluate('Key Figures', `G${row + 1}`)).toBeCloseTo(14, 10);
    const view = (await raw(preview, 'GET', `/api/view?sheet=${encodeURIComponent('Key Figures')}`)).json() as {
      grid: string;
    };
    expect(view.grid).toContain('>14.000</div>');
  });

  test('a menu question is asked by the page: no answer changes nothing, NO changes nothing, YES inserts a copy', async () => {
    const preview = await start();
    const before = fingerprint(preview);
    const asked = (await postJson(preview, '/api/menu', { fn: 'insertXiaomiCanvas' })).json() as {
      question?: { prompt: string; buttons: string };
    };
    expect(asked.question?.buttons).toBe('YES_NO');
    expect(asked.question?.prompt).toContain('already has a Xiaomi canvas');
    expect(fingerprint(preview)).toEqual(before);

    const no = (await postJson(preview, '/api/menu', { fn: 'insertXiaomiCanvas', answers: ['NO'] })).json() as {
      ok: boolean;
      changed: boolean;
    };
    expect(no).toMatchObject({ ok: true, changed: false });
    expect(fingerprint(preview).file).toBe(before.file);

    const yes = (await postJson(preview, '/api/menu', { fn: 'insertXiaomiCanvas', answers: ['YES'] })).json() as {
      ok: boolean;
      changed: boolean;
      toasts: unknown[];
    };
    expect(yes).toMatchObject({ ok: true, changed: true });
    expect(yes.toasts.length).toBeGreaterThan(0);
    expect(preview.session.sheetNames()).toContain('Xiaomi Canvas (2)');

    const refreshed = (await postJson(preview, '/api/menu', { fn: 'refreshKeyFigures' })).json() as {
      ok: boolean;
      toasts: Array<{ message: string }>;
    };
    expect(refreshed.ok).toBe(true);
    expect(refreshed.toasts.at(-1)?.message).toMatch(/Key Figures is linked/);

    const sidebar = (await postJson(preview, '/api/menu', { fn: 'showCanvasSidebar' })).json() as { sidebar: boolean };
    expect(sidebar.sidebar).toBe(true);
  });

  test('Download .xlsx exports the current state', async () => {
    const preview = await start();
    await postJson(preview, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: '0.2' });
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      request({ host: '127.0.0.1', port: preview.port, path: '/download.xlsx' }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toContain('xiaomi-canvas.xlsx');
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', ...INSERTED_SHEETS]);
    expect(wb.getWorksheet('Key Figures')?.getCell('B1').value).toBe(0.2);
  });
});

describe('a teammate changes the structure (Edit menu)', () => {
  const run = async (preview: PreviewServer, fn: string, args: unknown[] = []) =>
    (await postJson(preview, '/api/run', { fn, args })).json() as { ok: boolean; result: CanvasView; error?: string };

  test('rows inserted and deleted on the canvas: the add-on still reads every block', async () => {
    const preview = await start();
    const before = (await run(preview, 'getCanvas')).result;
    const inserted = await postJson(preview, '/api/structure', {
      op: 'insertRowsBefore',
      sheet: 'Xiaomi Canvas',
      row: 7,
      count: 1,
    });
    expect(inserted.status).toBe(200);
    expect(preview.session.model().sheets.find((s) => s.name === 'Xiaomi Canvas')!.lastRow).toBeGreaterThan(7);
    const after = (await run(preview, 'getCanvas')).result;
    expect(after.blocks.map((b) => b.entries)).toEqual(before.blocks.map((b) => b.entries));
    const deleted = await postJson(preview, '/api/structure', {
      op: 'deleteRows',
      sheet: 'Xiaomi Canvas',
      row: 7,
      count: 1,
    });
    expect(deleted.status).toBe(200);
    expect((await run(preview, 'getCanvas')).result.blocks.map((b) => b.entries)).toEqual(
      before.blocks.map((b) => b.entries),
    );
  });

  test('a tab renamed and a tab deleted, as a teammate would; a sheet that is not there is a 400', async () => {
    const preview = await start();
    const renamed = await postJson(preview, '/api/structure', {
      op: 'renameSheet',
      sheet: 'Xiaomi Details',
      name: 'Details (team)',
    });
    expect(renamed.status).toBe(200);
    expect(preview.session.sheetNames()).toContain('Details (team)');
    expect((await run(preview, 'getCanvas')).ok).toBe(true);
    const deleted = await postJson(preview, '/api/structure', { op: 'deleteSheet', sheet: 'Reported Results' });
    expect(deleted.status).toBe(200);
    expect(preview.session.sheetNames()).not.toContain('Reported Results');
    const missing = await postJson(preview, '/api/structure', { op: 'deleteSheet', sheet: 'Reported Results' });
    expect(missing.status).toBe(400);
    const bad = await postJson(preview, '/api/structure', { op: 'deleteColumns', sheet: 'Xiaomi Canvas' });
    expect(bad.status).toBe(400);
  });
});

describe('one list of sidebar functions', () => {
  /** Every server function the sidebar calls: the one contract (src/core/sidebar-functions.ts). */
  const sidebarCalls = () => [...SIDEBAR_FUNCTION_NAMES].sort();

  test('the preview serves exactly the functions the sidebar calls, each listed in src/entry-points.json', async () => {
    const preview = await start();
    const entryPoints = JSON.parse(readFileSync(join(__dirname, '../../src/entry-points.json'), 'utf8')) as string[];
    const served = preview.session.sidebarFunctions();
    expect([...served].sort()).toEqual(sidebarCalls());
    for (const name of served) expect(entryPoints).toContain(name);
  });

  test('every sidebar call works in the preview (the bundle answers, the preview refuses none)', async () => {
    const preview = await start();
    const canvas = (await postJson(preview, '/api/run', { fn: 'getCanvas', args: [] })).json() as {
      result: CanvasView;
    };
    const segmentId = canvas.result.segments[0].id;
    const args: Record<string, unknown[]> = {
      getBlock: [{ blockId: 'channels' }],
      selectBlock: [{ blockId: 'channels' }],
      getFitChecks: [{}],
      selectSegmentEntries: [{ segmentId }],
      selectCell: [{ sheet: 'Xiaomi Details', cell: 'A1' }],
      listSnapshots: [],
      exportCanvasJson: [],
    };
    for (const fn of sidebarCalls()) {
      const reply = await postJson(preview, '/api/run', { fn, args: args[fn] ?? [] });
      // A call the preview does not serve is a 4xx with "not a function"; a request the add-on refuses is its own
      // plain-words failure, which is the call working.
      expect([fn, reply.status]).toEqual([fn, 200]);
      const body = reply.json() as { ok: boolean; error?: string };
      expect(body.error ?? '').not.toMatch(/has no function|not a function/);
      if (fn in args) expect([fn, body.ok]).toEqual([fn, true]);
    }
  });
});

describe('cell text is rendered as text', () => {
  test('HTML, script and formula-like text typed into cells is escaped in the grid and the formula bar data', async () => {
    const preview = await start();
    const evil = '<img src=x onerror="window.__xss=1">&amp;</td><script>alert(1)</script>';
    expect((await postJson(preview, '/api/cell', { sheet: 'Sheet1', a1: 'B2', value: evil })).status).toBe(200);
    expect(
      (
        await postJson(preview, '/api/cell', {
          sheet: 'Sheet1',
          a1: 'B3',
          value: '\'=HYPERLINK("javascript:alert(1)")',
        })
      ).status,
    ).toBe(200);
    const view = (await raw(preview, 'GET', '/api/view?sheet=Sheet1')).json() as { grid: string };
    expect(view.grid).not.toContain('<img');
    expect(view.grid).not.toContain('<script');
    expect(view.grid).toContain(
      '&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;&amp;amp;&lt;/td&gt;&lt;script&gt;',
    );
    expect(view.grid).toContain('data-input="&#39;=HYPERLINK(&quot;javascript:alert(1)&quot;)"');
    const page = await raw(preview, 'GET', '/?sheet=Sheet1');
    expect(page.text).not.toContain('<img src=x');
  });
});

describe('the server refuses anything that is not its own API, changing nothing', () => {
  const bigBody = (bytes: number) => JSON.stringify({ fn: 'getCanvas', args: ['x'.repeat(bytes)] });

  const cases: Array<[string, number, (p: PreviewServer) => Promise<Reply>]> = [
    ['unknown path', 404, (p) => raw(p, 'GET', '/etc/passwd')],
    ['path traversal', 404, (p) => raw(p, 'GET', '/../package.json')],
    ['unknown API path', 404, (p) => postJson(p, '/api/eval', { code: '1' })],
    ['GET on a POST route', 405, (p) => raw(p, 'GET', '/api/run')],
    [
      'PUT on a POST route',
      405,
      (p) => raw(p, 'PUT', '/api/run', { headers: { 'content-type': 'application/json' }, body: '{"fn":"getCanvas"}' }),
    ],
    ['POST on a GET route', 405, (p) => postJson(p, '/', {})],
    ['DELETE', 405, (p) => raw(p, 'DELETE', '/api/cell')],
    [
      'a non-JSON content type',
      415,
      (p) => raw(p, 'POST', '/api/run', { headers: { 'content-type': 'text/plain' }, body: '{"fn":"getCanvas"}' }),
    ],
    [
      'a form post',
      415,
      (p) =>
        raw(p, 'POST', '/api/cell', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'sheet=Sheet1&a1=A1&value=1',
        }),
    ],
    [
      'a body that is not JSON',
      400,
      (p) => raw(p, 'POST', '/api/run', { headers: { 'content-type': 'application/json' }, body: '{fn: getCanvas' }),
    ],
    [
      'an empty body',
      400,
      (p) => raw(p, 'POST', '/api/run', { headers: { 'content-type': 'application/json' }, body: '' }),
    ],
    ['JSON of the wrong shape', 400, (p) => postJson(p, '/api/run', ['getCanvas'])],
    ['args that are not a list', 400, (p) => postJson(p, '/api/run', { fn: 'getCanvas', args: 'x' })],
    ['an extra field', 400, (p) => postJson(p, '/api/run', { fn: 'getCanvas', args: [], then: 'insertXiaomiCanvas' })],
    ['an unknown function', 400, (p) => postJson(p, '/api/run', { fn: 'deleteEverything', args: [] })],
    ['a prototype name', 400, (p) => postJson(p, '/api/run', { fn: 'constructor', args: [] })],
    ['__proto__', 400, (p) => postJson(p, '/api/run', { fn: '__proto__', args: [] })],
    ['a global of the script scope', 400, (p) => postJson(p, '/api/run', { fn: 'SpreadsheetApp', args: [] })],
    [
      'a menu function through the sidebar route',
      403,
      (p) => postJson(p, '/api/run', { fn: 'insertXiaomiCanvas', args: [] }),
    ],
    ['onOpen through the sidebar route', 403, (p) => postJson(p, '/api/run', { fn: 'onOpen', args: [] })],
    ['a sidebar function through the menu route', 403, (p) => postJson(p, '/api/menu', { fn: 'saveBlock' })],
    ['an unknown menu function', 400, (p) => postJson(p, '/api/menu', { fn: 'rm -rf' })],
    ['a made-up alert answer', 400, (p) => postJson(p, '/api/menu', { fn: 'insertXiaomiCanvas', answers: ['MAYBE'] })],
    ['a cell edit on a missing sheet', 400, (p) => postJson(p, '/api/cell', { sheet: 'Nope', a1: 'A1', value: '1' })],
    [
      'a cell edit with a range',
      400,
      (p) => postJson(p, '/api/cell', { sheet: 'Key Figures', a1: 'A1:B2', value: '1' }),
    ],
    [
      'a cell edit outside the sheet',
      400,
      (p) => postJson(p, '/api/cell', { sheet: 'Xiaomi Canvas', a1: 'ZZ1', value: '1' }),
    ],
    ['a cell edit with a number', 400, (p) => postJson(p, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: 2 })],
    [
      'a cell value over 50,000 characters',
      400,
      (p) => postJson(p, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: 'x'.repeat(50001) }),
    ],
    [
      'a body over 2 MB (declared)',
      413,
      (p) =>
        raw(p, 'POST', '/api/run', { headers: { 'content-type': 'application/json' }, body: bigBody(3 * 1024 * 1024) }),
    ],
    [
      'a body over 2 MB (streamed)',
      413,
      (p) =>
        raw(p, 'POST', '/api/run', {
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          chunks: Array.from({ length: 5 }, () => Buffer.alloc(600 * 1024, 0x20)),
        }),
    ],
    [
      'a foreign Host (DNS rebinding)',
      403,
      (p) => raw(p, 'GET', '/api/view', { headers: { host: 'evil.example:80' } }),
    ],
    [
      'a foreign Origin',
      403,
      (p) =>
        postJson(p, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: '9' }, { origin: 'https://evil.example' }),
    ],
    [
      'a null Origin',
      403,
      (p) => postJson(p, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: '9' }, { origin: 'null' }),
    ],
    [
      'a cross-site fetch',
      403,
      (p) =>
        postJson(p, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: '9' }, { 'sec-fetch-site': 'cross-site' }),
    ],
  ];

  test.each(cases)('%s → %i', async (_name, status, send) => {
    const preview = await start();
    const before = fingerprint(preview);
    const reply = await send(preview);
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect((reply.json() as { ok: boolean; error: string }).ok).toBe(false);
    if (status === 405) expect(reply.headers.allow).toMatch(/^(GET|POST)$/);
    expect(fingerprint(preview)).toEqual(before);
    // The server still works afterwards.
    expect((await postJson(preview, '/api/run', { fn: 'getCanvas', args: [] })).status).toBe(200);
  });

  test('the same origin is accepted (the page and the sidebar post with it)', async () => {
    const preview = await start();
    const reply = await postJson(
      preview,
      '/api/cell',
      { sheet: 'Key Figures', a1: 'B1', value: '0.15' },
      { origin: `http://127.0.0.1:${preview.port}`, 'sec-fetch-site': 'same-origin' },
    );
    expect(reply.status).toBe(200);
    expect(preview.session.fake.direct.evaluate('Key Figures', 'B1')).toBe(0.15);
  });
});

describe('the saved state', () => {
  test('every change is saved and loaded at the next start; --fresh starts over', async () => {
    const stateFile = join(dir, 'state', 'preview-state.json');
    const first = await start({ stateFile });
    await postJson(first, '/api/cell', { sheet: 'Key Figures', a1: 'B1', value: '0.25' });
    const canvas = (await postJson(first, '/api/run', { fn: 'getCanvas', args: [] })).json() as { result: CanvasView };
    const cs = canvas.result.blocks.find((b) => b.id === 'customer-segments') as BlockView;
    await postJson(first, '/api/run', {
      fn: 'saveBlock',
      args: [{ blockId: cs.id, version: cs.version, entries: ['Everyone 🌍', ...cs.entries], figures: cs.figures }],
    });
    const saved = readFileSync(stateFile, 'utf8');
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start({ stateFile });
    expect(second.startup.source).toBe('restored');
    expect(second.session.fake.direct.evaluate('Key Figures', 'B1')).toBe(0.25);
    expect(second.session.fake.direct.evaluate('Xiaomi Canvas', 'J6')).toBe('•  Everyone 🌍');
    expect(readFileSync(stateFile, 'utf8')).toBe(saved); // loading changes nothing
    expect(second.session.sheetNames().filter((n) => n.startsWith('Xiaomi Canvas'))).toEqual(['Xiaomi Canvas']); // not inserted again
    await second.close();
    running.splice(running.indexOf(second), 1);

    const third = await start({ stateFile, fresh: true });
    expect(third.startup.source).toBe('fresh');
    expect(third.session.fake.direct.evaluate('Key Figures', 'B1')).toBe(0.14);
    expect(third.session.fake.direct.evaluate('Xiaomi Canvas', 'J6')).not.toBe('Everyone 🌍');
  });

  test.each([
    ['not JSON', '{"format": "fake-sheets/1", "document": '],
    ['JSON of another shape', '{"hello": "world"}'],
    ['an empty file', ''],
  ])('a corrupt state file (%s) is reported and kept aside, never overwritten', async (_name, content) => {
    const stateFile = join(dir, 'preview-state.json');
    writeFileSync(stateFile, content);
    const preview = await start({ stateFile });
    expect(preview.startup.source).toBe('recovered');
    expect(preview.startup.corrupt?.reason).toBeTruthy();
    const movedTo = preview.startup.corrupt?.movedTo as string;
    expect(movedTo).toMatch(/preview-state\.corrupt-[0-9TZ-]+\.json$/);
    expect(readFileSync(movedTo, 'utf8')).toBe(content);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
    // The preview starts with a new canvas, saved to the state file.
    expect(preview.session.sheetNames()).toContain('Xiaomi Canvas');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ format: 'fake-sheets/1' });
  });
});
