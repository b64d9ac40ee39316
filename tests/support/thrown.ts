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
