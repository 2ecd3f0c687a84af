import { describe, expect, it } from 'vitest';
import { spreadEven } from '../../shared/roadmap/costs';
import { computeOutputs } from '../../shared/roadmap/outputs';
import { manualPlan, objectiveOf, prepareProblem, startsFromPlan } from '../../shared/roadmap/problem';
import type { Plan } from '../../shared/roadmap/types';
import { initiative, world } from './roadmap-fixture';

const at = (initiativeId: string, startQuarter: string, endQuarter = startQuarter): Plan[number] => ({ initiativeId, startQuarter, endQuarter });

describe('spreading money and effort', () => {
  it('gives the remainder to the first quarters, so the total is exact', () => {
    expect(spreadEven(10_000, 3)).toEqual([3334, 3333, 3333]); // 100.00 = 33.34 + 33.33 + 33.33
    expect(spreadEven(10, 4)).toEqual([3, 3, 2, 2]);
    expect(spreadEven(9, 3)).toEqual([3, 3, 3]);
  });

  it('spreads capex and labour over the initiative, and runs opex from the quarter after it completes', () => {
    // Lakehouse: 3 quarters from 2027-Q1; capex 100.00; 10 data-engineer days at 1,000.00 = 10,000.00 labour;
    // opex 10.01 a year. Horizon 6 quarters: 2027-Q1 .. 2028-Q2.
    const input = world(
      [initiative('lake', { name: 'Lakehouse', durationQuarters: 3, capex: 10_000, opexPerYear: 1_001, effort: [{ roleId: 'de', days: 10 }] })],
      { horizon: 6 },
    );
    const out = computeOutputs(input, [at('lake', '2027-Q1', '2027-Q3')]);
    const q = out.costs.byQuarter;
    expect(q.map((r) => r.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1', '2028-Q2']);
    expect(q.map((r) => r.capex)).toEqual([3334, 3333, 3333, 0, 0, 0]);
    // 1,000,000 minor units of labour over 3 quarters: 333,334 + 333,333 + 333,333
    expect(q.map((r) => r.labour)).toEqual([333_334, 333_333, 333_333, 0, 0, 0]);
    // opex from 2027-Q4 (the quarter after 2027-Q3): 1,001 / 4 = 250 rest 1, the 1 to the first quarter of the year
    expect(q.map((r) => r.opex)).toEqual([0, 0, 0, 251, 250, 250]);
    expect(q.map((r) => r.total)).toEqual([336_668, 336_666, 336_666, 251, 250, 250]);
    expect(out.costs.total).toEqual({ capex: 10_000, labour: 1_000_000, opex: 751, total: 1_010_751 });
    // 10 days over 3 quarters: 4, 3, 3
    expect(out.limits.capacity[0]!.byQuarter.map((r) => r.used)).toEqual([4, 3, 3, 0, 0, 0]);
  });

  it('adds up each fiscal year (April start) from its quarters in the horizon', () => {
    const input = world([initiative('a', { durationQuarters: 3, capex: 10_000 })], { horizon: 6 });
    const out = computeOutputs(input, [at('a', '2027-Q1', '2027-Q3')]);
    expect(out.fiscalLabels).toEqual(['FY2027 Q4', 'FY2028 Q1', 'FY2028 Q2', 'FY2028 Q3', 'FY2028 Q4', 'FY2029 Q1']);
    expect(out.costs.byFiscalYear.map((f) => [f.fiscalYear, f.quarters.length, f.capex])).toEqual([
      ['FY2027', 1, 3334],
      ['FY2028', 4, 3333 + 3333],
      ['FY2029', 1, 0],
    ]);
  });
});

describe('chargeback', () => {
  it('splits 100.00 equally three ways to the cent: 33.34 + 33.33 + 33.33', () => {
    const out = computeOutputs(world([initiative('a', { capex: 10_000 })]), [at('a', '2027-Q1')]);
    expect(out.chargeback.byQuarter[0]!.shares).toEqual({ fin: 3334, ops: 3333, hr: 3333 });
    expect(out.chargeback.byQuarter[0]!.total).toBe(10_000);
  });

  it('splits by percent with the largest remainder going up', () => {
    // 100.01 at 50/25/25: 50.005, 25.0025, 25.0025 -> floors 50.00 + 25.00 + 25.00 = 100.00, the last cent to Finance (.5)
    const split = { mode: 'percent' as const, shares: [{ businessUnitId: 'fin', percent: 50 }, { businessUnitId: 'ops', percent: 25 }, { businessUnitId: 'hr', percent: 25 }] };
    const out = computeOutputs(world([initiative('a', { capex: 10_001, costSplit: split })]), [at('a', '2027-Q1')]);
    expect(out.chargeback.byQuarter[0]!.shares).toEqual({ fin: 5001, ops: 2500, hr: 2500 });
  });

  it('rounds the quarter as a whole, so several initiatives still add up to the cent', () => {
    // A: 100.00 equal (33.3333 each); B: 0.01 half Finance, half Operations (0.005 each)
    // exact: Finance 33.3383, Operations 33.3383, HR 33.3333 -> floors 33.33 x 3 = 99.99; 2 cents left to Finance and Operations
    const half = { mode: 'percent' as const, shares: [{ businessUnitId: 'fin', percent: 50 }, { businessUnitId: 'ops', percent: 50 }] };
    const out = computeOutputs(world([initiative('a', { capex: 10_000 }), initiative('b', { capex: 1, costSplit: half })]), [at('a', '2027-Q1'), at('b', '2027-Q1')]);
    const row = out.chargeback.byQuarter[0]!;
    expect(row.shares).toEqual({ fin: 3334, ops: 3334, hr: 3333 });
    expect(row.shares.fin! + row.shares.ops! + row.shares.hr!).toBe(row.total);
  });

  it('reports equal-split spend as unallocated when the engagement has no business units', () => {
    const out = computeOutputs(world([initiative('a', { capex: 10_000 })], {}, { businessUnits: [] }), [at('a', '2027-Q1')]);
    expect(out.chargeback.byQuarter[0]).toEqual({ quarter: '2027-Q1', total: 10_000, shares: {}, unallocated: 10_000 });
  });

  it('adds each unit up per fiscal year', () => {
    // 100.00 in 2027-Q1 (FY2027) and 100.00 in 2027-Q2 (FY2028), equal split
    const input = world([initiative('a', { capex: 20_000, durationQuarters: 2 })], { horizon: 2 });
    const out = computeOutputs(input, [at('a', '2027-Q1', '2027-Q2')]);
    expect(out.chargeback.byFiscalYear).toEqual([
      { fiscalYear: 'FY2027', total: 10_000, shares: { fin: 3334, ops: 3333, hr: 3333 }, unallocated: 0 },
      { fiscalYear: 'FY2028', total: 10_000, shares: { fin: 3334, ops: 3333, hr: 3333 }, unallocated: 0 },
    ]);
  });
});

describe('projected maturity', () => {
  // A lifts M1.1 to 3 over 2 quarters (2027-Q1..Q2, counts from Q3); B lifts M1.1 to 4 in 2027-Q1 (counts from Q2)
  const input = world([
    initiative('A', { durationQuarters: 2, uplifts: [{ capabilityId: 'M1.1', toLevel: 3 }] }),
    initiative('B', { uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }] }),
    initiative('C', { uplifts: [{ capabilityId: 'M2.1', toLevel: 4 }] }),
  ]);
  const plan = [at('A', '2027-Q1', '2027-Q2'), at('B', '2027-Q1'), at('C', '2027-Q3')];
  const out = computeOutputs(input, plan);
  const m1 = out.maturity.find((m) => m.moduleId === 'M1')!;
  const m2 = out.maturity.find((m) => m.moduleId === 'M2')!;

  it('counts an uplift from the quarter after the initiative finishes, and takes the max, not the sum', () => {
    expect(m1.baseline).toBe(2); // (2+2+3+1)/4
    // Q1: nothing finished -> 2; Q2: B done, M1.1 = 4 -> (4+2+3+1)/4 = 2.5;
    // Q3: A done too, M1.1 = max(4, 3) = 4 -> still 2.5 (a sum would have given more)
    expect(m1.byQuarter).toEqual([2, 2.5, 2.5, 2.5]);
  });

  it('leaves not-applicable and unscored capabilities out of the module mean', () => {
    // only M2.1 counts: 3 until C (2027-Q3) is done, 4 from 2027-Q4
    expect(m2.baseline).toBe(3);
    expect(m2.byQuarter).toEqual([3, 3, 3, 4]);
  });

  it('computes the objective: module weight / scored capabilities per level, per checkpoint after completion', () => {
    // checkpoints 1..4 are the states at the end of 2027-Q1..Q4.
    // B: M1.1 levels 3 and 4, 1/4 each, from checkpoint 1: 4 checkpoints x 2 x 1/4 = 2
    // A: adds nothing (level 3 is already reached through B)
    // C: M2.1 level 4, 1/1 (one scored capability in M2), done at the end of Q3: checkpoints 3 and 4 -> 2
    expect(out.objective).toBeCloseTo(4, 12);
    const p = prepareProblem(input);
    expect(objectiveOf(p, startsFromPlan(p, plan))).toBeCloseTo(4, 12);
  });
});

