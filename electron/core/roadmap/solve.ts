/**
 * The optimal scheduler: solves the MILP of shared/roadmap/milp.ts with HiGHS (WebAssembly, loaded once
 * and reused) and returns the best plan found. Plain Node; never imports `electron`.
 *
 * Steps, all within `timeLimitMs` (the solver is stopped at what is left):
 * 0. feasibility.ts looks for what makes the scenario infeasible; if it finds anything nothing is
 *    solved and its reasons are returned (status 'infeasible').
 * 1. The greedy plan (greedy.ts), kept for comparison (`greedyObjective`) and as the fallback.
 * 2. The LP relaxation: its optimum is an upper bound on any plan's objective, and its fractional plan
 *    guides two plans (rounding.ts) that local search (improve.ts) then improves, as it does greedy's.
 * 3. Small MILPs around the best plan: start columns on which that plan and the relaxation (nearly)
 *    agree are fixed and HiGHS searches the others, from a narrow neighbourhood to a wide one.
 * 4. If the best plan is not yet within `relGap` of the bound, the full MILP, started from the best plan,
 *    until the time limit; its proven bound tightens the gap.
 * Every plan is checked exactly against the limits (roadmapOutputs' violations) before it is accepted,
 * since the solver works to a tolerance.
 *
 * Result: status 'optimal' when the plan is proven within `relGap` (default 1e-4) of the best possible;
 * 'time_limit' when time ran out first (the best plan found is kept; if nothing beat greedy, the greedy
 * plan is returned and the message says so); 'infeasible' with reasons; 'error' with a message.
 * `gap` = (best bound - objective) / objective, 0 when the plan meets the bound. `objective` and
 * `greedyObjective` are both computed by objectiveOf (problem.ts): same scale, same code.
 *
 * The WebAssembly calls are synchronous: a solve blocks the calling thread for up to `timeLimitMs`, so
 * the engine should run it off its main thread. The first solve after loading is slower (about 1-2 s
 * more on a large problem) while V8 optimises the WebAssembly code.
 */
import loadHighs from 'highs';
import { explainInfeasibility, combinationReason, type InfeasibilityReason } from '../../../shared/roadmap/feasibility';
import { greedySchedule } from '../../../shared/roadmap/greedy';
import { improvePlan } from '../../../shared/roadmap/improve';
import { buildMilp, milpStart, startsFromColumns, type MilpModel } from '../../../shared/roadmap/milp';
import { roadmapOutputs } from '../../../shared/roadmap/outputs';
import { objectiveOf, planFromStarts, type Problem } from '../../../shared/roadmap/problem';
import { lpGuidedSchedule, type LpGuide } from '../../../shared/roadmap/rounding';
import type { Plan } from '../../../shared/roadmap/types';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

let loading: Promise<Highs> | null = null;

/** The HiGHS runtime, loaded on first use and reused. */
export function loadSolver(): Promise<Highs> {
  if (!loading) {
    loading = loadHighs();
    loading.catch(() => (loading = null));
  }
  return loading;
}

export interface SolveOptions {
  /** Wall-clock limit for the whole call, in milliseconds. */
  timeLimitMs: number;
  /** Relative MIP gap at which HiGHS may stop and call the plan optimal (default 1e-4). */
  relGap?: number;
}

export interface SolveResult {
  status: 'optimal' | 'time_limit' | 'infeasible' | 'error';
  /** Objective of `plan` (null when there is no plan). */
  objective: number | null;
  /** Relative MIP gap (null when unknown). */
  gap: number | null;
  /** Milliseconds for the whole call. */
  ms: number;
  plan: Plan;
  /** Objective of the greedy plan on the same data and scale. */
  greedyObjective: number;
  /** Where the plan came from. */
  source: 'solver' | 'greedy' | 'none';
  /** Why the scenario is infeasible (status 'infeasible'). */
  reasons: InfeasibilityReason[];
  /** A sentence for the consultant when something is not as asked (time limit, fallback, error). */
  message: string | null;
  /** Milliseconds per phase: greedy, LP relaxation, LP-guided heuristics, MILP. */
  phases: { greedy: number; lp: number; heuristics: number; milp: number };
}

type HighsModel = ReturnType<Highs['createModel']>;

function createModel(highs: Highs, m: MilpModel, integer: boolean): HighsModel {
  return highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: m.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    ...(integer ? { integrality: m.integrality } : {}),
  });
}

