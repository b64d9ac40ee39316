import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCanvasJson, toCanvasJson, type CanvasLike } from '../../src/core/canvas-json';
import { linksFromContent } from '../../src/core/canvas-links';
import { SCHEMA_PATH_V1, SCHEMA_PATH_V2, canvasJsonSchemaText } from '../../scripts/write-json-schema';
import { CONTENT, sheetFigures } from '../support/content';
import { thrown } from '../support/thrown';

const ROOT = join(__dirname, '..', '..');
const { segmentIds, links } = linksFromContent(CONTENT);
const linked: CanvasLike = {
  segmentIds,
  blocks: CONTENT.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: b.figures, links: links[b.id] })),
};

/** An exported file as plain JSON, to break on purpose: every block's links and ids reachable without casts. */
interface EditableCanvas {
  [field: string]: unknown;
  blocks: Array<{ [field: string]: unknown; links: unknown[][]; segmentIds: unknown[] }>;
}

const edited = (change: (value: EditableCanvas) => void): string => {
  const value = JSON.parse(toCanvasJson(linked)) as EditableCanvas;
  change(value);
  return JSON.stringify(value);
};

describe('xiaomi-canvas/2: segments and links', () => {
  test('writes the segments’ ids on Customer Segments and every entry’s links, and reads them back', () => {
    const value = JSON.parse(toCanvasJson(linked)) as EditableCanvas;
    expect(value.format).toBe('xiaomi-canvas/3');
    expect(value.blocks[6].segmentIds).toEqual(segmentIds);
    expect(value.blocks[3].links).toEqual(links['value-propositions']);
    expect(value.blocks[6].links).toBeUndefined();
    const parsed = parseCanvasJson(JSON.stringify(value));
    expect(parsed.segmentIds).toEqual(segmentIds);
    expect(parsed.blocks.map((b) => b.links)).toEqual(CONTENT.blocks.map((b) => links[b.id]));
  });

  test('still imports xiaomi-canvas/1: segments get ids s1, s2, …, and no entry is linked', () => {
    const v1 = {
      format: 'xiaomi-canvas/1',
      blocks: CONTENT.blocks.map((b) => ({ id: b.id, entries: b.entries, figures: sheetFigures(b.figures) })),
    };
    const parsed = parseCanvasJson(JSON.stringify(v1));
    expect(parsed.format).toBe('xiaomi-canvas/3');
    expect(parsed.segmentIds).toEqual(CONTENT.blocks[6].entries.map((_, i) => `s${i + 1}`));
    expect(parsed.blocks.every((b) => b.links.every((l) => l.length === 0))).toBe(true);
    // a /1 file cannot carry links
    const withLinks = { ...v1, blocks: v1.blocks.map((b) => ({ ...b, links: [] })) };
    expect(thrown(() => parseCanvasJson(JSON.stringify(withLinks)))).toMatch(/unknown field "links"/);
  });

  test.each<[string, string, string]>([
    [
      'a link to an unknown segment',
      edited((v) => (v.blocks[3].links[1] = ['s99'])),
      'Invalid canvas JSON: blocks[3] (Value Propositions).links[1] names an unknown segment "s99".',
    ],
    [
      'links of another length than the entries',
      edited((v) => v.blocks[5].links.pop()),
      'Invalid canvas JSON: blocks[5] (Channels).links must have one list per entry.',
    ],
    [
      'a link that is not an id',
      edited((v) => (v.blocks[3].links[0] = [1])),
      'Invalid canvas JSON: blocks[3] (Value Propositions).links[0][0] must be a segment id.',
    ],
    [
      'a segment id given twice',
      edited((v) => (v.blocks[6].segmentIds[1] = v.blocks[6].segmentIds[0])),
      'Invalid canvas JSON: blocks[6] (Customer Segments).segmentIds must not name a segment twice.',
    ],
    [
      'links on Customer Segments',
      edited((v) => (v.blocks[6].links = [])),
      'Invalid canvas JSON: blocks[6] (Customer Segments) has an unknown field "links".',
    ],
  ])('refuses %s with one line', (_name, text, message) => {
    expect(thrown(() => parseCanvasJson(text))).toBe(message);
  });

  test('the JSON Schemas of versions 1 and 2 stay committed and up to date', () => {
    expect(readFileSync(join(ROOT, SCHEMA_PATH_V1), 'utf8')).toBe(canvasJsonSchemaText(1));
    expect(readFileSync(join(ROOT, SCHEMA_PATH_V2), 'utf8')).toBe(canvasJsonSchemaText(2));
  });
});
