/**
 * Reads what an export is built from out of an engagement file, in one read transaction so every
 * figure comes from the same state of the file: the results input of the assessment (`readResultsInput`,
 * the very input the results screens compute from), the other assessments for the trend, the words
 * around the numbers, and the roadmap scenarios asked for.
 */
import type { ReportEvidence, ReportInput } from '../../../shared/report/input';
import type { ReadHandle } from '../db/handle';
import { toBusinessUnit, toParticipant, type AssessmentRow, type BusinessUnitRow, type EngagementRow, type EvidenceRow, type ParticipantRow, type RatingRow } from '../db/rows';
import type { EngagementFile } from '../files';
import { assessmentRow, frameworkOf } from '../handlers/lookup';
import { oneRead, ratedAssessment, readResultsInput, scopeOf } from '../handlers/results-read';
import { readBranding } from './branding';
import { readScenarios, type ScenarioRequest } from './scenario-input';

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

/**
 * Everything the deck and the workbook of an assessment are built from, read in one transaction: with a
 * scenario, its roadmap outputs too (and those of the scenarios compared with it).
 */
export function readReport(file: EngagementFile, assessmentId: string, today: string, scenarios: ScenarioRequest = {}): ReportInput {
  return oneRead(file, (db) => {
    const a = assessmentRow(db, assessmentId);
    const e = db.get<EngagementRow>('SELECT * FROM engagement')!;
    const roadmap = readScenarios(db, scenarios, e.client);
    const results = readResultsInput(db, a, today);
    const framework = frameworkOf(db, a);
    const history = db.all<AssessmentRow>('SELECT * FROM assessment').map((x) => ratedAssessment(db, x));
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
      scenario: roadmap.scenario,
      compare: roadmap.compare,
    };
  });
}
