/**
 * Whether the running call has begun writing to the spreadsheet. Apps Script is not transactional: a failure after
 * the first write may leave part of the change in the sheet, and the user must be told so (sidebar-call.ts).
 * The one place that knows it, so the message (and a future error code) is decided in one spot.
 */
let begun = false;

/** A new call starts: nothing written yet. */
export function startCall(): void {
  begun = false;
}

/** The call is about to write (called where each operation's apply phase starts). */
export function beginWrites(): void {
  begun = true;
}

/** What the call wrote was undone (e.g. an import removed the sheets it had added): the sheet is as before. */
export function writesUndone(): void {
  begun = false;
}

export function writesBegun(): boolean {
  return begun;
}
