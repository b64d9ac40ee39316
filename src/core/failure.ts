/**
 * Failures the sidebar reacts to, as stable codes with their data, and the one codec between them and the sentence
 * that crosses google.script.run (only an error's message crosses it, and API callers read it as a sentence).
 * The server throws failure(…) and never writes these sentences by hand; the sidebar decodes with readFailure and
 * branches on the code; its own words are in src/sidebar/plain-errors.ts. Rewording a sentence here changes both
 * ends at once (a marker appended to the message would change what every API caller reads).
 */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import { LIMITS } from './limits';
import type { CallKind } from './service-failure';

/** The data each code carries. */
export interface FailureData {
  /** The block changed in the sheet since the sidebar read it (and could not be merged). */
  conflict: { blockId: BlockId };
  /** Another edit holds the document lock. */
  busy: object;
  /** The canvas the request named is no longer in the spreadsheet. */
  'missing-canvas': object;
  /** The spreadsheet holds no canvas at all. */
  'no-canvas': object;
  /** The request is not what the function accepts: `detail` names the field and what is wrong with it. */
  'invalid-request': { what: string; detail: string };
  /** A Google service failed or timed out before anything was written. */
  'service-failure': { kind: CallKind };
  /** A teammate's changes merged with the user's would exceed the block's limits; nothing was saved. */
  'over-limits': { blockId: BlockId };
  /** A write stopped part-way: part of the change may be in the sheet. */
  'partial-write': { blockId?: BlockId };
}

export type FailureCode = keyof FailureData;
export type Failure = { [K in FailureCode]: { code: K } & FailureData[K] }[FailureCode];
type Of<K extends FailureCode> = Extract<Failure, { code: K }>;

const KINDS: readonly CallKind[] = ['save', 'change', 'read'];
const WHAT_NOW: Record<CallKind, string> = {
  save: 'nothing was saved and your edits are still here. Try Save again.',
  change: 'nothing was changed and your edits are still here. Try again.',
  read: 'nothing was changed and nothing you typed is lost. Try again.',
};

/**
 * The sentence of each code: the only place these sentences are written. A test rewords them to show that the
 * sidebar's handling does not depend on the words.
 */
export const FAILURE_SENTENCES: { [K in FailureCode]: (f: Of<K>) => string } = {
  conflict: (f) =>
    `${BLOCK_TITLES[f.blockId]} was changed by someone else since you opened it. Your edits are kept; review the current content and save again.`,
  busy: () => 'The canvas is busy with another edit; please try again in a moment.',
  'missing-canvas': () =>
    'The canvas this sidebar was editing is no longer in this spreadsheet (it may have been deleted). Click Refresh to open another one.',
  'no-canvas': () =>
    'There is no Xiaomi canvas in this spreadsheet (it may have been deleted). Use Extensions › Xiaomi Canvas › Insert Xiaomi canvas to add one.',
  'invalid-request': (f) => `Invalid ${f.what}: ${f.detail}.`,
  'service-failure': (f) => `Google Sheets did not respond; ${WHAT_NOW[f.kind]}`,
  'over-limits': (f) =>
    `Together with a teammate's changes made meanwhile, ${BLOCK_TITLES[f.blockId]} would have more than ${LIMITS.entries} entries or ${LIMITS.figures} figures. Nothing was saved; your edits are kept. Delete some and save again.`,
  'partial-write': (f) =>
    `${f.blockId ? `Saving ${BLOCK_TITLES[f.blockId]}` : 'The change'} stopped part-way: part of it may already be in the sheet. Open it again to see what the sheet holds, then try again.`,
};

/**
 * Every value each code's data can take, so a sentence decodes by exact comparison with the sentences above (never
 * by searching it for words); a request's own text cannot be listed, so its sentence is split by its one pattern.
 */
function decodingData(): {
  [K in FailureCode]: ReadonlyArray<FailureData[K]> | ((message: string) => FailureData[K] | null);
} {
  const blocks = BLOCK_IDS.map((blockId) => ({ blockId }));
  return {
    conflict: blocks,
    busy: [{}],
    'missing-canvas': [{}],
    'no-canvas': [{}],
    'invalid-request': (message) => {
      const match = /^Invalid ([A-Za-z][A-Za-z ]*): (.+)\.$/s.exec(message);
      return match ? { what: match[1], detail: match[2] } : null;
    },
    'service-failure': KINDS.map((kind) => ({ kind })),
    'over-limits': blocks,
    'partial-write': [{}, ...blocks],
  };
}

export const FAILURE_CODES = /* @__PURE__ */ Object.keys(FAILURE_SENTENCES) as FailureCode[];

/** The sentence a failure crosses the boundary as. */
export function failureSentence(failure: Failure): string {
  return (FAILURE_SENTENCES[failure.code] as (f: Failure) => string)(failure);
}

/** An error with a code the sidebar acts on; its message is the code's sentence. */
export class CodedError extends Error {
  constructor(readonly failure: Failure) {
    super(failureSentence(failure));
  }
}

/** Throw this for a failure the sidebar reacts to: `throw failure({ code: 'conflict', blockId })`. */
export function failure(f: Failure): CodedError {
  return new CodedError(f);
}

/** The code and data a message stands for (null when it is no coded failure's sentence). */
export function readFailure(message: string): Failure | null {
  const table = decodingData();
  for (const code of FAILURE_CODES) {
    const data = table[code];
    const candidates = typeof data === 'function' ? [data(message)] : data;
    for (const candidate of candidates) {
      if (!candidate) continue;
      const f = { code, ...candidate } as Failure;
      if (failureSentence(f) === message) return f;
    }
  }
  return null;
}
