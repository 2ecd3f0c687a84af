/**
 * businessUnit.*: the client's business units, which people belong to and costs are charged back to.
 * A removed unit is kept aside with who was in it, so restoring it puts them back.
 */
import type { RemovedBusinessUnit } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { ReadHandle } from '../db/handle';
import { toBusinessUnit, type BusinessUnitRow } from '../db/rows';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { mustExist } from './lookup';

interface RemovedRow {
  id: string;
  name: string;
  created_at: string;
  removed_at: string;
  members_json: string;
}

export function businessUnitRow(db: ReadHandle, id: string): BusinessUnitRow {
  return mustExist(db.get<BusinessUnitRow>('SELECT * FROM business_unit WHERE id = ?', id), 'business unit', id);
}

function assertNameFree(db: ReadHandle, name: string, exceptId?: string): void {
  const clash = db.get<{ id: string }>('SELECT id FROM business_unit WHERE name = ? COLLATE NOCASE AND id IS NOT ?', name, exceptId ?? null);
  if (clash) throw new ApiError('conflict', `A business unit called "${name}" already exists.`, { name, fields: [{ path: 'name', message: 'already exists' }] });
}

function removedUnits(db: ReadHandle): RemovedBusinessUnit[] {
  const names = new Map(db.all<{ id: string; name: string }>('SELECT id, name FROM participant').map((p) => [p.id, p.name]));
  return db.all<RemovedRow>('SELECT * FROM removed_business_unit ORDER BY removed_at DESC').map((r) => ({
    id: r.id,
    name: r.name,
    removedAt: r.removed_at,
    members: (JSON.parse(r.members_json) as string[]).filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
  }));
}

export const businessUnitHandlers: HandlerMap = {
  'businessUnit.add': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'business_unit' }, (tx) => {
      assertNameFree(tx, input.name);
      const row: BusinessUnitRow = { id: tx.newId(), name: input.name, created_at: tx.at };
      tx.run('INSERT INTO business_unit (id, name, created_at) VALUES (@id, @name, @created_at)', { ...row });
      return { result: toBusinessUnit(row), after: row, entityId: row.id };
    }),

  'businessUnit.rename': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'business_unit', entityId: input.businessUnitId }, (tx) => {
      const before = businessUnitRow(tx, input.businessUnitId);
      assertNameFree(tx, input.name, before.id);
      const after = { ...before, name: input.name };
      tx.run('UPDATE business_unit SET name = ? WHERE id = ?', input.name, before.id);
      return { result: toBusinessUnit(after), before, after };
    }),

  /** Removes the unit; its people are left without one, and who they were is kept for a restore. */
  'businessUnit.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'business_unit', entityId: input.businessUnitId }, (tx) => {
      const before = businessUnitRow(tx, input.businessUnitId);
      const paying = tx.all<{ name: string }>(
        'SELECT i.name FROM initiative_cost_share s JOIN initiative i ON i.id = s.initiative_id WHERE s.business_unit_id = ? ORDER BY i.position',
        before.id,
      );
      if (paying.length) {
        throw new ApiError(
          'conflict',
          `${before.name} pays a share of ${paying.length === 1 ? 'the initiative' : `${paying.length} initiatives:`} ${paying.map((p) => p.name).join(', ')}. Change ${paying.length === 1 ? 'its' : 'their'} cost split on the roadmap first.`,
          { businessUnitId: before.id, initiatives: paying.map((p) => p.name) },
        );
      }
      const members = tx.all<{ id: string; name: string }>('SELECT id, name FROM participant WHERE business_unit_id = ? ORDER BY name COLLATE NOCASE', before.id);
      tx.run(
        'INSERT INTO removed_business_unit (id, name, created_at, removed_at, members_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET removed_at = excluded.removed_at, members_json = excluded.members_json',
        before.id,
        before.name,
        before.created_at,
        tx.at,
        JSON.stringify(members.map((m) => m.id)),
      );
      tx.run('UPDATE participant SET business_unit_id = NULL WHERE business_unit_id = ?', before.id);
      tx.run('DELETE FROM business_unit WHERE id = ?', before.id);
      return { result: { id: before.id }, before: { name: before.name, people: members.map((m) => m.name) } };
    }),

  'businessUnit.restore': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'business_unit', entityId: input.businessUnitId }, (tx) => {
      const removed = mustExist(tx.get<RemovedRow>('SELECT * FROM removed_business_unit WHERE id = ?', input.businessUnitId), 'removed business unit', input.businessUnitId);
      const clash = tx.get<{ id: string }>('SELECT id FROM business_unit WHERE name = ? COLLATE NOCASE', removed.name);
      if (clash) {
        throw new ApiError('conflict', `A business unit called "${removed.name}" exists again: rename it before restoring the removed one.`, { name: removed.name });
      }
      const row: BusinessUnitRow = { id: removed.id, name: removed.name, created_at: removed.created_at };
      tx.run('INSERT INTO business_unit (id, name, created_at) VALUES (@id, @name, @created_at)', { ...row });
      // People given another unit since the removal stay where they were put.
      const back = tx.all<{ id: string; name: string }>(
        'SELECT id, name FROM participant WHERE business_unit_id IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY name COLLATE NOCASE',
        removed.members_json,
      );
      for (const p of back) tx.run('UPDATE participant SET business_unit_id = ? WHERE id = ?', row.id, p.id);
      tx.run('DELETE FROM removed_business_unit WHERE id = ?', removed.id);
      return { result: { unit: toBusinessUnit(row), members: back.map((p) => p.id) }, after: { name: row.name, people: back.map((p) => p.name) } };
    }),

  'businessUnit.removed': async (ctx, input) => removedUnits((await ctx.files.get(input.engagementId)).read),
};
