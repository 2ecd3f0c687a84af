/** action.*: action items agreed on a capability. */
import type { ReadHandle } from '../db/handle';
import { toAction, type ActionRow } from '../db/rows';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { assertCapability, assessmentRow, mustExist } from './lookup';

function actionRow(db: ReadHandle, assessmentId: string, actionId: string): ActionRow {
  return mustExist(db.get<ActionRow>('SELECT * FROM action_item WHERE id = ? AND assessment_id = ?', actionId, assessmentId), 'action item', actionId);
}

export const actionHandlers: HandlerMap = {
  'action.add': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'action_item', assessmentId: input.assessmentId, capabilityId: input.capabilityId }, (tx) => {
      assertCapability(tx, assessmentRow(tx, input.assessmentId), input.capabilityId);
      const row: ActionRow = {
        id: tx.newId(),
        assessment_id: input.assessmentId,
        capability_id: input.capabilityId,
        text: input.text,
        owner: input.owner,
        due_date: input.dueDate,
        status: input.status,
        created_at: tx.at,
        updated_at: tx.at,
      };
      const change = tx.track('action_item', { id: row.id }, () => {
        tx.run(
          `INSERT INTO action_item (id, assessment_id, capability_id, text, owner, due_date, status, created_at, updated_at)
           VALUES (@id, @assessment_id, @capability_id, @text, @owner, @due_date, @status, @created_at, @updated_at)`,
          { ...row },
        );
      });
      return { result: toAction(row), after: toAction(row), entityId: row.id, undo: { label: `${input.capabilityId}: action added`, changes: [change] } };
    }),

  'action.update': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'action_item', entityId: input.actionId, assessmentId: input.assessmentId }, (tx) => {
      const before = actionRow(tx, input.assessmentId, input.actionId);
      const after: ActionRow = {
        ...before,
        text: input.text ?? before.text,
        owner: input.owner ?? before.owner,
        due_date: input.dueDate === undefined ? before.due_date : input.dueDate,
        status: input.status ?? before.status,
        updated_at: tx.at,
      };
      const change = tx.track('action_item', { id: before.id }, () => {
        tx.run('UPDATE action_item SET text = @text, owner = @owner, due_date = @due_date, status = @status, updated_at = @updated_at WHERE id = @id', { ...after });
      });
      return {
        result: toAction(after),
        before: toAction(before),
        after: toAction(after),
        capabilityId: before.capability_id,
        undo: { label: `${before.capability_id}: action edited`, changes: [change] },
      };
    }),

  'action.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'action_item', entityId: input.actionId, assessmentId: input.assessmentId }, (tx) => {
      const before = actionRow(tx, input.assessmentId, input.actionId);
      const change = tx.track('action_item', { id: before.id }, () => {
        tx.run('DELETE FROM action_item WHERE id = ?', before.id);
      });
      return { result: { id: before.id }, before: toAction(before), capabilityId: before.capability_id, undo: { label: `${before.capability_id}: action removed`, changes: [change] } };
    }),
};
