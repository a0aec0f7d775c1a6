import type {
  MediaKind,
  PeerState,
  SignalingMethod,
  SignalingRequestData,
  SignalingResponseData,
} from '@meetai/shared';
import { createLogger } from '../lib/logger';
import { CAPTURE_NOTICE, LocalTracks, type JoinMediaChoices } from './local-tracks';
import type { MediaCapture } from './media/capture';
import type { MediaProducer, MediaTransport } from './media/media-device';
import { produceOptionsFor } from './media/produce-options';
import type { LocalSource, RoomActions } from './room-store';
import type { TrackRegistry } from './track-registry';

const log = createLogger('LocalMedia');

/** What LocalMedia needs from the RoomClient's current connection. */
export interface LocalMediaHost {
  sendTransport(): MediaTransport | null;
  canProduce(kind: MediaKind): boolean;
  /** Bumped by the RoomClient whenever a connection is torn down. */
  epoch(): number;
  isClosed(): boolean;
  /** Answers null when the request failed or there is no connection; the failure is already logged. */
  request<M extends SignalingMethod>(
    method: M,
    data: SignalingRequestData<M>,
  ): Promise<SignalingResponseData<M> | null>;
}

/**
 * What we send: the producers keyed by source, the tracks behind them, and our
 * peer state (muted, camera off, hand raised). Tracks outlive a connection;
 * producers do not, and `produceAll` recreates them on each new one.
 */
export class LocalMedia {
  readonly producers = new Map<LocalSource, MediaProducer>();
  readonly tracks: LocalTracks;
  private readonly busySources = new Set<LocalSource>();
  private isMicMuted: boolean;
  private isHandRaised = false;

  constructor(
    private readonly host: LocalMediaHost,
    private readonly actions: RoomActions,
    capture: MediaCapture,
    registry: TrackRegistry,
    choices: JoinMediaChoices,
  ) {
    this.isMicMuted = !choices.isMicOn;
    this.tracks = new LocalTracks(capture, registry, actions, choices, {
      isClosed: () => host.isClosed(),
      onTrackEnded: (source) => {
        if (source !== 'screen') this.actions.pushNotice(CAPTURE_NOTICE[source]);
        void this.disable(source);
      },
    });
  }

  /** The lobby's choices at Join, and the tracks it already has open for them. */
  start(choices: JoinMediaChoices, tracks: Partial<Record<'mic' | 'webcam', MediaStreamTrack>> = {}): void {
    this.isMicMuted = !choices.isMicOn;
    this.tracks.chooseAll(choices);
    for (const [source, track] of Object.entries(tracks) as ['mic' | 'webcam', MediaStreamTrack][]) {
      const isWanted = source === 'mic' ? choices.isMicOn : choices.isCameraOn;
      if (isWanted) this.tracks.adopt(source, track);
      else track.stop();
    }
  }

  state(): PeerState {
    return {
      isMuted: this.isMicMuted || !this.tracks.get('mic'),
      isCameraOff: !this.tracks.get('webcam'),
      isHandRaised: this.isHandRaised,
    };
  }

  enable(source: LocalSource): Promise<void> {
    if (source === 'mic') this.isMicMuted = false;
    return this.exclusive(source, async () => {
      if (!(await this.tracks.acquire(source))) return;
      this.tracks.setChosen(source, true);
      await this.produce(source);
      await this.syncState();
    });
  }

  disable(source: LocalSource): Promise<void> {
    if (source === 'mic') this.isMicMuted = true;
    return this.exclusive(source, async () => {
      this.tracks.setChosen(source, false);
      const producer = this.producers.get(source);
      this.producers.delete(source);
      this.actions.removeLocalProducer(source);
      this.tracks.release(source);
      if (producer) {
        producer.close();
        await this.host.request('closeProducer', { producerId: producer.id });
      }
      await this.syncState();
    });
  }

