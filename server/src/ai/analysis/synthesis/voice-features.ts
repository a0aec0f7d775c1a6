import { Fft } from './fft';

/**
 * Acoustic measurements of one utterance (16 kHz mono), the inputs of the
 * synthetic-voice indicator and of the voice's arousal in the emotion
 * estimate. Praat-style definitions, computed here in TypeScript:
 *
 * - pitch: normalised autocorrelation on 40 ms frames every 10 ms (60–500 Hz),
 *   the lowest lag within 10% of the best peak (fewer octave errors),
 *   parabolic interpolation; a frame is voiced when its peak is ≥ 0.5 and it
 *   is within 30 dB of the utterance's loudest frame;
 * - jitter and shimmer ("local"): along each voiced run, waveform peaks are
 *   followed one pitch period at a time; jitter is the mean absolute
 *   difference of consecutive periods over the mean period, shimmer the same
 *   for the peaks' amplitudes;
 * - harmonics-to-noise ratio: 10·log10(r / (1 − r)) of each voiced frame's
 *   autocorrelation peak r, averaged;
 * - spectral flatness: geometric over arithmetic mean of the power spectrum
 *   between 100 Hz and 4 kHz (a band Opus keeps) of voiced frames;
 * - pitch-contour movement: mean |Δ| (step) and |Δ²| (roughness) of the pitch
 *   in semitones between consecutive voiced frames; a synthesizer's contour is
 *   drawn from a few targets and is smoother than a larynx's;
 * - energy: mean level (dBFS) of voiced frames and the mean |Δ| of the level.
 */
export type VoiceFeatures = {
  durationMs: number;
  voicedMs: number;
  /** Share of frames that are voiced, 0..1. */
  voicedFraction: number;
  f0MeanHz: number;
  /** Spread of the pitch, in semitones (standard deviation). */
  f0StdSemitones: number;
  /** Local jitter, as a fraction of the period (human speech: typically 0.005–0.02). */
  jitter: number;
  /** Local shimmer, as a fraction of the amplitude. */
  shimmer: number;
  hnrDb: number;
  spectralFlatness: number;
  /** Mean |pitch step| between consecutive voiced frames, semitones per 10 ms. */
  pitchStep: number;
  /** Mean |second difference| of the pitch, semitones: how far the contour is from a smooth line. */
  pitchRoughness: number;
  levelDb: number;
  /** Mean |level step| between consecutive voiced frames, dB per 10 ms. */
  levelStep: number;
};

export const FEATURE_SAMPLE_RATE = 16_000;
const HOP = 160;
const WINDOW = 640;
const MIN_LAG = Math.floor(FEATURE_SAMPLE_RATE / 500);
const MAX_LAG = Math.ceil(FEATURE_SAMPLE_RATE / 60);
const CORRELATION_LENGTH = WINDOW - MAX_LAG;
const VOICING_THRESHOLD = 0.5;
const DYNAMIC_RANGE_DB = 30;
const SILENCE_RMS = 1e-4;
const FFT_SIZE = 512;
const FLATNESS_LOW_HZ = 100;
const FLATNESS_HIGH_HZ = 4000;
/** Voiced runs shorter than this (frames) carry no contour or cycle measures. */
const MIN_RUN_FRAMES = 3;
const YIELD_FRAMES = 50;

type Frame = { rms: number; r: number; f0: number; isVoiced: boolean };

const fft = new Fft(FFT_SIZE);
const hann = Float64Array.from({ length: FFT_SIZE }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FFT_SIZE));

/** Null when the audio has too little voiced speech (under 100 ms) to measure. */
export function extractVoiceFeatures(pcm: Float32Array): VoiceFeatures | null {
  const frames: Frame[] = [];
  for (let start = 0; start + WINDOW <= pcm.length; start += HOP) frames.push(measureFrame(pcm, start));
  return featuresOf(pcm, frames);
}

/**
 * The same, giving the event loop back every YIELD_FRAMES frames (half a second of audio): the live path
 * runs it beside RTP, signaling and the speech engine, and a 15 s utterance is ~150 ms of pitch search.
 */
