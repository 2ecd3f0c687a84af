/**
 * One writer per data folder: a second process is refused and names the first; a lock left by a killed
 * process is taken over; a write to an engagement whose file was removed behind the app's back is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/core/compose';
import { ApiError } from '../../shared/errors';
import { startHarness, tempDir } from '../support/engine';

const serveJs = resolve('dist/engine/serve.cjs');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

/** Starts browser mode; resolves with its address line, or with its exit code and stderr if it stops. */
function serve(dataDir: string): Promise<{ child: ChildProcess; line?: string; code?: number | null; stderr: string }> {
  const child = spawn(process.execPath, [serveJs, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((res) => {
    createInterface({ input: child.stdout! }).once('line', (line) => res({ child, line, stderr }));
    child.once('exit', (code) => setTimeout(() => res({ child, code, stderr }), 50));
  });
}

describe('one process per data folder', () => {
  it('refuses a second browser-mode server on the same folder, naming the process that holds it', async () => {
    const dataDir = tempDir();
    const first = await serve(dataDir);
    expect(first.line).toMatch(/^Maturity Workbench at http/);
    const second = await serve(dataDir);
    expect(second.line).toBeUndefined();
    expect(second.code).not.toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`process ${first.child.pid}`);
    expect(lines[0]).toContain('browser mode');
    expect(lines[0]).toContain(dataDir);
    // The first is untouched and still answers.
    const [, port, token] = /:(\d+)\/\?token=(\w+)/.exec(first.line!)!;
    const res = await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(res.status).toBe(200);
  });

  it('takes over the folder of a process that was killed', async () => {
    const dataDir = tempDir();
    const first = await serve(dataDir);
    expect(first.line).toBeDefined();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const next = await serve(dataDir);
    expect(next.line, next.stderr).toMatch(/^Maturity Workbench at http/);
  });

  it('refuses a second engine in the same process and frees the folder on close', async () => {
    const dataDir = tempDir();
    const engine = await openEngine({ dataDir, transport: 'ipc' });
    const second = openEngine({ dataDir, transport: 'http' });
    await expect(second).rejects.toBeInstanceOf(ApiError);
    await expect(second).rejects.toMatchObject({ code: 'folder_in_use', message: expect.stringContaining(`process ${process.pid}`) });
    await expect(second).rejects.toMatchObject({ message: expect.stringContaining('desktop app') });
    engine.close();
    const again = await openEngine({ dataDir, transport: 'http' });
    again.close();
  });
});

describe('a file removed behind the app\u2019s back', () => {
  it('refuses the write with not_found naming the file, writes nothing, and drops the connection', async () => {
    const h = await startHarness();
    try {
      const e = await h.call('engagement.create', { client: 'Acme' });
      await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
      const dir = join(h.dataDir, 'engagements');
      const [file] = readdirSync(dir).filter((f) => f.endsWith('.mwb'));
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, file! + suffix), { force: true });

      const { status, error } = await h.fail('businessUnit.add', { engagementId: e.id, name: 'Operations' });
      expect(status).toBe(404);
      expect(error.code).toBe('not_found');
      expect(error.message).toContain(file);
      expect(existsSync(join(dir, file!))).toBe(false);
      if (process.platform === 'linux') {
        const held = readdirSync('/proc/self/fd').flatMap((fd) => {
          try {
            return [readlinkSync(`/proc/self/fd/${fd}`)];
          } catch {
            return [];
          }
        });
        expect(held.filter((p) => p.includes(file!))).toEqual([]);
      }
      // Still refused on the next try, and reads say the same.
      expect((await h.fail('engagement.get', { engagementId: e.id })).error.code).toBe('not_found');
    } finally {
      await h.stop();
    }
  });
});
