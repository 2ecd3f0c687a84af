/**
 * What the workspace reads of an assessment: the whole of it when it opens (evidence by link, not the
 * engagement's whole register), and one capability's slice after a change to that capability.
 */
import type { AssessmentDetail, CapabilitySlice, PreviousRating, Rating, UndoState } from '../../../shared/domain';
import type { ReadHandle } from '../db/handle';
import { toAction, toAssessment, toRating, toVote, type ActionRow, type AssessmentRow, type RatingRow, type VoteRow } from '../db/rows';
import { linkedEvidence } from './evidence';
import { sessionsOf } from './workshop';

export function ratingRow(db: ReadHandle, assessmentId: string, capabilityId: string): RatingRow | null {
  return db.get<RatingRow>('SELECT * FROM rating WHERE assessment_id = ? AND capability_id = ?', assessmentId, capabilityId) ?? null;
}

export function fromRating(assessmentId: string, r: Rating): RatingRow {
  return {
    assessment_id: assessmentId,
    capability_id: r.capabilityId,
    current_level: r.currentLevel,
    target_level: r.targetLevel,
    not_applicable: r.notApplicable ? 1 : 0,
    confidence: r.confidence,
    priority: r.priority,
    rationale: r.rationale,
    owner: r.owner,
    carried_over: r.carriedOver ? 1 : 0,
    updated_at: r.updatedAt,
  };
}

export function undoState(db: ReadHandle, assessmentId: string): UndoState {
  const top = db.get<{ label: string }>('SELECT label FROM undo_entry WHERE assessment_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1', assessmentId);
  const next = db.get<{ label: string }>('SELECT label FROM undo_entry WHERE assessment_id = ? AND undone = 1 ORDER BY seq ASC LIMIT 1', assessmentId);
  return { undo: top?.label ?? null, redo: next?.label ?? null };
}

function ratingsOf(db: ReadHandle, assessmentId: string): RatingRow[] {
  return db.all<RatingRow>('SELECT * FROM rating WHERE assessment_id = ?', assessmentId);
}

function previousOf(db: ReadHandle, a: AssessmentRow): AssessmentDetail['previous'] {
  if (!a.previous_assessment_id) return null;
  const p = db.get<AssessmentRow>('SELECT * FROM assessment WHERE id = ?', a.previous_assessment_id);
  if (!p) return null;
  const ratings: Record<string, PreviousRating> = {};
  for (const r of ratingsOf(db, p.id)) {
    ratings[r.capability_id] = { currentLevel: r.current_level, targetLevel: r.target_level, notApplicable: r.not_applicable === 1, rationale: r.rationale };
  }
  return { id: p.id, label: p.label, date: p.assessed_on, ratings };
}

export function assessmentDetail(db: ReadHandle, a: AssessmentRow, today: string): AssessmentDetail {
  return {
    assessment: toAssessment(a),
    ratings: Object.fromEntries(ratingsOf(db, a.id).map((r) => [r.capability_id, toRating(r)])),
    votes: db.all<VoteRow>('SELECT * FROM vote WHERE assessment_id = ? ORDER BY updated_at', a.id).map(toVote),
    actions: db.all<ActionRow>('SELECT * FROM action_item WHERE assessment_id = ? ORDER BY created_at', a.id).map(toAction),
    evidence: linkedEvidence(db, a.id, null, today),
    previous: previousOf(db, a),
    sessions: sessionsOf(db, a.id),
    undo: undoState(db, a.id),
    criteria: ticksOf(db, a.id),
    today,
  };
}

/** One capability of an assessment: what a change to it can alter on screen. */
export function capabilitySlice(db: ReadHandle, a: AssessmentRow, capabilityId: string, today: string): CapabilitySlice {
  const rating = ratingRow(db, a.id, capabilityId);
  return {
    capabilityId,
    rating: rating ? toRating(rating) : null,
    votes: db.all<VoteRow>('SELECT * FROM vote WHERE assessment_id = ? AND capability_id = ? ORDER BY updated_at', a.id, capabilityId).map(toVote),
    actions: db.all<ActionRow>('SELECT * FROM action_item WHERE assessment_id = ? AND capability_id = ? ORDER BY created_at', a.id, capabilityId).map(toAction),
    evidence: linkedEvidence(db, a.id, capabilityId, today),
    sessions: sessionsOf(db, a.id),
    undo: undoState(db, a.id),
    criteria: ticksOf(db, a.id, capabilityId)[capabilityId] ?? [],
  };
}

/** Ticked pass criteria per capability of an assessment (or of one capability). */
export function ticksOf(db: ReadHandle, assessmentId: string, capabilityId: string | null = null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const rows = db.all<{ capability_id: string; criterion_id: string }>(
    'SELECT capability_id, criterion_id FROM criterion_tick WHERE assessment_id = @a AND (@c IS NULL OR capability_id = @c) ORDER BY criterion_id',
    { a: assessmentId, c: capabilityId },
  );
  for (const r of rows) (out[r.capability_id] ??= []).push(r.criterion_id);
  return out;
}
