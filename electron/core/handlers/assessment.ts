/** assessment.*: assessments of an engagement, their agreed ratings, and what the workspace reads. */
import type { Rating } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { defaultFramework } from '../../../shared/framework';
import { criteriaOf, suggestedLevel } from '../../../shared/framework/rules';
import { allCapabilities, findCapability, type Framework } from '../../../shared/framework/schema';
import { consensus, levelForMedian, medianLevels } from '../../../shared/scoring/consensus';
import { applyRatingPatch, blankRating, describeRatingChange, type RatingPatch } from '../../../shared/scoring/rating';
import { toAssessment, toAudit, toRating, toVote, type AssessmentRow, type AuditRow, type VoteRow } from '../db/rows';
import { libraryMutation, mutation, type MutationTx } from '../mutation';
import type { CommandContext } from '../context';
import type { HandlerMap } from '../registry';
import { assessmentDetail, capabilitySlice, fromRating, ratingRow } from './assessment-model';
import { anyFramework, copyIntoEngagement, isBuiltIn } from '../frameworks';
import { assertCapability, assessmentRow, frameworkOf } from './lookup';

/**
 * Quarterly re-assessment: the new assessment starts from the previous agreed scores and targets
 * (marked carried over until confirmed), keeps the evidence links, and keeps open action items.
 */
function carryOver(tx: MutationTx, fromId: string, to: AssessmentRow, fw: Framework) {
  const scope = new Set(JSON.parse(to.scope_json) as string[]);
  const caps = JSON.stringify(allCapabilities(fw).filter((c) => scope.has(c.moduleId)).map((c) => c.id));
  const params = { to: to.id, from: fromId, at: to.created_at, caps };
  const ratings = tx.run(
    `INSERT INTO rating (assessment_id, capability_id, current_level, target_level, not_applicable, confidence, priority, rationale, owner, carried_over, updated_at)
     SELECT @to, capability_id, current_level, target_level, not_applicable, confidence, priority, rationale, owner, 1, @at
     FROM rating WHERE assessment_id = @from AND capability_id IN (SELECT value FROM json_each(@caps))
       AND (current_level IS NOT NULL OR target_level IS NOT NULL OR not_applicable = 1)`,
    params,
  ).changes;
  const links = tx.run(
    `INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at)
     SELECT evidence_id, @to, capability_id, @at FROM evidence_link WHERE assessment_id = @from AND capability_id IN (SELECT value FROM json_each(@caps))`,
    params,
  ).changes;
  const open = tx.all<{ capability_id: string; text: string; owner: string; due_date: string | null; status: string }>(
    `SELECT * FROM action_item WHERE assessment_id = ? AND status <> 'done' AND capability_id IN (SELECT value FROM json_each(?)) ORDER BY created_at`,
    fromId,
    caps,
  );
  for (const a of open) {
    tx.run(
      'INSERT INTO action_item (id, assessment_id, capability_id, text, owner, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      tx.newId(), to.id, a.capability_id, a.text, a.owner, a.due_date, a.status, to.created_at, to.created_at,
    );
  }
  return { from: fromId, ratings, evidenceLinks: links, openActions: open.length };
}

/** Reads, changes and writes a rating in one transaction, so a change made meanwhile elsewhere is never overwritten. */
function writeRating(ctx: CommandContext, input: { engagementId: string; assessmentId: string; capabilityId: string }, patchOf: (tx: MutationTx, current: Rating) => RatingPatch): Promise<Rating> {
  const { assessmentId, capabilityId } = input;
  return mutation(ctx, input.engagementId, { entity: 'rating', assessmentId, capabilityId }, (tx) => {
    assertCapability(tx, assessmentRow(tx, assessmentId), capabilityId);
    const stored = ratingRow(tx, assessmentId, capabilityId);
    const before = stored ? toRating(stored) : null;
    const current = before ?? blankRating(capabilityId);
    const next = applyRatingPatch(current, patchOf(tx, current), tx.at);
    const key = { assessment_id: assessmentId, capability_id: capabilityId };
    const change = tx.track('rating', key, () => {
      tx.run(
        `INSERT INTO rating (assessment_id, capability_id, current_level, target_level, not_applicable, confidence, priority, rationale, owner, carried_over, updated_at)
         VALUES (@assessment_id, @capability_id, @current_level, @target_level, @not_applicable, @confidence, @priority, @rationale, @owner, @carried_over, @updated_at)
         ON CONFLICT (assessment_id, capability_id) DO UPDATE SET
           current_level = excluded.current_level, target_level = excluded.target_level, not_applicable = excluded.not_applicable,
           confidence = excluded.confidence, priority = excluded.priority, owner = excluded.owner,
           carried_over = excluded.carried_over, updated_at = excluded.updated_at, rationale = excluded.rationale`,
        { ...fromRating(assessmentId, next) },
      );
    });
    return { result: next, before, after: next, undo: { label: describeRatingChange(capabilityId, before, next), changes: [change] } };
  });
}

