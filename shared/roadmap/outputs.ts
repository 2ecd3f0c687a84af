/**
 * Everything the roadmap screens and exports show, computed once from (baseline, initiatives, rate
 * card, scenario, plan) as plain data. Amounts are integer minor units; quarters are calendar quarters.
 *
 * Rules (the exports quote them):
 * - Costs follow costs.ts (capex and labour spread evenly over the initiative's quarters with the
 *   remainder to the first quarters; opex from the quarter after completion to the end of the horizon).
 *   Only spend inside the horizon is counted.
 * - Projected maturity: an initiative's uplift counts from the quarter AFTER its last quarter of work; a
 *   capability's projected level is the max of its baseline level and the toLevel of every initiative
 *   done by then; module means use `averageLevel` (not-applicable and unscored capabilities excluded).
 *   `endState` is the first quarter after the horizon, where work finishing in the last quarter counts.
 * - Chargeback: each initiative's spend in a quarter is split by its cost split (percent shares, or equal
 *   shares among all the engagement's business units); per quarter the exact shares are rounded to
 *   whole minor units by the largest-remainder method (ties to the unit listed first), so the units'
 *   amounts add up to the quarter's total exactly. A fiscal year's amount is the sum of its quarters'.
 *   With no business units at all, equal-split spend is reported as `unallocated`.
 * - Time to target: the first horizon quarter in which the projected module mean reaches the module's
 *   target mean (targets averaged with `averageLevel` over the same capabilities; a scored capability
 *   without a target counts at its current level), else null with the reason.
 * - Limits: spend per budget period (quarter, or fiscal year within the horizon) against the budget;
 *   days per role per quarter against capacity; violations listed in a consultant's words.
 */
import { averageLevel, type RatingLike } from '../scoring/progress';
import { formatDays, formatMoney } from './format';
import { roleWords } from './feasibility';
import { objectiveOf, prepareProblem, startsFromPlan, type Problem } from './problem';
import { addQuarters, fiscalLabel, fiscalYearLabel, fiscalYearOf } from './quarters';
import { percentToBasisPoints } from './validate';
import type { Plan, Quarter, RoadmapInput } from './types';

export interface ModuleMaturity {
  moduleId: string;
  /** Baseline module mean (null when nothing is scored). */
  baseline: number | null;
  /** Module mean of the targets. */
  target: number | null;
  /** Projected mean in each horizon quarter. */
  byQuarter: (number | null)[];
  /** Projected mean in the first quarter after the horizon. */
  endState: number | null;
}

export interface CostRow {
  capex: number;
  opex: number;
  labour: number;
  total: number;
}
export interface QuarterCost extends CostRow {
  quarter: Quarter;
  fiscalLabel: string;
}
export interface FiscalYearCost extends CostRow {
  fiscalYear: string;
  /** The horizon quarters in this fiscal year. */
  quarters: Quarter[];
}

export interface ChargebackRow {
  total: number;
  /** Business unit id -> amount; adds up to total minus unallocated. */
  shares: Record<string, number>;
  unallocated: number;
}

export interface TimeToTarget {
  moduleId: string;
  target: number | null;
  quarter: Quarter | null;
  reason: string | null;
}

export interface Violation {
  kind: 'budget' | 'capacity' | 'dependency' | 'earliest_start' | 'horizon' | 'forced' | 'excluded';
  quarter: Quarter | null;
  initiativeId: string | null;
  message: string;
}

export interface RoadmapOutputs {
  plan: Plan;
  quarters: Quarter[];
  fiscalLabels: string[];
  afterHorizon: Quarter;
  maturity: ModuleMaturity[];
  costs: { byQuarter: QuarterCost[]; byFiscalYear: FiscalYearCost[]; total: CostRow };
  chargeback: {
    businessUnits: { id: string; name: string }[];
    byQuarter: (ChargebackRow & { quarter: Quarter })[];
    byFiscalYear: (ChargebackRow & { fiscalYear: string })[];
  };
  timeToTarget: TimeToTarget[];
  limits: {
    budget: { label: string; per: 'quarter' | 'year'; spend: number; limit: number }[];
    capacity: { roleId: string; roleName: string; byQuarter: { quarter: Quarter; used: number; capacity: number | null }[] }[];
  };
  violations: Violation[];
  /** The optimisation objective of this plan (problem.ts), same scale as the solver's and greedy's. */
  objective: number;
}

