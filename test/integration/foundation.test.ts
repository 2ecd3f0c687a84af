import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engagementMigrations } from '../../electron/core/db/migrations';
import { latestVersion } from '../../electron/core/db/sqlite';
import type { EngineEvent } from '../../shared/events';
import { openEvents, startHarness, type Harness } from '../support/engine';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const acme = { client: 'Acme Retail', industry: 'Retail', region: 'DACH', currency: 'eur', fyStartMonth: 4 };

function engagementFiles(): string[] {
  return readdirSync(join(h.dataDir, 'engagements')).filter((f) => f.endsWith('.mwb'));
}

function hostRequest(port: number, host: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/app.info', method: 'POST', headers: { Host: host, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('engagements through the HTTP transport', () => {
  it('creates an engagement as its own SQLite file and lists it on the home screen', async () => {
    const created = await h.call('engagement.create', acme);
    expect(created).toMatchObject({ client: 'Acme Retail', currency: 'EUR', fyStartMonth: 4, lastAssessment: null });
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(engagementFiles()).toHaveLength(1);
    const file = join(h.dataDir, 'engagements', engagementFiles()[0]!);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT client FROM engagement').get()).toEqual({ client: 'Acme Retail' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(engagementMigrations));
    db.close();
    const list = await h.call('engagement.list', {});
    expect(list.map((e) => e.client)).toEqual(['Acme Retail']);
  });

  it('keeps business units, participants and assessments across a restart', async () => {
    const e = await h.call('engagement.create', acme);
    const finance = await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await h.call('participant.add', { engagementId: e.id, name: 'Dana Ito', role: 'CFO', businessUnitId: finance.id });
    const a = await h.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
    expect(a.scope).toHaveLength(9);
    expect(a.frameworkVersion).toBe('1.1.0');

    await h.restart();

    const reopened = await h.call('engagement.open', { engagementId: e.id });
    expect(reopened.businessUnits.map((u) => u.name)).toEqual(['Finance']);
    expect(reopened.participants).toEqual([expect.objectContaining({ name: 'Dana Ito', role: 'CFO', businessUnitId: finance.id })]);
    expect(reopened.assessments.map((x) => x.label)).toEqual(['2026 Q4']);
    expect(reopened.lastAssessment).toMatchObject({ label: '2026 Q4', date: '2026-11-20' });
    expect(reopened.lastOpenedAt).not.toBeNull();
  });

  it('rebuilds the library index from the files when the index is lost', async () => {
    const e = await h.call('engagement.create', acme);
    await h.server.close();
    h.engine.close();
    for (const f of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) rmSync(join(h.dataDir, f), { force: true });
    await h.restart();
    const list = await h.call('engagement.list', {});
    expect(list.map((x) => x.id)).toEqual([e.id]);
  });

  it('renames, archives and deletes; deleting removes the engagement file', async () => {
    const e = await h.call('engagement.create', acme);
    const renamed = await h.call('engagement.update', { engagementId: e.id, client: 'Acme Group' });
    expect(renamed.client).toBe('Acme Group');
    await h.call('engagement.archive', { engagementId: e.id, archived: true });
    expect(await h.call('engagement.list', { includeArchived: false })).toEqual([]);
    expect((await h.call('engagement.list', {}))[0]!.archivedAt).not.toBeNull();
    const backups = join(h.dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    const file = engagementFiles()[0]!;
    writeFileSync(join(backups, `${file}.v10.20261101T000000.bak`), 'older copy');
    writeFileSync(join(backups, 'other-client-1234.mwb.v10.20261101T000000.bak'), 'someone else');
    const removed = await h.call('engagement.delete', { engagementId: e.id });
    expect(readdirSync(backups)).toEqual(['other-client-1234.mwb.v10.20261101T000000.bak']);
    expect(removed.removedFile).toMatch(/\.mwb$/);
    expect(engagementFiles()).toEqual([]);
    expect(await h.call('engagement.list', {})).toEqual([]);
    const gone = await h.fail('engagement.open', { engagementId: e.id });
    expect(gone.error.code).toBe('not_found');
  });

  it('writes an audit row for every change, with who, before and after', async () => {
    await h.call('settings.update', { displayName: 'Sam Facilitator' });
    const e = await h.call('engagement.create', acme);
    const bu = await h.call('businessUnit.add', { engagementId: e.id, name: 'Ops' });
    await h.call('businessUnit.rename', { engagementId: e.id, businessUnitId: bu.id, name: 'Operations' });
    const audit = await h.call('audit.list', { engagementId: e.id });
    expect(audit.map((x) => x.command)).toEqual(['businessUnit.rename', 'businessUnit.add', 'engagement.create']);
    expect(audit[0]).toMatchObject({ actor: 'Sam Facilitator', entityId: bu.id });
    expect(audit[0]!.before).toMatchObject({ name: 'Ops' });
    expect(audit[0]!.after).toMatchObject({ name: 'Operations' });
  });

  it('pushes each change to every open window over Server-Sent Events, naming the tables written', async () => {
    const windows = [await openEvents(h), await openEvents(h)];
    const e = await h.call('engagement.create', acme);
    const bu = await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
    await h.call('participant.add', { engagementId: e.id, name: 'Dana', businessUnitId: bu.id });
    for (const w of windows) {
      const mine = (events: EngineEvent[]) => events.filter((x) => x.type === 'changed' && x.engagementId === e.id);
      const seen = mine(await w.next((events) => mine(events).length >= 3));
      expect(seen.map((x) => (x.type === 'changed' ? [x.command, x.tables] : null))).toEqual([
        ['engagement.create', ['engagement']],
        ['businessUnit.add', ['business_unit']],
        ['participant.add', ['participant']],
      ]);
      w.close();
    }
  });
});

