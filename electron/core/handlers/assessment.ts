import { ApiError } from '../../../shared/errors';
import { defaultFramework, findFramework } from '../../../shared/framework';
import type { Framework } from '../../../shared/framework/schema';
import { allCapabilities } from '../../../shared/framework/schema';
import { toAssessment, toAudit, type AssessmentRow, type AuditRow } from '../db/rows';
import type { Db } from '../db/sqlite';
import type { HandlerMap } from '../registry';
import { assessmentRow } from './scope';

/**
 * Quarterly re-assessment: the new assessment starts from the previous agreed scores and targets
 * (marked carried over until confirmed), keeps the evidence links, and keeps open action items.
 */
function carryOver(db: Db, fromId: string, to: AssessmentRow, fw: Framework, newId: () => string) {
  const scope = new Set(JSON.parse(to.scope_json) as string[]);
  const caps = allCapabilities(fw)
    .filter((c) => scope.has(c.moduleId))
    .map((c) => c.id);
  const capList = JSON.stringify(caps);
  const ratings = db
    .prepare(
      `INSERT INTO rating (assessment_id, capability_id, current_level, target_level, not_applicable, confidence, priority, rationale, owner, carried_over, updated_at)
       SELECT @to, capability_id, current_level, target_level, not_applicable, confidence, priority, rationale, owner, 1, @at
       FROM rating WHERE assessment_id = @from AND capability_id IN (SELECT value FROM json_each(@caps))
         AND (current_level IS NOT NULL OR target_level IS NOT NULL OR not_applicable = 1)`,
    )
    .run({ to: to.id, from: fromId, at: to.created_at, caps: capList }).changes;
  const links = db
    .prepare(
      `INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at)
       SELECT evidence_id, @to, capability_id, @at FROM evidence_link
       WHERE assessment_id = @from AND capability_id IN (SELECT value FROM json_each(@caps))`,
    )
    .run({ to: to.id, from: fromId, at: to.created_at, caps: capList }).changes;
  const open = db
    .prepare(
      `SELECT * FROM action_item WHERE assessment_id = ? AND status <> 'done' AND capability_id IN (SELECT value FROM json_each(?)) ORDER BY created_at`,
    )
    .all(fromId, capList) as { capability_id: string; text: string; owner: string; due_date: string | null; status: string }[];
  const insertAction = db.prepare(
    `INSERT INTO action_item (id, assessment_id, capability_id, text, owner, due_date, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of open) insertAction.run(newId(), to.id, a.capability_id, a.text, a.owner, a.due_date, a.status, to.created_at, to.created_at);
  return { from: fromId, ratings, evidenceLinks: links, openActions: open.length };
}

export const assessmentHandlers: HandlerMap = {
  'assessment.list': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    return (db.prepare('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC').all() as AssessmentRow[]).map(toAssessment);
  },

  'assessment.create': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const fw = input.frameworkId ? findFramework(input.frameworkId) : defaultFramework;
    if (!fw) throw new ApiError('not_found', `No framework called ${input.frameworkId} is installed.`, { frameworkId: input.frameworkId });
    const known = fw.modules.map((m) => m.id);
    const scope = input.scope ?? known;
    const unknown = scope.filter((m) => !known.includes(m));
    if (unknown.length) {
      throw new ApiError('invalid_input', `scope: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not modules' : 'is not a module'} of ${fw.name}.`, {
        fields: [{ path: 'scope', message: `unknown module ${unknown.join(', ')}` }],
      });
    }
    const clash = db.prepare('SELECT id FROM assessment WHERE label = ? COLLATE NOCASE').get(input.label);
    if (clash) throw new ApiError('conflict', `An assessment labelled "${input.label}" already exists in this engagement.`, { label: input.label });
    const previous = input.fromAssessmentId
      ? assessmentRow(db, input.fromAssessmentId)
      : (db.prepare('SELECT id FROM assessment ORDER BY assessed_on DESC, created_at DESC LIMIT 1').get() as { id: string } | undefined);
    const row: AssessmentRow = {
      id: engine.newId(),
      label: input.label,
      assessed_on: input.date,
      framework_id: fw.id,
      framework_version: fw.version,
      scope_json: JSON.stringify(known.filter((m) => scope.includes(m))),
      previous_assessment_id: previous?.id ?? null,
      created_at: engine.at(),
    };
    const result = engine.writeEngagement(input.engagementId, db, { command: 'assessment.create', entity: 'assessment', entityId: row.id, tables: ['assessment', 'rating', 'evidence_link', 'action_item'] }, () => {
      db.prepare(
        `INSERT INTO assessment (id, label, assessed_on, framework_id, framework_version, scope_json, previous_assessment_id, created_at)
         VALUES (@id, @label, @assessed_on, @framework_id, @framework_version, @scope_json, @previous_assessment_id, @created_at)`,
      ).run(row);
      const carried = input.fromAssessmentId ? carryOver(db, input.fromAssessmentId, row, fw, engine.newId.bind(engine)) : null;
      return { result: toAssessment(row), after: { ...row, carriedOver: carried } };
    });
    const latest = db.prepare('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC LIMIT 1').get() as AssessmentRow;
    engine.library
      .prepare('UPDATE engagement_index SET last_assessment_id = ?, last_assessment_label = ?, last_assessment_date = ? WHERE id = ?')
      .run(latest.id, latest.label, latest.assessed_on, input.engagementId);
    engine.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'] });
    return result;
  },

  'audit.list': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const rows = (
      input.entityId
        ? db.prepare('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT ?').all(input.entityId, input.limit)
        : db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(input.limit)
    ) as AuditRow[];
    return rows.map(toAudit);
  },
};
