/** How an engagement moves from quarter to quarter: module means per assessment, and the capabilities that moved. */
import type { RatedAssessment, ResultsFramework } from './input';
import { hasLevel, levelMeans } from './means';

export interface TrendPoint {
  id: string;
  label: string;
  date: string;
}

export interface TrendModule {
  moduleId: string;
  name: string;
  /** Mean current level per assessment, aligned with `assessments`; null where out of scope or nothing scored. */
  current: (number | null)[];
  /** Mean target level per assessment, likewise. */
  target: (number | null)[];
  /** Scored applicable capabilities per assessment. */
  scored: number[];
}

export interface Trend {
  /** Oldest first: by date, then by label. */
  assessments: TrendPoint[];
  /** Every module of the framework, in framework order. */
  modules: TrendModule[];
  /** Mean over every scored applicable capability in scope, per assessment. */
  overall: { current: (number | null)[]; target: (number | null)[]; scored: number[] };
}

/** Oldest first: by date, then by label, then by id (so the order never depends on the input order). */
export function chronological<T extends { id: string; label: string; date: string }>(assessments: readonly T[]): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...assessments].sort((a, b) => cmp(a.date, b.date) || cmp(a.label, b.label) || cmp(a.id, b.id));
}

const inScopeIds = (framework: ResultsFramework, scope: readonly string[]) =>
  framework.modules.filter((m) => scope.includes(m.id)).flatMap((m) => m.capabilities.map((c) => c.id));

/**
 * Each module's mean current and target level in every assessment of an engagement, oldest first.
 * The means are those of the assessment's results (`levelMeans`): a module out of an assessment's
 * scope, or with nothing scored in it, has null there.
 */
export function trend(framework: ResultsFramework, assessments: readonly RatedAssessment[]): Trend {
  const ordered = chronological(assessments);
  const modules = framework.modules.map((m): TrendModule => {
    const ids = m.capabilities.map((c) => c.id);
    const means = ordered.map((a) => (a.scope.includes(m.id) ? levelMeans(ids, a.ratings) : null));
    return {
      moduleId: m.id,
      name: m.name,
      current: means.map((x) => x?.meanCurrent ?? null),
      target: means.map((x) => x?.meanTarget ?? null),
      scored: means.map((x) => x?.scored ?? 0),
    };
  });
  const overall = ordered.map((a) => levelMeans(inScopeIds(framework, a.scope), a.ratings));
  return {
    assessments: ordered.map((a) => ({ id: a.id, label: a.label, date: a.date })),
    modules,
    overall: { current: overall.map((o) => o.meanCurrent), target: overall.map((o) => o.meanTarget), scored: overall.map((o) => o.scored) },
  };
}

export interface Mover {
  capabilityId: string;
  moduleId: string;
  name: string;
  from: number;
  to: number;
  /** to - from. */
  change: number;
}

export interface Movers {
  from: TrendPoint;
  to: TrendPoint;
  /** Capabilities whose current level rose, biggest rise first (then framework order). */
  up: Mover[];
  /** Capabilities whose current level fell, biggest fall first (then framework order). */
  down: Mover[];
  /** Compared and unchanged. */
  unchanged: number;
  /** Capabilities scored (applicable, with a current level, in scope) in both assessments: the ones compared. */
  compared: number;
}

/**
 * The change in agreed current level per capability from one assessment to another (either may be
 * the earlier). Capabilities not scored in both (unscored, not applicable or out of scope in either)
 * are skipped.
 */
export function movers(framework: ResultsFramework, from: RatedAssessment, to: RatedAssessment): Movers {
  const all: Mover[] = [];
  for (const m of framework.modules) {
    if (!from.scope.includes(m.id) || !to.scope.includes(m.id)) continue;
    for (const c of m.capabilities) {
      const a = from.ratings[c.id];
      const b = to.ratings[c.id];
      if (!hasLevel(a) || !hasLevel(b)) continue;
      all.push({ capabilityId: c.id, moduleId: m.id, name: c.name, from: a.currentLevel, to: b.currentLevel, change: b.currentLevel - a.currentLevel });
    }
  }
  const stable = <T>(xs: T[], key: (x: T) => number) =>
    xs
      .map((x, i) => ({ x, i }))
      .sort((p, q) => key(q.x) - key(p.x) || p.i - q.i)
      .map((p) => p.x);
  const point = (a: RatedAssessment): TrendPoint => ({ id: a.id, label: a.label, date: a.date });
  return {
    from: point(from),
    to: point(to),
    up: stable(all.filter((x) => x.change > 0), (x) => x.change),
    down: stable(all.filter((x) => x.change < 0), (x) => -x.change),
    unchanged: all.filter((x) => x.change === 0).length,
    compared: all.length,
  };
}
