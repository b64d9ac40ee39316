/**
 * Apps Script enums. Each value is a frozen object whose toString()/name() is its name, compared by
 * identity (`response === ui.Button.YES`), like the real ones.
 */

export interface EnumValue {
  toString(): string;
  name(): string;
  ordinal(): number;
  compareTo(other: EnumValue): number;
  toJSON(): string;
}

export function makeEnum<T extends string>(names: readonly T[]): Readonly<Record<T, EnumValue>> {
  const out = {} as Record<T, EnumValue>;
  names.forEach((n, i) => {
    const value: EnumValue = Object.freeze({
      toString: () => n,
      name: () => n,
      ordinal: () => i,
      compareTo: (other: EnumValue) => i - other.ordinal(),
      toJSON: () => n,
    });
    out[n] = value;
  });
  return Object.freeze(out);
}

/** Name of an enum value, or of a string naming one; undefined for anything else. */
export function enumName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as EnumValue).name === 'function') {
    return (value as EnumValue).name();
  }
  return undefined;
}

export const BorderStyle = makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const TextDirection = makeEnum(['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
