import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, invokeEventFrom } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import * as appIpc from './app.ipc';

vi.mock('electron', () => import('../../test/electron-mock'));

describe('app.ipc (electron mocked)', () => {
  afterEach(() => appIpc.dispose());

  it('reports the app version and platform (electron mocked)', async () => {
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady: vi.fn() });
    await expect(ipcMain.invoke('app:getInfo', invokeEventFrom(`${APP_ORIGIN}/index.html`))).resolves.toEqual({
      ok: true,
      data: { version: '0.1.0-test', platform: process.platform, is_desktop: true },
    });
  });

  it('hands the sending renderer to onRendererReady on app:ready (electron mocked)', async () => {
    const onRendererReady = vi.fn();
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady });
    const event = invokeEventFrom(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('app:ready', event)).resolves.toEqual({ ok: true, data: null });
    expect(onRendererReady).toHaveBeenCalledWith(event.sender);
  });

  it('ignores app:ready from a foreign page (electron mocked)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onRendererReady = vi.fn();
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady });
    await expect(ipcMain.invoke('app:ready', invokeEventFrom('https://evil.example/'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(onRendererReady).not.toHaveBeenCalled();
  });
});
