import type { Browser, Page } from 'playwright-core';

/**
 * Opens the sidebar HTML in Chromium the way Apps Script shows it, with a `google.script.run` stand-in
 * whose calls run in Node (normally the built dist/Code.js on the Sheets fake). Like the real runner it is
 * chained (withSuccessHandler / withFailureHandler / withUserObject, then .fn(args)), asynchronous, passes
 * arguments and results through JSON and reports failures as Error objects with the server's message.
 */

export interface ServerBridge {
  /** Names of the server's top-level functions (google.script.run only knows those). */
  functionNames: string[];
  /** Runs one server function in Node; throws what the server throws. */
  call(fn: string, args: unknown[]): unknown;
}

export interface ServerCall {
  fn: string;
  args: unknown[];
  ok?: boolean;
  result?: unknown;
  error?: string;
}

export interface SidebarPage {
  page: Page;
  /** Every google.script.run call, in order, with its outcome. */
  calls: ServerCall[];
  /** Messages of any alert/confirm/prompt dialogs the page opened (there must be none). */
  dialogs: string[];
  /** URLs the page tried to load besides the sidebar itself (all are refused: the test runs offline). */
  blockedRequests: string[];
  /** Uncaught exceptions and console errors in the page (there must be none). */
  pageErrors: string[];
  /** Makes later server calls wait until the returned function is called (to observe "Saving…"). */
  holdCalls(): () => void;
  close(): Promise<void>;
}

export const SIDEBAR_URL = 'https://sidebar.invalid/Sidebar.html';

type Reply = { ok: true; json: string | undefined } | { ok: false; message: string };

/** Runs in the page before its own scripts: installs window.google.script.run. */
function installScriptRun(functionNames: string[]): void {
  type Handler = ((value: unknown, userObject: unknown) => void) | null;
  const w = window as unknown as {
    __gasBridge(fn: string, payload: string): Promise<Reply>;
    __alerts: string[];
    google: unknown;
    alert(message?: unknown): void;
    confirm(message?: unknown): boolean;
    prompt(message?: unknown): string | null;
  };
  w.__alerts = [];
  const originalAlert = w.alert.bind(window);
  w.alert = (message?: unknown) => {
    w.__alerts.push(String(message));
    originalAlert(message);
  };
  function runner(success: Handler, failure: Handler, userObject: unknown): Record<string, unknown> {
    const r: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Handler) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    for (const name of functionNames) {
      r[name] = (...args: unknown[]) => {
        const payload = JSON.stringify(args);
        void w.__gasBridge(name, payload).then((reply) => {
          if (reply.ok) {
            if (success) success(reply.json === undefined ? undefined : JSON.parse(reply.json), userObject);
          } else if (failure) {
            failure(new Error(reply.message), userObject);
          } else {
            console.error(`Uncaught server error in ${name}: ${reply.message}`);
          }
        });
      };
    }
    return r;
  }
  w.google = {
    script: {
      run: runner(null, null, undefined),
      host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} }, origin: 'https://docs.google.com' },
    },
  };
}

export async function openSidebar(
  browser: Browser,
  html: string,
  bridge: ServerBridge,
  options: { timezoneId?: string } = {},
): Promise<SidebarPage> {
  const context = await browser.newContext({
    viewport: { width: 300, height: 700 },
    deviceScaleFactor: 1,
    timezoneId: options.timezoneId,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const calls: ServerCall[] = [];
  const dialogs: string[] = [];
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  let gate: Promise<void> | null = null;

  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else {
      blockedRequests.push(url);
      await route.abort();
    }
  });
  await page.exposeFunction('__gasBridge', async (fn: string, payload: string): Promise<Reply> => {
    const args = JSON.parse(payload) as unknown[];
    const call: ServerCall = { fn, args };
    calls.push(call);
    if (gate) await gate;
    // Let the page paint its busy state before the answer arrives, as a real round trip would.
    await new Promise((resolve) => setTimeout(resolve, 5));
    try {
      const result = bridge.call(fn, args);
      call.ok = true;
      call.result = result;
      return { ok: true, json: result === undefined ? undefined : JSON.stringify(result) };
    } catch (error) {
      const message =
        error && typeof error === 'object' && 'message' in error ? String((error as Error).message) : String(error);
      call.ok = false;
      call.error = message;
      return { ok: false, message };
    }
  });
  await page.addInitScript(installScriptRun, bridge.functionNames);
  await page.goto(SIDEBAR_URL);

  return {
    page,
    calls,
    dialogs,
    blockedRequests,
    pageErrors,
    holdCalls() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    close: () => context.close(),
  };
}
