/** Lookups shared by the workshop handlers: the assessment, its framework, and what is in its scope. */
import { ApiError } from '../../../shared/errors';
import { findFramework } from '../../../shared/framework';
import type { Framework } from '../../../shared/framework/schema';
import type { AssessmentRow } from '../db/rows';
import type { Db } from '../db/sqlite';

export function assessmentRow(db: Db, assessmentId: string): AssessmentRow {
  const row = db.prepare('SELECT * FROM assessment WHERE id = ?').get(assessmentId) as AssessmentRow | undefined;
  if (!row) throw new ApiError('not_found', `No assessment with id ${assessmentId} in this engagement.`, { assessmentId });
  return row;
}

export function frameworkOf(a: AssessmentRow): Framework {
  const fw = findFramework(a.framework_id, a.framework_version);
  if (!fw) {
    throw new ApiError('not_found', `Assessment ${a.label} was scored against ${a.framework_id} ${a.framework_version}, which is not installed.`, {
      frameworkId: a.framework_id,
      version: a.framework_version,
    });
  }
  return fw;
}

/** Refuses a capability that is not in the assessment's framework or outside its scope. */
export function assertCapability(a: AssessmentRow, capabilityId: string, field = 'capabilityId'): void {
  const fw = frameworkOf(a);
  const moduleId = capabilityId.split('.')[0]!;
  const known = fw.modules.find((m) => m.id === moduleId)?.capabilities.some((c) => c.id === capabilityId);
  if (!known) {
    throw new ApiError('invalid_input', `${field}: ${capabilityId} is not a capability of ${fw.name} ${fw.version}.`, {
      fields: [{ path: field, message: `unknown capability ${capabilityId}` }],
    });
  }
  const scope = JSON.parse(a.scope_json) as string[];
  if (!scope.includes(moduleId)) {
    throw new ApiError('invalid_input', `${field}: ${capabilityId} is outside the scope of assessment ${a.label} (modules ${scope.join(', ')}).`, {
      fields: [{ path: field, message: `out of scope ${capabilityId}` }],
    });
  }
}

export function assertParticipant(db: Db, participantId: string): { id: string; name: string } {
  const p = db.prepare('SELECT id, name FROM participant WHERE id = ?').get(participantId) as { id: string; name: string } | undefined;
  if (!p) {
    throw new ApiError('invalid_input', `participantId: ${participantId} is not a participant of this engagement; add them under People first.`, {
      fields: [{ path: 'participantId', message: 'not a participant' }],
    });
  }
  return p;
}
