/**
 * `npm run bench -- files` and `npm run bench -- upload`: what the file checks, backups and streamed
 * uploads cost, on real files in a temporary folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { probeFile } from '../../electron/core/probe';
import { startHarness, tempDir } from '../support/engine';
import { serve, upload } from '../support/serve';
import { ms, row, sample } from './stats';

export async function files(): Promise<void> {
  console.log('\n## Files: the check on open, backups, a start after a crash (50,000 evidence items)');
  const dir = tempDir('mw-bench-');
  const h = await startHarness(join(dir, 'data'));
  const e = await h.call('engagement.create', { client: 'Bench Co' });
  const file = await h.engine.files.get(e.id);
  const insert = file.connection().prepare(
    `INSERT INTO evidence (id, title, kind, source, sensitivity, description, created_at, updated_at)
     VALUES (?, ?, 'document', 'bench', 'internal', ?, '2026-11-25', '2026-11-25')`,
  );
  const words = 'kafka partition lineage dashboard retention legal spark cluster cost runbook quality scorecard catalog contract schema'.split(' ');
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  file.connection().transaction(() => {
    for (let i = 0; i < 50_000; i++) insert.run(`bench${String(i).padStart(12, '0')}`, `${text(4)} ${i}`, text(40));
  })();
  file.connection().pragma('wal_checkpoint(TRUNCATE)');
  const path = file.path;
  console.log(`${'(setup) engagement file'.padEnd(52)} ${(statSync(path).size / 1048576).toFixed(1)} MB`);

  console.log(row('PRAGMA quick_check (on open, when the file changed)', await sample(5, () => probeFile(path, { check: 'quick', latestVersion: 1000 }), 1)));
  console.log(row('PRAGMA integrity_check (on demand, and on each backup)', await sample(3, () => probeFile(path, { check: 'full', latestVersion: 1000 }), 1)));
  console.log(row('backup through the backup API + integrity_check', await sample(3, () => h.engine.files.backups.create(e.id, file.connection(), 'manual'), 0), 'off the write path'));

  // A start after a crash: the file changed since its last check, so the start checks it.
  const start = await sample(
    3,
    async () => {
      await h.server.close();
      h.engine.close();
      const now = new Date();
      utimesSync(path, now, now);
      await h.restart();
    },
    0,
  );
  console.log(row('start (lock, library, quick_check of the changed file)', start));
  const open = await sample(3, async () => {
    await h.restart();
    await h.call('engagement.open', { engagementId: e.id });
  }, 0);
  console.log(row('restart + engagement.open of an unchanged file', open, 'no second check'));
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}

export async function uploads(): Promise<void> {
  console.log('\n## A 500 MB evidence file, streamed (browser mode as its own process)');
  const dir = tempDir('mw-bench-');
  const s = await serve(dir);
  await s.call('settings.update', { attachmentLimitMb: 2048 });
  const e = (await s.call('engagement.create', { client: 'Bench Co' })).body.result;
  const size = 500 * 1024 * 1024;
  const block = randomBytes(1024 * 1024);
  const hash = createHash('sha256');
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const chunk = Buffer.from(block);
      chunk.writeUInt32LE(sent / block.length, 0);
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  const mb = (n: number | null) => (n === null ? 'n/a' : `${(n / 1048576).toFixed(0)} MB`);
  const rssBefore = s.peakRss();
  let t = performance.now();
  const up = await upload(s.port, s.token, 'export.bin', body, size);
  console.log(`${'POST /api/upload (stream to disk, hash, limit)'.padEnd(52)} ${ms(performance.now() - t)}   peak RSS ${mb(s.peakRss())}`);
  t = performance.now();
  const added = await s.call('evidence.add', { engagementId: e.id, title: 'Export', kind: 'document', file: { name: 'export.bin', uploadId: up.body.result.uploadId } });
  console.log(`${'evidence.add by upload id (4 MiB parts, checkpoint)'.padEnd(52)} ${ms(performance.now() - t)}   peak RSS ${mb(s.peakRss())}`);
  t = performance.now();
  const url = new URL(`${s.base}/api/file?engagementId=${e.id}&evidenceId=${added.body.result.id}&token=${s.token}`);
  const back = await new Promise<string>((resolve, reject) => {
    request(url, (res) => {
      const h2 = createHash('sha256');
      res.on('data', (d: Buffer) => h2.update(d));
      res.on('end', () => resolve(h2.digest('hex')));
    })
      .on('error', reject)
      .end();
  });
  console.log(`${'GET /api/file (streamed back)'.padEnd(52)} ${ms(performance.now() - t)}   peak RSS ${mb(s.peakRss())}`);
  console.log(`server peak RSS: ${mb(rssBefore)} at start, ${mb(s.peakRss())} after; download ${back === hash.digest('hex') ? 'identical' : 'DIFFERENT'}`);
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
}
