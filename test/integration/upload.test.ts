/**
 * Item 7: evidence files of any size up to the limit in Settings are streamed (POST /api/upload), stored in
 * the engagement file in parts and streamed back (GET /api/file), with the server's memory staying flat;
 * the limit is named when a file passes it, and nothing is left behind by a refused upload.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/engine';
import { integrityCheck } from '../support/files';
import { serve, upload, type ServeProcess } from '../support/serve';

let server: ServeProcess | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await server?.stop();
  server = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataFolder(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

/** `size` bytes of varied content, made a megabyte at a time, with their SHA-256 once read. */
function payload(size: number): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  const block = randomBytes(1024 * 1024);
  let sent = 0;
  let n = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - sent)));
      chunk.writeUInt32LE(n++, 0);
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  let digest: string | null = null;
  return { stream, sha256: () => (digest ??= hash.digest('hex')) };
}

function download(port: number, token: string, engagementId: string, evidenceId: string): Promise<{ status: number; size: number; sha256: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: `/api/file?engagementId=${engagementId}&evidenceId=${evidenceId}&token=${token}` }, (res) => {
      const hash = createHash('sha256');
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        hash.update(d);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, size, sha256: hash.digest('hex'), headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}

describe('a large evidence file', () => {
  it('over 384 MiB is streamed in, stored whole and streamed back, with the server\u2019s memory flat', { timeout: 240_000 }, async () => {
    const dataDir = dataFolder();
    server = await serve(dataDir);
    await server.call('settings.update', { attachmentLimitMb: 2048 });
    const e = (await server.call('engagement.create', { client: 'Acme' })).body.result;
    const size = 400 * 1024 * 1024 + 12345;
    const file = payload(size);
    const sent = await upload(server.port, server.token, 'warehouse-export.bin', file.stream, size);
    expect(sent.status).toBe(200);
    expect(sent.body.result).toMatchObject({ name: 'warehouse-export.bin', size, sha256: file.sha256() });

    const added = await server.call('evidence.add', { engagementId: e.id, title: 'Warehouse export', kind: 'document', file: { name: 'warehouse-export.bin', uploadId: sent.body.result.uploadId } });
    expect(added.status).toBe(200);
    expect(added.body.result.attachment).toMatchObject({ size, fileName: 'warehouse-export.bin' });
    // The upload is consumed: nothing is left in uploads/.
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);

    const back = await download(server.port, server.token, e.id, added.body.result.id);
    expect(back).toMatchObject({ status: 200, size, sha256: file.sha256() });
    expect(back.headers['content-disposition']).toContain("filename*=UTF-8''warehouse-export.bin");
    expect(back.headers['content-type']).toBe('application/octet-stream');

    const peak = server.peakRss();
    console.log(`peak server RSS for a ${(size / 1048576).toFixed(0)} MB upload, store and download: ${peak === null ? 'n/a' : (peak / 1048576).toFixed(0)} MB`);
    if (peak !== null) expect(peak).toBeLessThan(300 * 1024 * 1024);
    await server.stop();
    const [mwb] = readdirSync(join(dataDir, 'engagements')).filter((f) => f.endsWith('.mwb'));
    expect(integrityCheck(join(dataDir, 'engagements', mwb!))).toBe('ok');
  });

  it('over the limit is refused with the limit named, by its declared length or as it streams, leaving nothing', async () => {
    const dataDir = dataFolder();
    server = await serve(dataDir);
    await server.call('settings.update', { attachmentLimitMb: 1 });
    const declared = await upload(server.port, server.token, 'big.pdf', payload(3 * 1024 * 1024).stream, 3 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(declared.body.error.message).toMatch(/big\.pdf is 3\.0 MB; the limit is 1 MB/);
    const streamed = await upload(server.port, server.token, 'big.pdf', payload(3 * 1024 * 1024).stream);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.message).toMatch(/the limit is 1 MB/);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    expect((await server.call('app.info', {})).status).toBe(200);
  });

  it('is refused without the token or from another origin, like every command', async () => {
    server = await serve(dataFolder());
    expect((await upload(server.port, 'f'.repeat(48), 'a.txt', Readable.from([Buffer.from('hello')]), 5)).status).toBe(401);
    expect((await upload(server.port, server.token, 'a.txt', Readable.from([Buffer.from('hello')]), 5, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(server.port, server.token, '', Readable.from([Buffer.from('hello')]), 5)).status).toBe(400);
    const res = await fetch(`${server.base}/api/file?engagementId=${'a'.repeat(32)}&evidenceId=${'b'.repeat(32)}`);
    expect(res.status).toBe(401);
  });

  it('added by an upload id that is unknown or already used, is refused and nothing is written', async () => {
    server = await serve(dataFolder());
    const e = (await server.call('engagement.create', { client: 'Acme' })).body.result;
    const sent = await upload(server.port, server.token, 'notes.txt', Readable.from([Buffer.from('Backups are restored every quarter.')]), 35);
    const input = { engagementId: e.id, title: 'Restore drill', kind: 'document', file: { name: 'notes.txt', mime: 'text/plain', uploadId: sent.body.result.uploadId } };
    expect((await server.call('evidence.add', input)).status).toBe(200);
    const again = await server.call('evidence.add', input);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toContain('file.uploadId');
    expect((await server.call('evidence.list', { engagementId: e.id })).body.result.total).toBe(1);
    // A text file streamed in is searchable like one sent inline.
    expect((await server.call('search.query', { engagementId: e.id, query: 'quarter' })).body.result.map((x: { kind: string }) => x.kind)).toContain('evidence');
    const both = await server.call('evidence.add', { ...input, file: { ...input.file, dataBase64: 'aGVsbG8=' } });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/either dataBase64 or uploadId/);
  });

  it('is only picked from a dialog in the desktop app', async () => {
    server = await serve(dataFolder());
    const { status, body } = await server.call('upload.pick', {});
    expect(status).toBe(400);
    expect(body.error.message).toContain('POST /api/upload');
  });
});
