import type { FastifyBaseLogger } from 'fastify';
import {
  SignalingCloseCodes,
  type ParticipantRole,
  type PeerInfo,
  type SignalingCloseCode,
  type SignalingNotificationData,
  type SignalingNotificationType,
} from '@meetai/shared';
import type { Room } from '../media/Room';
import type { AttendanceService } from '../meetings/attendance-service';
import type { Rate } from '../http/source-limit';
import { Peer, type PeerLink } from './Peer';
import type { TicketClaim } from './ticket-store';
import { TokenBucket } from './token-bucket';

export type HubDeps = {
  attendance: Pick<AttendanceService, 'leave'>;
  reconnectGraceMs: number;
  log: FastifyBaseLogger;
  /** The hub has no peers left, or the meeting ended: drop it and close its room. */
  onEmpty: (hub: MeetingHub) => void;
};

export type MeetingEndReason = SignalingNotificationData<'meetingEnded'>['reason'];

/**
 * Who is in one meeting's live room and how to reach them: membership,
 * reconnection grace, and the fan-out of room events to sockets. Media itself
 * lives in `room`; the request handlers drive both.
 */
export class MeetingHub {
  private readonly peers = new Map<string, Peer>();
  /** Users the host muted: their microphone stays paused until the hold is lifted (see mute-hold.ts). */
  private readonly heldMutes = new Set<number>();
  /** Chat allowance per user, shared by their devices. */
  private readonly chatBuckets = new Map<number, TokenBucket>();
  private isEnded = false;

  constructor(
    readonly meetingId: number,
    readonly room: Room,
    public isLocked: boolean,
    private readonly deps: HubDeps,
  ) {
    this.forwardRoomEvents();
  }

  get ended(): boolean {
    return this.isEnded;
  }

  get size(): number {
    return this.peers.size;
  }

  peer(peerId: string): Peer | undefined {
    return this.peers.get(peerId);
  }

  /** Everyone the given peer can see: announced peers other than itself. */
  others(self: Peer): Peer[] {
    return [...this.peers.values()].filter((p) => p !== self && p.isAnnounced);
  }

  info(peer: Peer): PeerInfo {
    return {
      peerId: peer.id,
      userId: peer.user.id,
      displayName: peer.displayName,
      role: peer.role,
      state: peer.state,
      producers: this.room.producersOf(peer.id),
      joinedAt: peer.joinedAt,
    };
  }

  /** A socket arrives for a peer id: a new peer, or a resume that takes over from the old socket. */
  attach(claim: TicketClaim, role: ParticipantRole, link: PeerLink): Peer {
    let peer = this.peers.get(claim.peerId);
    if (peer && peer.user.id !== claim.user.id) throw new Error('A ticket resumed a peer of another user');
    if (peer) {
      peer.stopGrace();
      const old = peer.link;
      peer.link = undefined;
      peer.joined = false;
      peer.user = claim.user;
      this.room.closePeerMedia(peer.id);
      old?.close(SignalingCloseCodes.REPLACED, 'A newer connection took over this session.');
    } else {
      peer = new Peer(claim.peerId, claim.user, role);
      this.peers.set(peer.id, peer);
    }
    peer.link = link;
    this.room.addPeer(peer.id);
    return peer;
  }

  /**
   * The socket died without `leave`. Its media goes now (others get
   * `consumerClosed`), but the peer stays for the grace period so a reconnect
   * can resume it without anyone seeing a leave.
   */
  detach(peer: Peer, link: PeerLink): void {
    if (peer.link !== link || this.peers.get(peer.id) !== peer) return;
    peer.link = undefined;
    peer.joined = false;
    this.room.closePeerMedia(peer.id);
    if (!peer.isAnnounced) {
      void this.remove(peer, { markLeft: false });
      return;
    }
    peer.startGrace(this.deps.reconnectGraceMs, () => {
      this.deps.log.info({ peerId: peer.id }, 'reconnection grace expired');
      void this.remove(peer, { markLeft: true });
    });
  }

  /** Gone for good: others get `peerLeft`; the participant is marked left unless another of their sockets remains. */
  async remove(peer: Peer, options: { markLeft: boolean }): Promise<void> {
    if (this.peers.get(peer.id) !== peer) return;
    peer.stopGrace();
    peer.joined = false;
    this.peers.delete(peer.id);
    this.room.removePeer(peer.id);
    if (peer.isAnnounced) this.broadcast('peerLeft', { peerId: peer.id });
    const isStillPresent = [...this.peers.values()].some((p) => p.user.id === peer.user.id);
    if (this.peers.size === 0) this.deps.onEmpty(this);
    if (options.markLeft && !isStillPresent) {
      await this.deps.attendance.leave(peer.user, this.meetingId).catch((err: unknown) => {
        this.deps.log.warn({ err, userId: peer.user.id }, 'could not mark a participant as left');
      });
    }
  }