export async function extractVoiceFeaturesAsync(pcm: Float32Array): Promise<VoiceFeatures | null> {
  const frames: Frame[] = [];
  for (let start = 0; start + WINDOW <= pcm.length; start += HOP) {
    frames.push(measureFrame(pcm, start));
    if (frames.length % YIELD_FRAMES === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return featuresOf(pcm, frames);
}

function featuresOf(pcm: Float32Array, frames: Frame[]): VoiceFeatures | null {
  markVoiced(frames);
  const voiced = frames.filter((frame) => frame.isVoiced);
  if (voiced.length < 10) return null;
  const runs = voicedRuns(frames);
  const cycles = measureCycles(pcm, frames, runs);
  const semitones = frames.map((frame) => (frame.isVoiced ? 12 * Math.log2(frame.f0 / 100) : NaN));
  const contour = contourMovement(semitones, runs);
  const levels = frames.map((frame) => 20 * Math.log10(Math.max(frame.rms, 1e-9)));
  const levelSteps: number[] = [];
  for (const [start, end] of runs)
    for (let i = start + 1; i < end; i++) levelSteps.push(Math.abs(levels[i]! - levels[i - 1]!));
  const voicedSemitones = semitones.filter((value) => !Number.isNaN(value));
  return {
    durationMs: Math.round((pcm.length / FEATURE_SAMPLE_RATE) * 1000),
    voicedMs: voiced.length * 10,
    voicedFraction: voiced.length / frames.length,
    f0MeanHz: mean(voiced.map((frame) => frame.f0)),
    f0StdSemitones: std(voicedSemitones),
    jitter: cycles.jitter,
    shimmer: cycles.shimmer,
    hnrDb: mean(voiced.map((frame) => 10 * Math.log10(Math.min(frame.r, 0.999) / (1 - Math.min(frame.r, 0.999))))),
    spectralFlatness: spectralFlatness(pcm, frames),
    pitchStep: contour.step,
    pitchRoughness: contour.roughness,
    levelDb: mean(levels.filter((_, i) => frames[i]!.isVoiced)),
    levelStep: levelSteps.length ? mean(levelSteps) : 0,
  };
}

function measureFrame(pcm: Float32Array, start: number): Frame {
  let energy = 0;
  for (let i = start; i < start + WINDOW; i++) energy += pcm[i]! * pcm[i]!;
  const rms = Math.sqrt(energy / WINDOW);
  return { rms, ...(rms < SILENCE_RMS ? { r: 0, f0: 0 } : pitchOf(pcm, start)), isVoiced: false };
}

/** Voiced: periodic enough, and within DYNAMIC_RANGE_DB of the utterance's loudest frame. */
function markVoiced(frames: Frame[]): void {
  const loudest = frames.reduce((max, frame) => Math.max(max, frame.rms), 0);
  const floor = loudest * 10 ** (-DYNAMIC_RANGE_DB / 20);
  for (const frame of frames)
    frame.isVoiced = frame.r >= VOICING_THRESHOLD && frame.rms >= Math.max(floor, SILENCE_RMS);
}

/** Normalised autocorrelation peak of the frame at `start`: its height r and the pitch it gives. */
function pitchOf(pcm: Float32Array, start: number): { r: number; f0: number } {
  const scores = new Float64Array(MAX_LAG + 2);
  let e0 = 0;
  for (let i = 0; i < CORRELATION_LENGTH; i++) e0 += pcm[start + i]! * pcm[start + i]!;
  let eLag = 0;
  for (let i = MIN_LAG - 1; i < MIN_LAG - 1 + CORRELATION_LENGTH; i++) eLag += pcm[start + i]! * pcm[start + i]!;
  for (let lag = MIN_LAG - 1; lag <= MAX_LAG + 1; lag++) {
    if (lag > MIN_LAG - 1) {
      const out = pcm[start + lag - 1]!;
      const inn = pcm[start + lag - 1 + CORRELATION_LENGTH]!;
      eLag += inn * inn - out * out;
    }
    let dot = 0;
    for (let i = 0; i < CORRELATION_LENGTH; i++) dot += pcm[start + i]! * pcm[start + lag + i]!;
    scores[lag] = dot / Math.sqrt(Math.max(e0 * eLag, 1e-20));
  }
  let best = 0;
  for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) best = Math.max(best, scores[lag]!);
  if (best <= 0) return { r: 0, f0: 0 };
  for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
    const s = scores[lag]!;
    if (s >= 0.9 * best && s >= scores[lag - 1]! && s >= scores[lag + 1]!) {
      const a = scores[lag - 1]!;
      const c = scores[lag + 1]!;
      const denominator = a - 2 * s + c;
      const shift = denominator < 0 ? (0.5 * (a - c)) / denominator : 0;
      return { r: s, f0: FEATURE_SAMPLE_RATE / (lag + shift) };
    }
  }
  return { r: 0, f0: 0 };
}

