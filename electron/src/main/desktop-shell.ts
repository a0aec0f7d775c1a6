import { app, dialog, Menu, nativeImage, shell, Tray, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppView, BridgeEventPayload, LanguageSetting, MeetingPresence, UpdateStatus } from '@meetai/shared';
import { appMenuTemplate } from './app-menu';
import { resolveShellLanguage, stringsFor, type ShellLanguage, type ShellStrings } from './i18n';
import { createLogger } from './logger';
import { MeetingPowerSave } from './power-save';
import type { RendererEvents } from './renderer-events';
import { trayMenuTemplate, trayTooltip, type TrayState } from './tray';

const log = createLogger('desktop-shell');

export interface DesktopShellDeps {
  events: RendererEvents;
  /** The main window, opened again if it was closed, and brought forward. */
  showWindow(): BrowserWindow;
  /** The main window if it exists. */
  currentWindow(): BrowserWindow | null;
  logsDir: string;
  trayIconPath: string;
  canUpdate: boolean;
  /** Looks now; the page shows a download's progress, a dialog says "up to date" or why the check failed. */
  checkForUpdates(): Promise<UpdateStatus>;
  powerSave?: MeetingPowerSave;
}

/**
 * What makes the app feel native around its one window: the menu and tray in
 * the app's language, the unread badge, the power-save blocker while in a
 * meeting, and the way tray, menu and notifications reach the page (a view to
 * show, a command for the meeting).
 */
export class DesktopShell {
  private language: ShellLanguage = 'en';
  private state: TrayState = { presence: null, unreadCount: 0 };
  private tray: Tray | null = null;
  private readonly powerSave: MeetingPowerSave;

  constructor(private readonly deps: DesktopShellDeps) {
    this.powerSave = deps.powerSave ?? new MeetingPowerSave();
  }

  strings(): ShellStrings {
    return stringsFor(this.language);
  }

  /** After `ready`: menu and tray. The language comes from the settings file, read by the caller. */
  start(language: LanguageSetting): void {
    this.language = resolveShellLanguage(language, app.getPreferredSystemLanguages());
    try {
      this.tray = new Tray(nativeImage.createFromPath(this.deps.trayIconPath));
      this.tray.on('click', () => this.deps.showWindow());
    } catch (error) {
      // Some Linux desktops have no tray; the app works without it.
      log.warn('start() | no tray on this desktop', error);
    }
    this.render();
  }

  setLanguage(setting: LanguageSetting): void {
    const next = resolveShellLanguage(setting, app.getPreferredSystemLanguages());
    if (next === this.language) return;
    this.language = next;
    this.render();
  }

  setPresence(presence: MeetingPresence): void {
    this.state = { ...this.state, presence, unreadCount: presence ? this.state.unreadCount : 0 };
    this.powerSave.update(presence);
    if (!presence) this.showUnread(0);
    this.renderTray();
  }

  setUnreadCount(count: number): void {
    const increased = count > this.state.unreadCount;
    this.state = { ...this.state, unreadCount: count };
    this.showUnread(count);
    const win = this.deps.currentWindow();
    // Windows has no badge on the taskbar button without an overlay icon; a flash is its native hint.
    if (increased && win && !win.isDestroyed() && !win.isFocused()) win.flashFrame(true);
    this.renderTray();
  }

  /** Tray, menu and notification clicks: the window forward, on `view`. */
  openView(view: AppView): void {
    this.deps.showWindow();
    this.deps.events.send('app:navigate', view, { hold: true });
  }

  /** A tray command for the meeting; not held, since it would be stale by the time a page is ready. */
  command(command: BridgeEventPayload<'meeting:command'>['command']): void {
    this.deps.events.send('meeting:command', { command }, { hold: false });
  }

  /** A deep link that is not one of ours: said in words rather than dropped in silence. */
  refuseLink(): void {
    const { dialog: words } = this.strings();
    this.ask({
      type: 'warning',
      title: words.badLinkTitle,
      message: words.badLinkMessage,
      detail: words.badLinkDetail,
      buttons: [words.ok],
    });
  }

  dispose(): void {
    this.powerSave.update(null);
    this.tray?.destroy();
    this.tray = null;
  }

  private showUnread(count: number): void {
    // macOS dock and Unity-style Linux launchers; elsewhere a no-op that answers false.
    app.setBadgeCount(count);
  }

  private reportUpdateCheck(status: UpdateStatus): void {
    const { dialog: words } = this.strings();
    if (status.state === 'up-to-date') {
      this.ask({ type: 'info', message: words.upToDate, detail: words.aboutDetail(app.getVersion()) });
    } else if (status.state === 'error') {
      this.ask({ type: 'warning', message: words.updateFailed, detail: status.message });
    }
  }

  private ask(options: MessageBoxOptions): void {
    const win = this.deps.currentWindow();
    const shown = win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
    shown.catch((error: unknown) => log.warn('ask() | the dialog failed', error));
  }

  private render(): void {
    const strings = this.strings();
    const template = appMenuTemplate({
      strings,
      platform: process.platform,
      isPackaged: app.isPackaged,
      canUpdate: this.deps.canUpdate,
      actions: {
        openView: (view) => this.openView(view),
        openLogsFolder: () => {
          shell.openPath(this.deps.logsDir).then((failure) => {
            if (failure) log.warn(`openLogsFolder() | ${failure}`);
          }, undefined);
        },
        checkForUpdates: () => {
          this.deps.showWindow();
          this.deps.checkForUpdates().then((status) => this.reportUpdateCheck(status), undefined);
        },
        showAbout: () =>
          this.ask({ type: 'info', message: strings.menu.about, detail: strings.dialog.aboutDetail(app.getVersion()) }),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    this.renderTray();
  }

  private renderTray(): void {
    if (!this.tray) return;
    const strings = this.strings();
    this.tray.setToolTip(trayTooltip(this.state, strings));
    this.tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(this.state, strings, {
          open: () => this.deps.showWindow(),
          openView: (view) => this.openView(view),
          command: (command) => this.command(command),
          quit: () => app.quit(),
        }),
      ),
    );
  }
}
