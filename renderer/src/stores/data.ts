/**
 * Thin caches over the engine, one per domain; they re-query when the engine says something changed. Every write
 * of these domains is an action here; an action throws the engine's error, so the caller shows it where the user
 * is looking (a form's error line, or a toast). The caches catch up through the change event the write causes.
 */
import { create } from 'zustand';
import type { Input, Result } from '../../../shared/api';
import type { Engagement, EngagementSummary } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework/schema';
import { errorMessage, invoke } from '../api';

interface LibraryState {
  engagements: EngagementSummary[];
  /** Files in the data folder that could not be opened. */
  unreadable: { file: string; message: string }[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  create(input: Input<'engagement.create'>): Promise<EngagementSummary>;
  rename(engagementId: string, client: string): Promise<EngagementSummary>;
  archive(engagementId: string, archived: boolean): Promise<EngagementSummary>;
  /** Deletes the engagement's file (and its backups) for good. */
  remove(engagementId: string): Promise<Result<'engagement.delete'>>;
  /** Creates the sample engagement (a fictional client with two quarters of work). */
  createSample(): Promise<EngagementSummary>;
}

export const useLibrary = create<LibraryState>((set) => ({
  engagements: [],
  unreadable: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const [engagements, unreadable] = await Promise.all([invoke('engagement.list', {}), invoke('engagement.unreadable', {})]);
      set({ engagements, unreadable, loaded: true, error: null });
    } catch (err) {
      set({ error: errorMessage(err), loaded: true });
    }
  },
  create(input) {
    return invoke('engagement.create', input);
  },
  rename(engagementId, client) {
    return invoke('engagement.update', { engagementId, client });
  },
  archive(engagementId, archived) {
    return invoke('engagement.archive', { engagementId, archived });
  },
  remove(engagementId) {
    return invoke('engagement.delete', { engagementId });
  },
  createSample() {
    return invoke('engagement.createSample', {});
  },
}));

type OfEngagement<C extends 'engagement.update' | 'assessment.create' | 'participant.add' | 'participant.update'> = Omit<Input<C>, 'engagementId'>;
export type EngagementPatch = OfEngagement<'engagement.update'>;
export type NewAssessment = OfEngagement<'assessment.create'>;
export type NewParticipant = OfEngagement<'participant.add'>;
export type ParticipantPatch = Omit<OfEngagement<'participant.update'>, 'participantId'>;

interface EngagementState {
  current: Engagement | null;
  loadingId: string | null;
  error: string | null;
  open(engagementId: string): Promise<void>;
  reload(): Promise<void>;
  clear(): void;
  /** Writes to the open engagement. */
  update(patch: EngagementPatch): Promise<EngagementSummary>;
  createAssessment(input: NewAssessment): Promise<Result<'assessment.create'>>;
  addBusinessUnit(name: string): Promise<Result<'businessUnit.add'>>;
  removeBusinessUnit(businessUnitId: string): Promise<Result<'businessUnit.remove'>>;
  addParticipant(participant: NewParticipant): Promise<Result<'participant.add'>>;
  updateParticipant(participantId: string, patch: ParticipantPatch): Promise<Result<'participant.update'>>;
  /** Marks a participant as left: kept with their votes, out of new vote rounds. */
  removeParticipant(participantId: string): Promise<Result<'participant.remove'>>;
  restoreParticipant(participantId: string): Promise<Result<'participant.restore'>>;
  restoreBusinessUnit(businessUnitId: string): Promise<Result<'businessUnit.restore'>>;
  updateAssessment(assessmentId: string, patch: { label?: string; date?: string }): Promise<Result<'assessment.update'>>;
  /** Deletes an assessment with its scores, votes and actions. */
  deleteAssessment(assessmentId: string): Promise<Result<'assessment.delete'>>;
}

export const useEngagement = create<EngagementState>((set, get) => {
  const engagementId = () => {
    const id = get().current?.id;
    if (!id) throw new Error('No engagement is open.');
    return id;
  };
  return {
    current: null,
    loadingId: null,
    error: null,
    async open(id) {
      set({ loadingId: id, error: null });
      try {
        const current = await invoke('engagement.open', { engagementId: id });
        if (get().loadingId === id) set({ current, loadingId: null });
      } catch (err) {
        set({ error: errorMessage(err), loadingId: null, current: null });
      }
    },
    async reload() {
      const id = get().current?.id;
      if (!id) return;
      try {
        set({ current: await invoke('engagement.get', { engagementId: id }) });
      } catch (err) {
        set({ error: errorMessage(err), current: null });
      }
    },
    clear() {
      set({ current: null, error: null });
    },
    async update(patch) {
      return invoke('engagement.update', { ...patch, engagementId: engagementId() });
    },
    async createAssessment(input) {
      return invoke('assessment.create', { ...input, engagementId: engagementId() });
    },
    async addBusinessUnit(name) {
      return invoke('businessUnit.add', { engagementId: engagementId(), name });
    },
    async removeBusinessUnit(businessUnitId) {
      return invoke('businessUnit.remove', { engagementId: engagementId(), businessUnitId });
    },
    async addParticipant(participant) {
      return invoke('participant.add', { ...participant, engagementId: engagementId() });
    },
    async updateParticipant(participantId, patch) {
      return invoke('participant.update', { ...patch, engagementId: engagementId(), participantId });
    },
    async removeParticipant(participantId) {
      return invoke('participant.remove', { engagementId: engagementId(), participantId });
    },
    async restoreParticipant(participantId) {
      return invoke('participant.restore', { engagementId: engagementId(), participantId });
    },
    async restoreBusinessUnit(businessUnitId) {
      return invoke('businessUnit.restore', { engagementId: engagementId(), businessUnitId });
    },
    async updateAssessment(assessmentId, patch) {
      return invoke('assessment.update', { ...patch, engagementId: engagementId(), assessmentId });
    },
    async deleteAssessment(assessmentId) {
      return invoke('assessment.delete', { engagementId: engagementId(), assessmentId });
    },
  };
});

interface FrameworkState {
  framework: Framework | null;
  load(): Promise<void>;
}

export const useFramework = create<FrameworkState>((set, get) => ({
  framework: null,
  async load() {
    if (get().framework) return;
    set({ framework: await invoke('framework.get', {}) });
  },
}));
