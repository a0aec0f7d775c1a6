import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsrEngineInfo } from '@meetai/shared';
import { decodeWav } from '../../audio/wav';
import { librivoxClips, readWav } from '../../testing/audio-fixtures';
import { wordErrors, wordErrorRate } from '../../testing/wer';
import { EngineUnavailableError, type Transcription } from '../speech-engine';
import { REPO_ROOT, testWhisperSettings, WHISPER_SKIP_REASON } from './testing/whisper-test-setup';
import { WhisperEngine } from './WhisperEngine';

/*
 * Thresholds, measured first (whisper-base, int8, greedy, this machine), over
 * the 71 words of the five clips: with the fitted encoder window (the default)
 * 3 errors (4.2%: "Mr." for "mister", the reader's stutter "a more a amiable"
 * heard as "a more amiable", "ill-sposed"), worst clip 1/8; with the full 30 s
 * window 2 errors (2.8%). Set well above that, because int8 kernels differ
 * between CPUs (AVX2, AVX-512) and greedy decoding can take another path on a
 * close call, yet far below what a broken pipeline gives (wrong sample format
 * or rate: > 80%).
 */
const MAX_OVERALL_WER = 0.12;
/** Per clip: the shortest clip has 8 words, so this allows 2 errors there. */
const MAX_CLIP_WER = 0.25;
/** tiny.en, full window, all five clips: measured 8.5%. */
const MAX_TINY_EN_WER = 0.2;
/** The espeak-ng Mandarin smoke test, by character: measured 0.35 (fit) and 0.40 (full): a robotic voice, a small model. */
const MAX_ZH_CER = 0.7;

const clips = librivoxClips();

function audioOf(file: string): Float32Array {
  const wav = readWav(file);
  expect(wav.sampleRate).toBe(16_000);
  expect(wav.channels).toBe(1);
  return wav.samples;
}

