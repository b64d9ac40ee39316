/** Text styles go in one call per grid, and give the same cells whichever way Sheets reads an unset attribute. */
import { createFakeGoogle } from '../../emulator';
import { loadBundle, sidebarFile } from '../support/bundle';

function insertedUnder(textStyleUnset: 'reset' | 'keep') {
  const b = loadBundle({ fake: createFakeGoogle({ files: { Sidebar: sidebarFile() }, readings: { textStyleUnset } }) });
  const stats = b.fake.countDuring(() => b.call('insertXiaomiCanvas'));
  return { b, stats };
}

/** Every sheet's font colours, sizes, weights and styles, read without counting. */
function fonts(b: ReturnType<typeof loadBundle>) {
  return b.fake.spreadsheet.getSheets().map((sheet) => {
    const range = sheet.getDataRange();
    return {
      name: sheet.getName(),
      colors: range.getFontColors(),
      sizes: range.getFontSizes(),
      weights: range.getFontWeights(),
      styles: range.getFontStyles(),
    };
  });
}

describe('Text styles', () => {
  test('insert writes fonts with one setTextStyles per grid, never the four font setters', () => {
    const { stats } = insertedUnder('reset');
    for (const setter of ['setFontColors', 'setFontSizes', 'setFontWeights', 'setFontStyles'])
      expect(stats.byMethod[`Range.${setter}`] ?? 0).toBe(0);
    // the canvas, details, Key Figures and Reported Results (its bold header) grids, and the Assumptions list's bold
    // headings (issue 19)
    expect(stats.byMethod['Range.setTextStyles']).toBe(5);
  });

  test('the canvas, details and Key Figures look the same whether an unset attribute resets or is kept', () => {
    const reset = insertedUnder('reset').b;
    const keep = insertedUnder('keep').b;
    const resetFonts = fonts(reset);
    expect(resetFonts).toEqual(fonts(keep));
    // The styles are really there: a bold 18 pt title, italic text somewhere, and more than one colour.
    const canvas = resetFonts.find((s) => s.name === 'Xiaomi Canvas')!;
    expect(canvas.weights.flat()).toContain('bold');
    expect(new Set(canvas.colors.flat()).size).toBeGreaterThan(2);
    expect(Math.max(...canvas.sizes.flat())).toBeGreaterThan(10);
  });

  test('saving a whole block keeps the fonts of a fresh insert under either reading', () => {
    for (const reading of ['reset', 'keep'] as const) {
      const { b } = insertedUnder(reading);
      const before = fonts(b).find((s) => s.name === 'Xiaomi Details');
      const block = b.call<{ entries: string[]; version: string; figures: unknown[] }>('getBlock', {
        blockId: 'key-partners',
      });
      b.call('saveBlock', {
        blockId: 'key-partners',
        version: block.version,
        entries: [...block.entries].reverse(),
        figures: [...block.figures].reverse(),
      });
      expect(fonts(b).find((s) => s.name === 'Xiaomi Details')).toEqual(before);
    }
  });
});
