/** The gap ranking: gap × priority × confidence factor × weight, hand-computed. */
import { describe, expect, it } from 'vitest';
import {
  assessmentResults,
  CONFIDENCE_FACTOR_NOT_SET,
  CONFIDENCE_FACTORS,
  DEFAULT_PRIORITY,
  GAP_FORMULA,
  GAP_RULE,
  gapScore,
  type RatingInput,
  type ResultsFramework,
  type ResultsInput,
} from '../../shared/results';

const fw: ResultsFramework = {
  id: 'tiny',
  version: '1.1.0',
  modules: [
    {
      id: 'M1',
      name: 'One',
      capabilities: [
        { id: 'M1.1', name: 'First' },
        { id: 'M1.2', name: 'Second' },
        { id: 'M1.3', name: 'Third' },
        { id: 'M1.4', name: 'Fourth', weight: 2 },
      ],
    },
    {
      id: 'M2',
      name: 'Two',
      capabilities: [
        { id: 'M2.1', name: 'Fifth' },
        { id: 'M2.2', name: 'Sixth' },
        { id: 'M2.3', name: 'Seventh' },
        { id: 'M2.4', name: 'Eighth' },
        { id: 'M2.5', name: 'Ninth' },
      ],
    },
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

const input = (ratings: Record<string, RatingInput>): ResultsInput => ({
  framework: fw,
  assessment: { id: 'a1', label: 'Q1', date: '2026-01-15', scope: ['M1', 'M2'] },
  ratings,
  votes: [],
  evidence: {},
  actions: [],
});

describe('gap ranking', () => {
  it('states the rule it ranks by', () => {
    expect(GAP_FORMULA).toBe('gap × priority × confidence factor × weight');
    expect(CONFIDENCE_FACTORS).toEqual({ high: 1.0, medium: 0.8, low: 0.6 });
    expect(CONFIDENCE_FACTOR_NOT_SET).toBe(0.8);
    expect(DEFAULT_PRIORITY).toBe(3);
    expect(GAP_RULE.text).toContain(GAP_FORMULA);
    expect(GAP_RULE.text).toContain('not set 0.8');
  });

  it.each([
    ['set priority, high confidence', 2, 5, 'high', undefined, 2 * 5 * 1.0 * 1],
    ['default priority, confidence not set', 3, null, null, undefined, 3 * 3 * 0.8 * 1],
    ['low confidence', 4, 3, 'low', undefined, 4 * 3 * 0.6 * 1],
    ['medium confidence, weight 2', 1, 2, 'medium', 2, 1 * 2 * 0.8 * 2],
  ] as const)('%s', (_, gap, priority, confidence, weight, expected) => {
    expect(gapScore(gap, priority, confidence, weight).score).toBeCloseTo(expected, 12);
  });

  const results = assessmentResults(
    input({
      'M1.1': r(1, 3, { priority: 5, confidence: 'high' }), // 2 × 5 × 1.0 × 1 = 10
      'M1.2': r(2, 5), // 3 × 3 (default) × 0.8 (not set) × 1 = 7.2
      'M1.3': r(1, 5, { priority: 3, confidence: 'low' }), // 4 × 3 × 0.6 × 1 = 7.2: tie, larger gap first
      'M1.4': r(3, 4, { priority: 2, confidence: 'medium' }), // 1 × 2 × 0.8 × 2 (weight) = 3.2
      'M2.1': r(2, 4, { priority: 4, confidence: 'medium', carriedOver: true }), // 2 × 4 × 0.8 = 6.4, unconfirmed still ranks
      'M2.2': r(1, 3, { priority: 4, confidence: 'medium' }), // 6.4 and the same gap: framework order
      'M2.3': r(3, 3, { priority: 5 }), // gap 0: not ranked
      'M2.4': r(4, 3, { priority: 5 }), // gap -1: not ranked
      'M2.5': r(1, 5, { notApplicable: true, priority: 5 }), // not applicable: never ranked
    }),
  );

  it('orders by score, then larger gap, then framework order, and ranks positive gaps only', () => {
    expect(results.gapRanking.map((g) => g.capabilityId)).toEqual(['M1.1', 'M1.3', 'M1.2', 'M2.1', 'M2.2', 'M1.4']);
  });

  it('shows the figures that ranked, defaults included', () => {
    const by = Object.fromEntries(results.gapRanking.map((g) => [g.capabilityId, g]));
    expect(by['M1.1']).toMatchObject({ gap: 2, priority: 5, priorityDefaulted: false, confidenceFactor: 1.0, weight: 1 });
    expect(by['M1.1']!.score).toBeCloseTo(2 * 5 * 1.0 * 1, 12);
    expect(by['M1.2']).toMatchObject({ gap: 3, priority: 3, priorityDefaulted: true, confidence: null, confidenceFactor: 0.8, weight: 1 });
    expect(by['M1.2']!.score).toBeCloseTo(3 * 3 * 0.8, 12);
    expect(by['M1.3']!.score).toBeCloseTo(4 * 3 * 0.6, 12);
    expect(by['M1.4']).toMatchObject({ gap: 1, priority: 2, confidenceFactor: 0.8, weight: 2 });
    expect(by['M1.4']!.score).toBeCloseTo(1 * 2 * 0.8 * 2, 12);
    expect(by['M2.1']!.score).toBeCloseTo(2 * 4 * 0.8, 12);
  });
});