const EPS = 1e-9;

/** Split each quarter's spend by business unit, exact to the minor unit (largest remainder). */
function chargeback(p: Problem, starts: Int32Array, byQuarterTotal: number[]) {
  const units = p.input.businessUnits;
  const n = units.length;
  const T = p.T;
  const D = BigInt(10000 * Math.max(1, n)); // common denominator of every share
  const num = Array.from({ length: T }, () => Array.from({ length: n }, () => 0n));
  const unallocated = new Array<number>(T).fill(0);
  const unitIndex = new Map(units.map((u, k) => [u.id, k]));
  for (let i = 0; i < p.items.length; i++) {
    const s = starts[i]!;
    if (s < 0) continue;
    const it = p.items[i]!;
    const split = it.initiative.costSplit;
    const weights: [number, bigint][] =
      split.mode === 'equal'
        ? units.map((_, k) => [k, 10000n])
        : split.shares.map((sh) => [unitIndex.get(sh.businessUnitId) ?? -1, BigInt(percentToBasisPoints(sh.percent) * n)]);
    for (let t = s; t < T; t++) {
      const v = it.profile.spend[t - s]!;
      if (!v) continue;
      if (split.mode === 'equal' && n === 0) {
        unallocated[t] = unallocated[t]! + v;
        continue;
      }
      const bv = BigInt(v);
      for (const [k, w] of weights) if (k >= 0) num[t]![k] = num[t]![k]! + bv * w;
    }
  }
  const rows = num.map((row, t) => {
    const total = byQuarterTotal[t]!;
    const floors = row.map((x) => x / D);
    let left = total - unallocated[t]! - floors.reduce((a, b) => a + Number(b), 0);
    const order = row.map((x, k) => ({ k, r: x % D })).sort((a, b) => (a.r === b.r ? a.k - b.k : a.r > b.r ? -1 : 1));
    const amounts = floors.map(Number);
    for (const { k } of order) {
      if (left <= 0) break;
      amounts[k]!++;
      left--;
    }
    const shares: Record<string, number> = {};
    units.forEach((u, k) => (shares[u.id] = amounts[k]!));
    return { quarter: p.quarters[t]!, total, shares, unallocated: unallocated[t]! };
  });
  return rows;
}

