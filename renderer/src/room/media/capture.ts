import { MIC_CONSTRAINTS, SCREEN_CONSTRAINTS, WEBCAM_CONSTRAINTS } from './encodings';

export interface DeviceOption {
  deviceId: string;
  kind: 'audioinput' | 'videoinput';
  label: string;
}

/** Where local tracks come from; injected so the RoomClient runs in tests without devices. */
export interface MediaCapture {
  getMicrophone(deviceId: string | null): Promise<MediaStreamTrack>;
  getCamera(deviceId: string | null): Promise<MediaStreamTrack>;
  getScreen(): Promise<MediaStreamTrack>;
  listDevices(): Promise<DeviceOption[]>;
  onDeviceChange(listener: () => void): () => void;
}

/**
 * Where a screen capture comes from. The browser asks the user with
 * `getDisplayMedia`. In Electron the desktop bridge will list the windows and
 * screens and the app shows its own picker; that implementation plugs in here
 * (see create-room-session.ts) without the RoomClient changing.
 */
export interface ScreenSource {
  capture(): Promise<MediaStream>;
}

/** Pages served over plain http (other than localhost) get no `navigator.mediaDevices` at all. */
function unsupported(): Promise<never> {
  return Promise.reject(new DOMException('Media capture needs a secure (https) page', 'NotSupportedError'));
}

export function displayMediaScreenSource(mediaDevices: MediaDevices | undefined): ScreenSource {
  return {
    capture: () =>
      mediaDevices?.getDisplayMedia
        ? mediaDevices.getDisplayMedia({ video: SCREEN_CONSTRAINTS, audio: false })
        : unsupported(),
  };
}

function deviceConstraint(deviceId: string | null): MediaTrackConstraints {
  return deviceId ? { deviceId: { exact: deviceId } } : {};
}

function firstTrack(stream: MediaStream, kind: 'audio' | 'video'): MediaStreamTrack {
  const [track] = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
  if (!track) throw new Error(`The capture returned no ${kind} track`);
  return track;
}

export function createBrowserCapture(mediaDevices: MediaDevices | undefined, screenSource: ScreenSource): MediaCapture {
  if (!mediaDevices) {
    return {
      getMicrophone: unsupported,
      getCamera: unsupported,
      getScreen: unsupported,
      listDevices: async () => [],
      onDeviceChange: () => () => undefined,
    };
  }
  return {
    async getMicrophone(deviceId) {
      const stream = await mediaDevices.getUserMedia({ audio: { ...MIC_CONSTRAINTS, ...deviceConstraint(deviceId) } });
      return firstTrack(stream, 'audio');
    },
    async getCamera(deviceId) {
      const stream = await mediaDevices.getUserMedia({
        video: { ...WEBCAM_CONSTRAINTS, ...deviceConstraint(deviceId) },
      });
      return firstTrack(stream, 'video');
    },
    async getScreen() {
      const track = firstTrack(await screenSource.capture(), 'video');
      // Tells the encoder to keep text sharp rather than motion smooth.
      track.contentHint = 'detail';
      return track;
    },
    async listDevices() {
      const devices = await mediaDevices.enumerateDevices();
      return devices
        .filter((device) => device.kind === 'audioinput' || device.kind === 'videoinput')
        .map((device) => ({
          deviceId: device.deviceId,
          kind: device.kind as DeviceOption['kind'],
          label: device.label,
        }));
    },
    onDeviceChange(listener) {
      mediaDevices.addEventListener('devicechange', listener);
      return () => mediaDevices.removeEventListener('devicechange', listener);
    },
  };
}
