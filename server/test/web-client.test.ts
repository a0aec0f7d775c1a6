import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, call } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

const INDEX = '<!doctype html><title>MeetAI</title><div id="root"></div>';
let webDir: string;
let t: TestApp;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'meetai-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), INDEX);
  writeFileSync(path.join(webDir, 'assets', 'app-1a2b3c.js'), 'console.log("app")');
  t = await buildTestApp({ WEB_DIR: webDir });
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the web build at /', () => {
  it('serves index.html at / and for client-side routes', async () => {
    for (const url of ['/', '/meetings/42?tab=details']) {
      const response = await call(t.app, 'GET', url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toBe(INDEX);
    }
  });

  it('redirects invite links /j/<code> to the client route, with the code in canonical form', async () => {
    const response = await call(t.app, 'GET', '/j/123456789');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/#/join/123-456-789');
  });

  it('answers the desktop app origin app://meetai with CORS headers, and not an unknown origin', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/meetings',
      headers: {
        origin: 'app://meetai',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('app://meetai');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    const stranger = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves hashed assets as immutable and index.html as always-revalidate', async () => {
    const asset = await call(t.app, 'GET', '/assets/app-1a2b3c.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await call(t.app, 'GET', '/')).headers['cache-control']).toBe('no-cache');
  });

  it('a missing file is a 404, not index.html', async () => {
    const response = await call(t.app, 'GET', '/assets/missing.js');
    expect(response.statusCode).toBe(404);
  });

  it('API 404s stay JSON', async () => {
    const response = await call(t.app, 'GET', '/api/v1/unknown');
    expect(response.statusCode).toBe(404);
    expect(body(response).error).toBe('NOT_FOUND');
  });

  it('reports web ok in /health when the build exists', async () => {
    const response = await call(t.app, 'GET', '/health');
    expect(response.json()).toMatchObject({ checks: { web: { status: 'ok' } } });
  });
});

describe('without a web build', () => {
  it('/ is a plain page that says the web client is not built and how to build it', async () => {
    const bare = await buildTestApp();
    const response = await call(bare.app, 'GET', '/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('web client is not built');
    expect(response.body).toContain('npm run build -w @meetai/renderer');
    expect((await call(bare.app, 'GET', '/api/v1/unknown')).statusCode).toBe(404);
    await bare.close();
  });
});
