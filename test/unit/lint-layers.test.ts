/**
 * The layer table of DESIGN.md is enforced by eslint.config.js (`no-restricted-imports` per folder).
 * These cases lint snippets as if they lived in each folder, to prove the rules fire (and stay quiet
 * on allowed imports). The files need not exist: only `filePath` decides which config applies.
 */
import { ESLint } from 'eslint';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  expect(result, `no lint result for ${filePath}`).toBeDefined();
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `parse error in snippet for ${filePath}`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

/** A snippet that imports `specifier` (as a value, or as a type only) and uses it. */
const importing = (specifier: string, typeOnly = false): string =>
  typeOnly ? `import type * as M from '${specifier}';\nexport type T = typeof M;\n` : `import * as m from '${specifier}';\nexport const x = m;\n`;

const forbidden: Array<[file: string, specifier: string]> = [
  // renderer/: no Node, no electron, nothing in electron/, no engine-only packages
  ['renderer/src/x.ts', 'node:fs'],
  ['renderer/src/x.ts', 'path'],
  ['renderer/src/x.ts', 'fs/promises'],
  ['renderer/src/views/x.tsx', 'electron'],
  ['renderer/src/x.ts', '../../electron/core/engine'],
  ['renderer/src/views/x.tsx', '../../../electron/preload'],
  ['renderer/src/x.ts', 'better-sqlite3'],
  ['renderer/src/x.ts', 'exceljs'],
  ['renderer/src/x.ts', 'pptxgenjs'],
  // electron/core/: never electron, never the renderer
  ['electron/core/x.ts', 'electron'],
  ['electron/core/handlers/x.ts', 'electron/main'],
  ['electron/core/x.ts', '../../renderer/src/api'],
  // electron/*.ts: not the renderer
  ['electron/main.ts', '../renderer/src/api'],
  // shared/: nothing outside shared/
  ['shared/x.ts', '../electron/core/engine'],
  ['shared/x.ts', '../renderer/src/api'],
  ['shared/x.ts', '../test/support/engine'],
  ['shared/framework/x.ts', '../../electron/core/engine'],
  ['shared/x.ts', 'node:fs'],
  ['shared/x.ts', 'path'],
  ['shared/x.ts', 'electron'],
  ['shared/x.ts', 'react'],
  ['shared/x.ts', 'better-sqlite3'],
  ['shared/x.ts', 'd3'],
  ['shared/x.ts', 'zustand'],
];

const allowed: Array<[file: string, specifier: string]> = [
  ['renderer/src/x.ts', '../../shared/api'],
  ['renderer/src/views/x.tsx', '../../../shared/framework'],
  ['renderer/src/views/x.tsx', 'react'],
  ['renderer/src/views/x.tsx', 'd3'],
  ['renderer/src/stores/x.ts', 'zustand'],
  ['electron/core/x.ts', 'node:fs'],
  ['electron/core/x.ts', 'better-sqlite3'],
  ['electron/core/x.ts', '../../shared/errors'],
  ['electron/core/handlers/x.ts', '../engine'],
  ['electron/main.ts', 'electron'],
  ['electron/main.ts', './core/engine'],
  ['electron/menu.ts', '../shared/menu'],
  ['shared/x.ts', 'zod'],
  ['shared/x.ts', './errors'],
  ['shared/framework/x.ts', '../errors'],
  ['test/unit/x.ts', 'electron'],
  ['test/unit/x.ts', '../../electron/core/engine'],
];

describe('layer rules (DESIGN.md, Layers) as lint errors', () => {
  it.each(forbidden)('%s may not import %s', async (file, specifier) => {
    for (const typeOnly of [false, true]) {
      const errors = await layerErrors(file, importing(specifier, typeOnly));
      expect(errors, `expected a no-restricted-imports error (typeOnly: ${typeOnly})`).toHaveLength(1);
    }
  });

  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, importing(specifier))).toEqual([]);
  });

  it('explains the rule in the message', async () => {
    const [message] = await layerErrors('electron/core/x.ts', importing('electron'));
    expect(message).toMatch(/electron\/core\/.*never imports `electron`/);
  });
});
