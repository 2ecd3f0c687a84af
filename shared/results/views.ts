/**
 * What the results commands return: the model's output plus what the screens state beside it (the
 * ranking rule, the radar's series, the statistics' definitions), so the screens only draw.
 */
import type { ActionItem } from '../domain';
import type { AssessmentResults } from './assessment';
import { radarSeries, type Radar } from './charts';
import type { Portfolio } from './portfolio';
import { GAP_RULE } from './ranking';
import { PERCENTILE_DEFINITION, QUANTILE_METHOD } from './stats';
import type { Movers, Trend } from './trend';

/** The gap ranking rule as the screen shows it next to the ranking. */
export interface GapRuleText {
  /** E.g. "gap × priority × confidence factor × weight". */
  formula: string;
  /** The whole rule in one paragraph: factors, defaults, ties. */
  text: string;
}

export interface AssessmentResultsView extends AssessmentResults {
  /** Current, target and previous module means, one value per framework module (null, never 0, where there is none). */
  radar: Radar;
  gapRule: GapRuleText;
  /** The engine's calendar date (YYYY-MM-DD) against which evidence staleness was judged. */
  today: string;
  /** The action items `actions` groups by id, in the order they were added, so the screen can list them. */
  actionItems: ActionItem[];
}

/** The results of one assessment with everything its screen states beside the numbers. */
export function assessmentResultsView(results: AssessmentResults, today: string, actionItems: readonly ActionItem[] = []): AssessmentResultsView {
  return { ...results, radar: radarSeries(results), gapRule: { formula: GAP_RULE.formula, text: GAP_RULE.text }, today, actionItems: [...actionItems] };
}

export interface TrendView extends Trend {
  /** The framework the trend's modules come from (the latest assessment's). */
  framework: { id: string; version: string };
  /** Capabilities that moved between the two chosen assessments (by default the last two); null with fewer than two. */
  movers: Movers | null;
  /** Assessments left out because they were scored against another framework, whose modules do not compare. */
  excluded: { id: string; label: string; date: string; frameworkId: string }[];
}

export interface PortfolioView extends Portfolio {
  /** Only engagements assessed against this framework are compared. */
  frameworkId: string;
  /** The filters applied (null: all). */
  filters: { industry: string | null; region: string | null };
  /** The industries and regions there are to filter by (never an engagement's name). */
  options: { industries: string[]; regions: string[] };
  /** The engagement compared with the others, when one was given: its own details and its assessment's counts. */
  own: { industry: string; region: string; date: string | null; scored: number; total: number } | null;
  /** How the figures are computed, in words, for the screen. */
  method: { quantiles: string; percentile: string; latest: string };
}

/** Which of an engagement's assessments stands for it in the portfolio, in words. */
export const PORTFOLIO_LATEST_RULE =
  'Each engagement counts once, with its latest assessment that has at least one capability scored (by assessment date).';

export const PORTFOLIO_METHOD: PortfolioView['method'] = {
  quantiles: QUANTILE_METHOD,
  percentile: PERCENTILE_DEFINITION,
  latest: PORTFOLIO_LATEST_RULE,
};

/** Distinct non-empty values, trimmed, sorted ignoring case (capitals first between equals): the choices of a filter. */
export function filterOptions(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1));
}
