import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { TYPESCRIPT_PROJECTS } from '../../scripts/layers';

/**
 * Layers the tools enforce: a deliberately wrong line in each layer is refused by that layer's TypeScript project
 * and by ESLint, and the same file without the wrong line passes both (so the failure is the line's).
 */

const root = resolve(__dirname, '../..');

interface Case {
  layer: 'src/core' | 'src/server' | 'src/sidebar' | 'scripts';
  wrong: string;
  /** Whether tsc refuses it too (an import of another layer's file only fails tsc if that file uses its globals). */
  tsc: boolean;
  eslintRule: string;
}

const CASES: Case[] = [
  {
    layer: 'src/core',
    wrong: 'SpreadsheetApp.getActiveSpreadsheet();',
    tsc: true,
    eslintRule: 'no-restricted-globals',
  },
  { layer: 'src/core', wrong: 'document.title = "x";', tsc: true, eslintRule: 'no-restricted-globals' },
  { layer: 'src/core', wrong: 'process.exit(1);', tsc: true, eslintRule: 'no-restricted-globals' },
  { layer: 'src/core', wrong: "import '../server/lock';", tsc: true, eslintRule: 'no-restricted-imports' },
  { layer: 'src/server', wrong: 'document.title = "x";', tsc: true, eslintRule: 'no-restricted-globals' },
  { layer: 'src/server', wrong: 'window.alert("x");', tsc: true, eslintRule: 'no-restricted-globals' },
  { layer: 'src/sidebar', wrong: 'SpreadsheetApp.flush();', tsc: true, eslintRule: 'no-restricted-globals' },
  { layer: 'src/sidebar', wrong: "import '../server/lock';", tsc: true, eslintRule: 'no-restricted-imports' },
  {
    layer: 'src/sidebar',
    wrong: "import { readFileSync } from 'node:fs';\nreadFileSync('x');",
    tsc: true,
    eslintRule: 'no-restricted-imports',
  },
  { layer: 'scripts', wrong: "import '../tests/support/thrown';", tsc: false, eslintRule: 'no-restricted-imports' },
];

/** The layer's own tsconfig.json (tools and tests share the root one). */
function projectOf(layer: Case['layer']): string {
  return layer === 'scripts' ? '.' : layer;
}

function tscErrors(project: string, file: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, project, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram([file], parsed.options);
  // Every diagnostic counts: importing another layer's file fails where that file uses globals this layer lacks.
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function eslintRules(files: string[]): Map<string, string[]> {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--no-warn-ignored', ...files],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const results = JSON.parse(out) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
  return new Map(results.map((r) => [r.filePath, r.messages.map((m) => m.ruleId ?? m.message)]));
}

describe('layers the tools enforce', () => {
  const written: string[] = [];
  const file = (layer: string, name: string, text: string) => {
    const path = join(root, layer, `zz-layer-check-${process.pid}-${name}.ts`);
    writeFileSync(path, text);
    written.push(path);
    return path;
  };
  const wrongFiles = CASES.map((c, i) => file(c.layer, `wrong-${i}`, `${c.wrong}\nexport const checked = 1;\n`));
  const rightFiles = [...new Set(CASES.map((c) => c.layer))].map((layer) =>
    file(layer, 'right', 'export const checked: number = [1, 2].length;\n'),
  );
  let lint: Map<string, string[]>;

  beforeAll(() => {
    lint = eslintRules([...wrongFiles, ...rightFiles]);
  });
  afterAll(() => {
    for (const path of written) rmSync(path, { force: true });
  });

  test('the type-check covers every layer (the build and `npm run typecheck` run each project)', () => {
    expect([...TYPESCRIPT_PROJECTS]).toEqual(['src/core', 'src/server', 'src/sidebar', '.']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toMatch(/^npm run build\b/);
    expect(readFileSync(join(root, 'scripts/build.ts'), 'utf8')).toContain('typecheckLayers()');
  });

  test.each(CASES.map((c, i) => [c.layer, c.wrong, i] as const))('%s refuses `%s`', (layer, _wrong, i) => {
    const c = CASES[i];
    expect(lint.get(wrongFiles[i])).toContain(c.eslintRule);
    if (c.tsc) expect(tscErrors(projectOf(layer), wrongFiles[i]).length).toBeGreaterThan(0);
  });

  test('the same files without the wrong line pass both tools', () => {
    for (const path of rightFiles) {
      expect(lint.get(path)).toEqual([]);
      const layer = CASES.find((c) => path.includes(`/${c.layer}/`))!.layer;
      expect(tscErrors(projectOf(layer), path)).toEqual([]);
    }
  });
});
