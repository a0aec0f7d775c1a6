import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppEventBus } from '../events/app-events';
import type { AudioSeam, AudioTap } from '../media/audio-seam';
import { LinkChannel, LinkError, type LinkTiming } from './LinkChannel';
import { MEDIA_END, type MediaEnd } from './link-ends';

export type AiLinkSessionDeps = {
  seam: AudioSeam;
  events: AppEventBus;
  timing: LinkTiming;
  log: FastifyBaseLogger;
};

/**
 * The media side of one connected AI service: serves it this process's audio
 * seam (producer events, current ones replayed first; taps opened and closed
 * on request, `tapClosed` when one goes by itself) and puts its caption
 * events on the app's event bus, where signaling picks them up for the room.
 * When the link goes, so do its taps: their RTP had nowhere left to go.
 */
export class AiLinkSession {
  readonly channel: LinkChannel<MediaEnd>;
  private readonly producers = new Set<string>();
  private readonly taps = new Map<string, AudioTap>();
  private readonly unsubscribe: () => void;

  constructor(
    socket: WebSocket,
    private readonly deps: AiLinkSessionDeps,
  ) {
    const { events } = deps;
    this.channel = new LinkChannel(
      socket,
      MEDIA_END,
      {
        requests: {
          openTap: (data) => this.openTap(data.producerId, data.target),
          closeTap: async ({ tapId }) => {
            this.taps.get(tapId)?.close();
            return {};
          },
        },
        events: {
          'caption.produced': (payload) => events.publish('caption.produced', payload),
          'captions.status': (payload) => events.publish('captions.status', payload),
          'emotion.speaker': (payload) => events.publish('emotion.speaker', payload),
          'synthesis.alert': (payload) => events.publish('synthesis.alert', payload),
          'analysis.status': (payload) => events.publish('analysis.status', payload),
        },
      },
      deps.timing,
      deps.log,
    );
    this.unsubscribe = deps.seam.subscribe((event) => {
      if (event.type === 'closed') this.producers.delete(event.producer.producerId);
      else this.producers.add(event.producer.producerId);
      this.channel.notify('seamEvent', event);
    });
    void this.channel.closed.then(() => this.end());
  }

  get tapCount(): number {
    return this.taps.size;
  }

  private async openTap(producerId: string, target: { ip: string; port: number }) {
    if (!this.producers.has(producerId)) throw new LinkError('NOT_FOUND', `There is no audio producer ${producerId}.`);
    let tap: AudioTap;
    try {
      tap = await this.deps.seam.openTap(producerId, target);
    } catch (err) {
      throw new LinkError('MEDIA_ERROR', `The SFU could not tap ${producerId}: ${(err as Error).message}`);
    }
    if (!this.channel.isOpen) {
      tap.close();
      throw new LinkError('SERVICE_UNAVAILABLE', 'The media link closed while the tap was opening.');
    }
    this.taps.set(tap.id, tap);
    void tap.closed.then(() => {
      this.taps.delete(tap.id);
      this.channel.notify('tapClosed', { tapId: tap.id });
    });
    return { tapId: tap.id, parameters: tap.parameters };
  }

  private end(): void {
    this.unsubscribe();
    for (const tap of this.taps.values()) tap.close();
    this.taps.clear();
  }
}
