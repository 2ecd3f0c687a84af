/**
 * The engagement's roadmap: a cache over rateCard.get, initiative.list, scenario.list and the roadmap's
 * undo state, plus the outputs of the scenarios on screen (scenario.outputs). Every roadmap write is an
 * action here; an action throws the engine's error so the form shows it at its field. The cache catches
 * up through the change events the writes cause (and a change of the baseline's scores, which moves
 * the outputs too).
 */
import { create } from 'zustand';
import type { Input, Result } from '../../../shared/api';
import type { Initiative, InitiativeSuggestion, RateCard, RoadmapScenario, ScenarioOutputs, UndoState } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { EngineEvent } from '../../../shared/events';
import type { Framework } from '../../../shared/framework/schema';
import { errorMessage, invoke } from '../api';
import { useApp } from './app';

type Ref = 'engagementId';
export type NewInitiative = Omit<Input<'initiative.add'>, Ref>;
export type InitiativePatch = Omit<Input<'initiative.update'>, Ref | 'initiativeId'>;
export type NewScenario = Omit<Input<'scenario.create'>, Ref>;
export type ScenarioPatch = Omit<Input<'scenario.update'>, Ref | 'scenarioId'>;
export type RoleDraft = Input<'rateCard.set'>['roles'][number];

/** Tables whose change means the roadmap (or what it plans from) changed. */
const FOLLOWED = new Set([
  'roadmap_role',
  'initiative',
  'initiative_uplift',
  'initiative_effort',
  'initiative_dependency',
  'initiative_cost_share',
  'scenario',
  'scenario_capacity',
  'scenario_choice',
  'scenario_module_weight',
  'scenario_manual_start',
  'scenario_schedule',
  'rating',
  'business_unit',
  'assessment',
  'engagement',
]);

export interface OutputsEntry {
  data: ScenarioOutputs | null;
  /** The engine's refusal (e.g. an initiative no longer fits the baseline), shown instead of the charts. */
  error: { message: string; fields: { path: string; message: string }[] } | null;
}

/** The baseline the editors pick capabilities from: its framework and agreed levels. */
export interface BaselineView {
  assessmentId: string;
  label: string;
  framework: Framework;
  levels: Record<string, { current: number | null; target: number | null; notApplicable: boolean }>;
}

interface RoadmapState {
  engagementId: string | null;
  rateCard: RateCard | null;
  initiatives: Initiative[];
  scenarios: RoadmapScenario[];
  undo: UndoState;
  loaded: boolean;
  error: string | null;
  outputs: Record<string, OutputsEntry>;
  baseline: BaselineView | null;
  /** The scenario being scheduled, while the solver runs. */
  scheduling: string | null;
  open(engagementId: string): Promise<void>;
  reload(): Promise<void>;
  loadOutputs(scenarioId: string): Promise<void>;
  loadBaseline(assessmentId: string): Promise<void>;
  follow(event: EngineEvent): void;
  setRateCard(roles: RoleDraft[]): Promise<RateCard>;
  addInitiative(fields: NewInitiative): Promise<Initiative>;
  updateInitiative(initiativeId: string, patch: InitiativePatch): Promise<Initiative>;
  removeInitiative(initiativeId: string): Promise<unknown>;
  suggest(input: Omit<Input<'initiative.suggest'>, Ref>): Promise<InitiativeSuggestion[]>;
  createScenario(fields: NewScenario): Promise<RoadmapScenario>;
  updateScenario(scenarioId: string, patch: ScenarioPatch): Promise<RoadmapScenario>;
  copyScenario(scenarioId: string, name?: string): Promise<RoadmapScenario>;
  removeScenario(scenarioId: string): Promise<unknown>;
  schedule(scenarioId: string, timeLimitMs?: number): Promise<Result<'scenario.schedule'>>;
  undoLast(): Promise<void>;
  redoLast(): Promise<void>;
}

const NO_UNDO: UndoState = { undo: null, redo: null };

export function fieldsOf(err: unknown): { path: string; message: string }[] {
  if (err instanceof ApiError && err.details && typeof err.details === 'object' && Array.isArray((err.details as { fields?: unknown }).fields)) {
    return (err.details as { fields: { path: string; message: string }[] }).fields;
  }
  return [];
}

