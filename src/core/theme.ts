/** The canvas colour scheme: neutral greys with one accent (Xiaomi orange) used sparingly. */
export const THEME = {
  accent: '#ff6900',
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
  /** Shows a text cell as a bullet while the cell keeps only the entry text. */
  bulletFormat: '"•  "@',
  numberFormat: '#,##0.0##',
  /** What Sheets reports for its Automatic format. Formula cells get it, never plain text ('@'): Sheets may keep
   * text typed into a plain-text cell as text, and a formula must stay a formula. */
  automaticFormat: '0.###############',
} as const;
