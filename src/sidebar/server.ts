import { SIDEBAR_FUNCTION_NAMES, type SidebarFunction } from '../core/sidebar-functions';
import type { ServerApi } from '../core/view';

/**
 * A promise-returning wrapper over `google.script.run`, typed from the server contract (`ServerApi`) and built
 * from its one list of functions (src/core/sidebar-functions.ts), so a renamed server function or a changed
 * argument breaks this client's type check, not a user's click.
 */

type ServerFunctionName = SidebarFunction;
type Args<K extends ServerFunctionName> = Parameters<ServerApi[K]>;
type Result<K extends ServerFunctionName> = ReturnType<ServerApi[K]>;

/** The chained runner `google.script.run` hands out (only the parts this client uses). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

/** The plain-words text of a failure, whatever shape google.script.run handed it over in. */
export function errorMessage(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.message;
  else if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    text = (error as { message: string }).message;
  } else if (typeof error === 'string') text = error;
  else text = '';
  // Apps Script sometimes prefixes the thrown message with the error's class name.
  text = text.replace(/^(?:Exception|Error|TypeError|ScriptError):\s*/, '').trim();
  return text || 'Something went wrong while talking to Google Sheets. Please try again.';
}

/** True when a server failure message reports that the block changed in the sheet since it was loaded. */
export function isConflictMessage(message: string): boolean {
  return message.includes('was changed by someone else');
}

/** True when the sidebar's canvas was deleted (Refresh then opens the spreadsheet's default canvas). */
export function isMissingCanvasMessage(message: string): boolean {
  return message.startsWith('The canvas this sidebar was editing is no longer in this spreadsheet');
}

/** Calls one server function through google.script.run and resolves with its result. */
export function callServer<K extends ServerFunctionName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const run = typeof window !== 'undefined' ? window.google?.script?.run : undefined;
    if (!run) {
      reject(
        new Error('This sidebar only works inside Google Sheets (Extensions › Xiaomi Canvas › Open canvas sidebar).'),
      );
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as Result<K>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on's server has no function "${name}". Please reload the sidebar.`));
      return;
    }
    // An omitted optional request is left out, not sent as undefined.
    const sent: unknown[] = [...args];
    while (sent.length > 0 && sent[sent.length - 1] === undefined) sent.pop();
    try {
      (fn as (...a: unknown[]) => void).apply(runner, sent);
    } catch (error) {
      reject(new Error(errorMessage(error)));
    }
  });
}

type ServerClient = { [K in ServerFunctionName]: (...args: Args<K>) => Promise<Result<K>> };

/** The server functions, one promise-returning method each, for every function of the contract. */
export const server = Object.fromEntries(
  SIDEBAR_FUNCTION_NAMES.map((name) => [
    name,
    (...args: unknown[]) => callServer(name, ...(args as Args<typeof name>)),
  ]),
) as ServerClient;
