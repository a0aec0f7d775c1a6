import {
  BridgeChannels,
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
  parseUnknown,
  salvageSettings,
  type BridgeEvent,
  type BridgeEventPayload,
  type DesktopBridge,
  type HealthProbeRequest,
  type HealthSweep,
  type Settings,
} from '@meetai/shared';
import { createLogger } from '../lib/logger';

const log = createLogger('browser-bridge');

const SETTINGS_KEY = 'meetai.settings';
/**
 * The web build keeps the refresh token in localStorage. It has no OS keychain,
 * an httpOnly cookie cannot work because the API server is user-configurable
 * (often another origin) and hands the token out in the JSON body, and
 * sessionStorage would sign people out of every new tab. The exposure to XSS is
 * bounded by the strict CSP, the short-lived access token kept in memory only,
 * and the server rotating the refresh token on each use.
 */
const REFRESH_TOKEN_KEY = 'meetai.refresh_token';

/** Served by the gateway, the app's own origin is the natural server address. */
function defaultSettings(location: Location | undefined): Settings {
  const origin = location?.origin;
  if (origin && /^https?:/.test(location.protocol)) {
    const parsed = SettingsSchema.safeParse({ server_url: origin });
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_SETTINGS;
}

export interface BrowserBridgeEnvironment {
  storage: Storage;
  location?: Location;
  open?: (url: string, target: string, features: string) => unknown;
  appVersion?: string;
  /** The gateway's probe (`POST /api/v1/admin/health`): a page cannot reach the monitoring ports itself (CORS). */
  probeHealth?: (request: HealthProbeRequest) => Promise<HealthSweep>;
}

/** The DesktopBridge for the web build, where there is no Electron main process. */
export function createBrowserBridge(env: BrowserBridgeEnvironment): DesktopBridge {
  const { storage } = env;

  /** Stored settings, keeping each field that is still valid: one bad value does not lose the rest. */
  function readSettings(): Settings {
    const fallback = defaultSettings(env.location);
    const raw = storage.getItem(SETTINGS_KEY);
    if (!raw) return fallback;
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch (error) {
      log.warn('settingsGet() | stored settings are not JSON, using defaults', error);
      return fallback;
    }
    return salvageSettings(stored, fallback);
  }

  return {
    async appGetInfo() {
      return { version: env.appVersion ?? '0.0.0', platform: 'web', is_desktop: false };
    },
    async appReady() {
      return null;
    },
    async settingsGet() {
      return readSettings();
    },
    async settingsSet(patch) {
      const validPatch = parseUnknown(SettingsPatchSchema, patch, 'settings patch');
      const next = SettingsSchema.parse({ ...readSettings(), ...validPatch });
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    async authGetToken() {
      return storage.getItem(REFRESH_TOKEN_KEY);
    },
    async authSetToken(token) {
      storage.setItem(REFRESH_TOKEN_KEY, token);
      return null;
    },
    async authClearToken() {
      storage.removeItem(REFRESH_TOKEN_KEY);
      return null;
    },
    async shellOpenExternal(url) {
      // Only http(s): the channel's schema refuses javascript:, file: and friends.
      const safeUrl = parseUnknown(BridgeChannels['shell:openExternal'].request, url, 'link');
      env.open?.(safeUrl, '_blank', 'noopener,noreferrer');
      return null;
    },
    // The browser keeps no badge, tray or power-save blocker: these are the desktop shell's.
    async appSetUnreadCount() {
      return null;
    },
    async meetingSetPresence() {
      return null;
    },
    // The browser has its own screen picker behind getDisplayMedia(); the room never asks the bridge there.
    async screenListSources() {
      throw new Error('Screen sources are listed by the desktop app only; the browser shows its own picker.');
    },
    async screenSelect() {
      throw new Error('Screen sources are picked in the desktop app only; the browser shows its own picker.');
    },
    // The page itself shows chat, alerts and meetings; native notifications are the desktop shell's.
    async notificationShow() {
      return { shown: false };
    },
    // The web build is updated by the server that serves it.
    async updaterGetStatus() {
      return { state: 'disabled', reason: 'web' } as const;
    },
    async updaterCheck() {
      return { state: 'disabled', reason: 'web' } as const;
    },
    async updaterInstall() {
      throw new Error('The web app is updated by its server; there is nothing to install.');
    },
    async healthProbe(request) {
      if (!env.probeHealth) throw new Error('Health probes go through the server, which is not wired here.');
      return env.probeHealth(parseUnknown(BridgeChannels['health:probe'].request, request, 'health probe'));
    },
    // A browser has no main process pushing events: deep links arrive as the page URL instead.
    on<E extends BridgeEvent>(_event: E, _listener: (payload: BridgeEventPayload<E>) => void) {
      return () => undefined;
    },
  };
}
