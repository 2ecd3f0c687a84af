/**
 * The open assessment: a thin cache over `assessment.get`, re-queried when the engine says the engagement changed.
 * Edits are applied to the cache at once (optimistic), sent to the engine one after another, and reconciled with
 * what the engine answers; a failed edit is shown in a toast and the cache is re-read from the engine.
 */
import { create } from 'zustand';
import type { CommandName, Input, Result } from '../../../shared/api';
import type { AssessmentDetail, Evidence, Rating, Vote } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework/schema';
import { consensus } from '../../../shared/scoring/consensus';
import { errorMessage, invoke } from '../api';
import { useApp } from './app';

type Ref = 'engagementId' | 'assessmentId';
type CapabilityRef = Ref | 'capabilityId';
export type RatingPatch = Omit<Input<'assessment.rate'>, CapabilityRef>;
export type ActionPatch = Omit<Input<'action.update'>, Ref | 'actionId'>;
export type NewAction = Omit<Input<'action.add'>, CapabilityRef>;
export type NewEvidence = Input<'evidence.add'>;

type Detail = AssessmentDetail;

interface WriteOptions<C extends CommandName> {
  /** Applied to the cache before the engine answers. */
  optimistic?: (d: Detail) => Detail;
  /** Applied with the engine's answer when no other edit is still on its way. */
  reconcile?: (d: Detail, result: Result<C>) => Detail;
}

interface AssessmentState {
  engagementId: string | null;
  assessmentId: string | null;
  detail: Detail | null;
  /** The framework version the assessment pins. */
  framework: Framework | null;
  error: string | null;
  /** Edits sent and not answered yet. */
  pending: number;
  open(engagementId: string, assessmentId: string): Promise<void>;
  reload(): Promise<void>;
  /** Re-reads soon: several triggers in a burst (an edit's answer, the engine's change event) make one read. */
  refresh(): void;
  write<C extends CommandName>(command: C, input: Input<C>, options?: WriteOptions<C>): Promise<Result<C> | null>;
  rate(capabilityId: string, patch: RatingPatch): Promise<Rating | null>;
  acceptMedian(capabilityId: string): Promise<Rating | null>;
  vote(capabilityId: string, participantId: string, currentLevel: number, targetLevel?: number | null): Promise<Vote | null>;
  removeVote(capabilityId: string, participantId: string): Promise<unknown>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  addAction(capabilityId: string, action: NewAction): Promise<unknown>;
  updateAction(actionId: string, patch: ActionPatch): Promise<unknown>;
  removeAction(actionId: string): Promise<unknown>;
  addEvidence(input: NewEvidence): Promise<Evidence>;
  link(capabilityId: string, evidenceId: string): Promise<unknown>;
  unlink(capabilityId: string, evidenceId: string): Promise<unknown>;
}

export function blankRating(capabilityId: string): Rating {
  return {
    capabilityId,
    currentLevel: null,
    targetLevel: null,
    notApplicable: false,
    confidence: null,
    priority: null,
    rationale: '',
    owner: '',
    carriedOver: false,
    updatedAt: '',
  };
}

/** What a rating looks like once `patch` is applied, as the engine is expected to store it. */
export function applyRatingPatch(rating: Rating, patch: RatingPatch): Rating {
  const next: Rating = { ...rating };
  if (patch.currentLevel !== undefined) next.currentLevel = patch.currentLevel;
  if (patch.targetLevel !== undefined) next.targetLevel = patch.targetLevel;
  if (patch.notApplicable !== undefined) next.notApplicable = patch.notApplicable;
  if (patch.confidence !== undefined) next.confidence = patch.confidence;
  if (patch.priority !== undefined) next.priority = patch.priority;
  if (patch.rationale !== undefined) next.rationale = patch.rationale;
  if (patch.owner !== undefined) next.owner = patch.owner;
  const rescored = patch.currentLevel !== undefined || patch.targetLevel !== undefined || patch.notApplicable !== undefined;
  if (patch.confirm || rescored) next.carriedOver = false;
  return next;
}

