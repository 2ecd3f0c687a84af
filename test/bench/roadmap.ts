/**
 * Roadmap bench: a realistic generated problem (150 initiatives, 12 quarters, 6 roles, 72
 * capabilities, a dependency DAG, a budget and capacities that bind), solved with HiGHS next to the
 * greedy heuristic, and the time to recompute every output for a plan. Figures, not assertions.
 */
import { greedySchedule } from '../../shared/roadmap/greedy';
import { buildMilp } from '../../shared/roadmap/milp';
import { roadmapOutputs } from '../../shared/roadmap/outputs';
import { prepareProblem } from '../../shared/roadmap/problem';
import type { Baseline, Initiative, RoadmapInput } from '../../shared/roadmap/types';
import { validateRoadmap } from '../../shared/roadmap/validate';
import { loadSolver, solveSchedule } from '../../electron/core/roadmap/solve';
import { ms, row, sample, stats } from './stats';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOptions {
  initiatives?: number;
  horizon?: number;
  seed?: number;
}

/** A realistic roadmap problem: 9 modules x 8 capabilities, 6 roles, a DAG of initiatives, binding limits. */
export function generateRoadmap(opts: GeneratedOptions = {}): RoadmapInput {
  const n = opts.initiatives ?? 150;
  const horizon = opts.horizon ?? 12;
  const r = rng(opts.seed ?? 7);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const baseline: Baseline = {};
  const scored: string[] = [];
  for (let m = 1; m <= 9; m++)
    for (let c = 1; c <= 8; c++) {
      const id = `M${m}.${c}`;
      const na = r() < 0.03;
      const unscored = !na && r() < 0.03;
      const current = na || unscored ? null : int(1, 3);
      baseline[id] = { moduleId: `M${m}`, current, target: current === null ? null : Math.min(5, current + int(1, 2)), notApplicable: na };
      if (current !== null) scored.push(id);
    }
  const roles = [
    { id: 'de', name: 'Data engineer', dayRate: 90_000 },
    { id: 'ae', name: 'Analytics engineer', dayRate: 85_000 },
    { id: 'da', name: 'Data architect', dayRate: 120_000 },
    { id: 'gl', name: 'Governance lead', dayRate: 100_000 },
    { id: 'pe', name: 'Platform engineer', dayRate: 95_000 },
    { id: 'pm', name: 'Project manager', dayRate: 80_000 },
  ];
  const units = ['finance', 'sales', 'operations', 'hr'].map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) }));
  const initiatives: Initiative[] = [];
  for (let i = 0; i < n; i++) {
    const caps = new Set<string>();
    const k = int(1, 3);
    while (caps.size < k) caps.add(scored[int(0, scored.length - 1)]!);
    const uplifts = [...caps].map((capabilityId) => ({ capabilityId, toLevel: Math.min(5, baseline[capabilityId]!.current! + int(1, 2)) }));
    const duration = int(1, 4);
    const effortRoles = new Set<string>();
    const nr = int(2, 3);
    while (effortRoles.size < nr) effortRoles.add(roles[int(0, roles.length - 1)]!.id);
    const deps = new Set<string>();
    if (i > 5 && r() < 0.35) deps.add(`i${int(0, i - 1)}`);
    if (i > 20 && r() < 0.1) deps.add(`i${int(0, i - 1)}`);
    initiatives.push({
      id: `i${i}`,
      name: `Initiative ${i}`,
      description: '',
      owner: '',
      uplifts,
      capex: int(0, 40) * 1_000_000,
      opexPerYear: r() < 0.5 ? int(1, 12) * 1_000_000 : 0,
      effort: [...effortRoles].map((roleId) => ({ roleId, days: int(10, 40) * duration })),
      durationQuarters: duration,
      earliestStart: r() < 0.15 ? `${2027 + Math.floor(int(0, 5) / 4)}-Q${(int(0, 5) % 4) + 1}` : null,
      dependsOn: [...deps],
      costSplit:
        r() < 0.5
          ? { mode: 'equal' }
          : { mode: 'percent', shares: [{ businessUnitId: 'finance', percent: 40 }, { businessUnitId: 'sales', percent: 35 }, { businessUnitId: 'operations', percent: 25 }] },
      risk: (['low', 'medium', 'high'] as const)[int(0, 2)]!,
      note: '',
    });
  }
  const forced = initiatives.filter((x) => !x.dependsOn.length && x.earliestStart === null).slice(0, 3).map((x) => x.id);
  const excluded = initiatives.filter((x) => !forced.includes(x.id)).slice(40, 42).map((x) => x.id);
  return {
    baseline,
    initiatives,
    rateCard: { roles },
    businessUnits: units,
    fyStartMonth: 4,
    currency: 'EUR',
    scenario: {
      id: 's1',
      name: 'Bench',
      startQuarter: '2027-Q1',
      horizon,
      budget: { per: 'quarter', amount: 350_000_000 },
      capacity: roles.map((role) => ({ roleId: role.id, daysPerQuarter: 140 })),
      forced,
      excluded,
      moduleWeights: { M1: 2, M4: 1.5 },
      baselineAssessmentId: 'a1',
      mode: 'optimal',
      manualStarts: {},
    },
  };
}

