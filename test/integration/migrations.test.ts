/**
 * Each migration gets a file seeded at the previous version, as an older app would have left it,
 * and must migrate it without losing data, after a backup taken through SQLite's backup API.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** A file as a shipped version of the app left it, from its frozen SQL text in test/fixtures. */
function restoreFixture(file: string, version: number): void {
  const db = new Database(file);
  db.exec(readFileSync(resolve(__dirname, `../fixtures/engagement-v${version}.sql`), 'utf8'));
  db.close();
}

/**
 * The SHA-256 of every migration that has shipped. A shipped migration is never edited (files in the
 * field were migrated by it as it was): a change here means a new migration is needed instead.
 */
const SHIPPED: Record<string, string> = {
  'engagement/0010-create-engagement': 'fa6cfe4c133a77af98653b4d8f75a2a3a27938df0125ce779aa17280da7658b5',
  'engagement/0020-workshop': '464a54e78746b590cba744f49ceaf863858ca73915878b857bc849c3a4773631',
  'engagement/0030-criteria': 'ae8ec617b2bdc610f726fd4abfae529bb2fe2038e5052dd7b3af8a453ed4466c',
  'engagement/0040-workshop-room': '35673ec277f8bab70f4309ab9badae5face4bb582e21905e8db8e15ca46a4849',
  'engagement/0050-attachment-parts': '314ea8e1eb5b3a45cb24e73679fb462cc4104535f1e286479bb47ad46ca0c605',
  'engagement/0060-branding': '32902b5e221e867190e1e5498bcce93c787a307c38876df0de08618416303138',
  'engagement/0070-roadmap': 'c3826059ce87af081906d4a3c0814bee42c98518037daa988d6914defc0968f6',
  'engagement/0080-people': '36367da5eb5d3370dd3fd0918586a96b61594aa29a0a0f24622baa0937be5a5f',
  'library/0010-create-library': '1db164ae05d8b258809147d99e45ffa5884d37f74fe39a7659245d1b9ded66dc',
  'library/0020-frameworks': 'e2b3b6cec5357cef8f8a93cb03d64a0b511dc7860e7b63c5aa588f716be7b2a3',
  'library/0030-assessment-rollup': 'd461cea9d00d493fd7865cad4d3c6f87e8b2edec7813e32c904f0ca31345f935',
  'library/0040-file-health': '757733fa1964c4afa1a4a600792a40efc6fe16802f502848f77d7a15be917a67',
};

/** File format versions that shipped, each kept as a frozen file in test/fixtures. */
const SHIPPED_VERSIONS = [10, 20, 30, 40, 50, 60, 70];

