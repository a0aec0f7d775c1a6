import { createLogger } from '../lib/logger';
import type { MediaCapture } from './media/capture';
import { isUserCancel } from './room-errors';
import type { LocalSource, NoticeKey, RoomActions } from './room-store';
import type { TrackRegistry } from './track-registry';

const log = createLogger('LocalTracks');

/** What the user chose in the lobby, then changes during the meeting. */
export interface JoinMediaChoices {
  micDeviceId: string | null;
  cameraDeviceId: string | null;
  isMicOn: boolean;
  isCameraOn: boolean;
}

export const CAPTURE_NOTICE: Record<LocalSource, NoticeKey> = {
  mic: 'micUnavailable',
  webcam: 'cameraUnavailable',
  screen: 'screenUnavailable',
};

/**
 * Our microphone, camera and screen tracks and the choices behind them. They
 * outlive any one connection: after a reconnect the same tracks are produced
 * again, so the camera light never blinks and no permission prompt reappears.
 */
export class LocalTracks {
  readonly choices: JoinMediaChoices;

  constructor(
    private readonly capture: MediaCapture,
    private readonly registry: TrackRegistry,
    private readonly actions: RoomActions,
    choices: JoinMediaChoices,
    private readonly hooks: { isClosed(): boolean; onTrackEnded(source: LocalSource): void },
  ) {
    this.choices = { ...choices };
    actions.setSelectedDevices({ micDeviceId: choices.micDeviceId, cameraDeviceId: choices.cameraDeviceId });
  }

  get(source: LocalSource): MediaStreamTrack | null {
    return this.registry.getLocal(source);
  }

  sources(): LocalSource[] {
    return this.registry.localEntries().map(([source]) => source);
  }

  /** Opens the device unless its track is already live; false (and a notice) when it cannot. */
  async acquire(source: LocalSource): Promise<boolean> {
    if (this.get(source)) return true;
    let track: MediaStreamTrack;
    try {
      track = await this.open(source, null);
    } catch (error) {
      log.warn(`acquire(${source}) | capture failed`, error);
      // Closing the screen picker is a choice, not a fault.
      if (!(source === 'screen' && isUserCancel(error))) this.actions.pushNotice(CAPTURE_NOTICE[source]);
      return false;
    }
    if (this.hooks.isClosed() || this.get(source)) {
      track.stop();
      return !this.hooks.isClosed();
    }
    this.keep(source, track);
    return true;
  }

  /** The lobby's final word, given at Join (the client may exist before, to prepare the connection). */
  chooseAll(choices: JoinMediaChoices): void {
    Object.assign(this.choices, choices);
    this.actions.setSelectedDevices({ micDeviceId: choices.micDeviceId, cameraDeviceId: choices.cameraDeviceId });
  }

  /** A track opened elsewhere (the lobby's preview, cloned) becomes ours: the device is not opened again. */
  adopt(source: 'mic' | 'webcam', track: MediaStreamTrack): void {
    if (this.hooks.isClosed() || track.readyState === 'ended') {
      track.stop();
      return;
    }
    this.commit(source, track);
  }

  /** The lobby's choices, opened in parallel. */
  async acquireChosen(): Promise<void> {
    await Promise.all([
      this.choices.isMicOn ? this.acquire('mic') : null,
      this.choices.isCameraOn ? this.acquire('webcam') : null,
    ]);
  }

  /** Opens the newly chosen device; the caller swaps it into the producer, then calls `commit`. */
  async openReplacement(source: 'mic' | 'webcam', deviceId: string): Promise<MediaStreamTrack> {
    this.choose(source, deviceId);
    return this.open(source, deviceId);
  }

  /** The device to open next time this source starts. */
  choose(source: 'mic' | 'webcam', deviceId: string): void {
    if (source === 'mic') this.choices.micDeviceId = deviceId;
    else this.choices.cameraDeviceId = deviceId;
    this.actions.setSelectedDevices(source === 'mic' ? { micDeviceId: deviceId } : { cameraDeviceId: deviceId });
  }

  commit(source: LocalSource, track: MediaStreamTrack): void {
    const old = this.get(source);
    if (old && old !== track) old.stop();
    this.keep(source, track);
  }

  setChosen(source: LocalSource, isOn: boolean): void {
    if (source === 'mic') this.choices.isMicOn = isOn;
    if (source === 'webcam') this.choices.isCameraOn = isOn;
  }

  release(source: LocalSource): void {
    this.get(source)?.stop();
    if (this.get(source)) this.registry.setLocal(source, null);
  }

  releaseAll(): void {
    for (const source of this.sources()) this.release(source);
  }

  async refreshDevices(): Promise<void> {
    try {
      this.actions.setDevices(await this.capture.listDevices());
    } catch (error) {
      log.warn('refreshDevices() | enumerateDevices failed', error);
    }
  }

  watchDevices(): () => void {
    return this.capture.onDeviceChange(() => void this.refreshDevices());
  }

  /**
   * `ended` fires only when the track ends without us (stop() does not fire it):
   * the user stopped sharing from the browser's own bar, or unplugged the device.
   */
  private keep(source: LocalSource, track: MediaStreamTrack): void {
    track.addEventListener('ended', () => {
      if (this.get(source) === track) this.hooks.onTrackEnded(source);
    });
    this.registry.setLocal(source, track);
  }

  private open(source: LocalSource, deviceId: string | null): Promise<MediaStreamTrack> {
    if (source === 'mic') return this.capture.getMicrophone(deviceId ?? this.choices.micDeviceId);
    if (source === 'webcam') return this.capture.getCamera(deviceId ?? this.choices.cameraDeviceId);
    return this.capture.getScreen();
  }
}
