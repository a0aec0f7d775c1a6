import { create } from 'zustand';
import type { TokenPair, User } from '@meetai/shared';

export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';
/**
 * Why the user is looking at the sign-in screen when it is not their own doing:
 * the session expired, or the server could not be reached to restore it.
 */
export type SignOutReason = 'expired' | 'unreachable';

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  /** Kept in memory only; the refresh token is also saved through the bridge. */
  accessToken: string | null;
  accessExpiresAt: string | null;
  refreshToken: string | null;
  signOutReason: SignOutReason | null;
  /** Sign-in or a renewal succeeded. */
  startSession(pair: TokenPair): void;
  setUser(user: User): void;
  endSession(reason?: SignOutReason): void;
}

const signedOut = {
  status: 'signed-out',
  user: null,
  accessToken: null,
  accessExpiresAt: null,
  refreshToken: null,
} as const;

export const useSessionStore = create<SessionState>()((set) => ({
  status: 'restoring',
  user: null,
  accessToken: null,
  accessExpiresAt: null,
  refreshToken: null,
  signOutReason: null,
  startSession: (pair) =>
    set({
      status: 'signed-in',
      user: pair.user,
      accessToken: pair.token,
      accessExpiresAt: pair.expires_at,
      refreshToken: pair.refresh_token,
      signOutReason: null,
    }),
  setUser: (user) => set({ user }),
  endSession: (reason) => set({ ...signedOut, signOutReason: reason ?? null }),
}));
