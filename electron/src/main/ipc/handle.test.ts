import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, invokeEventFrom } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import { BridgeError, handle } from './handle';

vi.mock('electron', () => import('../../test/electron-mock'));

const trust = { appOrigin: APP_ORIGIN };
const fromApp = () => invokeEventFrom(`${APP_ORIGIN}/index.html#/meetings`);

describe('ipc handle() (electron mocked)', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.restoreAllMocks();
  });

  it('answers a valid call from the app with { ok: true, data } (electron mocked)', async () => {
    const impl = vi.fn(async (token: string) => {
      expect(token).toBe('refresh-123');
      return null;
    });
    dispose = handle('auth:setToken', impl, trust);
    await expect(ipcMain.invoke('auth:setToken', fromApp(), 'refresh-123')).resolves.toEqual({ ok: true, data: null });
    expect(impl).toHaveBeenCalledOnce();
  });

  it('rejects a payload that fails the request schema without calling the handler (electron mocked)', async () => {
    const impl = vi.fn(() => null);
    dispose = handle('auth:setToken', impl, trust);
    const result = await ipcMain.invoke('auth:setToken', fromApp(), { token: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/^auth:setToken: /);
    expect(impl).not.toHaveBeenCalled();
  });

  it('refuses a call from a frame of another origin (electron mocked)', async () => {
    const impl = vi.fn(() => null);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    dispose = handle('auth:clearToken', impl, trust);
    for (const url of ['https://evil.example/index.html', 'file:///tmp/index.html', 'app://other/index.html']) {
      const result = await ipcMain.invoke('auth:clearToken', invokeEventFrom(url));
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(impl).not.toHaveBeenCalled();
  });

  it('refuses a call from a subframe, even of our origin, and from a destroyed frame (electron mocked)', async () => {
    const impl = vi.fn(() => null);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    dispose = handle('auth:clearToken', impl, trust);
    const subframe = invokeEventFrom(`${APP_ORIGIN}/index.html`, { isSubframe: true });
    await expect(ipcMain.invoke('auth:clearToken', subframe)).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } });
    const destroyed = { ...fromApp(), senderFrame: null };
    await expect(ipcMain.invoke('auth:clearToken', destroyed)).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('passes a BridgeError code through and hides other errors as INTERNAL (electron mocked)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    dispose = handle(
      'auth:getToken',
      () => {
        throw new BridgeError('UNAUTHENTICATED', 'Sign in first.');
      },
      trust,
    );
    await expect(ipcMain.invoke('auth:getToken', fromApp())).resolves.toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' },
    });
    dispose();
    dispose = handle(
      'auth:getToken',
      () => {
        throw new Error('EACCES: /home/someone/.config');
      },
      trust,
    );
    const result = await ipcMain.invoke('auth:getToken', fromApp());
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('EACCES');
    expect(error).toHaveBeenCalled();
  });

  it('refuses to pass on an answer outside the response schema (electron mocked)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    dispose = handle('auth:getToken', () => 42 as unknown as string, trust);
    await expect(ipcMain.invoke('auth:getToken', fromApp())).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('dispose() removes the handler so the channel can be registered again (electron mocked)', () => {
    handle('app:ready', () => null, trust)();
    expect(ipcMain.handlers.has('app:ready')).toBe(false);
    dispose = handle('app:ready', () => null, trust);
    expect(ipcMain.handlers.has('app:ready')).toBe(true);
  });
});
