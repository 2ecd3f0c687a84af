/**
 * Backups an engagement keeps by itself, and restore: taken with SQLite's backup API on the first change of
 * each day and before migrations, imports and restores, each checked with integrity_check, rotated; restore
 * as a new engagement or in place, the current state kept first so a restore can be undone.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/core/compose';
import { engagementMigrations } from '../../electron/core/db/migrations';
import { APPLICATION_ID, migrate } from '../../electron/core/db/sqlite';
import { startHarness, tempDir, type Harness } from '../support/engine';
import { corruptIndexKey, engagementFiles, integrityCheck, whileStopped, writeGarbagePage } from '../support/files';

let h: Harness;
let running: Harness | null = null;
let now = new Date('2026-11-20T09:00:00Z');
const clock = () => now;

afterEach(async () => {
  await running?.stop();
  running = null;
});

async function start(): Promise<Harness> {
  now = new Date('2026-11-20T09:00:00Z');
  h = await startHarness(undefined, clock);
  running = h;
  return h;
}

/** Waits for the backups written after a commit (they run off the write path). */
async function settled(engagementId: string): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await h.engine.files.backups.settle(engagementId);
}

function backupFolder(engagementId: string): string {
  return join(h.dataDir, 'backups', engagementId);
}

function unitsIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM business_unit ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('automatic backups', () => {
  it('takes one backup on the first change of each day, after the commit, checked and whole', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Operations' });
    await settled(e.id);
    let list = (await h.call('backup.list', { engagementId: e.id })).backups;
    expect(list.map((b) => [b.reason, b.at])).toEqual([['daily', '2026-11-20T09:00:00.000Z']]);
    const first = join(backupFolder(e.id), list[0]!.id);
    expect(integrityCheck(first)).toBe('ok');
    // Taken after the first change of the day was committed: it holds that change.
    expect(unitsIn(first)).toContain('Finance');

    now = new Date('2026-11-20T17:00:00Z');
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Sales' });
    await settled(e.id);
    expect((await h.call('backup.list', { engagementId: e.id })).backups).toHaveLength(1);

    now = new Date('2026-11-21T08:30:00Z');
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Legal' });
    await settled(e.id);
    list = (await h.call('backup.list', { engagementId: e.id })).backups;
    expect(list.map((b) => [b.reason, b.at.slice(0, 10)])).toEqual([
      ['daily', '2026-11-21'],
      ['daily', '2026-11-20'],
    ]);
    // A restart the same day takes no second one.
    await h.restart();
    await h.call('businessUnit.add', { engagementId: e.id, name: 'IT' });
    await settled(e.id);
    expect((await h.call('backup.list', { engagementId: e.id })).backups).toHaveLength(2);
  });

  it('rotates over the days: 7 daily, 4 weekly, 12 monthly', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    // A change every day from 1 to 20 November 2026 (a Friday).
    for (let day = 1; day <= 20; day++) {
      now = new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`);
      await h.call('businessUnit.add', { engagementId: e.id, name: `Unit ${day}` });
      await settled(e.id);
    }
    const days = (await h.call('backup.list', { engagementId: e.id })).backups.map((b) => b.at.slice(8, 10));
    // 14..20 are the last 7 days; 8 and 1 the newest of the weeks 2..8 and 26 Oct..1 Nov (15 is the newest of 9..15).
    expect(days).toEqual(['20', '19', '18', '17', '16', '15', '14', '08', '01']);
  });

  it('drops the oldest past the size cap, never the newest', async () => {
    now = new Date('2026-11-20T09:00:00Z');
    const engine = await openEngine({ dataDir: tempDir(), transport: 'http', now: clock, backupCapBytes: 1 });
    try {
      const created = await engine.invoke('engagement.create', { client: 'Acme' });
      const id = (created as { ok: true; result: { id: string } }).result.id;
      for (let i = 0; i < 3; i++) {
        now = new Date(now.getTime() + 60_000);
        expect((await engine.invoke('backup.create', { engagementId: id })).ok).toBe(true);
      }
      const list = (await engine.invoke('backup.list', { engagementId: id })) as { ok: true; result: { backups: { at: string }[] } };
      expect(list.result.backups.map((b) => b.at)).toEqual([now.toISOString()]);
    } finally {
      engine.close();
    }
  });

  it('takes a backup before migrating an older file, one per version', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    const [file] = engagementFiles(h.dataDir);
    await settled(e.id);
    // The file as the previous release left it: the same engagement, at the format before the latest one.
    const previous = engagementMigrations[engagementMigrations.length - 2]!.version;
    await whileStopped(h, () => {
      const path = join(h.dataDir, 'engagements', file!);
      const current = new Database(path, { readonly: true });
      const engagement = current.prepare('SELECT * FROM engagement').get() as Record<string, unknown>;
      const unit = current.prepare('SELECT * FROM business_unit').get() as Record<string, unknown>;
      current.close();
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      migrate(db, engagementMigrations.filter((m) => m.version <= previous), 0, APPLICATION_ID.engagement);
      const cols = (row: Record<string, unknown>) => Object.keys(row).filter((k) => k !== 'rid');
      db.prepare(`INSERT INTO engagement (${cols(engagement).join(', ')}) VALUES (${cols(engagement).map((c) => `@${c}`).join(', ')})`).run(engagement);
      db.prepare(`INSERT INTO business_unit (${cols(unit).join(', ')}) VALUES (${cols(unit).map((c) => `@${c}`).join(', ')})`).run(unit);
      db.close();
    });
    await h.call('engagement.open', { engagementId: e.id });
    const migration = (await h.call('backup.list', { engagementId: e.id })).backups.filter((b) => b.reason === 'migration');
    expect(migration).toHaveLength(1);
    expect(migration[0]!.fileVersion).toBe(previous);
    expect(unitsIn(join(backupFolder(e.id), migration[0]!.id))).toEqual(['Finance']);
  });

  it('checks every backup it writes, and deletes one that fails the check', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await settled(e.id);
    const before = readdirSync(backupFolder(e.id));
    // Damage only the full check sees: an index entry that no longer matches its row.
    const [file] = engagementFiles(h.dataDir);
    await whileStopped(h, () => corruptIndexKey(join(h.dataDir, 'engagements', file!), 'business_unit_name', 'Finance'));
    // quick_check on open does not see it: the file opens as usual.
    expect((await h.raw('engagement.get', { engagementId: e.id })).status).toBe(200);
    const { status, error } = await h.fail('backup.create', { engagementId: e.id });
    expect(status).toBe(422);
    expect(error.message).toMatch(/failed its integrity check and was deleted/);
    expect(readdirSync(backupFolder(e.id))).toEqual(before);
    // The full check on demand agrees, and the file becomes read-only.
    expect(await h.call('engagement.check', { engagementId: e.id })).toMatchObject({ ok: false });
    expect((await h.fail('businessUnit.add', { engagementId: e.id, name: 'Legal' })).status).toBe(423);
  });

  it('goes with the engagement when it is deleted', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await h.call('backup.create', { engagementId: e.id });
    expect(existsSync(backupFolder(e.id))).toBe(true);
    await h.call('engagement.delete', { engagementId: e.id });
    expect(existsSync(backupFolder(e.id))).toBe(false);
  });
});

describe('the backup list', () => {
  it('says when, why, how big, and what changed since each backup', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    await h.call('settings.update', { displayName: 'Sam Rivera' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await settled(e.id);
    now = new Date('2026-11-20T10:00:00Z');
    const manual = await h.call('backup.create', { engagementId: e.id });
    expect(manual).toMatchObject({ reason: 'manual', at: '2026-11-20T10:00:00.000Z' });
    now = new Date('2026-11-20T11:00:00Z');
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Operations' });
    await h.call('participant.add', { engagementId: e.id, name: 'Dana' });

    const list = await h.call('backup.list', { engagementId: e.id });
    expect(list.client).toBe('Acme Retail');
    expect(list.damaged).toBeNull();
    expect(list.backups.map((b) => b.reason)).toEqual(['manual', 'daily']);
    // Since the manual backup: two changes; since the daily one (after Finance): those two and nothing else.
    expect(list.backups[0]!.changesSince).toEqual({ entries: 2, last: { at: '2026-11-20T11:00:00.000Z', actor: 'Sam Rivera', command: 'participant.add' } });
    expect(list.backups[1]!.changesSince!.entries).toBe(2);
    for (const b of list.backups) expect(b.size).toBeGreaterThan(4096);
    expect(list.totalBytes).toBe(list.backups[0]!.size + list.backups[1]!.size);
  });
});

describe('restore', () => {
  async function withBackup() {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await settled(e.id);
    now = new Date('2026-11-21T09:00:00Z');
    const backup = await h.call('backup.create', { engagementId: e.id });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Operations' });
    return { e, backup };
  }

  it('as a new engagement: new id, "(restored <date>)" in its name, the original untouched', async () => {
    const { e, backup } = await withBackup();
    const { engagement, safetyBackup } = await h.call('backup.restore', { engagementId: e.id, backupId: backup.id, mode: 'new' });
    expect(safetyBackup).toBeNull();
    expect(engagement.id).not.toBe(e.id);
    expect(engagement.client).toBe('Acme Retail (restored 2026-11-21)');
    expect((await h.call('engagement.get', { engagementId: engagement.id })).businessUnits.map((u) => u.name)).toEqual(['Finance']);
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance', 'Operations']);
    await h.restart();
    expect((await h.call('engagement.list', {})).map((x) => x.client).sort()).toEqual(['Acme Retail', 'Acme Retail (restored 2026-11-21)']);
    expect((await h.call('engagement.health', {})).duplicates).toEqual([]);
  });

  it('in place: the current state is backed up first, so the restore can be undone', async () => {
    const { e, backup } = await withBackup();
    now = new Date('2026-11-21T12:00:00Z');
    const { engagement, safetyBackup } = await h.call('backup.restore', { engagementId: e.id, backupId: backup.id, mode: 'replace' });
    expect(engagement.id).toBe(e.id);
    expect(safetyBackup).toMatchObject({ reason: 'before-restore', at: '2026-11-21T12:00:00.000Z' });
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance']);
    const history = await h.call('audit.list', { engagementId: e.id });
    expect(history[0]).toMatchObject({ command: 'backup.restore', after: { restoredFrom: backup.id, safetyBackup: safetyBackup!.id } });
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Legal' });

    // Undo the restore: restore the copy taken just before it.
    await h.call('backup.restore', { engagementId: e.id, backupId: safetyBackup!.id, mode: 'replace' });
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance', 'Operations']);
    await h.restart();
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance', 'Operations']);
    for (const f of engagementFiles(h.dataDir)) expect(integrityCheck(join(h.dataDir, 'engagements', f))).toBe('ok');
  });

  it('repairs a damaged file, keeping the damaged copy aside', async () => {
    const { e, backup } = await withBackup();
    const [file] = engagementFiles(h.dataDir);
    await whileStopped(h, () => writeGarbagePage(join(h.dataDir, 'engagements', file!), 'business_unit'));
    const list = await h.call('backup.list', { engagementId: e.id });
    expect(list.damaged).toEqual(expect.any(String));
    expect(list.backups.map((b) => b.id)).toContain(backup.id);

    const { safetyBackup } = await h.call('backup.restore', { engagementId: e.id, backupId: backup.id, mode: 'replace' });
    expect(safetyBackup).toBeNull();
    expect(readdirSync(join(backupFolder(e.id), 'damaged'))).toEqual([expect.stringContaining(file!)]);
    expect((await h.call('engagement.health', {})).damaged).toEqual([]);
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Legal' });
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance', 'Legal']);
  });

  it('deleting an assessment takes a backup first, from which the assessment and its scores come back', async () => {
    await start();
    const e = await h.call('engagement.create', { client: 'Acme Retail' });
    const a = await h.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
    await h.call('assessment.rate', { engagementId: e.id, assessmentId: a.id, capabilityId: 'M1.1', currentLevel: 3, targetLevel: 4 });
    await settled(e.id);
    now = new Date('2026-11-20T15:30:00Z');
    const gone = await h.call('assessment.delete', { engagementId: e.id, assessmentId: a.id });
    expect(gone).toMatchObject({ id: a.id, label: '2026 Q4' });
    expect(await h.call('assessment.list', { engagementId: e.id })).toEqual([]);
    const { backups } = await h.call('backup.list', { engagementId: e.id });
    const before = backups.find((b) => b.id === gone.backupId)!;
    expect(before).toMatchObject({ reason: 'before-delete', at: '2026-11-20T15:30:00.000Z' });
    expect(integrityCheck(join(backupFolder(e.id), before.id))).toBe('ok');

    const { engagement } = await h.call('backup.restore', { engagementId: e.id, backupId: before.id, mode: 'new' });
    const [restored] = await h.call('assessment.list', { engagementId: engagement.id });
    expect(restored).toMatchObject({ label: '2026 Q4' });
    const detail = await h.call('assessment.get', { engagementId: engagement.id, assessmentId: restored!.id });
    expect(detail.ratings['M1.1']).toMatchObject({ currentLevel: 3, targetLevel: 4 });
  });

  it('refuses a backup name that is not one of the engagement\u2019s backups', async () => {
    const { e } = await withBackup();
    expect((await h.fail('backup.restore', { engagementId: e.id, backupId: '../library.sqlite', mode: 'new' })).status).toBe(400);
    expect((await h.fail('backup.restore', { engagementId: e.id, backupId: '20260101T000000000Z-manual.mwb', mode: 'new' })).status).toBe(404);
  });
});

describe('engagement file format 50', () => {
  it('adds attachment parts to a file at format 40, keeping its data', async () => {
    await start();
    const dir = join(h.dataDir, 'engagements');
    const path = join(dir, 'old-format-12345678.mwb');
    await whileStopped(h, () => {
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      migrate(db, engagementMigrations.filter((m) => m.version <= 40), 0, APPLICATION_ID.engagement);
      db.exec("INSERT INTO engagement VALUES ('e0000000000000000000000000000001', 'Old Co', '', '', 'EUR', 1, '2026-01-01', '2026-01-01', NULL)");
      db.close();
    });
    const got = await h.call('engagement.open', { engagementId: 'e0000000000000000000000000000001' });
    expect(got.client).toBe('Old Co');
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(engagementMigrations[engagementMigrations.length - 1]!.version);
    expect((db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'attachment_part'").get() as { sql: string }).sql).toMatch(/STRICT$/);
    db.close();
  });
});
