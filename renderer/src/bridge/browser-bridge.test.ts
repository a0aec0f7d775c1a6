import { BridgeChannels, DEFAULT_SERVER_URL, methodNameOf, type BridgeChannel } from '@meetai/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge } from './browser-bridge';

function bridgeWith(
  options: { origin?: string; open?: (url: string, target: string, features: string) => unknown } = {},
) {
  const location = options.origin ? (new URL(options.origin) as unknown as Location) : undefined;
  return createBrowserBridge({ storage: window.localStorage, location, open: options.open, appVersion: '1.2.3' });
}

beforeEach(() => window.localStorage.clear());

describe('browser bridge', () => {
  it('implements every channel of BridgeChannels, key by key, plus on()', () => {
    const bridge = bridgeWith() as unknown as Record<string, unknown>;
    for (const channel of Object.keys(BridgeChannels) as BridgeChannel[]) {
      expect(typeof bridge[methodNameOf(channel)], channel).toBe('function');
    }
    expect(typeof bridge.on).toBe('function');
    const expected = [...Object.keys(BridgeChannels).map((c) => methodNameOf(c as BridgeChannel)), 'on'].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
  });

  it('answers every channel with a value its response schema accepts', async () => {
    const bridge = bridgeWith({ open: () => null });
    const answers: Record<BridgeChannel, unknown> = {
      'app:getInfo': await bridge.appGetInfo(),
      'app:ready': await bridge.appReady(),
      'settings:get': await bridge.settingsGet(),
      'settings:set': await bridge.settingsSet({ theme: 'dark' }),
      'auth:getToken': await bridge.authGetToken(),
      'auth:setToken': await bridge.authSetToken('refresh-token-0001'),
      'auth:clearToken': await bridge.authClearToken(),
      'shell:openExternal': await bridge.shellOpenExternal('https://example.com/'),
      'app:setUnreadCount': await bridge.appSetUnreadCount(3),
      'meeting:setPresence': await bridge.meetingSetPresence({ meeting_id: 1, title: null, is_muted: false }),
      'notification:show': await bridge.notificationShow({
        kind: 'chat',
        title: 'Ada',
        body: 'hi',
        target: { view: 'room', meeting_id: 1 },
      }),
      'updater:getStatus': await bridge.updaterGetStatus(),
      'updater:check': await bridge.updaterCheck(),
      // Desktop-only: the browser refuses them, so there is no answer to check.
      'screen:listSources': { sources: [], can_share_audio: false },
      'screen:select': null,
      'updater:install': null,
      // The gateway probes for the web build: without it wired, the bridge says so.
      'health:probe': {
        status: 'up',
        monitoring_status: 'unknown',
        checked_at: '',
        duration_ms: 0,
        timeout_ms: 1,
        targets: [],
      },
    };
    await expect(bridge.healthProbe({ targets: [{ name: 'loki', url: '' }] })).rejects.toThrow(/through the server/);
    await expect(bridge.screenListSources()).rejects.toThrow(/desktop app only/);
    await expect(bridge.screenSelect({ source_id: 'screen:0:0', with_audio: false })).rejects.toThrow(
      /desktop app only/,
    );
    await expect(bridge.updaterInstall()).rejects.toThrow(/updated by its server/);
    expect(answers['updater:getStatus']).toEqual({ state: 'disabled', reason: 'web' });
    for (const [channel, answer] of Object.entries(answers)) {
      expect(BridgeChannels[channel as BridgeChannel].response.safeParse(answer).success, channel).toBe(true);
    }
    expect(answers['app:getInfo']).toEqual({ version: '1.2.3', platform: 'web', is_desktop: false });
  });

  it('defaults the server to the page origin when served over http(s)', async () => {
    expect((await bridgeWith({ origin: 'https://meet.example.com/j/123-456-789' }).settingsGet()).server_url).toBe(
      'https://meet.example.com',
    );
    expect((await bridgeWith().settingsGet()).server_url).toBe(DEFAULT_SERVER_URL);
  });

  it('remembers a settings patch without resetting the other settings', async () => {
    const bridge = bridgeWith();
    await bridge.settingsSet({ language: 'zh-CN' });
    await bridge.settingsSet({ theme: 'dark' });
    const reread = await bridgeWith().settingsGet();
    expect(reread).toMatchObject({ language: 'zh-CN', theme: 'dark' });
  });

  it('refuses an invalid patch and leaves the stored settings alone', async () => {
    const bridge = bridgeWith();
    await bridge.settingsSet({ language: 'en' });
    await expect(bridge.settingsSet({ server_url: 'javascript:alert(1)' })).rejects.toThrow(/server_url/);
    await expect(bridge.settingsSet({ volume: 3 } as never)).rejects.toThrow();
    expect((await bridge.settingsGet()).language).toBe('en');
  });

  it('falls back to defaults when stored settings are corrupt, keeping the fields that are still valid', async () => {
    window.localStorage.setItem('meetai.settings', '{not json');
    expect((await bridgeWith().settingsGet()).theme).toBe('system');
    window.localStorage.setItem('meetai.settings', JSON.stringify({ theme: 'neon', language: 'zh-CN' }));
    expect(await bridgeWith().settingsGet()).toMatchObject({ theme: 'system', language: 'zh-CN' });
  });

  it('keeps, returns and clears the refresh token', async () => {
    const bridge = bridgeWith();
    expect(await bridge.authGetToken()).toBeNull();
    await bridge.authSetToken('refresh-token-0001');
    expect(await bridgeWith().authGetToken()).toBe('refresh-token-0001');
    await bridge.authClearToken();
    expect(await bridge.authGetToken()).toBeNull();
  });

  it('opens only http(s) links, in a new window without an opener', async () => {
    const open = vi.fn();
    const bridge = bridgeWith({ open });
    await bridge.shellOpenExternal('https://example.com/help');
    expect(open).toHaveBeenCalledWith('https://example.com/help', '_blank', 'noopener,noreferrer');
    await expect(bridge.shellOpenExternal('file:///etc/passwd')).rejects.toThrow();
    await expect(bridge.shellOpenExternal('javascript:alert(1)')).rejects.toThrow();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('returns a working unsubscribe from on()', () => {
    const unsubscribe = bridgeWith().on('deeplink:open', () => undefined);
    expect(() => unsubscribe()).not.toThrow();
  });

  it('hands health probes to the gateway, checked against the channel schema first', async () => {
    const sweep = {
      status: 'up',
      monitoring_status: 'down',
      checked_at: 'x',
      duration_ms: 1,
      timeout_ms: 500,
      targets: [],
    };
    const probeHealth = vi.fn(async () => sweep as never);
    const bridge = createBrowserBridge({ storage: window.localStorage, probeHealth });
    const request = { targets: [{ name: 'prometheus' as const, url: 'http://127.0.0.1:8802' }], timeout_ms: 500 };
    await expect(bridge.healthProbe(request)).resolves.toBe(sweep);
    expect(probeHealth).toHaveBeenCalledWith(request);
    await expect(bridge.healthProbe({ targets: [{ name: 'loki', url: 'file:///etc/passwd' }] })).rejects.toThrow();
    expect(probeHealth).toHaveBeenCalledTimes(1);
  });
});
