/** businessUnit.*: the client's business units, which people belong to and costs are charged back to. */
import { ApiError } from '../../../shared/errors';
import type { ReadHandle } from '../db/handle';
import { toBusinessUnit, type BusinessUnitRow } from '../db/rows';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { mustExist } from './lookup';

export function businessUnitRow(db: ReadHandle, id: string): BusinessUnitRow {
  return mustExist(db.get<BusinessUnitRow>('SELECT * FROM business_unit WHERE id = ?', id), 'business unit', id);
}

function assertNameFree(db: ReadHandle, name: string, exceptId?: string): void {
  const clash = db.get<{ id: string }>('SELECT id FROM business_unit WHERE name = ? COLLATE NOCASE AND id IS NOT ?', name, exceptId ?? null);
  if (clash) throw new ApiError('conflict', `A business unit called "${name}" already exists.`, { name });
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

  'businessUnit.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'business_unit', entityId: input.businessUnitId }, (tx) => {
      const before = businessUnitRow(tx, input.businessUnitId);
      tx.run('DELETE FROM business_unit WHERE id = ?', before.id);
      return { result: { id: before.id }, before };
    }),
};
