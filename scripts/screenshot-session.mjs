// What every screenshot script starts with: the built browser-mode server on a throwaway (or given) data
// folder, a `call` for its API, Debian's Chromium, and the output folder (assets/screenshots/ or --out DIR).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The folder screenshots go to: `--out DIR`, else assets/screenshots/. */
export function outputDir() {
  const i = process.argv.indexOf('--out');
  const out = resolve(i > 0 ? process.argv[i + 1] : 'assets/screenshots');
  mkdirSync(out, { recursive: true });
  return out;
}

/** Starts the server (on `dataDir`, or a new temporary folder it removes at the end) and the browser. */
export async function startSession({ dataDir } = {}) {
  const own = !dataDir;
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'mw-shots-'));
  const server = spawn(process.execPath, ['dist/engine/serve.cjs', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((r) => createInterface({ input: server.stdout }).once('line', (l) => r(l.replace(/^Maturity Workbench at /, ''))));
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');
  async function call(command, input = {}) {
    const res = await fetch(`${origin}/api/${command}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`${command}: ${body.error.message}`);
    return body.result;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  return {
    dataDir: dir,
    url,
    call,
    browser,
    async close() {
      await browser.close();
      server.kill('SIGTERM');
      if (own) rmSync(dir, { recursive: true, force: true });
    },
  };
}
