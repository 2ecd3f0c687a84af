/**
 * The gap ranking: which capabilities to close first. The rule is written once here, as code
 * (`gapScore`) and as text (`GAP_FORMULA`, `GAP_RULE`), so the screen shows the rule that ranked.
 */
import type { Confidence } from '../domain';

/** The ranking formula as a person reads it. */
export const GAP_FORMULA = 'gap × priority × confidence factor × weight';

/** How much a gap counts for by the confidence of its score: a score the room is unsure of ranks lower. */
export const CONFIDENCE_FACTORS: Readonly<Record<Confidence, number>> = { high: 1.0, medium: 0.8, low: 0.6 };
/** The factor when no confidence is set: as medium. */
export const CONFIDENCE_FACTOR_NOT_SET = 0.8;
/** The business priority (1-5) a capability counts with when none is set: the middle of the scale. */
export const DEFAULT_PRIORITY = 3;
/** The capability weight when the framework gives none (version 1.0, or a 1.1 capability without one). */
export const DEFAULT_WEIGHT = 1;

/** Everything the screen needs to state the rule next to the ranking. */
export const GAP_RULE = {
  formula: GAP_FORMULA,
  gap: 'target level − current level; only capabilities with a positive gap are ranked (not applicable and unscored ones never are)',
  confidenceFactors: { ...CONFIDENCE_FACTORS, notSet: CONFIDENCE_FACTOR_NOT_SET },
  defaultPriority: DEFAULT_PRIORITY,
  defaultWeight: DEFAULT_WEIGHT,
  order: 'highest score first; equal scores by the larger gap, then in framework order',
  text:
    `Score = ${GAP_FORMULA}. Confidence factor: high ${CONFIDENCE_FACTORS.high}, medium ${CONFIDENCE_FACTORS.medium}, ` +
    `low ${CONFIDENCE_FACTORS.low}, not set ${CONFIDENCE_FACTOR_NOT_SET}. Priority ${DEFAULT_PRIORITY} when not set; ` +
    `weight ${DEFAULT_WEIGHT} unless the framework sets one. Only positive gaps are ranked; ties go to the larger gap, then framework order.`,
} as const;

export function confidenceFactor(confidence: Confidence | null | undefined): number {
  return confidence ? CONFIDENCE_FACTORS[confidence] : CONFIDENCE_FACTOR_NOT_SET;
}

export interface GapScore {
  score: number;
  gap: number;
  /** The priority the score used (the default when none was set). */
  priority: number;
  priorityDefaulted: boolean;
  confidence: Confidence | null;
  confidenceFactor: number;
  weight: number;
}

/** Score = gap × priority × confidence factor × weight, with the defaults above for what is not set. */
export function gapScore(gap: number, priority: number | null | undefined, confidence: Confidence | null | undefined, weight?: number): GapScore {
  const p = priority ?? DEFAULT_PRIORITY;
  const f = confidenceFactor(confidence);
  const w = weight ?? DEFAULT_WEIGHT;
  return { score: gap * p * f * w, gap, priority: p, priorityDefaulted: priority == null, confidence: confidence ?? null, confidenceFactor: f, weight: w };
}

/** Scores closer than this are equal (products such as 3 × 0.8 carry float noise). */
const SCORE_EPSILON = 1e-9;

/**
 * Orders ranked entries: higher score first; equal scores by the larger gap, then by the order they
 * are given in (framework order).
 */
export function byGapRank<T extends { score: number; gap: number }>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      if (Math.abs(a.e.score - b.e.score) > SCORE_EPSILON) return b.e.score - a.e.score;
      if (a.e.gap !== b.e.gap) return b.e.gap - a.e.gap;
      return a.i - b.i;
    })
    .map((x) => x.e);
}
