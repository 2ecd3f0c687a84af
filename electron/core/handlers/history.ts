/** history.*: undo and redo of an assessment's changes, through the same audited write path. */
import type { UndoState } from '../../../shared/domain';
import type { CommandContext } from '../context';
import { applyChanges, type RowChange } from '../db/undo';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { undoState } from './assessment-model';
import { assessmentRow } from './lookup';

async function replay(ctx: CommandContext, engagementId: string, assessmentId: string, direction: 'undo' | 'redo'): Promise<UndoState & { done: string | null; capabilityId: string | null }> {
  return mutation<UndoState & { done: string | null; capabilityId: string | null }>(ctx, engagementId, { entity: 'undo', assessmentId }, (tx) => {
    assessmentRow(tx, assessmentId);
    const entry = tx.get<{ seq: number; label: string; changes_json: string }>(
      direction === 'undo'
        ? 'SELECT * FROM undo_entry WHERE assessment_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1'
        : 'SELECT * FROM undo_entry WHERE assessment_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1',
      assessmentId,
    );
    if (!entry) return { result: { ...undoState(tx, assessmentId), done: null, capabilityId: null }, noop: true };
    const changes = JSON.parse(entry.changes_json) as RowChange[];
    const capabilities = [...new Set(changes.map((c) => c.key.capability_id as string | undefined))];
    const capabilityId = capabilities.length === 1 ? (capabilities[0] ?? null) : null;
    applyChanges(tx, changes, direction);
    tx.run('UPDATE undo_entry SET undone = ? WHERE seq = ?', direction === 'undo' ? 1 : 0, entry.seq);
    return { result: { ...undoState(tx, assessmentId), done: entry.label, capabilityId }, before: { label: entry.label }, capabilityId };
  });
}

export const historyHandlers: HandlerMap = {
  'history.undo': (ctx, input) => replay(ctx, input.engagementId, input.assessmentId, 'undo'),
  'history.redo': (ctx, input) => replay(ctx, input.engagementId, input.assessmentId, 'redo'),
};
