import type { DesktopShell } from '../desktop-shell';
import type { Notifier } from '../notifications';
import type { RendererEvents } from '../renderer-events';
import type { SettingsStore } from '../storage/settings-store';
import type { UpdateService } from '../updater';
import type { ScreenShare } from '../windows/screen-share';
import * as appIpc from './app.ipc';
import * as authIpc from './auth.ipc';
import type { SenderTrust } from './handle';
import * as healthIpc from './health.ipc';
import * as meetingIpc from './meeting.ipc';
import * as notificationIpc from './notification.ipc';
import * as screenIpc from './screen.ipc';
import * as settingsIpc from './settings.ipc';
import * as shellIpc from './shell.ipc';
import * as updaterIpc from './updater.ipc';

const families = [
  appIpc,
  settingsIpc,
  authIpc,
  shellIpc,
  screenIpc,
  meetingIpc,
  notificationIpc,
  updaterIpc,
  healthIpc,
];

export interface IpcServices {
  events: RendererEvents;
  desktop: Pick<DesktopShell, 'setUnreadCount' | 'setPresence' | 'setLanguage'>;
  screenShare: ScreenShare;
  notifier: Notifier;
  updates: UpdateService;
  /** Stands in for the shared probes in tests. */
  probeHealth?: Parameters<typeof healthIpc.register>[1];
}

/** Every bridge channel, each family with its service; returns the settings store main reads too. */
export function registerIpc(trust: SenderTrust, services: IpcServices): SettingsStore {
  const { events, desktop } = services;
  appIpc.register(trust, {
    onRendererReady: (contents) => events.rendererReady(contents),
    onUnreadCount: (count) => desktop.setUnreadCount(count),
  });
  const settings = settingsIpc.register(trust, { onChange: (next) => desktop.setLanguage(next.language) });
  authIpc.register(trust);
  shellIpc.register(trust);
  screenIpc.register(trust, services.screenShare);
  meetingIpc.register(trust, (presence) => desktop.setPresence(presence));
  notificationIpc.register(trust, services.notifier);
  updaterIpc.register(trust, services.updates);
  healthIpc.register(trust, services.probeHealth);
  return settings;
}

export function disposeIpc(): void {
  for (const family of families) family.dispose();
}
