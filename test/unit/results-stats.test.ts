/** The small statistics behind the results: means, population SD, QUARTILE.INC quantiles, percentile ranks and bands. */
import { describe, expect, it } from 'vitest';
import { band, mean, percentileRank, populationSd, quantile } from '../../shared/results';

describe('mean and population standard deviation', () => {
  it('has no mean for nothing, never 0', () => {
    expect(mean([])).toBeNull();
    expect(mean([2, 3, 4])).toBe((2 + 3 + 4) / 3);
  });

  it('divides by n (the room is the population, not a sample)', () => {
    // Mean of 2,4,4,4,5,5,7,9 is 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/8 = 4.
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(Math.sqrt(32 / 8));
    expect(populationSd([3])).toBe(0);
    expect(populationSd([])).toBeNull();
  });
});

describe('quantiles by linear interpolation between closest ranks (QUARTILE.INC)', () => {
  it.each([
    // 1..5: positions (5-1)p = 0, 1, 2, 3, 4 fall on values.
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5], 0.75, 4],
    [[1, 2, 3, 4, 5], 1, 5],
    // Even-sized 1..4: positions 0.75, 1.5, 2.25 lie between values.
    [[4, 1, 3, 2], 0.25, 1 + 0.75 * (2 - 1)],
    [[4, 1, 3, 2], 0.5, 2 + 0.5 * (3 - 2)],
    [[4, 1, 3, 2], 0.75, 3 + 0.25 * (4 - 3)],
    // 1.5, 2, 3.5, 4.5: q1 at position 0.75 → 1.5 + 0.75 × (2 − 1.5).
    [[3.5, 1.5, 4.5, 2], 0.25, 1.5 + 0.75 * (2 - 1.5)],
    [[7], 0.25, 7],
  ])('quantile(%j, %s) = %s', (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it('has no quantile of nothing', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('percentile rank and band', () => {
  it('counts lower peers, equal ones as half', () => {
    // 3 among 1,2,3,4: two below, one equal → (2 + 1/2) / 4.
    expect(percentileRank(3, [1, 2, 3, 4])).toBe((100 * (2 + 1 / 2)) / 4);
    expect(percentileRank(0, [1, 2])).toBe(0);
    expect(percentileRank(9, [1, 2])).toBe(100);
    expect(percentileRank(3, [])).toBeNull();
  });

  it.each([
    [0, 'bottom quartile'],
    [24.9, 'bottom quartile'],
    [25, 'second quartile'],
    [49.9, 'second quartile'],
    [50, 'third quartile'],
    [74.9, 'third quartile'],
    [75, 'top quartile'],
    [100, 'top quartile'],
  ])('percentile %s is the %s', (p, expected) => {
    expect(band(p)).toBe(expected);
  });
});
