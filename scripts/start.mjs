#!/usr/bin/env node
// `npm start [-- --port PORT] [--data-dir DIR] [--browser] [--no-open]`: builds, then runs the desktop
// app in Electron if its binary is installed; otherwise browser mode: the same engine behind
// dist/engine/serve.cjs on 127.0.0.1, shown in a Chromium app window when there is one (else the
// address is printed to open in any browser). Ctrl+C stops it; the exit code is the app's/server's.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importTs } from './ts-module.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const USAGE = 'Usage: npm start -- [--port PORT] [--data-dir DIR] [--browser] [--no-open]';

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      browser: { type: 'boolean', default: false }, // browser mode even if Electron is installed
      'no-open': { type: 'boolean', default: false }, // browser mode: print the address, open no window
    },
    strict: true,
  }));
} catch (err) {
  console.error(`${err.message}\n${USAGE}`);
  process.exit(2);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function run(script, args = []) {
  return spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

/** The Electron binary, or why there is none. */
function findElectron() {
  let binary;
  try {
    // electron's index.js returns the binary's path, and throws when its download never happened.
    binary = require('electron');
  } catch (err) {
    if (err?.code === 'MODULE_NOT_FOUND') return { why: 'the electron package is not installed' };
    return { why: 'node_modules/electron has no binary: its download was skipped or failed' };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { why: `the Electron binary ${binary} is missing` };
  return { binary };
}

/**
 * Stops `child` when this process is asked to stop. A Ctrl+C in a terminal reaches the whole process
 * group, so the child usually has the signal already: forward it only if the child is still running
 * a moment later, and kill it if it does not stop.
 */
function stopWithUs(child) {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill(signal), 300).unref();
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 8000).unref();
    });
  }
}

const exitLike = (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal ? 143 : 1));

function startElectron(binary) {
  const args = ['.'];
  // Chromium refuses to run as root with its sandbox on (containers, CI); the windows keep `sandbox: true`.
  if (isRoot && process.platform === 'linux') args.push('--no-sandbox');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  if (opts['data-dir']) env.MATURITY_DATA_DIR = resolve(opts['data-dir']);
  const shown = relative(root, binary);
  console.log(`Starting Maturity Workbench in Electron (${shown.startsWith('..') ? binary : shown}).`);
  const child = spawn(binary, args, { cwd: root, stdio: 'inherit', env });
  stopWithUs(child);
  child.on('error', (err) => {
    console.error(`Could not start Electron: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', exitLike);
}

/** The first of these browsers on PATH, for an app window. */
function findChromium() {
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      for (const ext of exts) {
        const file = join(dir, name + ext);
        try {
          accessSync(file, constants.X_OK);
          return file;
        } catch {
          // not here
        }
      }
    }
  }
  return undefined;
}

function openWindow(url, dataDir) {
  if (opts['no-open']) return;
  if (!hasDisplay) {
    console.log('No display (DISPLAY/WAYLAND_DISPLAY unset): open the address above in a browser.');
    return;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.log('No Chromium or Chrome on PATH: open the address above in a browser.');
    return;
  }
  const args = [
    `--app=${url}`,
    `--user-data-dir=${join(dataDir, '.chromium-profile')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (isRoot) args.push('--no-sandbox');
  const browser = spawn(chromium, args, { stdio: 'ignore' });
  browser.on('error', (err) => console.log(`Could not open ${chromium} (${err.message}): open the address above in a browser.`));
  browser.on('exit', (code, signal) => {
    if (code === 0) console.log('The window was closed; the server keeps running (reopen the address above) until you press Ctrl+C.');
    else if (!process.exitCode) console.log(`${chromium} exited (${signal ?? `code ${code}`}): open the address above in a browser.`);
  });
}

/** electron/core/paths.ts's defaultDataDir(), the one place that names the data folder. */
async function defaultDataDir() {
  const paths = await importTs(root, './electron/core/paths');
  return paths.defaultDataDir();
}

async function startBrowserMode(why) {
  console.log(`${why}; starting browser mode.`);
  // The data folder serve.cjs would pick (the desktop app's), resolved here for the window's profile.
  const dataDir = resolve(opts['data-dir'] ?? (await defaultDataDir()));
  const args = [join(root, 'dist', 'engine', 'serve.cjs'), '--data-dir', dataDir];
  if (opts.port !== undefined) args.push('--port', opts.port);
  const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  stopWithUs(server);
  server.on('error', (err) => {
    console.error(`Could not start the server: ${err.message}`);
    process.exit(1);
  });
  server.on('exit', exitLike);

  let announced = false;
  createInterface({ input: server.stdout }).on('line', (line) => {
    console.log(line);
    const url = /^Maturity Workbench at (http:\/\/\S+)$/.exec(line)?.[1];
    if (url && !announced) {
      announced = true;
      console.log('Press Ctrl+C to stop.');
      openWindow(url, dataDir);
    }
  });
}

const built = run('scripts/build.mjs');
if (built !== 0) process.exit(built);

/**
 * The project installs without running Electron's download (package.json allowScripts), so that an
 * offline install passes. Where the binary is missing, try that download now: with internet access it
 * brings the real desktop app; offline it fails at once and browser mode starts instead.
 */
function fetchElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  console.log('Downloading the Electron binary (once)…');
  const result = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status === 0) return null;
  const reason = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((l) => /error/i.test(l))?.trim();
  return `its download failed${reason ? `: ${reason}` : ''}`;
}

let electron = findElectron();
if (!opts.browser && !electron.binary && hasDisplay) {
  const failed = fetchElectron();
  electron = failed ? { why: `${electron.why}; ${failed}` } : findElectron();
}
if (opts.browser) {
  await startBrowserMode('Browser mode requested (--browser)');
} else if (!electron.binary) {
  await startBrowserMode(`Electron is not installed on this machine (${electron.why})`);
} else if (!hasDisplay) {
  await startBrowserMode('There is no display for an Electron window (DISPLAY and WAYLAND_DISPLAY are unset)');
} else if (run('scripts/electron-native.mjs') !== 0) {
  await startBrowserMode('The better-sqlite3 addon for Electron could not be built (see above)');
} else {
  startElectron(electron.binary);
}
