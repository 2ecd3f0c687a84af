/** What the results commands return beside the model's numbers: the ranking rule, the radar, filter choices. */
import { describe, expect, it } from 'vitest';
import { assessmentResults, assessmentResultsView, filterOptions, type ResultsFramework } from '../../shared/results';

const fw: ResultsFramework = {
  id: 'tiny',
  version: '1.0.0',
  modules: [
    { id: 'M1', name: 'One', capabilities: [{ id: 'M1.1', name: 'A one' }, { id: 'M1.2', name: 'A two' }] },
    { id: 'M2', name: 'Two', capabilities: [{ id: 'M2.1', name: 'B one' }] },
  ],
};

describe('assessment results view', () => {
  it('adds the radar of the same means, the rule text and the day staleness was judged on', () => {
    const results = assessmentResults({
      framework: fw,
      assessment: { id: 'a1', label: 'Q4', date: '2026-11-20', scope: ['M1'] },
      ratings: { 'M1.1': { currentLevel: 2, targetLevel: 5, notApplicable: false, confidence: null, priority: null, carriedOver: false } },
      votes: [],
      evidence: {},
      actions: [],
    });
    const view = assessmentResultsView(results, '2026-11-25');
    expect(view.modules).toBe(results.modules);
    // M1: only M1.1 scored, 2 → 5; M2 is out of scope, so null rather than 0.
    expect(view.radar.series.map((s) => [s.key, s.values])).toEqual([
      ['current', [2, null]],
      ['target', [5, null]],
    ]);
    expect(view.gapRule.formula).toBe('gap × priority × confidence factor × weight');
    expect(view.gapRule.text).toContain('Priority 3 when not set');
    expect(view.today).toBe('2026-11-25');
  });
});

describe('filter options', () => {
  it('lists each non-empty value once, trimmed, in alphabetical order regardless of case (capitals first between equals)', () => {
    expect(filterOptions(['retail', 'Banking', '', ' Retail', 'banking', 'Utilities', '  '])).toEqual(['Banking', 'banking', 'Retail', 'retail', 'Utilities']);
  });
});
