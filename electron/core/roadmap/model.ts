/**
 * The roadmap as stored in an engagement file, read back as the planning core's records (shared/roadmap/
 * types): the rate card, initiatives, scenarios, the baseline a scenario plans from, and the schedule
 * stored with it. Every number shown is then computed by shared/roadmap from these records.
 */
import { createHash } from 'node:crypto';
import type { RoadmapScenario, ScheduleSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Baseline, CostSplit, Initiative, Plan, RateCard, RoadmapInput, Scenario } from '../../../shared/roadmap/types';
import type { ReadHandle } from '../db/handle';
import type { AssessmentRow, EngagementRow } from '../db/rows';
import { findFramework } from '../../../shared/framework';
import { frameworkOf, mustExist } from '../handlers/lookup';

export interface RoleRow {
  id: string;
  name: string;
  day_rate: number;
  position: number;
  created_at: string;
}

export interface InitiativeRow {
  id: string;
  name: string;
  description: string;
  owner: string;
  capex: number;
  opex_per_year: number;
  duration_quarters: number;
  earliest_start: string | null;
  split_mode: 'equal' | 'percent';
  risk: Initiative['risk'];
  note: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ScenarioRow {
  id: string;
  name: string;
  start_quarter: string;
  horizon: number;
  budget_per: 'quarter' | 'year' | null;
  budget_amount: number | null;
  baseline_assessment_id: string;
  mode: 'optimal' | 'manual';
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ScheduleRow {
  scenario_id: string;
  status: ScheduleSummary['status'];
  objective: number | null;
  gap: number | null;
  ms: number;
  greedy_objective: number;
  source: ScheduleSummary['source'];
  message: string | null;
  time_limit_ms: number;
  plan_json: string;
  input_sha256: string;
  solved_at: string;
}

export function readRateCard(db: ReadHandle): RateCard {
  return { roles: db.all<RoleRow>('SELECT * FROM roadmap_role ORDER BY position, created_at').map((r) => ({ id: r.id, name: r.name, dayRate: r.day_rate })) };
}

function grouped<T extends Record<string, unknown>>(db: ReadHandle, sql: string, key: keyof T, ...params: string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of db.all<T>(sql, ...params)) {
    const k = row[key] as string;
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(row);
  }
  return out;
}

/** Initiatives in the order they were added (one query per table, whatever their number). */
export function readInitiatives(db: ReadHandle, onlyId?: string): Initiative[] {
  const where = onlyId ? 'WHERE initiative_id = ?' : '';
  const params = onlyId ? [onlyId] : [];
  const uplifts = grouped<{ initiative_id: string; capability_id: string; to_level: number }>(db, `SELECT * FROM initiative_uplift ${where} ORDER BY position`, 'initiative_id', ...params);
  const effort = grouped<{ initiative_id: string; role_id: string; days: number }>(db, `SELECT * FROM initiative_effort ${where} ORDER BY position`, 'initiative_id', ...params);
  const deps = grouped<{ initiative_id: string; depends_on_id: string }>(db, `SELECT * FROM initiative_dependency ${where} ORDER BY position`, 'initiative_id', ...params);
  const shares = grouped<{ initiative_id: string; business_unit_id: string; basis_points: number }>(
    db,
    `SELECT * FROM initiative_cost_share ${where} ORDER BY position`,
    'initiative_id',
    ...params,
  );
  const rows = onlyId
    ? db.all<InitiativeRow>('SELECT * FROM initiative WHERE id = ?', onlyId)
    : db.all<InitiativeRow>('SELECT * FROM initiative ORDER BY position, created_at');
  return rows.map((r) => {
    const costSplit: CostSplit =
      r.split_mode === 'equal'
        ? { mode: 'equal' }
        : { mode: 'percent', shares: (shares.get(r.id) ?? []).map((s) => ({ businessUnitId: s.business_unit_id, percent: s.basis_points / 100 })) };
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      owner: r.owner,
      uplifts: (uplifts.get(r.id) ?? []).map((u) => ({ capabilityId: u.capability_id, toLevel: u.to_level })),
      capex: r.capex,
      opexPerYear: r.opex_per_year,
      effort: (effort.get(r.id) ?? []).map((e) => ({ roleId: e.role_id, days: e.days })),
      durationQuarters: r.duration_quarters,
      earliestStart: r.earliest_start,
      dependsOn: (deps.get(r.id) ?? []).map((d) => d.depends_on_id),
      costSplit,
      risk: r.risk,
      note: r.note,
    };
  });
}

