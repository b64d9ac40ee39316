import { callServer, errorMessage, isConflictMessage, server } from '../../src/sidebar/server';

type Handler = (value: unknown) => void;

/** A google.script.run double: chained, asynchronous, answers from `answers`. */
function installRun(answers: Record<string, (...args: unknown[]) => unknown>, calls: Array<[string, unknown[]]>): void {
  const runner = (ok: Handler | null, fail: Handler | null): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (h: Handler) => runner(h, fail),
      withFailureHandler: (h: Handler) => runner(ok, h),
    };
    for (const [name, answer] of Object.entries(answers)) {
      r[name] = (...args: unknown[]) => {
        calls.push([name, args]);
        setTimeout(() => {
          try {
            ok?.(answer(...args));
          } catch (error) {
            fail?.(error);
          }
        }, 0);
      };
    }
    return r;
  };
  (globalThis as unknown as { window: unknown }).window = { google: { script: { run: runner(null, null) } } };
}

afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

describe('sidebar server wrapper (google.script.run as promises)', () => {
  test('resolves with the server result and passes the arguments through', async () => {
    const calls: Array<[string, unknown[]]> = [];
    installRun({ saveBlock: (req) => ({ saved: req }), selectBlock: () => undefined }, calls);
    const request = { blockId: 'channels', version: 'v', entries: ['a'], figures: [] };
    await expect(server.saveBlock(request)).resolves.toEqual({ saved: request });
    await expect(server.selectBlock('channels')).resolves.toBeUndefined();
    expect(calls).toEqual([
      ['saveBlock', [request]],
      ['selectBlock', ['channels']],
    ]);
  });

  test('rejects with the server message as an Error', async () => {
    installRun(
      {
        getCanvas: () => {
          throw new Error('The canvas is busy with another edit; please try again in a moment.');
        },
      },
      [],
    );
    await expect(callServer('getCanvas')).rejects.toThrow(
      'The canvas is busy with another edit; please try again in a moment.',
    );
  });

  test('outside Google Sheets (no google.script.run) it fails in plain words', async () => {
    await expect(server.getCanvas()).rejects.toThrow(/only works inside Google Sheets/);
  });

  test('error messages are plain text whatever shape they come in', () => {
    expect(errorMessage(new Error('Exception: Nope.'))).toBe('Nope.');
    expect(errorMessage({ message: 'Busy.' })).toBe('Busy.');
    expect(errorMessage('Plain.')).toBe('Plain.');
    expect(errorMessage(undefined)).toMatch(/Something went wrong/);
  });

  test('conflicts are recognised by the server wording', () => {
    expect(isConflictMessage('Key Activities was changed by someone else since you opened it.')).toBe(true);
    expect(isConflictMessage('The canvas is busy with another edit; please try again in a moment.')).toBe(false);
  });
});
