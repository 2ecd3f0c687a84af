/** The workshop through the HTTP transport, against real engagement files in a temp folder. */
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mark } from '../../shared/search';
import type { EngineEvent } from '../../shared/events';
import { openEvents, startHarness, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;
let assessmentId: string;
let people: { id: string; name: string }[];

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

function countRows(table: string): number {
  const dir = join(h.dataDir, 'engagements');
  const file = readdirSync(dir).find((f) => f.endsWith('.mwb'))!;
  const db = new Database(join(dir, file), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  const e = await h.call('engagement.create', { client: 'Northwind' });
  engagementId = e.id;
  people = [];
  for (const name of ['Ana', 'Ben', 'Chloe']) people.push(await h.call('participant.add', { engagementId, name }));
  assessmentId = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
});
afterEach(async () => {
  await h.stop();
});

const ref = (capabilityId: string) => ({ engagementId, assessmentId, capabilityId });

describe('ratings', () => {
  it('records current, target, confidence, priority, rationale and owner, and keeps them across a restart', async () => {
    await h.call('assessment.rate', { ...ref('M2.1'), currentLevel: 2 });
    await h.call('assessment.rate', { ...ref('M2.1'), targetLevel: 4, confidence: 'high', priority: 5 });
    const r = await h.call('assessment.rate', { ...ref('M2.1'), rationale: 'Partitions sized by gut feel', owner: 'Ben' });
    expect(r).toMatchObject({ currentLevel: 2, targetLevel: 4, confidence: 'high', priority: 5, owner: 'Ben', notApplicable: false });
    await h.restart();
    const detail = await h.call('assessment.get', { engagementId, assessmentId });
    expect(detail.ratings['M2.1']).toMatchObject({ currentLevel: 2, targetLevel: 4, rationale: 'Partitions sized by gut feel' });
  });

  it('marks a capability not applicable, clearing its levels, and scoring it again makes it applicable', async () => {
    await h.call('assessment.rate', { ...ref('M5.8'), currentLevel: 3, targetLevel: 4 });
    expect(await h.call('assessment.rate', { ...ref('M5.8'), notApplicable: true })).toMatchObject({
      notApplicable: true,
      currentLevel: null,
      targetLevel: null,
    });
    expect(await h.call('assessment.rate', { ...ref('M5.8'), currentLevel: 1 })).toMatchObject({ notApplicable: false, currentLevel: 1 });
  });

  it.each([
    [{ currentLevel: 0 }, 'currentLevel: must be a level from 1 to 5'],
    [{ currentLevel: 6 }, 'currentLevel: must be a level from 1 to 5'],
    [{ currentLevel: 2.5 }, 'currentLevel: must be a whole level from 1 to 5'],
    [{ currentLevel: '3' }, 'currentLevel: must be a number from 1 to 5'],
    [{ targetLevel: 9 }, 'targetLevel: must be a level from 1 to 5'],
    [{ confidence: 'certain' }, 'confidence: must be low, medium or high'],
  ])('refuses %j with a clear message and writes nothing', async (bad, message) => {
    const auditBefore = countRows('audit_log');
    const { status, error } = await h.fail('assessment.rate', { ...ref('M1.1'), ...bad });
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
    expect(countRows('rating')).toBe(0);
    expect(countRows('audit_log')).toBe(auditBefore);
  });

  it('refuses an unknown capability and one outside the assessment scope', async () => {
    expect((await h.fail('assessment.rate', { ...ref('M12.4'), currentLevel: 3 })).error.message).toContain('M12.4 is not a capability');
    expect((await h.fail('assessment.rate', { ...ref('M1.9'), currentLevel: 3 })).error.message).toContain('M1.9 is not a capability');
    const narrow = await h.call('assessment.create', { engagementId, label: 'Ingestion deep dive', date: '2026-12-01', scope: ['M2'] });
    const { error } = await h.fail('assessment.rate', { engagementId, assessmentId: narrow.id, capabilityId: 'M5.1', currentLevel: 3 });
    expect(error.message).toContain('outside the scope');
    expect(countRows('rating')).toBe(0);
  });
});

describe('votes and consensus', () => {
  it('shows the distribution, flags disagreement, and accepts the median as the agreed score', async () => {
    await h.call('vote.cast', { ...ref('M3.1'), participantId: people[0]!.id, currentLevel: 1, targetLevel: 3 });
    await h.call('vote.cast', { ...ref('M3.1'), participantId: people[1]!.id, currentLevel: 2, targetLevel: 4 });
    await h.call('vote.cast', { ...ref('M3.1'), participantId: people[2]!.id, currentLevel: 4, targetLevel: 4 });
    const detail = await h.call('assessment.get', { engagementId, assessmentId });
    expect(detail.votes.filter((v) => v.capabilityId === 'M3.1').map((v) => v.currentLevel).sort()).toEqual([1, 2, 4]);
    const agreed = await h.call('assessment.acceptMedian', ref('M3.1'));
    expect(agreed).toMatchObject({ currentLevel: 2, targetLevel: 4 });
    // A participant changing their mind replaces their vote.
    await h.call('vote.cast', { ...ref('M3.1'), participantId: people[2]!.id, currentLevel: 3 });
    const again = await h.call('assessment.get', { engagementId, assessmentId });
    expect(again.votes.filter((v) => v.capabilityId === 'M3.1')).toHaveLength(3);
  });

  it('refuses a vote by someone who is not a participant, and a median without votes', async () => {
    const stranger = await h.fail('vote.cast', { ...ref('M3.1'), participantId: 'f'.repeat(32), currentLevel: 3 });
    expect(stranger.error.code).toBe('invalid_input');
    expect(stranger.error.message).toContain('is not a participant of this engagement');
    expect(countRows('vote')).toBe(0);
    const none = await h.fail('assessment.acceptMedian', ref('M3.2'));
    expect(none.error.message).toContain('M3.2 has no votes yet');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes a score, a vote, a rationale and an evidence link, in order', async () => {
    const ev = await h.call('evidence.add', { engagementId, title: 'Topic config repo', kind: 'system_config' });
    await h.call('assessment.rate', { ...ref('M2.1'), currentLevel: 2 });
    await h.call('assessment.rate', { ...ref('M2.1'), currentLevel: 3 });
    await h.call('vote.cast', { ...ref('M2.1'), participantId: people[0]!.id, currentLevel: 4 });
    await h.call('assessment.rate', { ...ref('M2.1'), rationale: 'Replication factor 3 everywhere' });
    await h.call('evidence.link', { ...ref('M2.1'), evidenceId: ev.id });

    const get = () => h.call('assessment.get', { engagementId, assessmentId });
    let step = await h.call('history.undo', { engagementId, assessmentId });
    expect(step.done).toContain('linked');
    // Unlinked, the item leaves the assessment's evidence and stays in the engagement's register.
    expect((await get()).evidence).toEqual([]);
    expect((await h.call('evidence.list', { engagementId })).items.map((e) => [e.id, e.links])).toEqual([[ev.id, []]]);
    step = await h.call('history.undo', { engagementId, assessmentId });
    expect(step.done).toContain('rationale');
    expect((await get()).ratings['M2.1']!.rationale).toBe('');
    await h.call('history.undo', { engagementId, assessmentId });
    expect((await get()).votes).toEqual([]);
    await h.call('history.undo', { engagementId, assessmentId });
    expect((await get()).ratings['M2.1']!.currentLevel).toBe(2);
    await h.call('history.undo', { engagementId, assessmentId });
    expect((await get()).ratings['M2.1']).toBeUndefined();
    expect((await h.call('history.undo', { engagementId, assessmentId })).done).toBeNull();

    await h.call('history.redo', { engagementId, assessmentId });
    await h.call('history.redo', { engagementId, assessmentId });
    expect((await get()).ratings['M2.1']!.currentLevel).toBe(3);
    await h.call('history.redo', { engagementId, assessmentId });
    await h.call('history.redo', { engagementId, assessmentId });
    const step5 = await h.call('history.redo', { engagementId, assessmentId });
    expect(step5.redo).toBeNull();
    const after = await get();
    expect(after.ratings['M2.1']!.rationale).toBe('Replication factor 3 everywhere');
    expect(after.votes).toHaveLength(1);
    expect(after.evidence[0]!.links).toEqual([{ assessmentId, capabilityId: 'M2.1' }]);
    // Search follows undo: the rationale is findable again after redo.
    expect((await h.call('search.query', { engagementId, query: 'replication factor' })).some((x) => x.kind === 'rationale')).toBe(true);
  });

  it('a new change after an undo ends the redo history, and undo survives a restart', async () => {
    await h.call('assessment.rate', { ...ref('M1.1'), currentLevel: 1 });
    await h.call('assessment.rate', { ...ref('M1.1'), currentLevel: 2 });
    await h.call('history.undo', { engagementId, assessmentId });
    await h.call('assessment.rate', { ...ref('M1.1'), targetLevel: 5 });
    const state = await h.call('history.redo', { engagementId, assessmentId });
    expect(state.done).toBeNull();
    await h.restart();
    const undone = await h.call('history.undo', { engagementId, assessmentId });
    expect(undone.done).toBe('M1.1: target 5');
  });
});

describe('evidence', () => {
  it('stores a file inside the engagement once, returns it byte for byte, and finds a word inside it', async () => {
    const content = 'Kafka broker runbook\nThe zanzibar cluster runs replication factor 3.\n';
    const first = await h.call('evidence.add', {
      engagementId,
      title: 'Broker runbook',
      kind: 'document',
      sensitivity: 'confidential',
      file: { name: 'runbook.md', mime: 'text/markdown', dataBase64: b64(content) },
      links: [{ assessmentId, capabilityId: 'M2.1' }, { assessmentId, capabilityId: 'M8.3' }],
    });
    expect(first.attachment).toMatchObject({ fileName: 'runbook.md', size: Buffer.byteLength(content) });
    expect(first.links).toHaveLength(2);
    await h.call('evidence.add', {
      engagementId,
      title: 'Same runbook, again',
      kind: 'document',
      file: { name: 'copy.md', mime: 'text/markdown', dataBase64: b64(content) },
    });
    expect(countRows('attachment')).toBe(1);
    expect(countRows('evidence')).toBe(2);

    const file = await h.call('evidence.file', { engagementId, evidenceId: first.id });
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toBe(content);

    const hits = await h.call('search.query', { engagementId, query: 'zanzibar', assessmentId });
    const hit = hits.find((x) => x.refId === first.id)!;
    expect(hit).toMatchObject({ kind: 'evidence', capabilityId: 'M2.1', assessmentId });
    expect(hit.snippet).toContain(mark('zanzibar'));
  });

  it('refuses an empty file, a file over the limit and evidence without a title, storing nothing', async () => {
    await h.call('settings.update', { attachmentLimitMb: 1 });
    const empty = await h.fail('evidence.add', { engagementId, title: 'Empty', kind: 'document', file: { name: 'empty.txt', dataBase64: '' } });
    expect(empty.error.message).toContain('empty.txt is empty');
    const big = await h.fail('evidence.add', {
      engagementId,
      title: 'Too big',
      kind: 'document',
      file: { name: 'dump.csv', dataBase64: b64(Buffer.alloc(1024 * 1024 + 1, 65)) },
    });
    expect(big).toMatchObject({ status: 413, error: { code: 'too_large' } });
    expect(big.error.message).toContain('dump.csv is 1.0 MB; the limit is 1 MB');
    // Far over the limit, the request itself is refused before it is read whole.
    const huge = await h.fail('evidence.add', {
      engagementId,
      title: 'Much too big',
      kind: 'document',
      file: { name: 'dump.bin', dataBase64: b64(Buffer.alloc(8 * 1024 * 1024, 66)) },
    });
    expect(huge).toMatchObject({ status: 413, error: { code: 'too_large' } });
    expect(huge.error.message).toContain('larger than the limit of 1 MB');
    const untitled = await h.fail('evidence.add', { engagementId, title: ' ', kind: 'document' });
    expect(untitled.error.message).toContain('title: must not be empty');
    const badLink = await h.fail('evidence.add', { engagementId, title: 'Orphan', kind: 'document', links: [{ assessmentId, capabilityId: 'M9.9' }] });
    expect(badLink.error.message).toContain('links.0.capabilityId: M9.9 is not a capability');
    expect(countRows('evidence')).toBe(0);
    expect(countRows('attachment')).toBe(0);
  });

  it('refuses a link to a capability that does not exist', async () => {
    const ev = await h.call('evidence.add', { engagementId, title: 'Charter', kind: 'document' });
    const { error } = await h.fail('evidence.link', { ...ref('M4.12'), evidenceId: ev.id });
    expect(error.code).toBe('invalid_input');
    expect(countRows('evidence_link')).toBe(0);
  });

  it('judges evidence stale after its valid-until date and removes an orphaned file with its evidence', async () => {
    const old = await h.call('evidence.add', {
      engagementId,
      title: 'Last year DR test',
      kind: 'document',
      validUntil: '2026-06-30',
      file: { name: 'dr.txt', dataBase64: b64('restore took 9 hours') },
      links: [{ assessmentId, capabilityId: 'M8.6' }],
    });
    const fresh = await h.call('evidence.add', { engagementId, title: 'Q4 DR test', kind: 'metric', validUntil: '2027-06-30' });
    expect(old.stale).toBe(true);
    expect(fresh.stale).toBe(false);
    await h.call('evidence.remove', { engagementId, evidenceId: old.id });
    expect(countRows('attachment')).toBe(0);
    expect(countRows('evidence_link')).toBe(0);
    expect((await h.call('search.query', { engagementId, query: 'restore hours' })).filter((x) => x.kind === 'evidence')).toEqual([]);
  });
});

describe('search', () => {
  it('finds capability texts, rationales and action items, with highlighted snippets', async () => {
    await h.call('assessment.rate', { ...ref('M6.2'), rationale: 'Warehouse scans are billed per terabyte and nobody clusters tables' });
    await h.call('action.add', { ...ref('M6.2'), text: 'Cluster the orders fact table by order date', owner: 'Ben' });
    const cap = await h.call('search.query', { engagementId, query: 'dead-letter' });
    expect(cap[0]).toMatchObject({ kind: 'capability', capabilityId: 'M2.4' });
    const mixed = await h.call('search.query', { engagementId, query: 'cluster', assessmentId });
    expect(mixed.map((x) => x.kind)).toEqual(expect.arrayContaining(['rationale', 'action', 'capability']));
    const rationale = mixed.find((x) => x.kind === 'rationale')!;
    expect(rationale.snippet).toContain(mark('clusters'));
  });
});

describe('history and activity', () => {
  it('lists who changed a capability, when, from what to what; and the activity of the assessment', async () => {
    await h.call('settings.update', { displayName: 'Fran Facilitator' });
    await h.call('assessment.rate', { ...ref('M7.1'), currentLevel: 2 });
    await h.call('assessment.rate', { ...ref('M7.1'), currentLevel: 3 });
    await h.call('vote.cast', { ...ref('M4.4'), participantId: people[0]!.id, currentLevel: 2 });
    const history = await h.call('assessment.history', { engagementId, assessmentId, capabilityId: 'M7.1' });
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ actor: 'Fran Facilitator', command: 'assessment.rate' });
    expect(history[0]!.before).toMatchObject({ currentLevel: 2 });
    expect(history[0]!.after).toMatchObject({ currentLevel: 3 });
    const activity = await h.call('assessment.history', { engagementId, assessmentId });
    expect(activity.map((x) => x.command)).toEqual(['vote.cast', 'assessment.rate', 'assessment.rate']);
  });
});

