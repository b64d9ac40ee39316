import { freeSheetName, sheetNameTaken } from '../../src/core/sheet-names';

describe('sheet names are free or taken the way Sheets decides: ignoring case', () => {
  test('a name that differs only in case is taken', () => {
    const taken = sheetNameTaken(['key figures', 'Sheet1']);
    expect(taken('Key Figures')).toBe(true);
    expect(taken('KEY FIGURES')).toBe(true);
    expect(taken('Key Figures (2)')).toBe(false);
  });

  test('the first free candidate is chosen, whatever the case of the existing names', () => {
    const next = (n: number) => (n === 1 ? 'Canvas Snapshots' : `Canvas Snapshots (${n})`);
    expect(freeSheetName(['Sheet1'], next)).toBe('Canvas Snapshots');
    expect(freeSheetName(['canvas snapshots', 'CANVAS SNAPSHOTS (2)'], next)).toBe('Canvas Snapshots (3)');
  });
});
