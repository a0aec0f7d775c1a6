import { SIGNALING_MAX_MESSAGE_BYTES } from '@meetai/shared';

/** Read from SIGNALING_* env by the app's config. */
export type SignalingSettings = {
  /** A larger request gets a MESSAGE_TOO_LARGE reply. */
  maxMessageBytes: number;
  /** How long a peer whose socket died stays in the room, waiting for a reconnect. */
  reconnectGraceMs: number;
  /** Ping interval; a socket that misses two pongs in a row is dropped. */
  heartbeatMs: number;
};

export const DEFAULT_SIGNALING_SETTINGS: SignalingSettings = {
  maxMessageBytes: SIGNALING_MAX_MESSAGE_BYTES,
  reconnectGraceMs: 30_000,
  heartbeatMs: 10_000,
};

/**
 * Per-socket request rate: a join, its transports and a full grid of
 * consumer resumes fit in the burst; a client can't make the server work
 * harder than a few hundred requests a second.
 */
export const SIGNALING_RATE = { burst: 200, perSecond: 100 } as const;
