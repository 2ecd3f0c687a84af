/**
 * initiative.*: the engagement's initiatives, which lift capabilities to a level for a cost, an effort
 * per role and a duration, after the initiatives they depend on. Every change is checked against the
 * planning core's rules (shared/roadmap/validate) for every scenario before anything is written, and is
 * undoable in the engagement's roadmap stream.
 */
import type { Initiative } from '../../../shared/roadmap/types';
import { percentToBasisPoints } from '../../../shared/roadmap/validate';
import type { RowChange } from '../db/undo';
import { mutation, type MutationTx } from '../mutation';
import type { HandlerMap } from '../registry';
import { checkInitiatives } from '../roadmap/checks';
import { initiativeRow, readInitiatives } from '../roadmap/model';
import { suggestInitiatives } from '../roadmap/suggest';
import { deleteRow, deleteWhere, putRow, syncRows } from '../roadmap/write';

/** Writes an initiative and its lists (uplifts, effort, dependencies, cost shares), recording every row. */
function writeInitiative(tx: MutationTx, x: Initiative, position: number, createdAt: string, changes: RowChange[]): void {
  putRow(
    tx,
    'initiative',
    {
      id: x.id,
      name: x.name,
      description: x.description,
      owner: x.owner,
      capex: x.capex,
      opex_per_year: x.opexPerYear,
      duration_quarters: x.durationQuarters,
      earliest_start: x.earliestStart,
      split_mode: x.costSplit.mode,
      risk: x.risk,
      note: x.note,
      position,
      created_at: createdAt,
      updated_at: tx.at,
    },
    changes,
  );
  const parent = { initiative_id: x.id };
  syncRows(tx, 'initiative_uplift', parent, x.uplifts.map((u, k) => ({ initiative_id: x.id, capability_id: u.capabilityId, to_level: u.toLevel, position: k })), changes);
  syncRows(tx, 'initiative_effort', parent, x.effort.map((e, k) => ({ initiative_id: x.id, role_id: e.roleId, days: e.days, position: k })), changes);
  syncRows(tx, 'initiative_dependency', parent, x.dependsOn.map((d, k) => ({ initiative_id: x.id, depends_on_id: d, position: k })), changes);
  const shares = x.costSplit.mode === 'percent' ? x.costSplit.shares : [];
  syncRows(
    tx,
    'initiative_cost_share',
    parent,
    shares.map((s, k) => ({ initiative_id: x.id, business_unit_id: s.businessUnitId, basis_points: percentToBasisPoints(s.percent), position: k })),
    changes,
  );
}

function positionOf(tx: MutationTx): number {
  return (tx.get<{ p: number | null }>('SELECT max(position) AS p FROM initiative')?.p ?? -1) + 1;
}

export const initiativeHandlers: HandlerMap = {
  'initiative.list': async (ctx, input) => readInitiatives((await ctx.files.get(input.engagementId)).read),

  'initiative.add': (ctx, { engagementId, ...fields }) =>
    mutation(ctx, engagementId, { entity: 'initiative' }, (tx) => {
      const all = readInitiatives(tx);
      const next: Initiative = { id: tx.newId(), ...fields };
      checkInitiatives(tx, all, [...all, next], all.length);
      const changes: RowChange[] = [];
      writeInitiative(tx, next, positionOf(tx), tx.at, changes);
      return { result: next, after: next, entityId: next.id, undo: { label: `Add initiative ${next.name}`, changes, scope: 'roadmap' } };
    }),

  'initiative.update': (ctx, { engagementId, initiativeId, ...patch }) =>
    mutation(ctx, engagementId, { entity: 'initiative', entityId: initiativeId }, (tx) => {
      const row = initiativeRow(tx, initiativeId);
      const all = readInitiatives(tx);
      const index = all.findIndex((x) => x.id === initiativeId);
      const before = all[index]!;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Initiative>;
      const next: Initiative = { ...before, ...defined, id: initiativeId };
      checkInitiatives(tx, all, all.map((x, k) => (k === index ? next : x)), index);
      const changes: RowChange[] = [];
      writeInitiative(tx, next, row.position, row.created_at, changes);
      if (!changes.length) return { result: next, noop: true };
      return { result: next, before, after: next, undo: { label: `Edit initiative ${next.name}`, changes, scope: 'roadmap' } };
    }),

  'initiative.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'initiative', entityId: input.initiativeId }, (tx) => {
      const row = initiativeRow(tx, input.initiativeId);
      const before = readInitiatives(tx, row.id)[0]!;
      const changes: RowChange[] = [];
      // What refers to it goes with it: other initiatives' dependencies on it, the scenarios' choices and manual starts.
      deleteWhere(tx, 'initiative_dependency', 'depends_on_id', row.id, changes);
      deleteWhere(tx, 'scenario_choice', 'initiative_id', row.id, changes);
      deleteWhere(tx, 'scenario_manual_start', 'initiative_id', row.id, changes);
      for (const table of ['initiative_uplift', 'initiative_effort', 'initiative_dependency', 'initiative_cost_share'] as const) deleteWhere(tx, table, 'initiative_id', row.id, changes);
      deleteRow(tx, 'initiative', { id: row.id }, changes);
      return { result: { id: row.id }, before, undo: { label: `Remove initiative ${row.name}`, changes, scope: 'roadmap' } };
    }),

  'initiative.suggest': async (ctx, input) => suggestInitiatives((await ctx.files.get(input.engagementId)).read, input),
};
