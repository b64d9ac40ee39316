/** Runs writes under the document lock, refusing with the busy failure when a teammate's write holds it. */
import { failure } from '../core/failure';

/** How long a write waits for a teammate's write to finish before giving up with a clear message. */
export const LOCK_WAIT_MS = 10_000;

/** Runs a write under the document lock so two editors never interleave their writes. */
export function withDocumentLock<T>(write: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) throw failure({ code: 'busy' });
  try {
    return write();
  } finally {
    // Apply every pending write before a teammate's write can start (Google's LockService guidance).
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
