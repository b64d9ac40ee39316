import { embedJson } from '../../src/core/embed-json';
import { canonicalBlocks, isCanvasView, parseBoot } from '../../src/sidebar/boot';
import { BLOCK_IDS, BLOCK_TITLES } from '../../src/core/block-ids';
import type { CanvasView } from '../../src/core/view';

const canvas: CanvasView = {
  canvasId: 'canvas-1',
  sheetName: 'Xiaomi Canvas',
  canvases: [{ canvasId: 'canvas-1', sheetName: 'Xiaomi Canvas' }],
  blocks: BLOCK_IDS.map((id) => ({
    id,
    title: BLOCK_TITLES[id],
    version: `v-${id}`,
    entries: ['<img src=x onerror=alert(1)>', '</script>'],
    figures: [],
    links: [[], []],
    evidence: [
      { status: 'template' as const, source: '', importance: null },
      { status: 'template' as const, source: '', importance: null },
    ],
  })),
  segments: [],
};

describe('sidebar boot data', () => {
  test('reads the canvas the server embedded, even with markup-like text in it', () => {
    const boot = parseBoot(embedJson({ canvas }));
    expect(boot).toEqual({ kind: 'canvas', canvas, sources: {} });
  });

  test("reads the figures' source sentences, keeping only well-formed ones", () => {
    const sources = {
      'key-partners': { 'R&D spending': 'It was <b>19.1</b> bn.', bad: 3 },
      'no-such-block': { x: 'y' },
      channels: 'not an object',
    };
    expect(parseBoot(embedJson({ canvas, sources }))).toEqual({
      kind: 'canvas',
      canvas,
      sources: { 'key-partners': { 'R&D spending': 'It was <b>19.1</b> bn.' } },
    });
  });

  test('reads the error the server embedded when there is no canvas', () => {
    expect(parseBoot(embedJson({ error: 'Insert the canvas first.' }))).toEqual({
      kind: 'error',
      message: 'Insert the canvas first.',
    });
  });

  test('an unreplaced placeholder (null) means: ask the server', () => {
    expect(parseBoot('/*__BOOT_JSON__*/null'.replace('/*__BOOT_JSON__*/', ''))).toEqual({ kind: 'none' });
    expect(parseBoot(null)).toEqual({ kind: 'none' });
  });

  test('broken or malformed data becomes a plain error, not a crash', () => {
    expect(parseBoot('{')).toMatchObject({ kind: 'error' });
    expect(parseBoot('{"canvas":{"sheetName":"x","blocks":[{"id":"nope"}]}}')).toMatchObject({ kind: 'error' });
    expect(
      isCanvasView({
        sheetName: 'x',
        blocks: [{ ...canvas.blocks[0], figures: [{ label: 'a', value: '1', unit: '', period: '' }] }],
      }),
    ).toBe(false);
  });

  test('blocks are listed in canonical order whatever order they arrive in', () => {
    const shuffled = { ...canvas, blocks: canvas.blocks.slice().reverse() };
    expect(canonicalBlocks(shuffled).map((b) => b.id)).toEqual([...BLOCK_IDS]);
  });
});
