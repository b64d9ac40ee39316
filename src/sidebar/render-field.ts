/** Renders one form field with its label, hint and validation message. */
import { el, type Child } from './dom';
import type { ValidationIssue } from './draft';

/** aria attributes and the message element for a field that has a validation problem. */
export function fieldError(
  issues: readonly ValidationIssue[],
  fieldId: string,
): { attrs: Record<string, string>; node: Child } {
  const issue = issues.find((i) => i.fieldId === fieldId);
  if (!issue) return { attrs: {}, node: null };
  const errorId = `${fieldId}-error`;
  return {
    attrs: { 'aria-invalid': 'true', 'aria-describedby': errorId },
    node: el('div', { class: 'field-error', id: errorId }, issue.message),
  };
}

/** Grows a textarea to fit its text, so entries take one line when they fit on one. */
export function fitTextarea(field: HTMLTextAreaElement): void {
  field.style.height = 'auto';
  field.style.height = `${field.scrollHeight + 2}px`;
}

/** Rows a textarea of about 30 characters per line needs for `text` (the first paint, before fitTextarea). */
export function rowsFor(text: string, perLine = 30, max = 8): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.min(max, Math.max(1, lines));
}
