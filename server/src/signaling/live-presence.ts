/** What the live rooms know that the database does not: who has a socket open now. */
export interface LiveRooms {
  liveSocketsOf(userId: number): number;
  isConnected(meetingId: number, userId: number): boolean;
}

/**
 * The live rooms as other modules see them (admin mode's tables). Filled by
 * the signaling module when this process runs it; without it nobody is
 * connected here (a split deployment's admin sees database facts only).
 */
export class LivePresence implements LiveRooms {
  private rooms: LiveRooms | null = null;

  attach(rooms: LiveRooms): () => void {
    this.rooms = rooms;
    return () => {
      if (this.rooms === rooms) this.rooms = null;
    };
  }

  get isAttached(): boolean {
    return this.rooms !== null;
  }

  liveSocketsOf(userId: number): number {
    return this.rooms?.liveSocketsOf(userId) ?? 0;
  }

  isConnected(meetingId: number, userId: number): boolean {
    return this.rooms?.isConnected(meetingId, userId) ?? false;
  }
}
