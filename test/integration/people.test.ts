/**
 * Nothing lost by one click: people who leave keep their votes, removed units come back with their
 * people, assessments are renamed and deleted with what goes named first, deleted evidence can be
 * undone, and the sample engagement is made of ordinary commands. The engine over HTTP, on real files.
 */
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;

const b64 = (s: string) => Buffer.from(s).toString('base64');

function engagementFile(): string {
  const dir = join(h.dataDir, 'engagements');
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.mwb'))!);
}

beforeEach(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  engagementId = (await h.call('engagement.create', { client: 'Northwind Bank', industry: 'Banking' })).id;
});
afterEach(async () => {
  await h.stop();
});

async function sixVoters() {
  const names = ['Ana Costa', 'Ben Okafor', 'Chloe Martin', 'Dev Patel', 'Eva Lund', 'Priya Shah'];
  const people: { id: string; name: string }[] = [];
  for (const name of names) people.push(await h.call('participant.add', { engagementId, name }));
  return people;
}

describe('a participant who leaves', () => {
  it('keeps every vote they cast, in every assessment, is listed as former and can be restored', async () => {
    const people = await sixVoters();
    const q3 = (await h.call('assessment.create', { engagementId, label: '2026 Q3', date: '2026-08-20' })).id;
    const q4 = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
    // M2.1 in Q4: 1, 2, 2, 3, 4 and Priya's 5. Sorted, the middle two are 2 and 3: median 2.5.
    const levels = [1, 2, 2, 3, 4, 5];
    for (const [i, p] of people.entries()) {
      await h.call('vote.cast', { engagementId, assessmentId: q4, capabilityId: 'M2.1', participantId: p.id, currentLevel: levels[i]! });
    }
    const priya = people[5]!;
    await h.call('vote.cast', { engagementId, assessmentId: q3, capabilityId: 'M1.1', participantId: priya.id, currentLevel: 3 });
    await h.call('vote.cast', { engagementId, assessmentId: q3, capabilityId: 'M1.2', participantId: priya.id, currentLevel: 4 });

    const usage = await h.call('participant.usage', { engagementId, participantId: priya.id });
    expect(usage).toMatchObject({ votes: 3, assessments: [{ id: q3, label: '2026 Q3', votes: 2 }, { id: q4, label: '2026 Q4', votes: 1 }] });

    await h.call('participant.remove', { engagementId, participantId: priya.id });

    const q4Votes = (await h.call('assessment.get', { engagementId, assessmentId: q4 })).votes.filter((v) => v.capabilityId === 'M2.1');
    expect(q4Votes.map((v) => v.currentLevel).sort()).toEqual([1, 2, 2, 3, 4, 5]);
    expect((await h.call('assessment.get', { engagementId, assessmentId: q3 })).votes).toHaveLength(2);
    const listed = (await h.call('engagement.get', { engagementId })).participants.find((p) => p.id === priya.id);
    expect(listed?.name).toBe('Priya Shah');
    expect(listed?.leftAt).toBe('2026-11-25T09:00:00.000Z');
    // The history says who left and that their votes stayed.
    const [entry] = await h.call('audit.list', { engagementId, entityId: priya.id, limit: 1 });
    expect(entry).toMatchObject({ command: 'participant.remove', after: { participant: 'Priya Shah', former: true, votesKept: 3 } });

    // Left out of anything new: no new vote, no place in a workshop, until restored.
    const vote = await h.fail('vote.cast', { engagementId, assessmentId: q4, capabilityId: 'M2.2', participantId: priya.id, currentLevel: 3 });
    expect(vote.status).toBe(400);
    expect(vote.error.message).toContain('Priya Shah has left this engagement');
    const session = await h.fail('workshop.start', { engagementId, assessmentId: q4, heldOn: '2026-11-25', modules: ['M2'], participantIds: [priya.id], minutes: 60 });
    expect(session.error.details).toMatchObject({ fields: [{ path: 'participantIds.0', message: 'former participant' }] });

    const back = await h.call('participant.restore', { engagementId, participantId: priya.id });
    expect(back.leftAt).toBeNull();
    await h.call('vote.cast', { engagementId, assessmentId: q4, capabilityId: 'M2.2', participantId: priya.id, currentLevel: 3 });
    await h.restart();
    expect((await h.call('engagement.get', { engagementId })).participants.find((p) => p.id === priya.id)?.leftAt).toBeNull();
  });

  it('cannot lose their votes through the database either: deleting a participant who voted is refused', async () => {
    const [ana, ben] = await sixVoters();
    const a = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
    await h.call('vote.cast', { engagementId, assessmentId: a, capabilityId: 'M2.1', participantId: ana!.id, currentLevel: 2 });
    h.engine.files.closeAll();
    const db = new Database(engagementFile());
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare('DELETE FROM participant WHERE id = ?').run(ana!.id)).toThrow(/mark them as left/);
    expect((db.prepare('SELECT count(*) AS n FROM vote').get() as { n: number }).n).toBe(1);
    // Someone who never voted can still go.
    expect(db.prepare('DELETE FROM participant WHERE id = ?').run(ben!.id).changes).toBe(1);
    db.close();
  });
});

