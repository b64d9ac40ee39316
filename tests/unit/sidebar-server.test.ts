import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, FAILURE_CODES, FAILURE_SENTENCES, failureSentence, type Failure } from '../../src/core/failure';
import { SIDEBAR_FUNCTION_NAMES } from '../../src/core/sidebar-functions';
import type { BlockView, CanvasView } from '../../src/core/view';
import { problemsOf } from '../../src/sidebar/boot';
import { cellProblemText, failureText, problemText } from '../../src/sidebar/plain-errors';
import { RESULT_CHECKS } from '../../src/sidebar/results';
import { callServer, errorMessage, failureOf, server, ServerFailure } from '../../src/sidebar/server';

const block = (id: BlockView['id'], title: string): BlockView => ({
  id,
  title,
  version: 'v1',
  entries: ['One'],
  figures: [{ label: 'Stores', value: 10, unit: '', period: '2024' }],
  links: [[]],
  evidence: [{ status: 'template', source: '', importance: null }],
});

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
    const saved = block('channels', 'Channels');
    installRun({ saveBlock: () => saved, selectBlock: () => undefined }, calls);
    const request = { blockId: 'channels', version: 'v', entries: ['a'], figures: [] };
    await expect(server.saveBlock(request)).resolves.toEqual(saved);
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

  test('an omitted optional request is not sent as undefined', async () => {
    const calls: Array<[string, unknown[]]> = [];
    installRun({ exportCanvasJson: () => '{}' }, calls);
    await server.exportCanvasJson(undefined);
    expect(calls).toEqual([['exportCanvasJson', []]]);
  });
});

describe('failures cross as codes; the sidebar words them and branches on the code only', () => {
  const fail = (message: string) => {
    installRun(
      {
        saveBlock: () => {
          throw new Error(message);
        },
      },
      [],
    );
    return server.saveBlock({ blockId: 'channels', version: 'v', entries: ['a'], figures: [] }).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error,
    );
  };

  test('a conflict is known by its code, and the sidebar words it itself', async () => {
    const error = await fail(failureSentence({ code: 'conflict', blockId: 'key-activities' }));
    expect(error).toBeInstanceOf(ServerFailure);
    expect(failureOf(error)).toEqual({ code: 'conflict', blockId: 'key-activities' });
    expect(failureText(error)).toBe(
      'Key Activities was changed by someone else since you opened it. Your edits are kept; review the current content and save again.',
    );
  });

  test('a sentence that merely contains the conflict words is no conflict (no logic searches sentences)', async () => {
    const error = await fail('Key Activities was changed by someone else since you opened it.');
    expect(failureOf(error)).toBeNull();
    expect(failureText(error)).toBe('Key Activities was changed by someone else since you opened it.');
  });

  test.each([
    [{ code: 'busy' }, /busy with another edit/],
    [{ code: 'missing-canvas' }, /no longer in this spreadsheet/],
    [{ code: 'no-canvas' }, /no Xiaomi canvas in this spreadsheet/],
    [{ code: 'service-failure', kind: 'save' }, /did not respond; nothing was saved/],
    [
      { code: 'invalid-request', what: 'save request', detail: 'entries[3] must not be empty' },
      /^The block could not be saved: entry 4 must not be empty\.$/,
    ],
    [{ code: 'over-limits', blockId: 'channels' }, /^Together with .* Channels would have more than/],
    [{ code: 'partial-write', blockId: 'channels' }, /Channels may already be in the sheet/],
  ] as Array<[Failure, RegExp]>)('%j crosses as its sentence and comes back as its code', async (failure, words) => {
    const error = await fail(failureSentence(failure));
    expect(failureOf(error)).toEqual(failure);
    expect(failureText(error)).toMatch(words);
  });

  test('every sentence can be reworded without touching any logic: codes and the sidebar’s words stay', async () => {
    const original = { ...FAILURE_SENTENCES };
    const reworded = FAILURE_SENTENCES as unknown as Record<string, (f: Failure) => string>;
    try {
      for (const code of FAILURE_CODES) reworded[code] = (f) => `Reworded ${JSON.stringify(f)} entirely!`;
      const conflict: Failure = { code: 'conflict', blockId: 'channels' };
      const sent = failureSentence(conflict);
      expect(sent).toBe('Reworded {"code":"conflict","blockId":"channels"} entirely!');
      const error = await fail(sent);
      expect(failureOf(error)).toEqual(conflict);
      expect(failureText(error)).toMatch(/^Channels was changed by someone else since you opened it\./);
      const busy = await fail(new CodedError({ code: 'busy' }).message);
      expect(failureOf(busy)).toEqual({ code: 'busy' });
      // The old wording means nothing any more: only the sentences of the table are failures.
      expect(failureOf(await fail(original.busy({ code: 'busy' })))).toBeNull();
    } finally {
      Object.assign(FAILURE_SENTENCES, original);
    }
  });
});

