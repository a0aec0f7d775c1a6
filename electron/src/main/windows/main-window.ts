import type { BrowserWindow } from 'electron';
import { createLogger } from '../logger';
import { createHardenedWindow } from './harden-window';
import type { RendererSource } from './renderer-source';

const log = createLogger('main-window');

export interface MainWindowOptions {
  source: RendererSource;
  preloadPath: string;
}

/** The app's one window: hardened before it loads anything, shown once it has painted. */
export function createMainWindow({ source, preloadPath }: MainWindowOptions): BrowserWindow {
  const win = createHardenedWindow(
    {
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 640,
      title: 'MeetAI',
      show: false,
      backgroundColor: '#111418',
    },
    preloadPath,
    { appOrigin: source.origin, isDev: source.kind === 'dev-server' },
  );
  win.once('ready-to-show', () => win.show());
  win.loadURL(source.entryUrl).catch((error: unknown) => {
    log.error(`createMainWindow() | cannot load ${source.entryUrl}`, error);
    // Still show the window, so a failed load is visible rather than a silent process.
    win.show();
  });
  return win;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
