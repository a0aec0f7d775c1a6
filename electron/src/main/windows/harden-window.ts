import {
  BrowserWindow,
  shell,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebPreferences,
} from 'electron';
import type { ScreenShare } from './screen-share';
import { createLogger } from '../logger';
import { installCspHeader } from './csp';
import { isOpenableLink } from './external-links';
import { isSameOrigin, originOf } from './renderer-source';

const log = createLogger('harden-window');

/** Camera/microphone, and screen capture (whose source the user picks in the app: see screen-share.ts). Nothing else. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['media', 'display-capture']);

export interface HardenOptions {
  /** `app://meetai`, or the dev server's origin. */
  appOrigin: string;
  isDev: boolean;
  /** Answers getDisplayMedia() with the source the user picked; without it every capture is refused. */
  screenShare?: Pick<ScreenShare, 'handleRequest'>;
}

/** The web preferences of every window; callers of createHardenedWindow cannot pass their own. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

function isOurOrigin(url: string | undefined, appOrigin: string): boolean {
  return url !== undefined && isSameOrigin(url, appOrigin);
}

function guardPermissions(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = GRANTED_PERMISSIONS.has(permission) && isOurOrigin(details.requestingUrl, appOrigin);
    if (!granted)
      log.warn(`permission denied: ${permission} for ${originOf(details.requestingUrl) ?? 'unknown origin'}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return GRANTED_PERMISSIONS.has(permission) && isOurOrigin(requestingOrigin, appOrigin);
  });
}

/**
 * The one place window security lives; every window goes through it. Pages may
 * not leave the app's origin, open windows, embed webviews, or get any
 * permission beyond media and screen capture; links they try to open in a new
 * window go to the OS browser when they are http(s) or mailto.
 */
export function hardenWindow(win: BrowserWindow, options: HardenOptions): void {
  const contents = win.webContents;
  const { appOrigin } = options;

  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableLink(url)) {
      shell.openExternal(url).catch((error: unknown) => log.warn('openExternal failed', error));
    } else {
      log.warn(`window.open denied: ${originOf(url) ?? 'non-URL target'}`);
    }
    return { action: 'deny' };
  });

  const denyForeignNavigation = (event: { url: string; preventDefault(): void }) => {
    if (isOurOrigin(event.url, appOrigin)) return;
    event.preventDefault();
    log.warn(`navigation denied: ${originOf(event.url) ?? 'non-URL target'}`);
  };
  contents.on('will-navigate', denyForeignNavigation);
  contents.on('will-redirect', denyForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.on('preload-error', (_event, preloadPath, error) => log.error(`preload failed: ${preloadPath}`, error));

  guardPermissions(contents.session, appOrigin);
  contents.session.setDisplayMediaRequestHandler(
    options.screenShare?.handleRequest ?? ((_request, callback) => callback(null)),
  );
  installCspHeader(contents.session, appOrigin, options.isDev);
}

/** The only way this app makes a window: secure preferences, then hardenWindow, before anything loads. */
export function createHardenedWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preloadPath: string,
  harden: HardenOptions,
): BrowserWindow {
  const win = new BrowserWindow({ ...options, webPreferences: secureWebPreferences(preloadPath) });
  hardenWindow(win, harden);
  return win;
}
