/**
 * A validated RoadmapInput turned into numbers indexed by position: quarter indices 0..T-1 from the
 * scenario's start, initiative and role indices, cost profiles, budget groups and the terms of the
 * objective. Outputs, greedy and the optimisation model all start from this, so every number is
 * computed once.
 *
 * The objective ("weighted maturity uplift over the horizon, earlier uplift worth more"):
 *   sum over checkpoints t = 1..T of  sum over modules m of  weight(m) x (projected mean(m, t) - baseline mean(m))
 * where checkpoint t is the state at the END of horizon quarter t-1 (so t = T is the end state, the
 * first quarter after the horizon). An initiative's uplift counts from the quarter after it finishes,
 * so one started in quarter s with duration d counts at checkpoints s+d..T: T - s - d + 1 of them.
 * A capability's level is the max of its baseline and of every finished uplift (two uplifts of the same
 * capability do not add up). Written per capability c and level l above c's baseline, with n(m) the
 * number of scored, applicable capabilities of c's module m (the denominator of `averageLevel`):
 *   objective = sum over (c, l) of  weight(m)/n(m) x (checkpoints at which some finished initiative lifts c to >= l)
 * Units: module-mean levels x quarters. A module weight not given in the scenario is 1.
 */
import { costProfile, type CostProfile } from './costs';
import { fiscalYearLabel, fiscalYearOf, quarterOrdinal, quarterRange, addQuarters, quartersBetween } from './quarters';
import type { Initiative, Plan, Quarter, Role, RoadmapInput } from './types';

export interface PreparedInitiative {
  index: number;
  id: string;
  name: string;
  initiative: Initiative;
  duration: number;
  /** First allowed start index from the initiative's own earliest start (0 when none or before the horizon). */
  earliest: number;
  forced: boolean;
  excluded: boolean;
  /** Indices of the initiatives this one depends on. */
  deps: number[];
  /** Indices of the initiatives that depend on this one. */
  dependants: number[];
  profile: CostProfile;
  /** Indices into Problem.terms that this initiative completes. */
  terms: number[];
}

/** One level of one capability above its baseline: worth `weight` per checkpoint once reached. */
export interface LevelTerm {
  capabilityId: string;
  moduleId: string;
  level: number;
  weight: number;
  /** Initiatives lifting the capability to this level or higher. */
  lifters: number[];
}

/** A spend limit over a set of horizon quarters: one quarter, or a fiscal year's quarters in the horizon. */
export interface BudgetGroup {
  label: string;
  quarters: number[];
  limit: number;
}

export interface ModuleInfo {
  id: string;
  capabilityIds: string[];
  weight: number;
  /** Scored, applicable capabilities: the denominator of the module mean. */
  scoredCount: number;
}

export interface Problem {
  input: RoadmapInput;
  /** Horizon length in quarters. */
  T: number;
  /** The horizon's quarters, index 0 = scenario start. */
  quarters: Quarter[];
  /** The first quarter after the horizon: the end state. */
  afterHorizon: Quarter;
  items: PreparedInitiative[];
  byId: Map<string, number>;
  roles: Role[];
  /** Days per quarter per role (rate card order); null = not limited. */
  capacity: (number | null)[];
  budgetGroups: BudgetGroup[];
  /** Budget group of each horizon quarter (-1 = none). */
  groupOfQuarter: Int32Array;
  terms: LevelTerm[];
  modules: ModuleInfo[];
  /** Earliest start index after dependencies (assuming every dependency starts as early as it may). */
  es: Int32Array;
  /** Latest start index: finish within the horizon, and (for required ones) before required dependants. */
  ls: Int32Array;
  /** Forced initiatives and everything they transitively depend on. */
  required: boolean[];
  /** Initiative indices in a dependency order (dependencies first). Assumes no cycle (validated). */
  topo: number[];
}

