/** The wrapper every sidebar-callable function goes through: named by the contract, service failures coded. */
import { failure } from '../core/failure';
import { isServiceFailure } from '../core/service-failure';
import { SIDEBAR_FUNCTIONS, type SidebarFunction } from '../core/sidebar-functions';
import type { ServerApi } from '../core/view';
import { startCall, writesBegun } from './write-progress';

/**
 * Wraps a function the sidebar calls, named as the contract (src/core/sidebar-functions.ts) names it, so its
 * result type must be the one ServerApi promises: a failure of a Google service becomes the coded failure
 * service-failure (one plain line, src/core/failure.ts) and the raw error goes to the log for the maintainer;
 * every other error (our own coded failures and messages) passes through unchanged. Nothing is retried here: the user's retry is safe because every write
 * carries the version it started from.
 */
export function sidebarCall<K extends SidebarFunction, A extends unknown[]>(
  name: K,
  fn: (...args: A) => ReturnType<ServerApi[K]>,
): (...args: A) => ReturnType<ServerApi[K]> {
  const kind = SIDEBAR_FUNCTIONS[name];
  return (...args: A) => {
    startCall();
    try {
      return fn(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isServiceFailure(message)) throw error;
      console.error(error);
      // After the first write, "nothing was saved" would not be true: part of the change may be in the sheet.
      throw failure(writesBegun() && kind !== 'read' ? { code: 'partial-write' } : { code: 'service-failure', kind });
    }
  };
}
