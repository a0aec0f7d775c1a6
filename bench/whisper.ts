import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WhisperEngine } from '../server/src/ai/asr/whisper/WhisperEngine';
import { loadWhisperSettings } from '../server/src/ai/asr/whisper/whisper-settings';
import { librivoxClips, readWav } from '../server/src/ai/testing/audio-fixtures';
import { wordErrors } from '../server/src/ai/testing/wer';
import { median, printTable } from './lib/report';

/**
 * `node --import tsx bench/whisper.ts [model-dir ...]`: the whisper engine
 * alone (no server): model load, the worker's memory, word error and
 * real-time factor per clip at 1 and 2 CPU threads and with either encoder
 * window (AI_WHISPER_WINDOW), and a bare live pipeline
 * (20 ms frames pushed in real time, an interim every second, then finish)
 * measuring end of speech → final text. Default models: the two setup-ai.sh
 * installs. One decode runs at a time, so one worker keeps up with about
 * 1 / RTF speakers talking at once (finals only, no interims).
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAME = 320;
const INTERIM_EVERY_FRAMES = 50;

const clips = librivoxClips().map((clip) => ({ ...clip, audio: readWav(clip.path16k).samples }));
const audioSeconds = clips.reduce((sum, clip) => sum + clip.audio.length, 0) / 16_000;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
type Window = 'fit' | 'full';
const CONFIGS: Array<[threads: number, window: Window]> = [
  [1, 'fit'],
  [2, 'fit'],
  [1, 'full'],
  [2, 'full'],
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const models = process.argv.slice(2).length
  ? process.argv.slice(2).map((dir) => path.resolve(dir))
  : ['whisper-base', 'whisper-tiny.en'].map((name) => path.join(REPO_ROOT, '.venv-ai/models', name));

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function start(modelDir: string, threads: number, window: Window) {
  const settings = loadWhisperSettings(
    { ...process.env, AI_WHISPER_MODEL: modelDir, AI_WHISPER_THREADS: String(threads), AI_WHISPER_WINDOW: window },
    REPO_ROOT,
  );
  const engine = new WhisperEngine(settings);
  const started = performance.now();
  await engine.start();
  return { engine, startMs: performance.now() - started };
}

async function perClip(engine: WhisperEngine, config: Record<string, string | number>, language: 'en' | 'auto') {
  const rows: Record<string, string | number>[] = [];
  // A first decode warms CTranslate2's caches; it is not counted.
  await engine.recognize(clips[0]!.audio, { language, priority: 'final' });
  let totalMs = 0;
  let totalErrors = 0;
  let totalWords = 0;
  for (const clip of clips) {
    const started = performance.now();
    const result = await engine.recognize(clip.audio, { language, priority: 'final' });
    const ms = performance.now() - started;
    const { errors, referenceWords } = wordErrors(clip.text, result.text);
    totalMs += ms;
    totalErrors += errors;
    totalWords += referenceWords;
    const seconds = clip.audio.length / 16_000;
    rows.push({
      ...config,
      language,
      clip: clip.name.slice(-8, -4),
      'audio s': round(seconds, 2),
      'decode ms': Math.round(ms),
      RTF: round(ms / 1000 / seconds, 3),
      errors: `${errors}/${referenceWords}`,
      confidence: round(result.confidence, 2),
    });
  }
  rows.push({
    ...config,
    language,
    clip: 'all',
    'audio s': round(audioSeconds, 2),
    'decode ms': Math.round(totalMs),
    RTF: round(totalMs / 1000 / audioSeconds, 3),
    errors: `${totalErrors}/${totalWords} (${round((totalErrors / totalWords) * 100)}%)`,
    confidence: '',
  });
  return rows;
}

/** One speaker, frames on a real-time clock, an interim every second, then the final. */
async function live(engine: WhisperEngine) {
  const latencies: number[] = [];
  let interims = 0;
  for (const clip of clips) {
    const utterance = engine.openUtterance({ language: 'en' });
    const pending: Promise<unknown>[] = [];
    const t0 = performance.now();
    for (let frame = 0; frame * FRAME < clip.audio.length; frame += 1) {
      utterance.push(clip.audio.subarray(frame * FRAME, (frame + 1) * FRAME));
      if (frame > 0 && frame % INTERIM_EVERY_FRAMES === 0) {
        pending.push(utterance.interim().then((text) => text && (interims += 1)));
      }
      const due = t0 + ((frame + 1) * FRAME * 1000) / 16_000;
      await sleep(Math.max(0, due - performance.now()));
    }
    const endOfSpeech = performance.now();
    await utterance.finish();
    latencies.push(performance.now() - endOfSpeech);
    await Promise.allSettled(pending);
  }
  return { latencies, interims };
}

for (const modelDir of models) {
  const name = path.basename(modelDir);
  const perClipRows = [];
  const summary = [];
  for (const [threads, window] of CONFIGS) {
    const { engine, startMs } = await start(modelDir, threads, window);
    try {
      for (const language of ['en', 'auto'] as const) {
        if (language === 'auto' && !engine.capabilities.isMultilingual) continue;
        perClipRows.push(...(await perClip(engine, { threads, window }, language)));
      }
      const { latencies, interims } = await live(engine);
      summary.push({
        threads,
        window,
        'start ms': Math.round(startMs),
        'worker RSS MB': rssMb(engine.workerPid()),
        'live: end of speech → final, median ms': Math.round(median(latencies)),
        'max ms': Math.round(Math.max(...latencies)),
        'interims shown': interims,
      });
    } finally {
      await engine.close();
    }
  }
  printTable(`whisper ${name}: ${clips.length} LibriVox clips, ${round(audioSeconds)} s, int8, greedy`, perClipRows);
  printTable(`whisper ${name}: start, memory, live pipeline (1 speaker, interim every 1 s)`, summary);
}