describe('shipped file formats', () => {
  it('no shipped migration has been edited, and every migration is locked once it ships', () => {
    const all = [
      ...engagementMigrations.map((m) => ({ key: `engagement/${m.name}`, sql: m.sql })),
      ...libraryMigrations.map((m) => ({ key: `library/${m.name}`, sql: m.sql })),
    ];
    for (const m of all) {
      const hash = createHash('sha256').update(m.sql).digest('hex');
      expect(hash, `${m.key}: add its hash to SHIPPED when it ships; never edit it after`).toBe(SHIPPED[m.key]);
    }
  });

  it.each(SHIPPED_VERSIONS)('a file left by version %i opens, migrates to the latest version and keeps every row', async (version) => {
    const dir = tempDir();
    const file = join(dir, `v${version}.mwb`);
    restoreFixture(file, version);
    const before = new Database(file, { readonly: true });
    const tables = (before.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'fts_%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const counts = Object.fromEntries(tables.map((t) => [t, (before.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    before.close();
    const { db, fromVersion } = await openDatabase(file, { kind: 'engagement', migrations: engagementMigrations, backupDir: join(dir, 'backups'), now });
    expect(fromVersion).toBe(version);
    expect(db.pragma('user_version', { simple: true })).toBe(engagementMigrations[engagementMigrations.length - 1]!.version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const t of tables) expect((db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n, t).toBe(counts[t]);
    expect(db.prepare('SELECT client, fy_start_month FROM engagement').get()).toEqual({ client: 'Northwind Bank', fy_start_month: 4 });
    db.close();
  });

  it('the frozen version 20 file keeps its search index in step with its rows', () => {
    const dir = tempDir();
    const file = join(dir, 'v20.mwb');
    restoreFixture(file, 20);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM fts_rationale WHERE fts_rationale MATCH 'forecasting'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM fts_evidence WHERE fts_evidence MATCH 'F01'").get()).toEqual({ n: 1 });
    db.close();
  });
});

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

  it('0020 migrates the frozen file of version 10: data kept, workshop tables and search added', async () => {
    const dir = tempDir();
    const file = join(dir, 'v10.mwb');
    restoreFixture(file, 10);

    const { db, fromVersion, backupFile } = await openDatabase(file, {
      kind: 'engagement',
      migrations: engagementMigrations.filter((m) => m.version <= 20),
      backupDir: join(dir, 'backups'),
      now,
    });
    expect(fromVersion).toBe(10);
    expect(backupFile).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT name, business_unit_id FROM participant ORDER BY name').all()).toEqual([
      { name: 'Aino Virtanen', business_unit_id: null },
      { name: 'Ingrid Solberg', business_unit_id: '0190a1b2c3d5e5f60718293a4b5c6d7e' },
      { name: 'Mats Lindqvist', business_unit_id: '0190a1b2c3d6e5f60718293a4b5c6d7e' },
    ]);
    expect(db.prepare('SELECT label, framework_version FROM assessment').get()).toEqual({ label: '2026 Q1', framework_version: '1.0.0' });
    expect(db.prepare('SELECT actor, assessment_id FROM audit_log').get()).toEqual({ actor: 'Sam Carter', assessment_id: null });
    for (const t of ['rating', 'vote', 'action_item', 'attachment', 'evidence', 'evidence_link', 'workshop_session', 'undo_entry']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/STRICT$/);
    }
    // The search index follows the rows through its triggers.
    db.prepare(
      "INSERT INTO rating (assessment_id, capability_id, current_level, rationale, updated_at) VALUES ('0190a1b2c3dae5f60718293a4b5c6d7e', 'M1.1', 2, 'Forecasting SLAs are tracked by hand', 'now')",
    ).run();
    expect(db.prepare("SELECT count(*) AS n FROM fts_rationale WHERE fts_rationale MATCH 'forecast*'").get()).toEqual({ n: 1 });
    db.prepare("UPDATE rating SET rationale = 'nothing measured' WHERE capability_id = 'M1.1'").run();
    expect(db.prepare("SELECT count(*) AS n FROM fts_rationale WHERE fts_rationale MATCH 'forecast*'").get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO rating (assessment_id, capability_id, current_level, updated_at) VALUES ('0190a1b2c3dae5f60718293a4b5c6d7e', 'M1.2', 6, 'now')").run()).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });

  it('0070 adds the roadmap tables and keeps the undo stack of version 30 in the assessment stream', async () => {
    const dir = tempDir();
    const file = join(dir, 'v30.mwb');
    restoreFixture(file, 30);
    const { db } = await openDatabase(file, { kind: 'engagement', migrations: engagementMigrations.filter((m) => m.version <= 70), backupDir: join(dir, 'backups'), now });
    expect(db.prepare('SELECT seq, scope, assessment_id, label FROM undo_entry ORDER BY seq LIMIT 1').get()).toEqual({
      seq: 1,
      scope: 'assessment',
      assessment_id: '0190a1b2c3dae5f60718293a4b5c6d7e',
      label: 'M2.1: score 3',
    });
    for (const t of ['roadmap_role', 'initiative', 'initiative_uplift', 'initiative_effort', 'initiative_dependency', 'initiative_cost_share', 'scenario', 'scenario_capacity', 'scenario_choice', 'scenario_module_weight', 'scenario_manual_start', 'scenario_schedule', 'undo_entry']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/STRICT$/);
    }
    // a roadmap entry has no assessment; an assessment entry must name one
    db.prepare("INSERT INTO undo_entry (scope, label, changes_json, at) VALUES ('roadmap', 'Add initiative X', '[]', 'now')").run();
    expect(() => db.prepare("INSERT INTO undo_entry (scope, label, changes_json, at) VALUES ('assessment', 'x', '[]', 'now')").run()).toThrow(/CHECK constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
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
