/** workshop.*: sessions held with the client: who is present, the agenda, and what the projector shows. */
import { ApiError } from '../../../shared/errors';
import type { WorkshopSession } from '../../../shared/domain';
import type { CommandContext } from '../context';
import type { ReadHandle } from '../db/handle';
import { toSession, type SessionRow } from '../db/rows';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { assertCapability, assertParticipant, assessmentRow, mustExist } from './lookup';

/** Sessions with what each actually presented, read from the focus changes in the audit log. */
export function sessionsOf(db: ReadHandle, assessmentId: string): WorkshopSession[] {
  const discussed = new Map<string, string[]>();
  const focus = db.all<{ entity_id: string; capability_id: string }>(
    "SELECT entity_id, capability_id FROM audit_log WHERE assessment_id = ? AND command = 'workshop.focus' ORDER BY seq",
    assessmentId,
  );
  for (const f of focus) {
    const list = discussed.get(f.entity_id) ?? [];
    if (!list.includes(f.capability_id)) list.push(f.capability_id);
    discussed.set(f.entity_id, list);
  }
  return db.all<SessionRow>('SELECT * FROM workshop_session WHERE assessment_id = ? ORDER BY started_at DESC', assessmentId).map((r) => toSession(r, discussed.get(r.id) ?? []));
}

function sessionRow(db: ReadHandle, sessionId: string): SessionRow {
  return mustExist(db.get<SessionRow>('SELECT * FROM workshop_session WHERE id = ?', sessionId), 'workshop session', sessionId);
}

/** A session that is still running: one that has ended is a record and no longer changes. */
function runningSession(db: ReadHandle, sessionId: string, doing: string): SessionRow {
  const row = sessionRow(db, sessionId);
  if (row.ended_at) throw new ApiError('conflict', `This workshop session has ended; start a new one to ${doing}.`);
  return row;
}

/** The session as the engine now has it, read after the change (with what it presented). */
async function readSession(ctx: CommandContext, engagementId: string, sessionId: string): Promise<WorkshopSession> {
  const db = (await ctx.files.get(engagementId)).read;
  return sessionsOf(db, sessionRow(db, sessionId).assessment_id).find((x) => x.id === sessionId)!;
}

const names = (db: ReadHandle, ids: readonly string[]) => ids.map((id) => db.get<{ name: string }>('SELECT name FROM participant WHERE id = ?', id)?.name ?? id);

export const workshopHandlers: HandlerMap = {
  'workshop.start': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'workshop_session', assessmentId: input.assessmentId }, (tx) => {
      const a = assessmentRow(tx, input.assessmentId);
      const scope = JSON.parse(a.scope_json) as string[];
      const outside = input.modules.filter((m) => !scope.includes(m));
      if (outside.length) {
        throw new ApiError('invalid_input', `modules: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside the scope of assessment ${a.label}.`, {
          fields: [{ path: 'modules', message: 'out of scope' }],
        });
      }
      input.participantIds.forEach((p, i) => assertParticipant(tx, p, `participantIds.${i}`));
      const row: SessionRow = {
        id: tx.newId(),
        assessment_id: a.id,
        held_on: input.heldOn,
        modules_json: JSON.stringify(scope.filter((m) => input.modules.includes(m))),
        participants_json: JSON.stringify([...new Set(input.participantIds)]),
        minutes: input.minutes,
        started_at: tx.at,
        ended_at: null,
        focus_capability_id: null,
        blind: input.blind ? 1 : 0,
        revealed_json: '[]',
      };
      tx.run(
        `INSERT INTO workshop_session (id, assessment_id, held_on, modules_json, participants_json, minutes, started_at, ended_at, focus_capability_id, blind, revealed_json)
         VALUES (@id, @assessment_id, @held_on, @modules_json, @participants_json, @minutes, @started_at, @ended_at, @focus_capability_id, @blind, @revealed_json)`,
        { ...row },
      );
      const { discussed: _none, ...session } = toSession(row);
      return { result: toSession(row), after: session, entityId: row.id };
    }),

  'workshop.focus': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'workshop_session', entityId: input.sessionId, capabilityId: input.capabilityId }, (tx) => {
      const before = sessionRow(tx, input.sessionId);
      assertCapability(tx, assessmentRow(tx, before.assessment_id), input.capabilityId);
      if (before.ended_at) throw new ApiError('conflict', 'This workshop session has ended; start a new one to present again.');
      tx.run('UPDATE workshop_session SET focus_capability_id = ? WHERE id = ?', input.capabilityId, before.id);
      // The audit row written with this change is what `discussed` is read from: read the session after it.
      return {
        result: null,
        before: { focus: before.focus_capability_id },
        after: { focus: input.capabilityId },
        assessmentId: before.assessment_id,
      };
    }).then(() => readSession(ctx, input.engagementId, input.sessionId)),

  'workshop.update': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'workshop_session', entityId: input.sessionId }, (tx) => {
      const before = runningSession(tx, input.sessionId, 'change who is present');
      input.participantIds?.forEach((p, i) => assertParticipant(tx, p, `participantIds.${i}`));
      const present = input.participantIds ? JSON.stringify([...new Set(input.participantIds)]) : before.participants_json;
      const blind = input.blind === undefined ? before.blind : input.blind ? 1 : 0;
      tx.run('UPDATE workshop_session SET participants_json = ?, blind = ? WHERE id = ?', present, blind, before.id);
      // The audit names who was present before and after, so the record reads without the people list.
      return {
        result: null,
        before: { present: names(tx, JSON.parse(before.participants_json) as string[]), blind: before.blind === 1 },
        after: { present: names(tx, JSON.parse(present) as string[]), blind: blind === 1 },
        assessmentId: before.assessment_id,
      };
    }).then(() => readSession(ctx, input.engagementId, input.sessionId)),

  'workshop.reveal': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'workshop_session', entityId: input.sessionId, capabilityId: input.capabilityId }, (tx) => {
      const before = runningSession(tx, input.sessionId, 'show votes');
      assertCapability(tx, assessmentRow(tx, before.assessment_id), input.capabilityId);
      const revealed = (JSON.parse(before.revealed_json) as string[]).filter((c) => c !== input.capabilityId);
      if (input.revealed) revealed.push(input.capabilityId);
      tx.run('UPDATE workshop_session SET revealed_json = ? WHERE id = ?', JSON.stringify(revealed), before.id);
      return { result: null, after: { revealed: input.revealed }, assessmentId: before.assessment_id };
    }).then(() => readSession(ctx, input.engagementId, input.sessionId)),

  'workshop.end': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'workshop_session', entityId: input.sessionId }, (tx) => {
      const before = sessionRow(tx, input.sessionId);
      const endedAt = before.ended_at ?? tx.at;
      tx.run('UPDATE workshop_session SET ended_at = ? WHERE id = ?', endedAt, before.id);
      return { result: null, before: { endedAt: before.ended_at }, after: { endedAt }, assessmentId: before.assessment_id };
    }).then(() => readSession(ctx, input.engagementId, input.sessionId)),
};
