/** Renders the list view's segment filter and fit checks. */
import { BLOCK_TITLES } from '../core/block-ids';
import { fixBlockOf } from '../core/fit-checks';
import type { FitCheckView } from '../core/view';
import { canonicalBlocks } from './boot';
import { el, plural } from './dom';
import { segmentChip } from './segment-picker';
import { BUSY_LABELS, type AppState } from './state';

/** The list view's "which value serves whom" tools: the segment filter and the fit checks. */
export interface FitActions {
  checkFit(): void;
  goToCheck(check: FitCheckView): Promise<void>;
  showServing(segmentId: string): void;
}

export const fitIds = {
  check: 'check-fit',
  filter: 'serving-filter',
  results: 'serving-results',
  list: 'fit-list',
  goTo: (i: number) => `fit-go-${i}`,
};

/** "Show what serves": pick a segment; the entries that serve it are listed here and selected on the sheet. */
function renderServing(state: AppState, actions: FitActions): HTMLElement | null {
  const canvas = state.canvas;
  if (!canvas || canvas.segments.length === 0) return null;
  const chosen = canvas.segments.find((s) => s.id === state.fit?.serving);
  const serving = chosen
    ? canonicalBlocks(canvas).flatMap((block) =>
        block.entries
          .map((entry, i) => ({ block, entry, linked: block.links[i]?.includes(chosen.id) ?? false }))
          .filter((x) => x.linked),
      )
    : [];
  return el(
    'div',
    { class: 'serving' },
    el('label', { for: fitIds.filter }, 'Show what serves'),
    el(
      'select',
      {
        id: fitIds.filter,
        disabled: state.busy !== null,
        onchange: (event: Event) => actions.showServing((event.target as HTMLSelectElement).value),
      },
      el('option', { value: '' }, 'Choose a segment…'),
      ...canvas.segments.map((s) =>
        el('option', { value: s.id, selected: s.id === chosen?.id }, `${s.id.slice(1)} · ${s.text}`),
      ),
    ),
    chosen &&
      el(
        'div',
        { id: fitIds.results, class: 'serving-results', tabindex: '-1' },
        el(
          'p',
          { class: 'secondary' },
          segmentChip(chosen),
          ` is served by ${plural(serving.length, 'entry', 'entries')}` +
            (serving.length ? ', selected on the sheet:' : '.'),
        ),
        serving.length > 0 &&
          el(
            'ul',
            { class: 'serving-list' },
            ...serving.map((x) =>
              el('li', { class: 'highlight' }, el('span', { class: 'block-title' }, `${x.block.title}: `), x.entry),
            ),
          ),
      ),
  );
}

function renderChecks(state: AppState, actions: FitActions): HTMLElement {
  const fit = state.fit;
  const checks = fit?.checks ?? null;
  return el(
    'div',
    { class: 'fit-checks' },
    el(
      'button',
      { type: 'button', id: fitIds.check, disabled: state.busy !== null, onclick: () => actions.checkFit() },
      state.busy === 'checkingFit' ? BUSY_LABELS.checkingFit : checks ? 'Check again' : 'Check fit',
    ),
    fit?.error && el('div', { class: 'error-box', role: 'alert' }, fit.error),
    checks &&
      (checks.length === 0
        ? el(
            'p',
            { class: 'secondary', id: fitIds.list, tabindex: '-1' },
            'No open questions: every segment is served.',
          )
        : el(
            'div',
            {},
            el(
              'p',
              { class: 'secondary', id: fitIds.list, tabindex: '-1' },
              `${plural(checks.length, 'open question', 'open questions')} for the team (the source template leaves them open; each is answered by linking entries):`,
            ),
            el(
              'ul',
              { class: 'fit-list' },
              ...checks.map((check, i) =>
                el(
                  'li',
                  {},
                  el('span', {}, check.message),
                  ' ',
                  el(
                    'button',
                    {
                      type: 'button',
                      class: 'link-button',
                      id: fitIds.goTo(i),
                      disabled: state.busy !== null,
                      onclick: () => void actions.goToCheck(check),
                    },
                    `Go to ${BLOCK_TITLES[fixBlockOf(check)]}`,
                  ),
                ),
              ),
            ),
          )),
  );
}

/** The section of the list view. */
export function renderFitSection(state: AppState, actions: FitActions): HTMLElement | null {
  if (!state.canvas) return null;
  return el(
    'section',
    { class: 'group fit', 'aria-labelledby': 'fit-title' },
    el('h2', { id: 'fit-title' }, 'Who is served'),
    renderServing(state, actions),
    renderChecks(state, actions),
    el(
      'p',
      { class: 'secondary hint' },
      'Link entries to segments in the editors of Value Propositions, Channels, Customer Relationships and Revenue Streams. The checks ask which segments nothing serves yet and which entries serve nobody.',
    ),
  );
}
