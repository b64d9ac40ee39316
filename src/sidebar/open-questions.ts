/** Fit checks as open questions for the team, counted per block where each is answered (block list). */
import type { BlockId } from '../core/block-ids';
import { fitChecks, fixBlockOf } from '../core/fit-checks';
import type { CanvasView } from '../core/view';
import { plural } from './dom';

/**
 * The fit checks as what they are on a fresh canvas: questions the template leaves open for the team (which channel
 * reaches a segment, …), counted per block where they are answered. Computed here from the canvas the sidebar holds
 * (the rules are the core's, the same the server runs), so the block list shows them with no call.
 */
export function openQuestionsByBlock(canvas: CanvasView): Partial<Record<BlockId, number>> {
  const entries = Object.fromEntries(canvas.blocks.map((b) => [b.id, b.entries]));
  const links = Object.fromEntries(canvas.blocks.map((b) => [b.id, b.links]));
  const counts: Partial<Record<BlockId, number>> = {};
  for (const check of fitChecks({ segments: canvas.segments, entries, links })) {
    const block = fixBlockOf(check);
    counts[block] = (counts[block] ?? 0) + 1;
  }
  return counts;
}

/** "2 open questions" for a block's row, or "" when it has none. */
export function openQuestionsText(count: number | undefined): string {
  return count ? `${plural(count, 'open question', 'open questions')}` : '';
}
