/**
 * participant.*: the people in the room, who vote. A participant who leaves is marked as left, never
 * deleted: their votes stay in every assessment and the history keeps who they were; restore brings
 * them back.
 */
import type { ParticipantUsage } from '../../../shared/domain';
import type { CommandContext } from '../context';
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

/** The votes a participant cast, per assessment, and the sessions they were present at. */
export function participantUsage(db: ReadHandle, participantId: string): ParticipantUsage {
  const assessments = db.all<{ id: string; label: string; votes: number }>(
    `SELECT a.id, a.label, count(*) AS votes FROM vote v JOIN assessment a ON a.id = v.assessment_id
     WHERE v.participant_id = ? GROUP BY a.id ORDER BY a.assessed_on, a.created_at`,
    participantId,
  );
  const sessions = db.get<{ n: number }>(
    'SELECT count(*) AS n FROM workshop_session WHERE EXISTS (SELECT 1 FROM json_each(participants_json) WHERE value = ?)',
    participantId,
  )!.n;
  return { participantId, votes: assessments.reduce((n, a) => n + a.votes, 0), assessments, sessions };
}

/** Marks a participant as left (`at`) or back (null); a participant already so is left as they are. */
function setLeft(ctx: CommandContext, engagementId: string, participantId: string, left: boolean) {
  return mutation(ctx, engagementId, { entity: 'participant', entityId: participantId }, (tx) => {
    const before = participantRow(tx, participantId);
    const leftAt = left ? (before.left_at ?? tx.at) : null;
    const after: ParticipantRow = { ...before, left_at: leftAt };
    if ((before.left_at ?? null) === leftAt) return { result: after, noop: true };
    tx.run('UPDATE participant SET left_at = ? WHERE id = ?', leftAt, before.id);
    const usage = participantUsage(tx, before.id);
    // The history names who left or came back and that their votes stayed.
    return {
      result: after,
      before: { participant: before.name, former: before.left_at != null },
      after: { participant: before.name, former: leftAt !== null, ...(left ? { votesKept: usage.votes } : {}) },
    };
  });
}

export const participantHandlers: HandlerMap = {
  'participant.add': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'participant' }, (tx) => {
      assertBusinessUnit(tx, input.businessUnitId);
      const row: ParticipantRow = { id: tx.newId(), name: input.name, role: input.role, business_unit_id: input.businessUnitId, created_at: tx.at, left_at: null };
      tx.run('INSERT INTO participant (id, name, role, business_unit_id, created_at) VALUES (@id, @name, @role, @business_unit_id, @created_at)', {
        id: row.id,
        name: row.name,
        role: row.role,
        business_unit_id: row.business_unit_id,
        created_at: row.created_at,
      });
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
      tx.run('UPDATE participant SET name = @name, role = @role, business_unit_id = @business_unit_id WHERE id = @id', {
        id: after.id,
        name: after.name,
        role: after.role,
        business_unit_id: after.business_unit_id,
      });
      return { result: toParticipant(after), before, after };
    }),

  /** Marks the participant as left: kept, with their votes, left out of new vote rounds. */
  'participant.remove': async (ctx, input) => {
    const row = await setLeft(ctx, input.engagementId, input.participantId, true);
    return { id: row.id };
  },

  'participant.restore': async (ctx, input) => toParticipant(await setLeft(ctx, input.engagementId, input.participantId, false)),

  'participant.usage': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    participantRow(db, input.participantId);
    return participantUsage(db, input.participantId);
  },
};
