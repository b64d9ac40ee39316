/**
 * The preview server's routes. It answers only its own API and refuses everything else with a 4xx before
 * touching the spreadsheet:
 *
 *   GET  /                 the page            GET  /sidebar        the sidebar (google.script.run stand-in injected)
 *   GET  /api/view?sheet=  one sheet's grid    GET  /api/version    the change counter
 *   GET  /download.xlsx    the workbook
 *   POST /api/run   { fn, args }      a sidebar call (only the sidebar's server functions)
 *   POST /api/menu  { fn, answers }   an add-on menu item (only the items onOpen put in the menu)
 *   POST /api/cell  { sheet, a1, value }  a direct edit, as if a teammate typed into the cell
 *   POST /api/structure { op, sheet, … }  a teammate inserts or deletes rows, renames or deletes a tab
 *
 * Unknown paths 404; a known path with another method 405; a foreign Host or Origin 403 (so another web
 * site, or a DNS-rebound name, cannot drive it); POST bodies must be application/json (415), at most
 * `bodyLimit` bytes (413), valid JSON (400) of the route's shape (400); unknown function names 400, and
 * functions that exist but are not the route's 403.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { escapeHtml } from './html';
import { renderPage } from './render-page';
import type { PreviewSession } from './session';
import { withScriptRun } from './sidebar-shim';

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export interface ApiConfig {
  session: PreviewSession;
  /** Host header values accepted (e.g. 127.0.0.1:8080, localhost:8080). */
  allowedHosts: () => string[];
  bodyLimit: number;
  stateFileLabel: string;
  log: (line: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const PAGE_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SIDEBAR_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src data:; form-action 'none'; frame-ancestors 'self'";

const FunctionName = z.string().min(1).max(100);
const RunRequest = z.object({ fn: FunctionName, args: z.array(z.unknown()).max(10).optional() }).strict();
const MenuRequest = z
  .object({
    fn: FunctionName,
    answers: z
      .array(z.enum(['YES', 'NO', 'OK', 'CANCEL', 'CLOSE']))
      .max(10)
      .optional(),
  })
  .strict();
const CellRequest = z
  .object({
    sheet: z.string().min(1).max(200),
    a1: z.string().regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/, 'a1 must be one cell like B7'),
    value: z.string().max(50000),
  })
  .strict();

const SheetName = z.string().min(1).max(200);
const RowCount = { row: z.number().int().min(1).max(100000), count: z.number().int().min(1).max(1000) };
const StructureRequest = z.discriminatedUnion('op', [
  z.object({ op: z.literal('insertRowsBefore'), sheet: SheetName, ...RowCount }).strict(),
  z.object({ op: z.literal('insertRowsAfter'), sheet: SheetName, ...RowCount }).strict(),
  z.object({ op: z.literal('deleteRows'), sheet: SheetName, ...RowCount }).strict(),
  z.object({ op: z.literal('renameSheet'), sheet: SheetName, name: SheetName }).strict(),
  z.object({ op: z.literal('deleteSheet'), sheet: SheetName }).strict(),
]);