describe('quarterly re-assessment', () => {
  it('starts from the previous agreed scores, marked carried over until confirmed, keeping evidence links', async () => {
    await h.call('assessment.rate', { ...ref('M1.1'), currentLevel: 2, targetLevel: 4, rationale: 'SLAs exist only for finance' });
    await h.call('assessment.rate', { ...ref('M5.8'), notApplicable: true });
    await h.call('action.add', { ...ref('M1.1'), text: 'Write SLA register' });
    const ev = await h.call('evidence.add', { engagementId, title: 'SLA register', kind: 'document', links: [{ assessmentId, capabilityId: 'M1.1' }] });
    const next = await h.call('assessment.create', { engagementId, label: '2027 Q1', date: '2027-02-15', fromAssessmentId: assessmentId });
    expect(next.previousAssessmentId).toBe(assessmentId);
    const detail = await h.call('assessment.get', { engagementId, assessmentId: next.id });
    expect(detail.ratings['M1.1']).toMatchObject({ currentLevel: 2, targetLevel: 4, carriedOver: true });
    expect(detail.ratings['M5.8']).toMatchObject({ notApplicable: true, carriedOver: true });
    expect(detail.previous).toMatchObject({ label: '2026 Q4' });
    expect(detail.previous!.ratings['M1.1']).toMatchObject({ currentLevel: 2, rationale: 'SLAs exist only for finance' });
    expect(detail.evidence.find((e) => e.id === ev.id)!.links).toContainEqual({ assessmentId: next.id, capabilityId: 'M1.1' });
    expect(detail.actions.map((a) => a.text)).toEqual(['Write SLA register']);

    const confirmed = await h.call('assessment.rate', { engagementId, assessmentId: next.id, capabilityId: 'M1.1', confirm: true });
    expect(confirmed).toMatchObject({ currentLevel: 2, carriedOver: false });
    const rescored = await h.call('assessment.rate', { engagementId, assessmentId: next.id, capabilityId: 'M5.8', currentLevel: 3 });
    expect(rescored).toMatchObject({ carriedOver: false, notApplicable: false });
    // The earlier assessment is untouched.
    expect((await h.call('assessment.get', { engagementId, assessmentId })).ratings['M5.8']).toMatchObject({ notApplicable: true, carriedOver: false });
  });
});

