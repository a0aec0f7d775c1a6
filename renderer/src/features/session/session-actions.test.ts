import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBridge } from '../../bridge/get-bridge';
import { meetingsApi } from '../meetings';
import { tokenPairFixture, userFixture } from '../../test/fixtures';
import { startAppHarness } from '../../test/app-harness';
import { fail, ok, type TestServer } from '../../test/http-test-server';
import { restoreSession, signIn, signOut } from './session-actions';
import { useSessionStore } from './store';

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
});
afterEach(async () => {
  await server.close();
});

const session = () => useSessionStore.getState();

describe('session actions against a real local server', () => {
  it('signIn keeps the access token in memory and the refresh token in the bridge', async () => {
    server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture('access-1', 'refresh-token-0001')));
    await signIn({ username: 'mei_lin', password: 'secret123' });
    expect(session()).toMatchObject({ status: 'signed-in', accessToken: 'access-1', user: userFixture });
    expect(await getBridge().authGetToken()).toBe('refresh-token-0001');
    expect(server.requests[0]?.body).toEqual({ username: 'mei_lin', password: 'secret123' });
  });

  it('restoreSession turns a saved refresh token back into a session', async () => {
    await getBridge().authSetToken('refresh-token-0001');
    server.route('POST', '/api/v1/auth/refresh', () => ok(tokenPairFixture('access-2', 'refresh-token-0002')));
    await restoreSession();
    expect(session()).toMatchObject({ status: 'signed-in', accessToken: 'access-2' });
    expect(await getBridge().authGetToken()).toBe('refresh-token-0002');
  });

  it('restoreSession without a saved token is simply signed out', async () => {
    useSessionStore.setState({ status: 'restoring' });
    await restoreSession();
    expect(session()).toMatchObject({ status: 'signed-out', signOutReason: null });
    expect(server.requests).toHaveLength(0);
  });

  it('restoreSession with a refused token signs out, says it expired and forgets the token', async () => {
    await getBridge().authSetToken('refresh-token-0001');
    server.route('POST', '/api/v1/auth/refresh', () => fail(401, 'REFRESH_TOKEN_INVALID'));
    await restoreSession();
    expect(session()).toMatchObject({ status: 'signed-out', signOutReason: 'expired' });
    expect(await getBridge().authGetToken()).toBeNull();
  });

  it('restoreSession keeps the token when the server cannot be reached', async () => {
    await getBridge().authSetToken('refresh-token-0001');
    await server.close();
    await restoreSession();
    expect(session()).toMatchObject({ status: 'signed-out', signOutReason: 'unreachable' });
    expect(await getBridge().authGetToken()).toBe('refresh-token-0001');
    server = await startAppHarness();
  });

  it('restoreSession keeps the token when a proxy answers 502 while the server restarts', async () => {
    await getBridge().authSetToken('refresh-token-0001');
    server.route('POST', '/api/v1/auth/refresh', () => ({
      status: 502,
      body: '<html><body>502 Bad Gateway</body></html>',
      contentType: 'text/html',
    }));
    await restoreSession();
    expect(session()).toMatchObject({ status: 'signed-out', signOutReason: 'unreachable' });
    expect(await getBridge().authGetToken()).toBe('refresh-token-0001');
  });

  it('an API call whose session cannot be renewed ends the session', async () => {
    server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture('access-1', 'refresh-token-0001')));
    server.route('GET', '/api/v1/meetings', () => fail(401, 'TOKEN_EXPIRED'));
    server.route('POST', '/api/v1/auth/refresh', () => fail(401, 'REFRESH_TOKEN_INVALID'));
    await signIn({ username: 'mei_lin', password: 'secret123' });
    await expect(meetingsApi.list('upcoming')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(session()).toMatchObject({ status: 'signed-out', signOutReason: 'expired' });
    expect(await getBridge().authGetToken()).toBeNull();
  });

  it('signOut revokes the refresh token on the server and forgets it locally', async () => {
    server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture('access-1', 'refresh-token-0001')));
    server.route('POST', '/api/v1/auth/logout', () => ok(null));
    await signIn({ username: 'mei_lin', password: 'secret123' });
    await signOut();
    expect(session().status).toBe('signed-out');
    expect(await getBridge().authGetToken()).toBeNull();
    expect(server.requests.at(-1)).toMatchObject({
      path: '/api/v1/auth/logout',
      body: { refresh_token: 'refresh-token-0001' },
    });
  });
});
