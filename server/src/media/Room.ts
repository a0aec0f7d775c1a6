import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import type { FastifyBaseLogger } from 'fastify';
import type { MediaKind, MediaSource, ProducerInfo, SignalingNotificationData, TransportOptions } from '@meetai/shared';
import { MediaRequestError } from './media-error';
import { MediaPeer, type ProducerAppData, type ProducerOwner, type TransportDirection } from './MediaPeer';
import { createPeerTransport, createRoomRouter, type RoomRouter, type TransportListenSettings } from './router-factory';

export type ProducerEvent = { peerId: string; producerId: string; source: MediaSource };

type RoomEvents = {
  newConsumer: [peerId: string, consumer: SignalingNotificationData<'newConsumer'>];
  consumerClosed: [peerId: string, consumerId: string];
  consumerLayersChanged: [peerId: string, layers: SignalingNotificationData<'consumerLayersChanged'>];
  producerPaused: [event: ProducerEvent];
  producerResumed: [event: ProducerEvent];
  /** A producer exists (for the media seam; peers learn of it through `newConsumer`). */
  producerCreated: [producer: ms.Producer<ProducerAppData>];
  activeSpeaker: [peerId: string];
  /** The worker hosting the router died: every transport, producer and consumer is gone. */
  routerLost: [];
  /** A fresh router is ready; peers must create transports and join again. */
  restarted: [];
};

const KIND_OF_SOURCE: Record<MediaSource, MediaKind> = {
  mic: 'audio',
  webcam: 'video',
  screen: 'video',
  'screen-audio': 'audio',
};

export type ProduceRequest = {
  transportId: string;
  kind: MediaKind;
  rtpParameters: ms.RtpParameters;
  source: MediaSource;
  paused?: boolean;
  owner: ProducerOwner;
};

/**
 * One meeting's media: a router on one worker, and each peer's transports,
 * producers and consumers.
 *
 * Ordering rule: a peer receives media once it has BOTH joined (given its
 * rtpCapabilities) and a recv transport, in whichever order those happen.
 * Callers run `receiveExisting(peerId)` after answering `join` or a recv
 * `createWebRtcTransport`, and `shareProducer(producer)` after answering
 * `produce`, so the client always has the answer before the first
 * `newConsumer` it causes. Consumers start paused; the client resumes them.
 */
export class Room extends EventEmitter<RoomEvents> {
  private readonly peers = new Map<string, MediaPeer>();
  private current: RoomRouter;
  private isClosed = false;

  static async create(
    meetingId: number,
    worker: ms.Worker,
    listen: TransportListenSettings,
    log: FastifyBaseLogger,
  ): Promise<Room> {
    return new Room(meetingId, await createRoomRouter(worker, meetingId), listen, log);
  }

