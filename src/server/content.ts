import type { CanvasContent } from '../core/content-schema';
import embedded from '../../content/xiaomi-canvas.json';

/** The canvas content, embedded in the bundle (validated at build time, so not re-validated on every call). */
export const CONTENT = embedded as CanvasContent;
