import type {
  ParticipantRole,
  PeerState,
  SignalingCloseCode,
  SignalingNotificationData,
  SignalingNotificationType,
} from '@meetai/shared';
import type { AuthUser } from '../auth/token-service';

/** What the hub needs from a peer's socket. */
export interface PeerLink {
  readonly isOpen: boolean;
  notify<T extends SignalingNotificationType>(type: T, data: SignalingNotificationData<T>): void;
  close(code: SignalingCloseCode, reason: string): void;
  /** Cuts the connection without a closing handshake, as a network failure would. */
  terminate(): void;
}

/**
 * One participant's presence in a meeting, which outlives its socket for the
 * reconnection grace period. `joined` belongs to the current socket (and the
 * current router): it turns false when the socket dies or the room restarts,
 * and the next `join` turns it back on. `isAnnounced` stays true from the
 * first `join` until the peer leaves: the others know about it, so a later
 * `join` is a resume and nobody sees it leave and come back.
 */
export class Peer {
  link: PeerLink | undefined;
  joined = false;
  isAnnounced = false;
  displayName = '';
  state: PeerState = { isMuted: false, isCameraOff: false, isHandRaised: false };
  readonly joinedAt = new Date().toISOString();
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: string,
    public user: AuthUser,
    readonly role: ParticipantRole,
  ) {}

  get isHost(): boolean {
    return this.role === 'host';
  }

  /** Joined on a live socket: the peers that get room notifications. */
  get isReachable(): boolean {
    return this.joined && this.link !== undefined && this.link.isOpen;
  }

  notify<T extends SignalingNotificationType>(type: T, data: SignalingNotificationData<T>): void {
    if (this.link?.isOpen) this.link.notify(type, data);
  }

  startGrace(ms: number, expire: () => void): void {
    this.stopGrace();
    this.graceTimer = setTimeout(expire, ms);
    this.graceTimer.unref();
  }

  stopGrace(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }
}
