/**
 * What the results model is computed from. The engine builds a `ResultsInput` from SQLite; the
 * renderer can build the same from an `AssessmentDetail` with `resultsInputFromDetail`, so both
 * arrive at the same numbers.
 */
import type { ActionItem, AssessmentDetail, Rating } from '../domain';
import type { VoteLike } from '../scoring/consensus';
import { isStale, type RatingLike } from '../scoring/progress';

/**
 * The part of a framework the results read: module and capability ids, names and order, and the
 * optional capability weight of version 1.1. A `Framework` fits it.
 */
export interface ResultsFramework {
  id: string;
  version: string;
  modules: readonly {
    id: string;
    name: string;
    capabilities: readonly { id: string; name: string; weight?: number | undefined }[];
  }[];
}

/**
 * The agreed score of one capability. `carriedOver`: copied from the previous assessment and not yet
 * confirmed (unconfirmed). `fromPrevious`: came from the previous assessment at all, confirmed or not
 * (absent means only `carriedOver` tells).
 */
export type RatingInput = Pick<Rating, 'currentLevel' | 'targetLevel' | 'notApplicable' | 'confidence' | 'priority' | 'carriedOver'> & {
  fromPrevious?: boolean;
};

/** A vote of one participant on one capability. */
export type ResultsVote = VoteLike & { capabilityId: string };

/** Evidence linked to a capability in this assessment: how many items, and how many of them are stale. */
export interface EvidenceCount {
  count: number;
  stale: number;
}

export interface ResultsAssessment {
  id: string;
  label: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Module ids in scope. */
  scope: readonly string[];
}

/** Another assessment's ratings (the previous one, for the radar; every one, for the trend). */
export interface RatedAssessment extends ResultsAssessment {
  ratings: Readonly<Record<string, RatingLike>>;
}

export interface ResultsInput {
  framework: ResultsFramework;
  assessment: ResultsAssessment;
  /** By capability id; a capability never touched has no entry (unscored). */
  ratings: Readonly<Record<string, RatingInput>>;
  votes: readonly ResultsVote[];
  /** By capability id; absent means no evidence. */
  evidence: Readonly<Record<string, EvidenceCount>>;
  actions: readonly ActionItem[];
  /** Names for the participants who voted; without them outliers are named by id. */
  participants?: readonly { id: string; name: string }[];
  /** The previous assessment, whose module means the radar draws as a third series. */
  previous?: RatedAssessment | null;
}

/**
 * Counts evidence per capability for one assessment from the engagement's evidence list: an item
 * counts for each capability it is linked to in this assessment, once; it is stale once its
 * valid-until date has passed on `today`.
 */
export function evidenceCounts(
  evidence: readonly { validUntil: string | null; links: readonly { assessmentId: string; capabilityId: string }[] }[],
  assessmentId: string,
  today: string,
): Record<string, EvidenceCount> {
  const out: Record<string, EvidenceCount> = {};
  for (const e of evidence) {
    const stale = isStale(e.validUntil, today);
    const caps = new Set(e.links.filter((l) => l.assessmentId === assessmentId).map((l) => l.capabilityId));
    for (const c of caps) {
      const n = (out[c] ??= { count: 0, stale: 0 });
      n.count += 1;
      if (stale) n.stale += 1;
    }
  }
  return out;
}

/** The results input for what the workspace already holds (staleness judged on the detail's `today`). */
export function resultsInputFromDetail(
  framework: ResultsFramework,
  detail: AssessmentDetail,
  participants?: readonly { id: string; name: string }[],
): ResultsInput {
  const ratings: Record<string, RatingInput> = {};
  for (const [id, r] of Object.entries(detail.ratings)) {
    ratings[id] = {
      currentLevel: r.currentLevel,
      targetLevel: r.targetLevel,
      notApplicable: r.notApplicable,
      confidence: r.confidence,
      priority: r.priority,
      carriedOver: r.carriedOver,
    };
  }
  const a = detail.assessment;
  return {
    framework,
    assessment: { id: a.id, label: a.label, date: a.date, scope: a.scope },
    ratings,
    votes: detail.votes,
    evidence: evidenceCounts(detail.evidence, a.id, detail.today),
    actions: detail.actions,
    ...(participants ? { participants } : {}),
    previous: detail.previous
      ? { id: detail.previous.id, label: detail.previous.label, date: detail.previous.date, scope: a.scope, ratings: detail.previous.ratings }
      : null,
  };
}
