/**
 * WebSocket close codes the signaling server uses, so a client knows whether
 * to reconnect. 4xxx codes are ours (RFC 6455 leaves 4000-4999 to
 * applications); the server also sends the reason as a sentence.
 */
export const SignalingCloseCodes = {
  /** The client sent `leave`: the session is over. */
  LEFT: 1000,
  /** The server is shutting down: reconnect with backoff. */
  GOING_AWAY: 1001,
  /** The ticket was missing, unknown, already used or expired: ask for a new ticket. */
  TICKET_INVALID: 4401,
  /** The host removed this participant: do not reconnect. */
  KICKED: 4403,
  /** A newer connection resumed this peer id (e.g. another tab or a reconnect): do not reconnect. */
  REPLACED: 4409,
  /** The meeting ended: do not reconnect. */
  MEETING_ENDED: 4410,
  /** The media service cannot host the meeting right now: reconnect with backoff. */
  MEDIA_UNAVAILABLE: 4503,
} as const;

export type SignalingCloseCode = (typeof SignalingCloseCodes)[keyof typeof SignalingCloseCodes];
