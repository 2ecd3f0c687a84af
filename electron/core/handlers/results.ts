/**
 * results.*: what assessments add up to, computed by the results model (shared/results) and returned
 * as it computes them, so every screen and export quotes the same numbers: one assessment, an
 * engagement over time, and the data folder's portfolio (from the index's rollups only).
 */
import { ApiError } from '../../../shared/errors';
import { defaultFramework } from '../../../shared/framework';
import { engagementFramework } from '../frameworks';
import {
  assessmentResults,
  assessmentResultsView,
  chronological,
  filterOptions,
  movers,
  portfolio,
  PORTFOLIO_METHOD,
  trend,
  type RatedAssessment,
  type TrendView,
} from '../../../shared/results';
import type { ReadHandle } from '../db/handle';
import type { AssessmentRow } from '../db/rows';
import type { HandlerMap } from '../registry';
import { currentRollups, latestRollups } from '../rollups';
import { assessmentRow } from './lookup';
import { oneRead, ratedAssessment, readResultsInput } from './results-read';

function refused(field: string, message: string): ApiError {
  return new ApiError('invalid_input', `${field}: ${message}`, { fields: [{ path: field, message }] });
}

/** The trend of every assessment scored against the latest one's framework, and movers between two of them. */
function trendOf(db: ReadHandle, fromId: string | undefined, toId: string | undefined): TrendView {
  const rows = chronological(db.all<AssessmentRow>('SELECT * FROM assessment').map((r) => ({ ...r, date: r.assessed_on })));
  const latest = rows[rows.length - 1];
  const fw = (latest && engagementFramework(db, latest.framework_id, latest.framework_version)) || defaultFramework;
  const same = rows.filter((r) => r.framework_id === fw.id);
  const excluded = rows.filter((r) => r.framework_id !== fw.id).map((r) => ({ id: r.id, label: r.label, date: r.assessed_on, frameworkId: r.framework_id }));
  const rated = same.map((r) => ratedAssessment(db, r));
  const pick = (field: string, id: string | undefined, fallback: RatedAssessment | undefined) => {
    if (id === undefined) return fallback;
    const found = rated.find((a) => a.id === id);
    if (found) return found;
    const other = excluded.find((a) => a.id === id);
    throw refused(field, other ? `assessment ${other.label} was scored against another framework (${other.frameworkId}) and cannot be compared` : `no assessment with id ${id} in this engagement`);
  };
  const to = pick('toAssessmentId', toId, rated[rated.length - 1]);
  const from = pick('fromAssessmentId', fromId, to ? rated[rated.indexOf(to) - 1] : undefined);
  if (from && to && from.id === to.id) throw refused('fromAssessmentId', 'must name a different assessment than toAssessmentId');
  return {
    ...trend(fw, rated),
    framework: { id: fw.id, version: fw.version },
    movers: from && to ? movers(fw, from, to) : null,
    excluded,
  };
}

export const resultsHandlers: HandlerMap = {
  'results.assessment': async (ctx, { engagementId, assessmentId }) => {
    const file = await ctx.files.get(engagementId);
    const today = ctx.clock.today();
    const input = oneRead(file, (db) => readResultsInput(db, assessmentRow(db, assessmentId), today));
    return assessmentResultsView(assessmentResults(input), today, input.actions);
  },

  'results.trend': async (ctx, input) => {
    const file = await ctx.files.get(input.engagementId);
    return oneRead(file, (db) => trendOf(db, input.fromAssessmentId, input.toAssessmentId));
  },

  'results.portfolio': async (ctx, input) => {
    const ownRow = input.engagementId ? ctx.library.row(input.engagementId) : null;
    await currentRollups(ctx.library);
    const ownFramework = ownRow
      ? ctx.library.read.get<{ framework_id: string }>(
          'SELECT framework_id FROM assessment_rollup WHERE engagement_id = ? AND scored > 0 ORDER BY assessed_on DESC, assessment_id DESC LIMIT 1',
          ownRow.id,
        )?.framework_id
      : undefined;
    const frameworkId = ownFramework ?? defaultFramework.id;
    const stored = latestRollups(ctx.library, frameworkId);
    const entries = stored.map((s) => ({ key: s.engagementId, industry: s.industry, region: s.region, rollup: s.rollup }));
    const filters = { industry: input.industry ?? null, region: input.region ?? null };
    const result = portfolio(entries, { frameworkId, ...(input.industry ? { industry: input.industry } : {}), ...(input.region ? { region: input.region } : {}) }, ownRow?.id ?? null);
    const own = ownRow ? stored.find((s) => s.engagementId === ownRow.id) : undefined;
    return {
      ...result,
      frameworkId,
      filters,
      options: { industries: filterOptions(stored.map((s) => s.industry)), regions: filterOptions(stored.map((s) => s.region)) },
      own: ownRow
        ? { industry: ownRow.industry, region: ownRow.region, date: own?.rollup.date ?? null, scored: own?.rollup.overall.scored ?? 0, total: own?.rollup.overall.total ?? 0 }
        : null,
      method: PORTFOLIO_METHOD,
    };
  },
};
