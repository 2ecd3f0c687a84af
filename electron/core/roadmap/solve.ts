/**
 * The optimal scheduler: builds the MILP of shared/roadmap/milp.ts, solves it with HiGHS (WebAssembly,
 * loaded once and reused) and reads the plan back. Plain Node; never imports `electron`.
 *
 * - Before solving, shared/roadmap/feasibility.ts looks for what makes the scenario infeasible; if it
 *   finds anything the solver is not run and those reasons are returned (status 'infeasible').
 * - The greedy plan (shared/roadmap/greedy.ts) is computed first and given to HiGHS as its starting
 *   solution, so a time limit always leaves at least that plan. If HiGHS still has no solution at the
 *   time limit, the greedy plan is returned with status 'time_limit' and a message saying so.
 * - Status 'optimal' means HiGHS proved the plan within `relGap` of the best possible (default 1e-4);
 *   `gap` is the relative gap HiGHS reports, (bound - objective) / objective, 0 when proven exactly.
 * - `objective` and `greedyObjective` are both computed by objectiveOf (same scale, same code).
 * - The solve is synchronous WebAssembly: it blocks the calling thread for up to `timeLimitMs`.
 */
import loadHighs from 'highs';
import { explainInfeasibility, combinationReason, type InfeasibilityReason } from '../../../shared/roadmap/feasibility';
import { greedySchedule } from '../../../shared/roadmap/greedy';
import { buildMilp, milpStart, startsFromColumns } from '../../../shared/roadmap/milp';
import { roadmapOutputs } from '../../../shared/roadmap/outputs';
import { objectiveOf, planFromStarts, type Problem } from '../../../shared/roadmap/problem';
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
}

export async function solveSchedule(problem: Problem, options: SolveOptions): Promise<SolveResult> {
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const greedy = greedySchedule(problem);
  const base = { greedyObjective: greedy.objective, reasons: [] as InfeasibilityReason[], message: null as string | null };

  const reasons = explainInfeasibility(problem);
  if (reasons.length) return { ...base, status: 'infeasible', objective: null, gap: null, ms: elapsed(), plan: [], source: 'none', reasons };

  const greedyOk = greedy.unplacedRequired.length === 0;
  const fallback = (status: SolveResult['status'], message: string): SolveResult =>
    greedyOk
      ? { ...base, status, objective: greedy.objective, gap: null, ms: elapsed(), plan: greedy.plan, source: 'greedy', message }
      : { ...base, status, objective: null, gap: null, ms: elapsed(), plan: [], source: 'none', message };

  let highs: Highs;
  try {
    highs = await loadSolver();
  } catch (e) {
    return fallback('error', `The solver could not be loaded (${(e as Error).message}); showing the greedy plan.`);
  }
  const m = buildMilp(problem);
  if (m.numCols === 0) {
    const plan = planFromStarts(problem, new Int32Array(problem.items.length).fill(-1));
    return { ...base, status: 'optimal', objective: 0, gap: 0, ms: elapsed(), plan, source: 'solver' };
  }
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: m.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    integrality: m.integrality,
  });
  try {
    const remaining = Math.max(0.05, (options.timeLimitMs - elapsed()) / 1000);
    model.options.set({ output_flag: false, time_limit: remaining, mip_rel_gap: options.relGap ?? 1e-4 });
    if (greedyOk) model.setSolution({ colValue: milpStart(problem, m, greedy.starts) });
    model.run();
    const st = model.getModelStatus();
    const S = highs.constants.modelStatus;
    if (st === S.infeasible)
      return { ...base, status: 'infeasible', objective: null, gap: null, ms: elapsed(), plan: [], source: 'none', reasons: [combinationReason(problem)] };
    const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
    if (!hasPrimal) {
      if (st === S.timeLimit) return fallback('time_limit', 'The solver found no plan within the time limit; showing the greedy plan.');
      return fallback('error', `The solver stopped without a plan (HiGHS model status ${st}); showing the greedy plan.`);
    }
    const starts = startsFromColumns(problem, m, model.getSolution().colValue);
    const plan = planFromStarts(problem, starts);
    const objective = objectiveOf(problem, starts);
    // the solver works to a tolerance: re-check the plan exactly before showing it
    const broken = roadmapOutputs(problem, plan).violations;
    if (broken.length) return fallback('error', `The solver's plan breaks a limit (${broken[0]!.message}); showing the greedy plan.`);
    const rawGap = Number(model.info.get('mip_gap'));
    const gap = Number.isFinite(rawGap) ? Math.max(0, rawGap) : null;
    const status = st === S.optimal ? 'optimal' : st === S.timeLimit ? 'time_limit' : 'error';
    const message =
      status === 'time_limit'
        ? `Stopped at the time limit with the best plan found so far (gap ${gap === null ? 'unknown' : `${(gap * 100).toFixed(2)}%`}).`
        : status === 'error'
          ? `The solver stopped early (HiGHS model status ${st}); showing the best plan it found.`
          : null;
    return { ...base, status, objective, gap: status === 'optimal' ? (gap ?? 0) : gap, ms: elapsed(), plan, source: 'solver', message };
  } catch (e) {
    return fallback('error', `The solver failed (${(e as Error).message}); showing the greedy plan.`);
  } finally {
    model.dispose();
  }
}
