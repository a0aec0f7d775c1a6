import type { JoinMediaChoices } from '../../room/local-tracks';

/** What the lobby hands the room when the user clicks Join. */
export interface RoomEntry {
  meetingId: number;
  media: JoinMediaChoices;
}

let latest: RoomEntry | null = null;

/** The lobby's Join: the room that opens next for this meeting starts with these choices. */
export function enterRoom(entry: RoomEntry): void {
  latest = entry;
}

/**
 * The lobby's choices for this meeting, or null when the room was opened some
 * other way (a reload, a typed address). Read, not taken: React's development
 * double mount reads it twice.
 */
export function roomEntryFor(meetingId: number): RoomEntry | null {
  return latest?.meetingId === meetingId ? latest : null;
}