describe('removing a business unit', () => {
  it('leaves its people without a unit, says who they were, and a restore puts them back', async () => {
    const finance = await h.call('businessUnit.add', { engagementId, name: 'Finance' });
    const risk = await h.call('businessUnit.add', { engagementId, name: 'Risk' });
    const ingrid = await h.call('participant.add', { engagementId, name: 'Ingrid Berg', businessUnitId: finance.id });
    const tomas = await h.call('participant.add', { engagementId, name: 'Tomas Lind', businessUnitId: finance.id });
    const aisha = await h.call('participant.add', { engagementId, name: 'Aisha Karim', businessUnitId: risk.id });

    await h.call('businessUnit.remove', { engagementId, businessUnitId: finance.id });
    let e = await h.call('engagement.get', { engagementId });
    expect(e.businessUnits.map((u) => u.name)).toEqual(['Risk']);
    expect(e.participants.filter((p) => p.businessUnitId === null).map((p) => p.name)).toEqual(['Ingrid Berg', 'Tomas Lind']);
    expect(await h.call('businessUnit.removed', { engagementId })).toEqual([
      { id: finance.id, name: 'Finance', removedAt: '2026-11-25T09:00:00.000Z', members: [{ id: ingrid.id, name: 'Ingrid Berg' }, { id: tomas.id, name: 'Tomas Lind' }] },
    ]);

    // Tomas moves to Risk meanwhile: the restore leaves him there.
    await h.call('participant.update', { engagementId, participantId: tomas.id, businessUnitId: risk.id });
    const restored = await h.call('businessUnit.restore', { engagementId, businessUnitId: finance.id });
    expect(restored).toEqual({ unit: { id: finance.id, name: 'Finance' }, members: [ingrid.id] });
    e = await h.call('engagement.get', { engagementId });
    expect(Object.fromEntries(e.participants.map((p) => [p.name, p.businessUnitId]))).toEqual({ 'Aisha Karim': risk.id, 'Ingrid Berg': finance.id, 'Tomas Lind': risk.id });
    expect(await h.call('businessUnit.removed', { engagementId })).toEqual([]);
    expect(aisha.businessUnitId).toBe(risk.id);
  });

  it('refuses to restore a unit whose name has been taken again, and keeps it restorable', async () => {
    const finance = await h.call('businessUnit.add', { engagementId, name: 'Finance' });
    await h.call('businessUnit.remove', { engagementId, businessUnitId: finance.id });
    await h.call('businessUnit.add', { engagementId, name: 'finance' });
    const { status, error } = await h.fail('businessUnit.restore', { engagementId, businessUnitId: finance.id });
    expect(status).toBe(409);
    expect(error.message).toContain('"Finance" exists again');
    expect(await h.call('businessUnit.removed', { engagementId })).toHaveLength(1);
  });
});

