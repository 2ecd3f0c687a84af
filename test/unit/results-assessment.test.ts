/**
 * The results of one assessment, on a tiny hand-made framework and on the built-in one. Every
 * expectation is written as the arithmetic a reader can check.
 */
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/domain';
import { defaultFramework } from '../../shared/framework';
import { assessmentResults, type RatingInput, type ResultsFramework, type ResultsInput } from '../../shared/results';

const fw: ResultsFramework = {
  id: 'tiny',
  version: '1.0.0',
  modules: [
    { id: 'M1', name: 'One', capabilities: [{ id: 'M1.1', name: 'A one' }, { id: 'M1.2', name: 'A two' }, { id: 'M1.3', name: 'A three' }] },
    { id: 'M2', name: 'Two', capabilities: [{ id: 'M2.1', name: 'B one' }, { id: 'M2.2', name: 'B two' }, { id: 'M2.3', name: 'B three' }] },
    { id: 'M3', name: 'Three', capabilities: [{ id: 'M3.1', name: 'C one' }, { id: 'M3.2', name: 'C two' }] },
  ],
};

const r = (currentLevel: number | null, targetLevel: number | null, more: Partial<RatingInput> = {}): RatingInput => ({
  currentLevel,
  targetLevel,
  notApplicable: false,
  confidence: null,
  priority: null,
  carriedOver: false,
  ...more,
});
const vote = (capabilityId: string, participantId: string, currentLevel: number) => ({ capabilityId, participantId, currentLevel });
const action = (id: string, owner: string, status: ActionItem['status']): ActionItem => ({ id, capabilityId: 'M1.1', text: id, owner, dueDate: null, status });

const input: ResultsInput = {
  framework: fw,
  assessment: { id: 'a2', label: 'Q2 2026', date: '2026-04-15', scope: ['M1', 'M2', 'M3'] },
  ratings: {
    'M1.1': r(2, 4, { confidence: 'high', priority: 5 }),
    'M1.2': r(3, 3),
    'M1.3': r(4, null, { carriedOver: true, fromPrevious: true }), // unconfirmed, still counts
    'M2.1': r(3, 5, { notApplicable: true }), // levels left behind on an N/A rating never count
    // M2.2: never touched
    'M2.3': r(1, 3, { fromPrevious: true }), // carried over and confirmed
    // M3.1: never touched
    'M3.2': r(null, 4), // a target alone is not a score
  },
  votes: [
    vote('M1.1', 'a', 1),
    vote('M1.1', 'b', 2),
    vote('M1.1', 'c', 2),
    vote('M1.1', 'd', 4),
    vote('M1.2', 'a', 4),
    vote('M1.2', 'b', 5),
    vote('M3.1', 'a', 1),
    vote('M3.1', 'b', 3),
  ],
  evidence: { 'M1.1': { count: 2, stale: 1 }, 'M1.2': { count: 0, stale: 0 }, 'M2.3': { count: 1, stale: 0 }, 'M3.1': { count: 1, stale: 1 } },
  actions: [action('x1', 'Zoe', 'open'), action('x2', '', 'done'), action('x3', ' Ann ', 'in_progress'), action('x4', 'Ann', 'open'), action('x5', 'zed', 'done'), action('x6', '  ', 'open')],
  participants: [
    { id: 'a', name: 'Ann' },
    { id: 'd', name: 'Dee' },
  ],
};

const res = assessmentResults(input);
const mod = (id: string) => res.modules.find((m) => m.moduleId === id)!;
const cap = (id: string) => res.capabilities.find((c) => c.capabilityId === id)!;

