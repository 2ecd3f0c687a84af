/**
 * The open assessment: a cache over `assessment.get`, kept in step as narrowly as the engine's change
 * events allow (a change to one capability re-reads that capability only). Edits show at once, go to
 * the engine one after another, and are reconciled with its answer (see ./sync); a failed edit is shown
 * and the cache is re-read.
 */
import { create } from 'zustand';
import type { CommandName, Input, Result } from '../../../shared/api';
import type { AssessmentDetail, Evidence, Rating, Vote, WorkshopSession } from '../../../shared/domain';
import type { EngineEvent } from '../../../shared/events';
import type { Framework } from '../../../shared/framework/schema';
import { consensus, levelForMedian } from '../../../shared/scoring/consensus';
import { applyRatingPatch, blankRating, type RatingPatch } from '../../../shared/scoring/rating';
import { errorMessage, invoke } from '../api';
import { useApp } from './app';
import { applySlice, WriteQueue, type SyncOptions } from './sync';
import { useWorkspace } from './workspace';

type Ref = 'engagementId' | 'assessmentId';
type CapabilityRef = Ref | 'capabilityId';
export type ActionPatch = Omit<Input<'action.update'>, Ref | 'actionId'>;
export type NewAction = Omit<Input<'action.add'>, CapabilityRef>;
export type NewEvidence = Input<'evidence.add'>;
export type MedianChoice = { currentLevel?: number; targetLevel?: number };
export type { RatingPatch };

type Detail = AssessmentDetail;

interface AssessmentState {
  engagementId: string | null;
  assessmentId: string | null;
  detail: Detail | null;
  /** The framework version the assessment pins. */
  framework: Framework | null;
  error: string | null;
  /** Edits sent and not answered yet. */
  pending: number;
  /** Counts re-reads applied from the engine: the screen is known to match the file. */
  synced: number;
  open(engagementId: string, assessmentId: string): Promise<void>;
  /** Re-reads everything. */
  reload(): Promise<void>;
  /** Follows an engine change event: re-reads what it touched, soon, once for a burst of events. */
  follow(event: EngineEvent): void;
  write<C extends CommandName>(command: C, input: Input<C>, options?: SyncOptions<Result<C>, Detail>): Promise<Result<C> | null>;
  rate(capabilityId: string, patch: RatingPatch): Promise<Rating | null>;
  /** Agrees the median of the votes; `choice` picks the level for a median between two levels (the lower one otherwise). */
  acceptMedian(capabilityId: string, choice?: MedianChoice): Promise<Rating | null>;
  vote(capabilityId: string, participantId: string, currentLevel: number, targetLevel?: number | null): Promise<Vote | null>;
  removeVote(capabilityId: string, participantId: string): Promise<unknown>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  addAction(capabilityId: string, action: NewAction): Promise<unknown>;
  updateAction(actionId: string, patch: ActionPatch): Promise<unknown>;
  removeAction(actionId: string): Promise<unknown>;
  addEvidence(input: NewEvidence): Promise<Evidence>;
  link(capabilityId: string, evidence: Evidence): Promise<unknown>;
  unlink(capabilityId: string, evidenceId: string): Promise<unknown>;
  startWorkshop(input: Omit<Input<'workshop.start'>, Ref>): Promise<unknown>;
  endWorkshop(sessionId: string): Promise<unknown>;
  focus(sessionId: string, capabilityId: string): Promise<unknown>;
  /** Who is in the room now, and blind voting on or off. */
  updateWorkshop(sessionId: string, patch: { participantIds?: string[]; blind?: boolean }): Promise<unknown>;
  /** Shows (or hides again) the votes on a capability on the projector, in blind voting. */
  reveal(sessionId: string, capabilityId: string, revealed: boolean): Promise<unknown>;
}

const withRating = (d: Detail, capabilityId: string, rating: Rating): Detail => ({ ...d, ratings: { ...d.ratings, [capabilityId]: rating } });
const withEvidence = (d: Detail, evidence: Evidence): Detail => ({
  ...d,
  evidence: d.evidence.some((e) => e.id === evidence.id) ? d.evidence.map((e) => (e.id === evidence.id ? evidence : e)) : [...d.evidence, evidence],
});
const withVote = (d: Detail, vote: Vote): Detail => ({
  ...d,
  votes: [...d.votes.filter((v) => !(v.capabilityId === vote.capabilityId && v.participantId === vote.participantId)), vote],
});

const withSession = (d: Detail, sessionId: string, patch: Partial<WorkshopSession>): Detail => ({
  ...d,
  sessions: d.sessions.map((s) => (s.id === sessionId ? { ...s, ...patch } : s)),
});

