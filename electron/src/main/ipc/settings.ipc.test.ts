import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@meetai/shared';
import { ipcMain, invokeEventFrom } from '../../test/electron-mock';
import { APP_ORIGIN } from '../windows/renderer-source';
import * as settingsIpc from './settings.ipc';

vi.mock('electron', () => import('../../test/electron-mock'));

const trust = { appOrigin: APP_ORIGIN };
const call = (channel: string, payload?: unknown) =>
  ipcMain.invoke(channel, invokeEventFrom(`${APP_ORIGIN}/index.html`), payload);

describe('settings.ipc (electron mocked)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'meetai-settings-'));
    settingsIpc.register(trust, { userDataDir: dir });
  });
  afterEach(async () => {
    settingsIpc.dispose();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the defaults when nothing was saved yet (electron mocked)', async () => {
    await expect(call('settings:get')).resolves.toEqual({ ok: true, data: DEFAULT_SETTINGS });
  });

  it('round-trips a patch through the settings file in userData (electron mocked)', async () => {
    const saved = await call('settings:set', { server_url: 'https://meet.example.com/', language: 'zh-CN' });
    const expected = { ...DEFAULT_SETTINGS, server_url: 'https://meet.example.com', language: 'zh-CN' };
    expect(saved).toEqual({ ok: true, data: expected });

    const onDisk: unknown = JSON.parse(await readFile(path.join(dir, settingsIpc.SETTINGS_FILE), 'utf8'));
    expect(onDisk).toEqual(expected);

    // A fresh registration (as after a restart) reads the file back.
    settingsIpc.dispose();
    settingsIpc.register(trust, { userDataDir: dir });
    await expect(call('settings:get')).resolves.toEqual({ ok: true, data: expected });
  });

  it('changes only the fields a patch names (electron mocked)', async () => {
    await call('settings:set', { theme: 'dark', camera_id: 'cam-1' });
    const result = await call('settings:set', { language: 'en' });
    expect(result).toEqual({
      ok: true,
      data: { ...DEFAULT_SETTINGS, theme: 'dark', camera_id: 'cam-1', language: 'en' },
    });
  });

  it('rejects unknown keys and non-http server addresses, leaving the file untouched (electron mocked)', async () => {
    await call('settings:set', { theme: 'light' });
    const before = await readFile(path.join(dir, settingsIpc.SETTINGS_FILE), 'utf8');
    for (const patch of [
      { admin: true },
      { server_url: 'javascript:alert(1)' },
      { server_url: 'file:///etc' },
      { theme: 'pink' },
      'light',
    ]) {
      await expect(call('settings:set', patch)).resolves.toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    expect(await readFile(path.join(dir, settingsIpc.SETTINGS_FILE), 'utf8')).toBe(before);
  });

  it('leaves no temporary files behind after concurrent writes, and the last write wins (electron mocked)', async () => {
    const results = await Promise.all(
      ['light', 'dark', 'system', 'dark'].map((theme) => call('settings:set', { theme })),
    );
    expect(results.every((result) => (result as { ok: boolean }).ok)).toBe(true);
    expect(await readdir(dir)).toEqual([settingsIpc.SETTINGS_FILE]);
    await expect(call('settings:get')).resolves.toMatchObject({ data: { theme: 'dark' } });
  });

  it('keeps the valid fields of a damaged file and defaults the rest (electron mocked)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeFile(
      path.join(dir, settingsIpc.SETTINGS_FILE),
      JSON.stringify({ language: 'zh-CN', theme: 'neon', server_url: 42 }),
    );
    settingsIpc.dispose();
    settingsIpc.register(trust, { userDataDir: dir });
    await expect(call('settings:get')).resolves.toEqual({ ok: true, data: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
  });

  it('falls back to the defaults when the file is not JSON (electron mocked)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeFile(path.join(dir, settingsIpc.SETTINGS_FILE), '{"language": "en"');
    settingsIpc.dispose();
    settingsIpc.register(trust, { userDataDir: dir });
    await expect(call('settings:get')).resolves.toEqual({ ok: true, data: DEFAULT_SETTINGS });
    expect(warn).toHaveBeenCalled();
  });

  it("takes the server from MEETAI_SERVER_URL (npm start's) until the user picks one (electron mocked)", async () => {
    expect(settingsIpc.settingsDefaults({ MEETAI_SERVER_URL: 'http://localhost:8890/' }).server_url).toBe(
      'http://localhost:8890',
    );
    for (const bad of [undefined, '', 'javascript:alert(1)', 'localhost:8890']) {
      expect(settingsIpc.settingsDefaults({ MEETAI_SERVER_URL: bad })).toEqual(DEFAULT_SETTINGS);
    }
    settingsIpc.dispose();
    settingsIpc.register(trust, {
      userDataDir: dir,
      defaults: settingsIpc.settingsDefaults({ MEETAI_SERVER_URL: 'http://localhost:8890' }),
    });
    await expect(call('settings:get')).resolves.toMatchObject({ data: { server_url: 'http://localhost:8890' } });
    await call('settings:set', { server_url: 'https://meet.example.com' });
    settingsIpc.dispose();
    settingsIpc.register(trust, {
      userDataDir: dir,
      defaults: settingsIpc.settingsDefaults({ MEETAI_SERVER_URL: 'http://localhost:8890' }),
    });
    await expect(call('settings:get')).resolves.toMatchObject({ data: { server_url: 'https://meet.example.com' } });
  });
});
