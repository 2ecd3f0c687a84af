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
import { seededRandom } from '../support/random';
import { ms, row, sample, stats } from './stats';


export interface GeneratedOptions {
  initiatives?: number;
  horizon?: number;
  seed?: number;
  /** Budget per quarter in minor units (default 3,000,000.00). */
  budgetPerQuarter?: number;
  /** Days per quarter for each role (default 250: about half of the backlog's effort fits). */
  daysPerQuarter?: number;
}

/** A realistic roadmap problem: 9 modules x 8 capabilities, 6 roles, a DAG of initiatives, binding limits. */
export function generateRoadmap(opts: GeneratedOptions = {}): RoadmapInput {
  const n = opts.initiatives ?? 150;
  const horizon = opts.horizon ?? 12;
  const r = seededRandom(opts.seed ?? 7);
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
      budget: { per: 'quarter', amount: opts.budgetPerQuarter ?? 300_000_000 },
      capacity: roles.map((role) => ({ roleId: role.id, daysPerQuarter: opts.daysPerQuarter ?? 250 })),
      forced,
      excluded,
      moduleWeights: { M1: 2, M4: 1.5 },
      baselineAssessmentId: 'a1',
      mode: 'optimal',
      manualStarts: {},
    },
  };
}

async function solveSeries(label: string, opts: GeneratedOptions): Promise<void> {
  console.log(`\n### ${label}`);
  const times: number[] = [];
  const gaps: number[] = [];
  for (let seed = 1; seed <= 5; seed++) {
    const q = prepareProblem(generateRoadmap({ ...opts, seed }));
    const res = await solveSchedule(q, { timeLimitMs: 2000, relGap: 0.01 });
    times.push(res.ms);
    if (res.gap !== null) gaps.push(res.gap * 100);
    const out = roadmapOutputs(q, res.plan);
    const tightBudget = out.limits.budget.filter((b) => b.spend >= 0.95 * b.limit).length;
    const tightRole = out.limits.capacity.flatMap((c) => c.byQuarter).filter((x) => x.capacity !== null && x.used >= 0.95 * x.capacity).length;
    const vsGreedy = res.objective !== null && res.greedyObjective > 0 ? `+${(((res.objective - res.greedyObjective) / res.greedyObjective) * 100).toFixed(1)}%` : '-';
    console.log(
      `seed ${seed}: ${res.status.padEnd(10)} ${ms(res.ms).padStart(10)}  gap ${res.gap === null ? '-' : `${(res.gap * 100).toFixed(2)}%`.padStart(6)}  ` +
        `objective ${res.objective?.toFixed(2)} vs greedy ${res.greedyObjective.toFixed(2)} (${vsGreedy}); ${res.plan.length}/150 planned; ` +
        `quarters at >= 95% of budget ${tightBudget}/12, role-quarters at >= 95% of capacity ${tightRole}/72; ` +
        `phases ${Object.entries(res.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`,
    );
  }
  console.log(row('solveSchedule, 2 s limit, 1% gap', stats(times), 'target: optimal or gap <= 1% within 2 s'));
  const g = stats(gaps);
  console.log(`${'gap (%)'.padEnd(52)} p50 ${g.p50.toFixed(2).padStart(10)}   p95 ${g.p95.toFixed(2).padStart(10)}`);
}

export async function roadmapBench(): Promise<void> {
  console.log('\n## Roadmap: 150 initiatives x 12 quarters x 6 roles (generated DAG, budget and capacity binding)');
  const input = generateRoadmap();
  validateRoadmap(input);
  const p = prepareProblem(input);
  const m = buildMilp(p);
  console.log(`model: ${m.numCols} columns (${m.integrality.reduce((a, b) => a + b, 0)} binary), ${m.numRows} rows, ${m.values.length} non-zeros`);
  let t0 = performance.now();
  await loadSolver();
  console.log(`${'(once) load HiGHS WebAssembly'.padEnd(52)} ${ms(performance.now() - t0)}`);
  t0 = performance.now();
  const first = await solveSchedule(prepareProblem(generateRoadmap({ seed: 99 })), { timeLimitMs: 2000, relGap: 0.01 });
  console.log(`${'(once) first solve, WebAssembly not yet optimised'.padEnd(52)} ${ms(performance.now() - t0)}   status ${first.status}`);

  console.log(row('prepareProblem (costs, windows, terms)', await sample(20, () => prepareProblem(input), 3)));
  console.log(row('greedy heuristic', await sample(10, () => greedySchedule(p), 2)));
  console.log(row('build MILP (pure)', await sample(10, () => buildMilp(p), 2)));

  await solveSeries('Binding: 3,000,000 a quarter, 250 days a quarter per role (about half the backlog fits)', {});
  await solveSeries('Very tight: 3,500,000 a quarter, 140 days a quarter per role (about a third fits)', { budgetPerQuarter: 350_000_000, daysPerQuarter: 140 });

  const res = await solveSchedule(p, { timeLimitMs: 2000, relGap: 0.01 });
  console.log('');
  console.log(row('roadmapOutputs (all outputs for a plan)', await sample(50, () => roadmapOutputs(p, res.plan), 5), 'target <= 50 ms'));
  console.log(row('prepareProblem + roadmapOutputs', await sample(50, () => roadmapOutputs(prepareProblem(input), res.plan), 5), 'target <= 50 ms'));
}

