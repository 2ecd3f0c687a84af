/** What the workspace derives from an assessment: rows per capability, module progress, filters, navigation order. */
import type { AssessmentDetail, Evidence, Participant, Rating, Vote, WorkshopSession } from '../../../shared/domain';
import type { Capability, Framework, FrameworkModule } from '../../../shared/framework/schema';
import { consensus, type Consensus } from '../../../shared/scoring/consensus';
import { gap, isScored, type Progress } from '../../../shared/scoring/progress';

export interface CapabilityRow {
  capability: Capability & { moduleId: string };
  rating: Rating | undefined;
  votes: Vote[];
  consensus: Consensus;
  /** Evidence linked to this capability in this assessment. */
  evidence: Evidence[];
  /** Agreed (or not applicable) and confirmed: a carried-over score waiting for confirmation is not scored yet. */
  scored: boolean;
  /** Carried over from the previous assessment and not yet confirmed. */
  toConfirm: boolean;
  /** Any linked evidence item is past its valid-until date. */
  staleEvidence: boolean;
  /** How many linked evidence items are stale. */
  staleCount: number;
  gap: number | null;
  /** Agreed level now minus the previous assessment's, when both have one. */
  change: number | null;
}

/** Progress of the workspace: scored (confirmed) capabilities, and carried-over ones still to confirm. */
export interface WorkspaceProgress extends Progress {
  /** Left out of an empty model (nothing open yet). */
  toConfirm?: number;
}

export interface ModuleGroup {
  module: FrameworkModule;
  rows: CapabilityRow[];
  progress: WorkspaceProgress;
}

export interface WorkspaceModel {
  modules: ModuleGroup[];
  /** Every in-scope capability, in framework order. */
  rows: CapabilityRow[];
  byId: Map<string, CapabilityRow>;
  progress: WorkspaceProgress;
}

function progressOf(rows: readonly CapabilityRow[]): WorkspaceProgress {
  return { scored: rows.filter((r) => r.scored).length, inScope: rows.length, toConfirm: rows.filter((r) => r.toConfirm).length };
}

export function linkedEvidence(evidence: readonly Evidence[], assessmentId: string, capabilityId: string): Evidence[] {
  return evidence.filter((e) => e.links.some((l) => l.assessmentId === assessmentId && l.capabilityId === capabilityId));
}

function levelChange(now: Rating | undefined, before: { currentLevel: number | null; notApplicable: boolean } | undefined): number | null {
  if (!now || now.notApplicable || now.currentLevel === null || !before || before.notApplicable || before.currentLevel === null) return null;
  return now.currentLevel - before.currentLevel;
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Builds the rows; a row whose rating, votes and evidence are the very same objects as in `previous` is reused,
 * so after an edit only the changed capability re-renders in the navigator.
 */
export function buildModel(framework: Framework, detail: AssessmentDetail, previous?: WorkspaceModel | null): WorkspaceModel {
  const scope = new Set(detail.assessment.scope);
  const votesBy = new Map<string, Vote[]>();
  for (const v of detail.votes) votesBy.set(v.capabilityId, [...(votesBy.get(v.capabilityId) ?? []), v]);
  const evidenceBy = new Map<string, Evidence[]>();
  for (const e of detail.evidence) {
    for (const l of e.links) {
      if (l.assessmentId === detail.assessment.id) evidenceBy.set(l.capabilityId, [...(evidenceBy.get(l.capabilityId) ?? []), e]);
    }
  }
  const modules = framework.modules
    .filter((m) => scope.has(m.id))
    .map((module): ModuleGroup => {
      const rows = module.capabilities.map((c): CapabilityRow => {
        const rating = detail.ratings[c.id];
        const votes = votesBy.get(c.id) ?? [];
        const evidence = evidenceBy.get(c.id) ?? [];
        const before = previous?.byId.get(c.id);
        if (before && before.rating === rating && sameItems(before.votes, votes) && sameItems(before.evidence, evidence)) return before;
        return {
          capability: { ...c, moduleId: module.id },
          rating,
          votes,
          consensus: consensus(votes),
          evidence,
          scored: isScored(rating) && !rating?.carriedOver,
          toConfirm: !!rating?.carriedOver,
          staleEvidence: evidence.some((e) => e.stale),
          staleCount: evidence.filter((e) => e.stale).length,
          gap: gap(rating),
          change: levelChange(rating, detail.previous?.ratings[c.id]),
        };
      });
      return { module, rows, progress: progressOf(rows) };
    });
  const rows = modules.flatMap((m) => m.rows);
  return {
    modules,
    rows,
    byId: new Map(rows.map((r) => [r.capability.id, r])),
    progress: progressOf(rows),
  };
}

export const filterIds = ['all', 'unscored', 'confirm', 'disagreement', 'stale', 'priority', 'gap', 'firstPass'] as const;
export type FilterId = (typeof filterIds)[number];

export const filterLabels: Record<FilterId, string> = {
  all: 'All',
  unscored: 'Unscored',
  confirm: 'To confirm',
  disagreement: 'Disagreement',
  stale: 'Stale evidence',
  priority: 'High priority',
  gap: 'Big gap',
  firstPass: 'First pass',
};

/** Filters a framework without first-pass marks has no use for. */
export function filtersFor(model: WorkspaceModel): readonly FilterId[] {
  return model.rows.some((r) => r.capability.firstPass) ? filterIds : filterIds.filter((f) => f !== 'firstPass');
}

export function matchesFilter(row: CapabilityRow, filter: FilterId): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unscored':
      return !row.scored;
    case 'confirm':
      return row.toConfirm;
    case 'disagreement':
      return row.consensus.disagreement;
    case 'stale':
      return row.staleEvidence;
    case 'priority':
      return (row.rating?.priority ?? 0) >= 4;
    case 'gap':
      return (row.gap ?? 0) >= 2;
    case 'firstPass':
      // The framework's shorter subset for a half-day workshop.
      return !!row.capability.firstPass;
  }
}

