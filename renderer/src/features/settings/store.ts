import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings } from '@meetai/shared';

export interface SettingsState {
  settings: Settings;
  isLoaded: boolean;
  /** Replaces the settings with what the bridge says is now stored. */
  setSettings(settings: Settings): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  isLoaded: false,
  setSettings: (settings) => set({ settings, isLoaded: true }),
}));
