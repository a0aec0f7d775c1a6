import { beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { BridgeChannels, methodNameOf, type BridgeChannel, type DesktopBridge } from '@meetai/shared';
import { contextBridge, ipcRenderer } from '../test/electron-mock';
import { buildBridge, type BridgeFailure } from './index';

vi.mock('electron', () => import('../test/electron-mock'));

describe('preload bridge (electron mocked)', () => {
  let bridge: DesktopBridge;

  beforeAll(() => {
    // Importing the preload exposed it; this is the object the page sees as window.desktop.
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(key).toBe('desktop');
    bridge = exposed as DesktopBridge;
  });
  beforeEach(() => {
    ipcRenderer.invoke.mockReset();
    ipcRenderer.removeAllListeners();
    vi.restoreAllMocks();
  });

  it('exposes exactly the methods of DesktopBridge, and nothing from ipcRenderer (electron mocked)', () => {
    const expected = [
      ...(Object.keys(BridgeChannels) as BridgeChannel[]).map((channel) => methodNameOf(channel)),
      'on',
    ];
    expect(Object.keys(bridge).sort()).toEqual(expected.sort());
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expectTypeOf(buildBridge).returns.toEqualTypeOf<DesktopBridge>();
  });

  it('invokes the channel of each method and resolves with its data (electron mocked)', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, data: { version: '1.2.3', platform: 'linux', is_desktop: true } });
    await expect(bridge.appGetInfo()).resolves.toEqual({ version: '1.2.3', platform: 'linux', is_desktop: true });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('app:getInfo', undefined);

    ipcRenderer.invoke.mockResolvedValue({ ok: true, data: null });
    await bridge.authSetToken('rt_1');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('auth:setToken', 'rt_1');
    await bridge.settingsSet({ language: 'zh-CN' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('settings:set', { language: 'zh-CN' });
  });

  it('rejects with the code and sentence of a failed call (electron mocked)', async () => {
    ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Only http and https links can be opened.' },
    });
    await expect(bridge.shellOpenExternal('https://x.example')).rejects.toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Only http and https links can be opened.',
    } satisfies BridgeFailure);
    ipcRenderer.invoke.mockResolvedValue(undefined);
    await expect(bridge.authGetToken()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers validated events without the IPC event, and unsubscribes (electron mocked)', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.on('deeplink:open', listener);
    ipcRenderer.emit('deeplink:open', { sender: ipcRenderer }, { route: 'join', code: '123-456-789' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ route: 'join', code: '123-456-789' });

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ipcRenderer.emit('deeplink:open', { sender: ipcRenderer }, 'meeting://join/123-456-789');
    ipcRenderer.emit('deeplink:open', { sender: ipcRenderer }, { route: 'admin' });
    expect(listener).toHaveBeenCalledOnce();

    unsubscribe();
    ipcRenderer.emit('deeplink:open', { sender: ipcRenderer }, { route: 'join', code: '123-456-789' });
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listenerCount('deeplink:open')).toBe(0);
  });

  it('refuses to subscribe to anything but a declared event (electron mocked)', () => {
    const on = bridge.on as (event: string, listener: unknown) => () => void;
    expect(() => on('auth:getToken', vi.fn())).toThrow(/Unknown desktop event/);
    expect(() => on('__proto__', vi.fn())).toThrow(/Unknown desktop event/);
    expect(() => on('deeplink:open', 'not a function')).toThrow(TypeError);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
