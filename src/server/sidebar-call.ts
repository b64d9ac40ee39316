import { isServiceFailure, serviceFailureMessage, type CallKind } from '../core/service-failure';

/**
 * Wraps a function the sidebar calls: a failure of a Google service reaches the user as one plain line (see
 * src/core/service-failure.ts) and the raw error goes to the log for the maintainer; every other error (our own
 * validation and conflict messages) passes through unchanged. Nothing is retried here: the user's retry is safe
 * because every write carries the version it started from.
 */
export function sidebarCall<A extends unknown[], R>(kind: CallKind, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isServiceFailure(message)) throw error;
      console.error(error);
      throw new Error(serviceFailureMessage(kind));
    }
  };
}
