import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const json = <T = Record<string, unknown>>(file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8')) as T;

describe('the Apps Script project', () => {
  test('manifest: V8, Stackdriver logging, and exactly the two least-privilege scopes', () => {
    const manifest = json('appsscript.json');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  test('clasp pushes only the built Code.js, Sidebar.html and manifest from dist/', () => {
    expect(json('.clasp.json').rootDir).toBe('dist');
    const status = JSON.parse(
      execFileSync(
        process.execPath,
        [resolve(root, 'node_modules/@google/clasp/build/src/index.js'), 'show-file-status', '--json'],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 30_000,
        },
      ),
    ) as { filesToPush: string[] };
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
  });

  test('the bundle ends with a top-level function for every entry point and stays within budget', () => {
    const code = readFileSync(resolve(root, 'dist/Code.js'), 'utf8');
    for (const name of json<string[]>('src/entry-points.json'))
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(150 * 1024);
  });
});
