/**
 * Item 8: a failing migration keeps one backup per version however often it is retried; a large write
 * leaves no large write-ahead log behind; commits reach the platter on macOS (fullfsync).
 */
import Database from 'better-sqlite3';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupStore } from '../../electron/core/backups';
import { clockOf } from '../../electron/core/clock';
import { engagementMigrations, type Migration } from '../../electron/core/db/migrations';
import { APPLICATION_ID, durabilityPragmas, migrate, openDatabase } from '../../electron/core/db/sqlite';
import { WAL_TRUNCATE_BYTES } from '../../electron/core/files';
import { startHarness, tempDir as makeTempDir } from '../support/engine';

const dirs: string[] = [];
function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const latest = engagementMigrations[engagementMigrations.length - 1]!.version;
const broken: Migration = { version: latest + 10, name: 'broken', sql: 'CREATE TABLE half (x TEXT) STRICT; SELECT * FROM no_such_table;' };

function seeded(file: string): void {
  const db = new Database(file);
  migrate(db, engagementMigrations, 0, APPLICATION_ID.engagement);
  db.prepare("INSERT INTO engagement VALUES ('e1', 'Acme', '', '', 'EUR', 1, 'x', 'x', NULL)").run();
  db.close();
}

describe('a migration that fails at every start', () => {
  it('keeps one backup of the file per version, not one per start', async () => {
    const dir = tempDir();
    const file = join(dir, 'acme.mwb');
    seeded(file);
    let t = Date.parse('2026-11-20T09:00:00Z');
    for (let start = 0; start < 3; start++) {
      t += 86_400_000;
      await expect(openDatabase(file, { kind: 'engagement', migrations: [...engagementMigrations, broken], backupDir: join(dir, 'backups'), now: () => new Date(t) })).rejects.toThrow(/Migration broken failed/);
    }
    expect(readdirSync(join(dir, 'backups'))).toEqual([`acme.mwb.v${latest}.bak`]);
  });

  it('keeps one migration backup per version in the engagement\u2019s backup folder', async () => {
    const dir = tempDir();
    const file = join(dir, 'acme.mwb');
    seeded(file);
    let t = Date.parse('2026-11-20T09:00:00Z');
    const clock = clockOf(() => new Date(t));
    const store = new BackupStore({ dir: join(dir, 'backups'), dataDir: dir, clock });
    for (let start = 0; start < 3; start++) {
      t += 3_600_000;
      await expect(
        openDatabase(file, {
          kind: 'engagement',
          migrations: [...engagementMigrations, broken],
          backupDir: join(dir, 'unused'),
          now: clock.now,
          backupBeforeMigration: (db, version) => store.create('e1', db, 'migration', version).then((b) => b.id),
        }),
      ).rejects.toThrow(/Migration broken failed/);
    }
    expect(store.list('e1').map((b) => [b.reason, b.fileVersion, b.at])).toEqual([['migration', latest, '2026-11-20T12:00:00.000Z']]);
  });
});

describe('the write-ahead log', () => {
  it('is checkpointed and truncated after a large write', async () => {
    const h = await startHarness();
    try {
      const e = await h.call('engagement.create', { client: 'Acme' });
      const bytes = Buffer.alloc(24 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
      await h.call('evidence.add', { engagementId: e.id, title: 'Export', kind: 'document', file: { name: 'export.bin', mime: 'application/octet-stream', dataBase64: bytes.toString('base64') } });
      const [file] = readdirSync(join(h.dataDir, 'engagements')).filter((f) => f.endsWith('.mwb'));
      const wal = statSync(join(h.dataDir, 'engagements', `${file}-wal`), { throwIfNoEntry: false })?.size ?? 0;
      expect(wal).toBeLessThanOrEqual(WAL_TRUNCATE_BYTES);
      // And the file still answers with the whole attachment.
      const [ev] = (await h.call('evidence.list', { engagementId: e.id })).items;
      expect(ev!.attachment!.size).toBe(bytes.length);
    } finally {
      await h.stop();
    }
  });
});

describe('durability', () => {
  it('turns on fullfsync on macOS, for commits and checkpoints, and keeps synchronous=FULL everywhere', async () => {
    expect(durabilityPragmas('darwin')).toEqual(expect.arrayContaining(['fullfsync = ON', 'checkpoint_fullfsync = ON', 'synchronous = FULL']));
    expect(durabilityPragmas('linux').some((p) => p.startsWith('fullfsync'))).toBe(false);
    const dir = tempDir();
    for (const [platform, expected] of [['darwin', 1], ['linux', 0]] as const) {
      const { db } = await openDatabase(join(dir, `${platform}.mwb`), { kind: 'engagement', migrations: engagementMigrations, backupDir: dir, now: () => new Date(), create: true, platform });
      expect(db.pragma('fullfsync', { simple: true }), platform).toBe(expected);
      expect(db.pragma('checkpoint_fullfsync', { simple: true }), platform).toBe(expected);
      expect(db.pragma('synchronous', { simple: true }), platform).toBe(2);
      db.close();
    }
  });
});
