import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema, TokenPairSchema, UserSchema, envelopeOf } from '@meetai/shared';
import { PASSWORD, body, call, login, register, signUp, uniqueName } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('register', () => {
  it('creates an account and answers 201 with the public user, never the hash', async () => {
    const username = uniqueName('reg');
    const response = await call(t.app, 'POST', '/api/v1/auth/register', {
      username,
      email: `${username}@Example.com`,
      password: PASSWORD,
      nickname: '小明',
    });
    expect(response.statusCode).toBe(201);
    const envelope = envelopeOf(UserSchema).parse(response.json());
    expect(envelope.code).toBe(201);
    expect(envelope.data).toMatchObject({ username, nickname: '小明', role: 'user', email: `${username}@example.com` });
    expect(response.body).not.toContain('argon2');
    expect(response.body).not.toContain('password');
  });

  it('refuses a username that differs only in case with 409 USERNAME_TAKEN', async () => {
    const user = await register(t.app);
    const response = await call(t.app, 'POST', '/api/v1/auth/register', {
      username: user.username.toUpperCase(),
      email: `other_${user.username}@example.com`,
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(409);
    expect(ErrorEnvelopeSchema.parse(response.json())).toMatchObject({ code: 409, error: 'USERNAME_TAKEN' });
  });

  it('refuses an email already used with 409 EMAIL_TAKEN', async () => {
    const user = await register(t.app);
    const response = await call(t.app, 'POST', '/api/v1/auth/register', {
      username: uniqueName(),
      email: user.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(409);
    expect(body(response).error).toBe('EMAIL_TAKEN');
  });

  it('refuses a weak password with per-field details', async () => {
    const response = await call(t.app, 'POST', '/api/v1/auth/register', {
      username: uniqueName(),
      email: 'weak@example.com',
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    expect(body(response).details).toEqual([{ path: 'password', message: expect.stringContaining('8 to 128') }]);
  });
});

describe('login', () => {
  it('accepts the username or the email, any case, and returns a token pair', async () => {
    const user = await register(t.app);
    for (const name of [user.username, user.email.toUpperCase()]) {
      const response = await call(t.app, 'POST', '/api/v1/auth/login', { username: name, password: PASSWORD });
      expect(response.statusCode).toBe(200);
      const pair = envelopeOf(TokenPairSchema).parse(response.json()).data;
      expect(pair.user.id).toBe(user.id);
      expect(pair.user.last_login_at).not.toBeNull();
      expect(Date.parse(pair.expires_at)).toBeGreaterThan(Date.now());
      expect(Date.parse(pair.refresh_expires_at)).toBeGreaterThan(Date.parse(pair.expires_at));
    }
  });

  it('answers a wrong password and an unknown user with the same 401 and the same words', async () => {
    const user = await register(t.app);
    const wrongPassword = await call(t.app, 'POST', '/api/v1/auth/login', {
      username: user.username,
      password: 'nope nope 1',
    });
    const unknownUser = await call(t.app, 'POST', '/api/v1/auth/login', {
      username: uniqueName('ghost'),
      password: PASSWORD,
    });
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.statusCode).toBe(401);
      expect(body(response).error).toBe('INVALID_CREDENTIALS');
    }
    expect(body(wrongPassword).message).toBe(body(unknownUser).message);
  });
});

describe('refresh tokens', () => {
  it('rotates: the new pair works and the old refresh token is revoked', async () => {
    const session = await signUp(t.app);
    const refreshed = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    const pair = envelopeOf(TokenPairSchema).parse(refreshed.json()).data;
    expect(pair.refresh_token).not.toBe(session.refreshToken);
    const profile = await call(t.app, 'GET', '/api/v1/users/profile', undefined, pair.token);
    expect(profile.statusCode).toBe(200);
    const again = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: pair.refresh_token });
    expect(again.statusCode).toBe(200);
  });

  it('revokes the whole family when a revoked token is reused (after the reuse grace: refresh-grace.test.ts)', async () => {
    const strict = await buildTestApp({ REFRESH_REUSE_GRACE: '0' });
    try {
      const session = await signUp(strict.app);
      const first = await call(strict.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken });
      const current = body<{ refresh_token: string }>(first).data.refresh_token;

      const replay = await call(strict.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken });
      expect(replay.statusCode).toBe(401);
      expect(body(replay).error).toBe('REFRESH_TOKEN_INVALID');
      // The legitimate holder's newer token died with the family.
      const afterReplay = await call(strict.app, 'POST', '/api/v1/auth/refresh', { refresh_token: current });
      expect(afterReplay.statusCode).toBe(401);
      expect(body(afterReplay).error).toBe('REFRESH_TOKEN_INVALID');
    } finally {
      await strict.close();
    }
  });

  it('refuses an unknown refresh token with 401 REFRESH_TOKEN_INVALID', async () => {
    const response = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: 'x'.repeat(43) });
    expect(response.statusCode).toBe(401);
    expect(body(response).error).toBe('REFRESH_TOKEN_INVALID');
  });

  it('logout revokes the refresh token and is idempotent', async () => {
    const session = await signUp(t.app);
    for (let i = 0; i < 2; i += 1) {
      const response = await call(t.app, 'POST', '/api/v1/auth/logout', { refresh_token: session.refreshToken });
      expect(response.statusCode).toBe(200);
      expect(body(response).data).toBeNull();
    }
    const refreshed = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: session.refreshToken });
    expect(refreshed.statusCode).toBe(401);
  });
});

