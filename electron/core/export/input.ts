/**
 * Reads what an export is built from out of an engagement file, in one read transaction so every
 * figure comes from the same state of the file: the results input of the assessment (the same input
 * the screens compute from), the other assessments for the trend, and the words around the numbers.
 */
import type { ReportEvidence, ReportInput } from '../../../shared/report/input';
import type { RatedAssessment, RatingInput, ResultsInput } from '../../../shared/results';
import type { ReadHandle } from '../db/handle';
import { toAction, toBusinessUnit, toParticipant, type ActionRow, type AssessmentRow, type BusinessUnitRow, type EngagementRow, type EvidenceRow, type ParticipantRow, type RatingRow } from '../db/rows';
import type { EngagementFile } from '../files';
import { evidenceCounts } from '../handlers/evidence';
import { assessmentRow, frameworkOf } from '../handlers/lookup';
import { readBranding } from './branding';

/** Runs `fn` in one read transaction: every statement in it sees the same committed state of the file. */
export function oneRead<T>(file: Pick<EngagementFile, 'read' | 'connection'>, fn: (db: ReadHandle) => T): T {
  const db = file.connection();
  if (db.inTransaction) return fn(file.read);
  return db.transaction(() => fn(file.read)).deferred();
}

const scopeOf = (a: AssessmentRow) => JSON.parse(a.scope_json) as string[];

function ratingInputs(db: ReadHandle, assessmentId: string): Record<string, RatingInput> {
  const out: Record<string, RatingInput> = {};
  for (const r of db.all<RatingRow>('SELECT * FROM rating WHERE assessment_id = ?', assessmentId)) {
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

function rated(db: ReadHandle, a: AssessmentRow): RatedAssessment {
  return { id: a.id, label: a.label, date: a.assessed_on, scope: scopeOf(a), ratings: ratingInputs(db, a.id) };
}

/** The results input of one assessment: ratings, votes, actions, evidence counts, participants, its framework and the previous assessment. */
export function readResultsInput(db: ReadHandle, a: AssessmentRow, today: string): ResultsInput {
  const previous = a.previous_assessment_id ? db.get<AssessmentRow>('SELECT * FROM assessment WHERE id = ?', a.previous_assessment_id) : undefined;
  return {
    framework: frameworkOf(db, a),
    assessment: { id: a.id, label: a.label, date: a.assessed_on, scope: scopeOf(a) },
    ratings: ratingInputs(db, a.id),
    votes: db
      .all<{ capability_id: string; participant_id: string; current_level: number; target_level: number | null }>('SELECT capability_id, participant_id, current_level, target_level FROM vote WHERE assessment_id = ?', a.id)
      .map((v) => ({ capabilityId: v.capability_id, participantId: v.participant_id, currentLevel: v.current_level, targetLevel: v.target_level })),
    evidence: evidenceCounts(db, a.id, today),
    actions: db.all<ActionRow>('SELECT * FROM action_item WHERE assessment_id = ? ORDER BY created_at', a.id).map(toAction),
    participants: db.all<{ id: string; name: string }>('SELECT id, name FROM participant'),
    previous: previous ? rated(db, previous) : null,
  };
}

function linkedEvidence(db: ReadHandle, assessmentId: string): ReportEvidence[] {
  const rows = db.all<EvidenceRow & { caps: string }>(
    `SELECT e.*, group_concat(l.capability_id) AS caps FROM evidence e JOIN evidence_link l ON l.evidence_id = e.id
     WHERE l.assessment_id = ? GROUP BY e.id ORDER BY e.created_at`,
    assessmentId,
  );
  const byNumber = (x: string, y: string) => x.localeCompare(y, undefined, { numeric: true });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    source: r.source,
    collectedOn: r.collected_on,
    validUntil: r.valid_until,
    sensitivity: r.sensitivity,
    url: r.url,
    attachmentName: r.attachment_sha256 ? (r.file_name ?? 'attachment') : null,
    capabilityIds: [...new Set(r.caps.split(','))].sort(byNumber),
  }));
}

/** Everything the deck and the workbook of an assessment are built from, read in one transaction. */
export function readReport(file: EngagementFile, assessmentId: string, today: string): ReportInput {
  return oneRead(file, (db) => {
    const a = assessmentRow(db, assessmentId);
    const e = db.get<EngagementRow>('SELECT * FROM engagement')!;
    const results = readResultsInput(db, a, today);
    const framework = frameworkOf(db, a);
    const history = db.all<AssessmentRow>('SELECT * FROM assessment').map((x) => rated(db, x));
    const notes: Record<string, { rationale: string; owner: string }> = {};
    for (const r of db.all<Pick<RatingRow, 'capability_id' | 'rationale' | 'owner'>>('SELECT capability_id, rationale, owner FROM rating WHERE assessment_id = ?', a.id)) {
      notes[r.capability_id] = { rationale: r.rationale, owner: r.owner };
    }
    return {
      engagement: { id: e.id, client: e.client, industry: e.industry, region: e.region, currency: e.currency, fyStartMonth: e.fy_start_month },
      assessment: { id: a.id, label: a.label, date: a.assessed_on, frameworkId: a.framework_id, frameworkVersion: a.framework_version, scope: scopeOf(a) },
      framework,
      results,
      history,
      notes,
      votes: db
        .all<{ capability_id: string; participant_id: string; current_level: number; target_level: number | null; updated_at: string }>('SELECT * FROM vote WHERE assessment_id = ?', a.id)
        .map((v) => ({ capabilityId: v.capability_id, participantId: v.participant_id, currentLevel: v.current_level, targetLevel: v.target_level, updatedAt: v.updated_at })),
      participants: db.all<ParticipantRow>('SELECT * FROM participant ORDER BY name COLLATE NOCASE').map(toParticipant),
      businessUnits: db.all<BusinessUnitRow>('SELECT * FROM business_unit ORDER BY name COLLATE NOCASE').map(toBusinessUnit),
      actions: results.actions as ReportInput['actions'],
      evidence: linkedEvidence(db, a.id),
      branding: readBranding(db),
      today,
    };
  });
}
