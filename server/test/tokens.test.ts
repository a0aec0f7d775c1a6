import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { TokenService } from '../src/auth/token-service';
import { body, call, signUp, type Session } from './helpers/api';
import { buildTestApp, randomJwtSecret, type TestApp } from './helpers/test-app';

const secret = randomJwtSecret();
let t: TestApp;
let session: Session;

beforeAll(async () => {
  t = await buildTestApp({ JWT_SECRET: secret });
  session = await signUp(t.app);
});
afterAll(() => t.close());

const profile = (authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/users/profile', headers: authorization ? { authorization } : {} });

describe('access tokens', () => {
  it('a valid token reaches the route', async () => {
    expect((await profile(`Bearer ${session.token}`)).statusCode).toBe(200);
  });

  it('no token: 401 UNAUTHENTICATED with a WWW-Authenticate challenge', async () => {
    for (const header of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const response = await profile(header);
      expect(response.statusCode).toBe(401);
      expect(body(response).error).toBe('UNAUTHENTICATED');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('a token that expired (minted with a tiny TTL an hour ago): 401 TOKEN_EXPIRED', async () => {
    const past = new TokenService({
      secret: new TextEncoder().encode(secret),
      accessTtlS: 1,
      refreshTtlS: 60,
      now: () => Date.now() - 3_600_000,
    });
    const { token } = await past.issueAccessToken(
      { id: session.user.id, username: session.user.username, role: 'user' },
      'session-id',
    );
    const response = await profile(`Bearer ${token}`);
    expect(response.statusCode).toBe(401);
    expect(body(response).error).toBe('TOKEN_EXPIRED');
  });

  it('a tampered token (payload edited, signature kept): 401 TOKEN_INVALID', async () => {
    const [header, payload, signature] = session.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const response = await profile(`Bearer ${header}.${forged}.${signature}`);
    expect(response.statusCode).toBe(401);
    expect(body(response).error).toBe('TOKEN_INVALID');
  });

  it('a token signed with another key, an unsigned token, or garbage: 401 TOKEN_INVALID', async () => {
    const otherKey = await new SignJWT({ username: 'x', role: 'admin', sid: 's' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(session.user.id))
      .setIssuer('meetai')
      .setAudience('meetai-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(randomJwtSecret()));
    const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const unsignedPayload = Buffer.from(JSON.stringify({ sub: '1', role: 'admin' })).toString('base64url');
    for (const token of [otherKey, `${unsignedHeader}.${unsignedPayload}.`, 'not.a.jwt', 'garbage']) {
      const response = await profile(`Bearer ${token}`);
      expect(response.statusCode).toBe(401);
      expect(body(response).error).toBe('TOKEN_INVALID');
    }
  });

  it('a well-signed token without our claims: 401 TOKEN_INVALID', async () => {
    const noClaims = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('meetai')
      .setAudience('meetai-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    const response = await call(t.app, 'GET', '/api/v1/meetings', undefined, noClaims);
    expect(response.statusCode).toBe(401);
    expect(body(response).error).toBe('TOKEN_INVALID');
  });
});
