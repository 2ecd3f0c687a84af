/**
 * A small, hand-checkable roadmap world for the roadmap tests.
 *
 * Baseline (module means by hand):
 *   M1: M1.1 = 2 (target 4), M1.2 = 2 (target 3), M1.3 = 3 (target 3), M1.4 = 1 (target 2)
 *       mean (2+2+3+1)/4 = 2, target mean (4+3+3+2)/4 = 3; each level of a capability is worth 1/4
 *   M2: M2.1 = 3 (target 4), M2.2 not applicable, M2.3 unscored
 *       mean 3 (only M2.1 counts), target mean 4
 * Rate card: Data engineer 1,000.00 a day, Data architect 1,500.00 a day.
 * Business units: Finance, Operations, HR.
 */
import type { Baseline, Initiative, RoadmapInput, Scenario } from '../../shared/roadmap/types';

export const baseline: Baseline = {
  'M1.1': { moduleId: 'M1', current: 2, target: 4, notApplicable: false },
  'M1.2': { moduleId: 'M1', current: 2, target: 3, notApplicable: false },
  'M1.3': { moduleId: 'M1', current: 3, target: 3, notApplicable: false },
  'M1.4': { moduleId: 'M1', current: 1, target: 2, notApplicable: false },
  'M2.1': { moduleId: 'M2', current: 3, target: 4, notApplicable: false },
  'M2.2': { moduleId: 'M2', current: null, target: null, notApplicable: true },
  'M2.3': { moduleId: 'M2', current: null, target: null, notApplicable: false },
};

export function initiative(id: string, over: Partial<Initiative> = {}): Initiative {
  return {
    id,
    name: id,
    description: '',
    owner: '',
    uplifts: [],
    capex: 0,
    opexPerYear: 0,
    effort: [],
    durationQuarters: 1,
    earliestStart: null,
    dependsOn: [],
    costSplit: { mode: 'equal' },
    risk: 'low',
    note: '',
    ...over,
  };
}

export function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    id: 's1',
    name: 'Base case',
    startQuarter: '2027-Q1',
    horizon: 4,
    budget: null,
    capacity: [],
    forced: [],
    excluded: [],
    moduleWeights: {},
    baselineAssessmentId: 'a1',
    mode: 'optimal',
    manualStarts: {},
    ...over,
  };
}

export function world(initiatives: Initiative[], over: Partial<Scenario> = {}, extra: Partial<RoadmapInput> = {}): RoadmapInput {
  return {
    baseline,
    initiatives,
    rateCard: {
      roles: [
        { id: 'de', name: 'Data engineer', dayRate: 100_000 },
        { id: 'ar', name: 'Data architect', dayRate: 150_000 },
      ],
    },
    scenario: scenario(over),
    businessUnits: [
      { id: 'fin', name: 'Finance' },
      { id: 'ops', name: 'Operations' },
      { id: 'hr', name: 'HR' },
    ],
    fyStartMonth: 4,
    currency: 'EUR',
    ...extra,
  };
}
