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
} as const;
