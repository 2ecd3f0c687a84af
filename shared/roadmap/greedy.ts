/**
 * The greedy heuristic: a quick, explainable plan used as a baseline next to the optimum, as the
 * solver's starting solution and as the fallback when the solver finds nothing in time.
 *
 * Order:
 * 1. Required initiatives first (forced ones and everything they depend on), dependencies first, each
 *    at its earliest start that fits the budget and capacity left.
 * 2. Then, repeatedly, the best "bundle" by value per scarce resource: a bundle is an initiative plus its
 *    dependencies not yet planned, each placed at its earliest start that fits (dependencies first).
 *    - value = the objective gained (problem.ts), given everything already planned, so a capability
 *      already lifted to a level gains nothing from a second initiative;
 *    - scarce resource = the bundle's share of the horizon's limits: its spend inside the horizon over
 *      the horizon's total budget, plus, per limited role, its days over that role's capacity over the
 *      horizon (1 when the scenario has no limits, so the order is by value);
 *    - ties go to the initiative listed first. Bundles that gain nothing are not planned.
 *    Scores only fall as the plan fills up, so they are re-evaluated lazily: the best stale score is
 *    recomputed and taken if it still beats every other stale score.
 * 3. Stop when no bundle with a positive value fits.
 */
import { objectiveOf, planFromStarts, schedulable, type Problem } from './problem';
import type { Plan } from './types';

export interface GreedyResult {
  plan: Plan;
  /** Start index per initiative, -1 when not planned. */
  starts: Int32Array;
  objective: number;
  /** Required initiatives greedy could not fit (the plan then misses them; empty when feasible). */
  unplacedRequired: string[];
}

/** Mutable usage of budget, capacity and objective terms for a plan being built, with place/undo/remove. */
export class PlanState {
  readonly starts: Int32Array;
  readonly groupUsed: Float64Array;
  readonly effUsed: Float64Array[];
  readonly termFirst: Int32Array;
  private readonly log: { i: number; terms: [number, number][] }[] = [];
  private readonly delta: Float64Array;

  constructor(private readonly p: Problem) {
    this.starts = new Int32Array(p.items.length).fill(-1);
    this.groupUsed = new Float64Array(p.budgetGroups.length);
    this.effUsed = p.roles.map(() => new Float64Array(p.T));
    this.termFirst = new Int32Array(p.terms.length).fill(p.T + 1);
    this.delta = new Float64Array(p.budgetGroups.length);
  }

  fits(i: number, s: number): boolean {
    const p = this.p;
    const it = p.items[i]!;
    if (s + it.duration > p.T) return false;
    for (let r = 0; r < p.roles.length; r++) {
      const c = p.capacity[r];
      if (c === null || c === undefined) continue;
      const prof = it.profile.effort[r]!;
      const used = this.effUsed[r]!;
      for (let k = 0; k < it.duration; k++) if (used[s + k]! + prof[k]! > c) return false;
    }
    if (p.budgetGroups.length) {
      this.delta.fill(0);
      for (let t = s; t < p.T; t++) {
        const g = p.groupOfQuarter[t]!;
        if (g >= 0) this.delta[g] = this.delta[g]! + it.profile.spend[t - s]!;
      }
      for (let g = 0; g < this.delta.length; g++) if (this.delta[g]! > 0 && this.groupUsed[g]! + this.delta[g]! > p.budgetGroups[g]!.limit) return false;
    }
    return true;
  }

  /** Earliest start that fits, after planned dependencies and the initiative's earliest start; -1 if none. */
  earliestFit(i: number, latest: number): number {
    const p = this.p;
    const it = p.items[i]!;
    let lo = Math.max(it.earliest, p.es[i]!);
    for (const d of it.deps) {
      const sd = this.starts[d]!;
      if (sd < 0) return -1;
      lo = Math.max(lo, sd + p.items[d]!.duration);
    }
    for (let s = lo; s <= latest; s++) if (this.fits(i, s)) return s;
    return -1;
  }

  gain(i: number, s: number): number {
    const p = this.p;
    const f = s + p.items[i]!.duration;
    let g = 0;
    for (const k of p.items[i]!.terms) {
      const cur = this.termFirst[k]!;
      if (f < cur) g += p.terms[k]!.weight * (cur - f);
    }
    return g;
  }

  place(i: number, s: number): void {
    const p = this.p;
    const it = p.items[i]!;
    this.apply(it.index, s, 1);
    const f = s + it.duration;
    const changed: [number, number][] = [];
    for (const k of it.terms)
      if (f < this.termFirst[k]!) {
        changed.push([k, this.termFirst[k]!]);
        this.termFirst[k] = f;
      }
    this.starts[i] = s;
    this.log.push({ i, terms: changed });
  }

  /** Undo the last `n` placements. */
  undo(n: number): void {
    for (let m = 0; m < n; m++) {
      const { i, terms } = this.log.pop()!;
      this.apply(i, this.starts[i]!, -1);
      for (const [k, v] of terms) this.termFirst[k] = v;
      this.starts[i] = -1;
    }
  }

  /** Forget the undo log (placements become permanent). */
  commit(): void {
    this.log.length = 0;
  }

  /** Take a planned initiative out for good (clears the undo log). */
  remove(i: number): void {
    const p = this.p;
    const s = this.starts[i]!;
    if (s < 0) return;
    this.apply(i, s, -1);
    this.starts[i] = -1;
    for (const k of p.items[i]!.terms) {
      let first = p.T + 1;
      for (const j of p.terms[k]!.lifters) if (this.starts[j]! >= 0) first = Math.min(first, this.starts[j]! + p.items[j]!.duration);
      this.termFirst[k] = first;
    }
    this.log.length = 0;
  }