const withRating = (d: Detail, capabilityId: string, rating: Rating): Detail => ({ ...d, ratings: { ...d.ratings, [capabilityId]: rating } });
const withEvidence = (d: Detail, evidence: Evidence): Detail => ({ ...d, evidence: d.evidence.map((e) => (e.id === evidence.id ? evidence : e)) });
const withVote = (d: Detail, vote: Vote): Detail => ({
  ...d,
  votes: [...d.votes.filter((v) => !(v.capabilityId === vote.capabilityId && v.participantId === vote.participantId)), vote],
});

// Edits go to the engine one at a time, in the order they were made.
let queue: Promise<unknown> = Promise.resolve();
// Bumped by every optimistic change, so a re-read that started before it is not applied over it.
let localSeq = 0;
let reloading: Promise<void> | null = null;
let reloadAgain = false;
let refreshTimer: number | undefined;

export const useAssessment = create<AssessmentState>((set, get) => {
  const ref = () => {
    const { engagementId, assessmentId } = get();
    if (!engagementId || !assessmentId) throw new Error('No assessment is open.');
    return { engagementId, assessmentId };
  };

  const fetchOnce = async (): Promise<void> => {
    const { engagementId, assessmentId } = get();
    if (!engagementId || !assessmentId) return;
    const seq = localSeq;
    try {
      const detail = await invoke('assessment.get', { engagementId, assessmentId });
      if (get().assessmentId !== assessmentId) return;
      if (get().pending > 0) return; // re-read once the last edit is answered
      if (seq !== localSeq) {
        reloadAgain = true;
        return;
      }
      set({ detail, error: null });
    } catch (err) {
      if (get().assessmentId === assessmentId && !get().detail) set({ error: errorMessage(err) });
    }
  };

  return {
    engagementId: null,
    assessmentId: null,
    detail: null,
    framework: null,
    error: null,
    pending: 0,

    async open(engagementId, assessmentId) {
      if (get().assessmentId === assessmentId && get().detail) return;
      set({ engagementId, assessmentId, detail: null, framework: null, error: null });
      try {
        const detail = await invoke('assessment.get', { engagementId, assessmentId });
        const framework = await invoke('framework.get', {
          frameworkId: detail.assessment.frameworkId,
          version: detail.assessment.frameworkVersion,
        });
        if (get().assessmentId === assessmentId) set({ detail, framework });
      } catch (err) {
        if (get().assessmentId === assessmentId) set({ error: errorMessage(err) });
      }
    },

    reload() {
      if (reloading) {
        reloadAgain = true;
        return reloading;
      }
      reloading = (async () => {
        do {
          reloadAgain = false;
          await fetchOnce();
        } while (reloadAgain);
      })().finally(() => {
        reloading = null;
      });
      return reloading;
    },

    refresh() {
      window.clearTimeout(refreshTimer);
      refreshTimer = window.setTimeout(() => void get().reload(), 60);
    },

    async write(command, input, options = {}) {
      if (options.optimistic) {
        const d = get().detail;
        if (d) {
          localSeq += 1;
          set({ detail: options.optimistic(d) });
        }
      }
      set({ pending: get().pending + 1 });
      const sent = queue.then(() => invoke(command, input));
      queue = sent.catch(() => undefined);
      try {
        const result = await sent;
        const pending = get().pending - 1;
        set({ pending });
        const d = get().detail;
        if (pending === 0 && d && options.reconcile) {
          localSeq += 1;
          set({ detail: options.reconcile(d, result) });
        }
        if (pending === 0) get().refresh();
        return result;
      } catch (err) {
        set({ pending: get().pending - 1 });
        useApp.getState().notify('error', errorMessage(err));
        void get().reload();
        return null;
      }
    },

    rate(capabilityId, patch) {
      return get().write(
        'assessment.rate',
        { ...ref(), capabilityId, ...patch },
        {
          optimistic: (d) => withRating(d, capabilityId, applyRatingPatch(d.ratings[capabilityId] ?? blankRating(capabilityId), patch)),
          reconcile: (d, rating) => withRating(d, capabilityId, rating),
        },
      );
    },

    acceptMedian(capabilityId) {
      return get().write(
        'assessment.acceptMedian',
        { ...ref(), capabilityId },
        {
          optimistic: (d) => {
            const c = consensus(d.votes.filter((v) => v.capabilityId === capabilityId));
            if (c.proposed === null) return d;
            const patch: RatingPatch = { currentLevel: c.proposed, notApplicable: false };
            if (c.proposedTarget !== null) patch.targetLevel = c.proposedTarget;
            return withRating(d, capabilityId, applyRatingPatch(d.ratings[capabilityId] ?? blankRating(capabilityId), patch));
          },
          reconcile: (d, rating) => withRating(d, capabilityId, rating),
        },
      );
    },

    vote(capabilityId, participantId, currentLevel, targetLevel = null) {
      const optimisticVote: Vote = { capabilityId, participantId, currentLevel, targetLevel, updatedAt: '' };
      return get().write(
        'vote.cast',
        { ...ref(), capabilityId, participantId, currentLevel, targetLevel },
        { optimistic: (d) => withVote(d, optimisticVote), reconcile: withVote },
      );
    },

    removeVote(capabilityId, participantId) {
      return get().write(
        'vote.remove',
        { ...ref(), capabilityId, participantId },
        {
          optimistic: (d) => ({
            ...d,
            votes: d.votes.filter((v) => !(v.capabilityId === capabilityId && v.participantId === participantId)),
          }),
        },
      );
    },

    async undo() {
      const done = await get().write('history.undo', ref(), { reconcile: (d, r) => ({ ...d, undo: { undo: r.undo, redo: r.redo } }) });
      useApp.getState().notify('info', done?.done ? `Undone: ${done.done}` : 'Nothing to undo');
    },

    async redo() {
      const done = await get().write('history.redo', ref(), { reconcile: (d, r) => ({ ...d, undo: { undo: r.undo, redo: r.redo } }) });
      useApp.getState().notify('info', done?.done ? `Redone: ${done.done}` : 'Nothing to redo');
    },

    addAction(capabilityId, action) {
      return get().write('action.add', { ...ref(), capabilityId, ...action }, { reconcile: (d, a) => ({ ...d, actions: [...d.actions.filter((x) => x.id !== a.id), a] }) });
    },

    updateAction(actionId, patch) {
      return get().write(
        'action.update',
        { ...ref(), actionId, ...patch },
        {
          optimistic: (d) => ({
            ...d,
            actions: d.actions.map((a) =>
              a.id === actionId
                ? {
                    ...a,
                    ...(patch.text !== undefined ? { text: patch.text } : {}),
                    ...(patch.owner !== undefined ? { owner: patch.owner } : {}),
                    ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
                    ...(patch.status !== undefined ? { status: patch.status } : {}),
                  }
                : a,
            ),
          }),
          reconcile: (d, a) => ({ ...d, actions: d.actions.map((x) => (x.id === a.id ? a : x)) }),
        },
      );
    },

    removeAction(actionId) {
      return get().write('action.remove', { ...ref(), actionId }, { optimistic: (d) => ({ ...d, actions: d.actions.filter((a) => a.id !== actionId) }) });
    },

    /** Throws the engine's error so a dialog can show it where the user is looking. */
    async addEvidence(input) {
      const evidence = await invoke('evidence.add', input);
      const d = get().detail;
      if (d) set({ detail: { ...d, evidence: [...d.evidence.filter((e) => e.id !== evidence.id), evidence] } });
      get().refresh();
      return evidence;
    },

    link(capabilityId, evidenceId) {
      const { assessmentId } = ref();
      return get().write(
        'evidence.link',
        { ...ref(), capabilityId, evidenceId },
        {
          optimistic: (d) => {
            const e = d.evidence.find((x) => x.id === evidenceId);
            return e ? withEvidence(d, { ...e, links: [...e.links, { assessmentId, capabilityId }] }) : d;
          },
          reconcile: withEvidence,
        },
      );
    },

    unlink(capabilityId, evidenceId) {
      const { assessmentId } = ref();
      return get().write(
        'evidence.unlink',
        { ...ref(), capabilityId, evidenceId },
        {
          optimistic: (d) => {
            const e = d.evidence.find((x) => x.id === evidenceId);
            const links = e?.links.filter((l) => !(l.assessmentId === assessmentId && l.capabilityId === capabilityId));
            return e && links ? withEvidence(d, { ...e, links }) : d;
          },
          reconcile: withEvidence,
        },
      );
    },
  };
});
