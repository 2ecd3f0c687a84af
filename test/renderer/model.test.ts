/** What the workspace derives from an assessment, worked out by hand on the two-module test framework. */
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  initials,
  levelSummary,
  matchesFilter,
  nextUnscored,
  step,
  visibleRows,
  voters,
  type FilterId,
} from '../../renderer/src/workspace/model';
import { evidence, participant, rating, session, testDetail, testFramework, vote } from './fixtures';

const framework = testFramework();
const ids = (rows: readonly { capability: { id: string } }[]) => rows.map((r) => r.capability.id);

describe('buildModel', () => {
  it('lists the capabilities of the modules in scope, in framework order, with progress', () => {
    const detail = testDetail({
      assessment: { ...testDetail().assessment, scope: ['M2'] },
      ratings: { 'M1.1': rating('M1.1', { currentLevel: 3 }), 'M2.2': rating('M2.2', { notApplicable: true }) },
    });
    const model = buildModel(framework, detail);
    expect(model.modules.map((g) => g.module.id)).toEqual(['M2']);
    expect(ids(model.rows)).toEqual(['M2.1', 'M2.2']);
    // M1.1 is scored but out of scope; N/A counts as a decision, so M2.2 is scored.
    expect(model.progress).toEqual({ scored: 1, inScope: 2, toConfirm: 0 });
    expect(model.byId.get('M2.2')?.capability.moduleId).toBe('M2');
  });

  it('derives each row: votes, consensus, linked evidence, staleness, gap and change since the previous assessment', () => {
    const detail = testDetail({
      ratings: { 'M1.1': rating('M1.1', { currentLevel: 2, targetLevel: 4 }) },
      votes: [vote('M1.1', 'p1', 1), vote('M1.1', 'p2', 2), vote('M1.1', 'p3', 4)],
      evidence: [evidence('old', ['M1.1'], { stale: true }), evidence('fresh', ['M1.2']), evidence('other', [['asm-2', 'M1.1']])],
      previous: { id: 'asm-0', label: '2025 Q4', date: '2025-10-01', ratings: { 'M1.1': { currentLevel: 3, targetLevel: 4, notApplicable: false, rationale: '' } } },
    });
    const row = buildModel(framework, detail).byId.get('M1.1')!;
    expect(row.votes).toHaveLength(3);
    // Votes 1, 2, 4: median 2, spread 3, so the room disagrees; 4 is two from the median.
    expect(row.consensus).toMatchObject({ median: 2, spread: 3, disagreement: true, outliers: ['p3'] });
    expect(row.evidence.map((e) => e.id)).toEqual(['old']);
    expect(row.staleEvidence).toBe(true);
    expect(row.gap).toBe(2);
    expect(row.change).toBe(-1);
    expect(row.scored).toBe(true);
  });

  it('keeps the very row objects of capabilities that did not change', () => {
    const first = testDetail({
      ratings: { 'M1.1': rating('M1.1', { currentLevel: 2 }), 'M1.2': rating('M1.2', { currentLevel: 3 }) },
      votes: [vote('M2.1', 'p1', 3)],
      evidence: [evidence('e1', ['M2.2'])],
    });
    const before = buildModel(framework, first);
    // A new rating for M1.1 and a new vote on M2.1; everything else is the same objects.
    const second = { ...first, ratings: { ...first.ratings, 'M1.1': rating('M1.1', { currentLevel: 4 }) }, votes: [...first.votes, vote('M2.1', 'p2', 4)] };
    const after = buildModel(framework, second, before);
    expect(after.byId.get('M1.1')).not.toBe(before.byId.get('M1.1'));
    expect(after.byId.get('M1.1')?.rating?.currentLevel).toBe(4);
    expect(after.byId.get('M2.1')).not.toBe(before.byId.get('M2.1'));
    expect(after.byId.get('M2.1')?.votes).toHaveLength(2);
    for (const id of ['M1.2', 'M1.3', 'M2.2']) expect(after.byId.get(id)).toBe(before.byId.get(id));
    // Without a previous model every row is new.
    expect(buildModel(framework, second).byId.get('M1.2')).not.toBe(before.byId.get('M1.2'));
  });
});

describe('filters', () => {
  const detail = testDetail({
    ratings: {
      'M1.1': rating('M1.1', { currentLevel: 1, targetLevel: 3, priority: 5 }),
      'M1.2': rating('M1.2', { currentLevel: 3, targetLevel: 4, priority: 3 }),
      'M2.1': rating('M2.1', { notApplicable: true, priority: 4 }),
    },
    votes: [vote('M1.3', 'p1', 1), vote('M1.3', 'p2', 3), vote('M1.2', 'p1', 3), vote('M1.2', 'p2', 4)],
    evidence: [evidence('stale', ['M2.2'], { stale: true }), evidence('stale-and-fresh', ['M1.2'], { stale: true }), evidence('fresh', ['M1.2'])],
  });
  const model = buildModel(framework, detail);
  const shown = (filter: FilterId, moduleId: string | null = null) => ids(visibleRows(model, filter, moduleId));

  it('each filter lists what its name says', () => {
    expect(shown('all')).toEqual(['M1.1', 'M1.2', 'M1.3', 'M2.1', 'M2.2']);
    expect(shown('unscored')).toEqual(['M1.3', 'M2.2']);
    // Votes 1 and 3 are two levels apart; 3 and 4 are one.
    expect(shown('disagreement')).toEqual(['M1.3']);
    // One stale item is enough, fresh ones beside it or not; each row counts its stale items.
    expect(shown('stale')).toEqual(['M1.2', 'M2.2']);
    expect([model.byId.get('M1.2')!.staleCount, model.byId.get('M2.2')!.staleCount, model.byId.get('M1.1')!.staleCount]).toEqual([1, 1, 0]);
    // Priority 4 or 5 is high, N/A or not.
    expect(shown('priority')).toEqual(['M1.1', 'M2.1']);
    // Gap 1 → 3 is two levels; 3 → 4 is one.
    expect(shown('gap')).toEqual(['M1.1']);
  });

  it('a module narrows the list, and the filter applies within it', () => {
    expect(shown('all', 'M2')).toEqual(['M2.1', 'M2.2']);
    expect(shown('unscored', 'M2')).toEqual(['M2.2']);
    expect(matchesFilter(model.byId.get('M2.2')!, 'unscored')).toBe(true);
  });
});

