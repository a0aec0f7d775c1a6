import { float32ToInt16 } from '../../audio/pcm';
import type { LiveUtterance, Transcription } from '../speech-engine';
import type { Decoder, DecodeResult } from './Decoder';
import type { DecoderPool } from './decoder-pool';

/**
 * One live utterance on a decoder borrowed from the pool for its whole
 * length. Audio is decoded as it arrives: pushes that land while the decoder
 * is busy are batched into its next call, and audio that arrives before a
 * decoder is free (every one busy with other speakers) waits here and is
 * decoded once one is. Pushes after `finish` or `abort` are ignored: frames
 * still in flight when the voice detector closed the utterance.
 */
export class PocketsphinxUtterance implements LiveUtterance {
  private decoder: Decoder | null = null;
  private pending: Int16Array[] = [];
  private isFeedQueued = false;
  /** The feeds so far, in order; settles when all audio pushed until then is decoded. */
  private feeding: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private state: 'open' | 'ended' = 'open';
  private isAborted = false;
  private readonly waitForDecoder = new AbortController();
  private readonly ready: Promise<Decoder>;

  constructor(
    private readonly pool: DecoderPool,
    speaker: string | undefined,
    private readonly describe: (result: DecodeResult) => Transcription,
  ) {
    this.ready = pool.acquire({ speaker, signal: this.waitForDecoder.signal }).then(async (decoder) => {
      if (this.isAborted) {
        // Aborted while the decoder was being handed over.
        pool.release(decoder);
        throw new Error('The utterance was aborted.');
      }
      this.decoder = decoder;
      await decoder.begin();
      this.flush();
      return decoder;
    });
    // finish() reports a failure to get a decoder; until then it must not count as unhandled.
    this.ready.catch(() => undefined);
  }

  push(pcm: Float32Array): void {
    if (this.state !== 'open' || pcm.length === 0) return;
    this.pending.push(float32ToInt16(pcm));
    this.flush();
  }

  async interim(): Promise<Transcription | null> {
    const decoder = this.decoder;
    if (this.state !== 'open' || !decoder) return null;
    this.flush();
    await this.feeding;
    if (this.failure || this.state !== 'open') return null;
    const text = (await decoder.partial()).trim();
    return text ? this.describe({ text, confidence: 0 }) : null;
  }

  async finish(): Promise<Transcription> {
    if (this.state !== 'open') throw new Error('This utterance has already ended.');
    this.state = 'ended';
    const decoder = await this.ready;
    this.flush(true);
    await this.feeding;
    try {
      if (this.failure) throw this.failure;
      return this.describe(await decoder.end());
    } catch (error) {
      await decoder.cancel().catch(() => undefined);
      throw error;
    } finally {
      this.pool.release(decoder);
    }
  }

  abort(): void {
    if (this.state !== 'open') return;
    this.state = 'ended';
    this.isAborted = true;
    this.pending = [];
    const decoder = this.decoder;
    if (!decoder) {
      this.waitForDecoder.abort();
      return;
    }
    void this.feeding
      .then(() => decoder.cancel())
      .catch(() => undefined)
      .finally(() => this.pool.release(decoder));
  }

  /** Queues one decoder call for everything pending, unless one is already queued (it will take it all). */
  private flush(isFinal = false): void {
    const decoder = this.decoder;
    if (!decoder || this.isFeedQueued || (this.state !== 'open' && !isFinal)) return;
    this.isFeedQueued = true;
    this.feeding = this.feeding.then(async () => {
      this.isFeedQueued = false;
      const audio = concat(this.pending.splice(0));
      if (audio.length === 0 || this.failure) return;
      await decoder.feed(audio).catch((error: unknown) => {
        this.failure = error;
      });
    });
  }
}

function concat(parts: Int16Array[]): Int16Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
