import { createLogger } from '../../lib/logger';
import type { JoinMediaChoices } from '../../room/local-tracks';
import type { RoomSession } from './create-room-session';

const log = createLogger('room-entry');

/** Tracks the lobby's preview already has open, lent to the room (clones: the lobby stops its own). */
export type LobbyTracks = Partial<Record<'mic' | 'webcam', MediaStreamTrack>>;

/** What the lobby hands the room when the user clicks Join. */
export interface RoomEntry {
  meetingId: number;
  media: JoinMediaChoices;
  tracks: LobbyTracks;
  /** The connection the lobby prepared, when it got that far; the room takes it once. */
  session: RoomSession | null;
}

/**
 * A head start on the room for one visit to the lobby: the room's code is
 * loaded and its connection prepared (see RoomClient.prepare) while the person
 * looks at their preview. Join hands it to the room; leaving the lobby without
 * joining closes it.
 */
export interface RoomPreparation {
  /** After the REST join succeeded: the room that opens next for this meeting takes over. */
  enter(media: JoinMediaChoices, tracks: LobbyTracks): void;
  /** The lobby is closing: unless entered, the prepared connection closes too. */
  release(): void;
}

/** Before the lobby's word: the client exists only to prepare; `join` brings the real choices. */
const UNDECIDED: JoinMediaChoices = { isMicOn: true, isCameraOn: true, micDeviceId: null, cameraDeviceId: null };

let latest: RoomEntry | null = null;

function discard(entry: RoomEntry | null): void {
  entry?.session?.client.close();
  for (const track of Object.values(entry?.tracks ?? {})) track.stop();
}

export function prepareRoom(meetingId: number, displayName: string): RoomPreparation {
  let session: RoomSession | null = null;
  let isReleased = false;
  let isEntered = false;
  // The route's own code too, so the click does not wait for a chunk either.
  void import('./RoomRoute').catch((error: unknown) => log.warn('prepareRoom() | route chunk failed', error));
  import('./create-room-session')
    .then(({ createRoomSession }) => {
      if (isReleased || isEntered) return;
      session = createRoomSession({ meetingId, displayName, media: UNDECIDED });
      void session.client.prepare();
    })
    .catch((error: unknown) => log.warn('prepareRoom() | room chunk failed; the room will load it', error));
  return {
    enter(media, tracks) {
      isEntered = true;
      // An earlier entry nobody took (its room never opened) must not keep a socket or a camera.
      discard(latest);
      // Joining starts now, while the page changes to the room: that page adopts the client as it is.
      void session?.client.join({ media, tracks });
      latest = { meetingId, media, tracks: session ? {} : tracks, session };
    },
    release() {
      isReleased = true;
      if (!isEntered) session?.client.close();
    },
  };
}

/**
 * The lobby's hand-over for this meeting, or null when the room was opened
 * some other way (a reload, a typed address). The prepared session and the
 * tracks are taken once; the choices stay, since React's development double
 * mount asks twice and the second mount starts a session of its own.
 */
export function takeRoomEntry(meetingId: number): RoomEntry | null {
  if (latest?.meetingId !== meetingId) return null;
  const taken = latest;
  latest = { ...latest, session: null, tracks: {} };
  return taken;
}