/** Build the numeric problem. The input must have passed `validateRoadmap`. */
export function prepareProblem(input: RoadmapInput): Problem {
  const { scenario, rateCard, baseline } = input;
  const T = scenario.horizon;
  const quarters = quarterRange(scenario.startQuarter, T);
  const startOrd = quarterOrdinal(scenario.startQuarter);
  const forced = new Set(scenario.forced);
  const excluded = new Set(scenario.excluded);
  const byId = new Map(input.initiatives.map((x, i) => [x.id, i]));

  // modules, in order of first appearance in the baseline
  const moduleMap = new Map<string, ModuleInfo>();
  for (const [capId, c] of Object.entries(baseline)) {
    let m = moduleMap.get(c.moduleId);
    if (!m) {
      m = { id: c.moduleId, capabilityIds: [], weight: scenario.moduleWeights[c.moduleId] ?? 1, scoredCount: 0 };
      moduleMap.set(c.moduleId, m);
    }
    m.capabilityIds.push(capId);
    if (!c.notApplicable && c.current !== null) m.scoredCount++;
  }

  const items: PreparedInitiative[] = input.initiatives.map((x, index) => ({
    index,
    id: x.id,
    name: x.name,
    initiative: x,
    duration: x.durationQuarters,
    earliest: x.earliestStart === null ? 0 : Math.max(0, quarterOrdinal(x.earliestStart) - startOrd),
    forced: forced.has(x.id),
    excluded: excluded.has(x.id),
    deps: x.dependsOn.map((d) => byId.get(d)).filter((d): d is number => d !== undefined),
    dependants: [],
    profile: costProfile(x, rateCard, T),
    terms: [],
  }));
  for (const it of items) for (const d of it.deps) items[d]!.dependants.push(it.index);

  // level terms: each (capability, level above baseline) that some non-excluded initiative reaches
  const termIndex = new Map<string, number>();
  const terms: LevelTerm[] = [];
  for (const it of items) {
    if (it.excluded) continue;
    for (const u of it.initiative.uplifts) {
      const c = baseline[u.capabilityId];
      if (!c || c.notApplicable || c.current === null) continue;
      const m = moduleMap.get(c.moduleId)!;
      for (let l = c.current + 1; l <= u.toLevel; l++) {
        const key = `${u.capabilityId}\u0000${l}`;
        let k = termIndex.get(key);
        if (k === undefined) {
          k = terms.length;
          termIndex.set(key, k);
          terms.push({ capabilityId: u.capabilityId, moduleId: c.moduleId, level: l, weight: m.weight / m.scoredCount, lifters: [] });
        }
        if (!terms[k]!.lifters.includes(it.index)) terms[k]!.lifters.push(it.index);
        if (!it.terms.includes(k)) it.terms.push(k);
      }
    }
  }

  // budget groups
  const budgetGroups: BudgetGroup[] = [];
  const groupOfQuarter = new Int32Array(T).fill(-1);
  const budget = scenario.budget;
  if (budget) {
    if (budget.per === 'quarter') {
      quarters.forEach((q, t) => {
        groupOfQuarter[t] = budgetGroups.length;
        budgetGroups.push({ label: q, quarters: [t], limit: budget.amount });
      });
    } else {
      const fyIndex = new Map<number, number>();
      quarters.forEach((q, t) => {
        const fy = fiscalYearOf(q, input.fyStartMonth);
        let g = fyIndex.get(fy);
        if (g === undefined) {
          g = budgetGroups.length;
          fyIndex.set(fy, g);
          budgetGroups.push({ label: fiscalYearLabel(fy), quarters: [], limit: budget.amount });
        }
        budgetGroups[g]!.quarters.push(t);
        groupOfQuarter[t] = g;
      });
    }
  }

  const capByRole = new Map(scenario.capacity.map((c) => [c.roleId, c.daysPerQuarter]));
  const capacity = rateCard.roles.map((r) => capByRole.get(r.id) ?? null);

  // dependency order (Kahn; validation has refused cycles)
  const indeg = items.map((it) => it.deps.length);
  const topo: number[] = [];
  const queue = items.filter((it) => it.deps.length === 0).map((it) => it.index);
  while (queue.length) {
    const i = queue.shift()!;
    topo.push(i);
    for (const j of items[i]!.dependants) if (--indeg[j]! === 0) queue.push(j);
  }

  const required = items.map((it) => it.forced);
  for (let k = topo.length - 1; k >= 0; k--) {
    const j = topo[k]!;
    if (required[j]) for (const i of items[j]!.deps) required[i] = true;
  }

  const es = new Int32Array(items.length);
  const ls = new Int32Array(items.length);
  for (const i of topo) {
    const it = items[i]!;
    es[i] = Math.max(it.earliest, ...it.deps.map((d) => es[d]! + items[d]!.duration));
  }
  for (let k = topo.length - 1; k >= 0; k--) {
    const i = topo[k]!;
    const it = items[i]!;
    let l = T - it.duration;
    if (required[i]) for (const j of it.dependants) if (required[j]) l = Math.min(l, ls[j]! - it.duration);
    ls[i] = l;
  }

  return {
    input,
    T,
    quarters,
    afterHorizon: addQuarters(scenario.startQuarter, T),
    items,
    byId,
    roles: rateCard.roles,
    capacity,
    budgetGroups,
    groupOfQuarter,
    terms,
    modules: [...moduleMap.values()],
    es,
    ls,
    required,
    topo,
  };
}

