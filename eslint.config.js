// ESLint 9 flat config. Recommended rules (not type-checked, to stay fast) plus the layer table of
// DESIGN.md as errors: one `no-restricted-imports` per folder, so a file that imports across a layer
// boundary fails `npm run lint`. test/unit/lint-layers.test.ts proves the rules fire.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const CODE = '{ts,tsx,mts,cts,js,mjs,cjs}';

/** Pure npm packages shared/ may use: no I/O, no DOM, no Node. Add one here only if that holds. */
const SHARED_PURE_PACKAGES = ['zod'];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regex matching a package and its subpaths, e.g. `react` and `react/jsx-runtime`. */
const pkg = (...names) => `^(?:${names.map(esc).join('|')})(?:/|$)`;

// Node built-ins, with or without the `node:` prefix (`fs`, `fs/promises`, `node:test`, ...).
const NODE_BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const nodeBuiltins = (message) => [
  { regex: '^node:', message },
  { regex: pkg(...NODE_BUILTINS), message },
];

/** A relative import (any depth) into a top-level folder of the repository, e.g. `../../electron/core/engine`. */
const relativeInto = (folder) => `^(?:\\./)?(?:\\.\\./)+${esc(folder)}(?:/|$)`;

const MSG = {
  shared:
    'shared/ is pure TypeScript that runs anywhere: it may import only shared/ and pure packages (' +
    `${SHARED_PURE_PACKAGES.join(', ')}). Pass what you need in from the caller (DESIGN.md, Layers).`,
  coreElectron:
    'electron/core/ is the engine in plain Node and never imports `electron` (it also runs browser mode and tests). ' +
    'Put Electron-specific code in electron/*.ts and pass it in.',
  coreRenderer: 'electron/core/ may not import the renderer; share types through shared/.',
  rendererNode: 'renderer/ runs in a sandboxed browser page: no Node built-ins. Ask the engine through the API (renderer/src/api.ts).',
  rendererElectron: 'renderer/ never imports `electron` or electron/; use the API in shared/api.ts through renderer/src/api.ts.',
  rendererEngineLib: 'renderer/ may not import engine-only packages (better-sqlite3, exceljs, pptxgenjs): call the engine through the API.',
  shellRenderer: 'electron/*.ts (main, preload, menu) may not import renderer/; share types through shared/.',
};

const restrict = (name, files, patterns) => ({
  name: `layers/${name}`,
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/**
 * shared/ may import nothing outside shared/. Whether `../x` leaves shared/ depends on how deep the
 * importing file sits, so there is one block per depth: from shared/a/b.ts, two `../` leave it.
 */
const MAX_SHARED_DEPTH = 10;
const sharedRules = Array.from({ length: MAX_SHARED_DEPTH }, (_, i) =>
  restrict(`shared/depth-${i + 1}`, [`shared/${'*/'.repeat(i)}*.${CODE}`], [
    { regex: `^(?:\\./)?(?:\\.\\.(?:/|$)){${i + 1},}|^/`, message: MSG.shared },
    // Any bare specifier not on the pure list: node:fs, path, electron, react, d3, zustand, better-sqlite3, ...
    { regex: `^(?!(?:${SHARED_PURE_PACKAGES.map(esc).join('|')})(?:/|$))[^./]`, message: MSG.shared },
  ]),
);

const layerRules = [
  ...sharedRules,
  // electron/core/: never electron, never the renderer.
  restrict('electron/core', [`electron/core/**/*.${CODE}`], [
    { regex: pkg('electron'), message: MSG.coreElectron },
    { regex: relativeInto('renderer'), message: MSG.coreRenderer },
  ]),
  // renderer/: no Node, no electron, nothing under electron/, no engine-only packages.
  restrict('renderer', [`renderer/**/*.${CODE}`], [
    ...nodeBuiltins(MSG.rendererNode),
    { regex: pkg('electron'), message: MSG.rendererElectron },
    { regex: relativeInto('electron'), message: MSG.rendererElectron },
    { regex: pkg('better-sqlite3', 'exceljs', 'pptxgenjs'), message: MSG.rendererEngineLib },
  ]),
  // electron/*.ts (main, preload, menu, dialogs): not the renderer.
  restrict('electron-shell', [`electron/*.${CODE}`], [{ regex: relativeInto('renderer'), message: MSG.shellRenderer }]),
];

export default defineConfig(
  {
    name: 'ignores',
    ignores: [
      'dist/',
      'release/',
      'build/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      '.bench/',
      '.data/',
    ],
  },
  { name: 'lint-options', linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'project/rules',
    files: [`**/*.${CODE}`],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read untyped HTTP/JSON responses on purpose; `any` there is a convenience, not a hole.
    name: 'project/tests',
    files: [`test/**/*.${CODE}`],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // Playwright reads fixture dependencies from the destructuring, so a fixture with none is `async ({}, use)`.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    name: 'globals/node',
    files: [`electron/**/*.${CODE}`, `scripts/**/*.${CODE}`, `test/**/*.${CODE}`, `*.${CODE}`],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'globals/browser',
    files: [`renderer/**/*.${CODE}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The Rules of React for the renderer: hooks called unconditionally, effects with honest dependencies, no
    // state set or refs read during render. Every recommended rule is an error, not a warning.
    name: 'renderer/react-hooks',
    files: [`renderer/**/*.${CODE}`],
    plugins: { 'react-hooks': reactHooks },
    rules: Object.fromEntries(Object.keys(reactHooks.configs.flat.recommended.rules).map((rule) => [rule, 'error'])),
  },
  {
    name: 'globals/shared',
    files: [`shared/**/*.${CODE}`],
    languageOptions: { globals: { ...globals.es2021 } },
  },
  ...layerRules,
);
