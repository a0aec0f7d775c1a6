import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronBrowserWindow, Streams } from 'electron';
import { BrowserWindow, FakeSession, FakeWebContents, shell } from '../../test/electron-mock';
import { createHardenedWindow, hardenWindow, secureWebPreferences } from './harden-window';
import { APP_ORIGIN } from './renderer-source';

vi.mock('electron', () => import('../../test/electron-mock'));

/** A window on its own session, hardened as the app's page at `appOrigin`. */
function hardened(appOrigin = APP_ORIGIN) {
  const win = new BrowserWindow({});
  const contents = new FakeWebContents(new FakeSession());
  Object.assign(win, { webContents: contents });
  hardenWindow(win as unknown as ElectronBrowserWindow, { appOrigin, isDev: false });
  return contents;
}

/** Emits a navigation event the way Electron does; returns whether the app prevented it. */
function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const details = { url, preventDefault: vi.fn() };
  contents.emit(event, details, url);
  return details.preventDefault.mock.calls.length > 0;
}

describe('hardenWindow (electron mocked)', () => {
  beforeEach(() => {
    shell.openExternal.mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('creates windows with isolation, sandbox, no node integration and web security (electron mocked)', () => {
    const win = createHardenedWindow({ width: 800 }, '/app/preload.cjs', { appOrigin: APP_ORIGIN, isDev: false });
    expect((win as unknown as BrowserWindow).options).toMatchObject({
      width: 800,
      webPreferences: {
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      },
    });
    expect(secureWebPreferences('/p').nodeIntegrationInSubFrames).toBe(false);
  });

  it('denies navigation and redirects to other origins, allows our own (electron mocked)', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', `${APP_ORIGIN}/index.html#/lobby`)).toBe(false);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://localhost:8800/',
    ]) {
      expect(navigate(contents, 'will-navigate', url)).toBe(true);
      expect(navigate(contents, 'will-redirect', url)).toBe(true);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('applies the dev server origin when that is where the app comes from (electron mocked)', () => {
    const contents = hardened('http://localhost:5173');
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/#/settings')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('denies window.open, handing only http(s) and mailto links to the OS (electron mocked)', async () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    for (const url of [
      'https://docs.example.com/help',
      'http://localhost:8800/j/123-456-789',
      'mailto:team@example.com',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      `${APP_ORIGIN}/index.html`,
      'meeting://join/1',
      'about:blank',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://docs.example.com/help',
      'http://localhost:8800/j/123-456-789',
      'mailto:team@example.com',
    ]);
  });

  it('refuses to attach webviews (electron mocked)', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('grants media and display-capture to our origin only, and nothing else (electron mocked)', async () => {
    const session = hardened().session;
    const page = `${APP_ORIGIN}/index.html#/lobby`;
    await expect(session.requestPermission('media', page)).resolves.toBe(true);
    await expect(session.requestPermission('display-capture', page)).resolves.toBe(true);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midiSysex', 'usb']) {
      await expect(session.requestPermission(permission, page)).resolves.toBe(false);
    }
    await expect(session.requestPermission('media', 'https://evil.example/')).resolves.toBe(false);
    await expect(session.requestPermission('display-capture', 'file:///tmp/x.html')).resolves.toBe(false);

    const check = session.permissionCheckHandler;
    expect(check?.(null, 'media', APP_ORIGIN, {})).toBe(true);
    expect(check?.(null, 'media', 'https://evil.example', {})).toBe(false);
    expect(check?.(null, 'geolocation', APP_ORIGIN, {})).toBe(false);
  });

  it('sets a strict CSP header on responses from the app origin (electron mocked)', () => {
    const session = hardened('http://localhost:5173').session;
    expect(session.headersFilter).toEqual({ urls: ['http://localhost:5173/*'] });
    let headers: Record<string, string[]> | undefined;
    session.headersListener?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      (response) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    expect(headers?.['content-security-policy']).toBeUndefined();
    const csp = headers?.['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('refuses every screen capture unless the app picker answers it (electron mocked)', async () => {
    const request = { frame: { url: `${APP_ORIGIN}/index.html`, parent: null }, videoRequested: true };
    await expect(hardened().session.requestDisplayMedia(request)).resolves.toBeNull();

    const win = new BrowserWindow({});
    const contents = new FakeWebContents(new FakeSession());
    Object.assign(win, { webContents: contents });
    const handleRequest = vi.fn((_request: unknown, callback: (streams: Streams | null) => void) =>
      callback({ video: { id: 'screen:0:0', name: 'Screen' } }),
    );
    hardenWindow(win as unknown as ElectronBrowserWindow, {
      appOrigin: APP_ORIGIN,
      isDev: false,
      screenShare: { handleRequest },
    });
    await expect(contents.session.requestDisplayMedia(request)).resolves.toEqual({
      video: { id: 'screen:0:0', name: 'Screen' },
    });
    expect(handleRequest).toHaveBeenCalledOnce();
  });
});