describe('the HTTP transport refuses what it must', () => {
  it('answers 401 without the launch token or with a wrong one', async () => {
    expect((await h.raw('app.info', {}, { token: null })).status).toBe(401);
    const wrong = await h.raw('app.info', {}, { token: 'f'.repeat(48) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('answers 403 to a Host header other than 127.0.0.1 or localhost', async () => {
    expect(await hostRequest(h.server.port, 'evil.example:80', h.server.token)).toBe(403);
    expect(await hostRequest(h.server.port, `localhost:${h.server.port}`, h.server.token)).toBe(200);
  });

  it('answers 413 with a readable error to a request body that is too large', async () => {
    const big = await h.raw('engagement.create', JSON.stringify({ client: 'x'.repeat(5 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too_large');
    expect(engagementFiles()).toEqual([]);
  });

  it('refuses an unknown command by name', async () => {
    const { status, error } = await h.fail('engagement.explode', {});
    expect(status).toBe(404);
    expect(error).toMatchObject({ code: 'unknown_command' });
    expect(error.message).toContain('engagement.explode');
  });

  it('names each wrong field and writes nothing', async () => {
    const { status, error } = await h.fail('engagement.create', { client: '   ', currency: 'euro', fyStartMonth: 13 });
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('client: must not be empty');
    expect(error.message).toContain('currency: must be a three-letter ISO 4217 code');
    expect(error.message).toContain('fyStartMonth: must be a month from 1 to 12');
    expect(engagementFiles()).toEqual([]);
    expect(await h.call('engagement.list', {})).toEqual([]);
  });

  it('refuses wrong types, unknown fields and malformed JSON', async () => {
    expect((await h.fail('engagement.create', { client: 42 })).error.message).toContain('client: must be text');
    expect((await h.fail('engagement.create', { client: 'X', colour: 'red' })).error.message).toMatch(/colour/);
    const bad = await h.raw('engagement.create', '{"client": "X"');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/not valid JSON/);
  });

  it('refuses an impossible date, an unknown module and a duplicate label', async () => {
    const e = await h.call('engagement.create', acme);
    expect((await h.fail('assessment.create', { engagementId: e.id, label: 'Q1', date: '2026-02-30' })).error.message).toContain(
      'date: is not a real calendar date',
    );
    expect((await h.fail('assessment.create', { engagementId: e.id, label: 'Q1', date: '2026-02-01', scope: ['M12'] })).error.message).toContain(
      'M12',
    );
    await h.call('assessment.create', { engagementId: e.id, label: 'Q1', date: '2026-02-01' });
    const dup = await h.fail('assessment.create', { engagementId: e.id, label: 'q1', date: '2026-03-01' });
    expect(dup).toMatchObject({ status: 409, error: { code: 'conflict' } });
    expect((await h.call('assessment.list', { engagementId: e.id })).length).toBe(1);
  });

  it('refuses a participant in a business unit that does not exist', async () => {
    const e = await h.call('engagement.create', acme);
    const { error } = await h.fail('participant.add', { engagementId: e.id, name: 'Kim', businessUnitId: 'a'.repeat(32) });
    expect(error.code).toBe('not_found');
    expect((await h.call('engagement.get', { engagementId: e.id })).participants).toEqual([]);
  });
});

describe('files that cannot be opened are left untouched', () => {
  it('refuses a file written by a newer version with a clear message', async () => {
    const e = await h.call('engagement.create', acme);
    const file = join(h.dataDir, 'engagements', engagementFiles()[0]!);
    await h.server.close();
    h.engine.close();
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion(engagementMigrations) + 10}`);
    db.close();
    const before = readFileSync(file);
    await h.restart();
    const { status, error } = await h.fail('engagement.open', { engagementId: e.id });
    expect(status).toBe(409);
    expect(error.code).toBe('file_too_new');
    expect(error.message).toMatch(/newer version of Maturity Workbench/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('lists a damaged file found in the data folder, without touching it or hiding the others', async () => {
    await h.call('engagement.create', acme);
    const stray = join(h.dataDir, 'engagements', 'old-laptop-copy.mwb');
    writeFileSync(stray, 'half a file');
    await h.restart();
    expect((await h.call('engagement.list', {})).map((e) => e.client)).toEqual(['Acme Retail']);
    const problems = await h.call('engagement.unreadable', {});
    expect(problems).toEqual([{ file: 'old-laptop-copy.mwb', message: expect.stringContaining('old-laptop-copy.mwb') }]);
    expect(readFileSync(stray, 'utf8')).toBe('half a file');
  });

  it('refuses a corrupt file and does not overwrite it', async () => {
    const e = await h.call('engagement.create', acme);
    const file = join(h.dataDir, 'engagements', engagementFiles()[0]!);
    await h.server.close();
    h.engine.close();
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) copyFileSync(file + suffix, `${file}${suffix}.keep`);
    const garbage = Buffer.from('This is not a database at all. '.repeat(300));
    writeFileSync(file, garbage);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) writeFileSync(file + suffix, '');
    await h.restart();
    const { error } = await h.fail('engagement.open', { engagementId: e.id });
    expect(error.code).toBe('file_corrupt');
    expect(error.message).toContain(engagementFiles()[0]!);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(statSync(file).size).toBe(garbage.length);
  });
});
