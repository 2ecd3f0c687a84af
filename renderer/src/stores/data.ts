/** Thin caches over the engine, one per domain; they re-query when the engine says something changed. */
import { create } from 'zustand';
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
}));

interface EngagementState {
  current: Engagement | null;
  loadingId: string | null;
  error: string | null;
  open(engagementId: string): Promise<void>;
  reload(): Promise<void>;
  clear(): void;
}

export const useEngagement = create<EngagementState>((set, get) => ({
  current: null,
  loadingId: null,
  error: null,
  async open(engagementId) {
    set({ loadingId: engagementId, error: null });
    try {
      const current = await invoke('engagement.open', { engagementId });
      if (get().loadingId === engagementId) set({ current, loadingId: null });
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
}));

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
