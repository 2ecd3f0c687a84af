/** The workshop room through the HTTP transport: attendance during a session, blind voting, and the median's level. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;
let assessmentId: string;
let people: { id: string; name: string }[];

beforeEach(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  engagementId = (await h.call('engagement.create', { client: 'Northwind' })).id;
  people = [];
  for (const name of ['Ana', 'Ben', 'Chloe', 'Dev']) people.push(await h.call('participant.add', { engagementId, name }));
  assessmentId = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
});
afterEach(async () => {
  await h.stop();
});

const ref = (capabilityId: string) => ({ engagementId, assessmentId, capabilityId });
const start = (participantIds: string[], blind?: boolean) =>
  h.call('workshop.start', { engagementId, assessmentId, heldOn: '2026-11-25', modules: ['M1', 'M2'], participantIds, minutes: 120, ...(blind === undefined ? {} : { blind }) });

describe('attendance during a session', () => {
  it('a late arrival joins the session and a leaver drops out; the change is kept and audited by name', async () => {
    const [ana, ben, chloe] = people;
    const s = await start([ana!.id, ben!.id]);
    expect(s.participantIds).toEqual([ana!.id, ben!.id]);
    const later = await h.call('workshop.update', { engagementId, sessionId: s.id, participantIds: [ana!.id, ben!.id, chloe!.id] });
    expect(later.participantIds).toEqual([ana!.id, ben!.id, chloe!.id]);
    await h.call('workshop.update', { engagementId, sessionId: s.id, participantIds: [ben!.id, chloe!.id] });
    await h.restart();
    const detail = await h.call('assessment.get', { engagementId, assessmentId });
    expect(detail.sessions[0]!.participantIds).toEqual([ben!.id, chloe!.id]);
    const activity = await h.call('assessment.history', { engagementId, assessmentId });
    const changes = activity.filter((e) => e.command === 'workshop.update').map((e) => [e.before, e.after]);
    // Newest first: Ana left, after Chloe arrived.
    expect(changes).toEqual([
      [
        { present: ['Ana', 'Ben', 'Chloe'], blind: false },
        { present: ['Ben', 'Chloe'], blind: false },
      ],
      [
        { present: ['Ana', 'Ben'], blind: false },
        { present: ['Ana', 'Ben', 'Chloe'], blind: false },
      ],
    ]);
  });

  it('refuses someone who is not a participant, and a session that has ended, changing nothing', async () => {
    const s = await start([people[0]!.id]);
    const bad = await h.fail('workshop.update', { engagementId, sessionId: s.id, participantIds: [people[1]!.id, 'f'.repeat(32)] });
    expect(bad.status).toBe(400);
    expect(bad.error.message).toContain('participantIds.1');
    expect(bad.error.message).toContain('is not a participant');
    await h.call('workshop.end', { engagementId, sessionId: s.id });
    const ended = await h.fail('workshop.update', { engagementId, sessionId: s.id, participantIds: [people[1]!.id] });
    expect(ended.error.code).toBe('conflict');
    expect(ended.error.message).toContain('has ended');
    const detail = await h.call('assessment.get', { engagementId, assessmentId });
    expect(detail.sessions[0]!.participantIds).toEqual([people[0]!.id]);
  });
});

describe('blind voting', () => {
  it('a session started blind keeps votes hidden until a capability is revealed; hiding again starts a new round', async () => {
    const s = await start(people.map((p) => p.id), true);
    expect(s).toMatchObject({ blind: true, revealed: [] });
    const shown = await h.call('workshop.reveal', { engagementId, sessionId: s.id, capabilityId: 'M2.1' });
    expect(shown.revealed).toEqual(['M2.1']);
    await h.call('workshop.reveal', { engagementId, sessionId: s.id, capabilityId: 'M1.4' });
    const hidden = await h.call('workshop.reveal', { engagementId, sessionId: s.id, capabilityId: 'M2.1', revealed: false });
    expect(hidden.revealed).toEqual(['M1.4']);
    await h.restart();
    expect((await h.call('assessment.get', { engagementId, assessmentId })).sessions[0]).toMatchObject({ blind: true, revealed: ['M1.4'] });
  });

  it('blind voting can be switched on during a session, and a session started without it is open', async () => {
    const s = await start([]);
    expect(s.blind).toBe(false);
    expect((await h.call('workshop.update', { engagementId, sessionId: s.id, blind: true })).blind).toBe(true);
    expect((await h.call('assessment.get', { engagementId, assessmentId })).sessions[0]!.blind).toBe(true);
  });

  it('refuses to reveal a capability outside the scope, or in a session that has ended', async () => {
    const narrow = await h.call('assessment.create', { engagementId, label: 'Narrow', date: '2026-12-01', scope: ['M1'] });
    const s = await h.call('workshop.start', { engagementId, assessmentId: narrow.id, heldOn: '2026-12-01', modules: ['M1'], minutes: 60, blind: true });
    expect((await h.fail('workshop.reveal', { engagementId, sessionId: s.id, capabilityId: 'M4.2' })).error.message).toContain('outside the scope');
    await h.call('workshop.end', { engagementId, sessionId: s.id });
    expect((await h.fail('workshop.reveal', { engagementId, sessionId: s.id, capabilityId: 'M1.2' })).error.code).toBe('conflict');
  });
});

describe('accepting a median between two levels', () => {
  /** Ana 2, Ben 2, Chloe 3, Dev 3: median 2.5. Targets 3, 4: median 3.5. */
  async function halfVotes() {
    const levels = [2, 2, 3, 3];
    const targets = [3, 3, 4, 4];
    for (const [i, p] of people.entries()) await h.call('vote.cast', { ...ref('M2.1'), participantId: p.id, currentLevel: levels[i]!, targetLevel: targets[i]! });
  }

  it('reads it downwards by default, and agrees the level above when it is chosen, for current and target alike', async () => {
    await halfVotes();
    expect(await h.call('assessment.acceptMedian', ref('M2.1'))).toMatchObject({ currentLevel: 2, targetLevel: 3 });
    expect(await h.call('assessment.acceptMedian', { ...ref('M2.1'), currentLevel: 3, targetLevel: 4 })).toMatchObject({ currentLevel: 3, targetLevel: 4 });
    expect(await h.call('assessment.acceptMedian', { ...ref('M2.1'), currentLevel: 2 })).toMatchObject({ currentLevel: 2, targetLevel: 3 });
    const undone = await h.call('history.undo', { engagementId, assessmentId });
    expect(undone.capabilityId).toBe('M2.1');
    expect((await h.call('assessment.get', { engagementId, assessmentId })).ratings['M2.1']).toMatchObject({ currentLevel: 3, targetLevel: 4 });
  });

  it('refuses a level that is not next to the median, naming the levels to choose from, and changes nothing', async () => {
    await halfVotes();
    const far = await h.fail('assessment.acceptMedian', { ...ref('M2.1'), currentLevel: 4 });
    expect(far.status).toBe(400);
    expect(far.error.message).toBe('currentLevel: the median of the votes is 2.5; choose 2 or 3, not 4.');
    const target = await h.fail('assessment.acceptMedian', { ...ref('M2.1'), targetLevel: 2 });
    expect(target.error.message).toBe('targetLevel: the median of the target votes is 3.5; choose 3 or 4, not 2.');
    expect((await h.call('assessment.get', { engagementId, assessmentId })).ratings['M2.1']).toBeUndefined();
  });

  it('a whole median can only be agreed as itself; a target without target votes is refused', async () => {
    for (const [i, p] of people.slice(0, 3).entries()) await h.call('vote.cast', { ...ref('M1.1'), participantId: p.id, currentLevel: [1, 3, 4][i]! });
    expect((await h.fail('assessment.acceptMedian', { ...ref('M1.1'), currentLevel: 4 })).error.message).toBe(
      'currentLevel: the median of the votes is 3; it can only be agreed as 3, not 4.',
    );
    expect((await h.fail('assessment.acceptMedian', { ...ref('M1.1'), targetLevel: 4 })).error.message).toContain('there are no target votes yet');
    expect(await h.call('assessment.acceptMedian', { ...ref('M1.1'), currentLevel: 3 })).toMatchObject({ currentLevel: 3, targetLevel: null });
  });
});
