/** Guided capture: agreed ratings, votes and consensus, action items, undo/redo, workshop sessions. */
import type { AssessmentDetail, PreviousRating, Rating, UndoState } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { consensus } from '../../../shared/scoring/consensus';
import {
  toAction,
  toAssessment,
  toAudit,
  toRating,
  toSession,
  toVote,
  type ActionRow,
  type AssessmentRow,
  type AuditRow,
  type RatingRow,
  type SessionRow,
  type VoteRow,
} from '../db/rows';
import type { Db } from '../db/sqlite';
import { applyChanges, tracked, type RowChange } from '../db/undo';
import type { Engine } from '../engine';
import type { HandlerMap } from '../registry';
import { listEvidence } from './evidence';
import { assertCapability, assertParticipant, assessmentRow } from './scope';

function ratingRow(db: Db, assessmentId: string, capabilityId: string): RatingRow | null {
  return (db.prepare('SELECT * FROM rating WHERE assessment_id = ? AND capability_id = ?').get(assessmentId, capabilityId) as RatingRow | undefined) ?? null;
}

function blankRating(assessmentId: string, capabilityId: string, at: string): RatingRow {
  return {
    assessment_id: assessmentId,
    capability_id: capabilityId,
    current_level: null,
    target_level: null,
    not_applicable: 0,
    confidence: null,
    priority: null,
    rationale: '',
    owner: '',
    carried_over: 0,
    updated_at: at,
  };
}

/** Inserts or updates a rating row in place (keeping its rid, so search stays in step). */
function putRating(db: Db, row: RatingRow): void {
  db.prepare(
    `INSERT INTO rating (assessment_id, capability_id, current_level, target_level, not_applicable, confidence, priority,
       rationale, owner, carried_over, updated_at)
     VALUES (@assessment_id, @capability_id, @current_level, @target_level, @not_applicable, @confidence, @priority,
       @rationale, @owner, @carried_over, @updated_at)
     ON CONFLICT (assessment_id, capability_id) DO UPDATE SET
       current_level = excluded.current_level, target_level = excluded.target_level, not_applicable = excluded.not_applicable,
       confidence = excluded.confidence, priority = excluded.priority, owner = excluded.owner,
       carried_over = excluded.carried_over, updated_at = excluded.updated_at, rationale = excluded.rationale`,
  ).run(row);
}

function describeRatingChange(capabilityId: string, before: RatingRow | null, after: RatingRow): string {
  const parts: string[] = [];
  if (before?.not_applicable !== after.not_applicable && after.not_applicable) parts.push('not applicable');
  if ((before?.current_level ?? null) !== after.current_level) parts.push(after.current_level === null ? 'score cleared' : `score ${after.current_level}`);
  if ((before?.target_level ?? null) !== after.target_level) parts.push(after.target_level === null ? 'target cleared' : `target ${after.target_level}`);
  if ((before?.confidence ?? null) !== after.confidence) parts.push(`confidence ${after.confidence ?? 'cleared'}`);
  if ((before?.priority ?? null) !== after.priority) parts.push(`priority ${after.priority ?? 'cleared'}`);
  if ((before?.rationale ?? '') !== after.rationale) parts.push('rationale');
  if ((before?.owner ?? '') !== after.owner) parts.push('owner');
  if (before?.carried_over === 1 && after.carried_over === 0 && parts.length === 0) parts.push('confirmed');
  return `${capabilityId}: ${parts.join(', ') || 'no change'}`;
}

function writeRating(engine: Engine, engagementId: string, db: Db, command: string, row: RatingRow): Rating {
  const before = ratingRow(db, row.assessment_id, row.capability_id);
  const label = describeRatingChange(row.capability_id, before, row);
  return engine.writeEngagement(
    engagementId,
    db,
    { command, entity: 'rating', assessmentId: row.assessment_id, capabilityId: row.capability_id, tables: ['rating'] },
    () => {
      const change = tracked(db, 'rating', { assessment_id: row.assessment_id, capability_id: row.capability_id }, () => putRating(db, row));
      const stored = ratingRow(db, row.assessment_id, row.capability_id)!;
      return {
        result: toRating(stored),
        before: before ? toRating(before) : null,
        after: toRating(stored),
        undo: { label, changes: [change] },
      };
    },
  );
}

