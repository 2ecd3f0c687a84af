/**
 * The browser-mode server stays up whatever a client sends: a malformed address is a 4xx, never a crash
 * and never a 5xx, with or without the token, and the next request is still answered.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, tempDir, type Harness } from '../support/engine';

let h: Harness;
beforeEach(async () => {
  // A built interface, so the static handler is the one answering.
  const rendererDir = tempDir('mw-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Maturity Workbench</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  h = await startHarness(undefined, undefined, rendererDir);
});
afterEach(async () => {
  await h.stop();
});

/** Sends one request line as written (no client-side escaping) and returns the status code. */
function rawRequest(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('end', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`no status line in ${JSON.stringify(text.slice(0, 80))}`));
    });
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${method} ${target}`));
    });
  });
}

async function stillAnswers(): Promise<void> {
  const res = await fetch(`${h.base}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${h.server.token}` }, body: '{}' });
  expect(res.status).toBe(200);
  expect(await rawRequest(h.server.port, '/assets/app.js')).toBe(200);
}

describe('a malformed request is a 4xx and the server stays up', () => {
  const targets = ['/%ZZ', '/%E0%A4%A', '/assets/%', '/assets/%C0%AF', 'http://[', 'http://[::1', '/%00'];
  for (const target of targets) {
    it(`GET ${target}`, async () => {
      const status = await rawRequest(h.server.port, target);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      await stillAnswers();
    });
  }

  it('answers a malformed escape under /api/ with a 4xx, with and without the token', async () => {
    for (const auth of [{}, { Authorization: `Bearer ${h.server.token}` }] as Record<string, string>[]) {
      for (const target of ['/api/%ZZ', '/api/app.%E0%A4%A', '/api/events%', '/api/%']) {
        for (const method of ['GET', 'POST']) {
          const status = await rawRequest(h.server.port, target, { ...auth, 'Content-Length': '2' }, method);
          expect(status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
          expect(status, `${method} ${target}`).toBeLessThan(500);
        }
      }
    }
    await stillAnswers();
  });

  it('survives what an <img> tag on another site can send, many times over', async () => {
    const burst = Array.from({ length: 40 }, (_, i) => rawRequest(h.server.port, ['/%ZZ', 'http://[', '/assets/%', '/%E0%A4%A'][i % 4]!));
    for (const status of await Promise.all(burst)) expect(status).toBeLessThan(500);
    await stillAnswers();
  });

  it('answers a request for a folder or a missing file with the interface, and refuses a path outside it', async () => {
    expect(await rawRequest(h.server.port, '/assets/')).toBe(200);
    expect(await rawRequest(h.server.port, '/missing.js')).toBe(200);
    const status = await rawRequest(h.server.port, '/..%2F..%2Fetc%2Fpasswd');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await stillAnswers();
  });
});

describe('the browser-mode process', () => {
  it('is still running after requests that used to stop it', async () => {
    const rendererDir = tempDir('mw-renderer-');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Maturity Workbench</title>');
    const child = spawn(process.execPath, [resolve('dist/engine/serve.cjs'), '--data-dir', tempDir(), '--renderer-dir', rendererDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((res, rej) => {
        createInterface({ input: child.stdout! }).once('line', res);
        child.once('exit', (code) => rej(new Error(`serve exited with ${code}`)));
      });
      const port = Number(/:(\d+)\//.exec(line)![1]);
      for (const target of ['/%ZZ', '/%E0%A4%A', '/assets/%', 'http://[', '/api/%ZZ']) {
        const status = await rawRequest(port, target);
        expect(status, target).toBeGreaterThanOrEqual(400);
        expect(status, target).toBeLessThan(500);
      }
      expect(await rawRequest(port, '/')).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
  });
});
