import type { FastifyBaseLogger } from 'fastify';
import type {
  AudioProducerInfo,
  AudioSeam,
  AudioSeamEvent,
  AudioSeamListener,
  AudioTap,
  TapTarget,
} from '../media/audio-seam';
import type { MediaLinkClient } from './MediaLinkClient';

type RemoteTap = AudioTap & { markClosed(): void };

/**
 * The audio seam of an SFU in another process, over the media link: the
 * producers it announced (replayed by the media service on every connect),
 * and taps whose RTP the SFU sends by UDP straight to `tapHost` on this host.
 * When the link drops, every tap is closed and every producer announced
 * `closed` (nothing can be heard meanwhile); the replay on reconnect adds
 * them again, and listening resumes.
 */
export class RemoteAudioSeam implements AudioSeam {
  private readonly producers = new Map<string, AudioProducerInfo>();
  private readonly listeners = new Set<AudioSeamListener>();
  private readonly taps = new Map<string, RemoteTap>();

  constructor(
    private readonly link: MediaLinkClient,
    readonly tapHost: string,
    private readonly log: FastifyBaseLogger,
  ) {
    link.on('down', () => this.linkDown());
  }

  get tapCount(): number {
    return this.taps.size;
  }

  subscribe(listener: AudioSeamListener): () => void {
    for (const producer of this.producers.values()) listener({ type: 'added', producer: { ...producer } });
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async openTap(producerId: string, target: TapTarget): Promise<AudioTap> {
    const { tapId, parameters } = await this.link.request('openTap', { producerId, target });
    let markClosed = () => {};
    const closed = new Promise<void>((resolve) => {
      markClosed = () => {
        this.taps.delete(tapId);
        resolve();
      };
    });
    const tap: RemoteTap = {
      id: tapId,
      parameters,
      closed,
      markClosed,
      close: () => {
        if (!this.taps.has(tapId)) return;
        markClosed();
        this.link.request('closeTap', { tapId }).catch((err: unknown) => {
          // The link went meanwhile: the media side closed the tap with it.
          this.log.debug({ err, tapId }, 'could not close a tap over the media link');
        });
      },
    };
    this.taps.set(tapId, tap);
    return tap;
  }

  /** A seam event the media service sent. */
  receive(event: AudioSeamEvent): void {
    const { producerId } = event.producer;
    if (event.type === 'closed') this.producers.delete(producerId);
    else this.producers.set(producerId, { ...event.producer });
    this.emit(event);
  }

  /** The media service closed a tap (its producer, room or worker went). */
  tapClosed(tapId: string): void {
    this.taps.get(tapId)?.markClosed();
  }

  private linkDown(): void {
    for (const tap of [...this.taps.values()]) tap.markClosed();
    const gone = [...this.producers.values()];
    this.producers.clear();
    for (const producer of gone) this.emit({ type: 'closed', producer });
  }

  private emit(event: AudioSeamEvent): void {
    for (const listener of this.listeners) {
      try {
        listener({ type: event.type, producer: { ...event.producer } });
      } catch (err) {
        this.log.error({ err, event: event.type }, 'an audio seam listener failed');
      }
    }
  }
}
