/** Renders the editor's figures section. */
import { CURRENCY_UNITS } from '../core/units';
import { el, type Child } from './dom';
import { fieldIds, parseValue, unitNote, type FigureDraft, type FigureField } from './draft';
import { icon } from './icons';
import { formatNumber } from './render-compare';
import { fieldError } from './render-field';
import type { EditorState } from './state';

/** What the figures section asks of the editor controller. */
export interface FigureActions {
  figureInput(key: string, field: FigureField, text: string): void;
  toggleFigure(key: string): void;
  deleteFigure(key: string): void;
  addFigure(): void;
}

export const figureIds = {
  toggle: (key: string) => `figure-${key}-toggle`,
  panel: (key: string) => `figure-${key}-edit`,
  summaryValue: (key: string) => `figure-${key}-summary-value`,
  summaryLabel: (key: string) => `figure-${key}-summary-label`,
  unitNote: (key: string) => `figure-${key}-unit-note`,
  metricHint: (key: string) => `figure-${key}-metric-hint`,
  remove: (key: string) => `figure-${key}-delete`,
  unitOptions: 'unit-options',
  metricOptions: 'metric-options',
};

/** "19.1 CNY bn · 2023" — what the one-line row shows after the label. */
export function figureLine(figure: Pick<FigureDraft, 'value' | 'unit' | 'period'>): string {
  const number = parseValue(figure.value);
  const value = Number.isNaN(number) ? figure.value.trim() || 'no value' : formatNumber(number);
  const unit = figure.unit.trim();
  const period = figure.period.trim();
  return [unit ? `${value} ${unit}` : value, period].filter(Boolean).join(' · ');
}

function field(
  editor: EditorState,
  figure: FigureDraft,
  name: FigureField,
  label: string,
  actions: FigureActions,
  options: { list?: string; describedBy?: string; textarea?: boolean } = {},
): HTMLElement {
  const id = fieldIds.figure(figure.key, name);
  const error = fieldError(editor.issues, id);
  const describedBy = [options.describedBy, error.attrs['aria-describedby']].filter(Boolean).join(' ') || undefined;
  const oninput = (event: Event) => actions.figureInput(figure.key, name, (event.target as HTMLInputElement).value);
  const control = options.textarea
    ? el('textarea', { id, rows: 2, value: figure[name], ...error.attrs, 'aria-describedby': describedBy, oninput })
    : el('input', {
        id,
        type: 'text',
        value: figure[name],
        list: options.list,
        inputmode: name === 'value' ? 'decimal' : undefined,
        autocomplete: 'off',
        ...error.attrs,
        'aria-describedby': describedBy,
        oninput,
      });
  return el('div', { class: `field field-${name}` }, el('label', { for: id }, label), control, error.node);
}

/**
 * One figure: a one-line row (label · value unit · period) that opens to edit, the source sentence under it,
 * and `extra` lines other features add (e.g. the reported value and the difference).
 */
export function renderFigure(
  editor: EditorState,
  index: number,
  actions: FigureActions,
  extra: Child = null,
): HTMLElement {
  const figure = editor.draft.figures[index];
  const n = index + 1;
  const open = editor.expanded.includes(figure.key);
  const note = unitNote(figure.unit);
  return el(
    'li',
    { class: `figure${open ? ' open' : ''}`, 'data-key': figure.key },
    el(
      'button',
      {
        type: 'button',
        id: figureIds.toggle(figure.key),
        class: 'figure-summary',
        'aria-expanded': open ? 'true' : 'false',
        'aria-controls': open ? figureIds.panel(figure.key) : undefined,
        onclick: () => actions.toggleFigure(figure.key),
      },
      el(
        'span',
        { class: 'figure-text' },
        el('span', { class: 'visually-hidden' }, `Figure ${n}: `),
        el(
          'span',
          { class: 'figure-label', id: figureIds.summaryLabel(figure.key) },
          figure.label.trim() || 'New figure',
        ),
        el('span', { class: 'visually-hidden' }, ', '),
        el('span', { class: 'figure-value', id: figureIds.summaryValue(figure.key) }, figureLine(figure)),
      ),
      icon('expand', 20),
    ),
    figure.source &&
      el('p', { class: 'figure-source' }, el('span', { class: 'visually-hidden' }, 'Source: '), figure.source),
    extra && el('div', { class: 'figure-extra' }, extra),
    open &&
      el(
        'fieldset',
        { class: 'figure-fields', id: figureIds.panel(figure.key) },
        el('legend', { class: 'visually-hidden' }, `Figure ${n}`),
        field(editor, figure, 'label', 'Label', actions),
        el(
          'div',
          { class: 'field-row' },
          field(editor, figure, 'value', 'Value', actions),
          field(editor, figure, 'unit', 'Unit', actions, {
            list: figureIds.unitOptions,
            describedBy: figureIds.unitNote(figure.key),
          }),
        ),
        el('p', { class: 'hint unit-note', id: figureIds.unitNote(figure.key) }, note),
        el(
          'div',
          { class: 'field-row' },
          field(editor, figure, 'period', 'Period', actions),
          field(editor, figure, 'metric', 'Metric', actions, {
            list: figureIds.metricOptions,
            describedBy: 'metric-hint',
          }),
        ),
        el(
          'p',
          { class: 'hint secondary metric-hint', id: figureIds.metricHint(figure.key) },
          'Pick a metric the canvas uses, or type a new one: figures with the same metric and period are checked against each other in Key Figures.',
        ),
        field(editor, figure, 'note', 'Note', actions, { textarea: true }),
        el(
          'button',
          {
            type: 'button',
            id: figureIds.remove(figure.key),
            class: 'text-button danger',
            onclick: () => actions.deleteFigure(figure.key),
          },
          icon('delete', 18),
          'Delete figure',
        ),
      ),
  );
}

/** The figures section: one row per figure, the suggestions for Unit and Metric, and Add figure. */
export function renderFigures(
  editor: EditorState,
  metrics: readonly string[],
  actions: FigureActions,
  extraFor: (index: number) => Child = () => null,
): HTMLElement {
  const { figures } = editor.draft;
  const addError = fieldError(editor.issues, fieldIds.addFigure);
  return el(
    'section',
    { class: 'group', 'aria-labelledby': 'figures-title' },
    el('h2', { id: 'figures-title' }, 'Figures'),
    el('p', { class: 'secondary hint' }, 'They feed Key Figures. Open one to edit it.'),
    figures.length
      ? el('ol', { class: 'items figures' }, ...figures.map((_, i) => renderFigure(editor, i, actions, extraFor(i))))
      : el('p', { class: 'secondary empty' }, 'No figures.'),
    el(
      'button',
      {
        type: 'button',
        id: fieldIds.addFigure,
        class: 'text-button add',
        ...addError.attrs,
        onclick: () => actions.addFigure(),
      },
      icon('add', 18),
      'Add figure',
    ),
    addError.node,
    el('datalist', { id: figureIds.unitOptions }, ...CURRENCY_UNITS.map((unit) => el('option', { value: unit }))),
    el('datalist', { id: figureIds.metricOptions }, ...metrics.map((metric) => el('option', { value: metric }))),
  );
}
