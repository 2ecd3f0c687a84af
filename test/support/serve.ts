/** Browser mode as its own process (dist/engine/serve.cjs), for what only a separate process shows: memory, kill -9. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  base: string;
  call(command: string, input: unknown): Promise<{ status: number; body: any }>;
  /** Peak resident memory of the server process so far (Linux), in bytes. */
  peakRss(): number | null;
  stop(): Promise<void>;
}

export async function serve(dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [resolve('dist/engine/serve.cjs'), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res);
    child.once('exit', (code) => rej(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const m = /:(\d+)\/\?token=([0-9a-f]+)/.exec(line)!;
  const port = Number(m[1]);
  const token = m[2]!;
  const base = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    token,
    base,
    async call(command, input) {
      const res = await fetch(`${base}/api/${command}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return { status: res.status, body: await res.json() };
    },
    peakRss() {
      try {
        const m2 = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m2 ? Number(m2[1]) * 1024 : null;
      } catch {
        return null;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
    },
  };
}

/** POSTs a stream to /api/upload; `length` is sent as Content-Length when given (else chunked). */
export function upload(port: number, token: string, name: string, body: Readable, length?: number, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolveUpload, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', ...(length !== undefined ? { 'Content-Length': String(length) } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolveUpload({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', (err) => {
      // The server may close the connection once it has answered a refused upload.
      if ((err as NodeJS.ErrnoException).code !== 'EPIPE' && (err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
    body.on('error', reject);
    body.pipe(req);
  });
}
