/**
 * Means over a set of capabilities, the one rule every screen, chart and export uses:
 * not-applicable and unscored capabilities are excluded from every mean and counted instead, never
 * treated as zero; a mean with nothing to average is null. Means are plain (unweighted), like the
 * navigator's average; a framework weight affects only the gap ranking.
 */
import { averageLevel, gap, type RatingLike } from '../scoring/progress';
import { mean } from './stats';

export interface LevelMeans {
  /** Mean agreed current level over scored, applicable capabilities. */
  meanCurrent: number | null;
  /** Mean target level over scored, applicable capabilities that have a target. */
  meanTarget: number | null;
  /**
   * Mean over capabilities having both a current and a target level of (target - current). This is
   * not meanTarget - meanCurrent: a capability scored without a target counts in meanCurrent only.
   */
  meanGap: number | null;
  /** Applicable capabilities with an agreed current level. */
  scored: number;
  notApplicable: number;
  /** Neither scored nor not applicable (no rating, or a rating without a current level). */
  unscored: number;
  total: number;
}

/** A rating that counts in means: applicable, with an agreed current level. */
export function hasLevel(r: RatingLike | undefined): r is RatingLike & { currentLevel: number } {
  return !!r && !r.notApplicable && r.currentLevel !== null;
}

export function levelMeans(capabilityIds: readonly string[], ratings: Readonly<Record<string, RatingLike>>): LevelMeans {
  const rated = capabilityIds.map((id) => ratings[id]);
  const scored = rated.filter(hasLevel);
  const notApplicable = rated.filter((r) => !!r && r.notApplicable).length;
  return {
    meanCurrent: averageLevel(capabilityIds, ratings),
    meanTarget: mean(scored.map((r) => r.targetLevel).filter((t): t is number => t !== null)),
    meanGap: mean(scored.map((r) => gap(r)).filter((g): g is number => g !== null)),
    scored: scored.length,
    notApplicable,
    unscored: capabilityIds.length - scored.length - notApplicable,
    total: capabilityIds.length,
  };
}
