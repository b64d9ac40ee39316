/**
 * Conversions from the Sheets read model (pixels, #rrggbb colours, Apps Script enum names) to the units and
 * names of an Excel workbook (exceljs): column widths in characters, row heights in points, ARGB colours,
 * border styles, fonts, alignment and number formats.
 */
import type { Alignment, Border, BorderStyle, Borders, Fill, Font } from 'exceljs';
import type { BorderSide, ResolvedFormat } from '../../emulator';

/** Sheets' automatic number format; in Excel that is "General" (no format written). */
export const SHEETS_DEFAULT_NUMBER_FORMAT = '0.###############';

/**
 * Excel column width (in characters of the default font's digit, Calibri 11: 7 px) for a width in pixels,
 * using Excel's own rule: pixels = trunc(width * 7 + 5).
 */
export function columnWidthChars(px: number): number {
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

/** The pixel width Excel shows for a width in characters (the inverse of columnWidthChars). */
export function columnWidthPixels(chars: number): number {
  return Math.trunc(chars * 7 + 5);
}

/** Row height in points for pixels (96 px per 72 pt). */
export function pointsFromPixels(px: number): number {
  return Math.round(px * 0.75 * 100) / 100;
}

/** '#ff6900' → 'FFFF6900' (exceljs ARGB). */
export function argb(color: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return `FF${(hex ? hex[1] : '000000').toUpperCase()}`;
}

const BORDER_STYLES: Record<string, BorderStyle> = {
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DOTTED: 'dotted',
  DASHED: 'dashed',
  DOUBLE: 'double',
};

export function border(side: BorderSide | null): Partial<Border> | undefined {
  if (!side) return undefined;
  return { style: BORDER_STYLES[side.style] ?? 'thin', color: { argb: argb(side.color) } };
}

export function borders(format: ResolvedFormat): Partial<Borders> | undefined {
  const out: Partial<Borders> = {};
  for (const side of ['top', 'left', 'bottom', 'right'] as const) {
    const b = border(format.borders[side]);
    if (b) out[side] = b;
  }
  return Object.keys(out).length ? out : undefined;
}

export function font(format: ResolvedFormat): Partial<Font> {
  const f: Partial<Font> = { name: format.fontFamily, size: format.fontSize, color: { argb: argb(format.fontColor) } };
  if (format.fontWeight === 'bold') f.bold = true;
  if (format.fontStyle === 'italic') f.italic = true;
  if (format.fontLine === 'underline') f.underline = true;
  if (format.fontLine === 'line-through') f.strike = true;
  return f;
}

export function fill(format: ResolvedFormat): Fill | undefined {
  const bg = format.background.toLowerCase();
  if (bg === '#ffffff' || bg === '') return undefined;
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(bg) }, bgColor: { argb: argb(bg) } };
}

const HORIZONTAL: Record<string, Alignment['horizontal'] | undefined> = {
  left: 'left',
  center: 'center',
  right: 'right',
  'general-left': 'left',
  'general-right': 'right',
  general: undefined,
};

const VERTICAL: Record<string, Alignment['vertical']> = { top: 'top', middle: 'middle', bottom: 'bottom' };

export function alignment(format: ResolvedFormat): Partial<Alignment> | undefined {
  const a: Partial<Alignment> = {};
  const h = HORIZONTAL[format.horizontalAlignment];
  if (h) a.horizontal = h;
  const v = VERTICAL[format.verticalAlignment];
  if (v && v !== 'bottom') a.vertical = v;
  if (format.wrapStrategy === 'WRAP') a.wrapText = true;
  return Object.keys(a).length ? a : undefined;
}

/** The Excel number format for a Sheets pattern (undefined = General). Sheets patterns are Excel-compatible. */
export function numberFormat(pattern: string): string | undefined {
  if (!pattern || pattern === SHEETS_DEFAULT_NUMBER_FORMAT || pattern.toLowerCase() === 'general') return undefined;
  return pattern;
}
