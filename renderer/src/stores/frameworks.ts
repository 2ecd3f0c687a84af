/**
 * The frameworks a consultant scores against: the built-in versions and their own custom copies. A thin
 * cache over `framework.*`; writes go through the actions, which hand the engine's error to the caller so
 * a form can show it at the field.
 */
import { create } from 'zustand';
import type { Framework, FrameworkSummary } from '../../../shared/framework/schema';
import { errorMessage, invoke } from '../api';

const keyOf = (id: string, version: string) => `${id}@${version}`;

interface FrameworksState {
  list: FrameworkSummary[];
  loaded: boolean;
  error: string | null;
  /** Frameworks read so far, by `id@version`. */
  byKey: Record<string, Framework>;
  load(): Promise<void>;
  /** A framework by id and version, read once. */
  get(id: string, version: string): Promise<Framework>;
  copy(source: FrameworkSummary, id: string, name: string): Promise<FrameworkSummary>;
  save(framework: Framework): Promise<FrameworkSummary>;
  importText(json: string, fileName: string): Promise<FrameworkSummary>;
  exportJson(id: string, version: string): Promise<{ fileName: string; json: string }>;
  remove(id: string, version: string): Promise<void>;
}

export const useFrameworks = create<FrameworksState>((set, get) => ({
  list: [],
  loaded: false,
  error: null,
  byKey: {},

  async load() {
    try {
      set({ list: await invoke('framework.list', {}), loaded: true, error: null });
    } catch (err) {
      set({ error: errorMessage(err), loaded: true });
    }
  },

  async get(id, version) {
    const key = keyOf(id, version);
    const known = get().byKey[key];
    if (known) return known;
    const fw = await invoke('framework.get', { frameworkId: id, version });
    set({ byKey: { ...get().byKey, [key]: fw } });
    return fw;
  },

  async copy(source, id, name) {
    const created = await invoke('framework.copy', { frameworkId: source.id, version: source.version, id, name });
    await get().load();
    return created;
  },

  async save(framework) {
    const saved = await invoke('framework.save', { framework });
    set({ byKey: { ...get().byKey, [keyOf(framework.id, framework.version)]: framework } });
    await get().load();
    return saved;
  },

  async importText(json, fileName) {
    const imported = await invoke('framework.import', { json, fileName });
    const { [keyOf(imported.id, imported.version)]: _stale, ...rest } = get().byKey;
    set({ byKey: rest });
    await get().load();
    return imported;
  },

  exportJson(id, version) {
    return invoke('framework.export', { frameworkId: id, version });
  },

  async remove(id, version) {
    await invoke('framework.remove', { frameworkId: id, version });
    const { [keyOf(id, version)]: _gone, ...rest } = get().byKey;
    set({ byKey: rest });
    await get().load();
  },
}));
