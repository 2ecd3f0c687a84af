/** Small statistics the results model states its figures with. Pure; no rounding (screens format). */

/** Arithmetic mean, or null when there is nothing to average (never 0). */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/**
 * Population standard deviation (divides by n, not n - 1): the votes are everyone in the room, not a
 * sample of a larger group. Null without values; 0 for a single value.
 */
export function populationSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length);
}

/** How quantiles are computed, in words, for the screen and the workbook notes. */
export const QUANTILE_METHOD =
  'Linear interpolation between closest ranks (as Excel QUARTILE.INC / PERCENTILE.INC): sort the n values, ' +
  'take position (n - 1) × p counted from 0, and interpolate between the values either side of it.';

/**
 * The p-quantile (0 <= p <= 1) by linear interpolation between closest ranks, as Excel's
 * QUARTILE.INC: position h = (n - 1) × p in the sorted values (from 0), value x[⌊h⌋] + (h - ⌊h⌋) ×
 * (x[⌊h⌋ + 1] - x[⌊h⌋]). Null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** How the percentile of one value among others is defined, in words. */
export const PERCENTILE_DEFINITION =
  'Percentile rank among the peers: the share of peers with a lower value, counting peers with an equal value as half, × 100.';

/** Percentile rank of `value` among `others`: 100 × (below + equal / 2) / n. Null when there are no others. */
export function percentileRank(value: number, others: readonly number[]): number | null {
  if (others.length === 0) return null;
  const below = others.filter((o) => o < value).length;
  const equal = others.filter((o) => o === value).length;
  return (100 * (below + equal / 2)) / others.length;
}

export const bands = ['bottom quartile', 'second quartile', 'third quartile', 'top quartile'] as const;
export type Band = (typeof bands)[number];

/** The band of a percentile rank: below 25 bottom, 25 to below 50 second, 50 to below 75 third, 75 and above top. */
export function band(percentile: number): Band {
  if (percentile < 25) return 'bottom quartile';
  if (percentile < 50) return 'second quartile';
  if (percentile < 75) return 'third quartile';
  return 'top quartile';
}

/** "1 score is" / "3 scores are": counts in person-readable lines. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