function undoState(db: Db, assessmentId: string): UndoState {
  const top = db
    .prepare('SELECT label FROM undo_entry WHERE assessment_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1')
    .get(assessmentId) as { label: string } | undefined;
  const next = db
    .prepare('SELECT label FROM undo_entry WHERE assessment_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1')
    .get(assessmentId) as { label: string } | undefined;
  return { undo: top?.label ?? null, redo: next?.label ?? null };
}

function ratingsOf(db: Db, assessmentId: string): RatingRow[] {
  return db.prepare('SELECT * FROM rating WHERE assessment_id = ?').all(assessmentId) as RatingRow[];
}

function replay(engine: Engine, engagementId: string, db: Db, assessmentId: string, direction: 'undo' | 'redo') {
  assessmentRow(db, assessmentId);
  const entry = db
    .prepare(
      direction === 'undo'
        ? 'SELECT * FROM undo_entry WHERE assessment_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1'
        : 'SELECT * FROM undo_entry WHERE assessment_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1',
    )
    .get(assessmentId) as { seq: number; label: string; changes_json: string } | undefined;
  if (!entry) return { ...undoState(db, assessmentId), done: null };
  const changes = JSON.parse(entry.changes_json) as RowChange[];
  const capabilities = [...new Set(changes.map((c) => c.key.capability_id as string | undefined))];
  engine.writeEngagement(
    engagementId,
    db,
    {
      command: `history.${direction}`,
      entity: 'undo',
      assessmentId,
      capabilityId: capabilities.length === 1 ? (capabilities[0] ?? null) : null,
      tables: [...new Set(changes.map((c) => c.table))],
    },
    () => {
      applyChanges(db, changes, direction);
      db.prepare('UPDATE undo_entry SET undone = ? WHERE seq = ?').run(direction === 'undo' ? 1 : 0, entry.seq);
      return { result: null, before: { label: entry.label } };
    },
  );
  return { ...undoState(db, assessmentId), done: entry.label };
}

/** Sessions with what each actually presented, read from the focus changes in the audit log. */
function sessionsOf(db: Db, assessmentId: string) {
  const discussed = new Map<string, string[]>();
  const focus = db
    .prepare("SELECT entity_id, capability_id FROM audit_log WHERE assessment_id = ? AND command = 'workshop.focus' ORDER BY seq")
    .all(assessmentId) as { entity_id: string; capability_id: string }[];
  for (const f of focus) {
    const list = discussed.get(f.entity_id) ?? [];
    if (!list.includes(f.capability_id)) list.push(f.capability_id);
    discussed.set(f.entity_id, list);
  }
  const rows = db.prepare('SELECT * FROM workshop_session WHERE assessment_id = ? ORDER BY started_at DESC').all(assessmentId) as SessionRow[];
  return rows.map((r) => toSession(r, discussed.get(r.id) ?? []));
}

export function assessmentDetail(engine: Engine, db: Db, a: AssessmentRow): AssessmentDetail {
  const ratings = Object.fromEntries(ratingsOf(db, a.id).map((r) => [r.capability_id, toRating(r)]));
  let previous: AssessmentDetail['previous'] = null;
  if (a.previous_assessment_id) {
    const p = db.prepare('SELECT * FROM assessment WHERE id = ?').get(a.previous_assessment_id) as AssessmentRow | undefined;
    if (p) {
      const prevRatings: Record<string, PreviousRating> = {};
      for (const r of ratingsOf(db, p.id)) {
        prevRatings[r.capability_id] = {
          currentLevel: r.current_level,
          targetLevel: r.target_level,
          notApplicable: r.not_applicable === 1,
          rationale: r.rationale,
        };
      }
      previous = { id: p.id, label: p.label, date: p.assessed_on, ratings: prevRatings };
    }
  }
  return {
    assessment: toAssessment(a),
    ratings,
    votes: (db.prepare('SELECT * FROM vote WHERE assessment_id = ? ORDER BY updated_at').all(a.id) as VoteRow[]).map(toVote),
    actions: (db.prepare('SELECT * FROM action_item WHERE assessment_id = ? ORDER BY created_at').all(a.id) as ActionRow[]).map(toAction),
    evidence: listEvidence(engine, db),
    previous,
    sessions: sessionsOf(db, a.id),
    undo: undoState(db, a.id),
    today: engine.today(),
  };
}

