/**
 * What one assessment adds up to: module and overall means, per-capability figures, the gap ranking,
 * consensus, evidence coverage, actions and the person-readable list of what is missing. Screens,
 * the roadmap planner and the exports all draw from this one result, so a number is the same everywhere.
 *
 * Rules stated once:
 * - Only modules in the assessment's scope count, in framework order.
 * - A capability is scored when it is applicable and has an agreed current level; not applicable
 *   and unscored capabilities are excluded from every mean and counted instead (see `levelMeans`).
 * - Carried-over scores not yet confirmed are the best number available: they count in every mean
 *   and ranking like any score, and are counted as `unconfirmed` so the screen can say so.
 */
import type { ActionItem, ActionStatus, Confidence } from '../domain';
import { actionStatuses } from '../domain';
import { consensus } from '../scoring/consensus';
import { gap, progress } from '../scoring/progress';
import type { EvidenceCount, RatingInput, ResultsInput, ResultsVote } from './input';
import { hasLevel, levelMeans, type LevelMeans } from './means';
import { byGapRank, gapScore, type GapScore } from './ranking';
import { plural, populationSd } from './stats';

export interface ModuleResult extends LevelMeans {
  moduleId: string;
  name: string;
  /** Ratings that came from the previous assessment, confirmed or not. */
  carriedOver: number;
  /** Ratings copied from the previous assessment and not yet confirmed (scored or not applicable). */
  unconfirmed: number;
  /** Scored capabilities with at least one evidence item / scored capabilities; null when none is scored. */
  evidenceCoverage: number | null;
}

export interface VoteFigures {
  count: number;
  /** Median of the current-level votes (x.5 possible with an even count); null without votes. */
  median: number | null;
  /** The level the median proposes (rounded half down), as the workshop proposes it. */
  proposed: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation of the current-level votes (divides by n); null without votes. */
  sd: number | null;
  /** max - min of the current-level votes; 0 without votes. */
  spread: number;
  /** Spread of two levels or more. */
  disagreement: boolean;
  /** Participants whose vote is two or more levels from the median. */
  outliers: string[];
}

export interface CapabilityResult {
  capabilityId: string;
  moduleId: string;
  name: string;
  /** Agreed current level; null when unscored or not applicable. */
  current: number | null;
  /** Target level; null when not set or not applicable. */
  target: number | null;
  /** target - current when both are set and the capability applies. */
  gap: number | null;
  /** Business priority 1-5 as set (null when not set; the ranking then uses the default). */
  priority: number | null;
  confidence: Confidence | null;
  notApplicable: boolean;
  /** Applicable with an agreed current level. */
  scored: boolean;
  /** Copied from the previous assessment and not yet confirmed. */
  unconfirmed: boolean;
  /** Came from the previous assessment, confirmed or not. */
  fromPrevious: boolean;
  evidenceCount: number;
  staleEvidenceCount: number;
  votes: VoteFigures;
  /** Agreed current level minus the median of the votes, when both exist. */
  agreedVsMedian: number | null;
}

export interface GapRankEntry extends GapScore {
  capabilityId: string;
  moduleId: string;
  name: string;
}

export interface Disagreement {
  capabilityId: string;
  moduleId: string;
  name: string;
  count: number;
  min: number;
  max: number;
  spread: number;
  median: number;
  /** Agreed current level, or null while not agreed. */
  agreed: number | null;
  outliers: { participantId: string; name: string }[];
}

export interface AgreedAgainstMedian {
  capabilityId: string;
  moduleId: string;
  name: string;
  agreed: number;
  /** Median of the current-level votes. */
  median: number;
  /** The level the votes propose (the median rounded half down). */
  proposed: number;
  /** agreed - median. */
  difference: number;
}

export interface ConsensusResult {
  /** Capabilities where the room's current-level votes spread two levels or more. */
  disagreements: Disagreement[];
  /** Scored capabilities whose agreed level is not the level the votes propose. */
  agreedAgainstMedian: AgreedAgainstMedian[];
}

