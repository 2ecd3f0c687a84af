/**
 * assessment.update, assessment.delete and assessment.stats: renaming and deleting an assessment, and how
 * far each one is. Kept beside assessment.ts, whose handler map includes these.
 */
import type { AssessmentStats } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { allCapabilities } from '../../../shared/framework/schema';
import type { CommandContext } from '../context';
import type { ReadHandle } from '../db/handle';
import { toAssessment, type AssessmentRow } from '../db/rows';
import { libraryMutation, mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { assessmentRow, frameworkOf } from './lookup';

function latestAssessment(db: ReadHandle): AssessmentRow | undefined {
  return db.get<AssessmentRow>('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC LIMIT 1');
}

/** An assessment a scenario plans from cannot go: the scenario is named. */
function refuseDelete(db: ReadHandle, assessment: AssessmentRow): void {
  const scenarios = db.all<{ name: string }>('SELECT name FROM scenario WHERE baseline_assessment_id = ? ORDER BY position', assessment.id);
  if (!scenarios.length) return;
  const several = scenarios.length > 1;
  throw new ApiError(
    'conflict',
    `${assessment.label} is the baseline of the scenario${several ? 's' : ''} ${scenarios.map((x) => x.name).join(', ')}: give ${several ? 'them' : 'it'} another baseline assessment, or remove ${several ? 'them' : 'it'}, first.`,
    { assessmentId: assessment.id, scenarios: scenarios.map((x) => x.name) },
  );
}

/** The home screen lists each engagement's latest assessment: kept in step after a rename or a delete. */
async function mirrorLatest(ctx: CommandContext, engagementId: string): Promise<void> {
  const latest = latestAssessment((await ctx.files.get(engagementId)).read);
  libraryMutation(
    ctx,
    'engagement_index',
    (tx) => {
      tx.run(
        'UPDATE engagement_index SET last_assessment_id = ?, last_assessment_label = ?, last_assessment_date = ? WHERE id = ?',
        latest?.id ?? null,
        latest?.label ?? null,
        latest?.assessed_on ?? null,
        engagementId,
      );
      return { result: null };
    },
    { audit: false },
  );
}

function assertLabelFree(db: ReadHandle, label: string, exceptId: string): void {
  if (db.get('SELECT id FROM assessment WHERE label = ? COLLATE NOCASE AND id <> ?', label, exceptId)) {
    throw new ApiError('conflict', `An assessment labelled "${label}" already exists in this engagement.`, { label, fields: [{ path: 'label', message: 'already exists' }] });
  }
}

/** Progress and contents of one assessment. */
export function statsOf(db: ReadHandle, a: AssessmentRow): AssessmentStats {
  const scope = new Set(JSON.parse(a.scope_json) as string[]);
  let caps: string[] = [];
  try {
    caps = allCapabilities(frameworkOf(db, a))
      .filter((c) => scope.has(c.moduleId))
      .map((c) => c.id);
  } catch {
    // A framework that is not installed here: its capabilities are unknown, the counts below still stand.
    caps = db.all<{ c: string }>('SELECT DISTINCT capability_id AS c FROM rating WHERE assessment_id = ?', a.id).map((r) => r.c);
  }
  const r = db.get<{ scored: number | null; confirm: number | null }>(
    `SELECT sum(carried_over = 0 AND (current_level IS NOT NULL OR not_applicable = 1)) AS scored, sum(carried_over = 1) AS confirm
     FROM rating WHERE assessment_id = ? AND capability_id IN (SELECT value FROM json_each(?))`,
    a.id,
    JSON.stringify(caps),
  )!;
  const count = (sql: string) => db.get<{ n: number }>(sql, a.id)!.n;
  return {
    assessmentId: a.id,
    inScope: caps.length,
    scored: r.scored ?? 0,
    toConfirm: r.confirm ?? 0,
    votes: count('SELECT count(*) AS n FROM vote WHERE assessment_id = ?'),
    actions: count('SELECT count(*) AS n FROM action_item WHERE assessment_id = ?'),
    evidenceLinks: count('SELECT count(*) AS n FROM evidence_link WHERE assessment_id = ?'),
  };
}

export const assessmentAdminHandlers: HandlerMap = {
  'assessment.update': async (ctx, input) => {
    const row = await mutation(ctx, input.engagementId, { entity: 'assessment', entityId: input.assessmentId }, (tx) => {
      const before = assessmentRow(tx, input.assessmentId);
      const after: AssessmentRow = { ...before, label: input.label ?? before.label, assessed_on: input.date ?? before.assessed_on };
      if (after.label !== before.label) assertLabelFree(tx, after.label, before.id);
      tx.run('UPDATE assessment SET label = ?, assessed_on = ? WHERE id = ?', after.label, after.assessed_on, before.id);
      return { result: after, before: { label: before.label, date: before.assessed_on }, after: { label: after.label, date: after.assessed_on } };
    });
    await mirrorLatest(ctx, input.engagementId);
    return toAssessment(row);
  },

  'assessment.delete': async (ctx, input) => {
    const file = await ctx.files.get(input.engagementId);
    // Refused before anything is written, the backup included; checked again inside the transaction.
    file.assertWritable();
    refuseDelete(file.read, assessmentRow(file.read, input.assessmentId));
    const backup = await ctx.files.backups.create(input.engagementId, file.connection(), 'before-delete');
    const gone = await mutation(ctx, input.engagementId, { entity: 'assessment', entityId: input.assessmentId }, (tx) => {
      const before = assessmentRow(tx, input.assessmentId);
      refuseDelete(tx, before);
      const stats = statsOf(tx, before);
      // Ratings, votes, actions, links, criteria, sessions and undo history go with it (ON DELETE CASCADE).
      tx.run('DELETE FROM assessment WHERE id = ?', before.id);
      return {
        result: { id: before.id, label: before.label, backupId: backup.id },
        before: { label: before.label, date: before.assessed_on, scored: stats.scored, toConfirm: stats.toConfirm, votes: stats.votes, actions: stats.actions, evidenceLinks: stats.evidenceLinks },
        after: { backupId: backup.id },
      };
    });
    await mirrorLatest(ctx, input.engagementId);
    return gone;
  },

  'assessment.stats': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    return db.all<AssessmentRow>('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC').map((a) => statsOf(db, a));
  },
};
