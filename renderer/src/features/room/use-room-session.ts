import { useEffect, useState } from 'react';
import { useSettingsStore } from '../settings';
import { createRoomSession, type RoomSession } from './create-room-session';
import { takeRoomEntry } from './room-entry';

/**
 * One RoomClient for as long as the page shows this meeting, closed on
 * unmount (which also covers React's development double mount: the first one
 * closes cleanly). It is the one the lobby prepared when there is one, already
 * joining since the click with the lobby's choices and its open tracks;
 * otherwise a new one, joined now, that opens everything itself.
 */
export function useRoomSession(meetingId: number | null, displayName: string): RoomSession | null {
  const [session, setSession] = useState<RoomSession | null>(null);

  useEffect(() => {
    if (meetingId === null || !displayName) return;
    const entry = takeRoomEntry(meetingId);
    const { settings } = useSettingsStore.getState();
    // Without the lobby's word (a reload), both devices on, as the lobby itself starts.
    const media = entry?.media ?? {
      isMicOn: true,
      isCameraOn: true,
      micDeviceId: settings.microphone_id,
      cameraDeviceId: settings.camera_id,
    };
    // The lobby's client started joining at the click; any other joins now.
    const prepared = entry?.session ?? null;
    const joining = prepared ?? createRoomSession({ meetingId, displayName, media });
    setSession(joining);
    if (!prepared) void joining.client.join({ media, tracks: entry?.tracks });
    return () => {
      joining.client.close();
      setSession(null);
    };
  }, [meetingId, displayName]);

  return session;
}
