import { MIC_CONSTRAINTS, WEBCAM_CONSTRAINTS } from '../../../room/media/encodings';

export type MediaFailure = 'denied' | 'notFound' | 'busy' | 'insecure' | 'other';

export class MediaAcquireError extends Error {
  constructor(
    readonly reason: MediaFailure,
    cause: unknown,
  ) {
    super(`getUserMedia failed: ${reason}`, { cause });
    this.name = 'MediaAcquireError';
  }
}

export function classifyMediaError(error: unknown): MediaFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'other';
}

export interface MediaWish {
  camera: boolean;
  microphone: boolean;
  cameraId: string | null;
  microphoneId: string | null;
}

/**
 * The room's own capture settings: at Join the room takes the preview's tracks
 * (see features/room/room-entry.ts) instead of opening the devices again, so
 * they must already be what the room sends (720p for three simulcast layers).
 */
function constraintsFor(wish: MediaWish, useIds: boolean): MediaStreamConstraints {
  const pick = (base: MediaTrackConstraints, id: string | null) =>
    useIds && id ? { ...base, deviceId: { exact: id } } : base;
  return {
    video: wish.camera ? pick(WEBCAM_CONSTRAINTS, wish.cameraId) : false,
    audio: wish.microphone ? pick(MIC_CONSTRAINTS, wish.microphoneId) : false,
  };
}

/**
 * Opens the chosen devices. A remembered device that has gone falls back to the
 * default one, and when one kind is missing the other is still opened, so a
 * laptop without a camera can at least test its microphone.
 */
export async function acquireMedia(wish: MediaWish, devices = navigator.mediaDevices): Promise<MediaStream | null> {
  if (!wish.camera && !wish.microphone) return null;
  if (!devices?.getUserMedia) throw new MediaAcquireError('insecure', null);
  let firstError: unknown = null;
  const attempts: MediaWish[] = [wish];
  if (wish.camera && wish.microphone) attempts.push({ ...wish, camera: false }, { ...wish, microphone: false });
  for (const attempt of attempts) {
    for (const useIds of [true, false]) {
      try {
        return await devices.getUserMedia(constraintsFor(attempt, useIds));
      } catch (error) {
        firstError ??= error;
        // Denied permission will not change by asking differently.
        if (classifyMediaError(error) === 'denied') throw new MediaAcquireError('denied', error);
        if (!attempt.cameraId && !attempt.microphoneId) break;
      }
    }
  }
  throw new MediaAcquireError(classifyMediaError(firstError), firstError);
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}
