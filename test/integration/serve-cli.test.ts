/** `npm run serve` as a user starts it: one line on stdout, a fresh token each launch. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/engine';

const serveJs = resolve('dist/engine/serve.cjs');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGTERM')));

function launch(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ line: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [serveJs, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolveLine({ line, child }));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

describe('browser-mode server command', () => {
  it('prints exactly the address line and uses the data folder given', async () => {
    expect(existsSync(serveJs)).toBe(true);
    const dataDir = tempDir();
    const { line } = await launch(['--data-dir', dataDir]);
    const m = /^Maturity Workbench at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{48})$/.exec(line);
    expect(m).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${m![1]}/api/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${m![2]}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, result: { dataDir, transport: 'http' } });
    expect(existsSync(join(dataDir, 'library.sqlite'))).toBe(true);
  });

  it('takes the data folder from MATURITY_DATA_DIR and makes a new token each launch', async () => {
    const dataDir = tempDir();
    const first = await launch([], { MATURITY_DATA_DIR: dataDir });
    // One process per data folder: the second launch comes after the first has stopped.
    await new Promise((r) => {
      first.child.once('exit', r);
      first.child.kill('SIGTERM');
    });
    const second = await launch(['--port', '0'], { MATURITY_DATA_DIR: dataDir });
    const token = (l: string) => l.split('token=')[1];
    expect(token(first.line)).not.toEqual(token(second.line));
    expect(existsSync(join(dataDir, 'library.sqlite'))).toBe(true);
  });

  it('refuses a port that is not a number', async () => {
    const child = spawn(process.execPath, [serveJs, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a number');
  });
});
