/**
 * The words users read when a call fails, in one place. A failure with a code (src/core/failure.ts) is worded here
 * from its code and data alone; the server's sentence is used only where it is the data (an invalid request names
 * its field) and is then put in an analyst's words: fields named as the sidebar shows them ("entry 4", "figure 2's
 * value"), blocks by title, and no file-format or programming names.
 */
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from '../core/block-ids';
import { readFailure, type Failure, type FailureCode } from '../core/failure';
import { LIMITS } from '../core/limits';
import type { CallKind } from '../core/service-failure';
import type { CellProblem } from '../core/view';
import type { ResultProblem } from './boot';
import { errorMessage, ServerFailure } from './server';

const blockTitle = (id: BlockId | undefined) => (id && BLOCK_TITLES[id]) || 'This block';

const WHAT_NOW: Record<CallKind, string> = {
  save: 'nothing was saved and your edits are still here. Try Save again.',
  change: 'nothing was changed and your edits are still here. Try again.',
  read: 'nothing was changed and nothing you typed is lost. Try again.',
};

/** The words of each code; the compiler insists on one per code. */
export const FAILURE_WORDS: {
  [K in FailureCode]: (failure: Extract<Failure, { code: K }>, sentence: string) => string;
} = {
  conflict: (f) =>
    `${blockTitle(f.blockId)} was changed by someone else since you opened it. Your edits are kept; review the current content and save again.`,
  busy: () => 'The canvas is busy with another edit; please try again in a moment.',
  'missing-canvas': () =>
    'The canvas this sidebar was editing is no longer in this spreadsheet (it may have been deleted). Click Refresh to open another one.',
  'no-canvas': () =>
    'There is no Xiaomi canvas in this spreadsheet (it may have been deleted). Use Extensions › Xiaomi Canvas › Insert Xiaomi canvas to add one.',
  'invalid-request': (_f, sentence) => plainServerError(sentence),
  'service-failure': (f) => `Google Sheets did not respond; ${WHAT_NOW[f.kind] ?? WHAT_NOW.read}`,
  'over-limits': (f) =>
    `Together with a teammate's changes made meanwhile, ${blockTitle(f.blockId)} would have more than ${LIMITS.entries} entries or ${LIMITS.figures} figures. Delete some and save again.`,
  'partial-write': (f) =>
    `${f.blockId ? `Part of the change to ${blockTitle(f.blockId)}` : 'Part of the change'} may already be in the sheet; your edits are still here. Try again to finish it.`,
};

/** What the user reads about a failed call: from its code when it has one, else the plain words of its text. */
export function failureText(error: unknown): string {
  if (error instanceof ServerFailure) {
    if (error.unreadable)
      return 'The add-on sent back something this sidebar does not understand. Please reopen the sidebar.';
    const failure = error.failure;
    if (failure) return (FAILURE_WORDS[failure.code] as (f: Failure, s: string) => string)(failure, error.message);
  }
  return plainServerError(errorMessage(error));
}

/** The words for a failure's text as the server sent it (the error embedded in the page, for one). */
export function failureTextOf(message: string): string {
  return failureText(new ServerFailure(readFailure(message), message));
}

/** What was interrupted by a write that stopped part-way (see partialWriteText). */
export type InterruptedWrite = 'save' | 'reset' | 'restore' | 'import';

/**
 * The words of a write that stopped part-way (the partial-write code), once the sidebar has read the sheet again
 * (`reloaded`) or failed to: what may be in the sheet, what the sidebar now shows, and how to finish.
 */
export function partialWriteText(kind: InterruptedWrite, name: string, { reloaded }: { reloaded: boolean }): string {
  const stopped = {
    save: `Saving ${name} stopped part-way: part of your change may already be in the sheet.`,
    reset: `Resetting ${name} stopped part-way: part of it may already be in the sheet.`,
    restore: `Restoring “${name}” stopped part-way: part of the snapshot may already be in the canvas.`,
    import: `Opening ${name} stopped part-way: part of a new canvas may already be in this spreadsheet.`,
  }[kind];
  if (!reloaded)
    return kind === 'save' ? `${stopped} Your edits are still in the form; click Save to finish.` : stopped;
  const now = {
    save: 'Above the form is what the sheet holds now; your edits are still in the form. Click Save to finish: it writes exactly what the form holds.',
    reset: 'The form now shows what the sheet holds; click Reset to original again to finish.',
    restore: 'The blocks below show what the sheet holds now. Open Snapshots and restore it again to finish.',
    import:
      'The canvases listed show what the spreadsheet holds now; delete the sheets of a half-made canvas before opening the file again.',
  }[kind];
  return `${stopped} ${now}`;
}

