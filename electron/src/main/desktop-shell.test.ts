import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronBrowserWindow, WebContents } from 'electron';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  powerSaveBlocker,
  shell,
  Tray,
  type FakeMenu,
  type MenuTemplateItem,
} from '../test/electron-mock';
import type { UpdateStatus } from '@meetai/shared';
import { DesktopShell } from './desktop-shell';
import { resolveShellLanguage } from './i18n';
import { RendererEvents } from './renderer-events';

vi.mock('electron', () => import('../test/electron-mock'));

/** Every label in a menu, depth first. */
function labels(menu: FakeMenu | null): string[] {
  const walk = (items: MenuTemplateItem[]): string[] =>
    items.flatMap((item) => [...(item.label ? [item.label] : []), ...walk(item.submenu ?? [])]);
  return walk(menu?.template ?? []);
}

function item(menu: FakeMenu | null, label: string): MenuTemplateItem {
  const find = (items: MenuTemplateItem[]): MenuTemplateItem | undefined =>
    items.map((entry) => (entry.label === label ? entry : find(entry.submenu ?? []))).find(Boolean);
  const found = find(menu?.template ?? []);
  if (!found) throw new Error(`no menu item "${label}" in ${labels(menu).join(', ')}`);
  return found;
}

const IN_MEETING = { meeting_id: 12, title: 'Design review', is_muted: false };

