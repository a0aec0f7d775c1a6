import type { MenuItemConstructorOptions } from 'electron';
import type { AppView } from '@meetai/shared';
import type { ShellStrings } from './i18n';

export interface AppMenuActions {
  openView(view: AppView): void;
  openLogsFolder(): void;
  checkForUpdates(): void;
  showAbout(): void;
}

export interface AppMenuOptions {
  strings: ShellStrings;
  platform: NodeJS.Platform;
  /** Developer tools only in an unpacked app: a packaged one has no use for them, and they run anything typed. */
  isPackaged: boolean;
  /** "Check for updates" appears only when there is a feed to check. */
  canUpdate: boolean;
  actions: AppMenuActions;
}

/**
 * The application menu in the app's language. Every label is set here, role
 * items included, because Electron gives roles its own (English) words; the
 * roles still supply the accelerators and the native behaviour.
 */
export function appMenuTemplate({
  strings,
  platform,
  isPackaged,
  canUpdate,
  actions,
}: AppMenuOptions): MenuItemConstructorOptions[] {
  const { menu } = strings;
  const isMac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: menu.settings,
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openView({ view: 'settings' }),
  };
  const updates: MenuItemConstructorOptions[] = canUpdate
    ? [{ label: menu.checkForUpdates, click: () => actions.checkForUpdates() }]
    : [];
  const about: MenuItemConstructorOptions = { label: menu.about, click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'MeetAI',
          submenu: [
            about,
            ...updates,
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'services', label: menu.services },
            { type: 'separator' },
            { role: 'hide', label: menu.hide },
            { role: 'hideOthers', label: menu.hideOthers },
            { role: 'unhide', label: menu.showAll },
            { type: 'separator' },
            { role: 'quit', label: menu.quit },
          ],
        },
      ]
    : [];

  const meetings: MenuItemConstructorOptions = {
    label: menu.meetings,
    submenu: [
      { label: menu.joinByCode, accelerator: 'CmdOrCtrl+J', click: () => actions.openView({ view: 'join' }) },
      ...(isMac ? [] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const]),
      ...(isMac ? [] : [{ role: 'quit', label: menu.quit } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: menu.edit,
    submenu: [
      { role: 'undo', label: menu.undo },
      { role: 'redo', label: menu.redo },
      { type: 'separator' },
      { role: 'cut', label: menu.cut },
      { role: 'copy', label: menu.copy },
      { role: 'paste', label: menu.paste },
      { role: 'selectAll', label: menu.selectAll },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: menu.view,
    submenu: [
      { role: 'reload', label: menu.reload },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: menu.toggleDevTools } as const]),
      { type: 'separator' },
      { role: 'resetZoom', label: menu.actualSize },
      { role: 'zoomIn', label: menu.zoomIn },
      { role: 'zoomOut', label: menu.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: menu.fullScreen },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: menu.window,
    submenu: [
      { role: 'minimize', label: menu.minimize },
      ...(isMac
        ? [
            { role: 'zoom', label: menu.zoom } as const,
            { type: 'separator' } as const,
            { role: 'front', label: menu.front } as const,
          ]
        : [{ role: 'close', label: menu.close } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: menu.help,
    submenu: [
      { label: menu.openLogs, click: () => actions.openLogsFolder() },
      ...(isMac ? [] : [{ type: 'separator' } as const, ...updates, about]),
    ],
  };

  return [...appMenu, meetings, edit, view, window, help];
}
