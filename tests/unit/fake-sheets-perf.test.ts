import { createFakeGoogle } from '../../emulator';

describe('fake-sheets performance', () => {
  test('setValues/getValues of 1000×30 cells takes a few milliseconds, and empty cells are not stored', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.insertColumnsAfter(26, 4);
    const data = Array.from({ length: 1000 }, (_, r) =>
      Array.from({ length: 30 }, (_, c) => (c % 3 === 0 ? r * c : c % 3 === 1 ? `t${r}` : '')),
    );
    const range = sheet.getRange(1, 1, 1000, 30);
    const median = (fn: () => void): number => {
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const t0 = performance.now();
        fn();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[4];
    };
    const write = median(() => range.setValues(data));
    let back: unknown[][] = [];
    const read = median(() => {
      back = range.getValues();
    });
    expect(back).toEqual(data);
    console.log(`median of 9: setValues 1000x30 ${write.toFixed(1)} ms, getValues ${read.toFixed(1)} ms`);
    expect(write).toBeLessThan(60);
    expect(read).toBeLessThan(30);
    const stored = Object.keys(fake.direct.documentState().sheets[0].cells).length;
    expect(stored).toBe(1000 * 20);
  });

  test('1000 rows of formulas evaluate quickly and are cached until the next change', () => {
    const fake = createFakeGoogle();
    const sheet = fake.spreadsheet.getSheets()[0];
    sheet.getRange(1, 1, 1000, 1).setValues(Array.from({ length: 1000 }, (_, i) => [i]));
    sheet
      .getRange(1, 2, 1000, 2)
      .setFormulas(Array.from({ length: 1000 }, (_, i) => [`=A${i + 1}*2`, `=COUNTIFS($A$1:$A$1000,">"&A${i + 1})`]));
    const t0 = performance.now();
    const v = sheet.getRange(1, 2, 1000, 2).getValues();
    const t1 = performance.now();
    sheet.getRange(1, 2, 1000, 2).getValues();
    const t2 = performance.now();
    expect(v[10]).toEqual([20, 989]);
    console.log(`1000 COUNTIFS over 1000 rows: ${(t1 - t0).toFixed(1)} ms, cached: ${(t2 - t1).toFixed(1)} ms`);
    expect(t2 - t1).toBeLessThan(t1 - t0);
  });
});
