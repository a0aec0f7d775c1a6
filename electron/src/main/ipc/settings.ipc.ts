import path from 'node:path';
import { app } from 'electron';
import { SettingsStore } from '../storage/settings-store';
import { HandlerGroup, type SenderTrust } from './handle';

export const SETTINGS_FILE = 'settings.json';

const handlers = new HandlerGroup();

/** userDataDir defaults to Electron's per-user app folder; tests pass a temp dir. */
export function register(trust: SenderTrust, userDataDir = app.getPath('userData')): void {
  const store = new SettingsStore(path.join(userDataDir, SETTINGS_FILE));
  handlers.add('settings:get', () => store.read(), trust);
  handlers.add('settings:set', (patch) => store.update(patch), trust);
}

export function dispose(): void {
  handlers.dispose();
}
