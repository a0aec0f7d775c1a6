import type { LoginRequest, RegisterRequest, TokenPair } from '@meetai/shared';
import { getBridge } from '../../bridge/get-bridge';
import { ApiError } from '../../lib/api-error';
import { api } from '../../lib/http';
import { createLogger } from '../../lib/logger';
import { authApi } from './api';
import { useSessionStore, type SignOutReason } from './store';

const log = createLogger('session');

async function beginSession(pair: TokenPair): Promise<void> {
  useSessionStore.getState().startSession(pair);
  await getBridge().authSetToken(pair.refresh_token);
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
 */
export async function renewAccessToken(): Promise<string> {
  const refreshToken = useSessionStore.getState().refreshToken ?? (await getBridge().authGetToken());
  if (!refreshToken) throw new ApiError('SESSION_EXPIRED', null, 'There is no saved session');
  const pair = await authApi.refresh(refreshToken);
  await beginSession(pair);
  return pair.token;
}

/** Forgets the session locally; `reason` tells the sign-in screen what to say. */
export async function endSession(reason?: SignOutReason): Promise<void> {
  useSessionStore.getState().endSession(reason);
  await getBridge().authClearToken();
}

export async function signOut(): Promise<void> {
  const refreshToken = useSessionStore.getState().refreshToken;
  await endSession();
  if (refreshToken) {
    // Revoking on the server is a courtesy; the local session is already gone either way.
    await authApi.logout(refreshToken).catch((error: unknown) => log.warn('signOut() | logout failed', error));
  }
}

/**
 * At start-up: a saved refresh token becomes a session again. When the server
 * cannot be reached the token is kept, so a later retry can still restore it.
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
    const isUnreachable = error instanceof ApiError && error.status === null && error.code !== 'SESSION_EXPIRED';
    log.info(`restoreSession() | ${isUnreachable ? 'server unreachable, keeping the token' : 'session ended'}`, error);
    if (isUnreachable) useSessionStore.getState().endSession('unreachable');
    else await endSession('expired');
  }
}
