import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from '../../test/electron-mock';
import { registerAppScheme, resolveAppFile, serveRendererFiles } from './app-protocol';

vi.mock('electron', () => import('../../test/electron-mock'));

describe('app:// protocol (electron mocked)', () => {
  let root: string;
  let outside: string;
  const fetchApp = (url: string) => {
    const handler = protocol.handlers.get('app');
    if (!handler) throw new Error('app:// is not handled');
    return handler(new Request(url));
  };

  beforeAll(async () => {
    outside = await mkdtemp(path.join(tmpdir(), 'meetai-renderer-'));
    root = path.join(outside, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>MeetAI</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(outside, 'secret.txt'), 'not for the page');
    serveRendererFiles(root);
  });
  afterAll(() => rm(outside, { recursive: true, force: true }));

  it('registers app as a standard, secure, fetchable scheme (electron mocked)', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves the renderer build with the CSP header (electron mocked)', async () => {
    const index = await fetchApp('app://meetai/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>MeetAI</title>');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-type')).toBe('text/html');

    const root = await fetchApp('app://meetai/');
    expect(await root.text()).toContain('MeetAI');
    const script = await fetchApp('app://meetai/assets/app.js?v=1#x');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files, other hosts and paths that escape the build (electron mocked)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const url of [
      'app://meetai/missing.js',
      'app://other/index.html',
      'app://meetai/%2e%2e/secret.txt',
      'app://meetai/..%2fsecret.txt',
      'app://meetai/%2e%2e%2fsecret.txt',
      'app://meetai/%E0%A4%A',
    ]) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(404);
    }
    vi.restoreAllMocks();
  });

  it('never resolves a file outside the root (electron mocked)', () => {
    expect(resolveAppFile('app://meetai/..%2f..%2fetc%2fpasswd', '/srv/app/renderer')).toBeNull();
    expect(resolveAppFile('app://meetai/%2Fetc%2Fpasswd', '/srv/app/renderer')).toBe('/srv/app/renderer/etc/passwd');
    expect(resolveAppFile('file:///etc/passwd', '/srv/app/renderer')).toBeNull();
    expect(resolveAppFile('app://meetai/assets/a.js', '/srv/app/renderer')).toBe('/srv/app/renderer/assets/a.js');
  });
});
