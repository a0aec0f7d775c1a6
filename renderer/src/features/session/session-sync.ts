import { TokenPairSchema } from '@meetai/shared';
import { z } from 'zod';
import { createLogger } from '../../lib/logger';

const log = createLogger('session-sync');

/**
 * Every tab of the web build (and every window of the desktop app) shares one
 * refresh token: localStorage in the browser, the main process's keychain in
 * Electron. The server rotates it on each use, so two tabs must never refresh
 * with the same token: a Web Lock lets one refresh at a time, each reading the
 * stored token only once it holds the lock; a BroadcastChannel hands the new
 * pair to the other tabs (they need no refresh of their own) and tells them
 * when the user signs out. The server's reuse grace covers what this cannot
 * (a browser without Web Locks, an answer lost on the way back).
 */
const LOCK_NAME = 'meetai.session.refresh';
const CHANNEL_NAME = 'meetai.session';

const SessionMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('renewed'), pair: TokenPairSchema }),
  z.object({ type: z.literal('signed-out') }),
]);
export type SessionMessage = z.infer<typeof SessionMessageSchema>;

/** The part of a BroadcastChannel the sync uses. */
export interface SessionChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** What the sync needs from the browser; the defaults read `navigator.locks` and `BroadcastChannel`. */
export interface SessionSyncEnvironment {
  locks?: Pick<LockManager, 'request'> | null;
  channel?: SessionChannel | null;
}

export interface SessionSync {
  /** Runs `work` while no other tab of this app is refreshing. */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  announce(message: SessionMessage): void;
  /** Messages from the other tabs (never our own); returns the unsubscribe. */
  listen(listener: (message: SessionMessage) => void): () => void;
}

export function createSessionSync(env: SessionSyncEnvironment = browserEnvironment()): SessionSync {
  const { locks, channel } = env;
  const listeners = new Set<(message: SessionMessage) => void>();
  channel?.addEventListener('message', (event) => {
    const parsed = SessionMessageSchema.safeParse(event.data);
    if (!parsed.success) {
      log.warn('dropped a malformed session message');
      return;
    }
    for (const listener of [...listeners]) listener(parsed.data);
  });
  return {
    exclusively: async <T>(work: () => Promise<T>): Promise<T> =>
      locks ? ((await locks.request(LOCK_NAME, { mode: 'exclusive' }, work)) as T) : work(),
    announce(message) {
      try {
        channel?.postMessage(message);
      } catch (error) {
        log.warn('announce() | postMessage failed', error);
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserEnvironment(): SessionSyncEnvironment {
  return {
    // Both need a secure context (https, localhost, or the desktop app's app:// scheme).
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null,
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME),
  };
}

let shared: SessionSync | null = null;

/** The app's one sync, made on first use. */
export function sessionSync(): SessionSync {
  shared ??= createSessionSync();
  return shared;
}

/** Tests swap in their own (a lock another "tab" holds, a channel they post to); null restores the default. */
export function setSessionSyncForTests(sync: SessionSync | null): void {
  shared = sync;
}
