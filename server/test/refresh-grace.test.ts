import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../src/auth/auth-service';
import { TokenService } from '../src/auth/token-service';
import { openDatabase, type AppDatabase } from '../src/storage/database';
import { PASSWORD, body, call, signUp } from './helpers/api';
import { buildTestApp, randomJwtSecret } from './helpers/test-app';

const GRACE_S = 20;

/** The service on a real SQLite file, with a clock the test moves. */
let dir: string;
let database: AppDatabase;
let clock = Date.parse('2026-03-01T10:00:00.000Z');
let auth: AuthService;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meetai-grace-'));
  database = await openDatabase(dir);
  const tokens = new TokenService({
    secret: new TextEncoder().encode(randomJwtSecret()),
    accessTtlS: 3,
    refreshTtlS: 86_400,
    now: () => clock,
  });
  auth = new AuthService(database.db, tokens, { reuseGraceS: GRACE_S });
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function signIn(): Promise<string> {
  n += 1;
  const username = `grace_${n}`;
  await auth.register({ username, email: `${username}@example.test`, password: PASSWORD });
  return (await auth.login({ username, password: PASSWORD })).refresh_token;
}

const advance = (seconds: number) => {
  clock += seconds * 1000;
};

async function refused(token: string): Promise<string | undefined> {
  return auth.refresh(token).then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
}

describe('refresh reuse grace', () => {
  it('gives a token replaced moments ago the same new refresh token, and a fresh access token', async () => {
    const original = await signIn();
    const first = await auth.refresh(original);
    advance(5);
    // The other tab (or a retry after a lost answer) still holds the original.
    const second = await auth.refresh(original);
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.token).not.toBe(first.token);
    expect(second.user.id).toBe(first.user.id);
    // Nothing was revoked: the shared token rotates on as usual.
    const next = await auth.refresh(first.refresh_token);
    expect(next.refresh_token).not.toBe(first.refresh_token);
  });

  it('follows rotations made since, to the token that is live now', async () => {
    const original = await signIn();
    const first = await auth.refresh(original);
    advance(2);
    const second = await auth.refresh(first.refresh_token);
    advance(2);
    const third = await auth.refresh(second.refresh_token);
    advance(2);
    expect((await auth.refresh(original)).refresh_token).toBe(third.refresh_token);
    expect((await auth.refresh(first.refresh_token)).refresh_token).toBe(third.refresh_token);
  });

  it('after the grace a replaced token is reuse: the whole family is revoked', async () => {
    const original = await signIn();
    const first = await auth.refresh(original);
    advance(GRACE_S + 1);
    expect(await refused(original)).toBe('REFRESH_TOKEN_INVALID');
    expect(await refused(first.refresh_token)).toBe('REFRESH_TOKEN_INVALID');
  });

  it('the grace counts from the replacement, not from sign-in', async () => {
    const original = await signIn();
    advance(GRACE_S * 3);
    const first = await auth.refresh(original);
    advance(GRACE_S - 1);
    expect((await auth.refresh(original)).refresh_token).toBe(first.refresh_token);
  });

  it('does not revive a token revoked for another reason (sign-out), nor a family already revoked', async () => {
    const original = await signIn();
    const first = await auth.refresh(original);
    await auth.logout(first.refresh_token);
    expect(await refused(original)).toBe('REFRESH_TOKEN_INVALID');

    const other = await signIn();
    const rotated = await auth.refresh(other);
    advance(GRACE_S + 1);
    const stale = await auth.refresh(rotated.refresh_token);
    // A replay after the grace revokes the family; the grace then leads nowhere.
    expect(await refused(other)).toBe('REFRESH_TOKEN_INVALID');
    expect(await refused(rotated.refresh_token)).toBe('REFRESH_TOKEN_INVALID');
    expect(await refused(stale.refresh_token)).toBe('REFRESH_TOKEN_INVALID');
  });

  it('a grace of 0 keeps the strict rule: the first replay revokes the family', async () => {
    const tokens = new TokenService({
      secret: new TextEncoder().encode(randomJwtSecret()),
      accessTtlS: 3,
      refreshTtlS: 86_400,
      now: () => clock,
    });
    const strict = new AuthService(database.db, tokens, { reuseGraceS: 0 });
    n += 1;
    const username = `strict_${n}`;
    await strict.register({ username, email: `${username}@example.test`, password: PASSWORD });
    const original = (await strict.login({ username, password: PASSWORD })).refresh_token;
    const first = await strict.refresh(original);
    await expect(strict.refresh(original)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    await expect(strict.refresh(first.refresh_token)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });
});

describe('refresh reuse grace over HTTP', () => {
  it('two tabs refreshing the same token at once both stay signed in, with the same new refresh token', async () => {
    const t = await buildTestApp({ REFRESH_REUSE_GRACE: '20s' });
    try {
      const session = await signUp(t.app);
      const [a, b] = await Promise.all([
        call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken }),
        call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const tokenA = body<{ refresh_token: string }>(a).data.refresh_token;
      expect(body<{ refresh_token: string }>(b).data.refresh_token).toBe(tokenA);
      const next = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: tokenA });
      expect(next.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
