import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { LanguageChoice } from '@meetai/shared';
import type { AudioProducerInfo, AudioSeam, AudioTap } from '../../media/audio-seam';
import type { SpeechEngine } from '../asr/speech-engine';
import { OpusTapDecoder } from '../audio/opus-decoder';
import { Decimator48To16 } from '../audio/resample';
import { RtpDepacketizer, type DepacketizerEvent } from '../audio/rtp-depacketizer';
import { SileroVad, type VadSettings } from '../vad/silero-vad';
import { SpeechStream, type SpeechStreamEvent, type SpeechStreamSettings, type TranscriptEvent } from './speech-stream';

/** A stream event with its times on the wall clock (epoch milliseconds), as captions carry them. */
export type ListenerEvent =
  | ({ type: 'interim' } & TranscriptEvent)
  | ({ type: 'final'; sinceSpeechEndMs: number; audio?: Float32Array } & TranscriptEvent)
  | { type: 'speechEnded'; utteranceId: string }
  | { type: 'finalFailed'; utteranceId: string };

export interface ProducerListener {
  onEvent(listener: (event: ListenerEvent) => void): void;
  /** Finishes the utterance in progress (its final still goes out), then lets go of the tap. */
  close(): Promise<void>;
}

export type ProducerListenerOptions = {
  seam: AudioSeam;
  engine: SpeechEngine;
  producer: AudioProducerInfo;
  language: LanguageChoice;
  vad: VadSettings;
  stream: SpeechStreamSettings;
  /** Hand each utterance's audio over with its final (voice analysis wants it). */
  keepAudio?: boolean;
  log: FastifyBaseLogger;
};

/** How often the jitter buffer is asked for packets whose wait ran out. */
const POLL_MS = 20;

/**
 * Listens to one audio producer: a UDP socket on the seam's tap host
 * (loopback in one process) receives the seam's plain-RTP copy; packets are
 * put in order, Opus-decoded (gaps concealed), brought to 16 kHz and fed to a
 * speech stream, whose events come out with wall-clock times. The tap, socket and decoders go when the
 * producer does, or on `close()`.
 */
export async function openProducerListener(options: ProducerListenerOptions): Promise<ProducerListener> {
  const { seam, engine, producer, log } = options;
  const socket = dgram.createSocket(isIPv6(seam.tapHost) ? 'udp6' : 'udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, seam.tapHost, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  let tap: AudioTap | undefined;
  try {
    tap = await seam.openTap(producer.producerId, { ip: seam.tapHost, port: socket.address().port });
    const decoder = await OpusTapDecoder.create();
    const vad = await SileroVad.create(options.vad);
    const stream = new SpeechStream({
      engine,
      language: options.language,
      speaker: producer.producerId,
      vad,
      settings: options.stream,
      keepAudio: options.keepAudio,
    });
    return new TapListener(socket, tap, decoder, stream, log.child({ producerId: producer.producerId }));
  } catch (err) {
    tap?.close();
    socket.close();
    throw err;
  }
}

class TapListener implements ProducerListener {
  private readonly depacketizer: RtpDepacketizer;
  private readonly decimator = new Decimator48To16();
  private readonly poller: NodeJS.Timeout;
  private readonly listeners: Array<(event: ListenerEvent) => void> = [];
  /** Wall-clock time of the stream's first sample; audio times are offsets from it. */
  private startedAt: number | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly socket: dgram.Socket,
    private readonly tap: AudioTap,
    private readonly decoder: OpusTapDecoder,
    private readonly stream: SpeechStream,
    private readonly log: FastifyBaseLogger,
  ) {
    const { payloadType, ssrc } = tap.parameters;
    this.depacketizer = new RtpDepacketizer({ payloadType, ssrc });
    socket.on('message', (datagram) => this.feed(this.depacketizer.push(datagram)));
    socket.on('error', (err) => log.warn({ err }, 'tap socket error'));
    this.poller = setInterval(() => this.feed(this.depacketizer.poll()), POLL_MS);
    void tap.closed.then(() => this.close());
    void this.forward();
  }

  onEvent(listener: (event: ListenerEvent) => void): void {
    this.listeners.push(listener);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.poller);
    this.feed(this.depacketizer.flush());
    this.socket.close();
    this.tap.close();
    await this.stream.endInput();
    this.decoder.close();
  }

  private feed(events: DepacketizerEvent[]): void {
    for (const event of events) {
      // Losses need nothing here: the decoder conceals from the gap in RTP timestamps.
      if (event.type !== 'payload') continue;
      const { pcm } = this.decoder.decode(event.payload, event.timestamp);
      const frame = this.decimator.process(pcm);
      if (frame.length === 0) continue;
      this.startedAt ??= Date.now();
      this.stream.pushFrame(frame);
    }
  }

  private async forward(): Promise<void> {
    try {
      for await (const event of this.stream) {
        const mapped = this.toListenerEvent(event);
        if (mapped) for (const listener of this.listeners) listener(mapped);
      }
    } catch (err) {
      this.log.error({ err }, 'speech stream failed');
    }
  }

  private toListenerEvent(event: SpeechStreamEvent): ListenerEvent | undefined {
    const at = this.startedAt ?? Date.now();
    switch (event.type) {
      case 'speechStarted':
        return undefined;
      case 'speechEnded':
        return { type: 'speechEnded', utteranceId: event.utteranceId };
      case 'finalFailed':
        this.log.warn({ err: event.error, utteranceId: event.utteranceId }, 'no final for an utterance');
        return { type: 'finalFailed', utteranceId: event.utteranceId };
      case 'interim':
      case 'final':
        return { ...event, startMs: at + event.startMs, endMs: at + event.endMs };
    }
  }
}
