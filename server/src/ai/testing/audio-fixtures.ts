import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { decodeWav, type WavAudio } from '../audio/wav';

/**
 * The speech clips `scripts/make-audio-fixtures.sh` makes (setup runs it), for
 * tests, e2e specs and benchmarks. Each clip exists twice: 16 kHz mono (what
 * the engines take) and 48 kHz mono with 1.5 s of trailing silence (what
 * Chromium's `--use-file-for-fake-audio-capture` loops). Reference texts come
 * from the generated JSON, never from code.
 */
export const AUDIO_FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../e2e/fixtures/audio/generated',
);

export type SpeechClip = {
  /** File name, the same in both folders (e.g. `sense_and_sensibility_01_austen_64kb-0880.wav`). */
  name: string;
  path16k: string;
  path48k: string;
  /** What is said: the human reference transcript, or the text the synthesizer read. */
  text: string;
};

export type SyntheticClip = SpeechClip & { voice: string };

const ListSchema = z.array(
  z.object({ file: z.string().min(1), text: z.string().min(1), voice: z.string().optional() }),
);

/** Real human speech (LibriVox, from Debian's pocketsphinx-testdata) with reference transcripts. */
export function librivoxClips(): SpeechClip[] {
  return readSet('librivox');
}

/** One Mandarin sentence spoken by espeak-ng: a smoke test of the zh path, not a measure of accuracy. */
export function chineseClip(): SpeechClip {
  const [clip] = readSet('zh');
  if (!clip) throw new Error(`${AUDIO_FIXTURES_DIR}/zh.json lists no clip: re-run scripts/make-audio-fixtures.sh.`);
  return clip;
}

/** The same English sentence by espeak-ng and by flite (synthetic voices). */
export function syntheticEnglishClips(): SyntheticClip[] {
  return readSet('tts').map((clip) => ({ ...clip, voice: clip.voice ?? 'unknown' }));
}

/** A clip of the synthetic-voice indicator's set: who or what speaks, and whether the fit may see it. */
export type VoiceClip = {
  name: string;
  path16k: string;
  /** The same at 48 kHz, to send through Opus as a browser would. */
  path48k: string;
  voice: string;
  kind: 'human' | 'synthetic';
  /** `fit`: the indicator's model is fitted on it; `held-out`: only evaluated (a voice the fit never heard). */
  split: 'fit' | 'held-out';
};

const VoiceListSchema = z.array(
  z.object({
    file: z.string().min(1),
    voice: z.string().min(1),
    kind: z.enum(['human', 'synthetic']),
    split: z.enum(['fit', 'held-out']),
  }),
);

/** Synthetic (espeak-ng, flite, festival) and human clips for the synthetic-voice indicator, split by voice. */
export function voiceClips(): VoiceClip[] {
  const listFile = path.join(AUDIO_FIXTURES_DIR, 'voices.json');
  if (!existsSync(listFile)) {
    throw new Error(
      `Voice fixtures are missing (${listFile}): run \`bash scripts/make-audio-fixtures.sh\` (setup does).`,
    );
  }
  return VoiceListSchema.parse(JSON.parse(readFileSync(listFile, 'utf8'))).map(({ file, voice, kind, split }) => ({
    name: file,
    path16k: path.join(AUDIO_FIXTURES_DIR, 'voices-16k', file),
    path48k: path.join(AUDIO_FIXTURES_DIR, 'voices-48k', file),
    voice,
    kind,
    split,
  }));
}

export function readWav(file: string): WavAudio {
  return decodeWav(readFileSync(file));
}

function readSet(set: 'librivox' | 'zh' | 'tts'): Array<SpeechClip & { voice?: string }> {
  const listFile = path.join(AUDIO_FIXTURES_DIR, `${set}.json`);
  if (!existsSync(listFile)) {
    throw new Error(
      `Audio fixtures are missing (${listFile}): run \`bash scripts/make-audio-fixtures.sh\` (setup does).`,
    );
  }
  return ListSchema.parse(JSON.parse(readFileSync(listFile, 'utf8'))).map(({ file, text, voice }) => ({
    name: file,
    path16k: path.join(AUDIO_FIXTURES_DIR, `${set}-16k`, file),
    path48k: path.join(AUDIO_FIXTURES_DIR, `${set}-48k`, file),
    text,
    ...(voice === undefined ? {} : { voice }),
  }));
}
