import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PocketsphinxEngine } from '../server/src/ai/asr/pocketsphinx/PocketsphinxEngine';
import { parsePocketsphinxSettings } from '../server/src/ai/asr/pocketsphinx/pocketsphinx-settings';
import { wordErrors } from '../server/src/ai/testing/wer';
import { loadAverage, median, percentile, printTable } from './lib/report';
import { FRAME_SAMPLES, loadClips, pushInRealTime, round, sleep } from './lib/speech';

/**
 * `node --import tsx bench/pocketsphinx.ts`: the pocketsphinx engine alone, in
 * this process (no server, no network): model load, memory per decoder,
 * decoding cost, and a bare live pipeline (20 ms frames pushed in real time,
 * then finish) with 1 to 3 simultaneous speakers: CPU, event-loop delay, and
 * the time from the end of speech to the final text.
 */
const DECODERS = Number(process.env.AI_POCKETSPHINX_DECODERS ?? 3);

const clips = loadClips();
const audioSeconds = clips.reduce((sum, clip) => sum + clip.seconds, 0);

async function load() {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const engine = new PocketsphinxEngine(
    parsePocketsphinxSettings({ ...process.env, AI_POCKETSPHINX_DECODERS: String(DECODERS) }),
  );
  await engine.start();
  const startMs = performance.now() - started;
  loop.disable();
  printTable('pocketsphinx: start', [
    {
      decoders: DECODERS,
      'start ms': Math.round(startMs),
      'per decoder ms': Math.round(startMs / DECODERS),
      'rss per decoder MB': round((process.memoryUsage().rss - rssBefore) / DECODERS / 1e6),
      'event loop max blocked ms': round(loop.max / 1e6),
    },
  ]);
  return engine;
}

/** As fast as it goes, one clip after another: word error, real-time factor, CPU per second of speech. */
async function throughput(engine: PocketsphinxEngine) {
  const rows = [];
  for (const mode of ['recognize (whole clip)', 'live (20 ms frames)'] as const) {
    let errors = 0;
    let words = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (const clip of clips) {
      let text: string;
      if (mode === 'recognize (whole clip)') {
        text = (await engine.recognize(clip.audio, { language: 'en', priority: 'final' })).text;
      } else {
        const utterance = engine.openUtterance({ language: 'en', speaker: 'reader' });
        for (let at = 0; at < clip.audio.length; at += FRAME_SAMPLES) {
          utterance.push(clip.audio.subarray(at, at + FRAME_SAMPLES));
        }
        text = (await utterance.finish()).text;
      }
      const counted = wordErrors(clip.text, text);
      errors += counted.errors;
      words += counted.referenceWords;
    }
    const elapsed = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    rows.push({
      mode,
      'WER %': round((errors / words) * 100),
      RTF: round(elapsed / audioSeconds, 3),
      'CPU s per s of speech': round((used.user + used.system) / 1e6 / audioSeconds, 3),
    });
  }
  printTable(`pocketsphinx: ${clips.length} LibriVox clips, ${round(audioSeconds)} s`, rows);
}

/** Each speaker pushes 20 ms frames on a real-time clock through all clips; finish() when a clip ends. */
async function livePipeline(engine: PocketsphinxEngine, speakers: number) {
  const finals: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  loop.enable();
  await Promise.all(
    Array.from({ length: speakers }, async (_, speaker) => {
      // Each speaker starts on a different clip, so utterances end at different times.
      for (let n = 0; n < clips.length; n++) {
        const clip = clips[(n + speaker) % clips.length]!;
        const utterance = engine.openUtterance({ language: 'en', speaker: `speaker ${speaker}` });
        await pushInRealTime(clip.audio, (frame, index) => {
          utterance.push(frame);
          if (index % 25 === 24) void utterance.interim();
        });
        const endOfSpeech = performance.now();
        await utterance.finish();
        finals.push(performance.now() - endOfSpeech);
        await sleep(300);
      }
    }),
  );
  loop.disable();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started) / 1000;
  return {
    speakers,
    'CPU % of a core': round(((used.user + used.system) / 1e6 / wall) * 100),
    'final after end of speech: median ms': Math.round(median(finals)),
    'p90 ms': Math.round(percentile(finals, 90)),
    'max ms': Math.round(Math.max(...finals)),
    'event loop delay p99 ms': round(loop.percentile(99) / 1e6),
  };
}

console.log(`load average before: ${loadAverage()}`);
const engine = await load();
try {
  await throughput(engine);
  const rows = [];
  for (let speakers = 1; speakers <= DECODERS; speakers++) rows.push(await livePipeline(engine, speakers));
  printTable('pocketsphinx: bare live pipeline (interim every 500 ms)', rows);
  console.log(`load average after: ${loadAverage()}`);
} finally {
  await engine.close();
}