  /** A state holding the given plan (start index per initiative, -1 = not planned). */
  static from(p: Problem, starts: ArrayLike<number>): PlanState {
    const st = new PlanState(p);
    for (const i of p.topo) if (starts[i]! >= 0) st.place(i, starts[i]!);
    st.commit();
    return st;
  }

  private apply(i: number, s: number, sign: number): void {
    const p = this.p;
    const it = p.items[i]!;
    for (let r = 0; r < p.roles.length; r++) {
      const prof = it.profile.effort[r]!;
      const used = this.effUsed[r]!;
      for (let k = 0; k < it.duration && s + k < p.T; k++) used[s + k] = used[s + k]! + sign * prof[k]!;
    }
    for (let t = s; t < p.T; t++) {
      const g = p.groupOfQuarter[t]!;
      if (g >= 0) this.groupUsed[g] = this.groupUsed[g]! + sign * it.profile.spend[t - s]!;
    }
  }
}

/** The greedy plan (see the file comment). */
export function greedySchedule(p: Problem): GreedyResult {
  const st = new PlanState(p);
  const unplacedRequired: string[] = [];

  // 1. required, dependencies first
  for (const i of p.topo) {
    if (!p.required[i] || p.items[i]!.excluded) continue;
    const s = p.es[i]! <= p.ls[i]! ? st.earliestFit(i, p.ls[i]!) : -1;
    if (s < 0) unplacedRequired.push(p.items[i]!.id);
    else st.place(i, s);
  }
  st.commit();

  fillGreedy(p, st);

  const starts = st.starts;
  return { plan: planFromStarts(p, starts), starts, objective: objectiveOf(p, starts), unplacedRequired };
}

/**
 * Step 2 of the greedy order on a state: add the best bundles by value per scarce resource while any
 * gains something and fits. `banned` initiatives are not added.
 */
export function fillGreedy(p: Problem, st: PlanState, banned: ReadonlySet<number> = new Set()): void {
  const T = p.T;
  // resource weights
  const totalBudget = p.budgetGroups.reduce((a, g) => a + g.limit, 0);
  const roleWeight = p.capacity.map((c) => (c === null ? 0 : c > 0 ? 1 / (c * T) : Infinity));
  const limited = p.budgetGroups.length > 0 || roleWeight.some((w) => w > 0);
  const share = (i: number, s: number): number => {
    if (!limited) return 1;
    const it = p.items[i]!;
    let x = 0;
    if (p.budgetGroups.length) {
      let spend = 0;
      for (let t = s; t < T; t++) spend += it.profile.spend[t - s]!;
      x += totalBudget > 0 ? spend / totalBudget : spend > 0 ? Infinity : 0;
    }
    it.profile.effort.forEach((prof, r) => {
      const w = roleWeight[r]!;
      if (w === 0) return;
      let days = 0;
      for (let k = 0; k < it.duration; k++) days += prof[k]!;
      if (days > 0) x += days * w;
    });
    return x;
  };

  // unplanned dependencies of i (transitively), dependencies first; null when one can never be planned
  const topoPos = new Int32Array(p.items.length);
  p.topo.forEach((i, k) => (topoPos[i] = k));
  const bundleOf = (j: number): number[] | null => {
    const seen = new Set<number>([j]);
    const stack = [j];
    while (stack.length) {
      const i = stack.pop()!;
      if (!schedulable(p, i) || banned.has(i)) return null;
      for (const d of p.items[i]!.deps)
        if (st.starts[d]! < 0 && !seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
    }
    return [...seen].sort((a, b) => topoPos[a]! - topoPos[b]!);
  };
  /** Score of a bundle now (value per scarce resource), or -1 when it does not fit or gains nothing. */
  const evaluate = (j: number): number => {
    const bundle = bundleOf(j);
    if (!bundle) return -1;
    let value = 0;
    let used = 0;
    let placed = 0;
    let ok = true;
    for (const i of bundle) {
      const s = st.earliestFit(i, T - p.items[i]!.duration);
      if (s < 0) {
        ok = false;
        break;
      }
      value += st.gain(i, s);
      used += share(i, s);
      st.place(i, s);
      placed++;
    }
    st.undo(placed);
    if (!ok || value <= 1e-12) return -1;
    return used > 0 ? value / used : value * 1e12;
  };

  const stale = new Float64Array(p.items.length).fill(-1);
  const alive: number[] = [];
  for (let j = 0; j < p.items.length; j++) {
    if (st.starts[j]! >= 0 || !schedulable(p, j) || banned.has(j)) continue;
    stale[j] = evaluate(j);
    if (stale[j]! > 0) alive.push(j);
  }
  for (;;) {
    // best stale score, ties to the first listed
    let best = -1;
    for (const j of alive) if (st.starts[j]! < 0 && stale[j]! > 0 && (best < 0 || stale[j]! > stale[best]!)) best = j;
    if (best < 0) break;
    const now = evaluate(best);
    stale[best] = now;
    if (now <= 0) continue;
    let second = -1;
    for (const j of alive) if (j !== best && st.starts[j]! < 0 && stale[j]! > second) second = stale[j]!;
    if (now + 1e-12 < second) continue; // someone else may be better now
    const bundle = bundleOf(best)!;
    for (const i of bundle) st.place(i, st.earliestFit(i, T - p.items[i]!.duration));
    st.commit();
    // a dependant's bundle just got smaller (cheaper): its score may have risen, so refresh it
    for (const i of bundle)
      for (const j of p.items[i]!.dependants)
        if (st.starts[j]! < 0 && schedulable(p, j)) {
          stale[j] = evaluate(j);
          if (stale[j]! > 0 && !alive.includes(j)) alive.push(j);
        }
  }

}
