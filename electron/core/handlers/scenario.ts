/**
 * scenario.*: plans of the engagement's initiatives under a budget and capacity, from a baseline
 * assessment: settings, copies, the optimal schedule (HiGHS, off the engine's thread, stored with the
 * scenario) and the outputs computed from it. Every change is undoable in the roadmap stream.
 */
import type { ScheduleSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Scenario } from '../../../shared/roadmap/types';
import { validateRoadmap } from '../../../shared/roadmap/validate';
import type { RowChange } from '../db/undo';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { checkScenario } from '../roadmap/checks';
import { assessmentById, newestAssessment, planningInput, readScenario, readScenarios, scenarioRow, solverInputHash, toScenario, type ScheduleRow } from '../roadmap/model';
import { solveOffThread } from '../roadmap/offthread';
import { assertNameFree, copyName, infeasible, scenarioOutputs, scheduleRowOf, writeScenario } from '../roadmap/scenarios';
import { deleteRow, deleteWhere, putRow } from '../roadmap/write';

/** Time the solver is given when the caller names none: the bench's target for a large roadmap. */
export const DEFAULT_TIME_LIMIT_MS = 2000;

const CHILDREN = ['scenario_capacity', 'scenario_choice', 'scenario_module_weight', 'scenario_manual_start', 'scenario_schedule'] as const;

function nextPosition(db: { get<T>(sql: string): T | undefined }): number {
  return (db.get<{ p: number | null }>('SELECT max(position) AS p FROM scenario')?.p ?? -1) + 1;
}

export const scenarioHandlers: HandlerMap = {
  'scenario.list': async (ctx, input) => readScenarios((await ctx.files.get(input.engagementId)).read),

  'scenario.create': (ctx, { engagementId, ...fields }) =>
    mutation(ctx, engagementId, { entity: 'scenario' }, (tx) => {
      const baselineAssessmentId = fields.baselineAssessmentId ?? newestAssessment(tx)?.id;
      if (!baselineAssessmentId) {
        throw new ApiError('invalid_input', 'A scenario plans from an assessment: create one and score it first.', {
          fields: [{ path: 'baselineAssessmentId', message: 'no assessment yet' }],
        });
      }
      assessmentById(tx, baselineAssessmentId);
      assertNameFree(tx, fields.name, null);
      const next: Scenario = { id: tx.newId(), ...fields, baselineAssessmentId };
      checkScenario(tx, null, next);
      const changes: RowChange[] = [];
      writeScenario(tx, next, nextPosition(tx), tx.at, changes);
      return { result: readScenario(tx, scenarioRow(tx, next.id)), after: next, entityId: next.id, undo: { label: `Add scenario ${next.name}`, changes, scope: 'roadmap' } };
    }),

  'scenario.update': (ctx, { engagementId, scenarioId, ...patch }) =>
    mutation(ctx, engagementId, { entity: 'scenario', entityId: scenarioId }, (tx) => {
      const row = scenarioRow(tx, scenarioId);
      const before = toScenario(tx, row);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Scenario>;
      const next: Scenario = { ...before, ...defined, id: scenarioId };
      if (defined.name !== undefined) assertNameFree(tx, next.name, scenarioId);
      if (defined.baselineAssessmentId !== undefined) assessmentById(tx, next.baselineAssessmentId);
      checkScenario(tx, before, next);
      const changes: RowChange[] = [];
      writeScenario(tx, next, row.position, row.created_at, changes);
      const result = readScenario(tx, scenarioRow(tx, scenarioId));
      if (!changes.length) return { result, noop: true };
      return { result, before, after: next, undo: { label: `Edit scenario ${next.name}`, changes, scope: 'roadmap' } };
    }),

  'scenario.copy': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'scenario' }, (tx) => {
      const source = toScenario(tx, scenarioRow(tx, input.scenarioId));
      const name = input.name ?? copyName(tx, source.name);
      assertNameFree(tx, name, null);
      const next: Scenario = { ...source, id: tx.newId(), name };
      checkScenario(tx, source, next);
      const changes: RowChange[] = [];
      writeScenario(tx, next, nextPosition(tx), tx.at, changes);
      const schedule = tx.get<ScheduleRow>('SELECT * FROM scenario_schedule WHERE scenario_id = ?', source.id);
      if (schedule) putRow(tx, 'scenario_schedule', { ...schedule, scenario_id: next.id }, changes);
      return {
        result: readScenario(tx, scenarioRow(tx, next.id)),
        before: { copyOf: source.id },
        after: next,
        entityId: next.id,
        undo: { label: `Copy scenario ${source.name}`, changes, scope: 'roadmap' },
      };
    }),

  'scenario.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'scenario', entityId: input.scenarioId }, (tx) => {
      const row = scenarioRow(tx, input.scenarioId);
      const before = toScenario(tx, row);
      const changes: RowChange[] = [];
      for (const table of CHILDREN) deleteWhere(tx, table, 'scenario_id', row.id, changes);
      deleteRow(tx, 'scenario', { id: row.id }, changes);
      return { result: { id: row.id }, before, undo: { label: `Remove scenario ${row.name}`, changes, scope: 'roadmap' } };
    }),

  'scenario.schedule': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    const scenario = toScenario(db, scenarioRow(db, input.scenarioId));
    const planning = planningInput(db, scenario);
    validateRoadmap(planning);
    const hash = solverInputHash(planning);
    const timeLimitMs = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    let solved;
    try {
      solved = await solveOffThread(planning, timeLimitMs);
    } catch (err) {
      throw new ApiError('internal', `The solver failed (${(err as Error).message}); nothing was scheduled.`);
    }
    if (solved.status === 'infeasible') throw infeasible(scenario.name, solved.reasons);
    if (solved.status === 'error' && solved.source === 'none') throw new ApiError('internal', `${solved.message ?? 'The solver failed.'} Nothing was scheduled.`);
    const summary: ScheduleSummary = {
      status: solved.status,
      objective: solved.objective,
      gap: solved.gap,
      ms: Math.round(solved.ms * 10) / 10,
      greedyObjective: solved.greedyObjective,
      source: solved.source,
      message: solved.message,
      timeLimitMs,
      plan: solved.plan,
      solvedAt: ctx.clock.at(),
      stale: false,
    };
    return mutation(ctx, input.engagementId, { entity: 'scenario_schedule', entityId: input.scenarioId }, (tx) => {
      const row = scenarioRow(tx, input.scenarioId);
      const changes: RowChange[] = [];
      putRow(tx, 'scenario_schedule', { ...scheduleRowOf(row.id, summary, hash) }, changes);
      const after = { status: summary.status, objective: summary.objective, gap: summary.gap, ms: summary.ms, planned: summary.plan.length };
      // Inputs edited while the solver ran: the plan is stored for the inputs it was solved for, and shows as out of date.
      const stale = solverInputHash(planningInput(tx, toScenario(tx, row))) !== hash;
      return { result: { ...summary, stale }, after, undo: { label: `Schedule ${row.name}`, changes, scope: 'roadmap' } };
    });
  },

  'scenario.outputs': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    return scenarioOutputs(db, scenarioRow(db, input.scenarioId));
  },
};
