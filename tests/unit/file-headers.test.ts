import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file says what it is for (issue 21, item 7): each TypeScript file of the product and its tools opens with
 * a comment of one or a few lines, before any import, so a reader knows why it exists before reading it.
 */

const root = join(__dirname, '../..');
const FOLDERS = ['src', 'scripts', 'emulator', 'bench', 'probe'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('every file says what it is for', () => {
  const files = FOLDERS.flatMap((folder) => tsFiles(join(root, folder)));

  test('the scan sees the product and its tools', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  test('each opens with a comment saying what it is for (add a /** … */ line at the top of those listed)', () => {
    const without = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const match = /^(?:\/\*\*?([\s\S]*?)\*\/|((?:\/\/.*\n)+))/.exec(text);
      const words = (match?.[1] ?? match?.[2] ?? '').replace(/[/*\s]+/g, ' ').trim();
      return words.split(' ').length < 4;
    });
    expect(without.map((file) => relative(root, file))).toEqual([]);
  });
});
