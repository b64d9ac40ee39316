/** The canvas content embedded in the bundle, unpacked on first use. */
import type { CanvasContent } from '../core/content-schema';
import embedded from '../../content/xiaomi-canvas.json';

let cached: CanvasContent | undefined;

/**
 * The canvas content, embedded in the bundle (validated at build time, so not re-validated on every call). The
 * build embeds it compressed, as a function that unpacks it (scripts/compact-content.ts), so only the calls that
 * need it pay for unpacking, once; elsewhere (tests, the bench's multiplied content) it is the object itself.
 */
export function content(): CanvasContent {
  if (!cached) {
    const value: unknown = embedded;
    cached = (typeof value === 'function' ? (value as () => unknown)() : value) as CanvasContent;
  }
  return cached;
}
