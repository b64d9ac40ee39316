/** Build step: large JSON data embedded in the bundle gzipped (base-91 text), unpacked with Apps Script's Utilities when a call needs it. */
import { gzipAsync } from '@gfx/zopfli';

/**
 * The bytes as text of 91 printable ASCII characters, `#` (35) to `~` (126) without `\`, so the text needs no
 * escape inside a "…" literal: every 13 bits (little-endian) become two characters (c0 + 91·c1 < 8192), 6.5 bits
 * a character against base64's 6, about 2 KB less bundle for the two embedded files.
 */
export function encodeBase91(bytes: Uint8Array): string {
  const digit = (d: number) => String.fromCharCode(d + 35 + (d >= 57 ? 1 : 0));
  let out = '';
  let bits = 0;
  let count = 0;
  const flush = () => {
    const v = bits & 0x1fff;
    out += digit(v % 91) + digit(Math.floor(v / 91));
    bits >>>= 13;
    count -= 13;
  };
  for (const byte of bytes) {
    bits |= byte << count;
    count += 8;
    if (count >= 13) flush();
  }
  if (count > 0) flush();
  return out;
}

/**
 * The decoder that ships in the bundle (minified by esbuild), the inverse of encodeBase91: signed bytes (Apps
 * Script's Byte[]), cut to the packed length `n` (the last pair may carry padding bits).
 */
export const DECODE_BASE91 =
  'function D(s,n){const v=i=>{const c=s.charCodeAt(i)-35;return c>57?c-1:c};' +
  'let q=0,k=0;const o=[];for(let i=0;i<s.length;i+=2){q|=(v(i)+91*v(i+1))<<k;k+=13;' +
  'while(k>=8){o.push((q&255)<<24>>24);q>>>=8;k-=8}}o.length=n;return o}';

/**
 * A module that embeds `value` as gzipped JSON (base-91 text, above) and exports `unpack(): unknown`, which
 * decodes the text and lets Apps Script's own Utilities ungzip it (newBlob, ungzip: documented, and service calls,
 * not Spreadsheet calls), so no inflater ships in the bundle. Apps Script loads the whole bundle on every call, so
 * large data (the canvas content, the reported results) is embedded compressed and unpacked only by the calls
 * that need it. Zopfli writes ordinary gzip that any inflater reads, about 5 % smaller than zlib's best (1.3 KB
 * less bundle), for about a second of build time.
 */
export async function packedJsonModule(value: unknown, exportName = 'unpack'): Promise<string> {
  const gz = await gzipAsync(Buffer.from(JSON.stringify(value), 'utf8'), { numiterations: 15 });
  return (
    `const B=${JSON.stringify(encodeBase91(gz))};${DECODE_BASE91}` +
    `export default function ${exportName}(){return JSON.parse(Utilities.ungzip(Utilities.newBlob(` +
    `D(B,${gz.length}),"application/x-gzip")).getDataAsString());}`
  );
}
