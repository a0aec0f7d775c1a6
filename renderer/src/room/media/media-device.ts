import type {
  DtlsParametersDto,
  MediaKind,
  MediaSource,
  RtpCapabilitiesDto,
  RtpParametersDto,
  SignalingResponseData,
  TransportOptions,
} from '@meetai/shared';

/**
 * The slice of mediasoup-client the RoomClient uses, as interfaces, so the
 * client can be tested against a fake device and only `mediasoup-device.ts`
 * imports the library (which keeps it out of the app's first chunk).
 */

export type IceParameters = SignalingResponseData<'restartIce'>['iceParameters'];

export type TransportConnectionState = 'new' | 'connecting' | 'connected' | 'failed' | 'disconnected' | 'closed';

export interface ProduceRequest {
  kind: MediaKind;
  rtpParameters: RtpParametersDto;
  source: MediaSource;
  isPaused: boolean;
}

/** How a transport reaches the server: each answers a mediasoup-client transport event. */
export interface TransportHandlers {
  connect(dtlsParameters: DtlsParametersDto): Promise<void>;
  /** Resolves with the server's producer id. */
  produce(request: ProduceRequest): Promise<string>;
  connectionStateChange(state: TransportConnectionState): void;
}

export interface EncodingOptions {
  rid?: string;
  maxBitrate?: number;
  maxFramerate?: number;
  scaleResolutionDownBy?: number;
  scalabilityMode?: string;
  dtx?: boolean;
}

export interface CodecOptions {
  opusStereo?: boolean;
  opusFec?: boolean;
  opusDtx?: boolean;
  opusMaxPlaybackRate?: number;
  videoGoogleStartBitrate?: number;
}

export interface ProduceOptions {
  track: MediaStreamTrack;
  source: MediaSource;
  encodings?: EncodingOptions[];
  codecOptions?: CodecOptions;
  /** Sent to the server with `produce`, so others never see a frame from a muted microphone. */
  isPaused: boolean;
}

export interface ConsumeOptions {
  id: string;
  producerId: string;
  kind: MediaKind;
  rtpParameters: RtpParametersDto;
  /** Audio and video that share a stream id are played in sync by the browser. */
  streamId?: string;
}

/** Matches mediasoup-client's Producer structurally. */
export interface MediaProducer {
  readonly id: string;
  readonly track: MediaStreamTrack | null;
  readonly paused: boolean;
  readonly closed: boolean;
  pause(): void;
  resume(): void;
  replaceTrack(options: { track: MediaStreamTrack | null }): Promise<void>;
  getStats(): Promise<RTCStatsReport>;
  close(): void;
}

/** Matches mediasoup-client's Consumer structurally. */
export interface MediaConsumer {
  readonly id: string;
  readonly producerId: string;
  readonly track: MediaStreamTrack;
  readonly closed: boolean;
  getStats(): Promise<RTCStatsReport>;
  close(): void;
}

export interface MediaTransport {
  readonly id: string;
  readonly connectionState: TransportConnectionState;
  readonly closed: boolean;
  produce(options: ProduceOptions): Promise<MediaProducer>;
  consume(options: ConsumeOptions): Promise<MediaConsumer>;
  restartIce(iceParameters: IceParameters): Promise<void>;
  getStats(): Promise<RTCStatsReport>;
  close(): void;
}

export interface MediaDevice {
  readonly rtpCapabilities: RtpCapabilitiesDto;
  load(routerRtpCapabilities: RtpCapabilitiesDto): Promise<void>;
  canProduce(kind: MediaKind): boolean;
  createSendTransport(options: TransportOptions, handlers: TransportHandlers): MediaTransport;
  createRecvTransport(options: TransportOptions, handlers: TransportHandlers): MediaTransport;
}

/** A fresh device per connection: a mediasoup Device loads router capabilities only once. */
export type DeviceFactory = () => Promise<MediaDevice>;