export const useRoadmap = create<RoadmapState>((set, get) => {
  const id = () => {
    const engagementId = get().engagementId;
    if (!engagementId) throw new Error('No engagement is open.');
    return engagementId;
  };
  let timer: number | undefined;
  /** Bumped by every load, so an older answer is not applied over a newer one. */
  let generation = 0;

  return {
    engagementId: null,
    rateCard: null,
    initiatives: [],
    scenarios: [],
    undo: NO_UNDO,
    loaded: false,
    error: null,
    outputs: {},
    baseline: null,
    scheduling: null,

    async open(engagementId) {
      if (get().engagementId !== engagementId) set({ engagementId, loaded: false, rateCard: null, initiatives: [], scenarios: [], outputs: {}, undo: NO_UNDO, error: null });
      // scores may have changed while the roadmap was not on screen (changes are not followed then)
      set({ baseline: null });
      await get().reload();
    },

    async reload() {
      const engagementId = get().engagementId;
      if (!engagementId) return;
      const mine = ++generation;
      try {
        const [rateCard, initiatives, scenarios, undo] = await Promise.all([
          invoke('rateCard.get', { engagementId }),
          invoke('initiative.list', { engagementId }),
          invoke('scenario.list', { engagementId }),
          invoke('history.state', { engagementId, scope: 'roadmap' }),
        ]);
        if (mine !== generation || get().engagementId !== engagementId) return;
        set({ rateCard, initiatives, scenarios, undo, loaded: true, error: null });
      } catch (err) {
        if (mine === generation) set({ error: errorMessage(err), loaded: true });
        return;
      }
      // outputs on screen follow the change
      const known = new Set(get().scenarios.map((s) => s.id));
      const outputs = Object.fromEntries(Object.entries(get().outputs).filter(([sid]) => known.has(sid)));
      set({ outputs });
      await Promise.all(Object.keys(outputs).map((sid) => get().loadOutputs(sid)));
    },

    async loadOutputs(scenarioId) {
      const engagementId = get().engagementId;
      if (!engagementId) return;
      try {
        const data = await invoke('scenario.outputs', { engagementId, scenarioId });
        if (get().engagementId === engagementId) set({ outputs: { ...get().outputs, [scenarioId]: { data, error: null } } });
      } catch (err) {
        if (get().engagementId === engagementId) set({ outputs: { ...get().outputs, [scenarioId]: { data: null, error: { message: errorMessage(err), fields: fieldsOf(err) } } } });
      }
    },

    async loadBaseline(assessmentId) {
      const engagementId = get().engagementId;
      if (!engagementId || get().baseline?.assessmentId === assessmentId) return;
      try {
        const detail = await invoke('assessment.get', { engagementId, assessmentId });
        const framework = await invoke('framework.get', { frameworkId: detail.assessment.frameworkId, version: detail.assessment.frameworkVersion, engagementId });
        const levels: BaselineView['levels'] = {};
        for (const [cap, r] of Object.entries(detail.ratings)) levels[cap] = { current: r.currentLevel, target: r.targetLevel, notApplicable: r.notApplicable };
        const scope = new Set(detail.assessment.scope);
        set({ baseline: { assessmentId, label: detail.assessment.label, framework: { ...framework, modules: framework.modules.filter((m) => scope.has(m.id)) }, levels } });
      } catch (err) {
        useApp.getState().notify('error', errorMessage(err));
      }
    },

    follow(event) {
      if (event.type !== 'changed' || event.engagementId === null || event.engagementId !== get().engagementId) return;
      // only while a roadmap screen is open: a workshop's scores do not re-read the roadmap in the background
      if (useApp.getState().route.name !== 'roadmap') return;
      if (!event.tables.some((t) => FOLLOWED.has(t))) return;
      if (event.tables.includes('rating') && event.assessmentId && get().baseline?.assessmentId === event.assessmentId) set({ baseline: null });
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void get().reload(), 30);
    },

    async setRateCard(roles) {
      return invoke('rateCard.set', { engagementId: id(), roles });
    },
    async addInitiative(fields) {
      return invoke('initiative.add', { ...fields, engagementId: id() });
    },
    async updateInitiative(initiativeId, patch) {
      return invoke('initiative.update', { ...patch, engagementId: id(), initiativeId });
    },
    async removeInitiative(initiativeId) {
      return invoke('initiative.remove', { engagementId: id(), initiativeId });
    },
    async suggest(input) {
      return invoke('initiative.suggest', { ...input, engagementId: id() });
    },
    async createScenario(fields) {
      return invoke('scenario.create', { ...fields, engagementId: id() });
    },
    async updateScenario(scenarioId, patch) {
      return invoke('scenario.update', { ...patch, engagementId: id(), scenarioId });
    },
    async copyScenario(scenarioId, name) {
      return invoke('scenario.copy', { engagementId: id(), scenarioId, ...(name ? { name } : {}) });
    },
    async removeScenario(scenarioId) {
      return invoke('scenario.remove', { engagementId: id(), scenarioId });
    },
    async schedule(scenarioId, timeLimitMs) {
      set({ scheduling: scenarioId });
      try {
        return await invoke('scenario.schedule', { engagementId: id(), scenarioId, ...(timeLimitMs ? { timeLimitMs } : {}) });
      } finally {
        set({ scheduling: null });
      }
    },
    async undoLast() {
      try {
        const r = await invoke('history.undo', { engagementId: id(), scope: 'roadmap' });
        set({ undo: { undo: r.undo, redo: r.redo } });
        useApp.getState().notify('info', r.done ? `Undone: ${r.done}` : 'Nothing to undo');
      } catch (err) {
        useApp.getState().notify('error', errorMessage(err));
      }
    },
    async redoLast() {
      try {
        const r = await invoke('history.redo', { engagementId: id(), scope: 'roadmap' });
        set({ undo: { undo: r.undo, redo: r.redo } });
        useApp.getState().notify('info', r.done ? `Redone: ${r.done}` : 'Nothing to redo');
      } catch (err) {
        useApp.getState().notify('error', errorMessage(err));
      }
    },
  };
});
