/** The benchmark's and tests' canvas content, and the same content multiplied for scale runs. */
import type { CanvasContent } from '../src/core/content-schema';
import raw from '../content/xiaomi-canvas.json';

export const CONTENT = raw as CanvasContent;

/** The content with every block's entries, sections and figures repeated `times` times (for scale tests). */
export function multipliedContent(times: number): CanvasContent {
  const repeat = <T>(list: readonly T[], tag: (item: T, copy: number) => T): T[] =>
    Array.from({ length: times }, (_, copy) => list.map((item) => (copy === 0 ? item : tag(item, copy)))).flat();
  return {
    ...CONTENT,
    blocks: CONTENT.blocks.map((block) => ({
      ...block,
      entries: repeat(block.entries, (e, copy) => `${e} (${copy + 1})`),
      sections: repeat(block.sections, (s) => s),
      figures: repeat(block.figures, (f, copy) => ({ ...f, label: `${f.label} (${copy + 1})` })),
    })),
  };
}