describe('profile', () => {
  it('reads and edits the signed-in user', async () => {
    const session = await signUp(t.app);
    const read = await call(t.app, 'GET', '/api/v1/users/profile', undefined, session.token);
    expect(body(read).data).toMatchObject({ id: session.user.id, username: session.user.username });
    const edited = await call(t.app, 'PUT', '/api/v1/users/profile', { nickname: 'Ada L.' }, session.token);
    expect(edited.statusCode).toBe(200);
    expect(body(edited).data).toMatchObject({ nickname: 'Ada L.', email: session.user.email });
  });

  it('refuses an email another account has with 409 EMAIL_TAKEN, and an empty edit with 400', async () => {
    const session = await signUp(t.app);
    const other = await register(t.app);
    const taken = await call(t.app, 'PUT', '/api/v1/users/profile', { email: other.email }, session.token);
    expect(taken.statusCode).toBe(409);
    expect(body(taken).error).toBe('EMAIL_TAKEN');
    const empty = await call(t.app, 'PUT', '/api/v1/users/profile', {}, session.token);
    expect(empty.statusCode).toBe(400);
    expect(body(empty).error).toBe('VALIDATION_FAILED');
  });

  it('change-password needs the current password and signs out the other sessions only', async () => {
    const user = await register(t.app);
    const here = await login(t.app, user.username);
    const elsewhere = await login(t.app, user.username);

    const wrong = await call(
      t.app,
      'POST',
      '/api/v1/users/change-password',
      { old_password: 'not it 123', new_password: 'brand new 777' },
      here.token,
    );
    expect(wrong.statusCode).toBe(403);
    expect(body(wrong).error).toBe('WRONG_PASSWORD');

    const changed = await call(
      t.app,
      'POST',
      '/api/v1/users/change-password',
      { old_password: PASSWORD, new_password: 'brand new 777' },
      here.token,
    );
    expect(changed.statusCode).toBe(200);
    const otherRefresh = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: elsewhere.refreshToken });
    expect(otherRefresh.statusCode).toBe(401);
    const ownRefresh = await call(t.app, 'POST', '/api/v1/auth/refresh', { refresh_token: here.refreshToken });
    expect(ownRefresh.statusCode).toBe(200);

    const oldPassword = await call(t.app, 'POST', '/api/v1/auth/login', {
      username: user.username,
      password: PASSWORD,
    });
    expect(oldPassword.statusCode).toBe(401);
    await expect(login(t.app, user.username, 'brand new 777')).resolves.toMatchObject({ user: { id: user.id } });
  });
});
