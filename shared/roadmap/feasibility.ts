/**
 * Why a scenario cannot be planned, in a consultant's words, found before solving (and used again to
 * explain a solver's "infeasible"). Only the forced initiatives and what they depend on (the "required"
 * ones) can make a scenario infeasible: any other initiative can be left out.
 *
 * Checks, each a proof of infeasibility when it fires:
 * 1. Time: a required initiative cannot finish within the horizon, on its own (earliest start plus
 *    duration) or after its dependencies.
 * 2. One initiative: its own effort or spend in one quarter (or fiscal year) exceeds the limit wherever
 *    it starts.
 * 3. Together, per quarter: the part of each required initiative that falls into a quarter whatever its
 *    start within its window (its compulsory part) adds up to more than that quarter's limit.
 * 4. Together, over the horizon: their total effort per role, or their least possible spend, exceeds
 *    the capacity or budget of the whole horizon.
 */
import { formatDays, formatMoney } from './format';
import type { Problem } from './problem';

export interface InfeasibilityReason {
  kind: 'time' | 'capacity' | 'budget' | 'combination';
  message: string;
  initiativeIds: string[];
}

/** "Data engineer" -> "data engineer", "BI developer" stays. */
export function roleWords(name: string): string {
  return name.length > 1 && /[a-z]/.test(name[1]!) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** Usage of an initiative at quarter t when started at s, from a by-offset profile. */
function at(profile: Float64Array, s: number, t: number): number {
  return t >= s ? profile[t - s]! : 0;
}

export function explainInfeasibility(p: Problem): InfeasibilityReason[] {
  const out: InfeasibilityReason[] = [];
  const cur = p.input.currency;
  const req = p.items.filter((it) => p.required[it.index] && !it.excluded);
  if (!req.length) return out;
  const who = (i: number) => {
    const it = p.items[i]!;
    if (it.forced) return `forced initiative ${it.name}`;
    const by = it.dependants.filter((j) => p.required[j]).map((j) => p.items[j]!.name);
    return `${it.name} (needed by forced ${by.join(', ')})`;
  };
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const T = p.T;
  const lastQ = p.quarters[T - 1]!;

  // 1. time
  const late = new Set<number>();
  for (const i of p.topo) {
    const it = p.items[i]!;
    if (!p.required[i] || p.es[i]! + it.duration <= T) continue;
    late.add(i);
    if (it.earliest + it.duration > T) {
      const from = it.earliest < T ? p.quarters[it.earliest]! : (it.initiative.earliestStart ?? p.afterHorizon);
      out.push({
        kind: 'time',
        message: `${cap(who(i))} cannot finish within the horizon: it starts no earlier than ${from} and takes ${it.duration} quarter${it.duration > 1 ? 's' : ''}, the horizon ends in ${lastQ}`,
        initiativeIds: [it.id],
      });
    } else {
      let crit = it.deps[0]!;
      for (const d of it.deps) if (p.es[d]! + p.items[d]!.duration > p.es[crit]! + p.items[crit]!.duration) crit = d;
      if (late.has(crit)) continue; // the dependency's own reason is reported
      out.push({
        kind: 'time',
        message: `${it.name} cannot finish within the horizon after its dependency ${p.items[crit]!.name}: the earliest it can start is ${
          p.es[i]! < T ? p.quarters[p.es[i]!] : p.afterHorizon
        } and it takes ${it.duration} quarter${it.duration > 1 ? 's' : ''}, the horizon ends in ${lastQ}`,
        initiativeIds: [it.id, p.items[crit]!.id],
      });
    }
  }
  if (out.length) return out; // windows are meaningless past this point

  // 2. one initiative alone
  for (const it of req) {
    const i = it.index;
    p.roles.forEach((role, r) => {
      const c = p.capacity[r];
      if (c === null || c === undefined) return;
      const prof = it.profile.effort[r]!;
      let k = 0;
      for (let j = 1; j < it.duration; j++) if (prof[j]! > prof[k]!) k = j;
      if (prof[k]! > c)
        out.push({
          kind: 'capacity',
          message: `${cap(who(i))} needs ${formatDays(prof[k]!)} ${roleWords(role.name)} days in ${p.quarters[p.es[i]! + k]}, capacity is ${formatDays(c)}`,
          initiativeIds: [it.id],
        });
    });
    const budget = p.input.scenario.budget;
    if (budget) {
      // the least, over its possible starts, of its largest spend in one budget period
      let best = Infinity;
      let bestS = p.es[i]!;
      let bestG = 0;
      for (let s = p.es[i]!; s <= p.ls[i]!; s++) {
        let worst = -1;
        let worstG = 0;
        p.budgetGroups.forEach((g, gi) => {
          const v = g.quarters.reduce((a, t) => a + at(it.profile.spend, s, t), 0);
          if (v - g.limit > worst) {
            worst = v - g.limit;
            worstG = gi;
          }
        });
        if (worst < best) {
          best = worst;
          bestS = s;
          bestG = worstG;
        }
      }
      if (best > 0) {
        const g = p.budgetGroups[bestG]!;
        const need = g.quarters.reduce((a, t) => a + at(it.profile.spend, bestS, t), 0);
        out.push({
          kind: 'budget',
          message: `${cap(who(i))} needs ${formatMoney(need, cur)} in ${g.label}, the budget is ${formatMoney(g.limit, cur)} per ${budget.per}`,
          initiativeIds: [it.id],
        });
      }
    }
  }
  if (out.length) return out;

  // 3. compulsory parts per quarter
  const compulsory = (profile: Float64Array, i: number, t: number) => {
    let m = Infinity;
    for (let s = p.es[i]!; s <= p.ls[i]!; s++) m = Math.min(m, at(profile, s, t));
    return m;
  };
  const listNames = (ids: number[]) => ids.map((i) => p.items[i]!.name).join(', ');
  p.roles.forEach((role, r) => {
    const c = p.capacity[r];
    if (c === null || c === undefined) return;
    for (let t = 0; t < T; t++) {
      let sum = 0;
      const who: number[] = [];
      for (const it of req) {
        const v = compulsory(it.profile.effort[r]!, it.index, t);
        if (v > 0) {
          sum += v;
          who.push(it.index);
        }
      }
      if (sum > c)
        out.push({
          kind: 'capacity',
          message: `Forced initiatives need ${formatDays(sum)} ${roleWords(role.name)} days in ${p.quarters[t]} (${listNames(who)}), capacity is ${formatDays(c)}`,
          initiativeIds: who.map((i) => p.items[i]!.id),
        });
    }
  });
  const budget = p.input.scenario.budget;
  if (budget) {
    for (const g of p.budgetGroups) {
      let sum = 0;
      const who = new Set<number>();
      for (const t of g.quarters)
        for (const it of req) {
          const v = compulsory(it.profile.spend, it.index, t);
          if (v > 0) {
            sum += v;
            who.add(it.index);
          }
        }
      if (sum > g.limit)
        out.push({
          kind: 'budget',
          message: `Forced initiatives need ${formatMoney(sum, cur)} in ${g.label} (${listNames([...who])}), the budget is ${formatMoney(g.limit, cur)} per ${budget.per}`,
          initiativeIds: [...who].map((i) => p.items[i]!.id),
        });
    }
  }
  if (out.length) return out;

  // 4. totals over the horizon
  const span = `${p.quarters[0]} to ${lastQ}`;
  p.roles.forEach((role, r) => {
    const c = p.capacity[r];
    if (c === null || c === undefined) return;
    const need = req.reduce((a, it) => a + it.profile.effort[r]!.reduce((x, y) => x + y, 0), 0);
    if (need > c * T)
      out.push({
        kind: 'capacity',
        message: `Forced initiatives need ${formatDays(need)} ${roleWords(role.name)} days over the horizon (${span}), capacity is ${formatDays(c * T)} (${formatDays(c)} per quarter)`,
        initiativeIds: req.map((it) => it.id),
      });
  });
  if (budget) {
    const total = p.budgetGroups.reduce((a, g) => a + g.limit, 0);
    let need = 0;
    for (const it of req) {
      let least = Infinity;
      for (let s = p.es[it.index]!; s <= p.ls[it.index]!; s++) {
        let v = 0;
        for (let t = s; t < T; t++) v += it.profile.spend[t - s]!;
        least = Math.min(least, v);
      }
      need += least;
    }
    if (need > total)
      out.push({
        kind: 'budget',
        message: `Forced initiatives need at least ${formatMoney(need, cur)} over the horizon (${span}), the budget allows ${formatMoney(total, cur)}`,
        initiativeIds: req.map((it) => it.id),
      });
  }
  return out;
}

/** The reason given when the solver proves infeasibility that the checks above cannot pin down. */
export function combinationReason(p: Problem): InfeasibilityReason {
  const req = p.items.filter((it) => p.required[it.index]);
  return {
    kind: 'combination',
    message: `The forced initiatives (${req.map((it) => it.name).join(', ')}) each fit on their own, but no choice of start quarters fits all of them within the budget and capacity together`,
    initiativeIds: req.map((it) => it.id),
  };
}
