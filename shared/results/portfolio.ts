/**
 * Benchmarks across engagements. Each assessment leaves a tiny rollup (module means and counts) in
 * the library index, so the portfolio view reads the index and never opens the engagement files.
 * The portfolio shows figures only: no engagement's key, name or other identifier leaves it.
 */
import type { AssessmentResults } from './assessment';
import { band, percentileRank, quantile, type Band } from './stats';

/** Module means and counts of one assessment: small enough to store one per engagement in the index. */
export interface AssessmentRollup {
  /** Shape version, for the index to detect old rollups. */
  v: 1;
  framework: { id: string; version: string };
  assessmentId: string;
  date: string;
  /** The modules in scope, in framework order; means as in the results (null when nothing scored). */
  modules: { moduleId: string; meanCurrent: number | null; meanTarget: number | null; scored: number; notApplicable: number; total: number }[];
  overall: { meanCurrent: number | null; meanTarget: number | null; scored: number; notApplicable: number; total: number };
}

/** The rollup of an assessment's results. */
export function assessmentRollup(results: AssessmentResults): AssessmentRollup {
  const o = results.overall;
  return {
    v: 1,
    framework: { ...results.framework },
    assessmentId: results.assessment.id,
    date: results.assessment.date,
    modules: results.modules.map((m) => ({
      moduleId: m.moduleId,
      meanCurrent: m.meanCurrent,
      meanTarget: m.meanTarget,
      scored: m.scored,
      notApplicable: m.notApplicable,
      total: m.total,
    })),
    overall: { meanCurrent: o.meanCurrent, meanTarget: o.meanTarget, scored: o.scored, notApplicable: o.notApplicable, total: o.total },
  };
}

/** One engagement in the portfolio: the rollup of its latest assessment and what it is filtered by. */
export interface PortfolioEntry {
  /** Opaque; used only to recognise the own engagement, never output. */
  key: string;
  industry: string;
  region: string;
  rollup: AssessmentRollup;
}

export interface PortfolioFilters {
  industry?: string;
  region?: string;
  /** Only engagements assessed against this framework id (module ids mean the same only within one framework). */
  frameworkId?: string;
}

export interface PortfolioModule {
  moduleId: string;
  /** Peers with a mean current level for this module. */
  n: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** The own engagement's mean and where it sits among the peers; null without an own engagement or own mean. */
  own: { value: number; percentile: number | null; band: Band | null } | null;
}

export interface Portfolio {
  /** Peers matching the filters (the own engagement is never a peer). */
  engagements: number;
  /** Module ids in numeric order (M1, M2, … M10). */
  modules: PortfolioModule[];
}

const moduleNumber = (id: string) => {
  const m = /^M(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
};

/**
 * Per module, the distribution of the peers' mean current levels and where the own engagement sits.
 * - Peers: the entries matching every filter given (industry and region compared exactly), except the
 *   own engagement, which is compared with them but never counted among them.
 * - n excludes peers with no mean for that module (out of scope, or nothing scored).
 * - Quartiles by linear interpolation between closest ranks, as Excel's QUARTILE.INC (`quantile`).
 * - Own percentile: share of peers with a lower mean, equal means counting half, × 100; band from it:
 *   below 25 "bottom quartile", below 50 "second quartile", below 75 "third quartile", else "top quartile".
 *   Both are null when no peer has a mean for the module.
 * The output holds only figures and counts: no key, name or other identifier of any engagement.
 */
export function portfolio(entries: readonly PortfolioEntry[], filters: PortfolioFilters = {}, ownKey?: string | null): Portfolio {
  const own = ownKey == null ? undefined : entries.find((e) => e.key === ownKey);
  const peers = entries.filter(
    (e) =>
      e.key !== ownKey &&
      (filters.industry === undefined || e.industry === filters.industry) &&
      (filters.region === undefined || e.region === filters.region) &&
      (filters.frameworkId === undefined || e.rollup.framework.id === filters.frameworkId),
  );
  const ids = [...new Set(entries.flatMap((e) => e.rollup.modules.map((m) => m.moduleId)))].sort(
    (a, b) => moduleNumber(a) - moduleNumber(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const meanOf = (e: PortfolioEntry, id: string) => e.rollup.modules.find((m) => m.moduleId === id)?.meanCurrent ?? null;
  return {
    engagements: peers.length,
    modules: ids.map((moduleId): PortfolioModule => {
      const values = peers.map((e) => meanOf(e, moduleId)).filter((v): v is number => v !== null);
      const ownValue = own ? meanOf(own, moduleId) : null;
      const percentile = ownValue === null ? null : percentileRank(ownValue, values);
      return {
        moduleId,
        n: values.length,
        min: quantile(values, 0),
        q1: quantile(values, 0.25),
        median: quantile(values, 0.5),
        q3: quantile(values, 0.75),
        max: quantile(values, 1),
        own: ownValue === null ? null : { value: ownValue, percentile, band: percentile === null ? null : band(percentile) },
      };
    }),
  };
}
