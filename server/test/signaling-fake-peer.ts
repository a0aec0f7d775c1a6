import { Device, types as mc } from 'mediasoup-client';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import type { MediaSource, SignalingNotificationData, SignalingResponseData } from '@meetai/shared';
import type { SignalingTestClient } from './signaling-client';
import { waitFor } from './media-helpers';

/**
 * A participant driving the protocol the way the room client does, with
 * mediasoup-client's FakeHandler in place of a browser: capabilities, device,
 * send and recv transports, join; then consume every `newConsumer` on the
 * recv transport and resume it.
 */
export class FakePeer {
  device = new Device({ handlerFactory: FakeHandler.createFactory(fakeParameters) });
  sendTransport: mc.Transport | undefined;
  recvTransport: mc.Transport | undefined;
  readonly consumers = new Map<
    string,
    { consumer: mc.Consumer; peerId: string; source: MediaSource; isResumed: boolean }
  >();
  readonly producers = new Map<MediaSource, mc.Producer>();
  /** Things that went wrong in notification handlers (e.g. a newConsumer before the recv transport). */
  readonly problems: string[] = [];

  constructor(public client: SignalingTestClient) {
    this.listen(client);
  }

  /** The demo's order: capabilities, device, transports, then join. */
  async join(displayName: string): Promise<SignalingResponseData<'join'>> {
    const { rtpCapabilities } = await this.client.ok('getRouterRtpCapabilities', {});
    if (!this.device.loaded) await this.device.load({ routerRtpCapabilities: rtpCapabilities as mc.RtpCapabilities });
    this.sendTransport = await this.createTransport('send');
    this.recvTransport = await this.createTransport('recv');
    return this.client.ok('join', { displayName, rtpCapabilities: this.device.rtpCapabilities });
  }

  /** After a reconnect or `roomRestarted`: a fresh socket or router, the same device. */
  async rejoin(client: SignalingTestClient, displayName: string): Promise<SignalingResponseData<'join'>> {
    this.sendTransport?.close();
    this.recvTransport?.close();
    for (const { consumer } of this.consumers.values()) consumer.close();
    this.consumers.clear();
    this.producers.clear();
    if (client !== this.client) {
      this.client = client;
      this.listen(client);
    }
    return this.join(displayName);
  }

  async produceMic(): Promise<mc.Producer> {
    const producer = await this.sendTransport!.produce({
      track: new FakeMediaStreamTrack({ kind: 'audio' }),
      appData: { source: 'mic' },
    });
    this.producers.set('mic', producer);
    return producer;
  }

  /** Camera video in three simulcast layers, as the renderer sends it. */
  async produceWebcam(): Promise<mc.Producer> {
    const producer = await this.sendTransport!.produce({
      track: new FakeMediaStreamTrack({ kind: 'video' }),
      encodings: [{ maxBitrate: 150_000 }, { maxBitrate: 500_000 }, { maxBitrate: 1_200_000 }],
      appData: { source: 'webcam' },
    });
    this.producers.set('webcam', producer);
    return producer;
  }

  consumersFrom(peerId: string): { consumer: mc.Consumer; source: MediaSource; isResumed: boolean }[] {
    return [...this.consumers.values()].filter((c) => c.peerId === peerId);
  }

  /** Waits until this peer consumes (and has resumed) `count` streams of the given peer. */
  async waitForConsumers(peerId: string, count: number): Promise<void> {
    await waitFor(
      () => this.consumersFrom(peerId).filter((c) => c.isResumed).length === count,
      `${count} resumed consumers from ${peerId}`,
    );
  }

  private async createTransport(direction: 'send' | 'recv'): Promise<mc.Transport> {
    const options = (await this.client.ok('createWebRtcTransport', { direction })) as mc.TransportOptions;
    const transport =
      direction === 'send' ? this.device.createSendTransport(options) : this.device.createRecvTransport(options);
    transport.on('connect', ({ dtlsParameters }, done, fail) => {
      this.client.ok('connectTransport', { transportId: transport.id, dtlsParameters }).then(() => done(), fail);
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, done, fail) => {
      this.client
        .ok('produce', { transportId: transport.id, kind, rtpParameters, source: appData.source as MediaSource })
        .then(({ producerId }) => done({ id: producerId }), fail);
    });
    return transport;
  }

  private listen(client: SignalingTestClient): void {
    client.onNotice('newConsumer', (data) => {
      this.consume(client, data).catch((err: unknown) => this.problems.push(`consume: ${String(err)}`));
    });
    client.onNotice('consumerClosed', ({ consumerId }) => {
      this.consumers.get(consumerId)?.consumer.close();
      this.consumers.delete(consumerId);
    });
  }

  private async consume(client: SignalingTestClient, data: SignalingNotificationData<'newConsumer'>): Promise<void> {
    if (!this.recvTransport) throw new Error('newConsumer arrived before the recv transport existed');
    const consumer = await this.recvTransport.consume({
      id: data.consumerId,
      producerId: data.producerId,
      kind: data.kind,
      rtpParameters: data.rtpParameters as mc.RtpParameters,
    });
    const entry = { consumer, peerId: data.peerId, source: data.source, isResumed: false };
    this.consumers.set(consumer.id, entry);
    await client.ok('resumeConsumer', { consumerId: consumer.id });
    entry.isResumed = true;
  }
}
