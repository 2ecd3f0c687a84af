/**
 * history.*: undo and redo through the same audited write path, in one of two streams: an
 * assessment's changes (scores, votes, evidence links, actions) or the engagement's roadmap (rate card,
 * initiatives, scenarios and their schedules).
 */
import type { UndoState } from '../../../shared/domain';
import type { CommandContext } from '../context';
import { applyChanges, nextEntry, streamState, type RowChange, type UndoStream } from '../db/undo';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { assessmentRow } from './lookup';

type Replayed = UndoState & { done: string | null; capabilityId: string | null };

function streamOf(input: { assessmentId?: string | undefined; scope: 'assessment' | 'roadmap' }): UndoStream {
  return input.scope === 'roadmap' ? { scope: 'roadmap' } : { scope: 'assessment', assessmentId: input.assessmentId! };
}

async function replay(ctx: CommandContext, engagementId: string, stream: UndoStream, direction: 'undo' | 'redo'): Promise<Replayed> {
  const assessmentId = stream.scope === 'assessment' ? stream.assessmentId : null;
  return mutation<Replayed>(ctx, engagementId, { entity: stream.scope === 'roadmap' ? 'roadmap_undo' : 'undo', assessmentId }, (tx) => {
    if (assessmentId) assessmentRow(tx, assessmentId);
    const entry = nextEntry(tx, stream, direction);
    if (!entry) return { result: { ...streamState(tx, stream), done: null, capabilityId: null }, noop: true };
    const changes = JSON.parse(entry.changes_json) as RowChange[];
    const capabilities = [...new Set(changes.map((c) => c.key.capability_id as string | undefined))];
    const capabilityId = assessmentId && capabilities.length === 1 ? (capabilities[0] ?? null) : null;
    applyChanges(tx, changes, direction);
    tx.run('UPDATE undo_entry SET undone = ? WHERE seq = ?', direction === 'undo' ? 1 : 0, entry.seq);
    return { result: { ...streamState(tx, stream), done: entry.label, capabilityId }, before: { label: entry.label }, capabilityId };
  });
}

export const historyHandlers: HandlerMap = {
  'history.undo': (ctx, input) => replay(ctx, input.engagementId, streamOf(input), 'undo'),
  'history.redo': (ctx, input) => replay(ctx, input.engagementId, streamOf(input), 'redo'),
  'history.state': async (ctx, input) => {
    const file = await ctx.files.get(input.engagementId);
    if (input.scope === 'assessment') assessmentRow(file.read, input.assessmentId!);
    return streamState(file.read, streamOf(input));
  },
};
