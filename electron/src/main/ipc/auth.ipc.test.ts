import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, invokeEventFrom, safeStorage } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import * as authIpc from './auth.ipc';

vi.mock('electron', () => import('../../test/electron-mock'));

const trust = { appOrigin: APP_ORIGIN };
const TOKEN = 'rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const call = (channel: string, payload?: unknown) =>
  ipcMain.invoke(channel, invokeEventFrom(`${APP_ORIGIN}/index.html`), payload);

/** As after an app restart: a new store over the same userData. */
function restart(dir: string): void {
  authIpc.dispose();
  authIpc.register(trust, dir);
}

describe('auth.ipc (electron mocked)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meetai-auth-'));
    safeStorage.available = true;
    safeStorage.backend = 'gnome_libsecret';
    authIpc.register(trust, dir);
  });
  afterEach(async () => {
    authIpc.dispose();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  describe('with safeStorage available (electron mocked)', () => {
    it('sets, gets and clears the token, stored encrypted on disk (electron mocked)', async () => {
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: null });
      await expect(call('auth:setToken', TOKEN)).resolves.toEqual({ ok: true, data: null });

      const onDisk = await readFile(path.join(dir, authIpc.TOKEN_FILE));
      expect(onDisk.toString('utf8')).not.toContain(TOKEN);
      expect(onDisk.toString('utf8')).not.toContain(Buffer.from(TOKEN).toString('base64'));

      restart(dir);
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: TOKEN });

      await expect(call('auth:clearToken')).resolves.toEqual({ ok: true, data: null });
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: null });
      expect(await readdir(dir)).toEqual([]);
    });

    it('discards a stored token it cannot decrypt (electron mocked)', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await writeFile(path.join(dir, authIpc.TOKEN_FILE), 'garbage from another keychain');
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: null });
      expect(await readdir(dir)).toEqual([]);
    });

    it('rejects an empty or oversized token (electron mocked)', async () => {
      for (const bad of ['', 'x'.repeat(4097), 42, undefined]) {
        await expect(call('auth:setToken', bad)).resolves.toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED' },
        });
      }
      expect(await readdir(dir)).toEqual([]);
    });
  });

  describe('with safeStorage unavailable (electron mocked)', () => {
    it('keeps the token in memory only, says so, and forgets it on restart (electron mocked)', async () => {
      safeStorage.available = false;
      restart(dir);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

      await expect(call('auth:setToken', TOKEN)).resolves.toEqual({ ok: true, data: null });
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: TOKEN });
      expect(await readdir(dir)).toEqual([]);
      expect(warn.mock.calls.flat().join(' ')).toMatch(/kept in memory only/);

      await expect(call('auth:clearToken')).resolves.toEqual({ ok: true, data: null });
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: null });

      await call('auth:setToken', TOKEN);
      restart(dir);
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: null });
    });

    it("treats Linux's basic_text backend as unavailable (electron mocked)", async () => {
      vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      safeStorage.backend = 'basic_text';
      restart(dir);
      await call('auth:setToken', TOKEN);
      expect(await readdir(dir)).toEqual([]);
      await expect(call('auth:getToken')).resolves.toEqual({ ok: true, data: TOKEN });
    });

    it('still removes a token file left by an earlier run when clearing (electron mocked)', async () => {
      await call('auth:setToken', TOKEN);
      safeStorage.available = false;
      restart(dir);
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await expect(call('auth:clearToken')).resolves.toEqual({ ok: true, data: null });
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
