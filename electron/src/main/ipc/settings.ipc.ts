import path from 'node:path';
import { app } from 'electron';
import { DEFAULT_SETTINGS, ServerUrlSchema, type Settings } from '@meetai/shared';
import { SettingsStore } from '../storage/settings-store';
import { HandlerGroup, type SenderTrust } from './handle';

export const SETTINGS_FILE = 'settings.json';

/** `npm start` says where it started the server; it is the server until the user picks another. */
export const SERVER_URL_ENV = 'MEETAI_SERVER_URL';

/** The defaults, with the server from MEETAI_SERVER_URL when that is an http(s) URL. */
export function settingsDefaults(env: NodeJS.ProcessEnv): Settings {
  const serverUrl = ServerUrlSchema.safeParse(env[SERVER_URL_ENV]);
  return serverUrl.success ? { ...DEFAULT_SETTINGS, server_url: serverUrl.data } : DEFAULT_SETTINGS;
}

const handlers = new HandlerGroup();

export interface SettingsIpcOptions {
  /** userDataDir defaults to Electron's per-user app folder; tests pass a temp dir. */
  userDataDir?: string;
  /** After each saved change: main follows the language (menus, tray, dialogs). */
  onChange?: (settings: Settings) => void;
  defaults?: Settings;
}

/** Registers the channels; returns the store, which main also reads (the language at start). */
export function register(trust: SenderTrust, options: SettingsIpcOptions = {}): SettingsStore {
  const store = new SettingsStore(
    path.join(options.userDataDir ?? app.getPath('userData'), SETTINGS_FILE),
    options.defaults ?? settingsDefaults(process.env),
  );
  handlers.add('settings:get', () => store.read(), trust);
  handlers.add(
    'settings:set',
    async (patch) => {
      const settings = await store.update(patch);
      options.onChange?.(settings);
      return settings;
    },
    trust,
  );
  return store;
}

export function dispose(): void {
  handlers.dispose();
}
