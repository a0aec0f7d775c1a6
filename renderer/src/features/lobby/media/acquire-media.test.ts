import { describe, expect, it } from 'vitest';
import { MIC_CONSTRAINTS, WEBCAM_CONSTRAINTS } from '../../../room/media/encodings';
import { MediaAcquireError, acquireMedia, classifyMediaError } from './acquire-media';

/**
 * jsdom has no media devices, so these tests use a fake getUserMedia that
 * behaves like a machine with the given devices; the real one is exercised in
 * Chromium with fake devices by the e2e tests.
 */
function fakeDevices(available: { video?: string[]; audio?: string[]; deny?: boolean }) {
  const calls: MediaStreamConstraints[] = [];
  const pick = (wanted: boolean | MediaTrackConstraints | undefined, ids: string[] = []) => {
    if (!wanted) return true;
    if (ids.length === 0) return false;
    const exact = typeof wanted === 'object' ? (wanted.deviceId as { exact?: string } | undefined)?.exact : undefined;
    return !exact || ids.includes(exact);
  };
  const devices = {
    async getUserMedia(constraints: MediaStreamConstraints) {
      calls.push(constraints);
      if (available.deny) throw new DOMException('denied', 'NotAllowedError');
      if (!pick(constraints.video, available.video) || !pick(constraints.audio, available.audio)) {
        throw new DOMException('no such device', 'NotFoundError');
      }
      return { constraints } as unknown as MediaStream;
    },
  } as unknown as MediaDevices;
  return { devices, calls };
}

const both = { camera: true, microphone: true, cameraId: null, microphoneId: null };

describe('acquireMedia (fake getUserMedia: jsdom has no devices)', () => {
  it('opens camera and microphone together when both exist, as the room will send them', async () => {
    const { devices, calls } = fakeDevices({ video: ['cam-1'], audio: ['mic-1'] });
    await acquireMedia(both, devices);
    expect(calls).toEqual([{ video: WEBCAM_CONSTRAINTS, audio: MIC_CONSTRAINTS }]);
  });

  it('asks for the remembered devices, and falls back to the default ones when they are gone', async () => {
    const { devices, calls } = fakeDevices({ video: ['cam-2'], audio: ['mic-1'] });
    await acquireMedia({ ...both, cameraId: 'cam-unplugged' }, devices);
    expect(calls[0]).toEqual({
      video: { ...WEBCAM_CONSTRAINTS, deviceId: { exact: 'cam-unplugged' } },
      audio: MIC_CONSTRAINTS,
    });
    expect(calls.at(-1)).toEqual({ video: WEBCAM_CONSTRAINTS, audio: MIC_CONSTRAINTS });
  });

  it('still opens the microphone on a machine without a camera', async () => {
    const { devices, calls } = fakeDevices({ audio: ['mic-1'] });
    await acquireMedia(both, devices);
    expect(calls.at(-1)).toEqual({ video: false, audio: MIC_CONSTRAINTS });
  });

  it('stops at a refused permission instead of asking again', async () => {
    const { devices, calls } = fakeDevices({ deny: true, video: ['cam-1'], audio: ['mic-1'] });
    await expect(acquireMedia(both, devices)).rejects.toMatchObject({ reason: 'denied' });
    expect(calls).toHaveLength(1);
  });

  it('reports no devices at all as notFound, and opens nothing when nothing is wanted', async () => {
    const { devices } = fakeDevices({});
    await expect(acquireMedia(both, devices)).rejects.toBeInstanceOf(MediaAcquireError);
    await expect(acquireMedia(both, devices)).rejects.toMatchObject({ reason: 'notFound' });
    expect(await acquireMedia({ ...both, camera: false, microphone: false }, devices)).toBeNull();
  });

  it('explains a page without media access (not a secure context)', async () => {
    await expect(acquireMedia(both, undefined as unknown as MediaDevices)).rejects.toMatchObject({
      reason: 'insecure',
    });
  });

  it('classifies the browser errors people actually meet', () => {
    expect(classifyMediaError(new DOMException('', 'NotReadableError'))).toBe('busy');
    expect(classifyMediaError(new DOMException('', 'SecurityError'))).toBe('denied');
    expect(classifyMediaError(new DOMException('', 'OverconstrainedError'))).toBe('notFound');
    expect(classifyMediaError(new Error('odd'))).toBe('other');
  });
});
