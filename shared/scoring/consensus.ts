/** Consensus from the votes of the people in the room. */

export interface VoteLike {
  participantId: string;
  currentLevel: number;
  targetLevel?: number | null;
}

export interface Consensus {
  count: number;
  /** Median of current-level votes (may be x.5 with an even count), or null without votes. */
  median: number | null;
  /** The level the median proposes: the median rounded half down (the conservative reading). */
  proposed: number | null;
  targetMedian: number | null;
  proposedTarget: number | null;
  min: number | null;
  max: number | null;
  /** max - min of current-level votes. */
  spread: number;
  /** A spread of two levels or more needs a discussion before a score is agreed. */
  disagreement: boolean;
  /** Participants whose vote is two or more levels from the median. */
  outliers: string[];
  /** How many votes each level got, index 0 = level 1. */
  histogram: [number, number, number, number, number];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const roundHalfDown = (x: number | null) => (x === null ? null : Math.ceil(x - 0.5));

/** The levels a median may be agreed as: itself when whole, the level below and the level above when between two. */
export function medianLevels(m: number | null): number[] {
  if (m === null) return [];
  return Number.isInteger(m) ? [m] : [Math.floor(m), Math.ceil(m)];
}

/**
 * The level to agree for a median: `choice` when it is one of the median's levels, the lower one when no choice
 * is made; undefined when the choice is not one of them (the caller says so).
 */
export function levelForMedian(m: number | null, choice?: number): number | null | undefined {
  const levels = medianLevels(m);
  if (levels.length === 0) return null;
  if (choice === undefined) return levels[0]!;
  return levels.includes(choice) ? choice : undefined;
}

export function consensus(votes: readonly VoteLike[]): Consensus {
  const levels = votes.map((v) => v.currentLevel);
  const targets = votes.map((v) => v.targetLevel).filter((t): t is number => typeof t === 'number');
  const m = median(levels);
  const tm = median(targets);
  const min = levels.length ? Math.min(...levels) : null;
  const max = levels.length ? Math.max(...levels) : null;
  const spread = min === null || max === null ? 0 : max - min;
  const histogram: Consensus['histogram'] = [0, 0, 0, 0, 0];
  for (const l of levels) histogram[l - 1]! += 1;
  return {
    count: votes.length,
    median: m,
    proposed: roundHalfDown(m),
    targetMedian: tm,
    proposedTarget: roundHalfDown(tm),
    min,
    max,
    spread,
    disagreement: spread >= 2,
    outliers: m === null ? [] : votes.filter((v) => Math.abs(v.currentLevel - m) >= 2).map((v) => v.participantId),
    histogram,
  };
}
