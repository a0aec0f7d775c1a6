import { EngineUnavailableError } from '../speech-engine';
import type { Decoder } from './Decoder';

type Waiter = {
  resolve: (decoder: Decoder) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort: () => void;
};

/**
 * The engine's decoders, lent one utterance at a time. When all are busy,
 * callers wait in arrival order (a live utterance buffers its audio meanwhile
 * and catches up: decoding runs several times faster than speech).
 */
export class DecoderPool {
  private readonly idle: Decoder[];
  private readonly waiters: Waiter[] = [];
  private isClosed = false;

  constructor(private readonly decoders: Decoder[]) {
    this.idle = [...decoders];
  }

  get size(): number {
    return this.decoders.length;
  }

  /** A free decoder now, or null (for work that may be dropped under load). */
  tryAcquire(): Decoder | null {
    if (this.isClosed) throw new EngineUnavailableError('The pocketsphinx engine is closed.');
    return this.idle.pop() ?? null;
  }

  acquire(signal?: AbortSignal): Promise<Decoder> {
    const decoder = this.tryAcquire();
    if (decoder) return Promise.resolve(decoder);
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
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
