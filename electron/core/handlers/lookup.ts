/** Lookups the handlers share: a row that must exist, the framework an assessment pins, what is in its scope. */
import { ApiError } from '../../../shared/errors';
import { findCapability, type Framework } from '../../../shared/framework/schema';
import type { ReadHandle } from '../db/handle';
import type { AssessmentRow } from '../db/rows';
import { engagementFramework } from '../frameworks';

export function assessmentRow(db: ReadHandle, assessmentId: string): AssessmentRow {
  const row = db.get<AssessmentRow>('SELECT * FROM assessment WHERE id = ?', assessmentId);
  if (!row) throw new ApiError('not_found', `No assessment with id ${assessmentId} in this engagement.`, { assessmentId });
  return row;
}

/** The framework an assessment pinned: the engagement file's copy, or the built-in version. */
export function frameworkOf(db: ReadHandle, a: AssessmentRow): Framework {
  const fw = engagementFramework(db, a.framework_id, a.framework_version);
  if (!fw) {
    throw new ApiError('not_found', `Assessment ${a.label} was scored against ${a.framework_id} ${a.framework_version}, which is not installed.`, {
      frameworkId: a.framework_id,
      version: a.framework_version,
    });
  }
  return fw;
}

/** Refuses a capability that is not in the assessment's framework or outside its scope. */
export function assertCapability(db: ReadHandle, a: AssessmentRow, capabilityId: string, field = 'capabilityId'): void {
  const fw = frameworkOf(db, a);
  if (!findCapability(fw, capabilityId)) {
    throw new ApiError('invalid_input', `${field}: ${capabilityId} is not a capability of ${fw.name} ${fw.version}.`, {
      fields: [{ path: field, message: `unknown capability ${capabilityId}` }],
    });
  }
  const moduleId = capabilityId.split('.')[0]!;
  const scope = JSON.parse(a.scope_json) as string[];
  if (!scope.includes(moduleId)) {
    throw new ApiError('invalid_input', `${field}: ${capabilityId} is outside the scope of assessment ${a.label} (modules ${scope.join(', ')}).`, {
      fields: [{ path: field, message: `out of scope ${capabilityId}` }],
    });
  }
}

/** The row, or not_found naming what was looked for. */
export function mustExist<T>(row: T | undefined, what: string, id: string): T {
  if (!row) throw new ApiError('not_found', `No ${what} with id ${id} in this engagement.`, { id });
  return row;
}

/** A participant named in a command's input: refused as bad input (with the field) when unknown. */
export function assertParticipant(db: ReadHandle, participantId: string, field = 'participantId'): { id: string; name: string } {
  const p = db.get<{ id: string; name: string; left_at: string | null }>('SELECT id, name, left_at FROM participant WHERE id = ?', participantId);
  if (!p) {
    throw new ApiError('invalid_input', `${field}: ${participantId} is not a participant of this engagement; add them under People first.`, {
      fields: [{ path: field, message: 'not a participant' }],
    });
  }
  // Someone who left keeps the votes they cast, and takes part in nothing new until restored.
  if (p.left_at) {
    throw new ApiError('invalid_input', `${field}: ${p.name} has left this engagement; restore them under People to count them in again.`, {
      fields: [{ path: field, message: 'former participant' }],
    });
  }
  return { id: p.id, name: p.name };
}
