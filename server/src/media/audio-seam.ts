import type { types as ms } from 'mediasoup';
import type { FastifyBaseLogger } from 'fastify';
import type { MediaSource } from '@meetai/shared';
import type { ProducerAppData } from './MediaPeer';
import type { Room } from './Room';
import type { RoomRegistry } from './room-registry';

/**
 * The media module's one door for modules that listen to meetings (captions
 * today): which audio producers exist, and a copy of one as plain RTP on a
 * UDP address of the caller's choosing. Everything crossing it is plain data
 * (ids, addresses, numbers), so the same contract can be served over the
 * network when the AI service runs on its own.
 */
export type AudioProducerInfo = {
  meetingId: number;
  peerId: string;
  userId: number;
  displayName: string;
  producerId: string;
  source: Extract<MediaSource, 'mic' | 'screen-audio'>;
  isPaused: boolean;
};

export type AudioSeamEvent = { type: 'added' | 'paused' | 'resumed' | 'closed'; producer: AudioProducerInfo };
export type AudioSeamListener = (event: AudioSeamEvent) => void;

/** Where the tap's RTP goes: a UDP socket the listener bound on the seam's `tapHost`. */
export type TapTarget = { ip: string; port: number };

/** What the listener needs to depacketize and decode the tap. */
export type AudioTapParameters = { payloadType: number; ssrc: number; clockRate: number; channels: number };

export interface AudioTap {
  readonly id: string;
  readonly parameters: AudioTapParameters;
  /** Resolves when the tap is gone: closed by the caller, or its producer, room or worker went away. */
  readonly closed: Promise<void>;
  close(): void;
}

export interface AudioSeam {
  /** Current audio producers are replayed as `added` first, so a late listener misses nothing. */
  subscribe(listener: AudioSeamListener): () => void;
  openTap(producerId: string, target: TapTarget): Promise<AudioTap>;
  /** Live taps, for `/metrics`. */
  readonly tapCount: number;
  /** The address a listener binds its UDP socket to and gives as the tap's target: one the SFU can reach. */
  readonly tapHost: string;
}

/** Opus only: the tap carries exactly what the producer sends, never a transcoded copy. */
const OPUS_ONLY: ms.RtpCapabilities = {
  codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, preferredPayloadType: 100 }],
  headerExtensions: [],
};

type Tracked = { room: Room; producer: ms.Producer<ProducerAppData>; info: AudioProducerInfo };

function isAudioSource(source: MediaSource): source is AudioProducerInfo['source'] {
  return source === 'mic' || source === 'screen-audio';
}

/**
 * The in-process seam: rooms of this process, taps through a mediasoup
 * PlainTransport bound to `tapListenIp` (loopback unless the listener is on
 * another host: the media link's AI service, see src/media-link).
 */
export class InProcessAudioSeam implements AudioSeam {
  /** Listeners in this process hear the taps on loopback. */
  readonly tapHost = '127.0.0.1';
  private readonly producers = new Map<string, Tracked>();
  private readonly listeners = new Set<AudioSeamListener>();
  private readonly taps = new Set<string>();

  constructor(
    rooms: RoomRegistry,
    private readonly tapListenIp: string,
    private readonly log: FastifyBaseLogger,
  ) {
    rooms.on('opened', (room) => room.on('producerCreated', (producer) => this.track(room, producer)));
  }

  get tapCount(): number {
    return this.taps.size;
  }

  subscribe(listener: AudioSeamListener): () => void {
    for (const { info } of this.producers.values()) listener({ type: 'added', producer: { ...info } });
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async openTap(producerId: string, target: TapTarget): Promise<AudioTap> {
    const tracked = this.producers.get(producerId);
    if (!tracked) throw new Error(`There is no audio producer ${producerId}`);
    const transport = await tracked.room.router.createPlainTransport({
      listenInfo: { protocol: 'udp', ip: this.tapListenIp },
      rtcpMux: true,
      comedia: false,
    });
    try {
      await transport.connect({ ip: target.ip, port: target.port });
      const consumer = await transport.consume({ producerId, rtpCapabilities: OPUS_ONLY, paused: false });
      const codec = consumer.rtpParameters.codecs[0];
      const ssrc = consumer.rtpParameters.encodings?.[0]?.ssrc;
      if (!codec || ssrc === undefined) throw new Error('The tap consumer has no codec or SSRC');
      this.taps.add(transport.id);
      const closed = new Promise<void>((resolve) =>
        transport.observer.once('close', () => {
          this.taps.delete(transport.id);
          resolve();
        }),
      );
      // A consumer whose producer closed is dead weight: the transport goes with it.
      consumer.observer.once('close', () => transport.close());
      return {
        id: transport.id,
        parameters: { payloadType: codec.payloadType, ssrc, clockRate: codec.clockRate, channels: codec.channels ?? 1 },
        closed,
        close: () => transport.close(),
      };
    } catch (err) {
      transport.close();
      throw err;
    }
  }

  private track(room: Room, producer: ms.Producer<ProducerAppData>): void {
    const { peerId, userId, displayName, source } = producer.appData;
    if (!isAudioSource(source) || producer.closed) return;
    const info: AudioProducerInfo = {
      meetingId: room.meetingId,
      peerId,
      userId,
      displayName,
      producerId: producer.id,
      source,
      isPaused: producer.paused,
    };
    this.producers.set(producer.id, { room, producer, info });
    producer.observer.on('pause', () => this.update(info, 'paused', true));
    producer.observer.on('resume', () => this.update(info, 'resumed', false));
    producer.observer.once('close', () => {
      this.producers.delete(producer.id);
      this.emit({ type: 'closed', producer: { ...info } });
    });
    this.emit({ type: 'added', producer: { ...info } });
  }

  private update(info: AudioProducerInfo, type: 'paused' | 'resumed', isPaused: boolean): void {
    info.isPaused = isPaused;
    this.emit({ type, producer: { ...info } });
  }

  private emit(event: AudioSeamEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.log.error(
          { err, event: event.type, producerId: event.producer.producerId },
          'an audio seam listener failed',
        );
      }
    }
  }
}
