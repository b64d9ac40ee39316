/**
 * The sidebar runs unchanged; only `google.script.run` is provided by the preview. A small script,
 * injected at the start of <head> so it exists before the sidebar's own scripts, stands in for Apps
 * Script's runner: chained withSuccessHandler / withFailureHandler / withUserObject, asynchronous,
 * arguments and results through JSON, failures as Error objects carrying the server's message. Each call
 * is a POST of { fn, args } to the preview server's /api/run; afterwards the page around the sidebar is
 * told to redraw the spreadsheet.
 */
import { scriptJson } from './html';

/** Runs inside the sidebar iframe (serialised with toString, so it must be self-contained). */
export function installScriptRun(functionNames: string[]): void {
  type Handler = ((value: unknown, userObject?: unknown) => void) | null;
  interface Reply {
    ok: boolean;
    result?: unknown;
    error?: string;
    changed?: boolean;
  }
  const notify = (type: string, detail: unknown): void => {
    try {
      window.parent.postMessage({ source: 'xiaomi-preview-sidebar', type, detail }, window.location.origin);
    } catch {
      /* not framed */
    }
  };
  const post = (fn: string, payload: string): Promise<Reply> =>
    fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: payload,
      credentials: 'same-origin',
    })
      .then((response) =>
        response.text().then((text): Reply => {
          let data: Reply | null;
          try {
            data = JSON.parse(text) as Reply;
          } catch {
            data = null;
          }
          if (data && typeof data.ok === 'boolean') return data;
          return {
            ok: false,
            error: (data && data.error) || `The preview server answered ${response.status} to ${fn}.`,
          };
        }),
      )
      .catch((error: unknown): Reply => ({
        ok: false,
        error: `The preview server cannot be reached (${error instanceof Error ? error.message : String(error)}). Is "npm start" still running?`,
      }));

  function runner(success: Handler, failure: Handler, userObject: unknown): Record<string, unknown> {
    const r: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Handler) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    for (const name of functionNames) {
      r[name] = (...args: unknown[]): void => {
        let payload: string;
        try {
          payload = JSON.stringify({ fn: name, args });
        } catch (error) {
          setTimeout(
            () => failure?.(new Error(`Cannot send the arguments of ${name}: ${String(error)}`), userObject),
            0,
          );
          return;
        }
        notify('call', { fn: name });
        void post(name, payload).then((reply) => {
          try {
            if (reply.ok) success?.(reply.result, userObject);
            else if (failure) failure(new Error(reply.error || 'Unknown server error'), userObject);
            else console.error(`Uncaught server error in ${name}: ${reply.error}`);
          } finally {
            notify('ran', { fn: name, ok: reply.ok, changed: !!reply.changed });
          }
        });
      };
    }
    return r;
  }

  (window as unknown as { google: unknown }).google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: () => notify('close', null),
        setHeight: () => undefined,
        setWidth: () => undefined,
        editor: { focus: () => notify('focus-editor', null) },
        origin: window.location.origin,
      },
    },
  };
}

/** The sidebar HTML with the google.script.run stand-in injected before its first script. */
export function withScriptRun(html: string, functionNames: string[]): string {
  const tag = `<script>(${installScriptRun.toString()})(${scriptJson(functionNames)});</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
