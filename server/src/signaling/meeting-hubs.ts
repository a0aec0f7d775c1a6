import { SignalingCloseCodes } from '@meetai/shared';
import type { RoomRegistry } from '../media/room-registry';
import { MeetingHub, type HubDeps, type MeetingEndReason } from './MeetingHub';

/** The live hubs, one per meeting with someone in its room; each owns the meeting's Room. */
export class MeetingHubs {
  private readonly hubs = new Map<number, MeetingHub>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly deps: Omit<HubDeps, 'onEmpty'>,
  ) {}

  get(meetingId: number): MeetingHub | undefined {
    return this.hubs.get(meetingId);
  }

  all(): MeetingHub[] {
    return [...this.hubs.values()];
  }

  /** The user id a live peer id belongs to, so a ticket can only resume its own user's peer. */
  ownerOf(meetingId: number, peerId: string): number | undefined {
    return this.hubs.get(meetingId)?.peer(peerId)?.user.id;
  }

  /** Open signaling sockets of a user across all meetings, not counting `exceptPeerId` (a peer being resumed). */
  liveSocketsOf(userId: number, exceptPeerId?: string): number {
    return this.all().reduce((n, hub) => n + hub.liveSocketsOf(userId, exceptPeerId), 0);
  }

  /**
   * The meeting's hub, creating it (and its room) when nobody is there. The
   * room registry serializes creation; a room closed while we waited for it
   * (its last peer left meanwhile) is replaced by a fresh one.
   */
  async acquire(meetingId: number, isLocked: boolean): Promise<MeetingHub> {
    for (;;) {
      const room = await this.rooms.getOrCreate(meetingId);
      const existing = this.hubs.get(meetingId);
      if (existing && !existing.ended) return existing;
      if (room.closed) continue;
      const hub = new MeetingHub(meetingId, room, isLocked, { ...this.deps, onEmpty: (empty) => this.drop(empty) });
      this.hubs.set(meetingId, hub);
      return hub;
    }
  }

  end(meetingId: number, reason: MeetingEndReason, message?: string): void {
    this.hubs.get(meetingId)?.end(reason, message);
  }

  /** Whether the user has a live socket in that meeting's room (admin mode's participant list). */
  isConnected(meetingId: number, userId: number): boolean {
    return (this.hubs.get(meetingId)?.liveSocketsOf(userId) ?? 0) > 0;
  }

  /** Live peers (sockets) across all rooms: the signaling health check and the peers gauge. */
  get peerCount(): number {
    return this.all().reduce((n, hub) => n + hub.size, 0);
  }

  /** Server shutdown: sockets are told to come back later, no one is marked left. */
  closeAll(): void {
    for (const hub of this.all())
      hub.shutdown(SignalingCloseCodes.GOING_AWAY, 'The server is restarting; reconnect shortly.');
  }

  private drop(hub: MeetingHub): void {
    if (this.hubs.get(hub.meetingId) !== hub) return;
    this.hubs.delete(hub.meetingId);
    this.rooms.release(hub.meetingId);
  }
}
