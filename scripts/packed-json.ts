/** Build step: large JSON data embedded in the bundle deflated (base64), unpacked by fflate when a call needs it. */
import { deflateRawSync } from 'node:zlib';

/**
 * A module that embeds `value` as raw-deflated JSON (base64) and exports `unpack(): unknown`, which inflates it
 * with fflate (a maintained inflater, 4 KB in the bundle). Apps Script loads the whole bundle on every call, so
 * large data (the canvas content, the reported results) is embedded compressed and unpacked only by the calls
 * that need it. Deflate packs this text about 40 % smaller than lz-string did.
 */
export function packedJsonModule(value: unknown, exportName = 'unpack'): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 9 }).toString('base64');
  return (
    `import { inflateSync, strFromU8 } from 'fflate';` +
    `const B=${JSON.stringify(packed)};` +
    // base64 → bytes (Apps Script has no atob; Utilities.base64Decode would be a counted service call)
    `function bytes(s){const a="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",t={};` +
    `for(let i=0;i<64;i++)t[a[i]]=i;const n=s.replace(/=+$/,"").length,o=new Uint8Array(Math.floor(n*3/4));` +
    `let b=0,k=0,j=0;for(let i=0;i<n;i++){b=(b<<6)|t[s[i]];k+=6;if(k>=8){k-=8;o[j++]=(b>>k)&255;}}return o;}` +
    `export default function ${exportName}(){return JSON.parse(strFromU8(inflateSync(bytes(B))));}`
  );
}
