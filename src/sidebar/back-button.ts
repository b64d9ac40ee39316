/** The toolbar's Back button every sidebar view opens with: one shape, so each view's way back looks and behaves alike. */
import { el } from './dom';
import { icon } from './icons';

/** A Back button named for where it leads; while the sidebar is busy it stays focusable but says it is unavailable. */
export function backButton(options: { id: string; label: string; busy: boolean; onBack: () => void }): HTMLElement {
  return el(
    'button',
    {
      type: 'button',
      id: options.id,
      class: 'back',
      'aria-disabled': options.busy ? 'true' : undefined,
      onclick: () => options.onBack(),
    },
    icon('back', 18),
    options.label,
  );
}
