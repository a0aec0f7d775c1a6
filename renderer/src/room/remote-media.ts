import type {
  SignalingMethod,
  SignalingNotificationData,
  SignalingRequestData,
  SignalingResponseData,
} from '@meetai/shared';
import { createLogger } from '../lib/logger';
import { pickSpatialLayer } from './media/layers';
import type { MediaConsumer, MediaTransport } from './media/media-device';
import type { ConsumerView, RoomActions } from './room-store';
import type { TrackRegistry } from './track-registry';
import { VideoVisibility, type TileSource } from './video-visibility';

const log = createLogger('RemoteMedia');

/** What RemoteMedia needs from the RoomClient's current connection. */
export interface RemoteMediaHost {
  recvTransport(): MediaTransport | null;
  /** Bumped by the RoomClient whenever a connection is torn down. */
  epoch(): number;
  /** The consumers as the store has them: which peer and source each belongs to. */
  consumers(): Record<string, ConsumerView>;
  /** Answers null when the request failed or there is no connection; the failure is already logged. */
  request<M extends SignalingMethod>(
    method: M,
    data: SignalingRequestData<M>,
  ): Promise<SignalingResponseData<M> | null>;
}

/**
 * What we receive: everyone else's consumers keyed by id, their tracks (in the
 * registry), the simulcast layer each tile asked for, and which video the SFU
 * holds paused because its tile is reported hidden. Consumers belong to one
 * connection; `forgetConsumers` drops them all when it goes, and the server
 * sends new ones on the next.
 */
export class RemoteMedia {
  private readonly consumers = new Map<string, MediaConsumer>();
  private readonly preferredLayers = new Map<string, number>();
  private readonly visibility: VideoVisibility;

  constructor(
    private readonly host: RemoteMediaHost,
    private readonly actions: RoomActions,
    private readonly tracks: TrackRegistry,
    private readonly pixelRatio?: () => number,
  ) {
    this.visibility = new VideoVisibility({
      consumers: () => host.consumers(),
      setPausedByUs: (consumerId, isPaused) => actions.setConsumerPausedByUs(consumerId, isPaused),
      request: async (method, consumerId) => (await host.request(method, { consumerId })) !== null,
    });
  }

  /**
   * The demo's handshake: the server made the consumer paused; consume, keep the track, then resume,
   * unless its tile is reported hidden (another grid page, scrolled away): then it stays paused until
   * that report is lifted. A tile not mounted yet reports nothing, so a video on join resumes at once.
   */
  async consume(data: SignalingNotificationData<'newConsumer'>): Promise<void> {
    const transport = this.host.recvTransport();
    if (!transport) {
      log.warn(`consume() | no receive transport for ${data.consumerId}`);
      return;
    }
    const epoch = this.host.epoch();
    const isScreen = data.source === 'screen' || data.source === 'screen-audio';
    const consumer = await transport.consume({
      id: data.consumerId,
      producerId: data.producerId,
      kind: data.kind,
      rtpParameters: data.rtpParameters,
      // Audio and video of one person share a stream id, so the browser keeps them in sync.
      streamId: `${data.peerId}-${isScreen ? 'screen' : 'camera'}`,
    });
    if (epoch !== this.host.epoch()) {
      consumer.close();
      return;
    }
    this.consumers.set(consumer.id, consumer);
    this.tracks.setRemote(consumer.id, consumer.track);
    const view = {
      consumerId: consumer.id,
      producerId: data.producerId,
      peerId: data.peerId,
      kind: data.kind,
      source: data.source,
      isProducerPaused: data.producerPaused,
      isPausedByUs: !this.visibility.isWanted(data),
      spatialLayer: null,
    };
    this.actions.addConsumer(view);
    if (this.visibility.admit(view)) await this.host.request('resumeConsumer', { consumerId: consumer.id });
  }

  closeConsumer(consumerId: string): void {
    this.consumers.get(consumerId)?.close();
    this.consumers.delete(consumerId);
    this.preferredLayers.delete(consumerId);
    this.visibility.forget(consumerId);
    this.tracks.deleteRemote(consumerId);
    this.actions.removeConsumer(consumerId);
  }

  closePeerConsumers(peerId: string): void {
    for (const view of Object.values(this.host.consumers())) {
      if (view.peerId === peerId) this.closeConsumer(view.consumerId);
    }
  }

  /** The connection is gone, and its consumers with it; the tiles' visibility stays for the next one. */
  forgetConsumers(): void {
    for (const consumer of this.consumers.values()) consumer.close();
    this.consumers.clear();
    this.preferredLayers.clear();
    this.visibility.reset();
    this.tracks.clearRemote();
  }

  /** For the quality monitor, which rates each peer from what we receive from them. */
  consumersByPeer(): Map<string, MediaConsumer[]> {
    const byPeer = new Map<string, MediaConsumer[]>();
    const views = this.host.consumers();
    for (const consumer of this.consumers.values()) {
      const peerId = views[consumer.id]?.peerId;
      if (peerId) byPeer.set(peerId, [...(byPeer.get(peerId) ?? []), consumer]);
    }
    return byPeer;
  }

  /** Only webcam video is simulcast; the screen and audio have a single layer. */
  setTileSize(consumerId: string, width: number, height: number): void {
    const view = this.host.consumers()[consumerId];
    if (!view || view.kind !== 'video' || view.source !== 'webcam') return;
    const layer = pickSpatialLayer(width, height, this.pixelRatio?.() ?? 1);
    if (this.preferredLayers.get(consumerId) === layer) return;
    this.preferredLayers.set(consumerId, layer);
    void this.host.request('setPreferredLayers', { consumerId, spatialLayer: layer });
  }

  setTileVisible(peerId: string, source: TileSource, isVisible: boolean): void {
    this.visibility.setTileVisible(peerId, source, isVisible);
  }

  forgetTile(peerId: string, source: TileSource): void {
    this.visibility.forgetTile(peerId, source);
  }
}
