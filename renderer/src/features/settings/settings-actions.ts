import type { SettingsPatch } from '@meetai/shared';
import { getBridge } from '../../bridge/get-bridge';
import { useSettingsStore } from './store';

/** Reads the remembered settings (localStorage in the browser, the main process on desktop). */
export async function loadSettings(): Promise<void> {
  const settings = await getBridge().settingsGet();
  useSettingsStore.getState().setSettings(settings);
}

/** Saves a change through the bridge, then shows what was actually stored. */
export async function updateSettings(patch: SettingsPatch): Promise<void> {
  const settings = await getBridge().settingsSet(patch);
  useSettingsStore.getState().setSettings(settings);
}
