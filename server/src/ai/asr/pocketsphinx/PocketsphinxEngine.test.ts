import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librivoxClips, readWav, type SpeechClip } from '../../testing/audio-fixtures';
import { wordErrorRate, wordErrors } from '../../testing/wer';
import { EngineBusyError, EngineUnavailableError, type LiveUtterance } from '../speech-engine';
import { PocketsphinxEngine } from './PocketsphinxEngine';
import { parsePocketsphinxSettings } from './pocketsphinx-settings';

/**
 * The real engine (Debian's libpocketsphinx and en-us model) on the real
 * LibriVox recordings. Thresholds, measured first (README): 21.1% overall
 * (15 errors in 71 words) both whole-clip and live, worst clip 38% (3 of 8
 * words). Overall ≤ 30% leaves six words of slack for the decoder's running
 * normalization, which differs with what a decoder heard before; per clip
 * ≤ 50% allows one more error on the 8-word clip.
 */
const MAX_OVERALL_WER = 0.3;
const MAX_CLIP_WER = 0.5;
/** Live and whole-clip text differed by at most one word in 21 when measured. */
const MAX_LIVE_VS_WHOLE = 0.15;
const FRAME = 320; // 20 ms at 16 kHz

type Clip = SpeechClip & { audio: Float32Array };

const clips: Clip[] = librivoxClips().map((clip) => ({ ...clip, audio: readWav(clip.path16k).samples }));
const clip = (suffix: string) => clips.find((candidate) => candidate.name.endsWith(`${suffix}.wav`))!;

function pushFrames(utterance: LiveUtterance, audio: Float32Array, from = 0, to = audio.length): void {
  for (let at = from; at < to; at += FRAME) utterance.push(audio.subarray(at, Math.min(at + FRAME, to)));
}

async function decodeLive(engine: PocketsphinxEngine, audio: Float32Array): Promise<string> {
  const utterance = engine.openUtterance({ language: 'en' });
  pushFrames(utterance, audio);
  return (await utterance.finish()).text;
}