describe('module means and counts', () => {
  it('lists the modules in scope in framework order', () => {
    expect(res.modules.map((m) => m.moduleId)).toEqual(['M1', 'M2', 'M3']);
  });

  it('averages scored capabilities, unconfirmed carried-over scores included', () => {
    const m = mod('M1');
    expect(m.meanCurrent).toBe((2 + 3 + 4) / 3);
    expect(m.meanTarget).toBe((4 + 3) / 2); // M1.3 has no target
    expect(m.meanGap).toBe((4 - 2 + (3 - 3)) / 2); // over capabilities with both levels, not meanTarget - meanCurrent
    expect(m).toMatchObject({ scored: 3, notApplicable: 0, unscored: 0, carriedOver: 1, unconfirmed: 1, total: 3 });
  });

  it('excludes not-applicable and unscored capabilities from means and counts them instead', () => {
    const m = mod('M2');
    expect(m.meanCurrent).toBe(1);
    expect(m.meanTarget).toBe(3);
    expect(m.meanGap).toBe(3 - 1);
    expect(m).toMatchObject({ scored: 1, notApplicable: 1, unscored: 1, carriedOver: 1, unconfirmed: 0, total: 3 });
  });

  it('has null means, never 0, for a module with no scores', () => {
    expect(mod('M3')).toMatchObject({ meanCurrent: null, meanTarget: null, meanGap: null, scored: 0, notApplicable: 0, unscored: 2, total: 2, evidenceCoverage: null });
  });

  it('adds up the whole assessment the same way', () => {
    expect(res.overall.meanCurrent).toBe((2 + 3 + 4 + 1) / 4);
    expect(res.overall.meanTarget).toBe((4 + 3 + 3) / 3);
    expect(res.overall.meanGap).toBe((2 + 0 + 2) / 3);
    expect(res.overall).toMatchObject({ scored: 4, notApplicable: 1, unscored: 3, unconfirmed: 1, carriedOver: 2, total: 8 });
  });

  it('computes evidence coverage over scored capabilities', () => {
    expect(mod('M1').evidenceCoverage).toBe(1 / 3); // only M1.1 of M1.1-M1.3 has evidence
    expect(mod('M2').evidenceCoverage).toBe(1 / 1);
  });

  it('counts only the modules in scope', () => {
    const partial = assessmentResults({ ...input, assessment: { ...input.assessment, scope: ['M3', 'M1'] } });
    expect(partial.modules.map((m) => m.moduleId)).toEqual(['M1', 'M3']);
    expect(partial.assessment.scope).toEqual(['M1', 'M3']);
    expect(partial.frameworkModules.map((m) => [m.moduleId, m.inScope])).toEqual([
      ['M1', true],
      ['M2', false],
      ['M3', true],
    ]);
    expect(partial.overall).toMatchObject({ scored: 3, total: 3 + 2 });
    expect(partial.overall.meanCurrent).toBe((2 + 3 + 4) / 3);
    expect(partial.capabilities.some((c) => c.moduleId === 'M2')).toBe(false);
  });
});

describe('capabilities', () => {
  it('reads N/A and unscored capabilities as no level', () => {
    expect(cap('M2.1')).toMatchObject({ current: null, target: null, gap: null, notApplicable: true, scored: false });
    expect(cap('M2.2')).toMatchObject({ current: null, target: null, gap: null, notApplicable: false, scored: false, evidenceCount: 0 });
    expect(cap('M3.2')).toMatchObject({ current: null, target: 4, gap: null, scored: false });
  });

  it('flags unconfirmed and carried-over scores', () => {
    expect(cap('M1.3')).toMatchObject({ current: 4, unconfirmed: true, fromPrevious: true });
    expect(cap('M2.3')).toMatchObject({ current: 1, unconfirmed: false, fromPrevious: true });
    expect(cap('M1.1')).toMatchObject({ current: 2, target: 4, gap: 4 - 2, priority: 5, confidence: 'high', unconfirmed: false, fromPrevious: false });
  });

  it('gives the votes with population SD and outliers two levels from the median', () => {
    const v = cap('M1.1').votes;
    // Votes 1, 2, 2, 4: median (2 + 2) / 2; mean 9/4; population SD over the 4 votes.
    const m = (1 + 2 + 2 + 4) / 4;
    expect(v).toMatchObject({ count: 4, median: (2 + 2) / 2, min: 1, max: 4, spread: 4 - 1, disagreement: true, outliers: ['d'] });
    expect(v.sd).toBeCloseTo(Math.sqrt(((1 - m) ** 2 + (2 - m) ** 2 + (2 - m) ** 2 + (4 - m) ** 2) / 4), 12);
    expect(cap('M1.1').agreedVsMedian).toBe(2 - 2);
    expect(cap('M1.2').votes).toMatchObject({ count: 2, median: (4 + 5) / 2, proposed: 4, spread: 1, sd: 0.5, outliers: [] });
    expect(cap('M1.2').agreedVsMedian).toBe(3 - (4 + 5) / 2);
    expect(cap('M1.3').votes).toMatchObject({ count: 0, median: null, sd: null, spread: 0 });
    expect(cap('M1.3').agreedVsMedian).toBeNull();
  });

  it('carries the evidence counts', () => {
    expect(cap('M1.1')).toMatchObject({ evidenceCount: 2, staleEvidenceCount: 1 });
  });
});

describe('consensus', () => {
  it('lists where the room disagreed, with outliers by name', () => {
    expect(res.consensus.disagreements).toEqual([
      { capabilityId: 'M1.1', moduleId: 'M1', name: 'A one', count: 4, min: 1, max: 4, spread: 3, median: 2, agreed: 2, outliers: [{ participantId: 'd', name: 'Dee' }] },
      { capabilityId: 'M3.1', moduleId: 'M3', name: 'C one', count: 2, min: 1, max: 3, spread: 2, median: 2, agreed: null, outliers: [] },
    ]);
  });

  it('lists agreed scores that differ from the level the votes propose, with both numbers', () => {
    expect(res.consensus.agreedAgainstMedian).toEqual([
      { capabilityId: 'M1.2', moduleId: 'M1', name: 'A two', agreed: 3, median: 4.5, proposed: 4, difference: 3 - 4.5 },
    ]);
  });
});