export function initiativeRow(db: ReadHandle, id: string): InitiativeRow {
  return mustExist(db.get<InitiativeRow>('SELECT * FROM initiative WHERE id = ?', id), 'initiative', id);
}

export function scenarioRow(db: ReadHandle, id: string): ScenarioRow {
  return mustExist(db.get<ScenarioRow>('SELECT * FROM scenario WHERE id = ?', id), 'scenario', id);
}

export function toScenario(db: ReadHandle, r: ScenarioRow): Scenario {
  const choices = db.all<{ initiative_id: string; choice: string }>(
    'SELECT c.initiative_id, c.choice FROM scenario_choice c JOIN initiative i ON i.id = c.initiative_id WHERE c.scenario_id = ? ORDER BY i.position, i.created_at',
    r.id,
  );
  const weights = db.all<{ module_id: string; weight: number }>('SELECT module_id, weight FROM scenario_module_weight WHERE scenario_id = ? ORDER BY module_id', r.id);
  const starts = db.all<{ initiative_id: string; start_quarter: string }>(
    'SELECT s.initiative_id, s.start_quarter FROM scenario_manual_start s JOIN initiative i ON i.id = s.initiative_id WHERE s.scenario_id = ? ORDER BY i.position, i.created_at',
    r.id,
  );
  return {
    id: r.id,
    name: r.name,
    startQuarter: r.start_quarter,
    horizon: r.horizon,
    budget: r.budget_per === null || r.budget_amount === null ? null : { per: r.budget_per, amount: r.budget_amount },
    capacity: db
      .all<{ role_id: string; days_per_quarter: number }>(
        'SELECT c.role_id, c.days_per_quarter FROM scenario_capacity c JOIN roadmap_role r ON r.id = c.role_id WHERE c.scenario_id = ? ORDER BY r.position, r.created_at',
        r.id,
      )
      .map((c) => ({ roleId: c.role_id, daysPerQuarter: c.days_per_quarter })),
    forced: choices.filter((c) => c.choice === 'forced').map((c) => c.initiative_id),
    excluded: choices.filter((c) => c.choice === 'excluded').map((c) => c.initiative_id),
    moduleWeights: Object.fromEntries(weights.map((w) => [w.module_id, w.weight])),
    baselineAssessmentId: r.baseline_assessment_id,
    mode: r.mode,
    manualStarts: Object.fromEntries(starts.map((s) => [s.initiative_id, s.start_quarter])),
  };
}

export function newestAssessment(db: ReadHandle): AssessmentRow | undefined {
  return db.get<AssessmentRow>('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC LIMIT 1');
}

/**
 * The agreed levels of an assessment, capability by capability, for the modules in its scope in
 * framework order. Without an assessment, every capability of the newest framework, unscored.
 */
export function baselineOf(db: ReadHandle, assessment: AssessmentRow | undefined): Baseline {
  const out: Baseline = {};
  if (!assessment) {
    for (const m of findFramework()!.modules) for (const c of m.capabilities) out[c.id] = { moduleId: m.id, current: null, target: null, notApplicable: false };
    return out;
  }
  const fw = frameworkOf(db, assessment);
  const scope = new Set(JSON.parse(assessment.scope_json) as string[]);
  const ratings = new Map(
    db
      .all<{ capability_id: string; current_level: number | null; target_level: number | null; not_applicable: number }>(
        'SELECT capability_id, current_level, target_level, not_applicable FROM rating WHERE assessment_id = ?',
        assessment.id,
      )
      .map((r) => [r.capability_id, r]),
  );
  for (const m of fw.modules) {
    if (!scope.has(m.id)) continue;
    for (const c of m.capabilities) {
      const r = ratings.get(c.id);
      const na = r?.not_applicable === 1;
      out[c.id] = { moduleId: m.id, current: na ? null : (r?.current_level ?? null), target: na ? null : (r?.target_level ?? null), notApplicable: na };
    }
  }
  return out;
}