/** Whether initiative i may be scheduled at all in this scenario (not excluded, a start window exists). */
export function schedulable(p: Problem, i: number): boolean {
  return !p.items[i]!.excluded && p.es[i]! <= p.ls[i]!;
}

/** Start index per initiative (-1 = not in the plan) from a plan; unknown ids are ignored. */
export function startsFromPlan(p: Problem, plan: Plan): Int32Array {
  const starts = new Int32Array(p.items.length).fill(-1);
  for (const e of plan) {
    const i = p.byId.get(e.initiativeId);
    if (i !== undefined) starts[i] = quartersBetween(p.input.scenario.startQuarter, e.startQuarter);
  }
  return starts;
}

/** The plan for start indices, in start order then input order. */
export function planFromStarts(p: Problem, starts: ArrayLike<number>): Plan {
  const out: { i: number; s: number }[] = [];
  for (let i = 0; i < p.items.length; i++) if (starts[i]! >= 0) out.push({ i, s: starts[i]! });
  out.sort((a, b) => a.s - b.s || a.i - b.i);
  return out.map(({ i, s }) => ({
    initiativeId: p.items[i]!.id,
    startQuarter: addQuarters(p.input.scenario.startQuarter, s),
    endQuarter: addQuarters(p.input.scenario.startQuarter, s + p.items[i]!.duration - 1),
  }));
}

/**
 * The objective (see the file comment) of a plan given as start indices: for each level term, its
 * weight times the number of checkpoints 1..T at which some finished initiative reaches it. An
 * initiative finishing after the horizon contributes nothing.
 */
export function objectiveOf(p: Problem, starts: ArrayLike<number>): number {
  let total = 0;
  for (const term of p.terms) {
    let first = p.T + 1; // first checkpoint at which the level is reached
    for (const i of term.lifters) {
      const s = starts[i]!;
      if (s >= 0) first = Math.min(first, s + p.items[i]!.duration);
    }
    if (first <= p.T) total += term.weight * (p.T - first + 1);
  }
  return total;
}

/** Manual mode: the plan the consultant set in `scenario.manualStarts` (no solving). */
export function manualPlan(p: Problem): Plan {
  const starts = new Int32Array(p.items.length).fill(-1);
  for (const [id, q] of Object.entries(p.input.scenario.manualStarts)) {
    const i = p.byId.get(id);
    if (i !== undefined) starts[i] = quartersBetween(p.input.scenario.startQuarter, q);
  }
  return planFromStarts(p, starts);
}