describe('time to target', () => {
  it('finds the first quarter in which the module mean reaches the target mean', () => {
    // M1 target mean 3. B (M1.1 -> 4) and D (M1.2 -> 3, M1.4 -> 2) finish in 2027-Q2 -> from 2027-Q3: (4+3+3+2)/4 = 3
    const input = world([
      initiative('B', { uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }] }),
      initiative('D', { durationQuarters: 2, uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }, { capabilityId: 'M1.4', toLevel: 2 }] }),
      initiative('C', { uplifts: [{ capabilityId: 'M2.1', toLevel: 4 }] }),
    ]);
    const out = computeOutputs(input, [at('B', '2027-Q1'), at('D', '2027-Q1', '2027-Q2'), at('C', '2027-Q4')]);
    const m1 = out.timeToTarget.find((t) => t.moduleId === 'M1')!;
    expect(m1).toEqual({ moduleId: 'M1', target: 3, quarter: '2027-Q3', reason: null });
    // C finishes in the last quarter of the horizon, so M2 reaches 4 only in 2028-Q1
    const m2 = out.timeToTarget.find((t) => t.moduleId === 'M2')!;
    expect(m2.quarter).toBeNull();
    expect(m2.reason).toBe('Not within the horizon: reached in 2028-Q1, the quarter after work in 2027-Q4 finishes');
    expect(out.maturity.find((m) => m.moduleId === 'M2')!.endState).toBe(4);
  });

  it('says how far the plan gets when the target is not reached', () => {
    const out = computeOutputs(world([]), []);
    expect(out.timeToTarget[0]!.reason).toBe('Not within the horizon: the plan reaches a mean of 2.00 against a target of 3.00');
  });
});

