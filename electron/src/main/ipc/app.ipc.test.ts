import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, invokeEventFrom } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import * as appIpc from './app.ipc';

vi.mock('electron', () => import('../../test/electron-mock'));

describe('app.ipc (electron mocked)', () => {
  afterEach(() => appIpc.dispose());

  it('reports the app version and platform (electron mocked)', async () => {
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady: vi.fn(), onUnreadCount: vi.fn() });
    await expect(ipcMain.invoke('app:getInfo', invokeEventFrom(`${APP_ORIGIN}/index.html`))).resolves.toEqual({
      ok: true,
      data: { version: '0.1.0-test', platform: process.platform, is_desktop: true },
    });
  });

  it('hands the sending renderer to onRendererReady on app:ready (electron mocked)', async () => {
    const onRendererReady = vi.fn();
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady, onUnreadCount: vi.fn() });
    const event = invokeEventFrom(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('app:ready', event)).resolves.toEqual({ ok: true, data: null });
    expect(onRendererReady).toHaveBeenCalledWith(event.sender);
  });

  it('ignores app:ready from a foreign page (electron mocked)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onRendererReady = vi.fn();
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady, onUnreadCount: vi.fn() });
    await expect(ipcMain.invoke('app:ready', invokeEventFrom('https://evil.example/'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(onRendererReady).not.toHaveBeenCalled();
  });

  it('passes a valid unread count on, and refuses a negative or fractional one (electron mocked)', async () => {
    const onUnreadCount = vi.fn();
    appIpc.register({ appOrigin: APP_ORIGIN }, { onRendererReady: vi.fn(), onUnreadCount });
    const call = (count: unknown) =>
      ipcMain.invoke('app:setUnreadCount', invokeEventFrom(`${APP_ORIGIN}/index.html`), count);
    await expect(call(3)).resolves.toEqual({ ok: true, data: null });
    for (const bad of [-1, 2.5, '3', null]) {
      await expect(call(bad)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(onUnreadCount.mock.calls).toEqual([[3]]);
  });
});
