/**
 * The rules of an agreed rating, in one place: the engine applies them when it stores a change and the
 * workspace applies the very same function to show the change before the engine answers.
 */
import type { Confidence, Rating } from '../domain';

export interface RatingPatch {
  currentLevel?: number | null;
  targetLevel?: number | null;
  notApplicable?: boolean;
  confidence?: Confidence | null;
  priority?: number | null;
  rationale?: string;
  owner?: string;
  /** Confirms a carried-over score without changing it. */
  confirm?: true;
}

export function blankRating(capabilityId: string): Rating {
  return {
    capabilityId,
    currentLevel: null,
    targetLevel: null,
    notApplicable: false,
    confidence: null,
    priority: null,
    rationale: '',
    owner: '',
    carriedOver: false,
    updatedAt: '',
  };
}

/**
 * The rating once `patch` is applied:
 * - not applicable clears both levels, and is dropped by any level set afterwards (in the same patch too);
 * - setting a level, N/A or confirming ends "carried over, not yet confirmed";
 * - fields the patch leaves out keep their value.
 */
export function applyRatingPatch(rating: Rating, patch: RatingPatch, updatedAt: string = rating.updatedAt): Rating {
  const next: Rating = { ...rating, updatedAt };
  if (patch.notApplicable !== undefined) {
    next.notApplicable = patch.notApplicable;
    if (patch.notApplicable) {
      next.currentLevel = null;
      next.targetLevel = null;
    }
  }
  if (patch.currentLevel !== undefined) {
    next.currentLevel = patch.currentLevel;
    if (patch.currentLevel !== null) next.notApplicable = false;
  }
  if (patch.targetLevel !== undefined) {
    next.targetLevel = patch.targetLevel;
    if (patch.targetLevel !== null) next.notApplicable = false;
  }
  if (patch.confidence !== undefined) next.confidence = patch.confidence;
  if (patch.priority !== undefined) next.priority = patch.priority;
  if (patch.rationale !== undefined) next.rationale = patch.rationale;
  if (patch.owner !== undefined) next.owner = patch.owner;
  const rescored = patch.currentLevel !== undefined || patch.targetLevel !== undefined || patch.notApplicable !== undefined;
  if (patch.confirm || rescored) next.carriedOver = false;
  return next;
}

/** What changed between two ratings, for the history: "M2.1: score 3, target 4". */
export function describeRatingChange(capabilityId: string, before: Rating | null, after: Rating): string {
  const parts: string[] = [];
  if (before?.notApplicable !== after.notApplicable && after.notApplicable) parts.push('not applicable');
  if ((before?.currentLevel ?? null) !== after.currentLevel) parts.push(after.currentLevel === null ? 'score cleared' : `score ${after.currentLevel}`);
  if ((before?.targetLevel ?? null) !== after.targetLevel) parts.push(after.targetLevel === null ? 'target cleared' : `target ${after.targetLevel}`);
  if ((before?.confidence ?? null) !== after.confidence) parts.push(`confidence ${after.confidence ?? 'cleared'}`);
  if ((before?.priority ?? null) !== after.priority) parts.push(`priority ${after.priority ?? 'cleared'}`);
  if ((before?.rationale ?? '') !== after.rationale) parts.push('rationale');
  if ((before?.owner ?? '') !== after.owner) parts.push('owner');
  if (before?.carriedOver && !after.carriedOver && parts.length === 0) parts.push('confirmed');
  return `${capabilityId}: ${parts.join(', ') || 'no change'}`;
}