/** [start, end) frame indices of runs of voiced frames, at least MIN_RUN_FRAMES long. */
function voicedRuns(frames: Frame[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= frames.length; i++) {
    const isVoiced = i < frames.length && frames[i]!.isVoiced;
    if (isVoiced && start < 0) start = i;
    if (!isVoiced && start >= 0) {
      if (i - start >= MIN_RUN_FRAMES) runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/**
 * Cycle by cycle along each voiced run (waveform matching, as Praat's
 * cross-correlation method): from a cycle of length T at p, the next starts at
 * the lag in [0.8T, 1.2T] whose next T samples best match this cycle
 * (sub-sample by a parabola). Jitter compares consecutive lags, shimmer
 * consecutive cycles' RMS amplitudes.
 */
function measureCycles(pcm: Float32Array, frames: Frame[], runs: Array<[number, number]>) {
  const periodDiffs: number[] = [];
  const periods: number[] = [];
  const ampDiffs: number[] = [];
  const amps: number[] = [];
  for (const [startFrame, endFrame] of runs) {
    let position = startFrame * HOP + (WINDOW - HOP) / 2;
    const to = Math.min(pcm.length, (endFrame - 1) * HOP + (WINDOW + HOP) / 2);
    let previous: { period: number; amp: number } | null = null;
    while (true) {
      const index = Math.min(endFrame - 1, Math.max(startFrame, Math.round((position - (WINDOW - HOP) / 2) / HOP)));
      const expected = FEATURE_SAMPLE_RATE / frames[index]!.f0;
      const length = Math.round(expected);
      const low = Math.floor(0.8 * expected);
      const high = Math.ceil(1.2 * expected);
      if (position + high + length + 1 >= to) break;
      const match = bestMatch(pcm, position, length, low, high);
      if (match.score < VOICING_THRESHOLD) {
        previous = null;
      } else {
        let energy = 0;
        for (let i = position; i < position + length; i++) energy += pcm[i]! * pcm[i]!;
        const cycle = { period: match.lag, amp: Math.sqrt(energy / length) };
        if (previous) {
          periodDiffs.push(Math.abs(cycle.period - previous.period));
          ampDiffs.push(Math.abs(cycle.amp - previous.amp));
        }
        periods.push(cycle.period);
        amps.push(cycle.amp);
        previous = cycle;
      }
      position += Math.max(1, Math.round(match.lag));
    }
  }
  return {
    jitter: periodDiffs.length ? mean(periodDiffs) / mean(periods) : 0,
    shimmer: ampDiffs.length ? mean(ampDiffs) / mean(amps) : 0,
  };
}

/** The lag in [low, high] at which `length` samples from `at` repeat best (normalised correlation). */
function bestMatch(pcm: Float32Array, at: number, length: number, low: number, high: number) {
  const scores = new Float64Array(high - low + 3);
  let e0 = 0;
  for (let i = 0; i < length; i++) e0 += pcm[at + i]! * pcm[at + i]!;
  let best = -1;
  let bestLag = low;
  for (let lag = low - 1; lag <= high + 1; lag++) {
    let dot = 0;
    let e1 = 0;
    for (let i = 0; i < length; i++) {
      const b = pcm[at + lag + i]!;
      dot += pcm[at + i]! * b;
      e1 += b * b;
    }
    const score = dot / Math.sqrt(Math.max(e0 * e1, 1e-20));
    scores[lag - low + 1] = score;
    if (lag >= low && lag <= high && score > best) {
      best = score;
      bestLag = lag;
    }
  }
  const a = scores[bestLag - low]!;
  const c = scores[bestLag - low + 2]!;
  const denominator = a - 2 * best + c;
  const shift = denominator < 0 ? (0.5 * (a - c)) / denominator : 0;
  return { lag: bestLag + shift, score: best };
}

function contourMovement(semitones: number[], runs: Array<[number, number]>) {
  const steps: number[] = [];
  const bends: number[] = [];
  for (const [start, end] of runs) {
    for (let i = start + 1; i < end; i++) steps.push(Math.abs(semitones[i]! - semitones[i - 1]!));
    for (let i = start + 2; i < end; i++)
      bends.push(Math.abs(semitones[i]! - 2 * semitones[i - 1]! + semitones[i - 2]!));
  }
  return { step: steps.length ? median(steps) : 0, roughness: bends.length ? median(bends) : 0 };
}

function spectralFlatness(pcm: Float32Array, frames: Frame[]): number {
  const frame = new Float64Array(FFT_SIZE);
  const re = new Float64Array(FFT_SIZE);
  const im = new Float64Array(FFT_SIZE);
  const power = new Float64Array(FFT_SIZE / 2 + 1);
  const low = Math.ceil((FLATNESS_LOW_HZ * FFT_SIZE) / FEATURE_SAMPLE_RATE);
  const high = Math.floor((FLATNESS_HIGH_HZ * FFT_SIZE) / FEATURE_SAMPLE_RATE);
  const values: number[] = [];
  frames.forEach((f, index) => {
    if (!f.isVoiced) return;
    const start = index * HOP + (WINDOW - FFT_SIZE) / 2;
    for (let i = 0; i < FFT_SIZE; i++) frame[i] = (pcm[start + i] ?? 0) * hann[i]!;
    fft.powerSpectrum(frame, re, im, power);
    let logSum = 0;
    let sum = 0;
    for (let k = low; k <= high; k++) {
      logSum += Math.log(power[k]! + 1e-20);
      sum += power[k]!;
    }
    const bins = high - low + 1;
    values.push(Math.exp(logSum / bins) / (sum / bins + 1e-20));
  });
  return values.length ? mean(values) : 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mean(values: number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length ? sum / values.length : 0;
}

function std(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - m) ** 2)));
}
