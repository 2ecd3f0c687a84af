// Builds what the app runs: the renderer (Vite) into dist/renderer, and the engine and Electron
// shell (esbuild) into dist/engine and dist/electron, each with its export worker. `--engine` builds only the engine.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const engineOnly = process.argv.includes('--engine');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Less to read and parse when the engine starts (a quarter of its bundle); names stay, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  // Native or large runtime packages load from node_modules.
  external: ['better-sqlite3', 'electron', 'exceljs', 'pptxgenjs', 'highs'],
  absWorkingDir: root,
};

// The worker threads (exports, the roadmap solver) are bundles of their own beside each engine bundle
// (browser mode, Electron): the engine starts them as worker threads.
const workers = { 'export-worker': 'electron/core/export/worker.ts', 'solve-worker': 'electron/core/roadmap/solve-worker.ts' };
// serve.cjs only starts serve-engine.cjs (browser mode) through V8's code cache, which a new build makes stale.
await esbuild({
  ...common,
  entryPoints: { serve: 'electron/core/browser-mode-start.ts', 'serve-engine': 'electron/core/browser-mode.ts', ...workers },
  outdir: 'dist/engine',
  outExtension: { '.js': '.cjs' },
});
rmSync(resolve(root, 'dist/engine/serve-engine.cache'), { force: true });

if (bench) {
  await esbuild({ ...common, external: [...common.external, '@playwright/test', 'playwright-core'], format: 'esm', entryPoints: { run: 'test/bench/run.ts' }, outdir: 'dist/bench', outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
}

if (!engineOnly) {
  await esbuild({ ...common, entryPoints: { main: 'electron/main.ts', ...workers }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } });
  // A sandboxed preload may only require('electron'): bundle it whole.
  await esbuild({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } });
  await viteBuild({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  compressInterface(resolve(root, 'dist/renderer'));
}

/**
 * Browser mode sends the interface compressed (electron/core/static.ts): a brotli and a gzip copy of each text
 * file, made once here at the strongest settings, so the server never compresses on a request.
 */
function compressInterface(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compressInterface(path);
      continue;
    }
    if (!['.js', '.css', '.html', '.svg', '.json'].includes(extname(name)) || statSync(path).size < 1024) continue;
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  }
}
