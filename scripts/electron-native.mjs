#!/usr/bin/env node
// Builds better-sqlite3's native addon for Electron's ABI into build/electron-native/better_sqlite3.node,
// where electron/main.ts looks for it in development (packaged: resources/native/, see
// electron-builder.yml). node_modules/better-sqlite3 keeps its Node build for tests and browser mode:
// the addon is built in a copy, build/electron-native/better-sqlite3-src/.
//
// 1. a prebuilt binary (prebuild-install, from better-sqlite3's GitHub releases), else
// 2. a compile (node-gyp, against Electron's headers from electronjs.org; needs Python and a C++ toolchain).
// Both need internet access. Skipped when the output exists for the same Electron, arch and
// better-sqlite3 (stamp.json); --force rebuilds. Run by `npm start` when Electron is installed, and by
// `npm run dist`. Options: --arch <arch> (default: this machine's), --force.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'build', 'electron-native');
const output = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const srcCopy = join(outDir, 'better-sqlite3-src');
const moduleDir = join(root, 'node_modules', 'better-sqlite3');
/** What the addon build needs from the package (not its build/, which is Node's). */
const SOURCES = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];
const HEADERS_URL = 'https://electronjs.org/headers';

const { values: args } = parseArgs({
  options: { arch: { type: 'string' }, force: { type: 'boolean', default: false } },
  strict: true,
});

function fail(message) {
  console.error(`electron-native: ${message}`);
  process.exit(1);
}

function readVersion(pkgDir, what) {
  try {
    return JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return fail(`${what} is not installed (${relative(root, pkgDir)}); run \`npm install\` first.`);
  }
}

const electronVersion = readVersion(join(root, 'node_modules', 'electron'), 'Electron');
const sqliteVersion = readVersion(moduleDir, 'better-sqlite3');
const arch = args.arch ?? process.env.npm_config_arch ?? process.arch;
const stamp = { electron: electronVersion, arch, platform: process.platform, betterSqlite3: sqliteVersion };
const target = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})`;

function upToDate() {
  if (args.force || !existsSync(output) || !existsSync(stampFile)) return false;
  try {
    const old = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(stamp).every(([k, v]) => old[k] === v);
  } catch {
    return false;
  }
}

/** Runs a package's bin with this Node, in the source copy; returns its output for the error message. */
function runBin(pkg, binPath, binArgs) {
  const script = join(root, 'node_modules', pkg, binPath);
  if (!existsSync(script)) return { ok: false, detail: `${pkg} is not installed` };
  console.log(`electron-native: ${pkg} ${binArgs.join(' ')}`);
  const result = spawnSync(process.execPath, [script, ...binArgs], {
    cwd: srcCopy,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15 * 60_000,
    env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_arch: arch },
  });
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.error) return { ok: false, detail: result.error.message };
  if (result.status !== 0) {
    const lines = text.split('\n');
    // node-gyp: the error's message ("gyp ERR! stack Error: …" minus the stack frames); others: warn/error lines.
    const gypMessage = lines.filter((l) => /ERR! stack (?!\s*at )/.test(l)).map((l) => l.replace(/^.*ERR! stack\s*/, ''));
    const notable = lines.filter((l) => /\b(warn|err|error)\b/i.test(l) && !/ERR! (stack|System|command|cwd|node -v|node-gyp -v|not ok)/.test(l));
    const detail = gypMessage.length ? gypMessage.join(' ') : (notable.length ? notable : lines).slice(-3).join('\n    ');
    return { ok: false, detail: detail || `exit code ${result.status}` };
  }
  return { ok: true };
}

if (upToDate()) {
  console.log(`electron-native: ${relative(root, output)} is up to date (${target}).`);
  process.exit(0);
}

console.log(`electron-native: building ${target} in ${relative(root, srcCopy)}/`);
rmSync(srcCopy, { recursive: true, force: true });
mkdirSync(srcCopy, { recursive: true });
for (const entry of SOURCES) {
  const from = join(moduleDir, entry);
  if (!existsSync(from)) fail(`${relative(root, from)} is missing; reinstall better-sqlite3.`);
  cpSync(from, join(srcCopy, entry), { recursive: true });
}

const built = join(srcCopy, 'build', 'Release', 'better_sqlite3.node');
const attempts = [];

const prebuilt = runBin('prebuild-install', 'bin.js', ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose']);
if (!prebuilt.ok || !existsSync(built)) {
  attempts.push(`prebuilt download (prebuild-install): ${prebuilt.ok ? 'no binary produced' : prebuilt.detail}`);
  const compiled = runBin('node-gyp', join('bin', 'node-gyp.js'), [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${HEADERS_URL}`,
  ]);
  if (!compiled.ok || !existsSync(built)) {
    attempts.push(`compile (node-gyp against ${HEADERS_URL}): ${compiled.ok ? 'no binary produced' : compiled.detail}`);
  }
}

if (!existsSync(built)) {
  fail(
    `could not build ${target}.\n` +
      attempts.map((a) => `  - ${a}`).join('\n') +
      `\nBoth ways need internet access (GitHub releases for the prebuilt binary; ${HEADERS_URL} for Electron's ` +
      `headers, plus Python and a C++ toolchain to compile). node_modules/better-sqlite3 (Node's build) is untouched; ` +
      `browser mode (\`npm start\` without Electron, or \`npm run serve\`) does not need this.`,
  );
}

cpSync(built, output);
writeFileSync(stampFile, `${JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }, null, 2)}\n`);
console.log(`electron-native: wrote ${relative(root, output)} (${target}).`);
