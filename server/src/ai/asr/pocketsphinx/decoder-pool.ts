import { EngineUnavailableError } from '../speech-engine';
import type { Decoder } from './Decoder';

type Waiter = {
  speaker: string | undefined;
  resolve: (decoder: Decoder) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort: () => void;
};

/**
 * The engine's decoders, lent one utterance at a time. When all are busy,
 * callers wait in arrival order (a live utterance buffers its audio meanwhile
 * and catches up: decoding runs several times faster than speech).
 *
 * A speaker gets back the decoder that last decoded them when it is free: a
 * live decode normalizes with the channel mean learned from the decoder's
 * previous audio, and another voice's mean (or a fresh decoder's default)
 * cost 10 to 30 points of word error on the first utterance when measured.
 * Otherwise the decoder idle the longest, which keeps the recently used ones
 * for the speakers who just spoke.
 */
export class DecoderPool {
  /** Oldest release first. */
  private readonly idle: Decoder[];
  private readonly lastSpeaker = new Map<Decoder, string | undefined>();
  private readonly waiters: Waiter[] = [];
  private isClosed = false;

  constructor(private readonly decoders: Decoder[]) {
    this.idle = [...decoders];
  }

  get size(): number {
    return this.decoders.length;
  }

  /** A free decoder now, or null (for work that may be dropped under load). */
  tryAcquire(speaker?: string): Decoder | null {
    if (this.isClosed) throw new EngineUnavailableError('The pocketsphinx engine is closed.');
    const own =
      speaker === undefined ? -1 : this.idle.findIndex((decoder) => this.lastSpeaker.get(decoder) === speaker);
    const [decoder] = this.idle.splice(Math.max(own, 0), 1);
    if (!decoder) return null;
    this.lastSpeaker.set(decoder, speaker);
    return decoder;
  }

  acquire(options: { speaker?: string; signal?: AbortSignal } = {}): Promise<Decoder> {
    const { speaker, signal } = options;
    const decoder = this.tryAcquire(speaker);
    if (decoder) return Promise.resolve(decoder);
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        speaker,
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Gives a decoder back (its utterance ended) to the longest waiter, or to the idle set. */
  release(decoder: Decoder): void {
    if (this.isClosed) return;
    const waiter = this.waiters.shift();
    if (!waiter) {
      this.idle.push(decoder);
      return;
    }
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    this.lastSpeaker.set(decoder, waiter.speaker);
    waiter.resolve(decoder);
  }

  /** Fails the waiters and frees every decoder once its queued calls are done. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const waiter of this.waiters.splice(0)) {
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(new EngineUnavailableError('The pocketsphinx engine is closed.'));
    }
    this.idle.length = 0;
    await Promise.all(this.decoders.map((decoder) => decoder.dispose()));
  }
}
