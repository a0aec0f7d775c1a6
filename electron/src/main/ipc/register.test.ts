import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeChannels, type BridgeChannel, type HealthProbeRequest } from '@meetai/shared';
import { app, ipcMain, invokeEventFrom, shell } from '../../test/electron-mock';
import type { Notifier } from '../notifications';
import { RendererEvents } from '../renderer-events';
import type { UpdateService } from '../updater';
import { APP_ORIGIN } from '../windows/renderer-source';
import type { ScreenShare } from '../windows/screen-share';
import { disposeIpc, registerIpc } from './register';

vi.mock('electron', () => import('../../test/electron-mock'));

/** For each channel: a payload it accepts, one it refuses, and the service call a valid one reaches. */
const CASES: Record<BridgeChannel, { valid: unknown; invalid: unknown; reaches?: () => unknown }> = {
  'app:getInfo': { valid: undefined, invalid: { version: 'x' } },
  'app:ready': { valid: undefined, invalid: 'ready' },
  'app:setUnreadCount': { valid: 2, invalid: -2, reaches: () => desktop.setUnreadCount },
  'settings:get': { valid: undefined, invalid: 1 },
  'settings:set': { valid: { language: 'zh-CN' }, invalid: { language: 'tlh' }, reaches: () => desktop.setLanguage },
  'auth:getToken': { valid: undefined, invalid: 'x' },
  'auth:setToken': { valid: 'refresh-token-1', invalid: '' },
  'auth:clearToken': { valid: undefined, invalid: true },
  'shell:openExternal': {
    valid: 'https://example.com/',
    invalid: 'file:///etc/passwd',
    reaches: () => shell.openExternal,
  },
  'screen:listSources': { valid: undefined, invalid: { types: ['screen'] }, reaches: () => screenShare.listSources },
  'screen:select': {
    valid: { source_id: 'screen:0:0', with_audio: false },
    invalid: { source_id: 'screen:0:0' },
    reaches: () => screenShare.select,
  },
  'meeting:setPresence': {
    valid: { meeting_id: 4, title: 'Weekly', is_muted: false },
    invalid: { meeting_id: 'four' },
    reaches: () => desktop.setPresence,
  },
  'notification:show': {
    valid: { kind: 'chat', title: 'Ada', body: 'hi', target: { view: 'room', meeting_id: 4 } },
    invalid: { kind: 'chat', title: 'Ada', body: 'hi', target: { view: 'https://evil.example/' } },
    reaches: () => notifier.show,
  },
  'updater:getStatus': { valid: undefined, invalid: 'now' },
  'updater:check': { valid: undefined, invalid: { force: true }, reaches: () => updates.check },
  'updater:install': { valid: undefined, invalid: 1, reaches: () => updates.install },
  'health:probe': {
    valid: { targets: [{ name: 'gateway', url: 'http://localhost:8800' }] },
    invalid: { targets: [{ name: 'gateway', url: 'file:///etc/passwd' }] },
    reaches: () => probeHealth,
  },
};

const desktop = { setUnreadCount: vi.fn(), setPresence: vi.fn(), setLanguage: vi.fn() };
const screenShare = {
  listSources: vi.fn(async () => ({ sources: [], can_share_audio: false })),
  select: vi.fn(),
};
const notifier = { show: vi.fn(() => ({ shown: true })) };
const probeHealth = vi.fn(async (request: HealthProbeRequest) => ({
  status: 'up' as const,
  monitoring_status: 'unknown' as const,
  checked_at: '2030-03-02T09:00:00.000Z',
  duration_ms: 3,
  timeout_ms: request.timeout_ms ?? 2000,
  targets: [],
}));
const updates = {
  status: { state: 'ready', version: '0.2.0' } as const,
  check: vi.fn(async () => ({ state: 'up-to-date' }) as const),
  install: vi.fn(),
};

describe('every bridge channel checks its sender and its payload (electron mocked)', () => {
  let userData: string;

  beforeAll(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'meetai-ipc-'));
    app.userDataDir = userData;
    registerIpc(
      { appOrigin: APP_ORIGIN },
      {
        events: new RendererEvents(),
        desktop,
        screenShare: screenShare as unknown as ScreenShare,
        notifier: notifier as unknown as Notifier,
        updates: updates as unknown as UpdateService,
        probeHealth,
      },
    );
  });
  afterAll(async () => {
    disposeIpc();
    expect(ipcMain.handlers.size).toBe(0);
    await rm(userData, { recursive: true, force: true });
  });
  beforeEach(() => {
    vi.clearAllMocks();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('registers exactly the channels of BridgeChannels (electron mocked)', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(BridgeChannels).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(BridgeChannels).sort());
  });

  for (const channel of Object.keys(CASES) as BridgeChannel[]) {
    const { valid, invalid, reaches } = CASES[channel];

    it(`${channel}: refuses other origins and subframes, refuses a bad payload, serves the app (electron mocked)`, async () => {
      for (const event of [
        invokeEventFrom('https://evil.example/index.html'),
        invokeEventFrom('file:///tmp/index.html'),
        invokeEventFrom(`${APP_ORIGIN}/index.html`, { isSubframe: true }),
        { ...invokeEventFrom(`${APP_ORIGIN}/index.html`), senderFrame: null },
      ]) {
        await expect(ipcMain.invoke(channel, event, valid)).resolves.toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      await expect(
        ipcMain.invoke(channel, invokeEventFrom(`${APP_ORIGIN}/index.html`), invalid),
      ).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (reaches) expect(reaches()).not.toHaveBeenCalled();

      const answer = await ipcMain.invoke(channel, invokeEventFrom(`${APP_ORIGIN}/index.html#/room/4`), valid);
      expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
      if (reaches) expect(reaches()).toHaveBeenCalledOnce();
    });
  }
});
