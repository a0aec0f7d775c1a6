import type { MediaKind, RtpCapabilitiesDto, TransportOptions } from '@meetai/shared';
import type {
  ConsumeOptions,
  IceParameters,
  MediaConsumer,
  MediaDevice,
  MediaProducer,
  MediaTransport,
  ProduceOptions,
  TransportConnectionState,
  TransportHandlers,
} from '../media/media-device';
import { fakeTrack } from './fake-track';

const emptyStats = () => Promise.resolve(new Map() as unknown as RTCStatsReport);

export class FakeProducer implements MediaProducer {
  paused = false;
  closed = false;
  readonly replacedWith: (MediaStreamTrack | null)[] = [];

  constructor(
    readonly id: string,
    public track: MediaStreamTrack | null,
    readonly options: ProduceOptions,
  ) {}

  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  async replaceTrack({ track }: { track: MediaStreamTrack | null }) {
    this.replacedWith.push(track);
    this.track = track;
  }
  getStats = emptyStats;
  close() {
    this.closed = true;
  }
}

export class FakeConsumer implements MediaConsumer {
  closed = false;
  readonly track: MediaStreamTrack;

  constructor(readonly options: ConsumeOptions) {
    this.track = fakeTrack(options.kind);
  }

  get id() {
    return this.options.id;
  }
  get producerId() {
    return this.options.producerId;
  }
  getStats = emptyStats;
  close() {
    this.closed = true;
  }
}

/**
 * Behaves like mediasoup-client's transport toward its handlers: the first
 * produce or consume fires `connect`, every produce fires `produce` and waits
 * for the server's producer id. Everything it does goes into the journal.
 */
export class FakeTransport implements MediaTransport {
  connectionState: TransportConnectionState = 'new';
  closed = false;
  readonly producers: FakeProducer[] = [];
  readonly consumers: FakeConsumer[] = [];
  readonly iceRestarts: IceParameters[] = [];
  private isConnected = false;

  constructor(
    readonly direction: 'send' | 'recv',
    readonly options: TransportOptions,
    private readonly handlers: TransportHandlers,
    private readonly journal: string[],
  ) {}

  get id() {
    return this.options.id;
  }

  async produce(options: ProduceOptions): Promise<MediaProducer> {
    await this.ensureConnected();
    const kind = options.track.kind as MediaKind;
    const id = await this.handlers.produce({
      kind,
      rtpParameters: {
        codecs: [{ mimeType: kind === 'audio' ? 'audio/opus' : 'video/VP8', payloadType: 100, clockRate: 90000 }],
      },
      source: options.source,
      isPaused: options.isPaused,
    });
    const producer = new FakeProducer(id, options.track, options);
    this.producers.push(producer);
    return producer;
  }

  async consume(options: ConsumeOptions): Promise<MediaConsumer> {
    await this.ensureConnected();
    this.journal.push(`device.consume:${options.id}`);
    const consumer = new FakeConsumer(options);
    this.consumers.push(consumer);
    return consumer;
  }

  async restartIce(iceParameters: IceParameters) {
    this.iceRestarts.push(iceParameters);
  }

  getStats = emptyStats;

  close() {
    this.closed = true;
    this.connectionState = 'closed';
  }

  /** What the browser's ICE agent would report. */
  setConnectionState(state: TransportConnectionState) {
    this.connectionState = state;
    this.handlers.connectionStateChange(state);
  }

  private async ensureConnected() {
    if (this.isConnected) return;
    this.isConnected = true;
    await this.handlers.connect({ role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AA:BB' }] });
  }
}

export class FakeDevice implements MediaDevice {
  rtpCapabilities: RtpCapabilitiesDto = { codecs: [] };
  readonly transports: FakeTransport[] = [];

  constructor(private readonly journal: string[]) {}

  async load(routerRtpCapabilities: RtpCapabilitiesDto) {
    this.journal.push('device.load');
    this.rtpCapabilities = routerRtpCapabilities;
  }

  canProduce() {
    return true;
  }

  createSendTransport(options: TransportOptions, handlers: TransportHandlers) {
    return this.create('send', options, handlers);
  }

  createRecvTransport(options: TransportOptions, handlers: TransportHandlers) {
    return this.create('recv', options, handlers);
  }

  private create(direction: 'send' | 'recv', options: TransportOptions, handlers: TransportHandlers) {
    const transport = new FakeTransport(direction, options, handlers, this.journal);
    this.transports.push(transport);
    return transport;
  }

  transport(direction: 'send' | 'recv'): FakeTransport {
    const found = this.transports.find((transport) => transport.direction === direction);
    if (!found) throw new Error(`no ${direction} transport`);
    return found;
  }
}
