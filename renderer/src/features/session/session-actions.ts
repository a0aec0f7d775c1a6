import type { LoginRequest, RegisterRequest, TokenPair } from '@meetai/shared';
import { getBridge } from '../../bridge/get-bridge';
import { ApiError, isSessionRefused } from '../../lib/api-error';
import { api } from '../../lib/http';
import { createLogger } from '../../lib/logger';
import { authApi } from './api';
import { sessionSync } from './session-sync';
import { useSessionStore, type SignOutReason } from './store';

const log = createLogger('session');

/** Ours now, saved for the next start and for the other tabs, which are told. */
async function beginSession(pair: TokenPair): Promise<void> {
  useSessionStore.getState().startSession(pair);
  await getBridge().authSetToken(pair.refresh_token);
  sessionSync().announce({ type: 'renewed', pair });
}

export async function signIn(credentials: LoginRequest): Promise<void> {
  await beginSession(await authApi.login(credentials));
}

/** Creates the account, then signs straight in with the same credentials. */
export async function register(request: RegisterRequest): Promise<void> {
  await authApi.register(request);
  await signIn({ username: request.username, password: request.password });
}

/**
 * Trades the refresh token for a new pair. Called by the API client (through
 * its single-flight renewal) on a 401, and at start-up to restore the session.
 * One tab at a time (see session-sync.ts), always with the stored token: a
 * copy in memory may be one another tab has already rotated away. A tab that
 * waited while another renewed has that tab's pair by then and just uses it.
 */
export async function renewAccessToken(): Promise<string> {
  const tokenBefore = useSessionStore.getState().accessToken;
  return sessionSync().exclusively(async () => {
    const current = useSessionStore.getState().accessToken;
    if (current && current !== tokenBefore) return current;
    const refreshToken = await getBridge().authGetToken();
    if (!refreshToken) throw new ApiError('SESSION_EXPIRED', null, 'There is no saved session');
    const pair = await refreshOnceMore(refreshToken);
    await beginSession(pair);
    return pair.token;
  });
}

const RETRY_AFTER_LOST_ANSWER_MS = 500;

/**
 * A refresh that got no answer may still have rotated the token on the
 * server. Asking again with the same token is safe within the server's reuse
 * grace (it answers with the same new token), so one retry hides a lost answer.
 */
async function refreshOnceMore(refreshToken: string): Promise<TokenPair> {
  try {
    return await authApi.refresh(refreshToken);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== null) throw error;
    log.info('renewAccessToken() | no answer, asking once more', error);
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_LOST_ANSWER_MS));
    return authApi.refresh(refreshToken);
  }
}

/**
 * Forgets the session here and in the other tabs (they share the refresh
 * token, so it is gone for them too); `reason` tells the sign-in screen what to say.
 */
export async function endSession(reason?: SignOutReason): Promise<void> {
  useSessionStore.getState().endSession(reason);
  await getBridge().authClearToken();
  sessionSync().announce({ type: 'signed-out' });
}

/**
 * The other tabs' news: a renewed pair for our user (or for a tab still
 * restoring) is taken as is, so this tab needs no refresh of its own; a
 * sign-out elsewhere signs this tab out too, and so does someone else signing
 * in there (the stored token is theirs now). Returns the unsubscribe.
 */
export function followOtherTabs(): () => void {
  return sessionSync().listen((message) => {
    const state = useSessionStore.getState();
    if (message.type === 'signed-out') {
      if (state.status !== 'signed-out') state.endSession();
      return;
    }
    if (state.status === 'restoring' || (state.status === 'signed-in' && state.user?.id === message.pair.user.id)) {
      state.startSession(message.pair);
    } else if (state.status === 'signed-in') {
      state.endSession();
    }
  });
}

export async function signOut(): Promise<void> {
  // The stored token, not our copy: another tab may have rotated it since we last did.
  const refreshToken = (await getBridge().authGetToken()) ?? useSessionStore.getState().refreshToken;
  await endSession();
  if (refreshToken) {
    // Revoking on the server is a courtesy; the local session is already gone either way.
    await authApi.logout(refreshToken).catch((error: unknown) => log.warn('signOut() | logout failed', error));
  }
}

/**
 * At start-up: a saved refresh token becomes a session again. When the server
 * cannot be reached, or answers with anything but a refusal of the token (a
 * proxy's 502 while it restarts, say), the token is kept, so a later retry
 * can still restore it.
 */
export async function restoreSession(): Promise<void> {
  const saved = await getBridge().authGetToken();
  if (!saved) {
    useSessionStore.getState().endSession();
    return;
  }
  try {
    await api.renewSession();
  } catch (error) {
    const isUnreachable = !isSessionRefused(error);
    log.info(`restoreSession() | ${isUnreachable ? 'server unreachable, keeping the token' : 'session ended'}`, error);
    if (isUnreachable) useSessionStore.getState().endSession('unreachable');
    else await endSession('expired');
  }
}
