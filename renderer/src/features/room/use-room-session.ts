import { useEffect, useState } from 'react';
import { useSettingsStore } from '../settings';
import { createRoomSession, type RoomSession } from './create-room-session';
import { roomEntryFor } from './room-entry';

/**
 * One RoomClient for as long as the page shows this meeting: created and
 * joined on mount with the lobby's choices, closed on unmount (which also
 * covers React's development double mount: the first one closes cleanly).
 */
export function useRoomSession(meetingId: number | null, displayName: string): RoomSession | null {
  const [session, setSession] = useState<RoomSession | null>(null);

  useEffect(() => {
    if (meetingId === null || !displayName) return;
    const { settings } = useSettingsStore.getState();
    // Without the lobby's word (a reload), both devices on, as the lobby itself starts.
    const created = createRoomSession({
      meetingId,
      displayName,
      media: roomEntryFor(meetingId)?.media ?? {
        isMicOn: true,
        isCameraOn: true,
        micDeviceId: settings.microphone_id,
        cameraDeviceId: settings.camera_id,
      },
    });
    setSession(created);
    void created.client.join();
    return () => {
      created.client.close();
      setSession(null);
    };
  }, [meetingId, displayName]);

  return session;
}
