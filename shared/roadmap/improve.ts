/**
 * Local search on a feasible plan (usually greedy's), used to hand the solver a strong starting plan
 * and to keep a good plan when the solver runs out of time. Every move keeps the plan within the
 * budget, capacity, dependencies, earliest starts and horizon, and is kept only if the objective
 * (problem.ts) rises. Deterministic: the effort is bounded by `passes`, not by a clock.
 *
 * Moves, repeated for up to `passes` passes or until a pass changes nothing:
 * 1. Earlier: each planned initiative, dependencies first, moves to its earliest start that fits.
 * 2. Fill: the greedy order (greedy.ts) adds whatever now fits.
 * 3. Drop and refill: each planned initiative that is not required and has no planned dependant is
 *    taken out, its room refilled by the greedy order without it, and the plan moved earlier; kept if
 *    the objective rises, undone otherwise.
 */
import { fillGreedy, PlanState } from './greedy';
import { objectiveOf, type Problem } from './problem';

export interface ImproveOptions {
  /** Maximum passes over all moves (default 3). */
  passes?: number;
}

function moveEarlier(p: Problem, st: PlanState): void {
  for (const i of p.topo) {
    const s = st.starts[i]!;
    if (s <= 0) continue;
    st.remove(i);
    const e = st.earliestFit(i, s);
    st.place(i, e >= 0 ? e : s);
    st.commit();
  }
}

/** A better plan than `starts` (or the same when none is found), as start indices, with its objective. */
export function improvePlan(p: Problem, starts: ArrayLike<number>, options: ImproveOptions = {}): { starts: Int32Array; objective: number } {
  let st = PlanState.from(p, starts);
  let best = objectiveOf(p, st.starts);
  const passes = options.passes ?? 3;
  for (let pass = 0; pass < passes; pass++) {
    const before = best;
    moveEarlier(p, st);
    fillGreedy(p, st);
    best = objectiveOf(p, st.starts);
    const order = [...p.topo].reverse();
    for (const i of order) {
      if (st.starts[i]! < 0 || p.required[i]) continue;
      if (p.items[i]!.dependants.some((j) => st.starts[j]! >= 0)) continue;
      const snapshot = Int32Array.from(st.starts);
      st.remove(i);
      fillGreedy(p, st, new Set([i]));
      moveEarlier(p, st);
      const value = objectiveOf(p, st.starts);
      if (value > best + 1e-9) best = value;
      else st = PlanState.from(p, snapshot);
    }
    if (best <= before + 1e-9) break;
  }
  return { starts: Int32Array.from(st.starts), objective: best };
}
