import type { types as ms } from 'mediasoup';
import type { MediaSource } from '@meetai/shared';
import { MediaRequestError } from './media-error';

export type TransportDirection = 'send' | 'recv';

export type TransportAppData = { peerId: string; direction: TransportDirection };
/** Who sends it travels with the producer, so modules fed by the media seam (captions) can name the speaker. */
export type ProducerOwner = { userId: number; displayName: string };
export type ProducerAppData = { peerId: string; source: MediaSource } & ProducerOwner;
export type ConsumerAppData = { peerId: string; producerPeerId: string; source: MediaSource };

/**
 * One participant's mediasoup objects inside a room. Every object is kept in
 * a map and removed from it by its own close events, so closing a transport
 * (or the peer) is enough to clean up everything under it.
 */
export class MediaPeer {
  readonly transports = new Map<string, ms.WebRtcTransport<TransportAppData>>();
  readonly producers = new Map<string, ms.Producer<ProducerAppData>>();
  readonly consumers = new Map<string, ms.Consumer<ConsumerAppData>>();
  /** Producers being consumed right now, so racing triggers never consume one twice. */
  private readonly pendingConsumes = new Set<string>();
  /** Set by `join`: only then does the peer receive media (see Room for the ordering rule). */
  rtpCapabilities: ms.RtpCapabilities | undefined;

  constructor(readonly peerId: string) {}

  /** The peer's current transport for one direction (a newer one replaces an older one). */
  transportFor(direction: TransportDirection): ms.WebRtcTransport<TransportAppData> | undefined {
    for (const transport of this.transports.values()) {
      if (transport.appData.direction === direction) return transport;
    }
    return undefined;
  }

  get canReceive(): boolean {
    return this.rtpCapabilities !== undefined && this.transportFor('recv') !== undefined;
  }

  transport(transportId: string): ms.WebRtcTransport<TransportAppData> {
    const transport = this.transports.get(transportId);
    if (!transport)
      throw new MediaRequestError('NOT_FOUND', `There is no transport ${transportId} on this connection.`);
    return transport;
  }

  producer(producerId: string): ms.Producer<ProducerAppData> {
    const producer = this.producers.get(producerId);
    if (!producer) throw new MediaRequestError('NOT_FOUND', `There is no producer ${producerId} on this connection.`);
    return producer;
  }

  consumer(consumerId: string): ms.Consumer<ConsumerAppData> {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) throw new MediaRequestError('NOT_FOUND', `There is no consumer ${consumerId} on this connection.`);
    return consumer;
  }

  producerFor(source: MediaSource): ms.Producer<ProducerAppData> | undefined {
    for (const producer of this.producers.values()) {
      if (producer.appData.source === source) return producer;
    }
    return undefined;
  }

  /**
   * A paused consumer of another peer's producer on this peer's recv
   * transport; undefined when the peer cannot receive yet, already consumes
   * it, or its codecs cannot decode it.
   */
  async consume(
    router: ms.Router,
    producer: ms.Producer<ProducerAppData>,
  ): Promise<ms.Consumer<ConsumerAppData> | undefined> {
    const transport = this.transportFor('recv');
    const rtpCapabilities = this.rtpCapabilities;
    if (!transport || !rtpCapabilities || this.pendingConsumes.has(producer.id)) return undefined;
    if ([...this.consumers.values()].some((c) => c.producerId === producer.id)) return undefined;
    if (!router.canConsume({ producerId: producer.id, rtpCapabilities })) return undefined;
    this.pendingConsumes.add(producer.id);
    try {
      const consumer = await transport.consume<ConsumerAppData>({
        producerId: producer.id,
        rtpCapabilities,
        paused: true,
        appData: { peerId: this.peerId, producerPeerId: producer.appData.peerId, source: producer.appData.source },
      });
      if (consumer.closed) return undefined;
      this.consumers.set(consumer.id, consumer);
      consumer.observer.once('close', () => this.consumers.delete(consumer.id));
      return consumer;
    } finally {
      this.pendingConsumes.delete(producer.id);
    }
  }

  /** Closes every transport; producers and consumers go with them. The peer stops receiving until it joins again. */
  closeMedia(): void {
    for (const transport of this.transports.values()) transport.close();
    this.forget();
  }

  /** Drops references to objects already closed elsewhere (e.g. the worker died). */
  forget(): void {
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
    this.rtpCapabilities = undefined;
  }
}
