/**
 * The segment picker of one entry: a disclosure whose summary names the segments the entry serves, opening onto
 * one checkbox per segment, in the flow under the entry (it covers nothing). Every segment shows its number on its
 * colour beside its name (never colour alone), and native checkboxes keep it keyboard-operable (Tab, Space,
 * Escape) and announced by screen readers.
 */
import type { SegmentView } from '../core/view';
import { segmentTag } from '../core/segments';
import { el } from './dom';
import { icon } from './icons';

const HEX = /^#[0-9a-f]{6}$/i;

export const pickerIds = {
  picker: (entryKey: string) => `segments-${entryKey}`,
  summary: (entryKey: string) => `segments-summary-${entryKey}`,
  box: (entryKey: string, segmentId: string) => `segment-${entryKey}-${segmentId}`,
  served: (entryKey: string) => `served-${entryKey}`,
};

/** The chips of the segments an entry serves, for the line under its text (empty when it serves none). */
export function servedChips(segments: readonly SegmentView[], selected: readonly string[]): HTMLElement[] {
  return segments.filter((s) => selected.includes(s.id)).map(segmentChip);
}

/**
 * A chip with the segment's number on its colour, as the sheet shows it beside entries, and its name: the
 * number and the name carry the meaning, the colour helps find it on the sheet.
 */
export function segmentChip(segment: SegmentView): HTMLElement {
  return el(
    'span',
    { class: 'segment-chip' },
    el(
      'span',
      {
        class: 'swatch',
        'aria-hidden': 'true',
        style: HEX.test(segment.color) ? `background-color: ${segment.color}` : undefined,
      },
      segmentTag(segment.id),
    ),
    segment.text,
  );
}

function summaryChildren(segments: readonly SegmentView[], selected: readonly string[]): Array<Node | string> {
  const chosen = segments.filter((s) => selected.includes(s.id));
  // Words for screen readers only: the names (the numbers are for finding them on the sheet).
  return [chosen.length === 0 ? 'Serves no segment yet' : `Serves: ${chosen.map((s) => s.text).join(', ')}`];
}

export function renderSegmentPicker(options: {
  entryKey: string;
  entryNumber: number;
  segments: readonly SegmentView[];
  selected: readonly string[];
  open: boolean;
  onToggle(segmentId: string, checked: boolean): void;
  onOpenChange(open: boolean): void;
}): HTMLElement {
  const { entryKey, entryNumber, segments, selected } = options;
  // A 24 px icon in the entry's tools (no line of its own); its words are for screen readers, and the chips
  // under the entry's text show sighted users what it serves.
  const words = el('span', { class: 'visually-hidden' }, ...summaryChildren(segments, selected));
  const summary = el(
    'summary',
    { id: pickerIds.summary(entryKey), class: 'icon-button', title: 'Customer segments this entry serves' },
    icon('segments'),
    words,
  );
  const chosen = new Set(selected);
  const boxes = segments.map((segment) =>
    el(
      'label',
      { class: 'segment-option', for: pickerIds.box(entryKey, segment.id) },
      el('input', {
        type: 'checkbox',
        id: pickerIds.box(entryKey, segment.id),
        checked: chosen.has(segment.id),
        onchange: (event: Event) => {
          const checked = (event.target as HTMLInputElement).checked;
          if (checked) chosen.add(segment.id);
          else chosen.delete(segment.id);
          options.onToggle(segment.id, checked);
          // Update the summary and the chips in place: no re-render, so focus stays on the checkbox.
          words.replaceChildren(...summaryChildren(segments, [...chosen]));
          document.getElementById(pickerIds.served(entryKey))?.replaceChildren(...servedChips(segments, [...chosen]));
        },
      }),
      segmentChip(segment),
    ),
  );
  const details = el(
    'details',
    { class: 'segment-picker', id: pickerIds.picker(entryKey), open: options.open },
    summary,
    el(
      'fieldset',
      {},
      el('legend', { class: 'secondary' }, `Customer segments entry ${entryNumber} serves`),
      ...(segments.length
        ? boxes
        : [el('p', { class: 'secondary' }, 'Add entries to Customer Segments first; each becomes a segment.')]),
    ),
  );
  details.addEventListener('toggle', () => options.onOpenChange(details.open));
  // Like every popup: Escape closes it and gives focus back to its button; moving focus out of it closes it.
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing || !details.open) return;
    event.preventDefault();
    event.stopPropagation();
    details.open = false;
    summary.focus();
  });
  details.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (details.open && !(next instanceof Node && details.contains(next))) details.open = false;
  });
  return details;
}
