/** Build step: large JSON data embedded in the bundle gzipped (base64), unpacked by Apps Script's Utilities when a call needs it. */
import { gzipSync } from 'node:zlib';

/**
 * A module that embeds `value` as gzipped JSON (base64) and exports `unpack(): unknown`, which Apps Script's own
 * Utilities unpack (base64Decode, newBlob, ungzip: documented, and service calls, not Spreadsheet calls), so no
 * inflater ships in the bundle. Apps Script loads the whole bundle on every call, so large data (the canvas
 * content, the reported results) is embedded compressed and unpacked only by the calls that need it.
 */
export function packedJsonModule(value: unknown, exportName = 'unpack'): string {
  const packed = gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 9 }).toString('base64');
  return (
    `const B=${JSON.stringify(packed)};` +
    `export default function ${exportName}(){return JSON.parse(Utilities.ungzip(Utilities.newBlob(` +
    `Utilities.base64Decode(B),"application/x-gzip")).getDataAsString());}`
  );
}
