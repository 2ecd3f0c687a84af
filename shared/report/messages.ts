/**
 * The executive summary written from the results: the headline numbers and three messages a senior
 * consultant would lead with (where the client stands, what to close first, and what changed since last
 * time or how firm the scores are). Every figure quoted is a figure of the results model.
 */
import type { AssessmentResults, ModuleResult, Trend } from '../results';
import { clip, count, fmtMean, fmtPercent, fmtSigned, listing } from './format';
import type { Kpi } from './deck';

export interface Message {
  headline: string;
  detail: string;
}

const byMean = (a: ModuleResult, b: ModuleResult) => (b.meanCurrent ?? -1) - (a.meanCurrent ?? -1);

export function headlineNumbers(r: AssessmentResults): Kpi[] {
  const o = r.overall;
  const scoredAll = o.scored + o.notApplicable;
  return [
    { value: fmtMean(o.meanCurrent), label: 'Maturity today', detail: 'mean current level, of 5' },
    { value: fmtMean(o.meanTarget), label: 'Target', detail: 'mean target level' },
    { value: fmtSigned(o.meanGap), label: 'Mean gap', detail: 'target minus current, where both are set' },
    { value: `${scoredAll} of ${o.total}`, label: 'Capabilities scored', detail: o.notApplicable ? `${o.notApplicable} of them not applicable` : 'in scope' },
    { value: fmtPercent(r.evidence.overall.coverage), label: 'Backed by evidence', detail: 'of scored capabilities' },
    { value: String(r.consensus.disagreements.length), label: 'Disagreements', detail: 'votes spread two levels or more' },
  ];
}

function standing(r: AssessmentResults): Message {
  const o = r.overall;
  if (o.meanCurrent === null) {
    return { headline: 'Nothing is scored yet', detail: r.missing[0] ?? 'No capability in scope has an agreed level.' };
  }
  const ranked = r.modules.filter((m) => m.meanCurrent !== null).sort(byMean);
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  const headline =
    o.meanTarget === null
      ? `Maturity stands at ${fmtMean(o.meanCurrent)} of 5`
      : `Maturity stands at ${fmtMean(o.meanCurrent)} of 5, against a target of ${fmtMean(o.meanTarget)}`;
  const detail =
    ranked.length > 1
      ? `Strongest in ${best.moduleId} ${best.name} (${fmtMean(best.meanCurrent)}); weakest in ${worst.moduleId} ${worst.name} (${fmtMean(worst.meanCurrent)}).`
      : `${best.moduleId} ${best.name} is the only module with scores.`;
  return { headline, detail };
}

function gaps(r: AssessmentResults): Message {
  const ranked = r.gapRanking;
  if (ranked.length === 0) {
    const noTarget = r.capabilities.filter((c) => c.scored && c.target === null).length;
    return {
      headline: 'No capability is below its target',
      detail: noTarget ? `${count(noTarget, 'scored capability has', 'scored capabilities have')} no target yet, so no gap.` : 'Every scored capability meets the target set for it.',
    };
  }
  const wide = r.capabilities.filter((c) => c.gap !== null && c.gap >= 2).length;
  const top = ranked.slice(0, 3).map((g) => `${g.capabilityId} ${clip(g.name, 40)} (+${g.gap})`);
  return {
    headline: wide
      ? `${count(wide, 'capability sits', 'capabilities sit')} two or more levels below target`
      : `${count(ranked.length, 'capability is', 'capabilities are')} one level below target`,
    detail: `To close first: ${listing(top)}.`,
  };
}

function change(r: AssessmentResults, t: Trend): Message | null {
  const prev = r.previous;
  if (!prev || r.overall.meanCurrent === null) return null;
  const i = t.assessments.findIndex((a) => a.id === r.assessment.id);
  const j = t.assessments.findIndex((a) => a.id === prev.id);
  if (i < 0 || j < 0) return null;
  const before = t.overall.current[j] ?? null;
  const now = t.overall.current[i] ?? null;
  if (before === null || now === null) return null;
  const delta = now - before;
  const moved = t.modules
    .filter((m) => m.current[i] != null && m.current[j] != null)
    .map((m) => ({ m, delta: m.current[i]! - m.current[j]! }))
    .sort((a, b) => b.delta - a.delta);
  const moves: string[] = [];
  const up = moved[0];
  const down = moved[moved.length - 1];
  if (up && up.delta >= 0.05) moves.push(`${up.m.moduleId} ${up.m.name} rose most (${fmtSigned(up.delta)})`);
  if (down && down.delta <= -0.05) moves.push(`${down.m.moduleId} ${down.m.name} fell (${fmtSigned(down.delta)})`);
  const word = delta >= 0.05 ? `Up ${Math.abs(delta).toFixed(1)}` : delta <= -0.05 ? `Down ${Math.abs(delta).toFixed(1)}` : 'Unchanged';
  return {
    headline: `${word} since ${prev.label}: from ${fmtMean(before)} to ${fmtMean(now)}`,
    detail: moves.length ? `${listing(moves)}.` : 'No module moved by a tenth of a level or more.',
  };
}

function firmness(r: AssessmentResults): Message {
  const ev = r.evidence.overall;
  const split = r.consensus.disagreements.length;
  const bare = r.evidence.unevidenced.length;
  return {
    headline: ev.coverage === null ? 'No score rests on evidence yet' : `${fmtPercent(ev.coverage)} of the scores rest on evidence`,
    detail:
      `${count(bare, 'scored capability has', 'scored capabilities have')} no evidence yet; ` +
      `${count(split, 'capability split', 'capabilities split')} the room by two levels or more.`,
  };
}

/** Three messages: standing, gaps, then the change since the previous assessment (or how firm the scores are). */
export function threeMessages(r: AssessmentResults, t: Trend): Message[] {
  return [standing(r), gaps(r), change(r, t) ?? firmness(r)];
}
