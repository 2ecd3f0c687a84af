// Loads a TypeScript module of the project from a Node script: esbuild compiles it (as the app build
// does) into one ESM bundle that is imported from memory. For small, dependency-free modules.
import { build } from 'esbuild';

export async function importTs(root, specifier) {
  const out = await build({
    stdin: { contents: `export * from ${JSON.stringify(specifier)};`, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
