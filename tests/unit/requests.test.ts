import { parseRequest, resetBlockRequestSchema, saveBlockRequestSchema, LIMITS } from '../../src/core/requests';

const valid = {
  blockId: 'key-activities',
  version: 'abc',
  entries: ['  R&D  ', 'Design'],
  figures: [{ label: 'R&D', value: 19.4, unit: 'CNY bn', period: '2024' }],
};
const save = (req: unknown) => parseRequest(saveBlockRequestSchema, req, 'save request');

describe('sidebar request validation', () => {
  test('accepts a valid request and trims entries', () => {
    expect(save(valid).entries).toEqual(['R&D', 'Design']);
  });

  test.each([
    ['not an object', 'x', /save request must be an object/],
    ['unknown block', { ...valid, blockId: 'key-thing' }, /blockId must be one of/],
    ['unknown field', { ...valid, extra: 1 }, /unknown field "extra"/],
    ['missing version', { ...valid, version: undefined }, /version must be text/],
    ['empty entry', { ...valid, entries: ['ok', '   '] }, /entries\[1\] must not be empty/],
    [
      'entry too long',
      { ...valid, entries: ['x'.repeat(LIMITS.entryLength + 1)] },
      /entries\[0\] must be at most 1000 characters/,
    ],
    ['too many entries', { ...valid, entries: Array(61).fill('x') }, /entries must have at most 60 entries/],
    [
      'too many figures',
      { ...valid, figures: Array(41).fill(valid.figures[0]) },
      /figures must have at most 40 figures/,
    ],
    [
      'empty label',
      { ...valid, figures: [{ ...valid.figures[0], label: ' ' }] },
      /figures\[0\]\.label must not be empty/,
    ],
    [
      'value not finite',
      { ...valid, figures: [{ ...valid.figures[0], value: Infinity }] },
      /figures\[0\]\.value must be a finite number/,
    ],
    [
      'value as text',
      { ...valid, figures: [{ ...valid.figures[0], value: '19' }] },
      /figures\[0\]\.value must be a finite number/,
    ],
    [
      'unit too long',
      { ...valid, figures: [{ ...valid.figures[0], unit: 'u'.repeat(41) }] },
      /figures\[0\]\.unit must be at most 40/,
    ],
  ])('rejects %s with a one-line message naming the field', (_name, request, message) => {
    let error: Error | undefined;
    try {
      save(request);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  test('reset requests need exactly blockId and version', () => {
    expect(parseRequest(resetBlockRequestSchema, { blockId: 'channels', version: 'v' }, 'reset request')).toEqual({
      blockId: 'channels',
      version: 'v',
    });
    expect(() => parseRequest(resetBlockRequestSchema, { blockId: 'channels' }, 'reset request')).toThrow(/version/);
  });
});