describe('desktop shell: menu, tray, badge, power save (electron mocked)', () => {
  let win: BrowserWindow;
  let page: BrowserWindow['webContents'];
  let events: RendererEvents;
  let desktop: DesktopShell;
  let checkForUpdates: ReturnType<typeof vi.fn<() => Promise<UpdateStatus>>>;

  const tray = () => Tray.created.at(-1) ?? null;

  beforeEach(() => {
    vi.clearAllMocks();
    Tray.created.length = 0;
    powerSaveBlocker.active.clear();
    app.preferredLanguages = ['en-US'];
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    win = new BrowserWindow({});
    page = win.webContents;
    events = new RendererEvents();
    events.rendererReady(page as unknown as WebContents);
    checkForUpdates = vi.fn(async (): Promise<UpdateStatus> => ({ state: 'up-to-date' }));
    desktop = new DesktopShell({
      events,
      showWindow: () => win as unknown as ElectronBrowserWindow,
      currentWindow: () => win as unknown as ElectronBrowserWindow,
      logsDir: '/home/u/.config/MeetAI/logs',
      trayIconPath: '/opt/MeetAI/resources/app.asar/dist/icons/tray.png',
      canUpdate: true,
      checkForUpdates,
    });
  });

  it('resolves the language as the renderer does (electron mocked)', () => {
    expect(resolveShellLanguage('auto', ['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(resolveShellLanguage('auto', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveShellLanguage('auto', ['fr-FR'])).toBe('en');
    expect(resolveShellLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('builds the menu and tray in the language of the settings, and follows a change (electron mocked)', () => {
    desktop.start('auto');
    expect(labels(Menu.applicationMenu)).toEqual(expect.arrayContaining(['Meetings', 'Join by Code…', 'Help']));
    expect(labels(tray()?.menu ?? null)).toContain('Open MeetAI');

    desktop.setLanguage('zh-CN');
    expect(labels(Menu.applicationMenu)).toEqual(expect.arrayContaining(['会议', '通过会议号加入…', '打开日志文件夹']));
    expect(labels(Menu.applicationMenu)).not.toContain('Help');
    expect(labels(tray()?.menu ?? null)).toContain('打开 MeetAI');

    // 'auto' follows the system's languages.
    app.preferredLanguages = ['en-GB'];
    desktop.setLanguage('auto');
    expect(labels(Menu.applicationMenu)).toContain('Help');
  });

  it('starts in Chinese on a Chinese system with the language on auto (electron mocked)', () => {
    app.preferredLanguages = ['zh-Hans-CN'];
    desktop.start('auto');
    expect(labels(Menu.applicationMenu)).toContain('编辑');
  });

  it('sends menu picks to the page as views, opens the logs folder, checks for updates (electron mocked)', () => {
    desktop.start('en');
    item(Menu.applicationMenu, 'Join by Code…').click?.();
    expect(page.send).toHaveBeenLastCalledWith('app:navigate', { view: 'join' });
    item(Menu.applicationMenu, 'Settings…').click?.();
    expect(page.send).toHaveBeenLastCalledWith('app:navigate', { view: 'settings' });
    item(Menu.applicationMenu, 'Open Logs Folder').click?.();
    expect(shell.openPath).toHaveBeenCalledWith('/home/u/.config/MeetAI/logs');
  });

  it('says after a check from the menu that the app is up to date, or why the check failed (electron mocked)', async () => {
    desktop.start('en');
    item(Menu.applicationMenu, 'Check for Updates…').click?.();
    expect(checkForUpdates).toHaveBeenCalledOnce();
    await vi.waitFor(() =>
      expect(dialog.showMessageBox).toHaveBeenCalledWith(
        win,
        expect.objectContaining({ message: 'MeetAI is up to date.' }),
      ),
    );
    checkForUpdates.mockResolvedValueOnce({ state: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
    item(Menu.applicationMenu, 'Check for Updates…').click?.();
    await vi.waitFor(() =>
      expect(dialog.showMessageBox).toHaveBeenLastCalledWith(
        win,
        expect.objectContaining({
          message: 'MeetAI could not check for updates.',
          detail: 'net::ERR_NAME_NOT_RESOLVED',
        }),
      ),
    );
    // A download under way is the page's to show: no dialog.
    checkForUpdates.mockResolvedValueOnce({ state: 'downloading', version: '0.2.0', percent: 3 });
    item(Menu.applicationMenu, 'Check for Updates…').click?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('offers mute/unmute and leave in the tray only while in a meeting, and sends them (electron mocked)', () => {
    desktop.start('en');
    expect(labels(tray()?.menu ?? null)).not.toContain('Leave Meeting');

    desktop.setPresence(IN_MEETING);
    expect(labels(tray()?.menu ?? null)).toEqual(
      expect.arrayContaining(['In a meeting: Design review', 'Mute Microphone', 'Leave Meeting']),
    );
    item(tray()?.menu ?? null, 'Mute Microphone').click?.();
    expect(page.send).toHaveBeenLastCalledWith('meeting:command', { command: 'mute' });

    desktop.setPresence({ ...IN_MEETING, is_muted: true });
    expect(labels(tray()?.menu ?? null)).not.toContain('Mute Microphone');
    item(tray()?.menu ?? null, 'Unmute Microphone').click?.();
    expect(page.send).toHaveBeenLastCalledWith('meeting:command', { command: 'unmute' });
    item(tray()?.menu ?? null, 'Leave Meeting').click?.();
    expect(page.send).toHaveBeenLastCalledWith('meeting:command', { command: 'leave' });

    item(tray()?.menu ?? null, 'Join by Code…').click?.();
    expect(page.send).toHaveBeenLastCalledWith('app:navigate', { view: 'join' });

    desktop.setPresence(null);
    expect(labels(tray()?.menu ?? null)).not.toContain('Leave Meeting');
  });

  it('blocks display sleep only while in a meeting (electron mocked)', () => {
    desktop.start('en');
    desktop.setPresence(IN_MEETING);
    expect(powerSaveBlocker.active.size).toBe(1);
    desktop.setPresence(null);
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('shows unread chat as a badge, a tray hint and a flash when unfocused; clears it on leaving (electron mocked)', () => {
    desktop.start('en');
    desktop.setPresence(IN_MEETING);
    win.focused = false;
    desktop.setUnreadCount(3);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(3);
    expect(tray()?.tooltip).toBe('MeetAI · 3 unread messages');
    expect(win.flashFrame).toHaveBeenCalledOnce();
    item(tray()?.menu ?? null, '3 unread messages').click?.();
    expect(page.send).toHaveBeenLastCalledWith('app:navigate', { view: 'room', meeting_id: 12, panel: 'chat' });

    win.focused = true;
    desktop.setUnreadCount(4);
    expect(win.flashFrame).toHaveBeenCalledOnce();
    desktop.setUnreadCount(0);
    expect(tray()?.tooltip).toBe('MeetAI');

    desktop.setUnreadCount(2);
    desktop.setPresence(null);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(0);
  });

  it('tells the user, in their language, when a link is refused (electron mocked)', async () => {
    desktop.start('zh-CN');
    desktop.refuseLink();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        message: 'MeetAI 无法打开此链接。',
        detail: expect.stringContaining('meeting://join/'),
      }),
    );
  });

  it('hides developer tools in a packaged app, and updates when there is no feed (electron mocked)', () => {
    app.isPackaged = true;
    try {
      const packaged = new DesktopShell({
        events,
        showWindow: () => win as unknown as ElectronBrowserWindow,
        currentWindow: () => null,
        logsDir: '/logs',
        trayIconPath: '/tray.png',
        canUpdate: false,
        checkForUpdates,
      });
      packaged.start('en');
      expect(labels(Menu.applicationMenu)).not.toContain('Developer Tools');
      expect(labels(Menu.applicationMenu)).not.toContain('Check for Updates…');
    } finally {
      app.isPackaged = false;
    }
    desktop.start('en');
    expect(labels(Menu.applicationMenu)).toContain('Developer Tools');
  });
});
