import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type AsrEngineName, type LanguageChoice, describeIssues } from '@meetai/shared';
import { type LiveUtterance, type SpeechEngine, type Transcription } from '../asr/speech-engine';
import { type SileroVad, VAD_SAMPLE_RATE, type VadEvent } from '../vad/silero-vad';

/**
 * One audio tap's speech, as caption events (the shape of livekit/agents'
 * StreamAdapter): 16 kHz mono frames in, a voice activity detector in front,
 * and per utterance a live engine utterance that gets the audio while the
 * person speaks (from the detector's pre-speech pad on), interims on the way
 * and one final when the detector hears the speech end. An utterance that
 * runs past `maxUtteranceMs` is cut: its final goes out, and the speech goes
 * on in a new utterance. Times are milliseconds of audio since the stream's
 * first sample; the owner maps them to the wall clock.
 *
 * Every utterance that starts gets exactly one `speechEnded` and then exactly
 * one `final` or `finalFailed` (unless `close()` aborts it first), so an
 * owner can count finals in flight.
 */

export type SpeechStreamSettings = {
  /** Ask for an interim after this much new audio in the utterance. */
  interimEveryMs: number;
  /** Cut an utterance (final, then a new one) when it gets this long. */
  maxUtteranceMs: number;
};

export const DEFAULT_SPEECH_STREAM_SETTINGS: SpeechStreamSettings = { interimEveryMs: 600, maxUtteranceMs: 15_000 };

const SpeechStreamEnvSchema = z.object({
  AI_CAPTIONS_INTERIM_MS: z.coerce.number().int().min(100).max(10_000).default(600),
  AI_CAPTIONS_MAX_UTTERANCE_MS: z.coerce.number().int().min(1000).max(60_000).default(15_000),
});

/** AI_CAPTIONS_INTERIM_MS and AI_CAPTIONS_MAX_UTTERANCE_MS (empty counts as unset). */
export function loadSpeechStreamSettings(env: Record<string, string | undefined>): SpeechStreamSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = SpeechStreamEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  return {
    interimEveryMs: parsed.data.AI_CAPTIONS_INTERIM_MS,
    maxUtteranceMs: parsed.data.AI_CAPTIONS_MAX_UTTERANCE_MS,
  };
}

/** Why an utterance ended: the speaker stopped, it ran too long, or the input ended. */
export type UtteranceEndReason = 'silence' | 'max-length' | 'end-of-input';

export type TranscriptEvent = {
  utteranceId: string;
  text: string;
  confidence: number;
  language: string;
  engine: AsrEngineName;
  model: string;
  /** First voiced audio of the utterance (after a cut: where the cut was). */
  startMs: number;
  /** End of the last voiced audio heard so far. */
  endMs: number;
};

export type SpeechStreamEvent =
  | { type: 'speechStarted'; utteranceId: string; atMs: number; isContinuation: boolean }
  | ({ type: 'interim' } & TranscriptEvent)
  | { type: 'speechEnded'; utteranceId: string; atMs: number; reason: UtteranceEndReason }
  /**
   * `sinceSpeechEndMs`: wall-clock time from `speechEnded` to this final. `audio`: the utterance's 16 kHz
   * audio as the engine got it (pre-speech pad included), only when the stream was made with `keepAudio`.
   */
  | ({ type: 'final'; reason: UtteranceEndReason; sinceSpeechEndMs: number; audio?: Float32Array } & TranscriptEvent)
  | { type: 'finalFailed'; utteranceId: string; error: Error };

export type SpeechStreamStats = {
  utterances: number;
  misfires: number;
  interims: number;
  /** Interims asked for that brought nothing: busy engine, empty text, or an error. */
  interimsSkipped: number;
  finals: number;
  finalsFailed: number;
  /** Speech the engine would not take (`openUtterance` threw: restarting or unavailable). */
  refused: number;
};

export type SpeechStreamOptions = {
  engine: SpeechEngine;
  language: LanguageChoice;
  /** Who speaks on this stream (the producer id), for engines that adapt to a speaker. */
  speaker?: string;
  /** This stream's own detector (`SileroVad.create()`); the stream closes it. */
  vad: SileroVad;
  settings?: SpeechStreamSettings;
  newUtteranceId?: () => string;
  /** Milliseconds, for `sinceSpeechEndMs`. */
  now?: () => number;
  /** Keep each utterance's audio and hand it over with its final (for analysis of the voice). */
  keepAudio?: boolean;
};

type FrameEvent = Extract<VadEvent, { type: 'frame' }>;

type OpenUtterance = {
  id: string;
  live: LiveUtterance;
  startSample: number;
  lastVoicedEnd: number;
  pushedSamples: number;
  samplesSinceInterim: number;
  isEnded: boolean;
  /** The frames given to the engine, when the stream keeps audio. */
  frames: Float32Array[] | null;
};

type State =
  | { kind: 'silence'; pad: FrameEvent[] }
  /** Speech started but is not yet confirmed: frames wait here (with the pad) until it is, or is a misfire. */
  | { kind: 'candidate'; frames: FrameEvent[] }
  | { kind: 'speaking'; utterance: OpenUtterance }
  /** The engine refused the utterance: its audio is let go until the speech ends. */
  | { kind: 'refused' };

