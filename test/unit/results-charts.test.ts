/** Radar and heat map data drawn from the results: nulls where there is no data, fixed colour domains. */
import { describe, expect, it } from 'vitest';
import { assessmentResults, HEAT_SCALES, heatMap, radarSeries, type RatingInput, type ResultsFramework, type ResultsInput } from '../../shared/results';

const fw: ResultsFramework = {
  id: 'tiny',
  version: '1.0.0',
  modules: [
    { id: 'M1', name: 'One', capabilities: [{ id: 'M1.1', name: 'A one' }, { id: 'M1.2', name: 'A two' }] },
    { id: 'M2', name: 'Two', capabilities: [{ id: 'M2.1', name: 'B one' }, { id: 'M2.2', name: 'B two' }] },
    { id: 'M3', name: 'Three', capabilities: [{ id: 'M3.1', name: 'C one' }] },
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
const base = (id: string, label: string, ratings: Record<string, RatingInput>, scope = ['M1', 'M2']): ResultsInput => ({
  framework: fw,
  assessment: { id, label, date: '2026-04-01', scope },
  ratings,
  votes: [],
  evidence: {},
  actions: [],
});

const now = assessmentResults(
  base('q2', 'Q2', {
    'M1.1': r(2, 4, { confidence: 'low' }),
    'M1.2': r(3, 3, { confidence: 'high' }),
    'M2.1': r(null, null, { notApplicable: true }),
  }),
);
const before = assessmentResults(base('q1', 'Q1', { 'M1.1': r(1, 4), 'M1.2': r(2, 3), 'M2.2': r(2, 2) }));

describe('radar', () => {
  it('draws every framework module, with null (never 0) where a module has no data', () => {
    const radar = radarSeries(now, before);
    expect(radar.axes).toEqual([
      { moduleId: 'M1', name: 'One', inScope: true },
      { moduleId: 'M2', name: 'Two', inScope: true },
      { moduleId: 'M3', name: 'Three', inScope: false },
    ]);
    expect(radar.domain).toEqual([1, 5]);
    expect(radar.series).toEqual([
      { key: 'current', label: 'Current (Q2)', assessmentId: 'q2', values: [(2 + 3) / 2, null, null] },
      { key: 'target', label: 'Target (Q2)', assessmentId: 'q2', values: [(4 + 3) / 2, null, null] },
      { key: 'previous', label: 'Previous (Q1)', assessmentId: 'q1', values: [(1 + 2) / 2, 2, null] },
    ]);
  });

  it('takes the previous series from the previous ratings the results were computed with', () => {
    const withPrevious = assessmentResults({
      ...base('q2', 'Q2', { 'M1.1': r(2, 4) }),
      previous: { id: 'q1', label: 'Q1', date: '2026-01-01', scope: ['M1'], ratings: { 'M1.1': r(1, 4), 'M1.2': r(2, 3), 'M2.2': r(2, 2) } },
    });
    const radar = radarSeries(withPrevious);
    // M2 was out of the previous scope: its ratings there do not count.
    expect(radar.series[2]).toEqual({ key: 'previous', label: 'Previous (Q1)', assessmentId: 'q1', values: [(1 + 2) / 2, null, null] });
  });

  it('has no previous series without a previous assessment', () => {
    expect(radarSeries(now).series.map((s) => s.key)).toEqual(['current', 'target']);
  });
});

describe('heat map', () => {
  it('labels levels, N/A and unscored cells per module, with the stated domain', () => {
    const h = heatMap(now, 'current');
    expect(h.scale).toEqual(HEAT_SCALES.current);
    expect(h.scale.domain).toEqual([1, 5]);
    expect(h.rows.map((row) => row.moduleId)).toEqual(['M1', 'M2']);
    expect(h.rows[0]!.cells).toEqual([
      { capabilityId: 'M1.1', value: 2, label: '2', state: 'scored' },
      { capabilityId: 'M1.2', value: 3, label: '3', state: 'scored' },
    ]);
    expect(h.rows[1]!.cells).toEqual([
      { capabilityId: 'M2.1', value: null, label: 'N/A', state: 'notApplicable' },
      { capabilityId: 'M2.2', value: null, label: '–', state: 'unscored' },
    ]);
  });

  it('shows gap with its sign on a diverging scale around 0', () => {
    const h = heatMap(now, 'gap');
    expect(h.scale).toMatchObject({ domain: [-4, 4], kind: 'diverging', midpoint: 0 });
    expect(h.rows[0]!.cells.map((c) => [c.value, c.label])).toEqual([
      [4 - 2, '+2'],
      [3 - 3, '0'],
    ]);
  });

  it('maps confidence to 1-3 and counts evidence whatever the score', () => {
    const h = heatMap(now, 'confidence');
    expect(h.scale.domain).toEqual([1, 3]);
    expect(h.rows[0]!.cells.map((c) => [c.value, c.label])).toEqual([
      [1, 'low'],
      [3, 'high'],
    ]);
    const withEvidence = assessmentResults({ ...base('q2', 'Q2', { 'M1.1': r(2, 4) }), evidence: { 'M1.1': { count: 2, stale: 1 }, 'M2.2': { count: 1, stale: 0 } } });
    const e = heatMap(withEvidence, 'evidence');
    expect(e.scale.domain).toEqual([0, 3]);
    expect(e.rows.flatMap((row) => row.cells.map((c) => [c.capabilityId, c.value, c.label]))).toEqual([
      ['M1.1', 2, '2 (1 stale)'],
      ['M1.2', 0, '0'],
      ['M2.1', 0, '0'],
      ['M2.2', 1, '1'],
    ]);
  });
});