export interface ModuleEvidence {
  moduleId: string;
  name: string;
  scored: number;
  /** Scored capabilities with at least one evidence item. */
  withEvidence: number;
  /** withEvidence / scored; null when nothing is scored. */
  coverage: number | null;
  /** Stale evidence items linked to the module's capabilities (an item linked to two capabilities counts twice). */
  staleItems: number;
}

export interface EvidenceResult {
  modules: ModuleEvidence[];
  overall: Omit<ModuleEvidence, 'moduleId' | 'name'>;
  /** Scored capabilities without any evidence, in framework order. */
  unevidenced: { capabilityId: string; moduleId: string; name: string }[];
}

export interface OwnerActions {
  /** The owner as entered, or "Unassigned" when empty. */
  owner: string;
  total: number;
  /** Every status in fixed order (open, in progress, done), with its count and action ids. */
  statuses: { status: ActionStatus; count: number; actionIds: string[] }[];
}

export interface ActionsResult {
  total: number;
  byStatus: Record<ActionStatus, number>;
  /** By owner name (alphabetical, "Unassigned" last). */
  owners: OwnerActions[];
}

export interface OverallResult extends LevelMeans {
  carriedOver: number;
  unconfirmed: number;
}

export interface AssessmentResults {
  framework: { id: string; version: string };
  assessment: { id: string; label: string; date: string; scope: string[] };
  /** Every module of the framework in order, so charts can show the modules out of scope as empty. */
  frameworkModules: { moduleId: string; name: string; inScope: boolean }[];
  modules: ModuleResult[];
  capabilities: CapabilityResult[];
  gapRanking: GapRankEntry[];
  consensus: ConsensusResult;
  evidence: EvidenceResult;
  actions: ActionsResult;
  overall: OverallResult;
  /** Person-readable lines for empty and partial states, shown instead of drawing zeros. */
  missing: string[];
  /** The previous assessment's module means for every framework module (null out of its scope), when it was given: the radar's third series. */
  previous: { id: string; label: string; date: string; modules: { moduleId: string; meanCurrent: number | null; meanTarget: number | null }[] } | null;
}

/** The owner of an action as shown: trimmed, "Unassigned" when empty. */
export const UNASSIGNED = 'Unassigned';

const NO_EVIDENCE: EvidenceCount = { count: 0, stale: 0 };
const isFromPrevious = (r: RatingInput | undefined) => !!r && (r.carriedOver || !!r.fromPrevious);
/** Unconfirmed counts ratings that hold something (a level or N/A) copied and not yet confirmed. */
const isUnconfirmed = (r: RatingInput | undefined) => !!r && r.carriedOver && (r.notApplicable || r.currentLevel !== null);

function voteFigures(votes: readonly ResultsVote[]): VoteFigures {
  const c = consensus(votes);
  return {
    count: c.count,
    median: c.median,
    proposed: c.proposed,
    min: c.min,
    max: c.max,
    sd: populationSd(votes.map((v) => v.currentLevel)),
    spread: c.spread,
    disagreement: c.disagreement,
    outliers: c.outliers,
  };
}

