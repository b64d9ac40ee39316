/**
 * Cell format defaults and normalisation (colours, alignments, fonts, wrap, borders).
 *
 * Defaults are what Apps Script reports for a cell nobody formatted: background '#ffffff', font colour
 * '#000000', size 10, family 'Arial', weight/style 'normal', line 'none', horizontal alignment
 * 'general', vertical alignment 'bottom', number format '0.###############', wrap strategy OVERFLOW.
 * Setting a property back to its default removes it, so "formatted back to default" and "never
 * formatted" compare equal in documentState().
 */
import { DEFAULT_NUMBER_FORMAT, isGeneralPattern } from './number-format';
import type { BorderSide, CellFormat, ResolvedFormat } from './types';

export const DEFAULT_FORMAT: ResolvedFormat = Object.freeze({
  numberFormat: DEFAULT_NUMBER_FORMAT,
  background: '#ffffff',
  fontColor: '#000000',
  fontSize: 10,
  fontFamily: 'Arial',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontLine: 'none',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  wrap: false,
  borders: Object.freeze({ top: null, left: null, bottom: null, right: null }),
});

export function resolveFormat(f: CellFormat | undefined): ResolvedFormat {
  if (!f) return { ...DEFAULT_FORMAT, borders: { top: null, left: null, bottom: null, right: null } };
  return {
    numberFormat: f.numberFormat ?? DEFAULT_FORMAT.numberFormat,
    background: f.background ?? DEFAULT_FORMAT.background,
    fontColor: f.fontColor ?? DEFAULT_FORMAT.fontColor,
    fontSize: f.fontSize ?? DEFAULT_FORMAT.fontSize,
    fontFamily: f.fontFamily ?? DEFAULT_FORMAT.fontFamily,
    fontWeight: f.fontWeight ?? DEFAULT_FORMAT.fontWeight,
    fontStyle: f.fontStyle ?? DEFAULT_FORMAT.fontStyle,
    fontLine: f.fontLine ?? DEFAULT_FORMAT.fontLine,
    horizontalAlignment: f.horizontalAlignment ?? DEFAULT_FORMAT.horizontalAlignment,
    verticalAlignment: f.verticalAlignment ?? DEFAULT_FORMAT.verticalAlignment,
    wrapStrategy: f.wrapStrategy ?? DEFAULT_FORMAT.wrapStrategy,
    wrap: f.wrapStrategy === 'WRAP',
    borders: {
      top: f.borders?.top ? { ...f.borders.top } : null,
      left: f.borders?.left ? { ...f.borders.left } : null,
      bottom: f.borders?.bottom ? { ...f.borders.bottom } : null,
      right: f.borders?.right ? { ...f.borders.right } : null,
    },
  };
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  lime: '#00ff00',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  aqua: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  silver: '#c0c0c0',
  gray: '#808080',
  grey: '#808080',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  maroon: '#800000',
  olive: '#808000',
  purple: '#800080',
  teal: '#008080',
  navy: '#000080',
  orange: '#ffa500',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  gold: '#ffd700',
  indigo: '#4b0082',
  violet: '#ee82ee',
  whitesmoke: '#f5f5f5',
  gainsboro: '#dcdcdc',
  darkblue: '#00008b',
  darkgreen: '#006400',
  darkred: '#8b0000',
  lightblue: '#add8e6',
  lightgreen: '#90ee90',
  lightyellow: '#ffffe0',
};

/** Normalises a colour as Apps Script reports it: lowercase #rrggbb (CSS names and #rgb expanded). */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const m3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m3) return `#${m3[1]}${m3[1]}${m3[2]}${m3[2]}${m3[3]}${m3[3]}`;
  return c;
}

type Setter = (f: CellFormat) => void;

/** Returns a mutator for one format property, or null when the value is invalid (Apps Script ignores those). */
export function formatSetter(prop: keyof Omit<CellFormat, 'borders'>, value: unknown): Setter | null {
  const unset = (f: CellFormat) => {
    delete f[prop];
  };
  if (value === null || value === undefined) return unset;
  switch (prop) {
    case 'numberFormat': {
      const s = String(value);
      if (isGeneralPattern(s) || s === DEFAULT_NUMBER_FORMAT) return unset;
      return (f) => (f.numberFormat = s);
    }
    case 'background':
    case 'fontColor': {
      const c = normalizeColor(String(value));
      if (c === '') return unset;
      if (c === DEFAULT_FORMAT[prop]) return unset;
      return (f) => (f[prop] = c);
    }
    case 'fontSize': {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) return null;
      if (n === DEFAULT_FORMAT.fontSize) return unset;
      return (f) => (f.fontSize = n);
    }
    case 'fontFamily': {
      const s = String(value);
      if (s === DEFAULT_FORMAT.fontFamily) return unset;
      return (f) => (f.fontFamily = s);
    }
    case 'fontWeight': {
      const s = String(value).toLowerCase();
      if (s === 'normal') return unset;
      if (s !== 'bold') return null;
      return (f) => (f.fontWeight = 'bold');
    }
    case 'fontStyle': {
      const s = String(value).toLowerCase();
      if (s === 'normal') return unset;
      if (s !== 'italic') return null;
      return (f) => (f.fontStyle = 'italic');
    }
    case 'fontLine': {
      const s = String(value).toLowerCase();
      if (s === 'none') return unset;
      if (s !== 'underline' && s !== 'line-through') return null;
      return (f) => (f.fontLine = s);
    }
    case 'horizontalAlignment': {
      const s = String(value).toLowerCase();
      if (s === 'general') return unset;
      const mapped = s === 'normal' ? 'general-left' : s;
      if (!['left', 'center', 'right', 'general-left', 'general-right'].includes(mapped)) return null;
      return (f) => (f.horizontalAlignment = mapped);
    }
    case 'verticalAlignment': {
      const s = String(value).toLowerCase();
      if (s === 'bottom') return unset;
      const mapped = s === 'center' ? 'middle' : s;
      if (mapped !== 'top' && mapped !== 'middle') return null;
      return (f) => (f.verticalAlignment = mapped);
    }
    case 'wrapStrategy': {
      const s = String(value).toUpperCase();
      if (s !== 'WRAP' && s !== 'OVERFLOW' && s !== 'CLIP') return null;
      return (f) => (f.wrapStrategy = s);
    }
  }
}

/**
 * getWrap: true for WRAP. A cell whose wrap strategy was never set reports true, as live Apps Script
 * does (it reports OVERFLOW as the strategy at the same time; see the gas-fakes "oddities" notes).
 */
export function wrapOf(f: CellFormat | undefined): boolean {
  const s = f?.wrapStrategy;
  return s === undefined || s === 'WRAP';
}

export function sameBorder(a: BorderSide | undefined, b: BorderSide | undefined): boolean {
  return (!a && !b) || (!!a && !!b && a.color === b.color && a.style === b.style);
}