/**
 * Says what an undo or redo changed; when that was another capability than the one on screen, the workspace goes
 * there, so a change is never made where the facilitator cannot see it.
 */
function showReplayed(verb: 'Undone' | 'Redone', label: string | null, capabilityId: string | null): void {
  const app = useApp.getState();
  if (!label) {
    app.notify('info', verb === 'Undone' ? 'Nothing to undo' : 'Nothing to redo');
    return;
  }
  const route = app.route;
  const shown = route.name === 'assessment' ? (route.capabilityId ?? useWorkspace.getState().lastCapabilityId) : null;
  if (capabilityId && route.name === 'assessment' && !route.activity && shown !== capabilityId) {
    app.navigate({ ...route, capabilityId }, { replace: true });
    const what = label.startsWith(`${capabilityId}: `) ? label.slice(capabilityId.length + 2) : label;
    app.notify('info', `${verb} on ${capabilityId} (shown now): ${what}`);
  } else app.notify('info', `${verb}: ${label}`);
}

/** More capabilities than this in one burst: re-read everything instead. */
const SLICE_LIMIT = 6;

export const useAssessment = create<AssessmentState>((set, get) => {
  const ref = () => {
    const { engagementId, assessmentId } = get();
    if (!engagementId || !assessmentId) throw new Error('No assessment is open.');
    return { engagementId, assessmentId };
  };

  const queue = new WriteQueue<Detail>({
    get: () => get().detail,
    set: (detail) => set({ detail }),
    pending: (pending) => {
      set({ pending });
      // A re-read put off while edits were on their way happens once the last is answered.
      if (pending === 0 && dirty !== undefined) schedule(0);
    },
  });

  // What the engine said changed since the last re-read: whole (null) or these capabilities.
  let dirty: Set<string> | null | undefined;
  let timer: number | undefined;
  let running: Promise<void> | null = null;

  /** Re-reads what is dirty; a read that raced a local change is dropped and done again. */
  const sync = async (): Promise<void> => {
    while (dirty !== undefined) {
      const { engagementId, assessmentId } = get();
      if (!engagementId || !assessmentId) return;
      const want = dirty;
      dirty = undefined;
      const startedAt = queue.version;
      try {
        if (want === null || want.size > SLICE_LIMIT) {
          const detail = await invoke('assessment.get', { engagementId, assessmentId });
          if (get().assessmentId !== assessmentId) return;
          if (!queue.canApply(startedAt)) markDirty(null);
          else set({ detail, error: null, synced: get().synced + 1 });
        } else {
          const slices = await Promise.all([...want].map((capabilityId) => invoke('assessment.capability', { engagementId, assessmentId, capabilityId })));
          if (get().assessmentId !== assessmentId) return;
          const d = get().detail;
          if (!d || !queue.canApply(startedAt)) for (const c of want) markDirty(c);
          else set({ detail: slices.reduce(applySlice, d), synced: get().synced + 1 });
        }
      } catch (err) {
        if (get().assessmentId === assessmentId && !get().detail) set({ error: errorMessage(err) });
        return;
      }
      // Edits still on their way: the event their answer brings triggers the next read.
      if (queue.pending > 0) return;
    }
  };

  function markDirty(capabilityId: string | null): void {
    if (capabilityId === null) dirty = null;
    else if (dirty !== null) (dirty ??= new Set()).add(capabilityId);
  }

  const schedule = (delay: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (running) return schedule(delay);
      running = sync().finally(() => {
        running = null;
      });
    }, delay);
  };

  return {
    engagementId: null,
    assessmentId: null,
    detail: null,
    framework: null,
    error: null,
    pending: 0,
    synced: 0,

    async open(engagementId, assessmentId) {
      if (get().assessmentId === assessmentId && get().detail) return;
      dirty = undefined;
      set({ engagementId, assessmentId, detail: null, framework: null, error: null });
      try {
        const detail = await invoke('assessment.get', { engagementId, assessmentId });
        const framework = await invoke('framework.get', { engagementId, frameworkId: detail.assessment.frameworkId, version: detail.assessment.frameworkVersion });
        if (get().assessmentId === assessmentId) set({ detail, framework });
      } catch (err) {
        if (get().assessmentId === assessmentId) set({ error: errorMessage(err) });
      }
    },

    async reload() {
      markDirty(null);
      window.clearTimeout(timer);
      await (running ?? Promise.resolve());
      running = sync().finally(() => {
        running = null;
      });
      await running;
    },

    follow(event) {
      if (event.type !== 'changed' || event.engagementId !== get().engagementId) return;
      if (event.assessmentId && event.assessmentId !== get().assessmentId && !event.tables.includes('evidence')) return;
      markDirty(event.assessmentId === get().assessmentId && event.capabilityId ? event.capabilityId : null);
      // While edits are on their way, the last answer triggers the read; otherwise a few milliseconds gather a burst.
      if (queue.pending === 0) schedule(4);
    },

    async write(command, input, options = {}) {
      try {
        return await queue.run(() => invoke(command, input), options);
      } catch (err) {
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

    acceptMedian(capabilityId, choice = {}) {
      return get().write(
        'assessment.acceptMedian',
        { ...ref(), capabilityId, ...choice },
        {
          optimistic: (d) => {
            const c = consensus(d.votes.filter((v) => v.capabilityId === capabilityId));
            const current = levelForMedian(c.median, choice.currentLevel);
            const target = levelForMedian(c.targetMedian, choice.targetLevel);
            if (current == null || target === undefined) return d;
            const patch: RatingPatch = { currentLevel: current, notApplicable: false, ...(target !== null ? { targetLevel: target } : {}) };
            return withRating(d, capabilityId, applyRatingPatch(d.ratings[capabilityId] ?? blankRating(capabilityId), patch));
          },
          reconcile: (d, rating) => withRating(d, capabilityId, rating),
        },
      );
    },

    vote(capabilityId, participantId, currentLevel, targetLevel = null) {
      const optimisticVote: Vote = { capabilityId, participantId, currentLevel, targetLevel, updatedAt: '' };
      return get().write('vote.cast', { ...ref(), capabilityId, participantId, currentLevel, targetLevel }, { optimistic: (d) => withVote(d, optimisticVote), reconcile: withVote });
    },

    removeVote(capabilityId, participantId) {
      return get().write(
        'vote.remove',
        { ...ref(), capabilityId, participantId },
        { optimistic: (d) => ({ ...d, votes: d.votes.filter((v) => !(v.capabilityId === capabilityId && v.participantId === participantId)) }) },
      );
    },

    async undo() {
      const done = await get().write('history.undo', ref(), { reconcile: (d, r) => ({ ...d, undo: { undo: r.undo, redo: r.redo } }) });
      showReplayed('Undone', done?.done ?? null, done?.capabilityId ?? null);
    },

    async redo() {
      const done = await get().write('history.redo', ref(), { reconcile: (d, r) => ({ ...d, undo: { undo: r.undo, redo: r.redo } }) });
      showReplayed('Redone', done?.done ?? null, done?.capabilityId ?? null);
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
      const evidence = await queue.run(() => invoke('evidence.add', input), { reconcile: (d, e) => (e.links.some((l) => l.assessmentId === d.assessment.id) ? withEvidence(d, e) : d) });
      return evidence;
    },

    link(capabilityId, evidence) {
      const { assessmentId } = ref();
      return get().write(
        'evidence.link',
        { ...ref(), capabilityId, evidenceId: evidence.id },
        { optimistic: (d) => withEvidence(d, { ...evidence, links: [...evidence.links, { assessmentId, capabilityId }] }), reconcile: withEvidence },
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

    startWorkshop(input) {
      return queue.run(() => invoke('workshop.start', { ...ref(), ...input }), { reconcile: (d, s) => ({ ...d, sessions: [s, ...d.sessions.filter((x) => x.id !== s.id)] }) });
    },

    endWorkshop(sessionId) {
      return get().write('workshop.end', { engagementId: ref().engagementId, sessionId }, { reconcile: (d, s) => ({ ...d, sessions: d.sessions.map((x) => (x.id === s.id ? s : x)) }) });
    },

    focus(sessionId, capabilityId) {
      return get().write('workshop.focus', { engagementId: ref().engagementId, sessionId, capabilityId });
    },

    updateWorkshop(sessionId, patch) {
      return get().write('workshop.update', { engagementId: ref().engagementId, sessionId, ...patch }, { optimistic: (d) => withSession(d, sessionId, patch), reconcile: (d, s) => withSession(d, s.id, s) });
    },

    reveal(sessionId, capabilityId, revealed) {
      return get().write(
        'workshop.reveal',
        { engagementId: ref().engagementId, sessionId, capabilityId, revealed },
        {
          optimistic: (d) => {
            const s = d.sessions.find((x) => x.id === sessionId);
            const others = s?.revealed.filter((c) => c !== capabilityId) ?? [];
            return withSession(d, sessionId, { revealed: revealed ? [...others, capabilityId] : others });
          },
          reconcile: (d, s) => withSession(d, s.id, s),
        },
      );
    },
  };
});
