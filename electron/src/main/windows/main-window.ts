import type { BrowserWindow } from 'electron';
import { createLogger } from '../logger';
import { createHardenedWindow, type HardenOptions } from './harden-window';
import type { RendererSource } from './renderer-source';
import type { RestoredWindow } from './window-state';

const log = createLogger('main-window');

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };

export interface MainWindowOptions {
  source: RendererSource;
  preloadPath: string;
  /** Where and how large it opens: the remembered state, or the default size centred. */
  restored?: RestoredWindow;
  screenShare?: HardenOptions['screenShare'];
}

/** The app's one window: hardened before it loads anything, shown once it has painted. */
export function createMainWindow({ source, preloadPath, restored, screenShare }: MainWindowOptions): BrowserWindow {
  const win = createHardenedWindow(
    {
      ...(restored?.bounds ?? DEFAULT_WINDOW_SIZE),
      minWidth: 960,
      minHeight: 640,
      title: 'MeetAI',
      show: false,
      backgroundColor: '#111418',
    },
    preloadPath,
    { appOrigin: source.origin, isDev: source.kind === 'dev-server', screenShare },
  );
  win.once('ready-to-show', () => {
    if (restored?.isMaximized) win.maximize();
    win.show();
  });
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
