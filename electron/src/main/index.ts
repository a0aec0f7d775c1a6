import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { DeepLinkRouter, listenForDeepLinks } from './deeplink';
import * as appIpc from './ipc/app.ipc';
import * as authIpc from './ipc/auth.ipc';
import type { SenderTrust } from './ipc/handle';
import * as settingsIpc from './ipc/settings.ipc';
import * as shellIpc from './ipc/shell.ipc';
import { createLogger } from './logger';
import { registerAppScheme, serveRendererFiles } from './windows/app-protocol';
import { createMainWindow, focusWindow } from './windows/main-window';
import { resolveRendererSource } from './windows/renderer-source';

const log = createLogger('main');

// Bundled as dist/main.cjs beside dist/preload.cjs and dist/renderer/.
const source = resolveRendererSource(process.env, __dirname, { isPackaged: app.isPackaged });
const preloadPath = path.join(__dirname, 'preload.cjs');
const ipcFamilies = [appIpc, settingsIpc, authIpc, shellIpc];
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    focusWindow(mainWindow);
    return;
  }
  mainWindow = createMainWindow({ source, preloadPath });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function registerIpc(deepLinks: DeepLinkRouter): void {
  const trust: SenderTrust = { appOrigin: source.origin };
  appIpc.register(trust, { onRendererReady: (contents) => deepLinks.rendererReady(contents) });
  settingsIpc.register(trust);
  authIpc.register(trust);
  shellIpc.register(trust);
}

async function onReady(deepLinks: DeepLinkRouter): Promise<void> {
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
  registerIpc(deepLinks);
  openMainWindow();
}

function start(): void {
  const deepLinks = new DeepLinkRouter();
  // Before `ready`: macOS can deliver open-url during launch.
  listenForDeepLinks(deepLinks);
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('activate', () => {
    if (app.isReady()) openMainWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; elsewhere closing the window ends the app.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    for (const family of ipcFamilies) family.dispose();
  });
  app
    .whenReady()
    .then(() => onReady(deepLinks))
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
