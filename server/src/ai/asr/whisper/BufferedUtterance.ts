import { EngineBusyError, type LiveUtterance, type Transcription } from '../speech-engine';
import type { DecodePriority } from './DecodeQueue';

/** Decodes the utterance's audio so far; `signal` is aborted when the utterance is. */
export type UtteranceDecoder = (
  pcm: Float32Array,
  priority: DecodePriority,
  signal: AbortSignal,
) => Promise<Transcription>;

const INITIAL_CAPACITY = 16_000 * 4;

/**
 * A live utterance for an engine that decodes whole clips (Whisper): pushed
 * audio is kept, `interim()` decodes everything heard so far at interim
 * priority, `finish()` decodes all of it at final priority. Audio already
 * handed to a decode is never overwritten, so a decode waiting in the queue
 * reads the samples it was given even while more arrive.
 */
export class BufferedUtterance implements LiveUtterance {
  private buffer = new Float32Array(INITIAL_CAPACITY);
  private length = 0;
  private isEnded = false;
  /** Aborted by `finish()` as well as `abort()`: an interim still waiting then is of no use. */
  private readonly interimAborter = new AbortController();
  private readonly finalAborter = new AbortController();

  constructor(
    private readonly decode: UtteranceDecoder,
    /** What `finish()` answers for an utterance with no audio at all, without bothering the engine. */
    private readonly silence: Transcription,
  ) {}

  push(pcm: Float32Array): void {
    if (this.isEnded) return;
    if (this.length + pcm.length > this.buffer.length) {
      const grown = new Float32Array(Math.max(this.buffer.length * 2, this.length + pcm.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(pcm, this.length);
    this.length += pcm.length;
  }

  async interim(): Promise<Transcription | null> {
    if (this.isEnded || this.length === 0) return null;
    try {
      return await this.decode(this.heard(), 'interim', this.interimAborter.signal);
    } catch (err) {
      // Dropped under load, or the utterance ended meanwhile: no interim, which callers expect.
      if (err instanceof EngineBusyError || this.interimAborter.signal.aborted) return null;
      throw err;
    }
  }

  finish(): Promise<Transcription> {
    if (this.isEnded) return Promise.reject(new Error('This utterance has already ended.'));
    this.isEnded = true;
    this.interimAborter.abort(new Error('The utterance ended.'));
    if (this.length === 0) return Promise.resolve(this.silence);
    return this.decode(this.heard(), 'final', this.finalAborter.signal);
  }

  /** Ends the utterance without a result; its queued decodes leave the queue. */
  abort(): void {
    this.isEnded = true;
    const reason = new Error('The utterance was aborted.');
    this.interimAborter.abort(reason);
    this.finalAborter.abort(reason);
  }

  private heard(): Float32Array {
    return this.buffer.subarray(0, this.length);
  }
}