export function assessmentById(db: ReadHandle, id: string, field = 'baselineAssessmentId'): AssessmentRow {
  const row = db.get<AssessmentRow>('SELECT * FROM assessment WHERE id = ?', id);
  if (!row) throw new ApiError('invalid_input', `${field}: no assessment with id ${id} in this engagement.`, { fields: [{ path: field, message: 'not an assessment of this engagement' }] });
  return row;
}

export function engagementFacts(db: ReadHandle): { currency: string; fyStartMonth: number; businessUnits: { id: string; name: string }[] } {
  const e = db.get<EngagementRow>('SELECT * FROM engagement')!;
  const businessUnits = db.all<{ id: string; name: string }>('SELECT id, name FROM business_unit ORDER BY name COLLATE NOCASE');
  return { currency: e.currency, fyStartMonth: e.fy_start_month, businessUnits };
}

/** Everything the planning core needs for one scenario, with optional records standing in for the stored ones. */
export function planningInput(db: ReadHandle, scenario: Scenario, over: { initiatives?: Initiative[]; rateCard?: RateCard } = {}): RoadmapInput {
  return {
    baseline: baselineOf(db, assessmentById(db, scenario.baselineAssessmentId)),
    initiatives: over.initiatives ?? readInitiatives(db),
    rateCard: over.rateCard ?? readRateCard(db),
    scenario,
    ...engagementFacts(db),
  };
}

/**
 * A fingerprint of what the solver's plan depends on (not names, notes, the mode or manual starts), so a
 * stored schedule is known to be out of date once any of it changes, and a copied scenario keeps its own.
 */
export function solverInputHash(input: RoadmapInput): string {
  const s = input.scenario;
  const canonical = {
    baseline: input.baseline,
    fyStartMonth: input.fyStartMonth,
    roles: input.rateCard.roles.map((r) => [r.id, r.dayRate]),
    initiatives: input.initiatives.map((x) => [x.id, x.uplifts, x.capex, x.opexPerYear, x.effort, x.durationQuarters, x.earliestStart, x.dependsOn, x.costSplit]),
    scenario: [s.startQuarter, s.horizon, s.budget, s.capacity, s.forced, s.excluded, s.moduleWeights, s.baselineAssessmentId],
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function toSchedule(r: ScheduleRow, currentHash: string | null): ScheduleSummary {
  return {
    status: r.status,
    objective: r.objective,
    gap: r.gap,
    ms: r.ms,
    greedyObjective: r.greedy_objective,
    source: r.source,
    message: r.message,
    timeLimitMs: r.time_limit_ms,
    plan: JSON.parse(r.plan_json) as Plan,
    solvedAt: r.solved_at,
    stale: currentHash !== null && currentHash !== r.input_sha256,
  };
}

/** The current hash of a scenario's input, or null when the input cannot be read (e.g. its framework is missing). */
function hashOrNull(db: ReadHandle, scenario: Scenario, shared: { initiatives: Initiative[]; rateCard: RateCard }): string | null {
  try {
    return solverInputHash(planningInput(db, scenario, shared));
  } catch {
    return null;
  }
}

export function readScenario(db: ReadHandle, r: ScenarioRow, shared?: { initiatives: Initiative[]; rateCard: RateCard }): RoadmapScenario {
  const scenario = toScenario(db, r);
  const stored = db.get<ScheduleRow>('SELECT * FROM scenario_schedule WHERE scenario_id = ?', r.id);
  const schedule = stored ? toSchedule(stored, hashOrNull(db, scenario, shared ?? { initiatives: readInitiatives(db), rateCard: readRateCard(db) })) : null;
  return { ...scenario, schedule, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function readScenarios(db: ReadHandle): RoadmapScenario[] {
  const shared = { initiatives: readInitiatives(db), rateCard: readRateCard(db) };
  return db.all<ScenarioRow>('SELECT * FROM scenario ORDER BY position, created_at').map((r) => readScenario(db, r, shared));
}
