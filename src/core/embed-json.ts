/**
 * JSON that can sit inside an HTML <script> element: no cell text can close the tag or open a comment,
 * because every <, > and & is written as a \u escape (still the same JSON). U+2028/2029 are escaped too.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export const BOOT_PLACEHOLDER = '/*__BOOT_JSON__*/null';