const samplesToMs = (samples: number) => Math.round((samples * 1000) / VAD_SAMPLE_RATE);

export class SpeechStream implements AsyncIterable<SpeechStreamEvent> {
  readonly stats: SpeechStreamStats = {
    utterances: 0,
    misfires: 0,
    interims: 0,
    interimsSkipped: 0,
    finals: 0,
    finalsFailed: 0,
    refused: 0,
  };
  private readonly engine: SpeechEngine;
  private readonly language: LanguageChoice;
  private readonly speaker: string | undefined;
  private readonly vad: SileroVad;
  private readonly settings: SpeechStreamSettings;
  private readonly newUtteranceId: () => string;
  private readonly now: () => number;
  private readonly keepAudio: boolean;
  private state: State = { kind: 'silence', pad: [] };
  private isInterimInFlight = false;
  private readonly pendingFinals = new Set<Promise<void>>();
  /** Detector work, one call after another, in the order frames were pushed. */
  private work: Promise<void> = Promise.resolve();
  private isInputEnded = false;
  private isClosed = false;
  private failure: Error | null = null;
  private readonly queued: SpeechStreamEvent[] = [];
  private readonly waiting: Array<{
    resolve: (result: IteratorResult<SpeechStreamEvent>) => void;
    reject: (err: Error) => void;
  }> = [];
  private isDone = false;

  constructor(options: SpeechStreamOptions) {
    this.engine = options.engine;
    this.language = options.language;
    this.speaker = options.speaker;
    this.vad = options.vad;
    this.settings = options.settings ?? DEFAULT_SPEECH_STREAM_SETTINGS;
    this.newUtteranceId = options.newUtteranceId ?? randomUUID;
    this.now = options.now ?? (() => performance.now());
    this.keepAudio = options.keepAudio ?? false;
  }

  /** 16 kHz mono float audio, any length, in order. Returns at once; the detector runs behind. */
  pushFrame(pcm: Float32Array): void {
    if (this.isInputEnded || this.isClosed) return;
    this.enqueue(() => this.vad.process(pcm));
  }

  /** Ends the input: speech in progress is finished as if silence followed; resolves once every final is out. */
  async endInput(): Promise<void> {
    if (this.isInputEnded || this.isClosed) return;
    this.isInputEnded = true;
    this.enqueue(() => this.vad.flush(), 'end-of-input');
    await this.work;
    while (this.pendingFinals.size > 0) await Promise.all([...this.pendingFinals]);
    await this.vad.close();
    this.finishEvents();
  }

