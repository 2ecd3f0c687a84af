/**
 * How an initiative's money and effort fall into quarters. The outputs, the greedy heuristic and the
 * optimisation model all read these profiles, so each number is computed once, by these rules:
 *
 * - Capex and labour are spread evenly over the initiative's quarters, in whole minor units; the
 *   remainder of the division goes one unit each to the FIRST quarters, so the quarters add up to the
 *   total exactly. 100.00 over 3 quarters: 33.34, 33.33, 33.33. Capex and labour are spread separately.
 * - Labour is the sum over the effort lines of days x the role's day rate (minor units).
 * - Opex (running cost per year) starts the quarter AFTER the initiative's last quarter of work and
 *   runs to the end of the horizon: opexPerYear / 4 per quarter, the remainder going one unit each to
 *   the first quarters of every year of running (counted from the first opex quarter).
 * - Effort (person-days per role) is spread the same way as money, in whole days, the remainder to the
 *   first quarters: 10 days over 3 quarters is 4, 3, 3.
 *
 * A profile is indexed by the offset from the start quarter (0 = the first quarter of work), so the
 * spend in quarter t of an initiative started in quarter s is `profile[t - s]` for t >= s.
 */
import type { Initiative, RateCard } from './types';

/** `total` in `parts` whole units, the remainder one each to the first parts. */
export function spreadEven(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, k) => base + (k < rest ? 1 : 0));
}

/** Labour cost of an initiative in minor units: days x day rate, summed over its effort lines. */
export function labourCost(initiative: Pick<Initiative, 'effort'>, rateCard: RateCard): number {
  const rates = new Map(rateCard.roles.map((r) => [r.id, r.dayRate]));
  return initiative.effort.reduce((sum, e) => sum + e.days * (rates.get(e.roleId) ?? 0), 0);
}

/** Opex in the k-th quarter after completion (k = 0 is the quarter after the last quarter of work). */
export function opexInQuarter(opexPerYear: number, k: number): number {
  const base = Math.floor(opexPerYear / 4);
  const rest = opexPerYear - base * 4;
  return base + (k % 4 < rest ? 1 : 0);
}

/** Money and effort of one initiative by offset from its start, over `length` quarters. */
export interface CostProfile {
  capex: Float64Array;
  labour: Float64Array;
  opex: Float64Array;
  /** capex + labour + opex */
  spend: Float64Array;
  /** Per role index (rate card order): days by offset. */
  effort: Float64Array[];
  capexTotal: number;
  labourTotal: number;
}

/** The profile of `initiative` over offsets 0..length-1 (length is at least the horizon). */
export function costProfile(initiative: Initiative, rateCard: RateCard, length: number): CostProfile {
  const d = initiative.durationQuarters;
  const labourTotal = labourCost(initiative, rateCard);
  const capex = new Float64Array(length);
  const labour = new Float64Array(length);
  const opex = new Float64Array(length);
  const spend = new Float64Array(length);
  spreadEven(initiative.capex, d).forEach((v, k) => k < length && (capex[k] = v));
  spreadEven(labourTotal, d).forEach((v, k) => k < length && (labour[k] = v));
  for (let k = d; k < length; k++) opex[k] = opexInQuarter(initiative.opexPerYear, k - d);
  for (let k = 0; k < length; k++) spend[k] = capex[k]! + labour[k]! + opex[k]!;
  const effort = rateCard.roles.map((role) => {
    const days = initiative.effort.filter((e) => e.roleId === role.id).reduce((a, e) => a + e.days, 0);
    const row = new Float64Array(length);
    spreadEven(days, d).forEach((v, k) => k < length && (row[k] = v));
    return row;
  });
  return { capex, labour, opex, spend, effort, capexTotal: initiative.capex, labourTotal };
}
