import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { loadMediaLinkSettings } from './link-settings';
import { bearerToken, isInternalToken } from './link-token';

const TOKEN = 'k'.repeat(32);
const URL = 'ws://media.internal:8081/internal/media-link';

describe('media link settings', () => {
  it('has nothing to connect to by default, and taps on loopback', () => {
    expect(loadMediaLinkSettings({}, ['ai'])).toEqual({ token: undefined, mediaUrl: undefined, tapHost: '127.0.0.1' });
    expect(loadConfig({ MEDIASOUP_WORKERS: '1' }).media.tapListenIp).toBe('127.0.0.1');
  });

  it('reads an AI service’s link to the media service', () => {
    const env = { INTERNAL_TOKEN: TOKEN, AI_MEDIA_URL: URL, AI_TAP_HOST: '10.0.0.7' };
    expect(loadMediaLinkSettings(env, ['ai'])).toEqual({ token: TOKEN, mediaUrl: URL, tapHost: '10.0.0.7' });
    const config = loadConfig({ ...env, SERVICES: 'ai', MEDIASOUP_TAP_LISTEN_IP: '10.0.0.5' });
    expect(config.link.mediaUrl).toBe(URL);
    expect(config.media.tapListenIp).toBe('10.0.0.5');
  });

  it('refuses what cannot work, naming the variable', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ INTERNAL_TOKEN: 'short' }, 'signaling', /INTERNAL_TOKEN/],
      [{ INTERNAL_TOKEN: TOKEN, AI_MEDIA_URL: 'http://media:8081/internal/media-link' }, 'ai', /AI_MEDIA_URL/],
      [{ INTERNAL_TOKEN: TOKEN, AI_TAP_HOST: 'ai.internal' }, 'ai', /AI_TAP_HOST/],
      [{ AI_MEDIA_URL: URL }, 'ai', /AI_MEDIA_URL needs INTERNAL_TOKEN/],
      [{ INTERNAL_TOKEN: TOKEN, AI_MEDIA_URL: URL }, 'signaling,ai', /AI_MEDIA_URL is for an AI service running apart/],
      [{ INTERNAL_TOKEN: TOKEN, AI_MEDIA_URL: URL }, 'auth', /does not run the ai service/],
      [{ MEDIASOUP_TAP_LISTEN_IP: 'everywhere' }, 'signaling', /MEDIASOUP_TAP_LISTEN_IP/],
    ];
    for (const [env, services, problem] of cases) {
      expect(() => loadConfig({ ...env, SERVICES: services }), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig({ ...env, SERVICES: services })).toThrow(problem);
    }
  });
});

describe('the internal token', () => {
  it('is read from a bearer header and must match exactly', () => {
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
    for (const header of [undefined, '', TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN} extra`]) {
      expect(bearerToken(header)).toBeUndefined();
    }
    expect(isInternalToken(TOKEN, TOKEN)).toBe(true);
    for (const presented of [undefined, '', `${TOKEN}k`, TOKEN.slice(1), TOKEN.toUpperCase()]) {
      expect(isInternalToken(presented, TOKEN)).toBe(false);
    }
  });
});