type Route = {
  method: 'GET' | 'POST';
  handle: (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<void> | void;
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

/** Reads a JSON body: application/json, at most `limit` bytes, parseable. */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(type)) {
    throw new HttpError(415, 'The request body must be JSON (Content-Type: application/json).');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpError(413, `The request body is larger than ${limit} bytes.`, { Connection: 'close' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new HttpError(413, `The request body is larger than ${limit} bytes.`, { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve();
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `Invalid request: ${where}${issue.message}`);
  }
  return result.data;
}

export function createHandler(config: ApiConfig): (req: IncomingMessage, res: ServerResponse) => void {
  const { session } = config;

  const checkFunction = (fn: string, allowed: string[], what: string): void => {
    if (allowed.includes(fn)) return;
    if (session.host.functionNames.includes(fn)) throw new HttpError(403, `${fn} is not ${what}.`);
    throw new HttpError(400, `Unknown function "${fn.slice(0, 100)}".`);
  };

  const routes: Record<string, Route> = {
    '/': {
      method: 'GET',
      handle: (_req, url, res) => {
        const view = session.view(url.searchParams.get('sheet') ?? undefined);
        const html = renderPage({
          view,
          menuName: session.menuName(),
          menu: session.menuEntries(),
          stateFile: config.stateFileLabel,
          sidebarOpen: session.sidebarHtml() !== null,
        });
        send(res, 200, html, 'text/html; charset=utf-8', {
          'Content-Security-Policy': PAGE_CSP,
          'X-Frame-Options': 'DENY',
        });
      },
    },
    '/sidebar': {
      method: 'GET',
      handle: (_req, _url, res) => {
        const shown = session.sidebarHtml();
        const html =
          shown ??
          `<!DOCTYPE html><meta charset="utf-8"><p style="font:13px Arial;padding:12px">${escapeHtml('Open the sidebar from the menu: Open canvas sidebar.')}</p>`;
        send(res, 200, withScriptRun(html, session.sidebarFunctions()), 'text/html; charset=utf-8', {
          'Content-Security-Policy': SIDEBAR_CSP,
          'X-Frame-Options': 'SAMEORIGIN',
        });
      },
    },
    // Apache ECharts (a maintained charting library) draws the embedded charts in the page.
    '/echarts.js': {
      method: 'GET',
      handle: (_req, _url, res) =>
        send(res, 200, readFileSync(require.resolve('echarts/dist/echarts.min.js')), 'text/javascript; charset=utf-8'),
    },
    '/api/view': {
      method: 'GET',
      handle: (_req, url, res) => sendJson(res, 200, session.view(url.searchParams.get('sheet') ?? undefined)),
    },
    '/api/version': {
      method: 'GET',
      handle: (_req, _url, res) => sendJson(res, 200, { version: session.version }),
    },
    '/download.xlsx': {
      method: 'GET',
      handle: async (_req, _url, res) => {
        const bytes = await session.xlsx();
        send(res, 200, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
          'Content-Disposition': 'attachment; filename="xiaomi-canvas.xlsx"',
        });
      },
    },
    '/api/run': {
      method: 'POST',
      handle: async (req, _url, res) => {
        const body = parse(RunRequest, await readJson(req, config.bodyLimit));
        checkFunction(body.fn, session.sidebarFunctions(), 'a function the sidebar calls');
        sendJson(res, 200, session.run(body.fn, body.args ?? []));
      },
    },
    '/api/menu': {
      method: 'POST',
      handle: async (req, _url, res) => {
        const body = parse(MenuRequest, await readJson(req, config.bodyLimit));
        checkFunction(
          body.fn,
          session.menuEntries().map((m) => m.functionName),
          'an item of the add-on menu',
        );
        sendJson(res, 200, session.menu(body.fn, body.answers ?? []));
      },
    },
    '/api/cell': {
      method: 'POST',
      handle: async (req, _url, res) => {
        const body = parse(CellRequest, await readJson(req, config.bodyLimit));
        if (!session.sheetNames().includes(body.sheet))
          throw new HttpError(400, `There is no sheet named "${body.sheet.slice(0, 200)}".`);
        const outcome = session.setCell(body.sheet, body.a1, body.value);
        sendJson(res, outcome.ok ? 200 : 400, outcome);
      },
    },
    '/api/structure': {
      method: 'POST',
      handle: async (req, _url, res) => {
        const body = parse(StructureRequest, await readJson(req, config.bodyLimit));
        if (!session.sheetNames().includes(body.sheet))
          throw new HttpError(400, `There is no sheet named "${body.sheet.slice(0, 200)}".`);
        const outcome = session.structure(body);
        sendJson(res, outcome.ok ? 200 : 400, outcome);
      },
    },
  };

  return (req, res) => {
    void (async () => {
      try {
        const host = (req.headers.host ?? '').toLowerCase();
        if (!config.allowedHosts().includes(host))
          throw new HttpError(403, 'This preview only answers on its own address.');
        const origin = req.headers.origin;
        if (
          origin !== undefined &&
          origin !== 'null' &&
          !config.allowedHosts().some((h) => origin.toLowerCase() === `http://${h}`)
        ) {
          throw new HttpError(403, 'Cross-origin requests are not allowed.');
        }
        if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site')
          throw new HttpError(403, 'Cross-origin requests are not allowed.');
        const url = new URL(req.url ?? '/', 'http://preview.invalid');
        const route = Object.prototype.hasOwnProperty.call(routes, url.pathname) ? routes[url.pathname] : undefined;
        if (!route) throw new HttpError(404, 'Not found.');
        if (req.method !== route.method)
          throw new HttpError(405, `Use ${route.method} for ${url.pathname}.`, { Allow: route.method });
        await route.handle(req, url, res);
      } catch (error) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof HttpError) {
          sendJson(res, error.status, { ok: false, error: error.message }, error.headers);
          if (error.status === 413) req.resume();
        } else {
          config.log(
            `preview: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          sendJson(res, 500, { ok: false, error: 'Internal error in the preview server (see its console).' });
        }
      }
    })();
  };
}
