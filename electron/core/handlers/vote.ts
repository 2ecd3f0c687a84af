/** vote.*: the level each person in the room votes for a capability. */
import { toVote, type VoteRow } from '../db/rows';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { assertCapability, assertParticipant, assessmentRow } from './lookup';

const scopeOf = (input: { assessmentId: string; capabilityId: string; participantId: string }) => ({
  entity: 'vote',
  entityId: input.participantId,
  assessmentId: input.assessmentId,
  capabilityId: input.capabilityId,
});

export const voteHandlers: HandlerMap = {
  'vote.cast': (ctx, input) =>
    mutation(ctx, input.engagementId, scopeOf(input), (tx) => {
      assertCapability(tx, assessmentRow(tx, input.assessmentId), input.capabilityId);
      const person = assertParticipant(tx, input.participantId);
      const row: VoteRow = {
        assessment_id: input.assessmentId,
        capability_id: input.capabilityId,
        participant_id: person.id,
        current_level: input.currentLevel,
        target_level: input.targetLevel,
        updated_at: tx.at,
      };
      const change = tx.track('vote', { assessment_id: row.assessment_id, capability_id: row.capability_id, participant_id: row.participant_id }, () => {
        tx.run(
          `INSERT INTO vote (assessment_id, capability_id, participant_id, current_level, target_level, updated_at)
           VALUES (@assessment_id, @capability_id, @participant_id, @current_level, @target_level, @updated_at)
           ON CONFLICT (assessment_id, capability_id, participant_id) DO UPDATE SET
             current_level = excluded.current_level, target_level = excluded.target_level, updated_at = excluded.updated_at`,
          { ...row },
        );
      });
      return {
        result: toVote(row),
        before: change.before ? { participant: person.name, ...toVote(change.before as unknown as VoteRow) } : null,
        after: { participant: person.name, ...toVote(row) },
        undo: { label: `${input.capabilityId}: vote ${input.currentLevel} by ${person.name}`, changes: [change] },
      };
    }),

  'vote.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, scopeOf(input), (tx) => {
      assertCapability(tx, assessmentRow(tx, input.assessmentId), input.capabilityId);
      const person = assertParticipant(tx, input.participantId);
      const key = { assessment_id: input.assessmentId, capability_id: input.capabilityId, participant_id: person.id };
      const change = tx.track('vote', key, () => {
        tx.run('DELETE FROM vote WHERE assessment_id = @assessment_id AND capability_id = @capability_id AND participant_id = @participant_id', key);
      });
      return {
        result: { removed: change.before !== null },
        before: change.before ? { participant: person.name, ...toVote(change.before as unknown as VoteRow) } : null,
        after: null,
        undo: change.before ? { label: `${input.capabilityId}: vote by ${person.name} removed`, changes: [change] } : undefined,
      };
    }),
};