export async function roadmapBench(): Promise<void> {
  console.log('\n## Roadmap: 150 initiatives x 12 quarters x 6 roles (generated, budget and capacity binding)');
  const input = generateRoadmap();
  validateRoadmap(input);
  const p = prepareProblem(input);
  const m = buildMilp(p);
  console.log(`model: ${m.numCols} columns (${m.integrality.reduce((a, b) => a + b, 0)} binary), ${m.numRows} rows, ${m.values.length} non-zeros`);
  const t0 = performance.now();
  await loadSolver();
  console.log(`${'(once) load HiGHS WebAssembly'.padEnd(52)} ${ms(performance.now() - t0)}`);

  const prep = await sample(20, () => prepareProblem(input), 3);
  console.log(row('prepareProblem (costs, windows, terms)', prep));
  const greedyT = await sample(10, () => greedySchedule(p), 2);
  console.log(row('greedy heuristic', greedyT));
  const build = await sample(10, () => buildMilp(p), 2);
  console.log(row('build MILP (pure)', build));

  const times: number[] = [];
  for (let seed = 1; seed <= 5; seed++) {
    const q = prepareProblem(generateRoadmap({ seed }));
    const res = await solveSchedule(q, { timeLimitMs: 2000, relGap: 0.01 });
    times.push(res.ms);
    const uplift = res.objective !== null && res.greedyObjective > 0 ? `${(((res.objective - res.greedyObjective) / res.greedyObjective) * 100).toFixed(1)}%` : '-';
    console.log(
      `solve seed ${seed}: status ${res.status.padEnd(10)} ${ms(res.ms).padStart(10)}  gap ${res.gap === null ? '-' : `${(res.gap * 100).toFixed(2)}%`}  objective ${res.objective?.toFixed(3)}  greedy ${res.greedyObjective.toFixed(3)}  (optimum +${uplift}), ${res.plan.length} planned`,
    );
  }
  console.log(row('solveSchedule, 2 s limit, mip_rel_gap 1%', stats(times), 'target: optimal or gap <= 1% within 2 s'));

  const res = await solveSchedule(p, { timeLimitMs: 2000, relGap: 0.01 });
  const out = await sample(50, () => roadmapOutputs(p, res.plan), 5);
  console.log(row('roadmapOutputs (all outputs for a plan)', out, 'target <= 50 ms'));
  const full = await sample(50, () => roadmapOutputs(prepareProblem(input), res.plan), 5);
  console.log(row('prepareProblem + roadmapOutputs', full, 'target <= 50 ms'));
}
