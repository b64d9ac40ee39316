import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isRealScriptId,
  PROD_PROJECT_EXAMPLE,
  PROD_PROJECT_FILE,
  release,
  ReleaseRefused,
  type CommandRunner,
} from '../../scripts/release';

const ROOT = join(__dirname, '../..');
const REAL_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdEFGH';

/** A command runner that records every call and answers from a script of replies; it never runs anything. */
function recordingRunner(replies: { gitStatus?: string; versionJson?: string } = {}) {
  const calls: string[] = [];
  const run: CommandRunner = (command, args) => {
    const line = [command, ...args].join(' ');
    calls.push(line);
    if (line === 'git status --porcelain') return { status: 0, stdout: replies.gitStatus ?? '' };
    if (line.startsWith('git describe')) return { status: 0, stdout: 'v1.0.0\n' };
    if (line.includes('create-version'))
      return { status: 0, stdout: replies.versionJson ?? '{\n  "versionNumber": 7\n}\n' };
    return { status: 0, stdout: '' };
  };
  return { run, calls };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeProject = (config: unknown) => writeFileSync(join(dir, PROD_PROJECT_FILE), JSON.stringify(config));

describe('npm run release refuses before building or pushing anything', () => {
  test('without .clasp.prod.json', () => {
    const { run, calls } = recordingRunner();
    expect(() => release({ root: dir, run, log: () => undefined })).toThrow(ReleaseRefused);
    expect(() => release({ root: dir, run, log: () => undefined })).toThrow(/copy \.clasp\.prod\.example\.json/);
    expect(calls).toEqual([]);
  });

  test('with the placeholder script ID of the committed example', () => {
    writeFileSync(join(dir, PROD_PROJECT_FILE), readFileSync(join(ROOT, PROD_PROJECT_EXAMPLE)));
    const { run, calls } = recordingRunner();
    expect(() => release({ root: dir, run, log: () => undefined })).toThrow(/placeholder script ID/);
    expect(calls).toEqual([]);
  });

  test('with uncommitted changes', () => {
    writeProject({ scriptId: REAL_ID, rootDir: 'dist' });
    const { run, calls } = recordingRunner({ gitStatus: ' M src/server/menu.ts\n?? notes.txt\n' });
    expect(() => release({ root: dir, run, log: () => undefined })).toThrow(/uncommitted changes[\s\S]*menu\.ts/);
    expect(calls).toEqual(['git status --porcelain']);
  });

  test('when the project would push something other than dist/', () => {
    writeProject({ scriptId: REAL_ID, rootDir: '.' });
    const { run, calls } = recordingRunner();
    expect(() => release({ root: dir, run, log: () => undefined })).toThrow(/"rootDir": "dist"/);
    expect(calls).toEqual([]);
  });
});

describe('npm run release on a clean tree', () => {
  test('builds, pushes to the publishing project, creates a version and prints its number', () => {
    writeProject({ scriptId: REAL_ID, rootDir: 'dist' });
    const { run, calls } = recordingRunner();
    const lines: string[] = [];
    expect(release({ root: dir, run, log: (line) => lines.push(line) })).toBe(7);
    expect(calls).toEqual([
      'git status --porcelain',
      'git describe --tags --always --dirty',
      'npm run build',
      'npx clasp -P .clasp.prod.json push --force',
      'npx clasp -P .clasp.prod.json --json create-version v1.0.0',
    ]);
    expect(lines.join('\n')).toMatch(/Enter 7 in the Marketplace SDK/);
  });

  test('fails plainly when clasp reports no version number', () => {
    writeProject({ scriptId: REAL_ID, rootDir: 'dist' });
    const { run } = recordingRunner({ versionJson: 'Not logged in.' });
    expect(() => release({ root: dir, run, log: () => undefined })).toThrow(/did not report a version number/);
  });
});

describe('the publishing project file', () => {
  test('only the example is committed; the real one is ignored by git', () => {
    const example = JSON.parse(readFileSync(join(ROOT, PROD_PROJECT_EXAMPLE), 'utf8')) as Record<string, unknown>;
    expect(example).toEqual({ scriptId: expect.stringMatching(/REPLACE/) as unknown, rootDir: 'dist' });
    expect(isRealScriptId(example.scriptId)).toBe(false);
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain(PROD_PROJECT_FILE);
  });

  test('a real-looking script ID is accepted, placeholders and junk are not', () => {
    expect(isRealScriptId(REAL_ID)).toBe(true);
    for (const id of [
      'REPLACE_WITH_YOUR_SCRIPT_ID',
      'YOUR_SCRIPT_ID_GOES_HERE_PLEASE',
      '',
      'short',
      'has spaces in it and is long',
      42,
    ])
      expect(isRealScriptId(id)).toBe(false);
  });
});