describe('each result is checked once, in the call wrapper, from one table keyed by function', () => {
  const canvas = (blocks: unknown[]): unknown => ({ sheetName: 'Xiaomi Canvas', blocks, segments: [] });

  test('the table has a check for every function the sidebar calls', () => {
    expect(Object.keys(RESULT_CHECKS).sort()).toEqual([...SIDEBAR_FUNCTION_NAMES].sort());
  });

  test('a result that is not what the function returns is refused in plain words', async () => {
    installRun({ getBlock: () => ({ id: 'channels' }), listSnapshots: () => [{ id: 1 }] }, []);
    const error = await server.getBlock({ blockId: 'channels' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerFailure);
    expect((error as ServerFailure).unreadable).toBe('getBlock');
    expect(failureText(error)).toMatch(/does not understand/);
    await expect(server.listSnapshots()).rejects.toBeInstanceOf(ServerFailure);
  });

  test('one bad figure value leaves the rest of the canvas readable and is reported for what it is', async () => {
    const bad = {
      ...block('channels', 'Channels'),
      figures: [block('channels', '').figures[0], { label: 'Reach', value: '35 bn', unit: '', period: '2024' }],
    };
    installRun({ getCanvas: () => canvas([block('key-partners', 'Key Partners'), bad]) }, []);
    const view: CanvasView = await server.getCanvas();
    expect(view.blocks.map((b) => b.id)).toEqual(['key-partners']);
    expect(problemsOf(view)).toEqual([{ blockId: 'channels', figure: 1 }]);
    expect(problemText(problemsOf(view))).toMatch(/^Channels could not be read \(figure 2 /);
  });

  test('a figure value its cell could not give (null, named in problems) is accepted, as NaN; unnamed, refused', async () => {
    const problem = { sheet: 'Xiaomi Details', cell: 'G8', found: '35 bn', expected: 'number', figure: 1 };
    const named = {
      ...block('channels', 'Channels'),
      figures: [block('channels', '').figures[0], { label: 'Reach', value: null, unit: '', period: '2024' }],
      problems: [problem],
    };
    const setting = { sheet: 'Key Figures', cell: 'B1', found: '', expected: 'number', setting: 'rate' };
    // As google.script.run hands them over: fresh copies, parsed from JSON.
    const wire = (value: unknown) => () => JSON.parse(JSON.stringify(value)) as unknown;
    installRun(
      {
        getCanvas: wire({ ...(canvas([block('key-partners', 'Key Partners'), named]) as object), problems: [setting] }),
        getBlock: wire(named),
        saveBlock: wire({ ...named, problems: [{ ...problem, figure: 0 }] }),
        resetBlock: wire({ ...named, problems: [{ ...problem, cell: 'G8:G9' }] }),
      },
      [],
    );
    const view = await server.getCanvas();
    expect(view.blocks.map((b) => b.id)).toEqual(['key-partners', 'channels']);
    expect(problemsOf(view)).toEqual([]);
    expect(view.problems).toEqual([setting]);
    expect(view.blocks[1].figures[1].value).toBeNaN();
    expect(view.blocks[1].problems).toEqual([problem]);
    expect((await server.getBlock({ blockId: 'channels' })).figures[1].value).toBeNaN();
    // A missing value that no problem names (figure 0 is named instead of 1), or a cell that is no cell: refused.
    await expect(
      server.saveBlock({ blockId: 'channels', version: 'v', entries: [], figures: [] }),
    ).rejects.toBeInstanceOf(ServerFailure);
    await expect(server.resetBlock({ blockId: 'channels', version: 'v' })).rejects.toBeInstanceOf(ServerFailure);
  });

  test('a cell problem is worded as the analyst finds it in Sheets', () => {
    const problem = { sheet: 'Xiaomi Details', cell: 'G8', found: '35 bn', expected: 'number' as const };
    expect(cellProblemText(problem)).toBe('Xiaomi Details!G8 is not a number: 35 bn');
    expect(cellProblemText({ ...problem, found: '' })).toBe('Xiaomi Details!G8 is empty: a number belongs there');
  });

  test('a canvas without its shape is refused whole', async () => {
    installRun({ getCanvas: () => ({ blocks: 'none' }) }, []);
    await expect(server.getCanvas()).rejects.toBeInstanceOf(ServerFailure);
  });
});

describe('one module owns the words of failures', () => {
  test('no other sidebar module holds a failure sentence or tests a message for words', () => {
    const dir = join(__dirname, '../../src/sidebar');
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && name !== 'plain-errors.ts')
      .filter((name) =>
        /was changed by someone else|no longer in this spreadsheet|busy with another edit|did not respond|[mM]essage\)?\.(?:includes|startsWith|endsWith|match)\(|\.test\((?:message|plain)\b/.test(
          readFileSync(join(dir, name), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
