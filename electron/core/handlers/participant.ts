/** participant.*: the people in the room, who vote. */
import type { ReadHandle } from '../db/handle';
import { toParticipant, type ParticipantRow } from '../db/rows';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { businessUnitRow } from './businessUnit';
import { mustExist } from './lookup';

function participantRow(db: ReadHandle, id: string): ParticipantRow {
  return mustExist(db.get<ParticipantRow>('SELECT * FROM participant WHERE id = ?', id), 'participant', id);
}

function assertBusinessUnit(db: ReadHandle, id: string | null | undefined): void {
  if (id != null) businessUnitRow(db, id);
}

export const participantHandlers: HandlerMap = {
  'participant.add': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'participant' }, (tx) => {
      assertBusinessUnit(tx, input.businessUnitId);
      const row: ParticipantRow = { id: tx.newId(), name: input.name, role: input.role, business_unit_id: input.businessUnitId, created_at: tx.at };
      tx.run('INSERT INTO participant (id, name, role, business_unit_id, created_at) VALUES (@id, @name, @role, @business_unit_id, @created_at)', { ...row });
      return { result: toParticipant(row), after: row, entityId: row.id };
    }),

  'participant.update': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'participant', entityId: input.participantId }, (tx) => {
      const before = participantRow(tx, input.participantId);
      assertBusinessUnit(tx, input.businessUnitId);
      const after: ParticipantRow = {
        ...before,
        name: input.name ?? before.name,
        role: input.role ?? before.role,
        business_unit_id: input.businessUnitId === undefined ? before.business_unit_id : input.businessUnitId,
      };
      tx.run('UPDATE participant SET name = @name, role = @role, business_unit_id = @business_unit_id WHERE id = @id', { ...after });
      return { result: toParticipant(after), before, after };
    }),

  'participant.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'participant', entityId: input.participantId }, (tx) => {
      const before = participantRow(tx, input.participantId);
      tx.run('DELETE FROM participant WHERE id = ?', before.id);
      return { result: { id: before.id }, before };
    }),
};
