/** Row shapes (snake_case, as stored) and their mapping to the domain types of shared/. */
import type {
  ActionItem,
  ActionStatus,
  AssessmentSummary,
  AuditEntry,
  BusinessUnit,
  Confidence,
  EngagementSummary,
  Evidence,
  EvidenceKind,
  EvidenceLink,
  Participant,
  Rating,
  Sensitivity,
  Vote,
  WorkshopSession,
} from '../../../shared/domain';
import { isStale } from '../../../shared/scoring/progress';

export interface EngagementRow {
  id: string;
  client: string;
  industry: string;
  region: string;
  currency: string;
  fy_start_month: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** The library's copy of an engagement's details, plus what the home screen lists. */
export interface IndexRow extends Omit<EngagementRow, 'updated_at'> {
  file: string;
  last_opened_at: string | null;
  last_assessment_id: string | null;
  last_assessment_label: string | null;
  last_assessment_date: string | null;
}

export interface BusinessUnitRow {
  id: string;
  name: string;
  created_at: string;
}

export interface ParticipantRow {
  id: string;
  name: string;
  role: string;
  business_unit_id: string | null;
  created_at: string;
}

export interface AssessmentRow {
  id: string;
  label: string;
  assessed_on: string;
  framework_id: string;
  framework_version: string;
  scope_json: string;
  previous_assessment_id: string | null;
  created_at: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export function indexToSummary(r: IndexRow): EngagementSummary {
  return {
    id: r.id,
    client: r.client,
    industry: r.industry,
    region: r.region,
    currency: r.currency,
    fyStartMonth: r.fy_start_month,
    createdAt: r.created_at,
    lastOpenedAt: r.last_opened_at,
    archivedAt: r.archived_at,
    lastAssessment:
      r.last_assessment_id && r.last_assessment_label && r.last_assessment_date
        ? { id: r.last_assessment_id, label: r.last_assessment_label, date: r.last_assessment_date }
        : null,
  };
}

export const toBusinessUnit = (r: BusinessUnitRow): BusinessUnit => ({ id: r.id, name: r.name });

export const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  name: r.name,
  role: r.role,
  businessUnitId: r.business_unit_id,
});

export const toAssessment = (r: AssessmentRow): AssessmentSummary => ({
  id: r.id,
  label: r.label,
  date: r.assessed_on,
  frameworkId: r.framework_id,
  frameworkVersion: r.framework_version,
  scope: JSON.parse(r.scope_json) as string[],
  createdAt: r.created_at,
  previousAssessmentId: r.previous_assessment_id,
});

export const toAudit = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  command: r.command,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before_json === null ? null : JSON.parse(r.before_json),
  after: r.after_json === null ? null : JSON.parse(r.after_json),
});

// ---- the workshop ---------------------------------------------------------------------------


export interface RatingRow {
  rid?: number;
  assessment_id: string;
  capability_id: string;
  current_level: number | null;
  target_level: number | null;
  not_applicable: 0 | 1;
  confidence: Confidence | null;
  priority: number | null;
  rationale: string;
  owner: string;
  carried_over: 0 | 1;
  updated_at: string;
}

export interface VoteRow {
  assessment_id: string;
  capability_id: string;
  participant_id: string;
  current_level: number;
  target_level: number | null;
  updated_at: string;
}

export interface ActionRow {
  rid?: number;
  id: string;
  assessment_id: string;
  capability_id: string;
  text: string;
  owner: string;
  due_date: string | null;
  status: ActionStatus;
  created_at: string;
  updated_at: string;
}

export interface EvidenceRow {
  rid?: number;
  id: string;
  title: string;
  kind: EvidenceKind;
  source: string;
  collected_on: string | null;
  valid_until: string | null;
  sensitivity: Sensitivity;
  description: string;
  url: string | null;
  attachment_sha256: string | null;
  file_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id: string;
  assessment_id: string;
  held_on: string;
  modules_json: string;
  participants_json: string;
  minutes: number;
  started_at: string;
  ended_at: string | null;
  focus_capability_id: string | null;
  blind: number;
  revealed_json: string;
}

export const toRating = (r: RatingRow): Rating => ({
  capabilityId: r.capability_id,
  currentLevel: r.current_level,
  targetLevel: r.target_level,
  notApplicable: r.not_applicable === 1,
  confidence: r.confidence,
  priority: r.priority,
  rationale: r.rationale,
  owner: r.owner,
  carriedOver: r.carried_over === 1,
  updatedAt: r.updated_at,
});

export const toVote = (r: VoteRow): Vote => ({
  capabilityId: r.capability_id,
  participantId: r.participant_id,
  currentLevel: r.current_level,
  targetLevel: r.target_level,
  updatedAt: r.updated_at,
});

export const toAction = (r: ActionRow): ActionItem => ({
  id: r.id,
  capabilityId: r.capability_id,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
});

export function toEvidence(
  r: EvidenceRow,
  links: EvidenceLink[],
  attachment: { size: number; mime: string } | null,
  today: string,
): Evidence {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    source: r.source,
    collectedOn: r.collected_on,
    validUntil: r.valid_until,
    sensitivity: r.sensitivity,
    description: r.description,
    url: r.url,
    attachment:
      r.attachment_sha256 && attachment
        ? { sha256: r.attachment_sha256, fileName: r.file_name ?? 'attachment', size: attachment.size, mime: attachment.mime }
        : null,
    links,
    stale: isStale(r.valid_until, today),
    createdAt: r.created_at,
  };
}

export const toSession = (r: SessionRow, discussed: string[] = []): WorkshopSession => ({
  id: r.id,
  assessmentId: r.assessment_id,
  heldOn: r.held_on,
  modules: JSON.parse(r.modules_json) as string[],
  participantIds: JSON.parse(r.participants_json) as string[],
  minutes: r.minutes,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  focusCapabilityId: r.focus_capability_id,
  discussed,
  blind: r.blind === 1,
  revealed: JSON.parse(r.revealed_json) as string[],
});