/**
 * The same 150-initiative roadmap in a real engagement file, through the HTTP API: the solve in the
 * engine's worker thread, and the numbers on screen after an edit (an initiative changed, then
 * scenario.outputs: projected maturity, costs, chargeback, time to target and limits recomputed).
 */
export async function roadmapEditBench(): Promise<void> {
  console.log('\n## Roadmap in an engagement file via HTTP: 150 initiatives x 12 quarters x 6 roles');
  const { startHarness } = await import('../support/engine');
  const h = await startHarness();
  try {
    const g = generateRoadmap();
    const e = await h.call('engagement.create', { client: 'Bench Co', currency: 'EUR', fyStartMonth: 4 });
    const engagementId = e.id;
    const units = new Map<string, string>();
    for (const u of g.businessUnits) units.set(u.id, (await h.call('businessUnit.add', { engagementId, name: u.name })).id);
    const a = await h.call('assessment.create', { engagementId, label: 'Bench', date: '2026-11-25' });
    for (const [capabilityId, c] of Object.entries(g.baseline)) {
      if (c.notApplicable) await h.call('assessment.rate', { engagementId, assessmentId: a.id, capabilityId, notApplicable: true });
      else if (c.current !== null) await h.call('assessment.rate', { engagementId, assessmentId: a.id, capabilityId, currentLevel: c.current, targetLevel: c.target });
    }
    const card = await h.call('rateCard.set', { engagementId, roles: g.rateCard.roles.map((r) => ({ name: r.name, dayRate: r.dayRate })) });
    const role = new Map(g.rateCard.roles.map((r, k) => [r.id, card.roles[k]!.id]));
    const ids = new Map<string, string>();
    const t0 = performance.now();
    for (const x of g.initiatives) {
      const added = await h.call('initiative.add', {
        engagementId,
        name: x.name,
        uplifts: x.uplifts,
        capex: x.capex,
        opexPerYear: x.opexPerYear,
        effort: x.effort.map((f) => ({ roleId: role.get(f.roleId)!, days: f.days })),
        durationQuarters: x.durationQuarters,
        earliestStart: x.earliestStart,
        dependsOn: x.dependsOn.map((d) => ids.get(d)!),
        costSplit: x.costSplit.mode === 'equal' ? x.costSplit : { mode: 'percent', shares: x.costSplit.shares.map((s) => ({ ...s, businessUnitId: units.get(s.businessUnitId)! })) },
      });
      ids.set(x.id, added.id);
    }
    console.log(`${'(setup) 150 initiative.add via HTTP, each validated'.padEnd(52)} ${ms(performance.now() - t0)}`);
    const s = g.scenario;
    const scenario = await h.call('scenario.create', {
      engagementId,
      name: 'Bench',
      startQuarter: s.startQuarter,
      horizon: s.horizon,
      budget: s.budget,
      capacity: s.capacity.map((c) => ({ roleId: role.get(c.roleId)!, daysPerQuarter: c.daysPerQuarter })),
      forced: s.forced.map((f) => ids.get(f)!),
      excluded: s.excluded.map((f) => ids.get(f)!),
      moduleWeights: s.moduleWeights,
    });
    const ref = { engagementId, scenarioId: scenario.id };
    const solves: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await h.call('scenario.schedule', { ...ref, timeLimitMs: 2000 });
      solves.push(performance.now() - t);
      console.log(
        `scenario.schedule #${i + 1}: ${r.status}, solver ${ms(r.ms)}, gap ${r.gap === null ? '-' : `${(r.gap * 100).toFixed(2)}%`}, objective ${r.objective?.toFixed(2)} vs greedy ${r.greedyObjective.toFixed(2)}, ${r.plan.length}/150 planned`,
      );
    }
    console.log(row('scenario.schedule via HTTP (worker thread, 2 s limit)', stats(solves)));
    console.log(row('scenario.outputs via HTTP (read, recompute)', await sample(30, () => h.call('scenario.outputs', ref), 3), 'target <= 50 ms'));
    const target = ids.get('i10')!;
    const edit = await sample(
      30,
      async (i) => {
        await h.call('initiative.update', { engagementId, initiativeId: target, capex: 1_000_000 + Math.abs(i) * 100 });
        await h.call('scenario.outputs', ref);
      },
      3,
    );
    console.log(row('edit an initiative, then scenario.outputs, via HTTP', edit, 'the numbers on screen after an edit'));
  } finally {
    await h.stop();
  }
}
