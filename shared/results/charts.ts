/** Chart data drawn from the results: the radar of module means and the capability heat map. */
import type { AssessmentResults, CapabilityResult } from './assessment';

export interface RadarAxis {
  moduleId: string;
  name: string;
  /** In the scope of the assessment (an axis out of scope has no current or target). */
  inScope: boolean;
}

export interface RadarSeries {
  key: 'current' | 'target' | 'previous';
  /** E.g. "Current (Q2 2025)". */
  label: string;
  assessmentId: string;
  /** One per axis, in axis order; null where the module has no data (never 0). */
  values: (number | null)[];
}

export interface Radar {
  /** Every module of the framework, in framework order. */
  axes: RadarAxis[];
  /** The value range of the radius: the maturity levels. */
  domain: [number, number];
  /** Current and target of the assessment, then the previous assessment's current when there is one. */
  series: RadarSeries[];
}

/**
 * The radar: per module (all of the framework's, in order), the mean current and target level of the
 * assessment and the previous assessment's mean current. The previous series comes from
 * `previousResults` when given, else from the previous assessment the results were computed with;
 * without either there is no previous series. Means follow `levelMeans`: null, never 0, where a
 * module has nothing scored or is out of scope.
 */
export function radarSeries(results: AssessmentResults, previousResults?: AssessmentResults | null): Radar {
  const axes = results.frameworkModules.map((m) => ({ ...m }));
  const own = new Map(results.modules.map((m) => [m.moduleId, m]));
  const series: RadarSeries[] = [
    { key: 'current', label: `Current (${results.assessment.label})`, assessmentId: results.assessment.id, values: axes.map((a) => own.get(a.moduleId)?.meanCurrent ?? null) },
    { key: 'target', label: `Target (${results.assessment.label})`, assessmentId: results.assessment.id, values: axes.map((a) => own.get(a.moduleId)?.meanTarget ?? null) },
  ];
  if (previousResults) {
    const prev = new Map(previousResults.modules.map((m) => [m.moduleId, m.meanCurrent]));
    series.push({
      key: 'previous',
      label: `Previous (${previousResults.assessment.label})`,
      assessmentId: previousResults.assessment.id,
      values: axes.map((a) => prev.get(a.moduleId) ?? null),
    });
  } else if (results.previous) {
    const prev = new Map(results.previous.modules.map((m) => [m.moduleId, m.meanCurrent]));
    series.push({
      key: 'previous',
      label: `Previous (${results.previous.label})`,
      assessmentId: results.previous.id,
      values: axes.map((a) => prev.get(a.moduleId) ?? null),
    });
  }
  return { axes, domain: [1, 5], series };
}

export const heatMetrics = ['current', 'gap', 'confidence', 'evidence'] as const;
export type HeatMetric = (typeof heatMetrics)[number];

export interface HeatScale {
  /** The values the colour scale spans; values outside it take the end colour. */
  domain: [number, number];
  /** Sequential: low to high. Diverging: away from `midpoint` either way. */
  kind: 'sequential' | 'diverging';
  midpoint: number | null;
  /** What the colour means, for the legend. */
  legend: string;
}

/**
 * The colour scale of each metric, fixed so that heat maps of different assessments compare:
 * current level 1-5; gap (target - current) -4 to 4 around 0; confidence low 1, medium 2, high 3;
 * evidence items 0-3, three or more in full colour.
 */
export const HEAT_SCALES: Readonly<Record<HeatMetric, HeatScale>> = {
  current: { domain: [1, 5], kind: 'sequential', midpoint: null, legend: 'Agreed current level, 1 to 5' },
  gap: { domain: [-4, 4], kind: 'diverging', midpoint: 0, legend: 'Gap: target minus current level; above 0 is still to close' },
  confidence: { domain: [1, 3], kind: 'sequential', midpoint: null, legend: 'Confidence of the score: low (1), medium (2), high (3)' },
  evidence: { domain: [0, 3], kind: 'sequential', midpoint: null, legend: 'Evidence items linked; 3 or more in full colour' },
};

/** Confidence as a number on the heat scale. */
export const CONFIDENCE_VALUES = { low: 1, medium: 2, high: 3 } as const;

export type HeatCellState = 'scored' | 'unscored' | 'notApplicable';

export interface HeatCell {
  capabilityId: string;
  /** Null where there is nothing to colour (not applicable, unscored, no target, no confidence). */
  value: number | null;
  /** What the cell reads: "3", "+2", "medium", "2 (1 stale)", "N/A", "–". */
  label: string;
  state: HeatCellState;
}

export interface HeatMap {
  metric: HeatMetric;
  scale: HeatScale;
  rows: { moduleId: string; name: string; cells: HeatCell[] }[];
}

const NONE = '–';

function cell(c: CapabilityResult, metric: HeatMetric): HeatCell {
  const state: HeatCellState = c.notApplicable ? 'notApplicable' : c.scored ? 'scored' : 'unscored';
  const base = { capabilityId: c.capabilityId, state };
  if (metric === 'evidence') {
    const label = c.staleEvidenceCount ? `${c.evidenceCount} (${c.staleEvidenceCount} stale)` : String(c.evidenceCount);
    return { ...base, value: c.evidenceCount, label };
  }
  if (c.notApplicable) return { ...base, value: null, label: 'N/A' };
  switch (metric) {
    case 'current':
      return { ...base, value: c.current, label: c.current === null ? NONE : String(c.current) };
    case 'gap':
      return { ...base, value: c.gap, label: c.gap === null ? NONE : c.gap > 0 ? `+${c.gap}` : String(c.gap) };
    case 'confidence':
      return { ...base, value: c.confidence ? CONFIDENCE_VALUES[c.confidence] : null, label: c.confidence ?? NONE };
  }
}

/**
 * Modules (rows, in scope, framework order) by capabilities (cells, framework order) for one metric.
 * Not-applicable cells read "N/A" and unscored ones "–", with no value (except evidence, which is
 * counted whatever the score).
 */
export function heatMap(results: AssessmentResults, metric: HeatMetric): HeatMap {
  return {
    metric,
    scale: HEAT_SCALES[metric],
    rows: results.modules.map((m) => ({
      moduleId: m.moduleId,
      name: m.name,
      cells: results.capabilities.filter((c) => c.moduleId === m.moduleId).map((c) => cell(c, metric)),
    })),
  };
}