describe('limits and violations in manual mode', () => {
  it('lists spend over budget and days over capacity in a consultant\'s words', () => {
    // two 70-day data-engineer initiatives in 2027-Q2 against 120 days; 410,000 spend in 2027-Q3 against 350,000
    const input = world(
      [
        initiative('a', { name: 'Lakehouse migration', effort: [{ roleId: 'de', days: 70 }] }),
        initiative('b', { name: 'Catalogue rollout', effort: [{ roleId: 'de', days: 70 }] }),
        initiative('c', { name: 'Quality scorecards', capex: 41_000_000 }),
      ],
      {
        mode: 'manual',
        budget: { per: 'quarter', amount: 35_000_000 },
        capacity: [{ roleId: 'de', daysPerQuarter: 120 }],
        manualStarts: { a: '2027-Q2', b: '2027-Q2', c: '2027-Q3' },
      },
    );
    const p = prepareProblem(input);
    const out = computeOutputs(input, manualPlan(p));
    // labour: 70 days x 1,000.00 = 70,000.00 each -> 140,000 in 2027-Q2, within the budget
    expect(out.violations.map((v) => v.message)).toEqual(['2027-Q2: data engineer 140 of 120 person-days', '2027-Q3: spend 410,000 of a 350,000 budget']);
    expect(out.limits.budget.map((b) => b.spend)).toEqual([0, 14_000_000, 41_000_000, 0]);
  });

  it('checks a budget per fiscal year against the sum of that year\'s quarters in the horizon', () => {
    // April fiscal year, horizon 2027-Q1..Q4: FY2027 = {2027-Q1}, FY2028 = {2027-Q2, Q3, Q4}
    // a: 300,000 in 2027-Q1; b: 300,000 in each of 2027-Q2..Q4 = 900,000 in FY2028 against 800,000
    const input = world(
      [initiative('a', { capex: 30_000_000 }), initiative('b', { capex: 90_000_000, durationQuarters: 3 })],
      { mode: 'manual', budget: { per: 'year', amount: 80_000_000 }, manualStarts: { a: '2027-Q1', b: '2027-Q2' } },
    );
    const out = computeOutputs(input, manualPlan(prepareProblem(input)));
    expect(out.limits.budget).toEqual([
      { label: 'FY2027', per: 'year', spend: 30_000_000, limit: 80_000_000 },
      { label: 'FY2028', per: 'year', spend: 90_000_000, limit: 80_000_000 },
    ]);
    expect(out.violations.map((v) => v.message)).toEqual(['FY2028: spend 900,000 of a 800,000 budget']);
  });

  it('lists broken dependencies, early starts and work past the horizon', () => {
    const input = world(
      [
        initiative('lake', { name: 'Lakehouse migration', durationQuarters: 2 }),
        initiative('cat', { name: 'Catalogue rollout', dependsOn: ['lake'], earliestStart: '2027-Q3', durationQuarters: 2 }),
      ],
      { mode: 'manual', manualStarts: { lake: '2027-Q1', cat: '2027-Q2' } },
    );
    const out = computeOutputs(input, manualPlan(prepareProblem(input)));
    expect(out.violations.map((v) => v.message)).toEqual([
      '2027-Q2: Catalogue rollout starts before its earliest start 2027-Q3',
      '2027-Q2: Catalogue rollout starts before its dependency Lakehouse migration finishes (2027-Q2)',
    ]);
    const late = world([initiative('x', { name: 'Late one', durationQuarters: 3 })], { mode: 'manual', manualStarts: { x: '2027-Q3' } });
    expect(computeOutputs(late, manualPlan(prepareProblem(late))).violations.map((v) => v.message)).toEqual([
      'Late one finishes in 2028-Q1, after the horizon ends in 2027-Q4',
    ]);
  });
});
