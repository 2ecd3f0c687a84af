// The long crash test: `node scripts/crash-test.mjs [cycles] [seed]` (200 cycles by default). Builds the
// engine, then runs test/integration/crash.test.ts with that many kill -9 cycles; `npm test` runs 30.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cycles = Number(process.argv[2] ?? 200);
const seed = process.argv[3];
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error(`Usage: node scripts/crash-test.mjs [cycles] [seed]   (cycles must be a whole number, not "${process.argv[2]}")`);
  process.exit(2);
}
const run = (args, env = {}) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (run(['scripts/build.mjs', '--engine']) !== 0) process.exit(1);
const vitest = resolve(root, 'node_modules', 'vitest', 'vitest.mjs');
process.exit(
  run([vitest, 'run', '--project', 'integration', 'test/integration/crash.test.ts'], {
    CRASH_CYCLES: String(cycles),
    ...(seed ? { CRASH_SEED: seed } : {}),
  }),
);
