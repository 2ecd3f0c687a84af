/**
 * Starter initiatives from the gap ranking (shared/results, GAP_FORMULA) of a baseline assessment: one
 * per top gap, named after the capability and lifting it to its target level. Capabilities an existing
 * initiative already lifts to their target are passed over. Nothing is written: the consultant edits
 * a suggestion and adds it, or discards it.
 */
import type { InitiativeSuggestion } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { assessmentResults, type RatingInput } from '../../../shared/results';
import type { ReadHandle } from '../db/handle';
import type { AssessmentRow } from '../db/rows';
import { frameworkOf } from '../handlers/lookup';
import { assessmentById, newestAssessment, readInitiatives, scenarioRow } from './model';

interface RatingRowLike {
  capability_id: string;
  current_level: number | null;
  target_level: number | null;
  not_applicable: number;
  confidence: RatingInput['confidence'];
  priority: number | null;
  carried_over: number;
}

function baselineAssessment(db: ReadHandle, input: { scenarioId?: string | undefined; assessmentId?: string | undefined }): AssessmentRow {
  if (input.scenarioId) return assessmentById(db, scenarioRow(db, input.scenarioId).baseline_assessment_id);
  if (input.assessmentId) return assessmentById(db, input.assessmentId, 'assessmentId');
  const newest = newestAssessment(db);
  if (!newest) {
    throw new ApiError('invalid_input', 'There is no assessment to suggest initiatives from yet: create one and score it first.', {
      fields: [{ path: 'assessmentId', message: 'no assessment yet' }],
    });
  }
  return newest;
}

export function suggestInitiatives(db: ReadHandle, input: { scenarioId?: string | undefined; assessmentId?: string | undefined; limit: number }): InitiativeSuggestion[] {
  const a = baselineAssessment(db, input);
  const fw = frameworkOf(db, a);
  const ratings: Record<string, RatingInput> = {};
  for (const r of db.all<RatingRowLike>('SELECT * FROM rating WHERE assessment_id = ?', a.id)) {
    ratings[r.capability_id] = {
      currentLevel: r.current_level,
      targetLevel: r.target_level,
      notApplicable: r.not_applicable === 1,
      confidence: r.confidence,
      priority: r.priority,
      carriedOver: r.carried_over === 1,
    };
  }
  const results = assessmentResults({
    framework: fw,
    assessment: { id: a.id, label: a.label, date: a.assessed_on, scope: JSON.parse(a.scope_json) as string[] },
    ratings,
    votes: [],
    evidence: {},
    actions: [],
  });
  const lifted = new Map<string, number>();
  for (const x of readInitiatives(db)) for (const u of x.uplifts) lifted.set(u.capabilityId, Math.max(lifted.get(u.capabilityId) ?? 0, u.toLevel));
  const out: InitiativeSuggestion[] = [];
  results.gapRanking.forEach((g, k) => {
    const r = ratings[g.capabilityId]!;
    const current = r.currentLevel!;
    const target = r.targetLevel!;
    if ((lifted.get(g.capabilityId) ?? 0) >= target || out.length >= input.limit) return;
    out.push({
      rank: k + 1,
      name: `${g.name} to level ${target}`,
      description: `Raises ${g.capabilityId} ${g.name} from level ${current} to ${target} (rank ${k + 1} of the gaps in ${a.label}, score ${g.score.toFixed(1)}).`,
      capabilityId: g.capabilityId,
      moduleId: g.moduleId,
      current,
      target,
      score: g.score,
      uplifts: [{ capabilityId: g.capabilityId, toLevel: target }],
    });
  });
  return out;
}
