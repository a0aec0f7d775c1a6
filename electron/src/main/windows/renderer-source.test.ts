import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, originOf, resolveRendererSource } from './renderer-source';

describe('renderer source', () => {
  it('loads the bundled build from app://meetai by default', () => {
    expect(resolveRendererSource({}, '/opt/MeetAI/resources/app.asar/dist')).toEqual({
      kind: 'bundled',
      origin: APP_ORIGIN,
      entryUrl: 'app://meetai/index.html',
      rootDir: '/opt/MeetAI/resources/app.asar/dist/renderer',
    });
  });

  it('loads MEETAI_RENDERER_URL in dev', () => {
    expect(resolveRendererSource({ MEETAI_RENDERER_URL: 'http://localhost:5173' }, '/x')).toEqual({
      kind: 'dev-server',
      origin: 'http://localhost:5173',
      entryUrl: 'http://localhost:5173/',
    });
  });

  it('ignores MEETAI_RENDERER_URL in a packaged app', () => {
    const source = resolveRendererSource({ MEETAI_RENDERER_URL: 'https://evil.example/' }, '/opt/app/dist', {
      isPackaged: true,
    });
    expect(source).toMatchObject({ kind: 'bundled', origin: APP_ORIGIN, entryUrl: 'app://meetai/index.html' });
  });

  it('refuses a dev URL that is not http(s)', () => {
    for (const bad of ['file:///tmp/index.html', 'javascript:alert(1)', 'localhost:5173', 'not a url']) {
      expect(() => resolveRendererSource({ MEETAI_RENDERER_URL: bad }, '/x')).toThrow(/MEETAI_RENDERER_URL/);
    }
  });

  it('computes origins for custom schemes, which Node reports as "null"', () => {
    expect(originOf('app://meetai/index.html#/x')).toBe('app://meetai');
    expect(originOf('http://localhost:5173/a')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });
});
