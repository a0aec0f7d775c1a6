import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, screen, type BrowserWindow } from 'electron';
import { DeepLinkRouter, listenForDeepLinks } from './deeplink';
import { DesktopShell } from './desktop-shell';
import { registerIpc, disposeIpc } from './ipc/register';
import { RotatingLogFile } from './log-file';
import { createLogger, logToFile } from './logger';
import { Notifier } from './notifications';
import { RendererEvents } from './renderer-events';
import { UpdateService, type UpdaterLike } from './updater';
import { registerAppScheme, serveRendererFiles } from './windows/app-protocol';
import { offerReloadOnFailure } from './windows/crash-recovery';
import { createMainWindow, DEFAULT_WINDOW_SIZE, focusWindow } from './windows/main-window';
import { resolveRendererSource } from './windows/renderer-source';
import { ScreenShare } from './windows/screen-share';
import { WindowStateKeeper } from './windows/window-state';

const log = createLogger('main');

// Chromium's --user-data-dir, honoured before anything reads the folder: a second profile (another user
// on the same machine, a test) runs beside the first, since the single-instance lock is per folder too.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch) app.setPath('userData', path.resolve(userDataSwitch));

// Bundled as dist/main.cjs beside dist/preload.cjs, dist/icons/ and dist/renderer/.
const source = resolveRendererSource(process.env, __dirname, { isPackaged: app.isPackaged });
const preloadPath = path.join(__dirname, 'preload.cjs');
const events = new RendererEvents();
const screenShare = new ScreenShare({ appOrigin: source.origin });
const updates = new UpdateService({
  // Baked in by build.mjs from the environment of the build (empty: updates are off).
  feedUrl: process.env.MEETAI_UPDATE_URL,
  isPackaged: app.isPackaged,
  load: async () => (await import('electron-updater')).autoUpdater as unknown as UpdaterLike,
  publish: (status) => events.send('updater:status', status, { hold: false }),
});
const logsDir = path.join(app.getPath('userData'), 'logs');
let mainWindow: BrowserWindow | null = null;
let windowState: WindowStateKeeper | null = null;

const desktop = new DesktopShell({
  events,
  showWindow: () => openMainWindow(),
  currentWindow: () => mainWindow,
  logsDir,
  trayIconPath: path.join(__dirname, 'icons', 'tray.png'),
  canUpdate: updates.isEnabled,
  checkForUpdates: () => updates.check(),
});

function openMainWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    focusWindow(mainWindow);
    return mainWindow;
  }
  const win = createMainWindow({
    source,
    preloadPath,
    restored: windowState?.restore(DEFAULT_WINDOW_SIZE),
    screenShare,
  });
  windowState?.track(win);
  offerReloadOnFailure(win, {
    strings: () => desktop.strings(),
    ask: (parent, options) => dialog.showMessageBox(parent, options),
    quit: () => app.quit(),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

async function onReady(): Promise<void> {
  if (source.kind === 'bundled') {
    if (!existsSync(path.join(source.rootDir, 'index.html'))) {
      dialog.showErrorBox(
        'MeetAI cannot start',
        `The interface files are missing from ${source.rootDir}. Build the renderer, then the desktop app.`,
      );
      app.quit();
      return;
    }
    serveRendererFiles(source.rootDir);
  }
  windowState = new WindowStateKeeper(path.join(app.getPath('userData'), 'window-state.json'), screen);
  const notifier = new Notifier({
    isWindowFocused: () => Boolean(mainWindow && !mainWindow.isDestroyed() && mainWindow.isFocused()),
    open: (view) => desktop.openView(view),
  });
  const settings = registerIpc({ appOrigin: source.origin }, { events, desktop, screenShare, notifier, updates });
  desktop.start((await settings.read()).language);
  openMainWindow();
  void updates.start().catch((error: unknown) => log.error('onReady() | the updater did not start', error));
}

function start(): void {
  try {
    logToFile(new RotatingLogFile(logsDir));
  } catch (error) {
    log.warn(`start() | cannot log to ${logsDir}; the console only`, error);
  }
  log.info(`start() | MeetAI ${app.getVersion()} on ${process.platform}, pages from ${source.origin}`);
  // Before `ready`: macOS can deliver open-url during launch.
  listenForDeepLinks(new DeepLinkRouter(events, () => desktop.refuseLink()));
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('activate', () => {
    if (app.isReady()) openMainWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; elsewhere closing the window ends the app.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    disposeIpc();
    updates.stop();
    desktop.dispose();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('start() | startup failed', error);
      dialog.showErrorBox('MeetAI cannot start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

// Sandbox every renderer, including any a future code path forgets to configure.
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId('com.meetai.desktop');
registerAppScheme();

// A second launch (e.g. clicking a meeting:// link) hands its argv to the running app and exits.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