function actionRow(db: Db, assessmentId: string, actionId: string): ActionRow {
  const row = db.prepare('SELECT * FROM action_item WHERE id = ? AND assessment_id = ?').get(actionId, assessmentId) as ActionRow | undefined;
  if (!row) throw new ApiError('not_found', `No action item with id ${actionId} in this assessment.`, { actionId });
  return row;
}

function sessionRow(db: Db, sessionId: string): SessionRow {
  const row = db.prepare('SELECT * FROM workshop_session WHERE id = ?').get(sessionId) as SessionRow | undefined;
  if (!row) throw new ApiError('not_found', `No workshop session with id ${sessionId} in this engagement.`, { sessionId });
  return row;
}

export const workshopHandlers: HandlerMap = {
  'assessment.get': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    return assessmentDetail(engine, db, assessmentRow(db, input.assessmentId));
  },

  'assessment.rate': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const a = assessmentRow(db, input.assessmentId);
    assertCapability(a, input.capabilityId);
    const at = engine.at();
    const base = ratingRow(db, a.id, input.capabilityId) ?? blankRating(a.id, input.capabilityId, at);
    const next: RatingRow = { ...base, updated_at: at };
    if (input.notApplicable !== undefined) {
      next.not_applicable = input.notApplicable ? 1 : 0;
      if (input.notApplicable) {
        next.current_level = null;
        next.target_level = null;
      }
    }
    if (input.currentLevel !== undefined) {
      next.current_level = input.currentLevel;
      if (input.currentLevel !== null) next.not_applicable = 0;
    }
    if (input.targetLevel !== undefined) {
      next.target_level = input.targetLevel;
      if (input.targetLevel !== null) next.not_applicable = 0;
    }
    if (input.confidence !== undefined) next.confidence = input.confidence;
    if (input.priority !== undefined) next.priority = input.priority;
    if (input.rationale !== undefined) next.rationale = input.rationale;
    if (input.owner !== undefined) next.owner = input.owner;
    if (input.confirm || input.currentLevel !== undefined || input.targetLevel !== undefined || input.notApplicable !== undefined) {
      next.carried_over = 0;
    }
    return writeRating(engine, input.engagementId, db, 'assessment.rate', next);
  },

  'assessment.acceptMedian': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const a = assessmentRow(db, input.assessmentId);
    assertCapability(a, input.capabilityId);
    const votes = (db.prepare('SELECT * FROM vote WHERE assessment_id = ? AND capability_id = ?').all(a.id, input.capabilityId) as VoteRow[]).map(toVote);
    const c = consensus(votes);
    if (c.proposed === null) {
      throw new ApiError('invalid_input', `${input.capabilityId} has no votes yet: there is no median to accept.`, { capabilityId: input.capabilityId });
    }
    const at = engine.at();
    const base = ratingRow(db, a.id, input.capabilityId) ?? blankRating(a.id, input.capabilityId, at);
    return writeRating(engine, input.engagementId, db, 'assessment.acceptMedian', {
      ...base,
      current_level: c.proposed,
      target_level: c.proposedTarget ?? base.target_level,
      not_applicable: 0,
      carried_over: 0,
      updated_at: at,
    });
  },

  'assessment.history': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    assessmentRow(db, input.assessmentId);
    const rows = (
      input.capabilityId
        ? db
            .prepare(
              "SELECT * FROM audit_log WHERE assessment_id = ? AND capability_id = ? AND command <> 'workshop.focus' ORDER BY seq DESC LIMIT ?",
            )
            .all(input.assessmentId, input.capabilityId, input.limit)
        : db
            .prepare("SELECT * FROM audit_log WHERE assessment_id = ? AND command <> 'workshop.focus' ORDER BY seq DESC LIMIT ?")
            .all(input.assessmentId, input.limit)
    ) as AuditRow[];
    return rows.map(toAudit);
  },

  'vote.cast': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const a = assessmentRow(db, input.assessmentId);
    assertCapability(a, input.capabilityId);
    const person = assertParticipant(db, input.participantId);
    const row: VoteRow = {
      assessment_id: a.id,
      capability_id: input.capabilityId,
      participant_id: person.id,
      current_level: input.currentLevel,
      target_level: input.targetLevel,
      updated_at: engine.at(),
    };
    const key = { assessment_id: a.id, capability_id: input.capabilityId, participant_id: person.id };
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'vote.cast', entity: 'vote', entityId: person.id, assessmentId: a.id, capabilityId: input.capabilityId, tables: ['vote'] },
      () => {
        const change = tracked(db, 'vote', key, () => {
          db.prepare(
            `INSERT INTO vote (assessment_id, capability_id, participant_id, current_level, target_level, updated_at)
             VALUES (@assessment_id, @capability_id, @participant_id, @current_level, @target_level, @updated_at)
             ON CONFLICT (assessment_id, capability_id, participant_id) DO UPDATE SET
               current_level = excluded.current_level, target_level = excluded.target_level, updated_at = excluded.updated_at`,
          ).run(row);
        });
        return {
          result: toVote(row),
          before: change.before ? { participant: person.name, ...toVote(change.before as unknown as VoteRow) } : null,
          after: { participant: person.name, ...toVote(row) },
          undo: { label: `${input.capabilityId}: vote ${input.currentLevel} by ${person.name}`, changes: [change] },
        };
      },
    );
  },

  'vote.remove': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const a = assessmentRow(db, input.assessmentId);
    assertCapability(a, input.capabilityId);
    const person = assertParticipant(db, input.participantId);
    const key = { assessment_id: a.id, capability_id: input.capabilityId, participant_id: person.id };
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'vote.remove', entity: 'vote', entityId: person.id, assessmentId: a.id, capabilityId: input.capabilityId, tables: ['vote'] },
      () => {
        const change = tracked(db, 'vote', key, () => {
          db.prepare('DELETE FROM vote WHERE assessment_id = @assessment_id AND capability_id = @capability_id AND participant_id = @participant_id').run(key);
        });
        return {
          result: { removed: change.before !== null },
          before: change.before ? { participant: person.name, ...toVote(change.before as unknown as VoteRow) } : null,
          after: null,
          undo: change.before ? { label: `${input.capabilityId}: vote by ${person.name} removed`, changes: [change] } : undefined,
        };
      },
    );
  },

  'action.add': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const a = assessmentRow(db, input.assessmentId);
    assertCapability(a, input.capabilityId);
    const at = engine.at();
    const row: ActionRow = {
      id: engine.newId(),
      assessment_id: a.id,
      capability_id: input.capabilityId,
      text: input.text,
      owner: input.owner,
      due_date: input.dueDate,
      status: input.status,
      created_at: at,
      updated_at: at,
    };
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'action.add', entity: 'action_item', entityId: row.id, assessmentId: a.id, capabilityId: input.capabilityId, tables: ['action_item'] },
      () => {
        const change = tracked(db, 'action_item', { id: row.id }, () => {
          db.prepare(
            `INSERT INTO action_item (id, assessment_id, capability_id, text, owner, due_date, status, created_at, updated_at)
             VALUES (@id, @assessment_id, @capability_id, @text, @owner, @due_date, @status, @created_at, @updated_at)`,
          ).run(row);
        });
        return { result: toAction(row), after: toAction(row), undo: { label: `${input.capabilityId}: action added`, changes: [change] } };
      },
    );
  },

  'action.update': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = actionRow(db, input.assessmentId, input.actionId);
    const after: ActionRow = {
      ...before,
      text: input.text ?? before.text,
      owner: input.owner ?? before.owner,
      due_date: input.dueDate === undefined ? before.due_date : input.dueDate,
      status: input.status ?? before.status,
      updated_at: engine.at(),
    };
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'action.update', entity: 'action_item', entityId: before.id, assessmentId: before.assessment_id, capabilityId: before.capability_id, tables: ['action_item'] },
      () => {
        const change = tracked(db, 'action_item', { id: before.id }, () => {
          db.prepare('UPDATE action_item SET text = @text, owner = @owner, due_date = @due_date, status = @status, updated_at = @updated_at WHERE id = @id').run(after);
        });
        return { result: toAction(after), before: toAction(before), after: toAction(after), undo: { label: `${before.capability_id}: action edited`, changes: [change] } };
      },
    );
  },

  'action.remove': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = actionRow(db, input.assessmentId, input.actionId);
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'action.remove', entity: 'action_item', entityId: before.id, assessmentId: before.assessment_id, capabilityId: before.capability_id, tables: ['action_item'] },
      () => {
        const change = tracked(db, 'action_item', { id: before.id }, () => {
          db.prepare('DELETE FROM action_item WHERE id = ?').run(before.id);
        });
        return { result: { id: before.id }, before: toAction(before), undo: { label: `${before.capability_id}: action removed`, changes: [change] } };
      },
    );
  },

  'history.undo': async (input, engine) => replay(engine, input.engagementId, await engine.engagement(input.engagementId), input.assessmentId, 'undo'),
  'history.redo': async (input, engine) => replay(engine, input.engagementId, await engine.engagement(input.engagementId), input.assessmentId, 'redo'),

  'workshop.start': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const a = assessmentRow(db, input.assessmentId);
    const scope = JSON.parse(a.scope_json) as string[];
    const outside = input.modules.filter((m) => !scope.includes(m));
    if (outside.length) {
      throw new ApiError('invalid_input', `modules: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside the scope of assessment ${a.label}.`, {
        fields: [{ path: 'modules', message: 'out of scope' }],
      });
    }
    for (const p of input.participantIds) assertParticipant(db, p);
    const row: SessionRow = {
      id: engine.newId(),
      assessment_id: a.id,
      held_on: input.heldOn,
      modules_json: JSON.stringify(scope.filter((m) => input.modules.includes(m))),
      participants_json: JSON.stringify([...new Set(input.participantIds)]),
      minutes: input.minutes,
      started_at: engine.at(),
      ended_at: null,
      focus_capability_id: null,
    };
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'workshop.start', entity: 'workshop_session', entityId: row.id, assessmentId: a.id, tables: ['workshop_session'] },
      () => {
        db.prepare(
          `INSERT INTO workshop_session (id, assessment_id, held_on, modules_json, participants_json, minutes, started_at, ended_at, focus_capability_id)
           VALUES (@id, @assessment_id, @held_on, @modules_json, @participants_json, @minutes, @started_at, @ended_at, @focus_capability_id)`,
        ).run(row);
        const { discussed: _none, ...session } = toSession(row);
        return { result: toSession(row), after: session };
      },
    );
  },

  'workshop.focus': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = sessionRow(db, input.sessionId);
    assertCapability(assessmentRow(db, before.assessment_id), input.capabilityId);
    if (before.ended_at) throw new ApiError('conflict', 'This workshop session has ended; start a new one to present again.');
    const after: SessionRow = { ...before, focus_capability_id: input.capabilityId };
    engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'workshop.focus', entity: 'workshop_session', entityId: before.id, assessmentId: before.assessment_id, capabilityId: input.capabilityId, tables: ['workshop_session'] },
      () => {
        db.prepare('UPDATE workshop_session SET focus_capability_id = ? WHERE id = ?').run(input.capabilityId, before.id);
        return { result: null, before: { focus: before.focus_capability_id }, after: { focus: after.focus_capability_id } };
      },
    );
    return sessionsOf(db, before.assessment_id).find((x) => x.id === before.id)!;
  },

  'workshop.end': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = sessionRow(db, input.sessionId);
    const after: SessionRow = { ...before, ended_at: before.ended_at ?? engine.at() };
    engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'workshop.end', entity: 'workshop_session', entityId: before.id, assessmentId: before.assessment_id, tables: ['workshop_session'] },
      () => {
        db.prepare('UPDATE workshop_session SET ended_at = ? WHERE id = ?').run(after.ended_at, before.id);
        return { result: null, before: { endedAt: before.ended_at }, after: { endedAt: after.ended_at } };
      },
    );
    return sessionsOf(db, before.assessment_id).find((x) => x.id === before.id)!;
  },
};
