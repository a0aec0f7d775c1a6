import { SIGNALING_MAX_MESSAGE_BYTES } from '@meetai/shared';
import type { Rate } from '../http/source-limit';

/** What one meeting, user or peer may hold, so no one can exhaust the server alone. */
export type SignalingLimits = {
  /** Peers (connections) in one meeting's room; more get MEETING_FULL. */
  peersPerMeeting: number;
  /** Open signaling connections of one user across all meetings (tabs, devices). */
  socketsPerUser: number;
  /** Producers one peer may send at once (mic, webcam, screen, screen audio). */
  producersPerPeer: number;
  /** Chat messages per user in a meeting (burst of `max`, refilled over `windowS`). */
  chatMessages: Rate;
};

/** How much chat a meeting keeps: the newest `keepPerMeeting` messages, none older than `retentionS`. */
export type ChatRetention = { keepPerMeeting: number; retentionS: number };

/** Read from SIGNALING_* env by the app's config. */
export type SignalingSettings = {
  /** A larger request gets a MESSAGE_TOO_LARGE reply. */
  maxMessageBytes: number;
  /** How long a peer whose socket died stays in the room, waiting for a reconnect. */
  reconnectGraceMs: number;
  /** Ping interval; a socket that misses two pongs in a row is dropped. */
  heartbeatMs: number;
  limits: SignalingLimits;
  chat: ChatRetention;
};

export const DEFAULT_SIGNALING_SETTINGS: SignalingSettings = {
  maxMessageBytes: SIGNALING_MAX_MESSAGE_BYTES,
  reconnectGraceMs: 30_000,
  heartbeatMs: 10_000,
  limits: {
    peersPerMeeting: 100,
    socketsPerUser: 5,
    producersPerPeer: 4,
    chatMessages: { max: 10, windowS: 10 },
  },
  chat: { keepPerMeeting: 1000, retentionS: 90 * 86_400 },
};

/**
 * Per-socket request rate: a join, its transports and a full grid of
 * consumer resumes fit in the burst; a client can't make the server work
 * harder than a few hundred requests a second.
 */
export const SIGNALING_RATE = { burst: 200, perSecond: 100 } as const;
