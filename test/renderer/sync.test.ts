import { describe, expect, it } from 'vitest';
import { applySlice, WriteQueue } from '../../renderer/src/stores/sync';
import { action, ASSESSMENT, deferred, evidence, rating, session, slice, testDetail, vote } from './fixtures';

/** A cache of a list of words, with the pending counts the queue reported. */
function cache(initial: string[] | null = []) {
  let value = initial;
  const pending: number[] = [];
  const queue = new WriteQueue<string[]>({
    get: () => value,
    set: (d) => {
      value = d;
    },
    pending: (n) => pending.push(n),
  });
  return { queue, pending, value: () => value };
}

describe('WriteQueue', () => {
  it('sends edits one at a time in the order they were made, even when the first is slow', async () => {
    const { queue } = cache();
    const sent: string[] = [];
    const slow = deferred<string>();
    const first = queue.run(() => {
      sent.push('first');
      return slow.promise;
    });
    const second = queue.run(async () => {
      sent.push('second');
      return 'second done';
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual(['first']);
    slow.resolve('first done');
    expect(await first).toBe('first done');
    expect(await second).toBe('second done');
    expect(sent).toEqual(['first', 'second']);
  });

  it('shows an optimistic change at once, before the engine answers', async () => {
    const { queue, value } = cache(['a']);
    const answer = deferred<string>();
    const edit = queue.run(() => answer.promise, { optimistic: (d) => [...d, 'b'] });
    expect(value()).toEqual(['a', 'b']);
    expect(queue.pending).toBe(1);
    answer.resolve('ok');
    await edit;
    expect(value()).toEqual(['a', 'b']);
    expect(queue.pending).toBe(0);
  });

  it('reconciles with the answer only when no other edit is on its way', async () => {
    const { queue, value, pending } = cache([]);
    const one = deferred<string>();
    const two = deferred<string>();
    const first = queue.run(() => one.promise, { optimistic: (d) => [...d, 'one?'], reconcile: (d, r) => [...d, `reconciled ${r}`] });
    const second = queue.run(() => two.promise, { optimistic: (d) => [...d, 'two?'], reconcile: (d, r) => [...d, `reconciled ${r}`] });
    one.resolve('one');
    await first;
    // The second edit is still on its way: the first answer is not applied over the second's optimistic state.
    expect(value()).toEqual(['one?', 'two?']);
    two.resolve('two');
    await second;
    expect(value()).toEqual(['one?', 'two?', 'reconciled two']);
    expect(pending).toEqual([1, 2, 1, 0]);
  });

  it('rejects a failed edit with its error and stays usable for the next', async () => {
    const { queue, value } = cache([]);
    const failing = queue.run(() => Promise.reject(new Error('Level must be 1 to 5')), { optimistic: (d) => [...d, 'bad'] });
    const next = queue.run(async () => 'fine', { reconcile: (d, r) => [...d, r] });
    await expect(failing).rejects.toThrow('Level must be 1 to 5');
    expect(await next).toBe('fine');
    expect(queue.pending).toBe(0);
    // The optimistic state of the failed edit stays until the store re-reads; the next edit went through.
    expect(value()).toEqual(['bad', 'fine']);
  });

  it('refuses a re-read that started before a local change, or while an edit is on its way', async () => {
    const { queue } = cache([]);
    const quiet = queue.version;
    expect(queue.canApply(quiet)).toBe(true);

    const answer = deferred<string>();
    const edit = queue.run(() => answer.promise, { optimistic: (d) => [...d, 'x'] });
    expect(queue.canApply(quiet)).toBe(false);
    const duringEdit = queue.version;
    expect(queue.canApply(duringEdit)).toBe(false);
    answer.resolve('done');
    await edit;
    // The edit is answered: a read started before the optimistic change is still refused, a read started after it is not.
    expect(queue.canApply(quiet)).toBe(false);
    expect(queue.canApply(duringEdit)).toBe(true);
  });

  it('leaves an empty cache alone: nothing optimistic without something to change', async () => {
    const { queue, value } = cache(null);
    await queue.run(async () => 'x', { optimistic: (d) => [...d, 'y'], reconcile: (d, r) => [...d, r] });
    expect(value()).toBeNull();
  });
});

describe('applySlice', () => {
  const before = () =>
    testDetail({
      ratings: { 'M1.1': rating('M1.1', { currentLevel: 2 }), 'M1.2': rating('M1.2', { currentLevel: 3 }) },
      votes: [vote('M1.1', 'p1', 2), vote('M1.1', 'p2', 3), vote('M1.2', 'p1', 3)],
      actions: [action('a1', 'M1.1'), action('a2', 'M1.2')],
      evidence: [
        evidence('only-here', ['M1.1']),
        evidence('shared', ['M1.1', 'M1.2']),
        evidence('other-assessment', ['M1.1', ['asm-2', 'M1.1']]),
        evidence('elsewhere', ['M1.2']),
      ],
    });

  it("replaces one capability's rating, votes and actions, and takes sessions and undo from the slice", () => {
    const d = before();
    const fresh = slice('M1.1', {
      rating: rating('M1.1', { currentLevel: 4 }),
      votes: [vote('M1.1', 'p1', 4)],
      actions: [action('a3', 'M1.1')],
      evidence: [evidence('only-here', ['M1.1']), evidence('shared', ['M1.1', 'M1.2']), evidence('other-assessment', ['M1.1', ['asm-2', 'M1.1']])],
      sessions: [session()],
      undo: { undo: 'M1.1: score 4', redo: null },
    });
    const after = applySlice(d, fresh);
    expect(after.ratings['M1.1']?.currentLevel).toBe(4);
    expect(after.votes.filter((v) => v.capabilityId === 'M1.1').map((v) => [v.participantId, v.currentLevel])).toEqual([['p1', 4]]);
    expect(after.actions.map((a) => a.id).sort()).toEqual(['a2', 'a3']);
    expect(after.sessions).toEqual([session()]);
    expect(after.undo).toEqual({ undo: 'M1.1: score 4', redo: null });
    // The input is not changed.
    expect(d.ratings['M1.1']?.currentLevel).toBe(2);
  });

  it("keeps the identity of other capabilities' rating, votes, actions and evidence", () => {
    const d = before();
    const after = applySlice(d, slice('M1.1', { rating: rating('M1.1', { currentLevel: 4 }) }));
    expect(after.ratings['M1.2']).toBe(d.ratings['M1.2']);
    const m12votes = d.votes.filter((v) => v.capabilityId === 'M1.2');
    expect(after.votes.filter((v) => v.capabilityId === 'M1.2')).toEqual(m12votes);
    after.votes.filter((v) => v.capabilityId === 'M1.2').forEach((v, i) => expect(v).toBe(m12votes[i]));
    expect(after.actions.find((a) => a.id === 'a2')).toBe(d.actions.find((a) => a.id === 'a2'));
    expect(after.evidence.find((e) => e.id === 'elsewhere')).toBe(d.evidence.find((e) => e.id === 'elsewhere'));
    expect(after.assessment).toBe(d.assessment);
  });

  it('removes the rating when the slice has none (a first score undone)', () => {
    const after = applySlice(before(), slice('M1.1', { rating: null }));
    expect('M1.1' in after.ratings).toBe(false);
    expect(after.ratings['M1.2']?.currentLevel).toBe(3);
  });

  it('drops evidence unlinked from the capability unless another capability of this assessment still links it', () => {
    // The slice of M1.1 lists no evidence: all three of its items were unlinked from it.
    const after = applySlice(before(), slice('M1.1'));
    const ids = after.evidence.map((e) => e.id);
    expect(ids).not.toContain('only-here');
    // Linked to another assessment only: not part of this assessment's detail any more.
    expect(ids).not.toContain('other-assessment');
    // Still linked to M1.2 here: stays, with the M1.1 link gone.
    expect(after.evidence.find((e) => e.id === 'shared')?.links).toEqual([{ assessmentId: ASSESSMENT, capabilityId: 'M1.2' }]);
    expect(ids).toContain('elsewhere');
  });

  it('adds evidence newly linked to the capability and updates evidence it lists', () => {
    const renamed = evidence('shared', ['M1.1', 'M1.2'], { title: 'Renamed runbook' });
    const added = evidence('new', ['M1.1']);
    const after = applySlice(before(), slice('M1.1', { evidence: [renamed, added, evidence('only-here', ['M1.1']), evidence('other-assessment', ['M1.1', ['asm-2', 'M1.1']])] }));
    expect(after.evidence.find((e) => e.id === 'shared')?.title).toBe('Renamed runbook');
    expect(after.evidence.map((e) => e.id).sort()).toEqual(['elsewhere', 'new', 'only-here', 'other-assessment', 'shared']);
  });
});
