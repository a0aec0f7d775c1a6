import { EngineUnavailableError } from '../speech-engine';
import type { NativePointer, PocketsphinxLibrary } from './pocketsphinx-library';
import type { PocketsphinxSettings } from './pocketsphinx-settings';

export type DecodeResult = { text: string; confidence: number };

/**
 * Longest audio handed to one ps_process_raw call while live. 5prealpha
 * misbehaves on long live calls: after a whole-clip decode on the same
 * decoder, a 7 s live call searched only 498 of its 710 frames. Up to a
 * second per call decodes every frame; 256 ms leaves a wide margin.
 */
const MAX_LIVE_CALL_SAMPLES = 4096;

/** The decoder's defaults, as its own -bestpath search uses them: -bestpathlw 9.5 over -lw 6.5, 1 / -ascale 20. */
const BESTPATH_LW_RATIO = 9.5 / 6.5;
const ACOUSTIC_SCALE = 1 / 20;
/** pocketsphinx's name for the search built from -lm. */
const DEFAULT_SEARCH = '_default';
/** Silence, sentence marks and noise words (`<sil>`, `<s>`, `[NOISE]`) are not words of the text. */
const FILLER = /^(<.*>|\[.*\])$/;

/**
 * One pocketsphinx decoder: its own copy of the model, one utterance at a
 * time. Every native call on it goes through `serial`, so two calls never
 * overlap even when callers interleave (a decoder is not thread-safe, and its
 * slow calls run on koffi's worker threads).
 */
export class Decoder {
  private queue: Promise<unknown> = Promise.resolve();
  private isFreed = false;

  private constructor(
    private readonly lib: PocketsphinxLibrary,
    private readonly handle: NativePointer,
  ) {}

  /** Loads the model (hundreds of milliseconds, off the event loop). */
  static async create(lib: PocketsphinxLibrary, settings: PocketsphinxSettings): Promise<Decoder> {
    // -fwdflat no and -bestpath no: the first pass's result is final, so the text comes
    // right after the end of speech (the later passes cost latency for little accuracy here).
    const config = lib.parseConfig([
      ...['-hmm', settings.acousticModelDir, '-lm', settings.languageModelFile, '-dict', settings.dictionaryFile],
      ...['-fwdflat', 'no', '-bestpath', 'no'],
    ]);
    if (!config) throw new EngineUnavailableError('pocketsphinx rejected its configuration.');
    try {
      const handle = await lib.initAsync(config);
      if (!handle) {
        throw new EngineUnavailableError(
          `pocketsphinx could not load the model in ${settings.modelDir} (AI_POCKETSPHINX_MODEL_DIR): its files are there but unreadable or damaged; reinstall the Debian package pocketsphinx-en-us or point AI_POCKETSPHINX_MODEL_DIR at a working model.`,
        );
      }
      return new Decoder(lib, handle);
    } finally {
      // The decoder keeps its own reference to the config.
      lib.freeConfig(config);
    }
  }

  begin(): Promise<void> {
    return this.serial(async () => {
      this.check(this.lib.startUtterance(this.handle), 'start an utterance');
    });
  }

  /** Decodes more of the current utterance. */
  feed(pcm: Int16Array): Promise<void> {
    return this.serial(async () => {
      for (let at = 0; at < pcm.length; at += MAX_LIVE_CALL_SAMPLES) {
        const part = pcm.subarray(at, at + MAX_LIVE_CALL_SAMPLES);
        this.check(await this.lib.processRawAsync(this.handle, part, false), 'decode audio');
      }
    });
  }

  /** The best text so far in the current utterance ('' when nothing was recognized yet). */
  partial(): Promise<string> {
    return this.serial(async () => this.lib.hypothesis(this.handle) ?? '');
  }

  /** Ends the current utterance: its final text and confidence. */
  end(): Promise<DecodeResult> {
    return this.serial(async () => {
      this.check(await this.lib.endUtteranceAsync(this.handle), 'end an utterance');
      return this.result();
    });
  }

  /** Ends the current utterance and drops its result. */
  cancel(): Promise<void> {
    return this.serial(async () => {
      await this.lib.endUtteranceAsync(this.handle);
    });
  }

  /**
   * A whole clip in one call: cepstral mean normalization then runs over the
   * whole clip (the model's `-cmn batch`) instead of the running estimate a
   * live utterance uses.
   */
  decodeWhole(pcm: Int16Array): Promise<DecodeResult> {
    return this.serial(async () => {
      this.check(this.lib.startUtterance(this.handle), 'start an utterance');
      this.check(await this.lib.processRawAsync(this.handle, pcm, true), 'decode audio');
      this.check(await this.lib.endUtteranceAsync(this.handle), 'end an utterance');
      return this.result();
    });
  }

  /** Frees the native decoder once the calls already queued on it are done. */
  dispose(): Promise<void> {
    const run = this.queue.then(() => {
      if (this.isFreed) return;
      this.isFreed = true;
      this.lib.free(this.handle);
    });
    this.queue = run;
    return run;
  }

  private async result(): Promise<DecodeResult> {
    const text = (this.lib.hypothesis(this.handle) ?? '').trim();
    return { text, confidence: text ? await this.confidence() : 0 };
  }

  /**
   * Mean posterior probability of the words on the lattice's best path
   * (forward-backward over the word lattice of the utterance just ended, as
   * -bestpath yes would compute it). The text itself stays the first pass's;
   * the two paths differ in a word now and then.
   */
  private async confidence(): Promise<number> {
    const lattice = this.lib.lattice(this.handle);
    const lm = this.lib.languageModel(this.handle, DEFAULT_SEARCH);
    if (!lattice || !lm) return 0;
    const last = await this.lib.bestPathAsync(lattice, lm, BESTPATH_LW_RATIO, ACOUSTIC_SCALE);
    if (!last) return 0;
    await this.lib.posteriorAsync(lattice, lm, ACOUSTIC_SCALE);
    const words = this.lib.pathWords(lattice, last, BESTPATH_LW_RATIO).filter(({ word }) => !FILLER.test(word));
    if (words.length === 0) return 0;
    // Rounding in the log domain puts some posteriors a hair above 1.
    const sum = words.reduce(
      (total, { logPosterior }) => total + Math.min(1, this.lib.exp(this.handle, logPosterior)),
      0,
    );
    return sum / words.length;
  }

  private check(status: number, what: string): void {
    if (status < 0) throw new Error(`pocketsphinx failed to ${what} (status ${status}).`);
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.isFreed) throw new EngineUnavailableError('The pocketsphinx decoder was closed.');
      return operation();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
