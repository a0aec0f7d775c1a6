import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBridge } from '../../bridge/get-bridge';
import { startAppHarness } from '../../test/app-harness';
import { tokenPairFixture, userFixture } from '../../test/fixtures';
import { fail, lost, ok, type TestServer } from '../../test/http-test-server';
import { meetingsApi } from '../meetings';
import { followOtherTabs, renewAccessToken, signIn } from './session-actions';
import { createSessionSync, setSessionSyncForTests, type SessionChannel } from './session-sync';
import { useSessionStore } from './store';

/** A BroadcastChannel stand-in: what this tab posts, and a way to deliver what another tab posts. */
function fakeChannel() {
  const listeners: ((event: MessageEvent) => void)[] = [];
  const posted: unknown[] = [];
  const channel: SessionChannel = {
    postMessage: (message) => posted.push(message),
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  const deliver = (data: unknown) => listeners.forEach((listener) => listener(new MessageEvent('message', { data })));
  return { channel, posted, deliver };
}

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
});
afterEach(async () => {
  setSessionSyncForTests(null);
  await server.close();
});

const session = () => useSessionStore.getState();
const refreshBodies = () => server.requests.filter((r) => r.path === '/api/v1/auth/refresh').map((r) => r.body);

async function signedIn(): Promise<void> {
  server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture('access-1', 'refresh-1')));
  await signIn({ username: 'mei_lin', password: 'secret123' });
}

describe('one session shared by several tabs', () => {
  it('renews with the stored refresh token, not a copy in memory that another tab has rotated away', async () => {
    await signedIn();
    // Another tab renewed: the stored token moved on; this tab's memory still has the old one.
    await getBridge().authSetToken('refresh-2');
    server.route('POST', '/api/v1/auth/refresh', (request) =>
      (request.body as { refresh_token: string }).refresh_token === 'refresh-2'
        ? ok(tokenPairFixture('access-3', 'refresh-3'))
        : fail(401, 'REFRESH_TOKEN_INVALID'),
    );
    await expect(renewAccessToken()).resolves.toBe('access-3');
    expect(refreshBodies()).toEqual([{ refresh_token: 'refresh-2' }]);
    expect(await getBridge().authGetToken()).toBe('refresh-3');
  });

  it('asks once more with the same token when a refresh got no answer (the server may have rotated it)', async () => {
    await signedIn();
    let calls = 0;
    server.route('POST', '/api/v1/auth/refresh', () => {
      calls += 1;
      return calls === 1 ? lost() : ok(tokenPairFixture('access-2', 'refresh-2'));
    });
    await expect(renewAccessToken()).resolves.toBe('access-2');
    expect(refreshBodies()).toEqual([{ refresh_token: 'refresh-1' }, { refresh_token: 'refresh-1' }]);
    expect(session()).toMatchObject({ status: 'signed-in', accessToken: 'access-2' });
  });

  it('refreshes while holding the lock, so the next tab reads the token this one stored', async () => {
    await signedIn();
    const held: string[] = [];
    setSessionSyncForTests(
      createSessionSync({
        locks: {
          request: (async (name: string, _options: unknown, work: () => Promise<unknown>) => {
            held.push(`take ${name}`);
            const result = await work();
            held.push(`release with ${await getBridge().authGetToken()}`);
            return result;
          }) as unknown as LockManager['request'],
        },
      }),
    );
    server.route('POST', '/api/v1/auth/refresh', () => ok(tokenPairFixture('access-2', 'refresh-2')));
    await renewAccessToken();
    expect(held).toEqual(['take meetai.session.refresh', 'release with refresh-2']);
  });

  it('a tab that waited for the lock while another renewed takes that pair instead of refreshing again', async () => {
    await signedIn();
    const other = fakeChannel();
    setSessionSyncForTests(
      createSessionSync({
        channel: other.channel,
        locks: {
          // The other tab holds the lock, renews, and tells us before letting go.
          request: (async (_name: string, _options: unknown, work: () => Promise<unknown>) => {
            other.deliver({ type: 'renewed', pair: tokenPairFixture('access-from-other-tab', 'refresh-2') });
            return work();
          }) as unknown as LockManager['request'],
        },
      }),
    );
    const stop = followOtherTabs();
    server.route('POST', '/api/v1/auth/refresh', () => fail(401, 'REFRESH_TOKEN_INVALID'));
    await expect(renewAccessToken()).resolves.toBe('access-from-other-tab');
    expect(refreshBodies()).toEqual([]);
    stop();
  });

  it('an API call that got 401 retries with the token another tab renewed, without a refresh of its own', async () => {
    await signedIn();
    const other = fakeChannel();
    setSessionSyncForTests(createSessionSync({ channel: other.channel }));
    const stop = followOtherTabs();
    server.route('GET', '/api/v1/meetings', (request) => {
      if (request.authorization !== 'Bearer access-from-other-tab') {
        other.deliver({ type: 'renewed', pair: tokenPairFixture('access-from-other-tab', 'refresh-2') });
        return fail(401, 'TOKEN_EXPIRED');
      }
      return ok({ list: [], total: 0, page: 1, page_size: 50, total_pages: 0 });
    });
    await expect(meetingsApi.list('upcoming')).resolves.toMatchObject({ total: 0 });
    expect(refreshBodies()).toEqual([]);
    stop();
  });

  it('tells the other tabs about each renewal and about signing out', async () => {
    const mine = fakeChannel();
    setSessionSyncForTests(createSessionSync({ channel: mine.channel }));
    await signedIn();
    expect(mine.posted).toEqual([{ type: 'renewed', pair: tokenPairFixture('access-1', 'refresh-1') }]);
    server.route('POST', '/api/v1/auth/refresh', () => fail(401, 'REFRESH_TOKEN_INVALID'));
    server.route('GET', '/api/v1/meetings', () => fail(401, 'TOKEN_EXPIRED'));
    await expect(meetingsApi.list('upcoming')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(mine.posted.at(-1)).toEqual({ type: 'signed-out' });
  });

  it('follows the other tabs: their renewal for our user, their sign-out, and nothing malformed', async () => {
    await signedIn();
    const other = fakeChannel();
    setSessionSyncForTests(createSessionSync({ channel: other.channel }));
    const stop = followOtherTabs();
    other.deliver({ type: 'renewed', pair: { token: 'not a pair' } });
    expect(session().accessToken).toBe('access-1');
    other.deliver({ type: 'renewed', pair: tokenPairFixture('access-9', 'refresh-9') });
    expect(session()).toMatchObject({ status: 'signed-in', accessToken: 'access-9', user: userFixture });
    other.deliver({ type: 'signed-out' });
    expect(session()).toMatchObject({ status: 'signed-out', accessToken: null });
    stop();
  });

  it('someone else signing in in another tab signs this tab out (the stored token is theirs now)', async () => {
    await signedIn();
    const other = fakeChannel();
    setSessionSyncForTests(createSessionSync({ channel: other.channel }));
    const stop = followOtherTabs();
    const stranger = { ...tokenPairFixture('access-x', 'refresh-x'), user: { ...userFixture, id: userFixture.id + 1 } };
    other.deliver({ type: 'renewed', pair: stranger });
    expect(session()).toMatchObject({ status: 'signed-out', accessToken: null });
    stop();
  });
});
