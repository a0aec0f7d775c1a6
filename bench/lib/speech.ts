import type { LanguageChoice } from '@meetai/shared';
import { ASR_SAMPLE_RATE, type SpeechEngine } from '../../server/src/ai/asr/speech-engine';
import { librivoxClips, readWav, type SpeechClip } from '../../server/src/ai/testing/audio-fixtures';
import { wordErrors } from '../../server/src/ai/testing/wer';

/** What the speech benchmarks share: the LibriVox clips, a real-time clock, timed decodes. */

/** 20 ms at 16 kHz: the frame the live paths push. */
export const FRAME_SAMPLES = 320;
export const FRAME_MS = (FRAME_SAMPLES * 1000) / ASR_SAMPLE_RATE;

export type BenchClip = SpeechClip & {
  /** Short name for tables: the clip's number (`0880`). */
  label: string;
  /** 16 kHz mono, what the engines take. */
  audio: Float32Array;
  seconds: number;
};

export function loadClips(): BenchClip[] {
  return librivoxClips().map((clip) => {
    const audio = readWav(clip.path16k).samples;
    return { ...clip, label: clip.name.slice(-8, -4), audio, seconds: audio.length / ASR_SAMPLE_RATE };
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * Pushes `audio` in 20 ms frames on a real-time clock: frame k is handed over
 * when it has been "spoken", at `startedAt + (k + 1) × 20 ms`, as a
 * microphone delivers it. A late timer hands over what is due at once.
 */
export async function pushInRealTime(
  audio: Float32Array,
  push: (frame: Float32Array, index: number) => void,
  startedAt = performance.now(),
): Promise<void> {
  for (let frame = 0; frame * FRAME_SAMPLES < audio.length; frame += 1) {
    const due = startedAt + (frame + 1) * FRAME_MS;
    if (due > performance.now()) await sleep(due - performance.now());
    push(audio.subarray(frame * FRAME_SAMPLES, (frame + 1) * FRAME_SAMPLES), frame);
  }
}

export type TimedDecode = { text: string; errors: number; words: number; decodeMs: number; confidence: number };

/** Each clip (or the given audio of it) decoded whole, one after another, as a final: text, word errors, time. */
export async function recognizeEach(
  engine: SpeechEngine,
  items: Array<{ audio: Float32Array; text: string }>,
  language: LanguageChoice,
): Promise<TimedDecode[]> {
  const results: TimedDecode[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = await engine.recognize(item.audio, { language, priority: 'final' });
    const decodeMs = performance.now() - started;
    const { errors, referenceWords } = wordErrors(item.text, result.text);
    results.push({ text: result.text, errors, words: referenceWords, decodeMs, confidence: result.confidence });
  }
  return results;
}

/** `errors/words (rate%)` over several counts. */
export function errorRate(counts: Array<{ errors: number; words: number }>): string {
  const errors = counts.reduce((sum, count) => sum + count.errors, 0);
  const words = counts.reduce((sum, count) => sum + count.words, 0);
  return words === 0 ? 'n/a' : `${errors}/${words} (${round((errors / words) * 100)}%)`;
}
