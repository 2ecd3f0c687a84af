/**
 * What a change to the roadmap is checked against before it is written: the planning input of every
 * scenario (its baseline, the rate card, the engagement's business units), with the change applied.
 * Without any scenario yet, initiatives are checked against the newest assessment's agreed levels.
 */
import type { Initiative, RoadmapInput, Scenario } from '../../../shared/roadmap/types';
import type { FieldIssue } from '../../../shared/roadmap/validate';
import type { ReadHandle } from '../db/handle';
import { baselineOf, engagementFacts, newestAssessment, planningInput, readInitiatives, readRateCard, toScenario, type ScenarioRow } from './model';
import { refuseNewIssues, under } from './write';

/** Stands in for a scenario while there is none: only the baseline matters, so no horizon is checked. */
function placeholder(db: ReadHandle): { input: Omit<RoadmapInput, 'initiatives' | 'rateCard'>; drop: (i: FieldIssue) => boolean } {
  const newest = newestAssessment(db);
  const scenario: Scenario = {
    id: 'none',
    name: 'none',
    startQuarter: '2000-Q1',
    horizon: 12,
    budget: null,
    capacity: [],
    forced: [],
    excluded: [],
    moduleWeights: {},
    baselineAssessmentId: newest?.id ?? '',
    mode: 'optimal',
    manualStarts: {},
  };
  return { input: { baseline: baselineOf(db, newest), scenario, ...engagementFacts(db) }, drop: (i) => i.path.endsWith('.earliestStart') };
}

function scenarios(db: ReadHandle): Scenario[] {
  return db.all<ScenarioRow>('SELECT * FROM scenario ORDER BY position, created_at').map((r) => toScenario(db, r));
}

/** Refuses an initiative change (the list before and after it; `index` is the changed one's position) that brings new problems. */
export function checkInitiatives(db: ReadHandle, before: Initiative[], after: Initiative[], index: number): void {
  const rateCard = readRateCard(db);
  const relative = (issue: FieldIssue) => (issue.message.startsWith('Dependency cycle') ? 'dependsOn' : under(`initiatives.${index}`)(issue));
  const all = scenarios(db);
  if (!all.length) {
    const { input, drop } = placeholder(db);
    refuseNewIssues([{ before: { ...input, rateCard, initiatives: before }, after: { ...input, rateCard, initiatives: after } }], relative, drop);
    return;
  }
  refuseNewIssues(
    all.map((s) => {
      const input = planningInput(db, s, { rateCard, initiatives: after });
      return { before: { ...input, initiatives: before }, after: input };
    }),
    relative,
  );
}

/** Refuses a scenario (as it was, null when new) whose planning input would have new problems. */
export function checkScenario(db: ReadHandle, before: Scenario | null, after: Scenario): void {
  const initiatives = readInitiatives(db);
  const rateCard = readRateCard(db);
  const input = planningInput(db, after, { initiatives, rateCard });
  let old: RoadmapInput | null = null;
  if (before) {
    try {
      old = planningInput(db, before, { initiatives, rateCard });
    } catch {
      old = null;
    }
  }
  refuseNewIssues([{ before: old, after: input }], under('scenario'));
}
