/**
 * Segment colours. Each customer segment keeps the colour of its id (s1 → the first colour, …), so a colour
 * never changes when segments are renamed or reordered. Every colour carries white text at WCAG AA (≥ 4.5:1)
 * and stands out from white paper (≥ 3:1, the WCAG contrast for graphics); the hues are far apart so
 * neighbours on the canvas do not look alike (checked in tests/unit/segments.test.ts).
 */
export const SEGMENT_PALETTE = [
  '#1565c0', // blue
  '#c62828', // red
  '#2e7d32', // green
  '#6a1b9a', // purple
  '#a84300', // burnt orange
  '#00695c', // teal
  '#ad1457', // magenta
  '#5d4037', // brown
] as const;

/** Text on a segment colour. */
export const SEGMENT_TEXT_COLOR = '#ffffff';

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
