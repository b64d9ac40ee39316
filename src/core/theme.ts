/** The canvas colour scheme. */
import { AUTOMATIC_FORMAT } from './literal';

/** The canvas colour scheme: neutral greys with one accent (Xiaomi orange) used sparingly. */
export const THEME = {
  accent: '#ff6900',
  /** Xiaomi orange darkened for text: 5.2:1 on white (WCAG AA), where the brand orange is 2.9:1. */
  accentText: '#c43e00',
  accentTint: '#fff4ec',
  ink: '#202124',
  muted: '#5f6368',
  faint: '#80868b',
  rule: '#5f6368',
  hairline: '#dadce0',
  headerFill: '#f1f3f4',
  inputFill: '#fef7e0',
  alert: '#c5221f',
  white: '#ffffff',
  numberFormat: '#,##0.0##',
  /** Sheets' Automatic format (see literal.ts). Formula cells get it, never plain text ('@'): Sheets keeps text
   * typed into a plain-text cell as text, and a formula must stay a formula. */
  automaticFormat: AUTOMATIC_FORMAT,
} as const;
