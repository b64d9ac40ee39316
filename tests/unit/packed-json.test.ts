/** The bundle's embedded-data encoding: base-91 text that needs no escape, decoded back to Apps Script's signed bytes. */
import { DECODE_BASE91, encodeBase91, packedJsonModule } from '../../scripts/packed-json';
import { createFakeGoogle } from '../../emulator';

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the decoder the build ships, as shipped
const decoder = new Function(`${DECODE_BASE91};return D;`) as () => (s: string, n: number) => number[];
const decode = decoder();
const signed = (bytes: Uint8Array) => Array.from(bytes, (b) => (b << 24) >> 24);

describe('base-91 packing', () => {
  test('every length and every byte value round-trips to the same signed bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let length = 0; length <= 64; length++) {
      const bytes = Uint8Array.from({ length }, random);
      expect(decode(encodeBase91(bytes), length)).toEqual(signed(bytes));
    }
    const all = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    expect(decode(encodeBase91(all), all.length)).toEqual(signed(all));
  });

  test('the text uses 91 characters that need no escape in a "…" literal, and is denser than base64', () => {
    const bytes = Uint8Array.from({ length: 9000 }, (_, i) => (i * 37 + (i >> 3)) & 0xff);
    const text = encodeBase91(bytes);
    expect(text).toMatch(/^[#-[\]-~]*$/);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(new Set(text).size).toBe(91);
    expect(text.length).toBeLessThan(Buffer.from(bytes).toString('base64').length * 0.93);
  });

  test('a packed module unpacks the same JSON with Apps Script Utilities', async () => {
    const value = { text: 'Xiaomi 小米 😀 "quoted" \\ back', list: Array.from({ length: 500 }, (_, i) => i * 3.5) };
    const body = (await packedJsonModule(value, 'unpack')).replace(
      'export default function unpack',
      'return function unpack',
    );
    const { globals } = createFakeGoogle();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating generated build output in a test
    const load = new Function('Utilities', body) as (u: unknown) => () => unknown;
    expect(load(globals.Utilities)()).toEqual(value);
  });
});