describe('carried-over scores', () => {
  const detail = testDetail({
    ratings: {
      'M1.1': rating('M1.1', { currentLevel: 2, carriedOver: true }),
      'M1.2': rating('M1.2', { notApplicable: true, carriedOver: true }),
      'M1.3': rating('M1.3', { currentLevel: 4 }),
    },
  });
  const model = buildModel(framework, detail);

  it('are not scored until confirmed: progress counts them apart, a filter lists them, U visits them', () => {
    // Five capabilities in scope: M1.3 is scored; M1.1 and M1.2 wait for confirmation.
    expect(model.progress).toEqual({ scored: 1, inScope: 5, toConfirm: 2 });
    expect(model.modules.map((g) => g.progress)).toEqual([
      { scored: 1, inScope: 3, toConfirm: 2 },
      { scored: 0, inScope: 2, toConfirm: 0 },
    ]);
    expect(ids(visibleRows(model, 'confirm', null))).toEqual(['M1.1', 'M1.2']);
    expect(ids(visibleRows(model, 'unscored', null))).toEqual(['M1.1', 'M1.2', 'M2.1', 'M2.2']);
    expect(nextUnscored(model, undefined)).toBe('M1.1');
    expect(nextUnscored(model, 'M1.1')).toBe('M1.2');
  });
});

describe('moving through the list', () => {
  const detail = testDetail({ ratings: { 'M1.1': rating('M1.1', { currentLevel: 2 }), 'M2.1': rating('M2.1', { currentLevel: 3 }) } });
  const model = buildModel(framework, detail);
  const unscored = visibleRows(model, 'unscored', null); // M1.2, M1.3, M2.2

  it('step goes to the next or previous row of the list, and stops at its ends', () => {
    expect(step(model, model.rows, 'M1.2', 1)).toBe('M1.3');
    expect(step(model, model.rows, 'M1.3', 1)).toBe('M2.1');
    expect(step(model, model.rows, 'M2.1', -1)).toBe('M1.3');
    expect(step(model, model.rows, 'M2.2', 1)).toBeNull();
    expect(step(model, model.rows, 'M1.1', -1)).toBeNull();
  });

  it('step from a capability the filter hides goes on from where it sits in the framework', () => {
    // M2.1 is scored, so not in the unscored list: next is M2.2, previous is M1.3.
    expect(step(model, unscored, 'M2.1', 1)).toBe('M2.2');
    expect(step(model, unscored, 'M2.1', -1)).toBe('M1.3');
  });

  it('step without a current capability starts at the first (or last) row, and an empty list goes nowhere', () => {
    expect(step(model, unscored, undefined, 1)).toBe('M1.2');
    expect(step(model, unscored, undefined, -1)).toBe('M2.2');
    expect(step(model, [], 'M1.1', 1)).toBeNull();
  });

  it('nextUnscored looks after the current capability and wraps round to the start', () => {
    expect(nextUnscored(model, 'M1.1')).toBe('M1.2');
    expect(nextUnscored(model, 'M1.3')).toBe('M2.2');
    expect(nextUnscored(model, 'M2.2')).toBe('M1.2');
    expect(nextUnscored(model, undefined)).toBe('M1.2');
    const done = buildModel(framework, testDetail({ ratings: Object.fromEntries(ids(model.rows).map((id) => [id, rating(id, { currentLevel: 1 })])) }));
    expect(nextUnscored(done, 'M1.1')).toBeNull();
  });
});

describe('people and labels', () => {
  const people = [participant('p1', 'Ana Lopez'), participant('p2', 'Ben Okafor'), participant('p3', 'Chen Wei')];

  it('voters are the people present in the running session, in engagement order, else everyone', () => {
    expect(voters(people, session({ participantIds: ['p3', 'p1'] })).map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(voters(people, session({ participantIds: [] })).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(voters(people, null).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('someone who left is never called to vote, present or not', () => {
    const withFormer = [people[0]!, participant('p2', 'Ben Okafor', { leftAt: '2026-01-02T10:00:00.000Z' }), people[2]!];
    expect(voters(withFormer, null).map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(voters(withFormer, session({ participantIds: ['p1', 'p2'] })).map((p) => p.id)).toEqual(['p1']);
  });

  it('initials take the first and last names, or the first two letters of a single name', () => {
    expect(initials('Ana Lopez')).toBe('AL');
    expect(initials('  maria  de la  cruz ')).toBe('MC');
    expect(initials('Cher')).toBe('CH');
    expect(initials('')).toBe('?');
  });

  it('levelSummary shows the agreed level, the target after an arrow, N/A, or a dash', () => {
    expect(levelSummary(undefined)).toBe('—');
    expect(levelSummary(rating('M1.1', { notApplicable: true }))).toBe('N/A');
    expect(levelSummary(rating('M1.1', { currentLevel: 3 }))).toBe('3');
    expect(levelSummary(rating('M1.1', { currentLevel: 3, targetLevel: 4 }))).toBe('3→4');
    expect(levelSummary(rating('M1.1', { targetLevel: 4 }))).toBe('–→4');
  });
});