describe('assessments', () => {
  it('are renamed and re-dated, with the home screen following', async () => {
    const a = await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' });
    await h.call('assessment.create', { engagementId, label: 'Pilot', date: '2026-01-10' });
    const renamed = await h.call('assessment.update', { engagementId, assessmentId: a.id, label: '2026 Q4 workshop', date: '2026-11-27' });
    expect(renamed).toMatchObject({ label: '2026 Q4 workshop', date: '2026-11-27' });
    expect((await h.call('engagement.list', {}))[0]!.lastAssessment).toEqual({ id: a.id, label: '2026 Q4 workshop', date: '2026-11-27' });
    const clash = await h.fail('assessment.update', { engagementId, assessmentId: a.id, label: 'pilot' });
    expect(clash.status).toBe(409);
    expect(clash.error.details).toMatchObject({ fields: [{ path: 'label' }] });
  });

  it('report progress: carried-over scores are to confirm, not scored, until confirmed', async () => {
    const q3 = (await h.call('assessment.create', { engagementId, label: '2026 Q3', date: '2026-08-20', scope: ['M1'] })).id;
    for (const c of ['M1.1', 'M1.2', 'M1.3']) await h.call('assessment.rate', { engagementId, assessmentId: q3, capabilityId: c, currentLevel: 2 });
    await h.call('assessment.rate', { engagementId, assessmentId: q3, capabilityId: 'M1.4', notApplicable: true });
    const q4 = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20', scope: ['M1'], fromAssessmentId: q3 })).id;
    await h.call('assessment.rate', { engagementId, assessmentId: q4, capabilityId: 'M1.1', confirm: true });
    await h.call('assessment.rate', { engagementId, assessmentId: q4, capabilityId: 'M1.5', currentLevel: 4 });
    const stats = await h.call('assessment.stats', { engagementId });
    // Q4: M1.1 confirmed and M1.5 scored anew; M1.2, M1.3 and M1.4 (N/A) carried over, waiting.
    expect(stats.find((s) => s.assessmentId === q4)).toMatchObject({ inScope: 8, scored: 2, toConfirm: 3 });
    expect(stats.find((s) => s.assessmentId === q3)).toMatchObject({ inScope: 8, scored: 4, toConfirm: 0 });
  });

  it('are deleted with their scores and votes, leaving other assessments, evidence and people alone', async () => {
    const [ana] = await sixVoters();
    const q3 = (await h.call('assessment.create', { engagementId, label: '2026 Q3', date: '2026-08-20' })).id;
    const q4 = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
    for (const a of [q3, q4]) {
      await h.call('vote.cast', { engagementId, assessmentId: a, capabilityId: 'M2.1', participantId: ana!.id, currentLevel: 3 });
      await h.call('assessment.rate', { engagementId, assessmentId: a, capabilityId: 'M2.1', currentLevel: 3 });
    }
    await h.call('action.add', { engagementId, assessmentId: q4, capabilityId: 'M2.1', text: 'Resize topics' });
    await h.call('evidence.add', { engagementId, title: 'Broker config', kind: 'system_config', links: [{ assessmentId: q4, capabilityId: 'M2.1' }] });
    expect((await h.call('assessment.stats', { engagementId })).find((s) => s.assessmentId === q4)).toMatchObject({ scored: 1, votes: 1, actions: 1, evidenceLinks: 1 });

    expect(await h.call('assessment.delete', { engagementId, assessmentId: q4 })).toMatchObject({ id: q4, label: '2026 Q4' });
    const e = await h.call('engagement.get', { engagementId });
    expect(e.assessments.map((a) => a.label)).toEqual(['2026 Q3']);
    expect(e.participants).toHaveLength(6);
    expect((await h.call('assessment.get', { engagementId, assessmentId: q3 })).votes).toHaveLength(1);
    expect((await h.call('evidence.list', { engagementId })).total).toBe(1);
    expect((await h.call('engagement.list', {}))[0]!.lastAssessment?.label).toBe('2026 Q3');
    expect((await h.fail('assessment.get', { engagementId, assessmentId: q4 })).status).toBe(404);
  });
});

