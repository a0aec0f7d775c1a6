import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from '../../test/electron-mock';
import { createMainWindow } from './main-window';
import { resolveRendererSource } from './renderer-source';

vi.mock('electron', () => import('../../test/electron-mock'));

describe('main window (electron mocked)', () => {
  it('is hardened before it loads the app entry, and shown once painted (electron mocked)', () => {
    const source = resolveRendererSource({}, '/opt/app/dist');
    const win = createMainWindow({ source, preloadPath: '/opt/app/dist/preload.cjs' }) as unknown as BrowserWindow;
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
    expect(win.webContents.windowOpenHandler).not.toBeNull();
    expect(win.webContents.session.permissionRequestHandler).not.toBeNull();
    expect(win.loadURL).toHaveBeenCalledWith('app://meetai/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('loads the dev server when MEETAI_RENDERER_URL is set (electron mocked)', () => {
    const source = resolveRendererSource({ MEETAI_RENDERER_URL: 'http://127.0.0.1:5173/' }, '/opt/app/dist');
    const win = createMainWindow({ source, preloadPath: '/p.cjs' }) as unknown as BrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/');
    expect(win.webContents.session.headersFilter).toEqual({ urls: ['http://127.0.0.1:5173/*'] });
  });

  it('opens at the restored bounds, maximized once shown when it was (electron mocked)', () => {
    const source = resolveRendererSource({}, '/opt/app/dist');
    const win = createMainWindow({
      source,
      preloadPath: '/p.cjs',
      restored: { bounds: { x: 1500, y: 40, width: 1600, height: 900 }, isMaximized: true },
    }) as unknown as BrowserWindow;
    expect(win.options).toMatchObject({ x: 1500, y: 40, width: 1600, height: 900 });
    expect(win.maximize).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalledOnce();
  });
});
