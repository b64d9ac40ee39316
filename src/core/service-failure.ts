/**
 * Failures of Google's services (timeouts, "Service … failed", quotas, lock timeouts) carry text meant for
 * developers, sometimes with a document id. The sidebar shows one plain line instead: what happened, that nothing
 * typed is lost, and what to do. Our own errors (validation, conflicts, "busy") are already plain and pass through.
 */
import { failureSentence } from './failure';

const SERVICE_FAILURE_PATTERNS: readonly RegExp[] = [
  /\bService\b.*\b(failed|timed out|unavailable|error)\b/i,
  /\btimed? ?out\b/i,
  /\bdocument with id\b/i,
  /\bserver error\b/i,
  /\binternal error\b/i,
  /\btoo many\b.*\b(times|operations|calls|requests)\b/i,
  /\bquota\b/i,
  /\brate limit/i,
  /\bExceeded maximum execution time\b/i,
  /\bLock (timeout|wait)\b/i,
  /\bbackend error\b/i,
  /\btry again later\b/i,
];

/** Our own messages quote whatever the user sent ("…"); quoted text never makes a message a service failure. */
export function isServiceFailure(message: string): boolean {
  const unquoted = message.replace(/"[^"]*"|“[^”]*”/g, '');
  return SERVICE_FAILURE_PATTERNS.some((pattern) => pattern.test(unquoted));
}

/** What a sidebar call was doing, for the plain-words message. */
export type CallKind = 'save' | 'change' | 'read';

/** The sentence of a service failure (src/core/failure.ts owns it). */
export function serviceFailureMessage(kind: CallKind): string {
  return failureSentence({ code: 'service-failure', kind });
}

/** A Google failure in a menu item, in one true line: whether part of the change may already be in the sheet. */
export function menuFailureMessage(partial: boolean): string {
  return partial
    ? 'Google Sheets stopped part-way: part of the change may already be in the sheet. Run the menu item again to finish it.'
    : 'Google Sheets did not respond; nothing was changed. Try again.';
}