/** Per initiative, how fully and (on average) when the LP relaxation starts it. */
function lpGuide(m: MilpModel, colValue: ArrayLike<number>): LpGuide[] {
  return m.y.map(({ col, from, to }) => {
    if (to < from) return { selected: 0, meanStart: 0 };
    let prev = 0;
    let mean = 0;
    for (let s = from; s <= to; s++) {
      const v = Math.min(1, Math.max(0, colValue[col + s - from]!));
      mean += Math.max(0, v - prev) * s;
      prev = Math.max(prev, v);
    }
    return { selected: prev, meanStart: prev > 0 ? mean / prev : 0 };
  });
}

const relative = (bound: number, value: number) => (bound <= value + 1e-9 ? 0 : value > 0 ? (bound - value) / value : Infinity);

export async function solveSchedule(problem: Problem, options: SolveOptions): Promise<SolveResult> {
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const secondsLeft = () => Math.max(0.05, (options.timeLimitMs - elapsed()) / 1000);
  const relGap = options.relGap ?? 1e-4;
  const phases = { greedy: 0, lp: 0, heuristics: 0, milp: 0 };
  let mark = performance.now();
  const lap = (k: keyof typeof phases) => {
    const now = performance.now();
    phases[k] += now - mark;
    mark = now;
  };
  const greedy = greedySchedule(problem);
  lap('greedy');
  const base = { greedyObjective: greedy.objective, reasons: [] as InfeasibilityReason[], message: null as string | null, phases };

  const reasons = explainInfeasibility(problem);
  if (reasons.length) return { ...base, status: 'infeasible', objective: null, gap: null, ms: elapsed(), plan: [], source: 'none', reasons };
  const infeasible = (): SolveResult => ({ ...base, status: 'infeasible', objective: null, gap: null, ms: elapsed(), plan: [], source: 'none', reasons: [combinationReason(problem)] });

  // the best plan known so far, from the heuristics or the solver
  let best: { starts: Int32Array; objective: number; source: 'solver' | 'greedy' } | null =
    greedy.unplacedRequired.length === 0 ? { starts: greedy.starts, objective: greedy.objective, source: 'greedy' } : null;
  const offer = (starts: Int32Array, source: 'solver' | 'greedy') => {
    if (!feasible(problem, starts)) return;
    const objective = objectiveOf(problem, starts);
    if (!best || objective > best.objective + 1e-9) best = { starts, objective, source };
  };
  const finish = (status: SolveResult['status'], gap: number | null, message: string | null): SolveResult => {
    if (!best) return { ...base, status, objective: null, gap: null, ms: elapsed(), plan: [], source: 'none', message };
    return { ...base, status, objective: best.objective, gap, ms: elapsed(), plan: planFromStarts(problem, best.starts), source: best.source, message };
  };

  let highs: Highs;
  try {
    highs = await loadSolver();
  } catch (e) {
    return finish('error', null, `The solver could not be loaded (${(e as Error).message}); showing the greedy plan.`);
  }
  const m = buildMilp(problem);
  if (m.numCols === 0) return { ...base, status: 'optimal', objective: 0, gap: 0, ms: elapsed(), plan: [], source: 'solver' };
  const S = highs.constants.modelStatus;

  // 1. the LP relaxation: an upper bound, and a guide for a strong plan
  let bound = Infinity;
  let lpValues: Float64Array | null = null;
  {
    const lp = createModel(highs, m, false);
    try {
      lp.options.set({ output_flag: false, time_limit: secondsLeft() });
      lp.run();
      lap('lp');
      const st = lp.getModelStatus();
      if (st === S.infeasible) return infeasible();
      if (st === S.optimal) {
        bound = lp.getObjectiveValue();
        lpValues = lp.getSolution().colValue;
        const guide = lpGuide(m, lpValues);
        for (const fromLp of [true, false]) {
          const planned = lpGuidedSchedule(problem, guide, fromLp);
          offer(options.timeLimitMs - elapsed() > 100 ? improvePlan(problem, planned, { passes: 2 }).starts : planned, 'solver');
        }
        if (greedy.unplacedRequired.length === 0 && options.timeLimitMs - elapsed() > 300) offer(improvePlan(problem, greedy.starts, { passes: 2 }).starts, 'solver');
        lap('heuristics');
      }
    } catch (_) {
      // fall through to the MILP, which reports its own errors
    } finally {
      lp.dispose();
    }
  }
  if (best && relative(bound, best.objective) <= relGap) return finish('optimal', relative(bound, best.objective), null);

  // 2. small MILPs around the best plan (relaxation-induced neighbourhoods): start columns on which the
  //    plan and the relaxation (nearly) agree are fixed and HiGHS searches the rest, from a narrow
  //    neighbourhood (quick) to a wide one
  if (best && lpValues) {
    for (const tolerance of [0.5, 0.3, 0.1, 1e-6]) {
      const current = best as { starts: Int32Array; objective: number };
      if (relative(bound, current.objective) <= relGap || options.timeLimitMs - elapsed() < 500) break;
      const incumbent = milpStart(problem, m, current.starts);
      const lower = Float64Array.from(m.colLower);
      const upper = Float64Array.from(m.colUpper);
      let free = 0;
      for (let c = 0; c < m.numCols; c++) {
        if (!m.integrality[c]) continue;
        if (Math.abs(lpValues[c]! - incumbent[c]!) < tolerance) lower[c] = upper[c] = incumbent[c]!;
        else free++;
      }
      if (!free) continue;
      const sub = createModel(highs, { ...m, colLower: lower, colUpper: upper }, true);
      try {
        sub.options.set({ output_flag: false, time_limit: Math.min(secondsLeft() / 3, 0.5), mip_rel_gap: relGap });
        sub.setSolution({ colValue: incumbent });
        sub.run();
        if (Number(sub.info.get('primal_solution_status')) === 2) offer(startsFromColumns(problem, m, sub.getSolution().colValue), 'solver');
      } catch (_) {
        // a failed neighbourhood search changes nothing
      } finally {
        sub.dispose();
      }
    }
    lap('heuristics');
    const current = best as { objective: number };
    if (relative(bound, current.objective) <= relGap) return finish('optimal', relative(bound, current.objective), null);
  }

  // 3. the MILP, started from the best plan known (HiGHS needs a few hundred ms before it can stop)
  if (best && options.timeLimitMs - elapsed() < 250) {
    const gap = relative(bound, (best as { objective: number }).objective);
    return finish('time_limit', Number.isFinite(gap) ? gap : null, timeLimitMessage((best as { source: string }).source, gap));
  }
  const model = createModel(highs, m, true);
  try {
    model.options.set({ output_flag: false, time_limit: secondsLeft(), mip_rel_gap: relGap });
    if (best) model.setSolution({ colValue: milpStart(problem, m, best.starts) });
    model.run();
    lap('milp');
    const st = model.getModelStatus();
    if (st === S.infeasible) return infeasible();
    if (Number(model.info.get('primal_solution_status')) === 2) offer(startsFromColumns(problem, m, model.getSolution().colValue), 'solver');
    const dual = Number(model.info.get('mip_dual_bound'));
    if (Number.isFinite(dual)) bound = Math.min(bound, dual);
    if (!best) {
      return st === S.timeLimit
        ? finish('time_limit', null, 'The solver found no plan within the time limit, and the greedy order could not fit the forced initiatives.')
        : finish('error', null, `The solver stopped without a plan (HiGHS model status ${st}).`);
    }
    const b = best as { objective: number; source: string };
    const gap = relative(bound, b.objective);
    if (st === S.optimal || gap <= relGap) return finish('optimal', gap, null);
    if (st === S.timeLimit)
      return finish('time_limit', Number.isFinite(gap) ? gap : null, timeLimitMessage(b.source, gap));
    return finish('error', Number.isFinite(gap) ? gap : null, `The solver stopped early (HiGHS model status ${st}); showing the best plan found.`);
  } catch (e) {
    return finish('error', null, `The solver failed (${(e as Error).message}); showing the best plan found.`);
  } finally {
    model.dispose();
  }
}

function timeLimitMessage(source: string, gap: number): string {
  return source === 'greedy'
    ? 'The solver found nothing better than the greedy plan within the time limit; showing the greedy plan.'
    : `Stopped at the time limit with the best plan found so far (gap ${Number.isFinite(gap) ? `${(gap * 100).toFixed(2)}%` : 'unknown'}).`;
}

/** Whether a plan keeps every limit exactly (the solver works to a tolerance; heuristics are checked too). */
function feasible(problem: Problem, starts: Int32Array): boolean {
  if (problem.items.some((it, i) => problem.required[i] && starts[i]! < 0)) return false;
  return roadmapOutputs(problem, planFromStarts(problem, starts)).violations.length === 0;
}
