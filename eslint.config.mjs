// ESLint (flat config): typescript-eslint's type-aware rules over src, scripts, tests, bench and probe, with
// eslint-config-prettier last so formatting stays Prettier's job alone. `npm run lint`; CI runs it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { ignores: ['dist/', 'out/', 'coverage/', 'node_modules/', 'tests/output/'] },
  {
    files: ['{src,scripts,tests,bench,probe,emulator}/**/*.{ts,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // tsconfig.json already includes src, tests, scripts, bench and probe: one program gives every rule its types.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // The promise rules this project cares most about, spelled out so a preset change cannot drop them.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Apps Script passes the event object to onOpen/onInstall whether or not it is used: `_e` says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Off: its fix is `new Error(message, { cause })`, which the ES2020 lib of tsconfig.json does not type;
      // our errors are deliberately one plain sentence for the user, rethrown on purpose without the cause.
      'preserve-caught-error': 'off',
    },
  },
  {
    // The sidebar and the preview page run in a browser: DOM globals, no Node.
    files: ['src/sidebar/**/*.ts', 'scripts/preview/client.ts', 'scripts/preview/sidebar-shim.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The fake stands in for Apps Script, which coerces whatever a script passes (titles, notes, messages) with
    // String(): its `unknown` parameters are meant to be stringified exactly that way.
    files: ['emulator/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Tests are leaves: nothing outside tests/ may import from them (the emulator, bench and scripts are the shared tools).
    files: ['{src,scripts,bench,probe,emulator}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tests/**', '../tests', '../../tests'],
              message: 'tests/ is not a library: move shared code to emulator/, bench/ or scripts/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript scripts are outside the TypeScript program: lint them without type information.
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
