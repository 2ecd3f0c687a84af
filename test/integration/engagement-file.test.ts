/**
 * Handing an engagement over as one file: a consistent snapshot through SQLite's backup API, optionally
 * purged of evidence files or of evidence above a sensitivity (gone from the bytes, not just hidden),
 * imported into another data folder as a new engagement; files that are not ours, newer or damaged are
 * refused and leave nothing behind.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementMigrations } from '../../electron/core/db/migrations';
import { openEvents, startHarness, tempDir, type Harness } from '../support/engine';

let a: Harness;
let b: Harness;
let engagementId: string;
let assessmentId: string;
const work = tempDir('mw-handover-');
const latest = engagementMigrations[engagementMigrations.length - 1]!.version;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const contains = (file: string, marker: string) => readFileSync(file).includes(Buffer.from(marker));

beforeAll(async () => {
  a = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  b = await startHarness(undefined, () => new Date('2026-11-26T09:00:00Z'));
  engagementId = (await a.call('engagement.create', { client: 'Globex', currency: 'USD' })).id;
  assessmentId = (await a.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
  await a.call('assessment.rate', { engagementId, assessmentId, capabilityId: 'M2.1', currentLevel: 3, targetLevel: 4, rationale: 'Replication factor three on every topic' });
  const items = [
    ['Public roadmap deck', 'public', 'PUBLIC-FILE-0001'],
    ['Internal runbook', 'internal', 'INTERNAL-FILE-0002'],
    ['Board minutes', 'confidential', 'CONFIDENTIAL-FILE-0003'],
    ['Pen test report', 'restricted', 'RESTRICTED-FILE-0004'],
  ] as const;
  for (const [title, sensitivity, marker] of items) {
    await a.call('evidence.add', {
      engagementId,
      title,
      kind: 'document',
      sensitivity,
      description: `Description ${marker}-TEXT`,
      file: { name: `${title}.txt`, mime: 'text/plain', dataBase64: b64(`content ${marker}`) },
      links: [{ assessmentId, capabilityId: 'M2.1' }],
    });
  }
}, 60_000);
afterAll(async () => {
  await a.stop();
  await b.stop();
});

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
      evidence: (db.prepare('SELECT title FROM evidence ORDER BY title').all() as { title: string }[]).map((r) => r.title),
      attachments: (db.prepare('SELECT count(*) AS n FROM attachment').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('exporting an engagement file', () => {
  it('writes a whole snapshot, evidence files included, as one file', async () => {
    const r = await a.call('engagement.exportFile', { engagementId, withAttachments: true });
    expect(r.fileName).toBe('Globex - Engagement - 2026-11-25.mwb');
    expect(existsSync(`${r.path}-wal`)).toBe(false);
    expect(inspect(r.path)).toEqual({
      integrity: 'ok',
      version: latest,
      journal: 'delete',
      evidence: ['Board minutes', 'Internal runbook', 'Pen test report', 'Public roadmap deck'],
      attachments: 4,
    });
    expect(contains(r.path, 'RESTRICTED-FILE-0004')).toBe(true);
  });

  it('leaves the evidence files out when asked, so their content is nowhere in the file', async () => {
    const r = await a.call('engagement.exportFile', { engagementId, withAttachments: false, path: join(work, 'no-files.mwb') });
    const seen = inspect(r.path);
    expect(seen.attachments).toBe(0);
    expect(seen.evidence).toHaveLength(4);
    for (const marker of ['PUBLIC-FILE-0001', 'INTERNAL-FILE-0002', 'CONFIDENTIAL-FILE-0003', 'RESTRICTED-FILE-0004']) expect(contains(r.path, `content ${marker}`), marker).toBe(false);
  });

  it('leaves out evidence above a sensitivity, with its history and its search text', async () => {
    const r = await a.call('engagement.exportFile', { engagementId, withAttachments: true, maxSensitivity: 'internal', path: join(work, 'internal.mwb') });
    const seen = inspect(r.path);
    expect(seen.evidence).toEqual(['Internal runbook', 'Public roadmap deck']);
    expect(seen.attachments).toBe(2);
    for (const marker of ['CONFIDENTIAL-FILE-0003', 'RESTRICTED-FILE-0004', 'Board minutes', 'Pen test report']) expect(contains(r.path, marker), marker).toBe(false);
    expect(contains(r.path, 'INTERNAL-FILE-0002')).toBe(true);
    // The source engagement is untouched.
    expect((await a.call('evidence.list', { engagementId })).total).toBe(4);
  });
});

describe('importing an engagement file', () => {
  let file: string;
  beforeAll(async () => {
    file = (await a.call('engagement.exportFile', { engagementId, withAttachments: true, path: join(work, 'globex.mwb') })).path;
  });

  it('adds it to another data folder as it was, and the library shows it at once', async () => {
    const events = await openEvents(b);
    const r = await b.call('engagement.importFile', { path: file });
    const seen = await events.next((all) => all.some((e) => e.type === 'changed' && e.engagementId === null && e.tables.includes('engagement_index')));
    events.close();
    expect(seen.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ newId: false, fromVersion: latest, engagement: { id: engagementId, client: 'Globex', currency: 'USD' } });
    expect((await b.call('engagement.list', {})).map((e) => e.id)).toEqual([engagementId]);
    const detail = await b.call('assessment.get', { engagementId, assessmentId });
    expect(detail.ratings['M2.1']).toMatchObject({ currentLevel: 3, targetLevel: 4, rationale: 'Replication factor three on every topic' });
    expect(detail.evidence).toHaveLength(4);
  });

  it('gives it a new id when the data folder has that engagement already, by path or as an upload', async () => {
    const r = await b.call('engagement.importFile', { file: { name: 'globex.mwb', dataBase64: readFileSync(file).toString('base64') } });
    expect(r.newId).toBe(true);
    expect(r.engagement.id).not.toBe(engagementId);
    expect(r.engagement.client).toBe('Globex');
    const ids = (await b.call('engagement.list', {})).map((e) => e.id).sort();
    expect(ids).toEqual([engagementId, r.engagement.id].sort());
    expect((await b.call('assessment.list', { engagementId: r.engagement.id })).map((x) => x.label)).toEqual(['2026 Q4']);
  });

  it('migrates a file an older version wrote, leaving no backup of it behind', async () => {
    const path = join(work, 'older.mwb');
    const db = new Database(path);
    db.exec(readFileSync(resolve(__dirname, '../fixtures/engagement-v30.sql'), 'utf8'));
    db.close();
    const before = existsSync(join(b.dataDir, 'backups')) ? readdirSync(join(b.dataDir, 'backups')) : [];
    const r = await b.call('engagement.importFile', { path });
    expect(r).toMatchObject({ fromVersion: 30, engagement: { client: 'Northwind Bank' } });
    expect((await b.call('assessment.list', { engagementId: r.engagement.id })).length).toBeGreaterThan(0);
    // No copy of the file as it was before migrating is left: the consultant still has it. (The imported
    // engagement gets its own backups like any other, in its own folder.)
    const after = existsSync(join(b.dataDir, 'backups')) ? readdirSync(join(b.dataDir, 'backups')) : [];
    expect(after.filter((f) => f !== r.engagement.id)).toEqual(before);
  });

  describe('refuses, leaving nothing behind', () => {
    const refused = async (path: string) => {
      const before = readdirSync(join(b.dataDir, 'engagements')).sort();
      const list = (await b.call('engagement.list', {})).length;
      const { error } = await b.fail('engagement.importFile', { path });
      expect(readdirSync(join(b.dataDir, 'engagements')).sort()).toEqual(before);
      expect((await b.call('engagement.list', {})).length).toBe(list);
      return error;
    };

    it('a file that is not a database', async () => {
      const path = join(work, 'notes.mwb');
      writeFileSync(path, 'just some notes');
      expect(await refused(path)).toMatchObject({ code: 'file_corrupt', message: 'notes.mwb is not a Maturity Workbench engagement file; nothing was imported.' });
    });

    it('a SQLite database that is not ours', async () => {
      const path = join(work, 'other.mwb');
      const db = new Database(path);
      db.exec('CREATE TABLE t (x)');
      db.close();
      expect(await refused(path)).toMatchObject({ code: 'file_corrupt', message: 'other.mwb is not a Maturity Workbench engagement file; nothing was imported.' });
    });

    it('a file from a newer version', async () => {
      const path = join(work, 'newer.mwb');
      copyFileSync(file, path);
      const db = new Database(path);
      db.pragma(`user_version = ${latest + 10}`);
      db.close();
      const error = await refused(path);
      expect(error.code).toBe('file_too_new');
      expect(error.message).toBe(`newer.mwb was written by a newer version of Maturity Workbench (file format ${latest + 10}, this version reads up to ${latest}). Update the app to import it.`);
    });

    it('a damaged file that fails the integrity check', async () => {
      // Damage the cell pointers of one table page (header intact), found by trying pages from the end:
      // the file still opens and reads its engagement, but SQLite's integrity check fails.
      const bytes = readFileSync(file);
      const pageSize = bytes.readUInt16BE(16);
      const path = join(work, 'damaged.mwb');
      let damaged = false;
      for (let p = bytes.length / pageSize; p > 2 && !damaged; p--) {
        const copy = Buffer.from(bytes);
        copy.fill(0xff, (p - 1) * pageSize + 12, (p - 1) * pageSize + 40);
        writeFileSync(path, copy);
        const db = new Database(path, { readonly: true });
        try {
          damaged = db.pragma('integrity_check', { simple: true }) !== 'ok' && !!db.prepare('SELECT client FROM engagement').get();
        } catch {
          damaged = false;
        } finally {
          db.close();
        }
      }
      expect(damaged).toBe(true);
      const error = await refused(path);
      expect(error.code).toBe('file_corrupt');
      expect(error.message).toMatch(/^damaged\.mwb is damaged: SQLite's integrity check failed \(\*\*\* in database main \*\*\*/);
    });

    it('a file too damaged to open', async () => {
      const bytes = readFileSync(file);
      bytes.fill(0xff, 100 + 12, 100 + 200); // the schema page's cell pointers
      const path = join(work, 'broken.mwb');
      writeFileSync(path, bytes);
      const error = await refused(path);
      expect(error.code).toBe('file_corrupt');
      expect(error.message).toMatch(/^broken\.mwb is damaged: /);
    });
  });
});
