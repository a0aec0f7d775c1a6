import { useEffect, useState } from 'react';
import { createLogger } from '../../lib/logger';
import { prepareRoom, type RoomPreparation } from '../room';
import { MediaAcquireError, acquireMedia, stopStream, type MediaFailure, type MediaWish } from './media/acquire-media';

const log = createLogger('lobby');

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

const noDevices: DeviceLists = { cameras: [], microphones: [], speakers: [] };

/**
 * The devices the system offers, kept current as they are plugged in. `refreshKey`
 * re-reads the list once a stream is open, when the browser starts to reveal labels.
 */
export function useMediaDevices(refreshKey: unknown): DeviceLists {
  const [lists, setLists] = useState<DeviceLists>(noDevices);
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (!devices?.enumerateDevices) return;
    let isCurrent = true;
    const read = () => {
      devices
        .enumerateDevices()
        .then((all) => {
          if (!isCurrent) return;
          const real = all.filter((d) => d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications');
          setLists({
            cameras: real.filter((d) => d.kind === 'videoinput'),
            microphones: real.filter((d) => d.kind === 'audioinput'),
            speakers: real.filter((d) => d.kind === 'audiooutput'),
          });
        })
        .catch((error: unknown) => log.warn('useMediaDevices() | enumerateDevices failed', error));
    };
    read();
    devices.addEventListener('devicechange', read);
    return () => {
      isCurrent = false;
      devices.removeEventListener('devicechange', read);
    };
  }, [refreshKey]);
  return lists;
}

export type LocalMedia =
  | { status: 'idle'; stream: null }
  | { status: 'starting'; stream: null }
  | { status: 'ready'; stream: MediaStream }
  | { status: 'failed'; stream: null; reason: MediaFailure };

/** The preview stream for the wished devices; reopened when the wish changes, stopped on unmount. */
export function useLocalMedia(wish: MediaWish): LocalMedia {
  const [media, setMedia] = useState<LocalMedia>({ status: 'idle', stream: null });
  const { camera, microphone, cameraId, microphoneId } = wish;

  useEffect(() => {
    if (!camera && !microphone) {
      setMedia({ status: 'idle', stream: null });
      return;
    }
    let isCurrent = true;
    let opened: MediaStream | null = null;
    setMedia({ status: 'starting', stream: null });
    acquireMedia({ camera, microphone, cameraId, microphoneId })
      .then((stream) => {
        if (!isCurrent || !stream) {
          stopStream(stream);
          return;
        }
        opened = stream;
        setMedia({ status: 'ready', stream });
      })
      .catch((error: unknown) => {
        log.warn('useLocalMedia() | getUserMedia failed', error);
        if (isCurrent) {
          setMedia({
            status: 'failed',
            stream: null,
            reason: error instanceof MediaAcquireError ? error.reason : 'other',
          });
        }
      });
    return () => {
      isCurrent = false;
      stopStream(opened);
    };
  }, [camera, microphone, cameraId, microphoneId]);

  return media;
}

/**
 * The room's head start while the person looks at their preview: its code
 * loads and its connection opens now, so Join only has to join. Closed when
 * the lobby closes without joining (see features/room/room-entry.ts).
 */
export function useRoomPreparation(meetingId: number | null, displayName: string): RoomPreparation | null {
  const [preparation, setPreparation] = useState<RoomPreparation | null>(null);
  useEffect(() => {
    if (meetingId === null || !displayName) return;
    const prepared = prepareRoom(meetingId, displayName);
    setPreparation(prepared);
    return () => prepared.release();
  }, [meetingId, displayName]);
  return preparation;
}
