import type { DeviceOption, MediaCapture } from '../media/capture';
import { fakeTrack, type FakeTrack } from './fake-track';

/** Hands out fake tracks and remembers them; `failing` makes a source throw like a denied permission. */
export class FakeCapture implements MediaCapture {
  readonly opened: { source: 'mic' | 'webcam' | 'screen'; deviceId: string | null; track: FakeTrack }[] = [];
  readonly failing = new Set<'mic' | 'webcam' | 'screen'>();
  devices: DeviceOption[] = [
    { deviceId: 'mic-1', kind: 'audioinput', label: 'Built-in microphone' },
    { deviceId: 'cam-1', kind: 'videoinput', label: 'Built-in camera' },
  ];

  getMicrophone(deviceId: string | null): Promise<MediaStreamTrack> {
    return this.open('mic', deviceId, 'audio');
  }

  getCamera(deviceId: string | null): Promise<MediaStreamTrack> {
    return this.open('webcam', deviceId, 'video');
  }

  getScreen(): Promise<MediaStreamTrack> {
    return this.open('screen', null, 'video');
  }

  async listDevices(): Promise<DeviceOption[]> {
    return this.devices;
  }

  onDeviceChange(): () => void {
    return () => undefined;
  }

  tracksOf(source: 'mic' | 'webcam' | 'screen'): FakeTrack[] {
    return this.opened.filter((entry) => entry.source === source).map((entry) => entry.track);
  }

  /** While set, every capture waits for it: a camera slower than the signaling handshake. */
  gate: Promise<void> | null = null;

  private async open(source: 'mic' | 'webcam' | 'screen', deviceId: string | null, kind: 'audio' | 'video') {
    await this.gate;
    if (this.failing.has(source)) throw new DOMException('Permission denied', 'NotAllowedError');
    const track = fakeTrack(kind);
    this.opened.push({ source, deviceId, track });
    return track;
  }
}
