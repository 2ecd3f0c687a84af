/** The results input built from what the workspace already holds. */
import { describe, expect, it } from 'vitest';
import type { AssessmentDetail, Evidence } from '../../shared/domain';
import { assessmentResults, evidenceCounts, resultsInputFromDetail, type ResultsFramework } from '../../shared/results';

const fw: ResultsFramework = { id: 'tiny', version: '1.0.0', modules: [{ id: 'M1', name: 'One', capabilities: [{ id: 'M1.1', name: 'A one' }, { id: 'M1.2', name: 'A two' }] }] };

const ev = (id: string, validUntil: string | null, links: [string, string][]): Evidence => ({
  id,
  title: id,
  kind: 'document',
  source: '',
  collectedOn: null,
  validUntil,
  sensitivity: 'internal',
  description: '',
  url: null,
  attachment: null,
  links: links.map(([assessmentId, capabilityId]) => ({ assessmentId, capabilityId })),
  stale: false,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('evidence counts', () => {
  it('counts items linked in this assessment per capability, stale after valid-until', () => {
    const evidence = [
      ev('e1', '2026-03-31', [['a2', 'M1.1'], ['a1', 'M1.2']]), // stale on 2026-04-01
      ev('e2', '2026-04-01', [['a2', 'M1.1']]), // valid on the day itself
      ev('e3', null, [['a2', 'M1.1'], ['a2', 'M1.2'], ['a2', 'M1.2']]), // a doubled link counts once
      ev('e4', null, [['a1', 'M1.1']]), // another assessment
    ];
    expect(evidenceCounts(evidence, 'a2', '2026-04-01')).toEqual({ 'M1.1': { count: 3, stale: 1 }, 'M1.2': { count: 1, stale: 0 } });
  });
});

describe('results input from the workspace detail', () => {
  it('gives the same results as an input built by hand', () => {
    const detail = {
      assessment: { id: 'a2', label: 'Q2', date: '2026-04-01', frameworkId: 'tiny', frameworkVersion: '1.0.0', scope: ['M1'], createdAt: '', previousAssessmentId: 'a1' },
      ratings: {
        'M1.1': { capabilityId: 'M1.1', currentLevel: 2, targetLevel: 4, notApplicable: false, confidence: 'high', priority: 4, rationale: 'x', owner: '', carriedOver: true, updatedAt: '' },
      },
      votes: [{ capabilityId: 'M1.1', participantId: 'p1', currentLevel: 2, targetLevel: null, updatedAt: '' }],
      actions: [],
      evidence: [ev('e1', '2026-03-31', [['a2', 'M1.1']])],
      previous: { id: 'a1', label: 'Q1', date: '2026-01-01', ratings: { 'M1.1': { currentLevel: 1, targetLevel: 4, notApplicable: false, rationale: '' } } },
      sessions: [],
      undo: { undo: null, redo: null },
      criteria: {},
      today: '2026-04-01',
    } satisfies AssessmentDetail;
    const input = resultsInputFromDetail(fw, detail);
    expect(input.ratings['M1.1']).toEqual({ currentLevel: 2, targetLevel: 4, notApplicable: false, confidence: 'high', priority: 4, carriedOver: true });
    expect(input.evidence).toEqual({ 'M1.1': { count: 1, stale: 1 } });
    const res = assessmentResults(input);
    expect(res.modules[0]).toMatchObject({ meanCurrent: 2, unconfirmed: 1, carriedOver: 1, evidenceCoverage: 1 });
    expect(res.previous?.modules).toEqual([{ moduleId: 'M1', meanCurrent: 1, meanTarget: 4 }]);
  });
});
