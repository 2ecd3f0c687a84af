import { describe, expect, it } from 'vitest';
import { loadSolver, solveSchedule } from '../../electron/core/roadmap/solve';
import { greedySchedule } from '../../shared/roadmap/greedy';
import { buildMilp, milpToLp } from '../../shared/roadmap/milp';
import { roadmapOutputs } from '../../shared/roadmap/outputs';
import { improvePlan } from '../../shared/roadmap/improve';
import { planFromStarts, prepareProblem } from '../../shared/roadmap/problem';
import type { RoadmapInput } from '../../shared/roadmap/types';
import { validateRoadmap } from '../../shared/roadmap/validate';
import { generateRoadmap } from '../bench/roadmap';
import { initiative, world } from './roadmap-fixture';

const solve = (input: RoadmapInput, timeLimitMs = 5000) => {
  validateRoadmap(input);
  return solveSchedule(prepareProblem(input), { timeLimitMs });
};
const starts = (plan: { initiativeId: string; startQuarter: string }[]) => Object.fromEntries(plan.map((e) => [e.initiativeId, e.startQuarter]));

describe('the optimal scheduler (real HiGHS)', () => {
  it('delays an initiative when capacity is bound', async () => {
    // A: M1.1 2 -> 4 (2 levels x 1/4 = 0.5 per checkpoint); B: M1.2 2 -> 3 (0.25 per checkpoint).
    // Each needs 30 data-engineer days in one quarter; capacity 40, so they cannot share a quarter.
    // A first: A counts at checkpoints 1-3 (1.5), B at 2-3 (0.5) = 2.0; B first: 0.75 + 1.0 = 1.75.
    const input = world(
      [
        initiative('A', { uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }], effort: [{ roleId: 'de', days: 30 }] }),
        initiative('B', { uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }], effort: [{ roleId: 'de', days: 30 }] }),
      ],
      { horizon: 3, capacity: [{ roleId: 'de', daysPerQuarter: 40 }] },
    );
    const r = await solve(input);
    expect(r.status).toBe('optimal');
    expect(starts(r.plan)).toEqual({ A: '2027-Q1', B: '2027-Q2' });
    expect(r.objective).toBeCloseTo(2.0, 9);
    expect(r.gap).toBeLessThanOrEqual(1e-4);
  });

  it('beats the greedy value-per-cost order where greedy is provably worse', async () => {
    // One quarter, budget 100.00. Checkpoint 1 only; each level of an M1 capability is worth 1/4.
    // A: M1.4 1 -> 5 = 4 levels = 1.00 for 60.00 (1.00 per 0.6 of the budget = 1.67)
    // B: M1.1 2 -> 5 = 3 levels = 0.75 for 50.00 (0.75 / 0.5 = 1.5); C: M1.2 2 -> 5, the same.
    // Greedy takes A first (best ratio); 40.00 is left, so neither B nor C fits: 1.00.
    // B + C cost exactly 100.00 and are worth 0.75 + 0.75 = 1.50, the optimum (A + anything is over budget).
    const input = world(
      [
        initiative('A', { uplifts: [{ capabilityId: 'M1.4', toLevel: 5 }], capex: 6_000 }),
        initiative('B', { uplifts: [{ capabilityId: 'M1.1', toLevel: 5 }], capex: 5_000 }),
        initiative('C', { uplifts: [{ capabilityId: 'M1.2', toLevel: 5 }], capex: 5_000 }),
      ],
      { horizon: 1, budget: { per: 'quarter', amount: 10_000 } },
    );
    const g = greedySchedule(prepareProblem(input));
    expect(Object.keys(starts(g.plan))).toEqual(['A']);
    expect(g.objective).toBeCloseTo(1.0, 9);
    const r = await solve(input);
    expect(r.status).toBe('optimal');
    expect(Object.keys(starts(r.plan)).sort()).toEqual(['B', 'C']);
    expect(r.objective).toBeCloseTo(1.5, 9);
    expect(r.greedyObjective).toBeCloseTo(1.0, 9);
  });

  it('greedy plans a dependency worth nothing on its own when its dependant is worth it', () => {
    // Platform lifts nothing; Catalogue (M1.1 2 -> 4, 0.5 per checkpoint) depends on it. Horizon 3:
    // Platform in 2027-Q1, Catalogue in 2027-Q2, counted at checkpoints 2 and 3: 2 x 0.5 = 1.0
    const input = world([initiative('plat', { capex: 1_000 }), initiative('cat', { dependsOn: ['plat'], uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }] })], {
      horizon: 3,
      budget: { per: 'quarter', amount: 5_000 },
    });
    const g = greedySchedule(prepareProblem(input));
    expect(starts(g.plan)).toEqual({ plat: '2027-Q1', cat: '2027-Q2' });
    expect(g.objective).toBeCloseTo(1.0, 9);
  });

  it('improves a plan by local search without breaking a limit or lowering the objective', () => {
    const p = prepareProblem(generateRoadmap({ initiatives: 60, horizon: 8, seed: 5 }));
    const g = greedySchedule(p);
    const better = improvePlan(p, g.starts, { passes: 1 });
    expect(better.objective).toBeGreaterThanOrEqual(g.objective - 1e-9);
    expect(roadmapOutputs(p, planFromStarts(p, better.starts)).violations).toEqual([]);
  });

  it('does not count two initiatives lifting the same capability twice', async () => {
    // X and Y both lift M1.1 to 4: together they are worth what one is. Budget fits one and Z (M1.2 -> 3).
    // Horizon 1: X or Y = 2 levels x 1/4 = 0.5, Z = 0.25. Best: one of X/Y plus Z = 0.75 (X + Y would be 0.5).
    const input = world(
      [
        initiative('X', { uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }], capex: 4_000 }),
        initiative('Y', { uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }], capex: 4_000 }),
        initiative('Z', { uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }], capex: 5_000 }),
      ],
      { horizon: 1, budget: { per: 'quarter', amount: 10_000 } },
    );
    const r = await solve(input);
    expect(r.objective).toBeCloseTo(0.75, 9);
    expect(r.plan.map((e) => e.initiativeId)).toContain('Z');
  });

  it('respects dependencies, earliest starts, forced and excluded initiatives, and a fiscal-year budget', async () => {
    const input = world(
      [
        initiative('lake', { name: 'Lakehouse migration', durationQuarters: 2, capex: 1_000 }),
        initiative('cat', { name: 'Catalogue rollout', dependsOn: ['lake'], uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }], capex: 1_000 }),
        initiative('dq', { name: 'Quality', uplifts: [{ capabilityId: 'M1.2', toLevel: 4 }], earliestStart: '2027-Q3' }),
        initiative('bi', { name: 'BI refresh', uplifts: [{ capabilityId: 'M1.4', toLevel: 5 }] }),
        initiative('ops', { name: 'Ops', capex: 500 }),
      ],
      { horizon: 6, forced: ['ops'], excluded: ['bi'], budget: { per: 'year', amount: 100_000 } },
    );
    const r = await solve(input);
    expect(r.status).toBe('optimal');
    const s = starts(r.plan);
    expect(s).toEqual({ lake: '2027-Q1', cat: '2027-Q3', dq: '2027-Q3', ops: s.ops });
    expect(roadmapOutputs(prepareProblem(input), r.plan).violations).toEqual([]);
  });

  it('reports an infeasible scenario with the limit that makes it so, without solving', async () => {
    const input = world([initiative('lake', { name: 'Lakehouse migration', effort: [{ roleId: 'de', days: 60 }] })], {
      forced: ['lake'],
      capacity: [{ roleId: 'de', daysPerQuarter: 40 }],
    });
    const r = await solve(input);
    expect(r.status).toBe('infeasible');
    expect(r.plan).toEqual([]);
    expect(r.reasons.map((x) => x.message)).toEqual(['Forced initiative Lakehouse migration needs 60 data engineer days in 2027-Q1, capacity is 40']);
  });

  it('explains an infeasibility only the solver can prove', async () => {
    // 3 forced initiatives of 30 architect days, 2 quarters of 50: 90 <= 100 in total, but any two in one quarter need 60.
    const input = world(
      ['a', 'b', 'c'].map((id) => initiative(id, { name: id.toUpperCase(), effort: [{ roleId: 'ar', days: 30 }] })),
      { horizon: 2, forced: ['a', 'b', 'c'], capacity: [{ roleId: 'ar', daysPerQuarter: 50 }] },
    );
    const r = await solve(input);
    expect(r.status).toBe('infeasible');
    expect(r.reasons[0]!.message).toBe(
      'The forced initiatives (A, B, C) each fit on their own, but no choice of start quarters fits all of them within the budget and capacity together',
    );
  });

  it('writes the model as CPLEX LP text', () => {
    const input = world([initiative('A', { uplifts: [{ capabilityId: 'M1.1', toLevel: 3 }], effort: [{ roleId: 'de', days: 30 }] })], {
      horizon: 2,
      capacity: [{ roleId: 'de', daysPerQuarter: 20 }],
    });
    const lp = milpToLp(buildMilp(prepareProblem(input)));
    expect(lp).toMatch(/^Maximize\n obj:/);
    expect(lp).toContain('Subject To');
    expect(lp).toContain(' cap_0_0: 30 y_0_0 <= 20');
    expect(lp).toContain('Binaries');
  });

  it('gives the same optimum through the LP text as through the model data', async () => {
    // the capacity-bound case above: 2.0
    const input = world(
      [
        initiative('A', { uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }], effort: [{ roleId: 'de', days: 30 }] }),
        initiative('B', { uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }], effort: [{ roleId: 'de', days: 30 }] }),
      ],
      { horizon: 3, capacity: [{ roleId: 'de', daysPerQuarter: 40 }] },
    );
    const highs = await loadSolver();
    const res = highs.solve(milpToLp(buildMilp(prepareProblem(input))), { output_flag: false });
    expect(res.Status).toBe('Optimal');
    expect(res.ObjectiveValue).toBeCloseTo(2.0, 9);
  });

  it('keeps the best plan found at the time limit on a large problem, never worse than greedy', async () => {
    const p = prepareProblem(generateRoadmap({ initiatives: 150, seed: 3 }));
    const r = await solveSchedule(p, { timeLimitMs: 400 });
    expect(['optimal', 'time_limit']).toContain(r.status);
    expect(r.plan.length).toBeGreaterThan(0);
    expect(r.objective!).toBeGreaterThanOrEqual(r.greedyObjective - 1e-9);
    expect(roadmapOutputs(p, r.plan).violations).toEqual([]);
  });
});