/** The rows the navigator shows, in order; the selected capability stays listed so moving on is never lost. */
export function visibleRows(model: WorkspaceModel, filter: FilterId, moduleId: string | null): CapabilityRow[] {
  return model.rows.filter((r) => (!moduleId || r.capability.moduleId === moduleId) && matchesFilter(r, filter));
}

/** The next (+1) or previous (-1) capability of `list` after `currentId` in framework order. */
export function step(model: WorkspaceModel, list: readonly CapabilityRow[], currentId: string | undefined, direction: 1 | -1): string | null {
  if (list.length === 0) return null;
  const index = (id: string) => model.rows.findIndex((r) => r.capability.id === id);
  const here = currentId ? index(currentId) : -1;
  if (here < 0) return (direction > 0 ? list[0] : list[list.length - 1])!.capability.id;
  const candidates = direction > 0 ? list.filter((r) => index(r.capability.id) > here) : list.filter((r) => index(r.capability.id) < here).reverse();
  return candidates[0]?.capability.id ?? null;
}

/** The next capability not scored yet (a carried-over one waiting for confirmation included) after `currentId`, wrapping round. */
export function nextUnscored(model: WorkspaceModel, currentId: string | undefined): string | null {
  const here = currentId ? model.rows.findIndex((r) => r.capability.id === currentId) : -1;
  const ordered = [...model.rows.slice(here + 1), ...model.rows.slice(0, Math.max(0, here + 1))];
  return ordered.find((r) => !r.scored)?.capability.id ?? null;
}

/** The running session, if a workshop is on. */
export function activeSession(sessions: readonly WorkshopSession[]): WorkshopSession | null {
  return sessions.find((s) => s.endedAt === null) ?? null;
}

/** Who votes in fast vote mode: the people present in the running session, or everyone; never someone who left. */
export function voters(participants: readonly Participant[], session: WorkshopSession | null): Participant[] {
  const current = participants.filter((p) => !p.leftAt);
  if (!session || session.participantIds.length === 0) return current;
  return current.filter((p) => session.participantIds.includes(p.id));
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** "3 → 4", "N/A", "—" */
export function levelSummary(rating: Rating | undefined): string {
  if (!rating) return '—';
  if (rating.notApplicable) return 'N/A';
  const cur = rating.currentLevel ?? '–';
  return rating.targetLevel === null ? String(cur) : `${cur}→${rating.targetLevel}`;
}