describe('evidence', () => {
  it('gives coverage per module, stale items and the scored capabilities without evidence', () => {
    expect(res.evidence.modules).toEqual([
      { moduleId: 'M1', name: 'One', scored: 3, withEvidence: 1, coverage: 1 / 3, staleItems: 1 },
      { moduleId: 'M2', name: 'Two', scored: 1, withEvidence: 1, coverage: 1, staleItems: 0 },
      { moduleId: 'M3', name: 'Three', scored: 0, withEvidence: 0, coverage: null, staleItems: 1 },
    ]);
    expect(res.evidence.overall).toEqual({ scored: 4, withEvidence: 2, coverage: 2 / 4, staleItems: 1 + 1 });
    expect(res.evidence.unevidenced.map((c) => c.capabilityId)).toEqual(['M1.2', 'M1.3']);
  });
});

describe('actions', () => {
  it('groups by owner (empty as Unassigned, last) and status, with counts', () => {
    expect(res.actions.total).toBe(6);
    expect(res.actions.byStatus).toEqual({ open: 3, in_progress: 1, done: 2 });
    expect(res.actions.owners.map((o) => [o.owner, o.total])).toEqual([
      ['Ann', 2],
      ['zed', 1],
      ['Zoe', 1],
      ['Unassigned', 2],
    ]);
    expect(res.actions.owners[0]!.statuses).toEqual([
      { status: 'open', count: 1, actionIds: ['x4'] },
      { status: 'in_progress', count: 1, actionIds: ['x3'] },
      { status: 'done', count: 0, actionIds: [] },
    ]);
    expect(res.actions.owners[3]!.statuses.map((s) => s.actionIds)).toEqual([['x6'], [], ['x2']]);
  });
});

describe('what is missing', () => {
  it('says in words what is not there yet', () => {
    expect(res.missing).toEqual([
      // 4 scored + 1 not applicable, as the navigator counts progress.
      '5 of 8 scored, 1 of them not applicable',
      'Module M2 has 2 of 3 scored',
      'Module M3 has no scores',
      '1 score is carried over and not yet confirmed',
      '1 scored capability has no target, so no gap',
      '2 scored capabilities have no evidence',
      '2 evidence links are stale',
    ]);
  });

  it('says so when nothing is scored, and when nothing is in scope', () => {
    const empty = assessmentResults({ ...input, ratings: {}, evidence: {} });
    expect(empty.missing).toEqual(['Nothing scored yet: 0 of 8 scored']);
    expect(empty.overall).toMatchObject({ meanCurrent: null, meanTarget: null, meanGap: null, scored: 0, unscored: 8 });
    expect(assessmentResults({ ...input, assessment: { ...input.assessment, scope: [] } }).missing).toEqual(['No modules in scope']);
  });

  it('names a module whose capabilities are all not applicable', () => {
    const na = r(null, null, { notApplicable: true });
    const res2 = assessmentResults({ ...input, ratings: { ...input.ratings, 'M3.1': na, 'M3.2': na } });
    expect(res2.missing).toContain('Module M3 has no scores: all 2 capabilities are not applicable');
    expect(res2.modules[2]).toMatchObject({ meanCurrent: null, notApplicable: 2, unscored: 0 });
  });
});

describe('on the built-in framework', () => {
  const all = defaultFramework.modules.map((m) => m.id);
  // Twelve scores: the first four capabilities of M1, M2 and M3; nothing in M4-M9.
  const ratings: Record<string, RatingInput> = {};
  for (const m of ['M1', 'M2', 'M3']) for (const i of [1, 2, 3, 4]) ratings[`${m}.${i}`] = r(i, 5);
  const res72 = assessmentResults({
    framework: defaultFramework,
    assessment: { id: 'q1', label: 'Q1', date: '2026-01-15', scope: all },
    ratings,
    votes: [],
    evidence: {},
    actions: [],
  });

  it('counts 12 of 72 and names the modules with no scores', () => {
    expect(res72.modules).toHaveLength(9);
    expect(res72.modules.every((m) => m.total === 8)).toBe(true);
    expect(res72.missing[0]).toBe('12 of 72 scored');
    expect(res72.missing).toContain('Module M1 has 4 of 8 scored');
    expect(res72.missing).toContain('Module M4 has no scores');
    expect(res72.missing).toContain('12 scored capabilities have no evidence');
    expect(res72.modules[3]!.meanCurrent).toBeNull();
    expect(res72.modules[0]!.meanCurrent).toBe((1 + 2 + 3 + 4) / 4);
    expect(res72.modules[0]!.meanGap).toBe((4 + 3 + 2 + 1) / 4);
    expect(res72.overall).toMatchObject({ scored: 12, unscored: 72 - 12, total: 72 });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(res72))).toEqual(res72);
  });
});
