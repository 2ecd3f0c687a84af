/**
 * A small roadmap for the export unit tests, on the roadmap core's hand-checkable world (roadmap-fixture.ts):
 * EUR, fiscal years from April, four quarters from 2027-Q1 (FY2027 Q4, then FY2028 Q1 to Q3), business
 * units Finance, Operations and HR, day rates 1,000.00 (data engineer) and 1,500.00 (architect).
 *
 * - A "Lakehouse platform" (owner Ana Lopez, high risk): capex 300,000.00, 10 data engineer days
 *   (10,000.00 labour), opex 40,000.00 a year, two quarters, lifts M1.1 to 4, equal split. Planned in 2027-Q1.
 * - B "Data catalogue" (low risk): after A, capex 1,000.01, one quarter, lifts M1.2 to 3 and M2.1 to 4,
 *   split Finance 40 %, HR 60 %. Planned in 2027-Q3.
 * - C "Literacy programme": not planned.
 *
 * Every figure the tests expect is worked out by hand in the tests; the outputs come from the planning
 * core, as `scenario.outputs` computes them.
 */
import type { ScenarioOutputs } from '../../shared/domain';
import type { ReportInput, ReportScenario } from '../../shared/report/input';
import { computeOutputs } from '../../shared/roadmap/outputs';
import type { Plan, RoadmapInput } from '../../shared/roadmap/types';
import { reportFixture } from './report-fixture';
import { initiative, world } from './roadmap-fixture';

export const A = initiative('ia', {
  name: 'Lakehouse platform',
  owner: 'Ana Lopez',
  capex: 30_000_000,
  opexPerYear: 4_000_000,
  effort: [{ roleId: 'de', days: 10 }],
  durationQuarters: 2,
  uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }],
  risk: 'high',
});
export const B = initiative('ib', {
  name: 'Data catalogue',
  capex: 100_001,
  durationQuarters: 1,
  dependsOn: ['ia'],
  uplifts: [
    { capabilityId: 'M1.2', toLevel: 3 },
    { capabilityId: 'M2.1', toLevel: 4 },
  ],
  costSplit: { mode: 'percent', shares: [{ businessUnitId: 'fin', percent: 40 }, { businessUnitId: 'hr', percent: 60 }] },
  risk: 'low',
});
export const C = initiative('ic', { name: 'Literacy programme', capex: 500_000, risk: 'medium' });

export const BASE_PLAN: Plan = [
  { initiativeId: 'ia', startQuarter: '2027-Q1', endQuarter: '2027-Q2' },
  { initiativeId: 'ib', startQuarter: '2027-Q3', endQuarter: '2027-Q3' },
];

export function reportScenario(name = 'Base case', plan: Plan = BASE_PLAN, over: Partial<RoadmapInput['scenario']> = {}, extra: Partial<RoadmapInput> = {}): ReportScenario {
  const input = world([A, B, C], { name, ...over }, extra);
  const outputs: ScenarioOutputs = {
    ...computeOutputs(input, plan),
    scenarioId: input.scenario.id,
    mode: input.scenario.mode,
    currency: input.currency,
    fyStartMonth: input.fyStartMonth,
    schedule: null,
  };
  return {
    id: input.scenario.id,
    name,
    mode: input.scenario.mode,
    baseline: { id: 'asm0000002', label: '2026 Q4' },
    budget: input.scenario.budget,
    capacity: input.scenario.capacity,
    schedule: input.scenario.mode === 'optimal' ? { status: 'optimal', gap: 0, solvedAt: '2026-11-24T10:00:00.000Z', stale: false } : null,
    outputs,
    initiatives: input.initiatives,
    rateCard: input.rateCard,
  };
}

/** The report fixture with the base case (and, given, the scenarios compared), its business units those of the roadmap. */
export function roadmapReport(compare: ReportScenario[] = []): ReportInput {
  const scenario = reportScenario();
  return reportFixture({
    businessUnits: [
      { id: 'fin', name: 'Finance' },
      { id: 'ops', name: 'Operations' },
      { id: 'hr', name: 'HR' },
    ],
    scenario,
    compare: compare.length ? [scenario, ...compare] : [],
  });
}
