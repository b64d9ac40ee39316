// ESLint (flat config): typescript-eslint's type-aware rules over src, scripts, tests, bench, probe and emulator, with
// eslint-config-prettier last so formatting stays Prettier's job alone. `npm run lint`; CI runs it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The globals each layer must not touch (no-restricted-globals below). Apps Script's services exist only on the
// server; the DOM only in the sidebar; Node only in the tools and tests.
const APPS_SCRIPT = [
  'SpreadsheetApp',
  'LockService',
  'PropertiesService',
  'HtmlService',
  'ScriptApp',
  'Session',
  'Utilities',
  'Logger',
  'CacheService',
  'Charts',
  'DriveApp',
  'UrlFetchApp',
  'Browser',
  'ContentService',
  'DocumentApp',
  'FormApp',
  'GmailApp',
  'MailApp',
  'SlidesApp',
  'XmlService',
  'GoogleAppsScript',
];
const DOM = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'alert',
  'confirm',
  'prompt',
  'requestAnimationFrame',
  'getComputedStyle',
  'customElements',
  'HTMLElement',
  'Element',
  'Event',
  'KeyboardEvent',
  'google',
  'self',
  'top',
  'parent',
  'frames',
  'history',
];
const NODE = ['process', 'require', 'module', 'Buffer', '__dirname', '__filename', 'global', 'setImmediate'];
const restricted = (names, where) => names.map((name) => ({ name, message: `${name} does not exist in ${where}.` }));
const NO_TESTS = {
  group: ['**/tests/**', '../tests', '../../tests'],
  message: 'tests/ is not a library: move shared code to emulator/, bench/ or scripts/.',
};
const NO_NODE = {
  group: ['node:*', 'fs', 'path', 'child_process', 'os', 'util'],
  message: 'Node exists only in the tools and tests.',
};
const layer = (name, where) => ({
  group: [`../${name}`, `../${name}/*`, `**/src/${name}/**`],
  message: `${where} does not import src/${name}/: they meet only through src/core (the contract and the pure logic).`,
});

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { ignores: ['dist/', 'out/', 'coverage/', 'node_modules/', 'tests/output/'] },
  {
    files: ['{src,scripts,tests,bench,probe,emulator}/**/*.{ts,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Each file gets its types from the nearest tsconfig.json: src/core, src/server, src/sidebar, or the root one.
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
  // Layers the linter enforces (the per-layer tsconfig.json files enforce the same with types): the core uses no
  // platform at all, the server no DOM, the sidebar no Apps Script and no server code; nothing imports tests/.
  {
    files: ['{src,scripts,bench,probe,emulator}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TESTS] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...restricted(APPS_SCRIPT, 'the core'),
        ...restricted(DOM, 'the core'),
        ...restricted(NODE, 'the core'),
        { name: 'console', message: 'The core has no side effects: return data, let the server log.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [NO_TESTS, NO_NODE, layer('server', 'the core'), layer('sidebar', 'the core')] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...restricted(DOM, 'the server'), ...restricted(NODE, 'the server')],
      'no-restricted-imports': ['error', { patterns: [NO_TESTS, NO_NODE, layer('sidebar', 'the server')] }],
    },
  },
  {
    files: ['src/sidebar/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...restricted(APPS_SCRIPT, 'the sidebar'), ...restricted(NODE, 'the sidebar')],
      'no-restricted-imports': ['error', { patterns: [NO_TESTS, NO_NODE, layer('server', 'the sidebar')] }],
    },
  },
  {
    // Plain JavaScript scripts are outside the TypeScript program: lint them without type information.
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
