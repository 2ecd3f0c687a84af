// Builds what the app runs: the renderer (Vite) into dist/renderer, and the engine and Electron
// shell (esbuild) into dist/engine and dist/electron, each with its export worker. `--engine` builds only the engine.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const engineOnly = process.argv.includes('--engine');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  // Native or large runtime packages load from node_modules.
  external: ['better-sqlite3', 'electron', 'exceljs', 'pptxgenjs', 'highs'],
  absWorkingDir: root,
};

// The worker threads (exports, the roadmap solver) are bundles of their own beside each engine bundle
// (browser mode, Electron): the engine starts them as worker threads.
const workers = { 'export-worker': 'electron/core/export/worker.ts', 'solve-worker': 'electron/core/roadmap/solve-worker.ts' };
await esbuild({ ...common, entryPoints: { serve: 'electron/core/browser-mode.ts', ...workers }, outdir: 'dist/engine', outExtension: { '.js': '.cjs' } });

if (bench) {
  await esbuild({ ...common, external: [...common.external, '@playwright/test', 'playwright-core'], format: 'esm', entryPoints: { run: 'test/bench/run.ts' }, outdir: 'dist/bench', outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
}

if (!engineOnly) {
  await esbuild({ ...common, entryPoints: { main: 'electron/main.ts', ...workers }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } });
  // A sandboxed preload may only require('electron'): bundle it whole.
  await esbuild({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } });
  await viteBuild({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
}