describe.skipIf(WHISPER_SKIP_REASON !== null)(`WhisperEngine ${WHISPER_SKIP_REASON ?? ''}`, () => {
  let engine: WhisperEngine;
  const statuses: AsrEngineInfo[] = [];

  beforeAll(async () => {
    engine = new WhisperEngine(testWhisperSettings());
    engine.onStatus((info) => statuses.push(info));
    await engine.start();
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
  });

  it('loads the multilingual model once and says what it is', () => {
    const info = engine.info();
    expect(info).toMatchObject({ engine: 'whisper', model: 'whisper-base', status: 'ready', reason: null });
    expect(info.versions['faster-whisper']).toMatch(/^\d+\.\d+/);
    expect(info.versions.ctranslate2).toMatch(/^\d+\.\d+/);
    expect(engine.capabilities).toEqual({ isStreaming: false, languages: ['en', 'zh'], isMultilingual: true });
    expect(engine.workerPid()).toBeGreaterThan(0);
  });

  it('transcribes the LibriVox clips under the measured word error rate', async () => {
    const counts = [];
    for (const clip of clips) {
      const result = await engine.recognize(audioOf(clip.path16k), { language: 'en', priority: 'final' });
      const count = wordErrors(clip.text, result.text);
      counts.push(count);
      expect(result).toMatchObject({ engine: 'whisper', model: 'whisper-base', language: 'en' });
      expect(result.confidence).toBeGreaterThan(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(count.errors / count.referenceWords, `${clip.name}: "${result.text}"`).toBeLessThanOrEqual(MAX_CLIP_WER);
    }
    const errors = counts.reduce((sum, c) => sum + c.errors, 0);
    const words = counts.reduce((sum, c) => sum + c.referenceWords, 0);
    expect(errors / words).toBeLessThanOrEqual(MAX_OVERALL_WER);
  }, 120_000);

  it('detects English when asked for auto', async () => {
    const clip = clips[0]!;
    const result = await engine.recognize(audioOf(clip.path16k), { language: 'auto', priority: 'final' });
    expect(result.language).toBe('en');
    expect(wordErrorRate(clip.text, result.text)).toBeLessThanOrEqual(MAX_CLIP_WER);
  }, 60_000);

  it('gives interims while audio arrives and a final of the whole utterance', async () => {
    const clip = clips[0]!;
    const audio = audioOf(clip.path16k);
    const utterance = engine.openUtterance({ language: 'en' });
    const chunk = 1_600; // 100 ms, as the VAD hands them over
    const half = Math.floor(audio.length / 2);
    for (let at = 0; at < half; at += chunk) utterance.push(audio.subarray(at, Math.min(at + chunk, half)));
    const interim = await utterance.interim();
    for (let at = half; at < audio.length; at += chunk) utterance.push(audio.subarray(at, at + chunk));
    const final = await utterance.finish();

    // The first half of the clip holds about its first half of words.
    const words = clip.text.split(' ');
    const firstHalf = words.slice(0, Math.floor(words.length / 2)).join(' ');
    expect(interim).not.toBeNull();
    expect(wordErrorRate(firstHalf, (interim as Transcription).text)).toBeLessThan(0.5);
    expect(wordErrorRate(clip.text, final.text)).toBeLessThanOrEqual(MAX_CLIP_WER);
    expect(await utterance.interim()).toBeNull();
  }, 60_000);

  it('speaks simplified Chinese when asked for zh (espeak-ng smoke test)', async () => {
    const { text, audio } = mandarinClip();
    const result = await engine.recognize(audio, { language: 'zh', priority: 'final' });
    expect(result.language).toBe('zh');
    expect(result.text).toMatch(/\p{Script=Han}/u);
    expect(wordErrorRate(text, result.text), result.text).toBeLessThanOrEqual(MAX_ZH_CER);
  }, 60_000);

  it('rejects in-flight work when the worker dies, restarts it, and serves again', async () => {
    const audio = audioOf(clips[0]!.path16k);
    const pid = engine.workerPid() as number;
    statuses.length = 0;
    const inFlight = engine.recognize(audio, { language: 'en', priority: 'final' });
    // The request is on the worker's pipe (the queue was empty); kill the worker as a crash would.
    process.kill(pid, 'SIGKILL');
    await expect(inFlight).rejects.toBeInstanceOf(EngineUnavailableError);

    await waitFor(() => statuses.some((s) => s.status === 'ready'), 60_000);
    expect(statuses[0]).toMatchObject({ status: 'restarting' });
    expect(statuses[0]?.reason).toMatch(/whisper worker stopped \(killed by SIGKILL\)/);
    expect(statuses.at(-1)).toMatchObject({ status: 'ready', reason: null });
    expect(engine.workerPid()).not.toBe(pid);

    const again = await engine.recognize(audio, { language: 'en', priority: 'final' });
    expect(wordErrorRate(clips[0]!.text, again.text)).toBeLessThanOrEqual(MAX_CLIP_WER);
  }, 120_000);
});

describe.skipIf(WHISPER_SKIP_REASON !== null)('WhisperEngine settings and models', () => {
  it('refuses to start without its model, in a sentence naming AI_WHISPER_MODEL', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-whisper-model');
    const engine = new WhisperEngine(testWhisperSettings({ AI_WHISPER_MODEL: missing }));
    await expect(engine.start()).rejects.toThrow(/AI_WHISPER_MODEL is .*no-such-whisper-model, which does not exist/);
    expect(engine.info()).toMatchObject({ status: 'unavailable' });
    expect(engine.info().reason).toMatch(/AI_WHISPER_MODEL/);
    await engine.close();
  });

  it('refuses a directory that is not a model, and a model whose weights are broken', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-broken-'));
    try {
      const empty = new WhisperEngine(testWhisperSettings({ AI_WHISPER_MODEL: dir }));
      await expect(empty.start()).rejects.toThrow(/AI_WHISPER_MODEL .* model\.bin, config\.json, tokenizer\.json/);
      await empty.close();

      // The right file names around garbage: the worker itself must fail to load it, and say so.
      for (const file of ['model.bin', 'config.json', 'tokenizer.json', 'vocabulary.txt']) {
        writeFileSync(path.join(dir, file), 'not a model');
      }
      const broken = new WhisperEngine(testWhisperSettings({ AI_WHISPER_MODEL: dir }));
      await expect(broken.start()).rejects.toThrow(
        /AI_WHISPER_MODEL is .*whisper-broken-.*, which the whisper worker could not load: /,
      );
      expect(broken.info().status).toBe('unavailable');
      await broken.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps restarting a worker that cannot come back, says it is unavailable, and recovers', async () => {
    // A model directory that disappears after the start: every restart fails until it is back.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-vanishing-'));
    const tinyEn = realpathSync(path.join(REPO_ROOT, '.venv-ai/models/whisper-tiny.en'));
    const model = path.join(dir, 'model');
    symlinkSync(tinyEn, model);
    const engine = new WhisperEngine(testWhisperSettings({ AI_WHISPER_MODEL: model }));
    const statuses: AsrEngineInfo[] = [];
    engine.onStatus((info) => statuses.push(info));
    try {
      await engine.start();
      rmSync(model);
      process.kill(engine.workerPid() as number, 'SIGKILL');
      await waitFor(() => statuses.some((s) => s.status === 'unavailable'), 60_000);
      expect(statuses.filter((s) => s.status === 'restarting').length).toBeGreaterThanOrEqual(3);
      expect(statuses.find((s) => s.status === 'unavailable')?.reason).toMatch(/could not be started again/);
      await expect(engine.recognize(new Float32Array(16_000), { language: 'en', priority: 'final' })).rejects.toThrow(
        EngineUnavailableError,
      );

      symlinkSync(tinyEn, model);
      await waitFor(() => statuses.at(-1)?.status === 'ready', 60_000);
      expect(engine.info()).toMatchObject({ status: 'ready', reason: null });
    } finally {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("runs the English-only tiny.en with faster-whisper's full 30 s window, and refuses Chinese with it", async () => {
    const tinyEn = path.join(REPO_ROOT, '.venv-ai/models/whisper-tiny.en');
    const engine = new WhisperEngine(testWhisperSettings({ AI_WHISPER_MODEL: tinyEn, AI_WHISPER_WINDOW: 'full' }));
    try {
      await engine.start();
      expect(engine.model).toBe('whisper-tiny.en');
      expect(engine.capabilities).toMatchObject({ languages: ['en'], isMultilingual: false });
      await expect(engine.recognize(new Float32Array(16_000), { language: 'zh', priority: 'final' })).rejects.toThrow(
        /English-only/,
      );
      let errors = 0;
      let words = 0;
      for (const clip of clips) {
        const result = await engine.recognize(audioOf(clip.path16k), { language: 'auto', priority: 'final' });
        expect(result.language).toBe('en');
        const count = wordErrors(clip.text, result.text);
        errors += count.errors;
        words += count.referenceWords;
      }
      // Measured: 6 errors in 71 words (8.5%); tiny.en hears "ill-disposed" as "old-sposed".
      expect(errors / words).toBeLessThanOrEqual(MAX_TINY_EN_WER);
    } finally {
      await engine.close();
    }
  }, 120_000);
});

/**
 * One Mandarin sentence from espeak-ng, made here. Its `cmn` voice reads
 * Chinese characters as tone-numbered pinyin spelled out in English ("jin one
 * tian one"), so the sentence is given as pinyin to the `cmn-latn-pinyin`
 * voice, which pronounces it.
 */
function mandarinClip(): { text: string; audio: Float32Array } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-zh-'));
  try {
    const raw = path.join(dir, 'raw.wav');
    const wav = path.join(dir, 'zh.wav');
    const pinyin = 'jin1 tian1 de5 hui4 yi4 wo3 men5 tao3 lun4 xiang4 mu4 de5 jin4 du4 he2 xia4 zhou1 de5 ji4 hua4';
    execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-w', raw, pinyin]);
    execFileSync('sox', ['-q', '-G', raw, '-b', '16', '-e', 'signed-integer', '-c', '1', wav, 'rate', '16000']);
    return { text: '今天的会议我们讨论项目的进度和下周的计划', audio: decodeWav(readFileSync(wav)).samples };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
