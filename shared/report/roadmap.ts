/**
 * What the roadmap slides and sheets share: the planned initiatives in schedule order with their quarter
 * indices, the module each initiative mostly lifts (its colour on the Gantt), fiscal years as groups of
 * horizon quarters, and the words for a plan, a split and an uplift. Every number comes from the
 * scenario's outputs (shared/roadmap/outputs), as on the roadmap screens.
 */
import type { Framework } from '../framework/schema';
import { fiscalLabel, fiscalQuarterOf, quartersBetween } from '../roadmap/quarters';
import type { Initiative } from '../roadmap/types';
import type { Hex } from './deck';
import { count } from './format';
import type { ReportScenario } from './input';

/** One colour per module, M1 to M9: distinct, muted, readable beside each other on a Gantt and a line chart. */
export const MODULE_COLORS: readonly Hex[] = ['2F5D8A', '4E9AC7', '2A9D8F', '7BAE5B', 'E0A030', 'D1604D', '8E6BB5', 'B5838D', '6C757D'];
const NO_MODULE: Hex = 'A0A8B3';

export function moduleColor(moduleId: string | null): Hex {
  const n = moduleId ? Number(/^M(\d+)$/.exec(moduleId)?.[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? MODULE_COLORS[(n - 1) % MODULE_COLORS.length]! : NO_MODULE;
}

/** Capability id -> its module, from the framework (a capability not in it keeps the part before the dot). */
export function moduleOfCapability(fw: Framework): (capabilityId: string) => string {
  const map = new Map(fw.modules.flatMap((m) => m.capabilities.map((c) => [c.id, m.id] as const)));
  return (id) => map.get(id) ?? id.split('.')[0]!;
}

/** The module an initiative lifts most capabilities of (the first in framework order on a tie); null when it lifts none. */
export function mainModule(initiative: Pick<Initiative, 'uplifts'>, moduleOf: (capabilityId: string) => string, order: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const u of initiative.uplifts) counts.set(moduleOf(u.capabilityId), (counts.get(moduleOf(u.capabilityId)) ?? 0) + 1);
  let best: string | null = null;
  for (const [m, n] of counts) {
    const better = best === null || n > counts.get(best)! || (n === counts.get(best)! && rank(order, m) < rank(order, best));
    if (better) best = m;
  }
  return best;
}

const rank = (order: readonly string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};

export interface PlannedInitiative {
  /** 1-based position in the plan (schedule order): the number the Gantt and the sheets show. */
  number: number;
  initiative: Initiative;
  /** Horizon quarter index of the first quarter of work (0 = the scenario's start). */
  start: number;
  duration: number;
  startQuarter: string;
  endQuarter: string;
  module: string | null;
}

/** The initiatives of the plan in schedule order (start, then the order they were added), numbered from 1. */
export function plannedInitiatives(s: ReportScenario, moduleOf: (capabilityId: string) => string, moduleOrder: readonly string[]): PlannedInitiative[] {
  const byId = new Map(s.initiatives.map((x) => [x.id, x]));
  const first = s.outputs.quarters[0]!;
  return s.outputs.plan.flatMap((entry) => {
    const initiative = byId.get(entry.initiativeId);
    if (!initiative) return [];
    return [
      {
        number: 0,
        initiative,
        start: quartersBetween(first, entry.startQuarter),
        duration: initiative.durationQuarters,
        startQuarter: entry.startQuarter,
        endQuarter: entry.endQuarter,
        module: mainModule(initiative, moduleOf, moduleOrder),
      },
    ];
  }).map((p, i) => ({ ...p, number: i + 1 }));
}

/** "FY2028 Q1" -> "FY28 Q1" (for tight places: chart categories, cells). */
export function shortFiscal(label: string): string {
  return label.replace(/^FY\d{2}(\d{2})\b/, 'FY$1');
}

/** The horizon's quarters grouped by fiscal year: label and the indices of its quarters, in order. */
export function fiscalYears(s: Pick<ReportScenario, 'outputs'>): { label: string; quarters: number[] }[] {
  const out: { label: string; quarters: number[] }[] = [];
  s.outputs.fiscalLabels.forEach((label, t) => {
    const fy = label.split(' ')[0]!;
    const last = out[out.length - 1];
    if (last && last.label === fy) last.quarters.push(t);
    else out.push({ label: fy, quarters: [t] });
  });
  return out;
}

/** The fiscal label of any quarter, inside the horizon or not. */
export function fiscalOf(s: Pick<ReportScenario, 'outputs'>, quarter: string): string {
  return fiscalLabel(quarter, s.outputs.fyStartMonth);
}

/** "FY2028 Q2 to Q4", "FY2028 Q4 to FY2029 Q1", or one quarter: the work of a planned initiative. */
export function fiscalSpan(s: Pick<ReportScenario, 'outputs'>, from: string, to: string): string {
  const a = fiscalOf(s, from);
  const b = fiscalOf(s, to);
  if (a === b) return a;
  const [fyA] = a.split(' ');
  const [fyB, qB] = b.split(' ');
  return fyA === fyB ? `${a} to ${qB}` : `${a} to ${b}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Fiscal years start in April: FY2028 Q1 is April to June 2027." (or that the fiscal year is the calendar year). */
export function fiscalRule(s: Pick<ReportScenario, 'outputs'>): string {
  const m = s.outputs.fyStartMonth;
  const q = s.outputs.quarters[0]!;
  if (m === 1) return 'Fiscal years are calendar years.';
  const [year, qn] = q.split('-Q').map(Number) as [number, number];
  const firstMonth = (qn - 1) * 3;
  return `Fiscal years start in ${MONTHS[m - 1]}: ${fiscalOf(s, q)} is ${MONTHS[firstMonth]} to ${MONTHS[firstMonth + 2]} ${year}.`;
}

/** Whether the quarter opens a fiscal year (a stronger line on the Gantt). */
export const opensFiscalYear = (s: Pick<ReportScenario, 'outputs'>, t: number) => fiscalQuarterOf(s.outputs.quarters[t]!, s.outputs.fyStartMonth) === 1;

/** How the plan was made, in a consultant's words. */
export function planWords(s: ReportScenario): string {
  if (s.mode === 'manual') return 'starts set by hand';
  const sch = s.schedule;
  if (!sch) return 'not scheduled';
  const base = sch.status === 'optimal' ? 'scheduled for the most maturity uplift' : sch.status === 'time_limit' ? 'the best schedule found in the time allowed' : 'the best schedule found before the solver failed';
  const gap = sch.gap !== null && sch.status !== 'optimal' ? ` (within ${(sch.gap * 100).toFixed(1)}% of the best possible)` : '';
  return `${base}${gap}${sch.stale ? '; inputs changed since, so re-run the schedule to refresh it' : ''}`;
}

/** How the plan was made, in a few words for a headline: "optimal schedule", "starts set by hand". */
export function planShort(s: ReportScenario): string {
  if (s.mode === 'manual') return 'starts set by hand';
  const sch = s.schedule;
  if (!sch) return 'not scheduled';
  const base = sch.status === 'optimal' ? 'optimal schedule' : sch.status === 'time_limit' ? 'best schedule found in the time allowed' : 'best schedule found before the solver stopped';
  return sch.stale ? `${base}, out of date` : base;
}

/** "Equal shares", "Finance 40%, Stores 60%". */
export function splitWords(initiative: Pick<Initiative, 'costSplit'>, unitName: (id: string) => string): string {
  const split = initiative.costSplit;
  if (split.mode === 'equal') return 'Equal shares';
  return split.shares.map((sh) => `${unitName(sh.businessUnitId)} ${Number(sh.percent.toFixed(2))}%`).join(', ');
}

/** "M1.1 to 3, M1.2 to 4". */
export function upliftWords(initiative: Pick<Initiative, 'uplifts'>): string {
  return initiative.uplifts.map((u) => `${u.capabilityId} to ${u.toLevel}`).join(', ');
}

/** How many modules reach their target within the horizon: "5 of 9 modules". */
export function targetsReached(s: ReportScenario): { reached: number; of: number; words: string } {
  const withTarget = s.outputs.timeToTarget.filter((t) => t.target !== null);
  const reached = withTarget.filter((t) => t.quarter !== null).length;
  return { reached, of: withTarget.length, words: `${reached} of ${count(withTarget.length, 'module', 'modules')}` };
}

export const RISK_LABEL = { low: 'Low', medium: 'Medium', high: 'High' } as const;
