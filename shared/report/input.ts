/**
 * What the deck and the workbook are built from: the results input of the assessment (so every number
 * comes from the results model, as on the screens), the other assessments for the trend, and the
 * words around the numbers (rationale, evidence, actions, people, branding). The engine reads it from
 * the engagement file; tests write it by hand.
 */
import type { ActionItem, BusinessUnit, EvidenceKind, Participant, ScenarioOutputs, ScheduleSummary, Sensitivity } from '../domain';
import type { Framework } from '../framework/schema';
import type { Initiative, RateCard, Scenario } from '../roadmap/types';
import { assessmentResults, heatMap, radarSeries, trend, type AssessmentResults, type HeatMap, type Radar, type RatedAssessment, type ResultsInput, type Trend } from '../results';
import type { Branding } from './branding';

export interface ReportEvidence {
  id: string;
  title: string;
  kind: EvidenceKind;
  source: string;
  collectedOn: string | null;
  validUntil: string | null;
  sensitivity: Sensitivity;
  url: string | null;
  attachmentName: string | null;
  /** Capabilities of this assessment the item is linked to, in framework order. */
  capabilityIds: string[];
}

export interface ReportVote {
  capabilityId: string;
  participantId: string;
  currentLevel: number;
  targetLevel: number | null;
  updatedAt: string;
}

/**
 * A roadmap scenario as the exports show it: its settings, and the outputs the planning core computed
 * from its stored schedule (optimal mode) or its manual starts, the very outputs of `scenario.outputs`.
 */
export interface ReportScenario {
  id: string;
  name: string;
  mode: Scenario['mode'];
  /** The assessment the scenario plans from. */
  baseline: { id: string; label: string };
  budget: Scenario['budget'];
  capacity: Scenario['capacity'];
  /** The stored schedule (optimal mode); `stale` when inputs changed after it was solved. */
  schedule: Pick<ScheduleSummary, 'status' | 'gap' | 'solvedAt' | 'stale'> | null;
  outputs: ScenarioOutputs;
  /** Every initiative of the engagement, in the order they were added (planned or not). */
  initiatives: Initiative[];
  rateCard: RateCard;
}

export interface ReportInput {
  engagement: { id: string; client: string; industry: string; region: string; currency: string; fyStartMonth: number };
  assessment: { id: string; label: string; date: string; frameworkId: string; frameworkVersion: string; scope: string[] };
  /** The framework the assessment pinned, with its texts (descriptors for module slides and surveys). */
  framework: Framework;
  /** The results input of this assessment: the one source of every figure. */
  results: ResultsInput;
  /** Every assessment of the engagement with its ratings, for the trend (this one included). */
  history: RatedAssessment[];
  /** Rationale and owner of each rated capability. */
  notes: Readonly<Record<string, { rationale: string; owner: string }>>;
  votes: ReportVote[];
  participants: Participant[];
  businessUnits: BusinessUnit[];
  actions: ActionItem[];
  /** Evidence linked to a capability of this assessment. */
  evidence: ReportEvidence[];
  branding: Branding;
  /** The engine's today (YYYY-MM-DD): staleness and the workbook's cached TODAY() results. */
  today: string;
  /** The roadmap scenario the roadmap sections and sheets show; none without one. */
  scenario?: ReportScenario | null;
  /** The scenarios compared side by side, `scenario` first (two to four); empty without a comparison. */
  compare?: ReportScenario[];
}

/** The figures both exports draw, computed once from the results model. */
export interface ReportFigures {
  results: AssessmentResults;
  radar: Radar;
  heat: HeatMap;
  trend: Trend;
}

export function reportFigures(input: ReportInput): ReportFigures {
  const results = assessmentResults(input.results);
  return { results, radar: radarSeries(results), heat: heatMap(results, 'current'), trend: trend(input.framework, input.history) };
}
