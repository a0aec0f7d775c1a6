import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../src/http/log-redaction';
import { WEB_CLIENT_CSP } from '../src/http/security-headers';
import { randomJwtSecret, buildTestApp, type TestApp } from './helpers/test-app';
import { REPO_ROOT, startServerProcess } from './helpers/server-process';

/** `name source source; name ...` → directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  const entries = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0]);
  return new Map(entries.map(([name, ...sources]) => [name as string, sources]));
}

describe('security headers', () => {
  let webDir: string;
  let t: TestApp;
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'meetai-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>MeetAI</title>');
    writeFileSync(path.join(webDir, 'assets', 'app-1a2b3c.js'), 'console.log("app")');
    t = await buildTestApp({ WEB_DIR: webDir, SERVICES: 'auth,meetings,web' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('pages of the web client may not be framed and carry the CSP', async () => {
    for (const url of ['/', '/meetings/42', '/index.html']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toBe(WEB_CLIENT_CSP);
    }
  });

  it("a revalidated page (304) carries no policy of its own, so the browser keeps the page's", async () => {
    const first = await t.app.inject({ method: 'GET', url: '/' });
    const etag = String(first.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['content-security-policy']).toBeUndefined();
    expect(again.headers['x-frame-options']).toBe('DENY');
  });

  it('API answers and assets are not framed or sniffed either, and JSON gets a policy that allows nothing', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/users/profile' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.statusCode).toBe(200);
    for (const response of [api, asset]) {
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it("the page policy forbids framing and allows what the renderer's own policy names", () => {
    const header = directives(WEB_CLIENT_CSP);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'ws:', 'wss:']));
    expect(header.get('media-src')).toContain('blob:');
    expect(header.get('script-src')).toEqual(["'self'"]);
    const html = readFileSync(path.join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const [name, sources] of directives(meta as string)) {
      if (name === 'default-src') continue;
      expect(header.get(name), name).toBeDefined();
      // Sources the page allows in its own policy stay allowed (the header may name fewer only as 'none').
      for (const source of sources) {
        if (header.get(name)?.[0] !== "'none'") expect(header.get(name), `${name} ${source}`).toContain(source);
      }
    }
  });
});

describe('/metrics is not public', () => {
  let open: TestApp;
  let guarded: TestApp;
  const token = 'scrape-token-0123456789';
  beforeAll(async () => {
    open = await buildTestApp({ SERVICES: 'auth' });
    guarded = await buildTestApp({ SERVICES: 'auth', METRICS_TOKEN: token, JWT_SECRET: randomJwtSecret() });
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
  });

  const scrape = (app: TestApp, from: string, headers: Record<string, string> = {}) =>
    app.app.inject({ method: 'GET', url: '/metrics', remoteAddress: from, headers });

  it('without a token, only this machine may scrape, and not through a proxy', async () => {
    expect((await scrape(open, '127.0.0.1')).statusCode).toBe(200);
    expect((await scrape(open, '::1')).statusCode).toBe(200);
    const remote = await scrape(open, '203.0.113.7');
    expect(remote.statusCode).toBe(403);
    expect(remote.body).not.toContain('process_cpu');
    expect((await scrape(open, '127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(403);
  });

  it('with METRICS_TOKEN, the bearer token is needed from anywhere', async () => {
    expect((await scrape(guarded, '127.0.0.1')).statusCode).toBe(401);
    expect((await scrape(guarded, '203.0.113.7', { authorization: 'Bearer wrong-token-0123456789' })).statusCode).toBe(
      401,
    );
    const ok = await scrape(guarded, '203.0.113.7', { authorization: `Bearer ${token}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('process_cpu_user_seconds_total');
  });
});

describe('request logs', () => {
  it('redact signaling tickets from URLs', () => {
    expect(redactUrl('/ws/signaling?ticket=abc123')).toBe('/ws/signaling?ticket=[redacted]');
    expect(redactUrl('/ws/signaling?x=1&ticket=abc123&y=2')).toBe('/ws/signaling?x=1&ticket=[redacted]&y=2');
    expect(redactUrl('/api/v1/meetings?page=2')).toBe('/api/v1/meetings?page=2');
    expect(redactUrl('/health')).toBe('/health');
  });

  it('a real server never writes a ticket to its log', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'meetai-logs-'));
    const server = await startServerProcess({ SERVICES: 'auth', DATA_DIR: dataDir });
    try {
      const secret = 'Zm9vYmFyLXNpZ25hbGluZy10aWNrZXQ';
      const response = await fetch(`${server.url}/ws/signaling?ticket=${secret}&v=1`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(secret);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = server.logs.map((entry) => JSON.stringify(entry));
      expect(lines.some((line) => line.includes('/ws/signaling?ticket=[redacted]&v=1'))).toBe(true);
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