/** The level a median is agreed as; a chosen level must be the median or, for a median between two levels, one of them. */
function medianChoice(field: 'currentLevel' | 'targetLevel', what: string, median: number | null, choice: number | undefined): number | null {
  const level = levelForMedian(median, choice);
  if (level !== undefined) {
    if (level === null && choice !== undefined) {
      throw new ApiError('invalid_input', `${field}: there are no ${what} yet, so there is no median to choose a level from.`, { fields: [{ path: field, message: `no ${what}` }] });
    }
    return level;
  }
  const levels = medianLevels(median);
  const allowed = levels.length > 1 ? `choose ${levels[0]} or ${levels[1]}` : `it can only be agreed as ${levels[0]}`;
  throw new ApiError('invalid_input', `${field}: the median of the ${what} is ${median}; ${allowed}, not ${choice}.`, { fields: [{ path: field, message: allowed }] });
}

function latestAssessment(db: { get<T>(sql: string): T | undefined }): AssessmentRow | undefined {
  return db.get<AssessmentRow>('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC LIMIT 1');
}

export const assessmentHandlers: HandlerMap = {
  'assessment.list': async (ctx, input) =>
    (await ctx.files.get(input.engagementId)).read.all<AssessmentRow>('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC').map(toAssessment),

  'assessment.create': async (ctx, input) => {
    const fw = anyFramework(ctx.library.read, input.frameworkId ?? defaultFramework.id, input.frameworkVersion);
    if (!fw) {
      throw new ApiError('not_found', `No framework ${input.frameworkId ?? defaultFramework.id}${input.frameworkVersion ? ` ${input.frameworkVersion}` : ''} is installed or saved here.`, {
        fields: [{ path: input.frameworkVersion ? 'frameworkVersion' : 'frameworkId', message: 'unknown framework' }],
      });
    }
    const known = fw.modules.map((m) => m.id);
    const scope = input.scope ?? known;
    const unknown = scope.filter((m) => !known.includes(m));
    if (unknown.length) {
      throw new ApiError('invalid_input', `scope: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not modules' : 'is not a module'} of ${fw.name}.`, {
        fields: [{ path: 'scope', message: `unknown module ${unknown.join(', ')}` }],
      });
    }
    const created = await mutation(ctx, input.engagementId, { entity: 'assessment' }, (tx) => {
      if (tx.get('SELECT id FROM assessment WHERE label = ? COLLATE NOCASE', input.label)) {
        throw new ApiError('conflict', `An assessment labelled "${input.label}" already exists in this engagement.`, { label: input.label });
      }
      const previous = input.fromAssessmentId ? assessmentRow(tx, input.fromAssessmentId) : latestAssessment(tx);
      const row: AssessmentRow = {
        id: tx.newId(),
        label: input.label,
        assessed_on: input.date,
        framework_id: fw.id,
        framework_version: fw.version,
        scope_json: JSON.stringify(known.filter((m) => scope.includes(m))),
        previous_assessment_id: previous?.id ?? null,
        created_at: tx.at,
      };
      tx.run(
        `INSERT INTO assessment (id, label, assessed_on, framework_id, framework_version, scope_json, previous_assessment_id, created_at)
         VALUES (@id, @label, @assessed_on, @framework_id, @framework_version, @scope_json, @previous_assessment_id, @created_at)`,
        { ...row },
      );
      copyIntoEngagement(tx, fw, tx.at);
      const carried = input.fromAssessmentId ? carryOver(tx, input.fromAssessmentId, row, fw) : null;
      return { result: { row, latest: latestAssessment(tx)! }, after: { ...row, carriedOver: carried }, entityId: row.id };
    });
    libraryMutation(ctx, 'engagement_index', (tx) => {
      tx.run('UPDATE engagement_index SET last_assessment_id = ?, last_assessment_label = ?, last_assessment_date = ? WHERE id = ?', created.latest.id, created.latest.label, created.latest.assessed_on, input.engagementId);
      // A custom framework an assessment pins is locked: from now on it changes only as a new version.
      if (!isBuiltIn(fw.id, fw.version)) tx.run('UPDATE framework SET locked_at = coalesce(locked_at, ?) WHERE id = ? AND version = ?', ctx.clock.at(), fw.id, fw.version);
      return { result: null };
    }, { audit: false });
    return toAssessment(created.row);
  },

  'assessment.get': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    return assessmentDetail(db, assessmentRow(db, input.assessmentId), ctx.clock.today());
  },

  'assessment.capability': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    return capabilitySlice(db, assessmentRow(db, input.assessmentId), input.capabilityId, ctx.clock.today());
  },

  'assessment.rate': (ctx, { engagementId, assessmentId, capabilityId, ...patch }) => writeRating(ctx, { engagementId, assessmentId, capabilityId }, () => patch),

  'assessment.tickCriterion': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'criterion_tick', entityId: input.criterionId, assessmentId: input.assessmentId, capabilityId: input.capabilityId }, (tx) => {
      const a = assessmentRow(tx, input.assessmentId);
      assertCapability(tx, a, input.capabilityId);
      const fw = frameworkOf(tx, a);
      const capability = findCapability(fw, input.capabilityId)!;
      const criterion = criteriaOf(capability).find((c) => c.id === input.criterionId);
      if (!criterion) {
        const why = criteriaOf(capability).length ? `is not a pass criterion of ${input.capabilityId}` : `${fw.name} ${fw.version} has no pass criteria`;
        throw new ApiError('invalid_input', `criterionId: ${input.criterionId} ${why}.`, { fields: [{ path: 'criterionId', message: why }] });
      }
      const key = { assessment_id: a.id, capability_id: input.capabilityId, criterion_id: criterion.id };
      const change = tx.track('criterion_tick', key, () => {
        if (input.ticked) tx.run('INSERT INTO criterion_tick (assessment_id, capability_id, criterion_id, ticked_at) VALUES (@assessment_id, @capability_id, @criterion_id, @at) ON CONFLICT DO NOTHING', { ...key, at: tx.at });
        else tx.run('DELETE FROM criterion_tick WHERE assessment_id = @assessment_id AND capability_id = @capability_id AND criterion_id = @criterion_id', key);
      });
      const ticked = tx.all<{ criterion_id: string }>('SELECT criterion_id FROM criterion_tick WHERE assessment_id = ? AND capability_id = ? ORDER BY criterion_id', a.id, input.capabilityId).map((r) => r.criterion_id);
      const changed = (change.before === null) !== (change.after === null);
      const verb = input.ticked ? 'met' : 'not met';
      return {
        result: { capabilityId: input.capabilityId, ticked, suggestedLevel: suggestedLevel(capability, ticked) },
        after: { criterion: criterion.id, level: criterion.level, text: criterion.text, met: input.ticked },
        ...(changed ? { undo: { label: `${input.capabilityId}: level ${criterion.level} criterion ${criterion.id} ${verb}`, changes: [change] } } : { noop: true }),
      };
    }),

  'assessment.acceptMedian': (ctx, input) =>
    writeRating(ctx, input, (tx) => {
      const votes = tx.all<VoteRow>('SELECT * FROM vote WHERE assessment_id = ? AND capability_id = ?', input.assessmentId, input.capabilityId).map(toVote);
      const c = consensus(votes);
      if (c.proposed === null) {
        throw new ApiError('invalid_input', `${input.capabilityId} has no votes yet: there is no median to accept.`, { capabilityId: input.capabilityId });
      }
      const currentLevel = medianChoice('currentLevel', 'votes', c.median, input.currentLevel);
      const targetLevel = medianChoice('targetLevel', 'target votes', c.targetMedian, input.targetLevel);
      return { currentLevel, notApplicable: false, ...(targetLevel !== null ? { targetLevel } : {}) };
    }),

  'assessment.history': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    assessmentRow(db, input.assessmentId);
    const rows = input.capabilityId
      ? db.all<AuditRow>(
          "SELECT * FROM audit_log WHERE assessment_id = ? AND capability_id = ? AND command <> 'workshop.focus' ORDER BY seq DESC LIMIT ?",
          input.assessmentId,
          input.capabilityId,
          input.limit,
        )
      : db.all<AuditRow>("SELECT * FROM audit_log WHERE assessment_id = ? AND command <> 'workshop.focus' ORDER BY seq DESC LIMIT ?", input.assessmentId, input.limit);
    return rows.map(toAudit);
  },
};
