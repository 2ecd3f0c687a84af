/**
 * Reads what the results model is computed from out of an engagement file: ratings, votes, actions,
 * evidence counts and participants of an assessment, and the ratings of other assessments for the
 * radar's previous series and the trend. Callers run these inside one read (`oneRead`) so every figure
 * comes from the same state of the file.
 */
import { engagementFramework } from '../frameworks';
import type { RatedAssessment, RatingInput, ResultsInput, ResultsVote } from '../../../shared/results';
import type { ReadHandle } from '../db/handle';
import { toAction, type ActionRow, type AssessmentRow, type RatingRow } from '../db/rows';
import type { EngagementFile } from '../files';
import { evidenceCounts } from './evidence';
import { frameworkOf } from './lookup';

type RatingFields = Pick<RatingRow, 'capability_id' | 'current_level' | 'target_level' | 'not_applicable' | 'confidence' | 'priority' | 'carried_over'>;

const RATING_FIELDS = 'capability_id, current_level, target_level, not_applicable, confidence, priority, carried_over';

/** An open engagement file, or a connection opened for a moment (the rollup rebuild). */
export type Readable = Pick<EngagementFile, 'read' | 'connection'>;

/** Runs `fn` in one read transaction: every statement in it sees the same committed state of the file. */
export function oneRead<T>(file: Readable, fn: (db: ReadHandle) => T): T {
  const db = file.connection();
  if (db.inTransaction) return fn(file.read);
  return db.transaction(() => fn(file.read)).deferred();
}

export const scopeOf = (a: AssessmentRow): string[] => JSON.parse(a.scope_json) as string[];

function ratingInputs(db: ReadHandle, assessmentId: string): Record<string, RatingInput> {
  const out: Record<string, RatingInput> = {};
  for (const r of db.all<RatingFields>(`SELECT ${RATING_FIELDS} FROM rating WHERE assessment_id = ?`, assessmentId)) {
    out[r.capability_id] = {
      currentLevel: r.current_level,
      targetLevel: r.target_level,
      notApplicable: r.not_applicable === 1,
      confidence: r.confidence,
      priority: r.priority,
      carriedOver: r.carried_over === 1,
    };
  }
  return out;
}

/** An assessment with its ratings, as the trend and the previous series read it. */
export function ratedAssessment(db: ReadHandle, a: AssessmentRow): RatedAssessment {
  return { id: a.id, label: a.label, date: a.assessed_on, scope: scopeOf(a), ratings: ratingInputs(db, a.id) };
}

/** Everything the results of one assessment are computed from. */
export function readResultsInput(db: ReadHandle, a: AssessmentRow, today: string): ResultsInput {
  const framework = frameworkOf(db, a);
  const previousRow = a.previous_assessment_id ? db.get<AssessmentRow>('SELECT * FROM assessment WHERE id = ?', a.previous_assessment_id) : undefined;
  return {
    framework,
    assessment: { id: a.id, label: a.label, date: a.assessed_on, scope: scopeOf(a) },
    ratings: ratingInputs(db, a.id),
    votes: db
      .all<{ capability_id: string; participant_id: string; current_level: number; target_level: number | null }>(
        'SELECT capability_id, participant_id, current_level, target_level FROM vote WHERE assessment_id = ?',
        a.id,
      )
      .map((v): ResultsVote => ({ capabilityId: v.capability_id, participantId: v.participant_id, currentLevel: v.current_level, targetLevel: v.target_level })),
    evidence: evidenceCounts(db, a.id, today),
    actions: db.all<ActionRow>('SELECT * FROM action_item WHERE assessment_id = ? ORDER BY created_at, rid', a.id).map(toAction),
    participants: db.all<{ id: string; name: string }>('SELECT id, name FROM participant ORDER BY name COLLATE NOCASE'),
    previous: previousRow ? ratedAssessment(db, previousRow) : null,
  };
}

/**
 * What a rollup needs: the framework, the scope and the ratings. Votes, evidence and actions do not
 * change module means, so they are left out; the means come from the same `assessmentResults`. Null
 * when the assessment's framework is not installed (it cannot be rolled up).
 */
export function readRollupInput(db: ReadHandle, a: AssessmentRow): ResultsInput | null {
  const framework = engagementFramework(db, a.framework_id, a.framework_version);
  if (!framework) return null;
  return {
    framework,
    assessment: { id: a.id, label: a.label, date: a.assessed_on, scope: scopeOf(a) },
    ratings: ratingInputs(db, a.id),
    votes: [],
    evidence: {},
    actions: [],
  };
}