/** All outputs for a plan on a prepared problem (prepareProblem). */
export function roadmapOutputs(p: Problem, plan: Plan): RoadmapOutputs {
  const { input, T } = p;
  const cur = input.currency;
  const fy = input.fyStartMonth;
  const starts = startsFromPlan(p, plan);
  const fiscalLabels = p.quarters.map((q) => fiscalLabel(q, fy));

  // ---- costs and usage
  const capex = new Array<number>(T).fill(0);
  const labour = new Array<number>(T).fill(0);
  const opex = new Array<number>(T).fill(0);
  const used = p.roles.map(() => new Array<number>(T).fill(0));
  for (let i = 0; i < p.items.length; i++) {
    const s = starts[i]!;
    if (s < 0) continue;
    const pr = p.items[i]!.profile;
    for (let t = s; t < T; t++) {
      const k = t - s;
      capex[t] = capex[t]! + pr.capex[k]!;
      labour[t] = labour[t]! + pr.labour[k]!;
      opex[t] = opex[t]! + pr.opex[k]!;
      for (let r = 0; r < used.length; r++) used[r]![t] = used[r]![t]! + pr.effort[r]![k]!;
    }
  }
  const byQuarter: QuarterCost[] = p.quarters.map((q, t) => ({
    quarter: q,
    fiscalLabel: fiscalLabels[t]!,
    capex: capex[t]!,
    opex: opex[t]!,
    labour: labour[t]!,
    total: capex[t]! + opex[t]! + labour[t]!,
  }));
  const fyRows = new Map<number, FiscalYearCost>();
  for (const row of byQuarter) {
    const y = fiscalYearOf(row.quarter, fy);
    let f = fyRows.get(y);
    if (!f) fyRows.set(y, (f = { fiscalYear: fiscalYearLabel(y), quarters: [], capex: 0, opex: 0, labour: 0, total: 0 }));
    f.quarters.push(row.quarter);
    f.capex += row.capex;
    f.opex += row.opex;
    f.labour += row.labour;
    f.total += row.total;
  }
  const byFiscalYear = [...fyRows.values()];
  const total = byQuarter.reduce((a, r) => ({ capex: a.capex + r.capex, opex: a.opex + r.opex, labour: a.labour + r.labour, total: a.total + r.total }), {
    capex: 0,
    opex: 0,
    labour: 0,
    total: 0,
  });

  // ---- chargeback
  const cbQuarter = chargeback(
    p,
    starts,
    byQuarter.map((r) => r.total),
  );
  const cbYear = byFiscalYear.map((f) => {
    const rows = cbQuarter.filter((r) => f.quarters.includes(r.quarter));
    const shares: Record<string, number> = {};
    for (const u of input.businessUnits) shares[u.id] = rows.reduce((a, r) => a + r.shares[u.id]!, 0);
    return { fiscalYear: f.fiscalYear, total: f.total, shares, unallocated: rows.reduce((a, r) => a + r.unallocated, 0) };
  });

  // ---- projected maturity: level of each uplifted capability at quarter index 0..T (T = end state)
  const lifted = new Map<string, { finish: number; level: number }[]>();
  for (let i = 0; i < p.items.length; i++) {
    const s = starts[i]!;
    if (s < 0) continue;
    for (const u of p.items[i]!.initiative.uplifts) {
      let list = lifted.get(u.capabilityId);
      if (!list) lifted.set(u.capabilityId, (list = []));
      list.push({ finish: s + p.items[i]!.duration, level: u.toLevel });
    }
  }
  const baseRatings: Record<string, RatingLike> = {};
  const targetRatings: Record<string, RatingLike> = {};
  for (const [id, c] of Object.entries(input.baseline)) {
    baseRatings[id] = { currentLevel: c.current, targetLevel: c.target, notApplicable: c.notApplicable };
    targetRatings[id] = { currentLevel: c.current === null ? null : (c.target ?? c.current), targetLevel: c.target, notApplicable: c.notApplicable };
  }
  const ratingsAt: Record<string, RatingLike>[] = [];
  for (let t = 0; t <= T; t++) {
    const r: Record<string, RatingLike> = { ...baseRatings };
    for (const [id, list] of lifted) {
      const b = baseRatings[id];
      if (!b || b.notApplicable || b.currentLevel === null) continue;
      let level = b.currentLevel;
      for (const x of list) if (x.finish <= t && x.level > level) level = x.level;
      if (level !== b.currentLevel) r[id] = { ...b, currentLevel: level };
    }
    ratingsAt.push(r);
  }
  const maturity: ModuleMaturity[] = p.modules.map((m) => ({
    moduleId: m.id,
    baseline: averageLevel(m.capabilityIds, baseRatings),
    target: averageLevel(m.capabilityIds, targetRatings),
    byQuarter: p.quarters.map((_, t) => averageLevel(m.capabilityIds, ratingsAt[t]!)),
    endState: averageLevel(m.capabilityIds, ratingsAt[T]!),
  }));

  // ---- time to target
  const timeToTarget: TimeToTarget[] = maturity.map((m) => {
    if (m.target === null || m.baseline === null) return { moduleId: m.moduleId, target: null, quarter: null, reason: 'No scored capabilities in this module' };
    const t = m.byQuarter.findIndex((v) => v !== null && v >= m.target! - EPS);
    if (t >= 0) return { moduleId: m.moduleId, target: m.target, quarter: p.quarters[t]!, reason: null };
    const end = m.endState ?? m.baseline;
    const reason =
      end >= m.target - EPS
        ? `Not within the horizon: reached in ${p.afterHorizon}, the quarter after work in ${p.quarters[T - 1]} finishes`
        : `Not within the horizon: the plan reaches a mean of ${end.toFixed(2)} against a target of ${m.target.toFixed(2)}`;
    return { moduleId: m.moduleId, target: m.target, quarter: null, reason };
  });

  // ---- limits and violations
  const violations: Violation[] = [];
  const budget = input.scenario.budget;
  const budgetRows = p.budgetGroups.map((g) => {
    const spend = g.quarters.reduce((a, t) => a + byQuarter[t]!.total, 0);
    if (spend > g.limit)
      violations.push({
        kind: 'budget',
        quarter: g.quarters.length === 1 ? p.quarters[g.quarters[0]!]! : null,
        initiativeId: null,
        message: `${g.label}: spend ${formatMoney(spend, cur)} of a ${formatMoney(g.limit, cur)} budget`,
      });
    return { label: g.label, per: budget!.per, spend, limit: g.limit };
  });
  const capacityRows = p.roles.map((role, r) => ({
    roleId: role.id,
    roleName: role.name,
    byQuarter: p.quarters.map((q, t) => {
      const c = p.capacity[r] ?? null;
      const u = used[r]![t]!;
      if (c !== null && u > c)
        violations.push({ kind: 'capacity', quarter: q, initiativeId: null, message: `${q}: ${roleWords(role.name)} ${formatDays(u)} of ${formatDays(c)} person-days` });
      return { quarter: q, used: u, capacity: c };
    }),
  }));
  violations.sort((a, b) => (a.quarter ?? '').localeCompare(b.quarter ?? ''));
  const start = input.scenario.startQuarter;
  for (const it of p.items) {
    const s = starts[it.index]!;
    if (s < 0) {
      if (it.forced) violations.push({ kind: 'forced', quarter: null, initiativeId: it.id, message: `${it.name} is forced but not in the plan` });
      continue;
    }
    const q = addQuarters(start, s);
    if (it.excluded) violations.push({ kind: 'excluded', quarter: q, initiativeId: it.id, message: `${it.name} is excluded but in the plan` });
    if (s < it.earliest)
      violations.push({
        kind: 'earliest_start',
        quarter: q,
        initiativeId: it.id,
        message: `${q}: ${it.name} starts before its earliest start ${it.initiative.earliestStart}`,
      });
    if (s + it.duration > T)
      violations.push({
        kind: 'horizon',
        quarter: q,
        initiativeId: it.id,
        message: `${it.name} finishes in ${addQuarters(start, s + it.duration - 1)}, after the horizon ends in ${p.quarters[T - 1]}`,
      });
    for (const d of it.deps) {
      const dep = p.items[d]!;
      const sd = starts[d]!;
      if (sd < 0) violations.push({ kind: 'dependency', quarter: q, initiativeId: it.id, message: `${it.name} depends on ${dep.name}, which is not in the plan` });
      else if (s < sd + dep.duration)
        violations.push({
          kind: 'dependency',
          quarter: q,
          initiativeId: it.id,
          message: `${q}: ${it.name} starts before its dependency ${dep.name} finishes (${addQuarters(start, sd + dep.duration - 1)})`,
        });
    }
  }

  return {
    plan,
    quarters: p.quarters,
    fiscalLabels,
    afterHorizon: p.afterHorizon,
    maturity,
    costs: { byQuarter, byFiscalYear, total },
    chargeback: { businessUnits: input.businessUnits, byQuarter: cbQuarter, byFiscalYear: cbYear },
    timeToTarget,
    limits: { budget: budgetRows, capacity: capacityRows },
    violations,
    objective: objectiveOf(p, starts),
  };
}

/** Outputs straight from the input (prepares the problem first). The input must be valid. */
export function computeOutputs(input: RoadmapInput, plan: Plan): RoadmapOutputs {
  return roadmapOutputs(prepareProblem(input), plan);
}
