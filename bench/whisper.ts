import path from 'node:path';
import { WhisperEngine } from '../server/src/ai/asr/whisper/WhisperEngine';
import { loadWhisperSettings } from '../server/src/ai/asr/whisper/whisper-settings';
import { median, printTable } from './lib/report';
import { REPO_ROOT, rssMb } from './lib/server-process';
import { errorRate, loadClips, pushInRealTime, recognizeEach, round } from './lib/speech';

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
const INTERIM_EVERY_FRAMES = 50;

const clips = loadClips();
const audioSeconds = clips.reduce((sum, clip) => sum + clip.seconds, 0);
type Window = 'fit' | 'full';
const CONFIGS: Array<[threads: number, window: Window]> = [
  [1, 'fit'],
  [2, 'fit'],
  [1, 'full'],
  [2, 'full'],
];
const models = process.argv.slice(2).length
  ? process.argv.slice(2).map((dir) => path.resolve(dir))
  : ['whisper-base', 'whisper-tiny.en'].map((name) => path.join(REPO_ROOT, '.venv-ai/models', name));

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
  // A first decode warms CTranslate2's caches; it is not counted.
  await engine.recognize(clips[0]!.audio, { language, priority: 'final' });
  const decodes = await recognizeEach(engine, clips, language);
  const rows: Record<string, string | number>[] = decodes.map((decode, i) => ({
    ...config,
    language,
    clip: clips[i]!.label,
    'audio s': round(clips[i]!.seconds, 2),
    'decode ms': Math.round(decode.decodeMs),
    RTF: round(decode.decodeMs / 1000 / clips[i]!.seconds, 3),
    errors: `${decode.errors}/${decode.words}`,
    confidence: round(decode.confidence, 2),
  }));
  const totalMs = decodes.reduce((sum, decode) => sum + decode.decodeMs, 0);
  rows.push({
    ...config,
    language,
    clip: 'all',
    'audio s': round(audioSeconds, 2),
    'decode ms': Math.round(totalMs),
    RTF: round(totalMs / 1000 / audioSeconds, 3),
    errors: errorRate(decodes),
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
    await pushInRealTime(clip.audio, (frame, index) => {
      utterance.push(frame);
      if (index > 0 && index % INTERIM_EVERY_FRAMES === 0) {
        pending.push(utterance.interim().then((text) => text && (interims += 1)));
      }
    });
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
      const workerPid = engine.workerPid();
      summary.push({
        threads,
        window,
        'start ms': Math.round(startMs),
        'worker RSS MB': workerPid ? rssMb(workerPid) : 'not running',
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
