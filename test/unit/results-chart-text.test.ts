// @vitest-environment jsdom
/** How the results charts write their numbers and colour their cells: the text a chart, its description and its table share. */
import { describe, expect, it } from 'vitest';
import { HEAT_SCALES, type GapRankEntry } from '../../shared/results';
import { defaultFramework } from '../../shared/framework';
import { fileSlug, fmtChange, fmtLevel, fmtNumber, fmtOrdinal, fmtPercent, shortModuleName } from '../../renderer/src/charts/format';
import { gapTerms } from '../../renderer/src/charts/GapBars';
import { intensity } from '../../renderer/src/charts/HeatMap';

describe('numbers on the results screens', () => {
  it('writes means with one decimal and a dash (never 0) when there is none', () => {
    expect([fmtLevel(2.25), fmtLevel(3), fmtLevel(null), fmtLevel(undefined, 'no scores')]).toEqual(['2.3', '3.0', '–', 'no scores']);
    expect([fmtChange(0.5), fmtChange(-1), fmtChange(0)]).toEqual(['+0.5', '−1.0', '0.0']);
    expect([fmtNumber(4.800000000000001), fmtNumber(10), fmtNumber(2.25)]).toEqual(['4.8', '10', '2.25']);
    expect([fmtPercent(1 / 3), fmtPercent(null)]).toEqual(['33%', '–']);
  });

  it('writes percentile ranks as ordinals, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 50, 101, 111, 112].map(fmtOrdinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '50th', '101st', '111th', '112th',
    ]);
    expect(fmtOrdinal(67.6)).toBe('68th');
  });

  it('labels modules with the first phrase of their name', () => {
    expect(defaultFramework.modules.map((m) => shortModuleName(m.name))).toEqual([
      'Strategic Alignment',
      'Scalable Data Ingestion',
      'Data Quality Assurance',
      'Enterprise Data Modeling',
      'Data Governance',
      'Performance Optimization',
      'Metadata Management',
      'Operational Resilience',
      'Change Management',
    ]);
  });

  it('names saved files from the client, the assessment and the chart', () => {
    expect(fileSlug('Société Générale', '2026 Q4', 'radar')).toBe('societe-generale-2026-q4-radar');
    expect(fileSlug('', '')).toBe('chart');
  });

  it('spells out a ranking score as the product of its terms', () => {
    const entry: GapRankEntry = {
      capabilityId: 'M2.1',
      moduleId: 'M2',
      name: 'Kafka partitioning and replication',
      score: 3 * 3 * 0.8,
      gap: 3,
      priority: 3,
      priorityDefaulted: true,
      confidence: null,
      confidenceFactor: 0.8,
      weight: 1,
    };
    expect(gapTerms(entry)).toBe('7.2 = gap 3 × priority 3 (not set) × confidence 0.8 (not set) × weight 1');
  });
});

describe('heat map colour strength', () => {
  it('runs from the low to the high end of a sequential scale, clamped', () => {
    // Current level 1-5: 1 → 0, 3 → 0.5, 5 → 1. Evidence 0-3: 6 items is as strong as 3.
    expect([1, 3, 5].map((v) => intensity(v, HEAT_SCALES.current).t)).toEqual([0, 0.5, 1]);
    expect(intensity(6, HEAT_SCALES.evidence)).toEqual({ t: 1, side: 'high' });
    expect(intensity(null, HEAT_SCALES.current)).toEqual({ t: 0, side: 'none' });
  });

  it('goes either way from zero on the gap scale, with no colour at zero', () => {
    // Gap -4..4 around 0: +2 is half strength on the "still to close" side, -1 a quarter on the other.
    expect(intensity(2, HEAT_SCALES.gap)).toEqual({ t: 0.5, side: 'high' });
    expect(intensity(-1, HEAT_SCALES.gap)).toEqual({ t: 0.25, side: 'low' });
    expect(intensity(0, HEAT_SCALES.gap)).toEqual({ t: 0, side: 'none' });
  });
});
