import { beforeEach, describe, expect, it } from 'vitest';
import { changedUrls, loadPreferences, savePreferences, targetsFor } from './preferences';

beforeEach(() => window.localStorage.clear());

describe('admin preferences', () => {
  it('defaults to the seed map around the server address, every 15 s', () => {
    expect(loadPreferences(window.localStorage)).toEqual({ urls: {}, refresh_s: 15 });
    const targets = targetsFor('https://meet.example.com', {});
    expect(targets.find((t) => t.name === 'gateway')?.url).toBe('https://meet.example.com');
    expect(targets.find((t) => t.name === 'grafana')?.url).toBe('http://meet.example.com:8804');
  });

  it('remembers only the addresses that differ from the defaults, and the interval', () => {
    const server = 'http://localhost:8800';
    const urls = changedUrls(server, {
      grafana: 'http://grafana.internal:3000/',
      prometheus: 'http://localhost:8802',
      loki: '',
    });
    expect(urls).toEqual({ grafana: 'http://grafana.internal:3000', loki: '' });
    savePreferences(window.localStorage, { urls, refresh_s: 5 });
    const again = loadPreferences(window.localStorage);
    expect(again.refresh_s).toBe(5);
    expect(targetsFor(server, again.urls).find((t) => t.name === 'loki')?.url).toBe('');
  });

  it('drops stored values that are no longer valid, keeping the rest', () => {
    window.localStorage.setItem(
      'meetai.admin',
      JSON.stringify({ urls: { grafana: 'javascript:alert(1)' }, refresh_s: 7 }),
    );
    expect(loadPreferences(window.localStorage)).toEqual({ urls: {}, refresh_s: 15 });
    window.localStorage.setItem('meetai.admin', '{not json');
    expect(loadPreferences(window.localStorage).refresh_s).toBe(15);
  });
});