  private constructor(
    readonly meetingId: number,
    initial: RoomRouter,
    private readonly listen: TransportListenSettings,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
    this.current = initial;
    this.watch(initial);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get router(): ms.Router {
    return this.current.router;
  }

  get workerPid(): number {
    return this.current.workerPid;
  }

  get rtpCapabilities(): ms.RtpCapabilities {
    return this.current.router.rtpCapabilities;
  }

  stats(): { peers: number; transports: number; producers: number; consumers: number } {
    const all = [...this.peers.values()];
    const sum = (pick: (p: MediaPeer) => number) => all.reduce((n, p) => n + pick(p), 0);
    return {
      peers: all.length,
      transports: sum((p) => p.transports.size),
      producers: sum((p) => p.producers.size),
      consumers: sum((p) => p.consumers.size),
    };
  }

  /** Open producers and consumers by media kind (for the metrics). */
  streamsByKind(): Record<'producers' | 'consumers', Record<ms.MediaKind, number>> {
    const count = { producers: { audio: 0, video: 0 }, consumers: { audio: 0, video: 0 } };
    for (const peer of this.peers.values()) {
      for (const producer of peer.producers.values()) count.producers[producer.kind] += 1;
      for (const consumer of peer.consumers.values()) count.consumers[consumer.kind] += 1;
    }
    return count;
  }

  addPeer(peerId: string): void {
    if (!this.peers.has(peerId)) this.peers.set(peerId, new MediaPeer(peerId));
  }

  /** Socket gone or replaced: its media goes, others get `consumerClosed` for its producers. */
  closePeerMedia(peerId: string): void {
    this.peers.get(peerId)?.closeMedia();
  }

  removePeer(peerId: string): void {
    this.closePeerMedia(peerId);
    this.peers.delete(peerId);
  }

  setRtpCapabilities(peerId: string, rtpCapabilities: ms.RtpCapabilities): void {
    this.peer(peerId).rtpCapabilities = rtpCapabilities;
  }

  producersOf(peerId: string): ProducerInfo[] {
    const peer = this.peers.get(peerId);
    if (!peer) return [];
    return [...peer.producers.values()].map((p) => ({
      producerId: p.id,
      kind: p.kind,
      source: p.appData.source,
      paused: p.paused,
    }));
  }

  async createTransport(peerId: string, direction: TransportDirection): Promise<TransportOptions> {
    const peer = this.peer(peerId);
    // One transport per direction: a new one (e.g. after a client-side failure) replaces the old.
    peer.transportFor(direction)?.close();
    const transport = await createPeerTransport(this.router, this.listen, { peerId, direction });
    if (this.peers.get(peerId) !== peer) {
      transport.close();
      throw new MediaRequestError(
        'NOT_JOINED',
        'This connection left the meeting while its transport was being created.',
      );
    }
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed') this.log.warn({ peerId, transportId: transport.id }, 'DTLS failed on a transport');
    });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: ms.DtlsParameters): Promise<void> {
    await this.peer(peerId).transport(transportId).connect({ dtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<ms.IceParameters> {
    return this.peer(peerId).transport(transportId).restartIce();
  }

  async produce(peerId: string, request: ProduceRequest): Promise<ms.Producer<ProducerAppData>> {
    const peer = this.peer(peerId);
    if (KIND_OF_SOURCE[request.source] !== request.kind) {
      throw new MediaRequestError(
        'VALIDATION_FAILED',
        `A ${request.source} producer must be ${KIND_OF_SOURCE[request.source]}, not ${request.kind}.`,
      );
    }
    if (peer.producerFor(request.source)) {
      throw new MediaRequestError(
        'VALIDATION_FAILED',
        `This connection already sends ${request.source}; close that producer first.`,
      );
    }
    const transport = peer.transport(request.transportId);
    if (transport.appData.direction !== 'send') {
      throw new MediaRequestError('VALIDATION_FAILED', 'Media can only be produced on a send transport.');
    }
    const producer = await transport.produce<ProducerAppData>({
      kind: request.kind,
      rtpParameters: request.rtpParameters,
      paused: request.paused ?? false,
      appData: { peerId, source: request.source, ...request.owner },
    });
    if (producer.closed)
      throw new MediaRequestError('MEDIA_ERROR', 'The transport closed while the producer was being created.');
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => peer.producers.delete(producer.id));
    this.emit('producerCreated', producer);
    if (request.source === 'mic') {
      this.current.speakerObserver.addProducer({ producerId: producer.id }).catch((err: unknown) => {
        this.log.warn({ err, producerId: producer.id }, 'could not add a microphone to the speaker observer');
      });
    }
    return producer;
  }

  /** Consumes a new producer for every other peer that can receive. */
  async shareProducer(producer: ms.Producer<ProducerAppData>): Promise<void> {
    for (const other of this.peers.values()) {
      if (other.peerId !== producer.appData.peerId && !producer.closed) await this.consume(other, producer);
    }
  }

  /**
   * Consumes every other peer's producers for this peer, if it can receive
   * yet. Video first: a client sets up its consumers one after another, and a
   * face on screen is what someone joining waits for (audio follows a few
   * milliseconds later, and speech starts no sooner than the picture anyway).
   */
  async receiveExisting(peerId: string): Promise<void> {
    const peer = this.peers.get(peerId);
    if (!peer?.canReceive) return;
    const others = [...this.peers.values()].filter((other) => other !== peer);
    const producers = others.flatMap((other) => [...other.producers.values()]);
    const videoFirst = [...producers.filter((p) => p.kind === 'video'), ...producers.filter((p) => p.kind !== 'video')];
    for (const producer of videoFirst) await this.consume(peer, producer);
  }

  async setProducerPaused(peerId: string, producerId: string, paused: boolean): Promise<void> {
    const producer = this.peer(peerId).producer(producerId);
    if (producer.paused === paused) return;
    if (paused) await producer.pause();
    else await producer.resume();
    const event = { peerId, producerId, source: producer.appData.source };
    this.emit(paused ? 'producerPaused' : 'producerResumed', event);
  }

  /** Pauses the peer's producer for a source (host mute); false when it had none running. */
  async pauseSource(peerId: string, source: MediaSource): Promise<boolean> {
    const producer = this.peer(peerId).producerFor(source);
    if (!producer || producer.paused) return false;
    await this.setProducerPaused(peerId, producer.id, true);
    return true;
  }

  closeProducer(peerId: string, producerId: string): void {
    this.peer(peerId).producer(producerId).close();
  }

  async setConsumerPaused(peerId: string, consumerId: string, paused: boolean): Promise<void> {
    const consumer = this.peer(peerId).consumer(consumerId);
    if (paused) await consumer.pause();
    else await consumer.resume();
  }

  async setPreferredLayers(peerId: string, consumerId: string, layers: ms.ConsumerLayers): Promise<void> {
    await this.peer(peerId).consumer(consumerId).setPreferredLayers(layers);
  }

  /** Moves the room to a fresh router after its worker died. */
  async restart(worker: ms.Worker): Promise<void> {
    const next = await createRoomRouter(worker, this.meetingId);
    if (this.isClosed) {
      next.router.close();
      return;
    }
    for (const peer of this.peers.values()) peer.forget();
    this.current = next;
    this.watch(next);
    this.emit('restarted');
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.current.router.close();
    this.peers.clear();
    this.removeAllListeners();
  }

  private peer(peerId: string): MediaPeer {
    const peer = this.peers.get(peerId);
    if (!peer) throw new MediaRequestError('NOT_JOINED', 'This connection is not in the meeting room.');
    return peer;
  }

  private watch({ router, speakerObserver }: RoomRouter): void {
    router.once('workerclose', () => {
      if (this.isClosed || router !== this.current.router) return;
      for (const peer of this.peers.values()) peer.forget();
      this.emit('routerLost');
    });
    speakerObserver.on('dominantspeaker', ({ producer }) => {
      const peerId = (producer.appData as Partial<ProducerAppData>).peerId;
      if (peerId) this.emit('activeSpeaker', peerId);
    });
  }

  private async consume(peer: MediaPeer, producer: ms.Producer<ProducerAppData>): Promise<void> {
    const consumer = await peer.consume(this.router, producer).catch((err: unknown) => {
      // The producer or the transport may close while we wait for the worker.
      this.log.debug({ err, peerId: peer.peerId, producerId: producer.id }, 'consume skipped');
      return undefined;
    });
    if (!consumer) return;
    consumer.on('producerclose', () => this.emit('consumerClosed', peer.peerId, consumer.id));
    consumer.on('layerschange', (layers) => {
      this.emit('consumerLayersChanged', peer.peerId, {
        consumerId: consumer.id,
        spatialLayer: layers?.spatialLayer ?? null,
        temporalLayer: layers?.temporalLayer ?? null,
      });
    });
    this.emit('newConsumer', peer.peerId, {
      consumerId: consumer.id,
      producerId: producer.id,
      peerId: producer.appData.peerId,
      kind: consumer.kind,
      source: producer.appData.source,
      rtpParameters: consumer.rtpParameters,
      type: consumer.type,
      producerPaused: consumer.producerPaused,
    });
  }
}
