/** The message of the Error `fn` throws; fails the test when it throws nothing. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error || (error && typeof (error as Error).message === 'string')
      ? (error as Error).message
      : String(error);
  }
  throw new Error('expected an error, but the call succeeded');
}

/** What Google says when a Spreadsheet service call times out (the failure the in-memory Sheets injects). */
export const SERVICE_TIMEOUT = 'Service Spreadsheets timed out while accessing document with id 1AbC.';
/** What the add-on says when a write stopped part-way. */
export const PARTIAL_WRITE = /stopped part-way: part of it may already be in the sheet/;
