/** The settings of this computer (who changes are recorded as, the evidence size limit): read and saved here. */
import { create } from 'zustand';
import type { Input } from '../../../shared/api';
import type { Settings } from '../../../shared/domain';
import { invoke } from '../api';

export type SettingsPatch = Input<'settings.update'>;

interface SettingsState {
  settings: Settings | null;
  /** Reads the settings; throws the engine's error. */
  load(): Promise<Settings>;
  /** Saves a change and returns the settings as stored; throws the engine's error (for the form to show). */
  update(patch: SettingsPatch): Promise<Settings>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  async load() {
    const settings = await invoke('settings.get', {});
    set({ settings });
    return settings;
  },
  async update(patch) {
    const settings = await invoke('settings.update', patch);
    set({ settings });
    return settings;
  },
}));
