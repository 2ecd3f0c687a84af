/**
 * Files on disk as the world leaves them: a copy beside the original, a damaged page, a truncated file, a
 * damaged library, a create cut short by a crash, an index older than its file. Nothing is lost, nothing
 * is hidden, and nothing a client sends is answered with a 5xx.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate } from '../../electron/core/db/sqlite';
import { engagementMigrations } from '../../electron/core/db/migrations';
import { startHarness, type Harness } from '../support/engine';
import { engagementFiles, flipPageHeader, integrityCheck, sha, truncateToHalf, whileStopped, writeGarbagePage } from '../support/files';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const dir = () => join(h.dataDir, 'engagements');

async function seeded(client = 'Acme Retail') {
  const e = await h.call('engagement.create', { client });
  await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
  await h.call('participant.add', { engagementId: e.id, name: 'Dana Ito', role: 'CFO' });
  await h.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
  return e;
}

describe('a copied engagement file (item 2)', () => {
  it('is reported beside the original and never swapped in at a restart', async () => {
    const e = await seeded();
    const [original] = engagementFiles(h.dataDir);
    const copy = original!.replace('.mwb', ' (1).mwb');
    await whileStopped(h, () => copyFileSync(join(dir(), original!), join(dir(), copy)));
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Operations' });

    for (let start = 0; start < 3; start++) {
      await h.restart();
      const units = (await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name);
      expect(units, `after restart ${start + 1}`).toEqual(['Finance', 'Operations']);
      const health = await h.call('engagement.health', {});
      expect(health.duplicates).toHaveLength(1);
      expect(health.duplicates[0]!.engagementId).toBe(e.id);
      expect(health.duplicates[0]!.copies.map((c) => [c.file, c.inUse])).toEqual([
        [original, true],
        [copy, false],
      ]);
    }
    const [inUse, other] = (await h.call('engagement.health', {})).duplicates[0]!.copies;
    // The copy lacks the change made after it was taken: one audit entry fewer.
    expect(inUse!.changes - other!.changes).toBe(1);
    expect(await h.call('engagement.list', {})).toHaveLength(1);
  });

  it('can be imported as an engagement of its own, backed up first', async () => {
    const e = await seeded();
    const [original] = engagementFiles(h.dataDir);
    const copy = original!.replace('.mwb', ' (1).mwb');
    await whileStopped(h, () => copyFileSync(join(dir(), original!), join(dir(), copy)));
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Operations' });

    const health = await h.call('engagement.resolveDuplicate', { engagementId: e.id, file: copy, action: 'copy' });
    expect(health.duplicates).toEqual([]);
    const list = await h.call('engagement.list', {});
    expect(list.map((x) => x.client).sort()).toEqual(['Acme Retail', 'Acme Retail (copy)']);
    const imported = list.find((x) => x.client === 'Acme Retail (copy)')!;
    expect(imported.id).not.toBe(e.id);
    expect((await h.call('engagement.get', { engagementId: imported.id })).businessUnits.map((u) => u.name)).toEqual(['Finance']);
    expect((await h.call('backup.list', { engagementId: e.id })).backups.map((b) => b.reason)).toContain('import');

    await h.restart();
    expect((await h.call('engagement.list', {})).map((x) => x.client).sort()).toEqual(['Acme Retail', 'Acme Retail (copy)']);
    expect((await h.call('engagement.health', {})).duplicates).toEqual([]);
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance', 'Operations']);
  });

  it('can be opened instead, or set aside out of the folder without being deleted', async () => {
    const e = await seeded();
    const [original] = engagementFiles(h.dataDir);
    const copy = original!.replace('.mwb', ' (1).mwb');
    await whileStopped(h, () => copyFileSync(join(dir(), original!), join(dir(), copy)));
    await h.call('businessUnit.add', { engagementId: e.id, name: 'Operations' });

    await h.call('engagement.resolveDuplicate', { engagementId: e.id, file: copy, action: 'open' });
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance']);
    await h.restart();
    expect((await h.call('engagement.get', { engagementId: e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance']);
    const copies = (await h.call('engagement.health', {})).duplicates[0]!.copies;
    expect(copies.map((c) => [c.file, c.inUse])).toEqual([
      [copy, true],
      [original, false],
    ]);

    const before = sha(join(dir(), original!));
    await h.call('engagement.resolveDuplicate', { engagementId: e.id, file: original!, action: 'setAside' });
    expect(engagementFiles(h.dataDir)).toEqual([copy]);
    expect(sha(join(h.dataDir, 'set-aside', original!))).toBe(before);
    expect((await h.call('engagement.health', {})).duplicates).toEqual([]);
  });

  it('refuses to settle a file that is not a copy of the engagement', async () => {
    const e = await seeded();
    const [original] = engagementFiles(h.dataDir);
    expect((await h.fail('engagement.resolveDuplicate', { engagementId: e.id, file: original!, action: 'copy' })).status).toBe(409);
    expect((await h.fail('engagement.resolveDuplicate', { engagementId: e.id, file: 'other.mwb', action: 'setAside' })).status).toBe(404);
    expect((await h.fail('engagement.resolveDuplicate', { engagementId: e.id, file: '../library.sqlite', action: 'setAside' })).status).toBe(400);
  });
});

describe('a damaged engagement file (item 4)', () => {
  async function damagedBy(damage: (file: string) => void) {
    const e = await seeded();
    const [file] = engagementFiles(h.dataDir);
    const path = join(dir(), file!);
    await whileStopped(h, () => damage(path));
    return { e, file: file!, path };
  }

  async function expectReadOnly(engagementId: string, file: string, path: string) {
    const before = sha(path);
    for (const [command, input] of [
      ['businessUnit.add', { engagementId, name: 'Operations' }],
      ['participant.add', { engagementId, name: 'Kim' }],
      ['engagement.update', { engagementId, client: 'Renamed' }],
    ] as const) {
      const { status, error } = await h.fail(command, input);
      expect(status, command).toBeGreaterThanOrEqual(400);
      expect(status, command).toBeLessThan(500);
      expect(error.message, command).toContain(file);
    }
    expect(sha(path)).toBe(before);
  }

  async function expectListedAsDamaged(engagementId: string, file: string) {
    expect((await h.call('engagement.list', {})).map((x) => x.id)).toEqual([engagementId]);
    const health = await h.call('engagement.health', {});
    expect(health.damaged).toEqual([expect.objectContaining({ engagementId, file, reason: expect.any(String) })]);
    expect(health.damaged[0]!.reason.length).toBeGreaterThan(5);
    expect(await h.call('engagement.unreadable', {})).toEqual([{ file, message: expect.stringContaining('damaged') }]);
    expect((await h.call('backup.list', { engagementId })).damaged).toBe(health.damaged[0]!.reason);
  }

  it('with a garbage page: listed as damaged with the reason, reads answer 4xx, writes are refused', async () => {
    const { e, file, path } = await damagedBy((p) => writeGarbagePage(p, 'business_unit'));
    await expectListedAsDamaged(e.id, file);
    const open = await h.raw('engagement.open', { engagementId: e.id });
    expect(open.status).toBe(422);
    expect(open.body.error).toMatchObject({ code: 'file_corrupt', message: expect.stringContaining(file) });
    expect((await h.raw('assessment.list', { engagementId: e.id })).status).toBe(200);
    await expectReadOnly(e.id, file, path);
  });

  it('with a flipped page header: opens read-only and refuses writes', async () => {
    const { e, file, path } = await damagedBy((p) => flipPageHeader(p, 'audit_log'));
    await expectListedAsDamaged(e.id, file);
    const open = await h.raw('engagement.open', { engagementId: e.id });
    expect(open.status).toBeLessThan(500);
    expect((await h.raw('audit.list', { engagementId: e.id })).status).toBe(422);
    await expectReadOnly(e.id, file, path);
  });

  it('truncated: listed as damaged and in engagement.unreadable, never as a normal engagement', async () => {
    const { e, file, path } = await damagedBy(truncateToHalf);
    await expectListedAsDamaged(e.id, file);
    const open = await h.raw('engagement.open', { engagementId: e.id });
    expect(open.status).toBe(422);
    await expectReadOnly(e.id, file, path);
  });

  it('damaged while open: the first read that meets it marks the file damaged and read-only', async () => {
    const e = await seeded();
    const [file] = engagementFiles(h.dataDir);
    await h.call('engagement.open', { engagementId: e.id });
    // Damage under a running engine: a checkpoint puts everything in the main file, then a page is overwritten.
    h.engine.files.closeAll();
    writeGarbagePage(join(dir(), file!), 'participant');
    const read = await h.raw('engagement.get', { engagementId: e.id });
    expect(read.status).toBe(422);
    expect(read.body.error.message).toContain(file);
    const write = await h.raw('participant.add', { engagementId: e.id, name: 'Kim' });
    expect(write.status).toBeGreaterThanOrEqual(400);
    expect(write.status).toBeLessThan(500);
    expect((await h.call('engagement.health', {})).damaged.map((d) => d.engagementId)).toEqual([e.id]);
  });

  it('checks the whole file on demand', async () => {
    const e = await seeded();
    expect(await h.call('engagement.check', { engagementId: e.id })).toMatchObject({ ok: true });
    const [file] = engagementFiles(h.dataDir);
    await whileStopped(h, () => writeGarbagePage(join(dir(), file!), 'participant'));
    const check = await h.call('engagement.check', { engagementId: e.id });
    expect(check).toMatchObject({ ok: false, file });
    expect(check.message).toContain('damaged');
  });
});

describe('a damaged library (item 5)', () => {
  it('is kept aside and rebuilt from the engagement files, keeping the settings it still can', async () => {
    await h.call('settings.update', { displayName: 'Sam Rivera' });
    const e = await seeded();
    const library = join(h.dataDir, 'library.sqlite');
    let damaged = Buffer.alloc(0);
    await whileStopped(h, () => {
      writeGarbagePage(library, 'engagement_index');
      damaged = readFileSync(library);
    });
    expect((await h.call('engagement.list', {})).map((x) => [x.id, x.client])).toEqual([[e.id, 'Acme Retail']]);
    expect((await h.call('engagement.list', {}))[0]!.lastAssessment).toMatchObject({ label: '2026 Q4' });
    expect((await h.call('settings.get', {})).displayName).toBe('Sam Rivera');
    const health = await h.call('engagement.health', {});
    expect(health.libraryRebuilt).toMatchObject({ keptAs: expect.stringMatching(/^library\.damaged-.*\.sqlite$/) });
    expect(readFileSync(join(h.dataDir, health.libraryRebuilt!.keptAs)).equals(damaged)).toBe(true);
    expect(integrityCheck(library)).toBe('ok');
  });

  it('starts even when the library is not a database at all', async () => {
    const e = await seeded();
    await whileStopped(h, () => writeFileSync(join(h.dataDir, 'library.sqlite'), 'not a database, just text '.repeat(400)));
    expect((await h.call('engagement.list', {})).map((x) => x.id)).toEqual([e.id]);
    expect(readdirSync(h.dataDir).filter((f) => f.startsWith('library.damaged-'))).toHaveLength(1);
  });
});

describe('files a crash left half-created (item 6)', () => {
  function halfCreated(path: string, withRows: boolean): void {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migrate(db, engagementMigrations, 0, APPLICATION_ID.engagement);
    if (withRows) db.prepare("INSERT INTO business_unit (id, name, created_at) VALUES ('bu1', 'Finance', '2026-01-01')").run();
    db.close();
  }

  it('removes those that hold nothing, keeps and reports those that hold something', async () => {
    const e = await seeded();
    await whileStopped(h, () => {
      halfCreated(join(dir(), 'empty-schema-12345678.mwb'), false);
      halfCreated(join(dir(), 'schema-with-rows-87654321.mwb'), true);
      writeFileSync(join(dir(), 'zero-bytes-11111111.mwb'), '');
      writeFileSync(join(dir(), '.left-by-crash-22222222.mwb.4242.creating'), 'partial');
    });
    expect(engagementFiles(h.dataDir)).toEqual([expect.stringMatching(/^acme-retail-/), 'schema-with-rows-87654321.mwb']);
    expect(readdirSync(dir()).filter((f) => f.startsWith('.'))).toEqual([]);
    const health = await h.call('engagement.health', {});
    expect(health.halfCreated).toEqual(
      expect.arrayContaining([
        { file: 'empty-schema-12345678.mwb', action: 'removed', message: expect.any(String) },
        { file: 'zero-bytes-11111111.mwb', action: 'removed', message: expect.any(String) },
        { file: 'schema-with-rows-87654321.mwb', action: 'kept', message: expect.stringContaining('1 rows') },
      ]),
    );
    expect((await h.call('engagement.unreadable', {})).map((u) => u.file)).toEqual(['schema-with-rows-87654321.mwb']);
    expect((await h.call('engagement.list', {})).map((x) => x.id)).toEqual([e.id]);
  });
});

describe('an index older than its file (item 8)', () => {
  it('is brought up to date from the file at the next start', async () => {
    const e = await seeded();
    const [file] = engagementFiles(h.dataDir);
    // The file's commit landed, the index update did not (a crash between the two).
    await whileStopped(h, () => {
      const db = new Database(join(dir(), file!));
      db.prepare("UPDATE engagement SET client = 'Acme Group', archived_at = '2026-11-21T10:00:00.000Z'").run();
      db.close();
    });
    const [row] = await h.call('engagement.list', {});
    expect(row).toMatchObject({ id: e.id, client: 'Acme Group', archivedAt: '2026-11-21T10:00:00.000Z' });
  });

  it('does not read an unchanged file again at start', async () => {
    const e = await seeded();
    await h.restart();
    const [file] = engagementFiles(h.dataDir);
    const checkedAt = h.engine.library.read.get<{ checked_at: string }>('SELECT checked_at FROM engagement_index WHERE id = ?', e.id)!.checked_at;
    await h.restart();
    expect(h.engine.library.read.get<{ checked_at: string }>('SELECT checked_at FROM engagement_index WHERE id = ?', e.id)!.checked_at).toBe(checkedAt);
    expect(existsSync(join(dir(), file!))).toBe(true);
  });
});