  /**
   * The host removed this user (already recorded): every peer of theirs, on
   * any device, is told, its socket closes, and the others see it leave.
   */
  async removeUser(userId: number, reason: string): Promise<void> {
    for (const peer of [...this.peers.values()].filter((p) => p.user.id === userId)) {
      peer.notify('kicked', { reason });
      peer.link?.close(SignalingCloseCodes.KICKED, reason);
      peer.link = undefined;
      await this.remove(peer, { markLeft: false });
    }
    this.heldMutes.delete(userId);
  }

  /** Spends one chat message of the user's allowance; false when it is used up for now. */
  allowChat(userId: number, rate: Rate): boolean {
    let bucket = this.chatBuckets.get(userId);
    if (!bucket) {
      bucket = new TokenBucket(rate.max, rate.max / rate.windowS);
      this.chatBuckets.set(userId, bucket);
    }
    return bucket.take();
  }

  /** Live sockets of a user in this meeting, not counting `exceptPeerId` (a peer being resumed). */
  liveSocketsOf(userId: number, exceptPeerId?: string): number {
    return [...this.peers.values()].filter((p) => p.user.id === userId && p.id !== exceptPeerId && p.link?.isOpen)
      .length;
  }

  holdMute(userId: number): void {
    this.heldMutes.add(userId);
  }

  liftMute(userId: number): void {
    this.heldMutes.delete(userId);
  }

  isMuteHeld(userId: number): boolean {
    return this.heldMutes.has(userId);
  }

  /**
   * An operator cut this peer's connection: it goes into its reconnection
   * grace like any dropped socket. False when there is no live socket to cut.
   */
  disconnect(peerId: string): boolean {
    const link = this.peers.get(peerId)?.link;
    if (!link?.isOpen) return false;
    link.terminate();
    return true;
  }

  /** The user left the meeting elsewhere (REST `/leave`): close their sockets here too. */
  async dropUser(userId: number): Promise<void> {
    for (const peer of [...this.peers.values()].filter((p) => p.user.id === userId)) {
      peer.link?.close(SignalingCloseCodes.LEFT, 'You left this meeting.');
      peer.link = undefined;
      await this.remove(peer, { markLeft: false });
    }
  }

  setLocked(isLocked: boolean): void {
    if (this.isLocked === isLocked) return;
    this.isLocked = isLocked;
    this.broadcast('meetingLocked', { locked: isLocked });
  }

  /** Everyone is told, every socket closes, the room goes. No grace: there is nothing to come back to. */
  end(reason: MeetingEndReason, message?: string): void {
    if (this.isEnded) return;
    for (const peer of this.peers.values()) peer.notify('meetingEnded', message ? { reason, message } : { reason });
    this.shutdown(SignalingCloseCodes.MEETING_ENDED, 'The meeting has ended.');
  }

  /** Closes every socket and the room, without marking anyone left (the meeting ended, or the server stops). */
  shutdown(code: SignalingCloseCode, reason: string): void {
    if (this.isEnded) return;
    this.isEnded = true;
    for (const peer of this.peers.values()) {
      peer.stopGrace();
      peer.link?.close(code, reason);
      peer.link = undefined;
      peer.joined = false;
    }
    this.peers.clear();
    this.deps.onEmpty(this);
  }

  /** To every joined peer on a live socket, except `except`. */
  broadcast<T extends SignalingNotificationType>(type: T, data: SignalingNotificationData<T>, except?: Peer): void {
    for (const peer of this.peers.values()) {
      if (peer !== except && peer.isReachable) peer.notify(type, data);
    }
  }

  private forwardRoomEvents(): void {
    const room = this.room;
    room.on('newConsumer', (peerId, consumer) => this.peers.get(peerId)?.notify('newConsumer', consumer));
    room.on('consumerClosed', (peerId, consumerId) => this.peers.get(peerId)?.notify('consumerClosed', { consumerId }));
    room.on('consumerLayersChanged', (peerId, layers) =>
      this.peers.get(peerId)?.notify('consumerLayersChanged', layers),
    );
    room.on('producerPaused', (event) => this.broadcast('producerPaused', event, this.peers.get(event.peerId)));
    room.on('producerResumed', (event) => this.broadcast('producerResumed', event, this.peers.get(event.peerId)));
    room.on('activeSpeaker', (peerId) => this.broadcast('activeSpeaker', { peerId }));
    room.on('restarted', () => {
      // Every transport is gone with the old router: clients rebuild theirs and join again (answered `resumed: true`).
      for (const peer of this.peers.values()) {
        peer.notify('roomRestarted', {});
        peer.joined = false;
      }
    });
  }
}
