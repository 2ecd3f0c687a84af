// Writes a realistic portfolio of engagement files into a data folder (test/support/portfolio.ts):
//   node scripts/portfolio-generator.mjs --data-dir DIR [--engagements 200] [--assessments 8] [--raters 10] [--seed N]
// Then `npm run serve -- --data-dir DIR` opens it; the engine indexes the files and rolls them up at start.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The generator, compiled as the app build compiles the engine (SQL migrations as text, better-sqlite3 from node_modules). */
export async function loadGenerator() {
  const out = await build({
    entryPoints: [join(root, 'test/support/portfolio.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    loader: { '.sql': 'text' },
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  // Written next to node_modules so the external import resolves.
  const dir = mkdtempSync(join(root, '.portfolio-generator-'));
  const file = join(dir, 'portfolio.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      engagements: { type: 'string', default: '200' },
      assessments: { type: 'string', default: '8' },
      raters: { type: 'string', default: '10' },
      seed: { type: 'string', default: '20261120' },
    },
  });
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'mw-portfolio-'));
  const { generatePortfolio } = await loadGenerator();
  const t0 = performance.now();
  const result = await generatePortfolio({
    dataDir,
    engagements: Number(values.engagements),
    assessments: Number(values.assessments),
    raters: Number(values.raters),
    seed: Number(values.seed),
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`Wrote ${result.engagements.length} engagement files to ${join(dataDir, 'engagements')} in ${seconds} s:`);
  for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(14)} ${n.toLocaleString('en')}`);
}
