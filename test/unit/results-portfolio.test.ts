/** The rollup stored per assessment and the portfolio benchmark built from rollups: figures and n only, never a key. */
import { describe, expect, it } from 'vitest';
import { assessmentResults, assessmentRollup, portfolio, type AssessmentRollup, type PortfolioEntry, type RatingInput, type ResultsFramework } from '../../shared/results';

const fw: ResultsFramework = {
  id: 'tiny',
  version: '1.0.0',
  modules: [
    { id: 'M1', name: 'One', capabilities: [{ id: 'M1.1', name: 'A one' }, { id: 'M1.2', name: 'A two' }] },
    { id: 'M2', name: 'Two', capabilities: [{ id: 'M2.1', name: 'B one' }] },
  ],
};
const r = (currentLevel: number | null, targetLevel: number | null, notApplicable = false): RatingInput => ({
  currentLevel,
  targetLevel,
  notApplicable,
  confidence: null,
  priority: null,
  carriedOver: false,
});

describe('assessment rollup', () => {
  it('keeps module means and counts, small and JSON', () => {
    const res = assessmentResults({
      framework: fw,
      assessment: { id: 'asmt-7', label: 'Q3', date: '2026-07-01', scope: ['M1', 'M2'] },
      ratings: { 'M1.1': r(2, 4), 'M1.2': r(3, null), 'M2.1': r(null, null, true) },
      votes: [],
      evidence: {},
      actions: [],
    });
    const rollup = assessmentRollup(res);
    expect(rollup).toEqual({
      v: 1,
      framework: { id: 'tiny', version: '1.0.0' },
      assessmentId: 'asmt-7',
      date: '2026-07-01',
      modules: [
        { moduleId: 'M1', meanCurrent: (2 + 3) / 2, meanTarget: 4, scored: 2, notApplicable: 0, total: 2 },
        { moduleId: 'M2', meanCurrent: null, meanTarget: null, scored: 0, notApplicable: 1, total: 1 },
      ],
      overall: { meanCurrent: (2 + 3) / 2, meanTarget: 4, scored: 2, notApplicable: 1, total: 3 },
    });
    expect(JSON.parse(JSON.stringify(rollup))).toEqual(rollup);
    expect(JSON.stringify(rollup).length).toBeLessThan(400);
  });
});

const rollup = (assessmentId: string, m1: number | null, m2: number | null): AssessmentRollup => ({
  v: 1,
  framework: { id: 'tiny', version: '1.0.0' },
  assessmentId,
  date: '2026-06-30',
  modules: [
    { moduleId: 'M1', meanCurrent: m1, meanTarget: null, scored: m1 === null ? 0 : 2, notApplicable: 0, total: 2 },
    { moduleId: 'M2', meanCurrent: m2, meanTarget: null, scored: m2 === null ? 0 : 1, notApplicable: 0, total: 1 },
  ],
  overall: { meanCurrent: null, meanTarget: null, scored: 0, notApplicable: 0, total: 3 },
});
const entry = (key: string, industry: string, region: string, m1: number | null, m2: number | null): PortfolioEntry => ({
  key,
  industry,
  region,
  rollup: rollup(`assessment-of-${key}`, m1, m2),
});

const entries: PortfolioEntry[] = [
  entry('eng-alpha-7f3a', 'banking', 'EMEA', 1, 2),
  entry('eng-bravo-91cc', 'banking', 'EMEA', 2, null),
  entry('eng-charlie-0b12', 'banking', 'APAC', 3, 4),
  entry('eng-delta-5e6d', 'banking', 'EMEA', 4, 3),
  entry('eng-echo-c4d0', 'retail', 'EMEA', 5, 1),
  entry('eng-own-aa11', 'banking', 'EMEA', 3.5, null),
];

describe('portfolio', () => {
  it('gives quartiles of the peers per module, n excluding peers without a mean, own excluded from the peers', () => {
    const p = portfolio(entries, {}, 'eng-own-aa11');
    expect(p.engagements).toBe(5);
    // M1 peers 1, 2, 3, 4, 5: quartiles on ranks.
    expect(p.modules[0]).toMatchObject({ moduleId: 'M1', n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    // Own 3.5: three peers below, none equal → 100 × 3 / 5.
    expect(p.modules[0]!.own).toEqual({ value: 3.5, percentile: (100 * 3) / 5, band: 'third quartile' });
    // M2 peers 2, 4, 3, 1 (bravo has no mean): sorted 1, 2, 3, 4.
    expect(p.modules[1]).toMatchObject({ moduleId: 'M2', n: 4, min: 1, q1: 1 + 0.75 * (2 - 1), median: (2 + 3) / 2, q3: 3 + 0.25 * (4 - 3), max: 4 });
    expect(p.modules[1]!.own).toBeNull(); // own has no M2 mean
  });

  it('filters by industry and region', () => {
    const p = portfolio(entries, { industry: 'banking', region: 'EMEA' }, 'eng-own-aa11');
    // alpha, bravo, delta.
    expect(p.engagements).toBe(3);
    expect(p.modules[0]).toMatchObject({ n: 3, min: 1, q1: 1 + 0.5 * (2 - 1), median: 2, q3: 2 + 0.5 * (4 - 2), max: 4 });
    expect(p.modules[0]!.own).toEqual({ value: 3.5, percentile: (100 * 2) / 3, band: 'third quartile' });
    expect(p.modules[1]).toMatchObject({ n: 2, min: 2, median: (2 + 3) / 2, max: 3 });
    const retail = portfolio(entries, { industry: 'retail' }, 'eng-own-aa11');
    expect(retail.modules[0]).toMatchObject({ n: 1, min: 5, q1: 5, median: 5, q3: 5, max: 5 });
    expect(retail.modules[0]!.own).toEqual({ value: 3.5, percentile: 0, band: 'bottom quartile' });
  });

  it('has empty figures with no peers, and no own without an own key', () => {
    const p = portfolio(entries, { industry: 'mining' }, 'eng-own-aa11');
    expect(p.modules[0]).toEqual({ moduleId: 'M1', n: 0, min: null, q1: null, median: null, q3: null, max: null, own: { value: 3.5, percentile: null, band: null } });
    expect(portfolio(entries).modules[0]).toMatchObject({ n: 6, own: null });
  });

  it('never contains an engagement key or assessment id', () => {
    for (const filters of [{}, { industry: 'banking' }, { region: 'EMEA' }, { industry: 'retail' }]) {
      const text = JSON.stringify(portfolio(entries, filters, 'eng-own-aa11'));
      for (const e of entries) {
        expect(text).not.toContain(e.key);
        expect(text).not.toContain(e.rollup.assessmentId);
      }
    }
  });
});
