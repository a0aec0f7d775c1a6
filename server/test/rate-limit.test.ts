import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, body, call, register } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    LOGIN_MAX_FAILURES_PER_IP: '8',
    LOGIN_FAILURE_WINDOW: '10m',
  });
});
afterAll(() => t.close());

const attempt = (username: string, password: string) =>
  call(t.app, 'POST', '/api/v1/auth/login', { username, password });

describe('login rate limit', () => {
  it('after the allowed failures for one account, even the right password gets 429 with Retry-After', async () => {
    const user = await register(t.app);
    for (let i = 0; i < 3; i += 1) expect((await attempt(user.username, 'wrong guess 1')).statusCode).toBe(401);
    const blocked = await attempt(user.username, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(body(blocked).error).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The account key ignores case, so changing it does not get around the limit.
    expect((await attempt(user.username.toUpperCase(), PASSWORD)).statusCode).toBe(429);
  });

  it('successful sign-ins do not count', async () => {
    const user = await register(t.app);
    for (let i = 0; i < 6; i += 1) expect((await attempt(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('failures across many accounts from one IP hit the per-IP limit', async () => {
    // 3 failures above plus these 5 reach the per-IP maximum of 8.
    for (let i = 0; i < 5; i += 1) {
      const user = await register(t.app);
      expect((await attempt(user.username, 'wrong guess 1')).statusCode).toBe(401);
    }
    const fresh = await register(t.app);
    const blocked = await attempt(fresh.username, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(body(blocked).error).toBe('RATE_LIMITED');
    // Another address is not affected.
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.1.2.3',
      payload: { username: fresh.username, password: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
