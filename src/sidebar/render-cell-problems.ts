/**
 * Cells a teammate typed over (issue 17, item 6): each named in plain words ("Xiaomi Details!G8 is not a number:
 * 35 bn") with what it is for and a Go to that selects it on the sheet; everything else keeps working.
 */
import type { BlockView, CanvasView, CellProblem } from '../core/view';
import { canonicalBlocks } from './boot';
import { el, plural } from './dom';
import { icon } from './icons';
import { cellProblemText } from './plain-errors';

export interface CellProblemActions {
  /** Selects the cell on its sheet. */
  goToCell(problem: CellProblem): void;
}

/** A problem with the block whose figure it is (null for a Key Figures setting). */
export interface PlacedProblem {
  problem: CellProblem;
  block: BlockView | null;
}

export const cellProblemIds = {
  list: (where: string) => `${where}-cell-problems`,
  goTo: (where: string, i: number) => `${where}-cell-go-${i}`,
};

/** Every cell of the canvas the add-on could not use: the settings first, then each block's, in canvas order. */
export function canvasProblems(canvas: CanvasView | null): PlacedProblem[] {
  if (!canvas) return [];
  return [
    ...(canvas.problems ?? []).map((problem) => ({ problem, block: null })),
    ...canonicalBlocks(canvas).flatMap((block) => blockProblems(block)),
  ];
}

export function blockProblems(block: BlockView): PlacedProblem[] {
  return (block.problems ?? []).map((problem) => ({ problem, block }));
}

/** What the cell is for, and what goes without it until it holds a number. */
function problemContext({ problem, block }: PlacedProblem): string {
  if (problem.setting === 'rate')
    return 'Key Figures’ CNY to USD rate: no figure is converted to USD until it holds a number.';
  if (problem.setting === 'tolerance')
    return 'Key Figures’ conflict tolerance: no figure is marked as differing from reported until it holds a number.';
  const figure = block && problem.figure !== undefined ? block.figures[problem.figure] : undefined;
  return figure && block ? `The value of “${figure.label}” in ${block.title}.` : 'A cell the canvas reads.';
}

/**
 * The list of cells to fix, or nothing when there are none. `where` keeps ids unique per view ("list", "editor");
 * Go to is a link-style button whose name says which cell it selects.
 */
export function renderCellProblems(
  problems: readonly PlacedProblem[],
  actions: CellProblemActions,
  where: string,
  busy: boolean,
): HTMLElement | null {
  if (problems.length === 0) return null;
  const titleId = `${where}-cell-problems-title`;
  return el(
    'section',
    { class: 'notice cell-problems', id: cellProblemIds.list(where), 'aria-labelledby': titleId, tabindex: '-1' },
    el(
      'p',
      { class: 'error-title', id: titleId },
      icon('warning', 18),
      `${plural(problems.length, 'cell holds', 'cells hold')} something the canvas cannot read`,
    ),
    el(
      'ul',
      {},
      ...problems.map((placed, i) => {
        const where_ = `${placed.problem.sheet}!${placed.problem.cell}`;
        return el(
          'li',
          {},
          el('span', { class: 'cell-problem' }, cellProblemText(placed.problem)),
          ' ',
          el(
            'button',
            {
              type: 'button',
              class: 'link-button',
              id: cellProblemIds.goTo(where, i),
              'aria-label': `Go to ${where_}`,
              'aria-disabled': busy ? 'true' : undefined,
              onclick: () => actions.goToCell(placed.problem),
            },
            'Go to',
          ),
          el('span', { class: 'secondary cell-problem-context' }, problemContext(placed)),
        );
      }),
    ),
    el(
      'p',
      { class: 'secondary' },
      'Everything else works as usual. Type a number in the cell, then click Refresh; the message goes away.',
    ),
  );
}
