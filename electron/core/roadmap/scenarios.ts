/**
 * Scenarios as written and read by scenario.*: their rows, the schedule stored with them, and the
 * outputs computed from the stored plan (optimal mode) or the manual starts (manual mode) by
 * shared/roadmap/outputs.
 */
import type { ScenarioOutputs, ScheduleSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { InfeasibilityReason } from '../../../shared/roadmap/feasibility';
import { roadmapOutputs } from '../../../shared/roadmap/outputs';
import { manualPlan, planFromStarts, prepareProblem, startsFromPlan } from '../../../shared/roadmap/problem';
import type { Scenario } from '../../../shared/roadmap/types';
import { validateRoadmap } from '../../../shared/roadmap/validate';
import type { ReadHandle } from '../db/handle';
import type { RowChange } from '../db/undo';
import type { MutationTx } from '../mutation';
import { planningInput, solverInputHash, toSchedule, toScenario, type ScenarioRow, type ScheduleRow } from './model';
import { putRow, syncRows } from './write';

export function writeScenario(tx: MutationTx, s: Scenario, position: number, createdAt: string, changes: RowChange[]): void {
  putRow(
    tx,
    'scenario',
    {
      id: s.id,
      name: s.name,
      start_quarter: s.startQuarter,
      horizon: s.horizon,
      budget_per: s.budget?.per ?? null,
      budget_amount: s.budget?.amount ?? null,
      baseline_assessment_id: s.baselineAssessmentId,
      mode: s.mode,
      position,
      created_at: createdAt,
      updated_at: tx.at,
    },
    changes,
  );
  const parent = { scenario_id: s.id };
  syncRows(tx, 'scenario_capacity', parent, s.capacity.map((c) => ({ scenario_id: s.id, role_id: c.roleId, days_per_quarter: c.daysPerQuarter })), changes);
  syncRows(
    tx,
    'scenario_choice',
    parent,
    [...s.forced.map((id) => ({ scenario_id: s.id, initiative_id: id, choice: 'forced' })), ...s.excluded.map((id) => ({ scenario_id: s.id, initiative_id: id, choice: 'excluded' }))],
    changes,
  );
  syncRows(tx, 'scenario_module_weight', parent, Object.entries(s.moduleWeights).map(([m, w]) => ({ scenario_id: s.id, module_id: m, weight: w })), changes);
  syncRows(tx, 'scenario_manual_start', parent, Object.entries(s.manualStarts).map(([id, q]) => ({ scenario_id: s.id, initiative_id: id, start_quarter: q })), changes);
}

/** Refuses a name another scenario has (names are compared without case). */
export function assertNameFree(db: ReadHandle, name: string, exceptId: string | null): void {
  if (db.get('SELECT id FROM scenario WHERE name = ? COLLATE NOCASE AND id IS NOT ?', name, exceptId)) {
    throw new ApiError('conflict', `A scenario called "${name}" already exists; choose another name.`, { fields: [{ path: 'name', message: 'already used by another scenario' }] });
  }
}

/** "Base case (copy)", then "Base case (copy 2)", ... whichever is free. */
export function copyName(db: ReadHandle, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${name.slice(0, 100)} (copy${n > 1 ? ` ${n}` : ''})`;
    if (!db.get('SELECT id FROM scenario WHERE name = ? COLLATE NOCASE', candidate)) return candidate;
  }
}

/** Where an infeasibility lies among a scenario's fields. */
function reasonPath(r: InfeasibilityReason): string {
  return r.kind === 'capacity' ? 'capacity' : r.kind === 'budget' ? 'budget' : r.kind === 'time' ? 'horizon' : 'forced';
}

export function infeasible(name: string, reasons: InfeasibilityReason[]): ApiError {
  const text = reasons.map((r) => r.message).join('; ');
  return new ApiError('invalid_input', `Scenario "${name}" cannot be planned: ${text}. Nothing was scheduled.`, {
    fields: reasons.map((r) => ({ path: reasonPath(r), message: r.message })),
    reasons,
  });
}

export function scheduleRowOf(scenarioId: string, s: Omit<ScheduleSummary, 'stale'>, inputSha256: string): ScheduleRow {
  return {
    scenario_id: scenarioId,
    status: s.status,
    objective: s.objective,
    gap: s.gap,
    ms: s.ms,
    greedy_objective: s.greedyObjective,
    source: s.source,
    message: s.message,
    time_limit_ms: s.timeLimitMs,
    plan_json: JSON.stringify(s.plan),
    input_sha256: inputSha256,
    solved_at: s.solvedAt,
  };
}

/** The outputs of a scenario: from its manual starts, or from the stored plan (filtered to initiatives that still exist). */
export function scenarioOutputs(db: ReadHandle, row: ScenarioRow): ScenarioOutputs {
  const scenario = toScenario(db, row);
  const input = planningInput(db, scenario);
  validateRoadmap(input);
  const p = prepareProblem(input);
  const stored = db.get<ScheduleRow>('SELECT * FROM scenario_schedule WHERE scenario_id = ?', row.id);
  const schedule = stored ? toSchedule(stored, solverInputHash(input)) : null;
  const plan = scenario.mode === 'manual' ? manualPlan(p) : schedule ? planFromStarts(p, startsFromPlan(p, schedule.plan)) : [];
  return { ...roadmapOutputs(p, plan), scenarioId: row.id, mode: scenario.mode, currency: input.currency, fyStartMonth: input.fyStartMonth, schedule };
}