  async setMicMuted(isMuted: boolean): Promise<void> {
    if (!isMuted && !this.tracks.get('mic')) return this.enable('mic');
    if (this.isMicMuted === isMuted) return;
    this.isMicMuted = isMuted;
    const producer = this.producers.get('mic');
    if (producer && producer.paused !== isMuted) {
      if (isMuted) producer.pause();
      else producer.resume();
      this.actions.setLocalProducerPaused('mic', isMuted);
      await this.host.request(isMuted ? 'pauseProducer' : 'resumeProducer', { producerId: producer.id });
    }
    await this.syncState();
  }

  setHandRaised(isRaised: boolean): Promise<void> {
    this.isHandRaised = isRaised;
    return this.syncState();
  }

  /** replaceTrack keeps the producer, so others see no gap and get no new consumer. */
  switchDevice(source: 'mic' | 'webcam', deviceId: string): Promise<void> {
    return this.exclusive(source, async () => {
      if (!this.tracks.get(source)) {
        this.tracks.choose(source, deviceId);
        return;
      }
      let track: MediaStreamTrack;
      try {
        track = await this.tracks.openReplacement(source, deviceId);
      } catch (error) {
        log.warn(`switchDevice(${source}) | capture failed`, error);
        this.actions.pushNotice(CAPTURE_NOTICE[source]);
        return;
      }
      if (this.host.isClosed()) {
        track.stop();
        return;
      }
      if (source === 'mic') track.enabled = !this.isMicMuted;
      await this.producers.get(source)?.replaceTrack({ track });
      this.tracks.commit(source, track);
      void this.tracks.refreshDevices();
    });
  }

  /** On a new connection, every live track goes out on its send transport. */
  async produceAll(): Promise<void> {
    await Promise.all(
      this.tracks.sources().map((source) =>
        this.produce(source).catch((error) => {
          // One source failing (say the server refuses a codec) must not cost the whole meeting.
          log.error(`produce(${source}) | failed`, error);
          this.actions.pushNotice(CAPTURE_NOTICE[source]);
        }),
      ),
    );
  }

  /** The connection is gone: its producers went with it (the tracks stay). */
  forgetProducers(): void {
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
  }

  stopAll(): void {
    this.forgetProducers();
    this.tracks.releaseAll();
  }

  /**
   * Tells the others how we look now, unless the server already knows: `join`
   * carries our state too, but the camera may open only after it was sent.
   */
  async publishStateIfChanged(known: PeerState | undefined): Promise<void> {
    const state = this.state();
    const isSame =
      known?.isMuted === state.isMuted &&
      known.isCameraOff === state.isCameraOff &&
      known.isHandRaised === state.isHandRaised;
    if (!isSame) await this.syncState();
  }

  /** Tells the others how we look now; the join request carries the same after a reconnect. */
  private async syncState(): Promise<void> {
    const state = this.state();
    this.actions.patchSelfState(state);
    const result = await this.host.request('updatePeerState', state);
    if (result) this.actions.patchSelfState(result.state);
  }

  private async produce(source: LocalSource): Promise<void> {
    const transport = this.host.sendTransport();
    const track = this.tracks.get(source);
    if (!transport || !track || this.producers.has(source)) return;
    const kind = track.kind as MediaKind;
    if (!this.host.canProduce(kind)) {
      this.actions.pushNotice(CAPTURE_NOTICE[source]);
      return;
    }
    const epoch = this.host.epoch();
    const isPaused = source === 'mic' && this.isMicMuted;
    const producer = await transport.produce({ track, source, isPaused, ...produceOptionsFor(source) });
    if (epoch !== this.host.epoch() || this.tracks.get(source) !== track) {
      producer.close();
      return;
    }
    if (isPaused) producer.pause();
    this.producers.set(source, producer);
    this.actions.setLocalProducer({ producerId: producer.id, source, kind, isPaused });
  }

  /** One change at a time per source, so a double click cannot produce twice. */
  private async exclusive(source: LocalSource, task: () => Promise<void>): Promise<void> {
    if (this.host.isClosed() || this.busySources.has(source)) return;
    this.busySources.add(source);
    try {
      await task();
    } catch (error) {
      log.error(`${source} | change failed`, error);
      this.actions.pushNotice('actionFailed');
    } finally {
      this.busySources.delete(source);
    }
  }
}
