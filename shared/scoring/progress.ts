/** Progress, gaps and freshness of an assessment: what the navigator and filters show. */

export interface RatingLike {
  currentLevel: number | null;
  targetLevel: number | null;
  notApplicable: boolean;
  priority?: number | null;
}

/** Scored means an agreed current level, or explicitly not applicable. */
export function isScored(r: RatingLike | undefined): boolean {
  return !!r && (r.notApplicable || r.currentLevel !== null);
}

export function gap(r: RatingLike | undefined): number | null {
  if (!r || r.notApplicable || r.currentLevel === null || r.targetLevel === null) return null;
  return r.targetLevel - r.currentLevel;
}

export interface Progress {
  scored: number;
  inScope: number;
}

export function progress(capabilityIds: readonly string[], ratings: Readonly<Record<string, RatingLike>>): Progress {
  return { scored: capabilityIds.filter((id) => isScored(ratings[id])).length, inScope: capabilityIds.length };
}

/** Mean agreed current level over scored, applicable capabilities (null when none). */
export function averageLevel(capabilityIds: readonly string[], ratings: Readonly<Record<string, RatingLike>>): number | null {
  const levels = capabilityIds
    .map((id) => ratings[id])
    .filter((r): r is RatingLike => !!r && !r.notApplicable && r.currentLevel !== null)
    .map((r) => r.currentLevel!);
  return levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null;
}

/** Evidence is stale once its valid-until date has passed (valid on the date itself). */
export function isStale(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}

/** A capability rests only on stale evidence when it has linked evidence and all of it is stale. */
export function restsOnStaleEvidence(linked: readonly { stale: boolean }[]): boolean {
  return linked.length > 0 && linked.every((e) => e.stale);
}