describe('workshop sessions', () => {
  it('records a session and pushes the facilitator focus to every window', async () => {
    const s = await h.call('workshop.start', {
      engagementId,
      assessmentId,
      heldOn: '2026-11-25',
      modules: ['M3', 'M2'],
      participantIds: people.map((p) => p.id),
      minutes: 240,
    });
    expect(s.modules).toEqual(['M2', 'M3']);
    // Two windows: the facilitator's and the projector's.
    const windows = [await openEvents(h), await openEvents(h)];
    await h.call('workshop.focus', { engagementId, sessionId: s.id, capabilityId: 'M2.3' });
    await h.call('workshop.focus', { engagementId, sessionId: s.id, capabilityId: 'M2.4' });
    const back = await h.call('workshop.focus', { engagementId, sessionId: s.id, capabilityId: 'M2.3' });
    expect(back.discussed).toEqual(['M2.3', 'M2.4']);
    for (const w of windows) {
      const focus = (events: EngineEvent[]) => events.filter((e) => e.type === 'changed' && e.command === 'workshop.focus');
      const seen = focus(await w.next((events) => focus(events).length >= 3));
      expect(seen.map((e) => (e.type === 'changed' ? [e.engagementId, e.assessmentId, e.capabilityId, e.tables] : null))).toEqual([
        [engagementId, assessmentId, 'M2.3', ['workshop_session']],
        [engagementId, assessmentId, 'M2.4', ['workshop_session']],
        [engagementId, assessmentId, 'M2.3', ['workshop_session']],
      ]);
      w.close();
    }
    const detail = await h.call('assessment.get', { engagementId, assessmentId });
    expect(detail.sessions[0]).toMatchObject({ focusCapabilityId: 'M2.3', participantIds: people.map((p) => p.id), minutes: 240, discussed: ['M2.3', 'M2.4'] });
    const ended = await h.call('workshop.end', { engagementId, sessionId: s.id });
    expect(ended.endedAt).not.toBeNull();
    expect((await h.fail('workshop.focus', { engagementId, sessionId: s.id, capabilityId: 'M2.4' })).error.code).toBe('conflict');
  });

  it('refuses modules outside the scope and absent participants', async () => {
    const narrow = await h.call('assessment.create', { engagementId, label: 'Narrow', date: '2026-12-01', scope: ['M1'] });
    const e1 = await h.fail('workshop.start', { engagementId, assessmentId: narrow.id, heldOn: '2026-12-01', modules: ['M2'], minutes: 60 });
    expect(e1.error.message).toContain('M2 is outside the scope');
    const e2 = await h.fail('workshop.start', { engagementId, assessmentId, heldOn: '2026-12-01', modules: ['M1'], participantIds: ['a'.repeat(32)], minutes: 60 });
    expect(e2.error.message).toContain('is not a participant');
    expect(countRows('workshop_session')).toBe(0);
  });
});
