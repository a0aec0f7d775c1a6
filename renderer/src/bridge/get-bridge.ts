import { API_PREFIX, BridgeChannels, HealthSweepSchema, methodNameOf, type DesktopBridge } from '@meetai/shared';
import { api } from '../lib/http';
import { createBrowserBridge } from './browser-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web build. */
    desktop?: DesktopBridge;
  }
}

let bridge: DesktopBridge | null = null;

function looksLikeBridge(value: unknown): value is DesktopBridge {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.on === 'function' &&
    (Object.keys(BridgeChannels) as (keyof typeof BridgeChannels)[]).every(
      (channel) => typeof record[methodNameOf(channel)] === 'function',
    )
  );
}

/** The desktop shell's bridge when running in Electron, else the browser stand-in. */
export function getBridge(): DesktopBridge {
  if (bridge) return bridge;
  bridge = looksLikeBridge(window.desktop)
    ? window.desktop
    : createBrowserBridge({
        storage: window.localStorage,
        location: window.location,
        open: (url, target, features) => window.open(url, target, features),
        appVersion: import.meta.env.VITE_APP_VERSION,
        probeHealth: (request) => api.post(`${API_PREFIX}/admin/health`, request, HealthSweepSchema),
      });
  return bridge;
}

/** Whether the page runs in the desktop app (its bridge has a main process behind it). */
export function isDesktopApp(): boolean {
  return looksLikeBridge(window.desktop);
}
