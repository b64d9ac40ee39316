/**
 * A promise-returning wrapper over `google.script.run`, typed from the server contract (`ServerApi`) and built
 * from its one list of functions (src/core/sidebar-functions.ts), so a renamed server function or a changed
 * argument breaks this client's type check, not a user's click. Every result is checked here, once, against its
 * function's entry in RESULT_CHECKS; every failure arrives as a ServerFailure carrying the server's code.
 */
import { readFailure, type Failure } from '../core/failure';
import { SIDEBAR_FUNCTION_NAMES, type SidebarFunction } from '../core/sidebar-functions';
import type { ServerApi } from '../core/view';
import { RESULT_CHECKS } from './results';

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

/**
 * A call that failed: the code and data its sentence stands for (src/core/failure.ts) when it is a coded failure, `unreadable` when its
 * result was not what the function returns. Action code branches on these; src/sidebar/plain-errors.ts words them.
 */
export class ServerFailure extends Error {
  constructor(
    readonly failure: Failure | null,
    sentence: string,
    readonly unreadable?: SidebarFunction,
  ) {
    super(sentence);
  }
}

/** The code and data of a failed call (null when the server sent none). */
export function failureOf(error: unknown): Failure | null {
  return error instanceof ServerFailure ? error.failure : null;
}

function serverFailure(error: unknown): ServerFailure {
  const sentence = errorMessage(error);
  return new ServerFailure(readFailure(sentence), sentence);
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
      .withSuccessHandler((value) => {
        const checked = RESULT_CHECKS[name](value);
        if (checked.ok) resolve(checked.value);
        else
          reject(
            new ServerFailure(null, `The add-on sent back a result of ${name} that this sidebar cannot read.`, name),
          );
      })
      .withFailureHandler((error) => reject(serverFailure(error)));
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
      reject(serverFailure(error));
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
