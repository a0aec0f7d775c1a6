import { beforeEach, describe, expect, it } from 'vitest';
import { tokenPairFixture, userFixture } from '../../test/fixtures';
import { useSessionStore } from './store';

const initial = useSessionStore.getState();
beforeEach(() => useSessionStore.setState(initial, true));

describe('session store', () => {
  it('starts out restoring, with nothing in memory', () => {
    expect(useSessionStore.getState()).toMatchObject({ status: 'restoring', user: null, accessToken: null });
  });

  it('startSession keeps the user and both tokens and clears any sign-out reason', () => {
    useSessionStore.getState().endSession('expired');
    useSessionStore.getState().startSession(tokenPairFixture('access-9', 'refresh-token-0009'));
    expect(useSessionStore.getState()).toMatchObject({
      status: 'signed-in',
      user: userFixture,
      accessToken: 'access-9',
      refreshToken: 'refresh-token-0009',
      accessExpiresAt: '2030-01-01T00:15:00.000Z',
      signOutReason: null,
    });
  });

  it('endSession forgets everything and records why', () => {
    useSessionStore.getState().startSession(tokenPairFixture());
    useSessionStore.getState().endSession('expired');
    expect(useSessionStore.getState()).toMatchObject({
      status: 'signed-out',
      user: null,
      accessToken: null,
      refreshToken: null,
      signOutReason: 'expired',
    });
  });

  it('setUser replaces the profile without touching the tokens', () => {
    useSessionStore.getState().startSession(tokenPairFixture());
    useSessionStore.getState().setUser({ ...userFixture, nickname: 'Lin Mei' });
    expect(useSessionStore.getState()).toMatchObject({ accessToken: 'access-1', user: { nickname: 'Lin Mei' } });
  });

  it('holds only serializable state', () => {
    useSessionStore.getState().startSession(tokenPairFixture());
    const data = Object.fromEntries(
      Object.entries(useSessionStore.getState()).filter(([, v]) => typeof v !== 'function'),
    );
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