/** True when the failure's words already say what was saved (so the caller does not add "nothing was saved"). */
export function saysWhatWasSaved(error: unknown): boolean {
  const code = error instanceof ServerFailure ? error.failure?.code : undefined;
  return code === 'service-failure' || code === 'partial-write';
}

/** What the user reads about blocks a result carried that the sidebar could not read (the rest is shown). */
export function problemText(problems: readonly ResultProblem[]): string | null {
  if (problems.length === 0) return null;
  const parts = problems.map((p) =>
    p.figure === undefined
      ? `${blockTitle(p.blockId)} could not be read`
      : `${blockTitle(p.blockId)} could not be read (figure ${p.figure + 1} holds something other than a figure, such as text in its value)`,
  );
  return `${parts.join('; ')}. Fix it in the sheet, then click Refresh; everything else is shown.`;
}

/**
 * A cell the canvas could not use, named as an analyst finds it in Sheets: "Xiaomi Details!G8 is not a number:
 * 35 bn" (the sheet's name, its cell, and what it holds), or "… is empty: a number belongs there".
 */
export function cellProblemText(problem: CellProblem): string {
  const where = `${problem.sheet}!${problem.cell}`;
  return problem.found === ''
    ? `${where} is empty: a number belongs there`
    : `${where} is not a number: ${problem.found}`;
}

/** Go to a cell failed: the sheet was renamed or deleted since the canvas was read (the server's words are not shown). */
export function goToCellFailed(problem: CellProblem): string {
  return `${problem.sheet}!${problem.cell} could not be selected: the sheet may have been renamed or deleted. Click Refresh.`;
}

const FIGURE_FIELDS: Record<string, string> = {
  label: 'label',
  value: 'value',
  unit: 'unit',
  period: 'period',
  note: 'note',
  metric: 'metric',
  source: 'source sentence',
};

const TITLES = BLOCK_IDS.map((id) => BLOCK_TITLES[id]).join(', ');

export function plainServerError(message: string): string {
  let text = message
    .replace(/^Invalid canvas JSON:\s*/, 'This canvas file cannot be opened: ')
    .replace(/^Invalid save request:\s*/, 'The block could not be saved: ')
    .replace(
      /^Unsupported format ("[^"]*"): expected "xiaomi-canvas\/\d+"(?: \(or "xiaomi-canvas\/\d+"(?:,? (?:or )?"xiaomi-canvas\/\d+")*\))?\.?/,
      'This is not a canvas file (its format is $1).',
    )
    .replace(/not valid JSON \([^)]*\)/, 'it is damaged or is not a canvas file')
    .replace(/\s*\(blocks are listed in canonical order:[^)]*\)/g, '')
    .replace(/in canonical order \([^)]*\)/g, `in the canvas’s order (${TITLES})`)
    .replace(/in canonical order/g, 'in the canvas’s order')
    .replace(/blocks\[\d+\] \(([^)]+)\)(\.|$)/g, (_m, title: string, dot: string) => (dot ? `${title}, ` : title))
    .replace(/blocks\[(\d+)\](?:\.id)?/g, (_m, i: string) => `block ${Number(i) + 1}`)
    .replace(
      /figures\[(\d+)\]\.(\w+)/g,
      (_m, i: string, field: string) => `figure ${Number(i) + 1}’s ${FIGURE_FIELDS[field] ?? field}`,
    )
    .replace(/figures\[(\d+)\]/g, (_m, i: string) => `figure ${Number(i) + 1}`)
    .replace(/entries\[(\d+)\]/g, (_m, i: string) => `entry ${Number(i) + 1}`)
    .replace(/"xiaomi-canvas\/\d+"/g, 'a canvas file')
    .replace(/\bcanvas JSON\b/g, 'canvas file')
    .replace(/\bJSON\b/g, 'file');
  for (const id of BLOCK_IDS) text = text.split(`"${id}"`).join(BLOCK_TITLES[id]);
  return text;
}