describe('deleting evidence', () => {
  it('from an assessment is undone with its links and its file, and redone', async () => {
    const q3 = (await h.call('assessment.create', { engagementId, label: '2026 Q3', date: '2026-08-20' })).id;
    const q4 = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
    const ev = await h.call('evidence.add', {
      engagementId,
      title: 'Broker config',
      kind: 'system_config',
      file: { name: 'broker.txt', mime: 'text/plain', dataBase64: b64('num.partitions=12') },
      links: [
        { assessmentId: q4, capabilityId: 'M2.1' },
        { assessmentId: q3, capabilityId: 'M2.1' },
      ],
    });
    await h.call('evidence.link', { engagementId, assessmentId: q4, capabilityId: 'M2.3', evidenceId: ev.id });

    await h.call('evidence.remove', { engagementId, evidenceId: ev.id, assessmentId: q4 });
    expect((await h.call('evidence.list', { engagementId })).total).toBe(0);
    const undone = await h.call('history.undo', { engagementId, assessmentId: q4 });
    expect(undone.done).toBe('Evidence "Broker config" deleted');
    const back = (await h.call('evidence.list', { engagementId })).items[0]!;
    expect(back.links).toHaveLength(3);
    expect(back.links).toEqual(expect.arrayContaining([{ assessmentId: q3, capabilityId: 'M2.1' }, { assessmentId: q4, capabilityId: 'M2.3' }]));
    expect(Buffer.from((await h.call('evidence.file', { engagementId, evidenceId: ev.id })).dataBase64, 'base64').toString()).toBe('num.partitions=12');
    // Found by search again: its text is indexed anew.
    expect((await h.call('search.query', { engagementId, query: 'broker' })).map((x) => x.refId)).toContain(ev.id);

    await h.call('history.redo', { engagementId, assessmentId: q4 });
    expect((await h.call('evidence.list', { engagementId })).total).toBe(0);
  });

  it('outside any assessment is final, and its file goes once nothing can bring it back', async () => {
    const ev = await h.call('evidence.add', { engagementId, title: 'Old diagram', kind: 'document', file: { name: 'd.txt', mime: 'text/plain', dataBase64: b64('boxes and arrows') } });
    await h.call('evidence.remove', { engagementId, evidenceId: ev.id });
    h.engine.files.closeAll();
    const db = new Database(engagementFile(), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM attachment').get() as { n: number }).n).toBe(0);
    db.close();
  });
});

describe('the sample engagement', () => {
  it('is made by the commands a user runs: two quarters, votes, evidence and actions, and is deleted like any other', async () => {
    const sample = await h.call('engagement.createSample', {});
    expect(sample.client).toBe('Nordlys Outdoor (sample)');
    const e = await h.call('engagement.get', { engagementId: sample.id });
    // The engine's today is 2026-11-25 (Q4): the last quarter and this one.
    expect(e.assessments.map((a) => a.label)).toEqual(['2026 Q4', '2026 Q3']);
    expect(e.participants).toHaveLength(5);
    expect(e.businessUnits).toHaveLength(4);
    const [current, previous] = e.assessments;
    expect(current!.previousAssessmentId).toBe(previous!.id);
    const stats = await h.call('assessment.stats', { engagementId: sample.id });
    const of = (id: string) => stats.find((s) => s.assessmentId === id)!;
    expect(of(previous!.id)).toMatchObject({ inScope: 72, scored: 72, toConfirm: 0, votes: 80, actions: 5, evidenceLinks: 4 });
    // M1 confirmed (8), M2.1 voted on and M3.1 re-scored: 10 scored; the other 62 carried over wait.
    expect(of(current!.id)).toMatchObject({ scored: 10, toConfirm: 62, votes: 5 });
    expect((await h.call('evidence.list', { engagementId: sample.id })).total).toBe(4);
    const commands = new Set((await h.call('audit.list', { engagementId: sample.id, limit: 1000 })).map((a) => a.command));
    for (const c of ['participant.add', 'vote.cast', 'assessment.acceptMedian', 'evidence.add', 'action.add']) expect(commands).toContain(c);

    await h.call('engagement.delete', { engagementId: sample.id });
    expect((await h.call('engagement.list', {})).map((x) => x.client)).toEqual(['Northwind Bank']);
  });
});