describe('PocketsphinxEngine (real model, LibriVox clips)', () => {
  const engine = new PocketsphinxEngine(parsePocketsphinxSettings({ AI_POCKETSPHINX_DECODERS: '2' }));
  const whole = new Map<string, string>();

  beforeAll(async () => {
    await engine.start();
    for (const { name, audio } of clips) {
      whole.set(name, (await engine.recognize(audio, { language: 'en', priority: 'final' })).text);
    }
    // A live utterance normalizes with the channel mean the decoder learned from the audio before it; a fresh
    // decoder starts from the model's default, which costs the first utterance up to 30 points of WER here
    // (README). One utterance on each decoder first, as in a meeting that has been going for a while.
    const warmUps = [engine.openUtterance({ language: 'en' }), engine.openUtterance({ language: 'en' })];
    warmUps.forEach((utterance) => pushFrames(utterance, clip('0890').audio));
    await Promise.all(warmUps.map((utterance) => utterance.finish()));
  }, 120_000);
  afterAll(() => engine.close());

  it('reports itself ready, English only, with the Debian package versions', () => {
    const info = engine.info();
    expect(info).toMatchObject({
      engine: 'pocketsphinx',
      model: 'en-us',
      status: 'ready',
      reason: null,
      languages: ['en'],
    });
    expect(info.versions['libpocketsphinx3']).toMatch(/5prealpha/);
    expect(info.versions['koffi']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('recognizes whole clips under the measured word error rate', () => {
    let errors = 0;
    let words = 0;
    for (const { name, text } of clips) {
      const hypothesis = whole.get(name)!;
      expect(wordErrorRate(text, hypothesis), `${name}: "${hypothesis}"`).toBeLessThanOrEqual(MAX_CLIP_WER);
      const counted = wordErrors(text, hypothesis);
      errors += counted.errors;
      words += counted.referenceWords;
    }
    expect(errors / words).toBeLessThanOrEqual(MAX_OVERALL_WER);
  });

  it('gives a confidence in (0, 1] for speech and nothing for silence', async () => {
    const speech = await engine.recognize(clip('0930').audio, { language: 'en', priority: 'final' });
    expect(speech).toMatchObject({ language: 'en', engine: 'pocketsphinx', model: 'en-us' });
    expect(speech.confidence).toBeGreaterThan(0.3);
    expect(speech.confidence).toBeLessThanOrEqual(1);
    const silence = await engine.recognize(new Float32Array(16_000), { language: 'auto', priority: 'final' });
    expect(silence).toMatchObject({ text: '', confidence: 0 });
  });

  it('decodes a live utterance fed in 20 ms frames: interims grow, the final matches the whole clip', async () => {
    const { name, text, audio } = clip('0870');
    const utterance = engine.openUtterance({ language: 'en' });
    const interims: string[] = [];
    for (let at = 0; at < audio.length; at += 16_000) {
      pushFrames(utterance, audio, at, Math.min(at + 16_000, audio.length));
      const interim = await utterance.interim();
      if (interim) interims.push(interim.text);
    }
    const final = await utterance.finish();

    const lengths = interims.map((interim) => interim.split(' ').length);
    expect(lengths.length).toBeGreaterThanOrEqual(5);
    expect(lengths.at(-1)!).toBeGreaterThan(lengths[0]! + 10);
    // A growing hypothesis may trade a word for another, never lose most of itself.
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]!).toBeGreaterThanOrEqual(lengths[i - 1]! - 2);
    expect(wordErrorRate(text, final.text)).toBeLessThanOrEqual(MAX_CLIP_WER);
    expect(wordErrorRate(whole.get(name)!, final.text)).toBeLessThanOrEqual(MAX_LIVE_VS_WHOLE);
    expect(final.confidence).toBeGreaterThan(0);
  });

  it('keeps two simultaneous speakers apart (one decoder each)', async () => {
    const [a, b] = [clip('0870'), clip('0920')];
    const [first, second] = [
      engine.openUtterance({ language: 'en', speaker: 'a' }),
      engine.openUtterance({ language: 'en', speaker: 'b' }),
    ];
    // Frames interleaved as they would arrive from two microphones.
    const length = Math.max(a.audio.length, b.audio.length);
    for (let at = 0; at < length; at += FRAME) {
      if (at < a.audio.length) first.push(a.audio.subarray(at, at + FRAME));
      if (at < b.audio.length) second.push(b.audio.subarray(at, at + FRAME));
    }
    const [textA, textB] = (await Promise.all([first.finish(), second.finish()])).map((result) => result.text);
    expect(wordErrorRate(whole.get(a.name)!, textA!)).toBeLessThanOrEqual(MAX_LIVE_VS_WHOLE);
    expect(wordErrorRate(whole.get(b.name)!, textB!)).toBeLessThanOrEqual(MAX_LIVE_VS_WHOLE);
    expect(wordErrorRate(b.text, textA!)).toBeGreaterThan(0.8);
  });

  it('queues a third speaker until a decoder frees, then catches up on the audio it buffered', async () => {
    const speakers = ['0880', '0890', '0930'].map(clip);
    const utterances = speakers.map(() => engine.openUtterance({ language: 'en' }));
    speakers.forEach(({ audio }, i) => pushFrames(utterances[i]!, audio));
    // The third has no decoder yet: nothing to show while it waits.
    expect(await utterances[2]!.interim()).toBeNull();
    const texts = (await Promise.all(utterances.map((utterance) => utterance.finish()))).map((result) => result.text);
    speakers.forEach(({ name }, i) =>
      expect(wordErrorRate(whole.get(name)!, texts[i]!)).toBeLessThanOrEqual(MAX_LIVE_VS_WHOLE),
    );
  });

  it('drops interim-priority clips when every decoder is busy, and runs final ones when one frees', async () => {
    const busy = [engine.openUtterance({ language: 'en' }), engine.openUtterance({ language: 'en' })];
    busy.forEach((utterance) => utterance.push(clip('0930').audio));
    const { audio, name } = clip('0880');
    await expect(engine.recognize(audio, { language: 'en', priority: 'interim' })).rejects.toBeInstanceOf(
      EngineBusyError,
    );
    const final = engine.recognize(audio, { language: 'en', priority: 'final' });
    busy[0]!.abort();
    expect(wordErrorRate(whole.get(name)!, (await final).text)).toBeLessThanOrEqual(MAX_LIVE_VS_WHOLE);
    await busy[1]!.finish();
  });

  it('frees the decoder of an aborted utterance for the next one', async () => {
    for (let i = 0; i < 3; i++) {
      const utterance = engine.openUtterance({ language: 'en' });
      utterance.push(clip('0880').audio);
      utterance.abort();
    }
    const { audio, name } = clip('0930');
    expect(wordErrorRate(whole.get(name)!, await decodeLive(engine, audio))).toBeLessThanOrEqual(MAX_LIVE_VS_WHOLE);
  });

  it('refuses Chinese with a sentence saying what to use instead', () => {
    expect(() => engine.openUtterance({ language: 'zh' })).toThrow(/English only.*whisper/);
  });
});

describe('PocketsphinxEngine.start() without a model', () => {
  it('rejects naming the setting and the Debian package, and reports itself unavailable', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-model-'));
    try {
      const engine = new PocketsphinxEngine(parsePocketsphinxSettings({ AI_POCKETSPHINX_MODEL_DIR: empty }));
      const started = engine.start();
      await expect(started).rejects.toBeInstanceOf(EngineUnavailableError);
      await expect(started).rejects.toThrow(
        /AI_POCKETSPHINX_MODEL_DIR.*pocketsphinx-en-us|pocketsphinx-en-us.*AI_POCKETSPHINX_MODEL_DIR/,
      );
      await expect(started).rejects.toThrow(/AI_ASR_ENGINE/);
      expect(engine.info()).toMatchObject({ status: 'unavailable', reason: expect.stringContaining(empty) });
      expect(() => engine.openUtterance({ language: 'en' })).toThrow(EngineUnavailableError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