  /** Stops at once: the utterance in progress is aborted (no final), pending results are dropped. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.state.kind === 'speaking') {
      this.state.utterance.isEnded = true;
      this.state.utterance.live.abort();
    }
    this.state = { kind: 'silence', pad: [] };
    this.finishEvents();
    await this.work;
    if (!this.isInputEnded) await this.vad.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<SpeechStreamEvent> {
    return {
      next: () => {
        const event = this.queued.shift();
        if (event) return Promise.resolve({ value: event, done: false });
        if (this.failure) return Promise.reject(this.failure);
        if (this.isDone) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
      },
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }

  private enqueue(detect: () => Promise<VadEvent[]>, endReason: UtteranceEndReason = 'silence'): void {
    this.work = this.work
      .then(async () => {
        const events = await detect();
        if (!this.isClosed) for (const event of events) this.onVadEvent(event, endReason);
      })
      .catch((err: unknown) => this.fail(err instanceof Error ? err : new Error(String(err))));
  }

  private onVadEvent(event: VadEvent, endReason: UtteranceEndReason): void {
    const state = this.state;
    switch (event.type) {
      case 'frame':
        if (state.kind === 'silence') {
          state.pad.push(event);
          // The detector's pad plus the frame that may start speech.
          if (state.pad.length > this.vad.settings.preSpeechPadFrames + 1) state.pad.shift();
        } else if (state.kind === 'candidate') state.frames.push(event);
        else if (state.kind === 'speaking') this.onSpeechFrame(state.utterance, event);
        return;
      case 'speechStart':
        if (state.kind === 'silence') this.state = { kind: 'candidate', frames: state.pad };
        return;
      case 'speechConfirmed':
        if (state.kind === 'candidate') this.open(event.startSample, state.frames, false);
        return;
      case 'misfire':
        if (state.kind === 'candidate') this.stats.misfires++;
        this.state = { kind: 'silence', pad: [] };
        return;
      case 'speechEnd':
        if (state.kind === 'speaking') this.end(state.utterance, endReason);
        this.state = { kind: 'silence', pad: [] };
        return;
    }
  }

  private open(startSample: number, frames: FrameEvent[], isContinuation: boolean): void {
    const id = this.newUtteranceId();
    let live: LiveUtterance;
    try {
      live = this.engine.openUtterance({ language: this.language, speaker: this.speaker });
    } catch {
      // Restarting or unavailable: this speech goes without a caption. The owner learns why from the
      // engine's status, not from here, so no event: every event's utterance has its final or finalFailed.
      this.state = { kind: 'refused' };
      this.stats.refused++;
      return;
    }
    const utterance: OpenUtterance = {
      id,
      live,
      startSample,
      lastVoicedEnd: startSample,
      pushedSamples: 0,
      samplesSinceInterim: 0,
      isEnded: false,
      frames: this.keepAudio ? [] : null,
    };
    this.stats.utterances++;
    this.state = { kind: 'speaking', utterance };
    this.emit({ type: 'speechStarted', utteranceId: id, atMs: samplesToMs(startSample), isContinuation });
    for (const frame of frames) this.pushAudio(utterance, frame);
    this.maybeAskInterim(utterance);
  }

  private onSpeechFrame(utterance: OpenUtterance, frame: FrameEvent): void {
    this.pushAudio(utterance, frame);
    if (utterance.pushedSamples * 1000 >= this.settings.maxUtteranceMs * VAD_SAMPLE_RATE) {
      this.end(utterance, 'max-length');
      this.open(frame.startSample + frame.frame.length, [], true);
      return;
    }
    this.maybeAskInterim(utterance);
  }

  private pushAudio(utterance: OpenUtterance, frame: FrameEvent): void {
    utterance.live.push(frame.frame);
    utterance.frames?.push(frame.frame);
    utterance.pushedSamples += frame.frame.length;
    utterance.samplesSinceInterim += frame.frame.length;
    if (frame.isSpeech) utterance.lastVoicedEnd = frame.startSample + frame.frame.length;
  }

  /** At most one interim in flight per stream; one the engine is too busy for is simply skipped. */
  private maybeAskInterim(utterance: OpenUtterance): void {
    if (this.isInterimInFlight) return;
    if (utterance.samplesSinceInterim * 1000 < this.settings.interimEveryMs * VAD_SAMPLE_RATE) return;
    utterance.samplesSinceInterim = 0;
    this.isInterimInFlight = true;
    const endSample = utterance.lastVoicedEnd;
    utterance.live
      .interim()
      .then(
        (result) => {
          // An interim that comes back after its final would put old text over the final: dropped.
          if (utterance.isEnded || this.isClosed) return;
          if (!result || result.text.trim() === '') {
            this.stats.interimsSkipped++;
            return;
          }
          this.stats.interims++;
          this.emit({ type: 'interim', ...this.transcript(utterance, result, endSample) });
        },
        () => {
          // EngineBusyError means "not now"; any other failure shows where it matters, in the final.
          this.stats.interimsSkipped++;
        },
      )
      .finally(() => {
        this.isInterimInFlight = false;
      });
  }

  private end(utterance: OpenUtterance, reason: UtteranceEndReason): void {
    utterance.isEnded = true;
    const endSample = utterance.lastVoicedEnd;
    this.emit({ type: 'speechEnded', utteranceId: utterance.id, atMs: samplesToMs(endSample), reason });
    const askedAt = this.now();
    const pending = utterance.live.finish().then(
      (result) => {
        if (this.isClosed) return;
        this.stats.finals++;
        const sinceSpeechEndMs = Math.round(this.now() - askedAt);
        const audio = utterance.frames ? concat(utterance.frames) : undefined;
        this.emit({
          type: 'final',
          reason,
          sinceSpeechEndMs,
          ...this.transcript(utterance, result, endSample),
          ...(audio ? { audio } : {}),
        });
      },
      (err: unknown) => {
        if (this.isClosed) return;
        this.stats.finalsFailed++;
        const error = err instanceof Error ? err : new Error(String(err));
        this.emit({ type: 'finalFailed', utteranceId: utterance.id, error });
      },
    );
    this.pendingFinals.add(pending);
    void pending.finally(() => this.pendingFinals.delete(pending));
  }

  private transcript(utterance: OpenUtterance, result: Transcription, endSample: number): TranscriptEvent {
    return {
      utteranceId: utterance.id,
      text: result.text,
      confidence: result.confidence,
      language: result.language,
      engine: result.engine,
      model: result.model,
      startMs: samplesToMs(utterance.startSample),
      endMs: samplesToMs(endSample),
    };
  }

  private emit(event: SpeechStreamEvent): void {
    if (this.isDone) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value: event, done: false });
    else this.queued.push(event);
  }

  private finishEvents(): void {
    this.isDone = true;
    for (const waiter of this.waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
  }

  /** The detector failed: open work is aborted and the iterator throws. */
  private fail(error: Error): void {
    if (this.isClosed) return;
    this.failure = error;
    if (this.state.kind === 'speaking') {
      this.state.utterance.isEnded = true;
      this.state.utterance.live.abort();
    }
    this.isClosed = true;
    this.isDone = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    void this.vad.close().catch(() => undefined);
  }
}

function concat(frames: Float32Array[]): Float32Array {
  const out = new Float32Array(frames.reduce((sum, frame) => sum + frame.length, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(frame, at);
    at += frame.length;
  }
  return out;
}
