import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, invokeEventFrom, shell } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import * as shellIpc from './shell.ipc';

vi.mock('electron', () => import('../../test/electron-mock'));

const call = (payload: unknown) =>
  ipcMain.invoke('shell:openExternal', invokeEventFrom(`${APP_ORIGIN}/index.html`), payload);

describe('shell.ipc (electron mocked)', () => {
  beforeEach(() => {
    shell.openExternal.mockClear();
    shellIpc.register({ appOrigin: APP_ORIGIN });
  });
  afterEach(() => shellIpc.dispose());

  it('opens an https link in the OS browser (electron mocked)', async () => {
    await expect(call('https://meet.example.com/j/123-456-789')).resolves.toEqual({ ok: true, data: null });
    expect(shell.openExternal).toHaveBeenCalledWith('https://meet.example.com/j/123-456-789');
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['mailto:', 'mailto:someone@example.com'],
    ['a custom scheme', 'meeting://join/123-456-789'],
    ['smb:', 'smb://server/share'],
    ['a non-URL', 'not a url'],
    ['a non-string', { url: 'https://example.com' }],
  ])('refuses %s without reaching the OS (electron mocked)', async (_kind, url) => {
    await expect(call(url)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