function actionsResult(actions: readonly ActionItem[]): ActionsResult {
  const byStatus = Object.fromEntries(actionStatuses.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const byOwner = new Map<string, ActionItem[]>();
  for (const a of actions) {
    byStatus[a.status] += 1;
    const owner = a.owner.trim() || UNASSIGNED;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), a]);
  }
  const names = [...byOwner.keys()].sort((a, b) => {
    if (a === UNASSIGNED || b === UNASSIGNED) return a === UNASSIGNED ? (b === UNASSIGNED ? 0 : 1) : -1;
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  return {
    total: actions.length,
    byStatus,
    owners: names.map((owner) => {
      const items = byOwner.get(owner)!;
      return {
        owner,
        total: items.length,
        statuses: actionStatuses.map((status) => {
          const ids = items.filter((a) => a.status === status).map((a) => a.id);
          return { status, count: ids.length, actionIds: ids };
        }),
      };
    }),
  };
}

/** The results of one assessment. */
export function assessmentResults(input: ResultsInput): AssessmentResults {
  const { framework, assessment, ratings } = input;
  const scope = new Set(assessment.scope);
  const inScope = framework.modules.filter((m) => scope.has(m.id));
  const names = new Map((input.participants ?? []).map((p) => [p.id, p.name]));
  const votesBy = new Map<string, ResultsVote[]>();
  for (const v of input.votes) votesBy.set(v.capabilityId, [...(votesBy.get(v.capabilityId) ?? []), v]);
  const evidenceOf = (id: string) => input.evidence[id] ?? NO_EVIDENCE;

  const capabilities: CapabilityResult[] = [];
  const ranked: GapRankEntry[] = [];
  const modules: ModuleResult[] = [];
  const moduleEvidence: ModuleEvidence[] = [];

  for (const m of inScope) {
    const ids = m.capabilities.map((c) => c.id);
    let withEvidence = 0;
    let staleItems = 0;
    for (const c of m.capabilities) {
      const r = ratings[c.id];
      const na = !!r && r.notApplicable;
      const scored = hasLevel(r);
      const ev = evidenceOf(c.id);
      const votes = voteFigures(votesBy.get(c.id) ?? []);
      const g = gap(r);
      const current = scored ? r.currentLevel : null;
      if (scored && ev.count > 0) withEvidence += 1;
      staleItems += ev.stale;
      capabilities.push({
        capabilityId: c.id,
        moduleId: m.id,
        name: c.name,
        current,
        target: na ? null : (r?.targetLevel ?? null),
        gap: g,
        priority: r?.priority ?? null,
        confidence: r?.confidence ?? null,
        notApplicable: na,
        scored,
        unconfirmed: isUnconfirmed(r),
        fromPrevious: isFromPrevious(r),
        evidenceCount: ev.count,
        staleEvidenceCount: ev.stale,
        votes,
        agreedVsMedian: current !== null && votes.median !== null ? current - votes.median : null,
      });
      if (g !== null && g > 0) ranked.push({ capabilityId: c.id, moduleId: m.id, name: c.name, ...gapScore(g, r?.priority, r?.confidence, c.weight) });
    }
    const means = levelMeans(ids, ratings);
    const coverage = means.scored ? withEvidence / means.scored : null;
    modules.push({
      moduleId: m.id,
      name: m.name,
      ...means,
      carriedOver: ids.filter((id) => isFromPrevious(ratings[id])).length,
      unconfirmed: ids.filter((id) => isUnconfirmed(ratings[id])).length,
      evidenceCoverage: coverage,
    });
    moduleEvidence.push({ moduleId: m.id, name: m.name, scored: means.scored, withEvidence, coverage, staleItems });
  }

  const allIds = capabilities.map((c) => c.capabilityId);
  const overall: OverallResult = {
    ...levelMeans(allIds, ratings),
    carriedOver: modules.reduce((n, m) => n + m.carriedOver, 0),
    unconfirmed: modules.reduce((n, m) => n + m.unconfirmed, 0),
  };

  const disagreements: Disagreement[] = capabilities
    .filter((c) => c.votes.disagreement)
    .map((c) => ({
      capabilityId: c.capabilityId,
      moduleId: c.moduleId,
      name: c.name,
      count: c.votes.count,
      min: c.votes.min!,
      max: c.votes.max!,
      spread: c.votes.spread,
      median: c.votes.median!,
      agreed: c.current,
      outliers: c.votes.outliers.map((id) => ({ participantId: id, name: names.get(id) ?? id })),
    }));
  const agreedAgainstMedian: AgreedAgainstMedian[] = capabilities
    .filter((c) => c.current !== null && c.votes.proposed !== null && c.current !== c.votes.proposed)
    .map((c) => ({
      capabilityId: c.capabilityId,
      moduleId: c.moduleId,
      name: c.name,
      agreed: c.current!,
      median: c.votes.median!,
      proposed: c.votes.proposed!,
      difference: c.current! - c.votes.median!,
    }));

  const evScored = moduleEvidence.reduce((n, m) => n + m.scored, 0);
  const evWith = moduleEvidence.reduce((n, m) => n + m.withEvidence, 0);
  const evidence: EvidenceResult = {
    modules: moduleEvidence,
    overall: {
      scored: evScored,
      withEvidence: evWith,
      coverage: evScored ? evWith / evScored : null,
      staleItems: moduleEvidence.reduce((n, m) => n + m.staleItems, 0),
    },
    unevidenced: capabilities
      .filter((c) => c.scored && c.evidenceCount === 0)
      .map((c) => ({ capabilityId: c.capabilityId, moduleId: c.moduleId, name: c.name })),
  };

  const prev = input.previous;
  const prevScope = new Set(prev?.scope ?? []);
  const previous = prev
    ? {
        id: prev.id,
        label: prev.label,
        date: prev.date,
        modules: framework.modules.map((m) => {
          const { meanCurrent, meanTarget } = prevScope.has(m.id)
            ? levelMeans(m.capabilities.map((c) => c.id), prev.ratings)
            : { meanCurrent: null, meanTarget: null };
          return { moduleId: m.id, meanCurrent, meanTarget };
        }),
      }
    : null;

  const results: Omit<AssessmentResults, 'missing'> = {
    framework: { id: framework.id, version: framework.version },
    assessment: { id: assessment.id, label: assessment.label, date: assessment.date, scope: inScope.map((m) => m.id) },
    frameworkModules: framework.modules.map((m) => ({ moduleId: m.id, name: m.name, inScope: scope.has(m.id) })),
    modules,
    capabilities,
    gapRanking: byGapRank(ranked),
    consensus: { disagreements, agreedAgainstMedian },
    evidence,
    actions: actionsResult(input.actions),
    overall,
    previous,
  };
  return { ...results, missing: missingLines(results, allIds, ratings) };
}

/**
 * What the screens say instead of drawing zeros. "Scored" here counts not-applicable decisions too,
 * as the navigator's progress does: "14 of 72 scored, 2 of them not applicable".
 */
function missingLines(r: Omit<AssessmentResults, 'missing'>, allIds: readonly string[], ratings: ResultsInput['ratings']): string[] {
  const lines: string[] = [];
  const o = r.overall;
  if (allIds.length === 0) return ['No modules in scope'];
  const p = progress(allIds, ratings);
  if (p.scored === 0) {
    lines.push(`Nothing scored yet: 0 of ${p.inScope} scored`);
  } else {
    if (p.scored < p.inScope) {
      lines.push(`${p.scored} of ${p.inScope} scored` + (o.notApplicable ? `, ${o.notApplicable} of them not applicable` : ''));
    }
    for (const m of r.modules) {
      if (m.scored === 0 && m.notApplicable === m.total) lines.push(`Module ${m.moduleId} has no scores: all ${m.total} capabilities are not applicable`);
      else if (m.scored === 0) lines.push(`Module ${m.moduleId} has no scores`);
      else if (m.unscored > 0) lines.push(`Module ${m.moduleId} has ${m.scored + m.notApplicable} of ${m.total} scored`);
    }
  }
  if (o.unconfirmed) lines.push(`${plural(o.unconfirmed, 'score is', 'scores are')} carried over and not yet confirmed`);
  const noTarget = r.capabilities.filter((c) => c.scored && c.target === null).length;
  if (noTarget) lines.push(`${plural(noTarget, 'scored capability has', 'scored capabilities have')} no target, so no gap`);
  const unevidenced = r.evidence.unevidenced.length;
  if (unevidenced) lines.push(`${plural(unevidenced, 'scored capability has', 'scored capabilities have')} no evidence`);
  if (r.evidence.overall.staleItems) lines.push(`${plural(r.evidence.overall.staleItems, 'evidence link is', 'evidence links are')} stale`);
  return lines;
}
