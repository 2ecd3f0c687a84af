/**
 * Each migration gets a file seeded at the previous version, as an older app would have left it,
 * and must migrate it without losing data, after a backup taken through SQLite's backup API.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engagementMigrations, libraryMigrations, type Migration } from '../../electron/core/db/migrations';
import { APPLICATION_ID, migrate, openDatabase } from '../../electron/core/db/sqlite';
import { tempDir as makeTempDir } from '../support/engine';

const dirs: string[] = [];
function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function seedAt(file: string, migrations: readonly Migration[], version: number, kind: keyof typeof APPLICATION_ID): void {
  const db = new Database(file);
  migrate(db, migrations.filter((m) => m.version <= version), 0, APPLICATION_ID[kind]);
  db.close();
}

const now = () => new Date('2026-11-25T10:00:00Z');

describe('engagement migrations', () => {
  it('0010 creates an engagement file from nothing with STRICT tables', async () => {
    const dir = tempDir();
    const { db, fromVersion, backupFile } = await openDatabase(join(dir, 'new.mwb'), {
      kind: 'engagement',
      migrations: engagementMigrations.filter((m) => m.version <= 10),
      backupDir: join(dir, 'backups'),
      now,
      create: true,
    });
    expect(fromVersion).toBe(0);
    expect(backupFile).toBeNull();
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(expect.arrayContaining(['assessment', 'audit_log', 'business_unit', 'engagement', 'participant']));
    for (const t of tables) expect(t.sql).toMatch(/STRICT$/);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare("INSERT INTO engagement (id, client, currency, fy_start_month, created_at, updated_at) VALUES ('x', 'C', 'EUR', 'April', 'now', 'now')")
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('0020 migrates a file seeded at 0010: data kept, workshop tables and search added', async () => {
    const dir = tempDir();
    const file = join(dir, 'v10.mwb');
    seedAt(file, engagementMigrations, 10, 'engagement');
    const seed = new Database(file);
    seed.exec(`
      INSERT INTO engagement VALUES ('e1', 'Acme', 'Retail', 'EU', 'EUR', 1, '2026-01-01', '2026-01-01', NULL);
      INSERT INTO business_unit VALUES ('bu1', 'Finance', '2026-01-01');
      INSERT INTO participant VALUES ('p1', 'Dana', 'CFO', 'bu1', '2026-01-01');
      INSERT INTO assessment VALUES ('a1', '2026 Q1', '2026-03-01', 'data-platform-maturity', '1.0.0', '["M1","M2"]', NULL, '2026-03-01');
      INSERT INTO audit_log (at, actor, command, entity, entity_id) VALUES ('2026-01-01', 'Sam', 'engagement.create', 'engagement', 'e1');
    `);
    seed.close();

    const { db, fromVersion, backupFile } = await openDatabase(file, {
      kind: 'engagement',
      migrations: engagementMigrations.filter((m) => m.version <= 20),
      backupDir: join(dir, 'backups'),
      now,
    });
    expect(fromVersion).toBe(10);
    expect(backupFile).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT name, business_unit_id FROM participant').all()).toEqual([{ name: 'Dana', business_unit_id: 'bu1' }]);
    expect(db.prepare('SELECT label, scope_json FROM assessment').get()).toEqual({ label: '2026 Q1', scope_json: '["M1","M2"]' });
    expect(db.prepare('SELECT actor, assessment_id FROM audit_log').get()).toEqual({ actor: 'Sam', assessment_id: null });
    for (const t of ['rating', 'vote', 'action_item', 'attachment', 'evidence', 'evidence_link', 'workshop_session', 'undo_entry']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/STRICT$/);
    }
    // The search index follows the rows through its triggers.
    db.prepare(
      "INSERT INTO rating (assessment_id, capability_id, current_level, rationale, updated_at) VALUES ('a1', 'M1.1', 2, 'Forecasting SLAs are tracked by hand', 'now')",
    ).run();
    expect(db.prepare("SELECT count(*) AS n FROM fts_rationale WHERE fts_rationale MATCH 'forecast*'").get()).toEqual({ n: 1 });
    db.prepare("UPDATE rating SET rationale = 'nothing measured' WHERE capability_id = 'M1.1'").run();
    expect(db.prepare("SELECT count(*) AS n FROM fts_rationale WHERE fts_rationale MATCH 'forecast*'").get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO rating (assessment_id, capability_id, current_level, updated_at) VALUES ('a1', 'M1.2', 6, 'now')").run()).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });

  it('takes a backup with the backup API before migrating a file from an older version', async () => {
    // A synthetic newer migration over a file at the latest shipped version stands in for the next release.
    const dir = tempDir();
    const file = join(dir, 'old.mwb');
    const latest = engagementMigrations[engagementMigrations.length - 1]!.version;
    seedAt(file, engagementMigrations, latest, 'engagement');
    const seed = new Database(file);
    seed.prepare("INSERT INTO business_unit (id, name, created_at) VALUES ('bu1', 'Finance', '2026-01-01')").run();
    seed.close();
    const next: Migration = { version: latest + 10, name: 'next', sql: 'ALTER TABLE business_unit ADD COLUMN code TEXT;' };
    const { db, fromVersion, backupFile } = await openDatabase(file, {
      kind: 'engagement',
      migrations: [...engagementMigrations, next],
      backupDir: join(dir, 'backups'),
      now,
    });
    expect(fromVersion).toBe(latest);
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 10);
    expect(db.prepare('SELECT name, code FROM business_unit').all()).toEqual([{ name: 'Finance', code: null }]);
    db.close();
    expect(backupFile && existsSync(backupFile)).toBeTruthy();
    const backup = new Database(backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(latest);
    expect(backup.prepare('SELECT name FROM business_unit').all()).toEqual([{ name: 'Finance' }]);
    backup.close();
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('rolls back a failing migration completely', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.mwb');
    const latest = engagementMigrations[engagementMigrations.length - 1]!.version;
    seedAt(file, engagementMigrations, latest, 'engagement');
    const broken: Migration = { version: latest + 10, name: 'broken', sql: 'CREATE TABLE half (x TEXT) STRICT; SELECT * FROM no_such_table;' };
    await expect(
      openDatabase(file, { kind: 'engagement', migrations: [...engagementMigrations, broken], backupDir: join(dir, 'b'), now }),
    ).rejects.toThrow(/Migration broken failed/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a SQLite file that is not an engagement', async () => {
    const dir = tempDir();
    const file = join(dir, 'other.mwb');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(openDatabase(file, { kind: 'engagement', migrations: engagementMigrations, backupDir: dir, now })).rejects.toThrow(
      /not a Maturity Workbench engagement file/,
    );
  });
});

describe('library migrations', () => {
  it('0010 creates the library index and settings', async () => {
    const dir = tempDir();
    const { db } = await openDatabase(join(dir, 'library.sqlite'), { kind: 'library', migrations: libraryMigrations, backupDir: dir, now, create: true });
    const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['engagement_index', 'setting', 'audit_log']));
    db.close();
  });
});
