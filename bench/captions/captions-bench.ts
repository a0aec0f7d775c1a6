import pino from 'pino';
import { AsrEngineNameSchema, type AsrEngineName } from '@meetai/shared';
import { loadAiSettings, type AiSettings } from '../../server/src/ai/ai-settings';
import { createSpeechEngine } from '../../server/src/ai/asr/engine-factory';
import type { SpeechEngine } from '../../server/src/ai/asr/speech-engine';
import { WhisperEngine } from '../../server/src/ai/asr/whisper/WhisperEngine';
import { wordErrors } from '../../server/src/ai/testing/wer';
import { loadSileroModel, releaseSileroModel } from '../../server/src/ai/vad/silero-vad';
import { loadAverage, median, percentile, printTable } from '../lib/report';
import { REPO_ROOT, startServer } from '../lib/server-process';
import { errorRate, loadClips, recognizeEach, round, type BenchClip, type TimedDecode } from '../lib/speech';
import { CORES, runBarePipelines, scripts, type BareRun, type PipelineSettings } from './bare-pipeline';
import { captionsThroughChromium, loopErrors, type ChromiumCaptions } from './chromium-captions';
import { throughOpus } from './opus-round-trip';

/**
 * `npm run bench -- captions`: live captions per engine (issue 6). For each
 * engine, first the engine alone in this process (its model loaded once, as
 * the server does): word error and real-time factor of whole clips from WAV
 * and through Opus, the bare live pipeline as the floor of latency, and how
 * many speakers at once it keeps up with; then a server started with
 * AI_ASR_ENGINE=<engine> and two Chromium participants, one speaking, one
 * reading the captions. Figures only, no pass/fail.
 */

/** `BENCH_CAPTIONS_ENGINES=pocketsphinx` measures one engine only. */
const ENGINES = AsrEngineNameSchema.array().parse(
  process.env.BENCH_CAPTIONS_ENGINES?.split(',').filter(Boolean) ?? ['whisper', 'pocketsphinx'],
);
const TARGETS: Record<AsrEngineName, string> = {
  whisper: 'median ≤ 700 ms, p95 ≤ 1.5 s',
  pocketsphinx: 'median ≤ 300 ms',
};
/** The floor hears each clip this many times (10 utterances from the 5 clips). */
const FLOOR_ROUNDS = 2;
/** Whole loops of each clip B must receive (after the first, which may be cut). */
const CHROMIUM_LOOPS = 2;
/** Clips each speaker says in a row of the simultaneous-speakers table. */
const CAPACITY_CLIPS = 2;
const MAX_SPEAKERS = 8;

const silentLog = pino({ level: 'silent' });

/** What the run is doing, between the tables (a run takes minutes). */
const progress = (message: string) => console.log(`captions: ${message} (load average ${loadAverage()})`);

export async function benchCaptions(): Promise<void> {
  const clips = loadClips();
  const started = performance.now();
  await loadSileroModel();
  try {
    for (const engine of ENGINES) await benchEngine(engine, clips);
  } finally {
    await releaseSileroModel();
  }
  progress(`done in ${round((performance.now() - started) / 60_000)} min`);
}

/** The server's AI settings with this engine chosen (empty variables count as unset, as in the server). */
function aiSettings(engine: AsrEngineName, extra: Record<string, string> = {}): AiSettings {
  const env = Object.fromEntries(
    Object.entries({ ...process.env, AI_ASR_ENGINE: engine, ...extra }).filter(([, value]) => value),
  );
  return loadAiSettings(env, REPO_ROOT);
}

/** The engine started the way the server starts it. */
async function withEngine<T>(settings: AiSettings, work: (engine: SpeechEngine) => Promise<T>): Promise<T> {
  const engine = await createSpeechEngine(settings, silentLog);
  if (!engine) throw new Error('AI_ASR_ENGINE=off leaves no engine to measure');
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

const workerPids = (engine: SpeechEngine) =>
  engine instanceof WhisperEngine ? [engine.workerPid()].filter((pid) => pid !== undefined) : [];

async function benchEngine(name: AsrEngineName, clips: BenchClip[]): Promise<void> {
  const settings = aiSettings(name);
  const language = settings.defaultLanguage;
  const pipeline: PipelineSettings = { language, vad: settings.vad, stream: settings.stream };
  progress(
    `${name}: whole-clip decodes from WAV and through Opus, then the floor (${FLOOR_ROUNDS} rounds of the clips)`,
  );
  const alone = await withEngine(settings, async (engine) => {
    // The first decode warms caches (CTranslate2's); it is not counted.
    await engine.recognize(clips[0]!.audio, { language, priority: 'final' });
    const fromWav = await recognizeEach(engine, clips, language);
    const opus = [];
    for (const clip of clips) opus.push({ audio: await throughOpus(clip), text: clip.text });
    const fromOpus = await recognizeEach(engine, opus, language);
    const floor = await runBarePipelines(engine, scripts(clips, 1, FLOOR_ROUNDS), pipeline, workerPids(engine));
    return { model: engine.model, fromWav, fromOpus, floor };
  });
  // A pocketsphinx decoder serves one utterance at a time: to find what the cores bear, one per speaker.
  const capacitySettings =
    name === 'pocketsphinx' ? aiSettings(name, { AI_POCKETSPHINX_DECODERS: String(MAX_SPEAKERS) }) : settings;
  const capacity = [alone.floor];
  if (keptUp(alone.floor)) {
    await withEngine(capacitySettings, async (engine) => {
      for (let speakers = 2; speakers <= MAX_SPEAKERS && keptUp(capacity.at(-1)!); speakers += 1) {
        progress(`${name}: ${speakers} speakers at once`);
        const speakerScripts = scripts(clips, speakers, 1).map((script) => script.slice(0, CAPACITY_CLIPS));
        capacity.push(await runBarePipelines(engine, speakerScripts, pipeline, workerPids(engine)));
      }
    });
  }
  progress(`${name}: server with AI_ASR_ENGINE=${name}, Chromium A speaks each clip, B reads the captions`);
  const server = await startServer({ AI_ASR_ENGINE: name });
  let chromium: ChromiumCaptions;
  try {
    chromium = await captionsThroughChromium(server, clips, CHROMIUM_LOOPS);
  } finally {
    await server.stop();
  }

  const what = `${name} (${alone.model}, language ${language}${name === 'whisper' ? `, ${settings.whisper.threads} thread(s)` : ''})`;
  printLatency(name, what, alone.floor, chromium);
  printWordErrors(what, clips, alone, chromium);
  printCapacity(what, capacity, name === 'pocketsphinx' ? settings.pocketsphinx.decoders : null);
  printTable(`captions ${what}: the server while A speaks, and A's microphone in Chromium`, [
    {
      'server RSS idle MB': chromium.serverRssIdleMb,
      'server RSS captions on MB': chromium.serverRssMb,
      'whisper worker RSS MB': chromium.workerRssMb ?? 'none',
      'server CPU, cores': round(chromium.serverCores, 2),
      [`machine busy, cores (of ${CORES})`]: round(chromium.machineCores, 2),
      "A's mic echoCancellation": String(chromium.voiceProcessing?.echoCancellation),
      noiseSuppression: String(chromium.voiceProcessing?.noiseSuppression),
      autoGainControl: String(chromium.voiceProcessing?.autoGainControl),
    },
  ]);
}

function printLatency(name: AsrEngineName, what: string, floor: BareRun, chromium: ChromiumCaptions): void {
  // A final with no words shows nothing (the client removes the line): not a caption anyone reads.
  const felt = chromium.clips
    .flatMap((clip) => clip.loops.flat())
    .filter((final) => final.text.trim())
    .map((final) => final.latencyMs);
  const fromVoice = floor.finals.map((final) => final.sinceVoiceEndMs);
  const fromVad = floor.finals.map((final) => final.sinceSpeechEndMs);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const row = (path: string, values: number[], floorValues: number[] | null) => ({
    path,
    finals: values.length,
    'median ms': Math.round(median(values)),
    'p95 ms': Math.round(percentile(values, 95)),
    'mean ms': Math.round(mean(values)),
    'median / floor': floorValues ? round(median(values) / median(floorValues), 2) : '',
    'p95 / floor': floorValues ? round(percentile(values, 95) / percentile(floorValues, 95), 2) : '',
  });
  const { meanMs, count } = chromium.serverSinceSpeechEnd;
  const timedOut = chromium.clips.filter((clip) => clip.isTimedOut).map((clip) => clip.clip.label);
  printTable(
    `captions ${what}: end of speech → final caption (target: ${TARGETS[name]})` +
      (timedOut.length ? `; clips without ${CHROMIUM_LOOPS} whole loops in time: ${timedOut.join(' ')}` : ''),
    [
      row("people: last voiced audio (caption endMs) → final frame on B's page", felt, fromVoice),
      row('floor: last voiced audio → final (bare pipeline)', fromVoice, null),
      {
        path: "server's metric: VAD end of speech → final sent (all finals)",
        finals: count,
        'median ms': '',
        'p95 ms': '',
        'mean ms': Math.round(meanMs),
        'median / floor': '',
        'p95 / floor': `mean: ${round(meanMs / mean(fromVad), 2)}`,
      },
      row('floor: VAD end of speech → final (sinceSpeechEndMs)', fromVad, null),
    ],
  );
}

function printWordErrors(
  what: string,
  clips: BenchClip[],
  alone: { fromWav: TimedDecode[]; fromOpus: TimedDecode[]; floor: BareRun },
  chromium: ChromiumCaptions,
): void {
  const live = clips.map((clip, i) => floorErrors(alone.floor, clip, i, clips.length));
  const browser = clips.map((clip) => {
    const heard = chromium.clips.find((entry) => entry.clip === clip);
    return heard ? loopErrors(heard) : { errors: 0, words: 0 };
  });
  const rows = clips.map((clip, i) => ({
    clip: clip.label,
    'audio s': round(clip.seconds, 2),
    'decode ms': Math.round(alone.fromWav[i]!.decodeMs),
    RTF: round(alone.fromWav[i]!.decodeMs / 1000 / clip.seconds, 3),
    'WAV (recognize)': errorRate([alone.fromWav[i]!]),
    'Opus, unprocessed (recognize)': errorRate([alone.fromOpus[i]!]),
    'WAV live (floor, VAD)': errorRate([live[i]!]),
    'Chromium: Opus + voice processing (live)': errorRate([browser[i]!]),
  }));
  const seconds = clips.reduce((sum, clip) => sum + clip.seconds, 0);
  const decodeMs = alone.fromWav.reduce((sum, decode) => sum + decode.decodeMs, 0);
  rows.push({
    clip: 'all',
    'audio s': round(seconds, 2),
    'decode ms': Math.round(decodeMs),
    RTF: round(decodeMs / 1000 / seconds, 3),
    'WAV (recognize)': errorRate(alone.fromWav),
    'Opus, unprocessed (recognize)': errorRate(alone.fromOpus),
    'WAV live (floor, VAD)': errorRate(live),
    'Chromium: Opus + voice processing (live)': errorRate(browser),
  });
  printTable(`captions ${what}: word errors per LibriVox clip, real-time factor of a whole-clip decode`, rows);
}

/** The floor's finals for one clip, each round's words against the reference. */
function floorErrors(floor: BareRun, clip: BenchClip, index: number, clipCount: number) {
  let errors = 0;
  let words = 0;
  for (let take = index; take < clipCount * FLOOR_ROUNDS; take += clipCount) {
    const said = floor.finals.filter((final) => final.speaker === 0 && final.take === take);
    const counted = wordErrors(clip.text, said.map((final) => final.text).join(' '));
    errors += counted.errors;
    words += counted.referenceWords;
  }
  return { errors, words };
}

/** Every utterance got its final, and never more finals waited than there are speakers. */
function keptUp(run: BareRun): boolean {
  return run.failedFinals === 0 && run.maxWaiting <= run.speakers;
}

function printCapacity(what: string, runs: BareRun[], serverDecoders: number | null): void {
  const note =
    serverDecoders === null
      ? 'one worker, one decode at a time'
      : `${MAX_SPEAKERS} decoders from 2 speakers on; the server's default is ${serverDecoders}, and a speaker beyond them waits for one`;
  printTable(
    `captions ${what}: simultaneous speakers, bare pipelines in real time (${note}; 1 speaker = the floor run)`,
    runs.map((run) => {
      const latencies = run.finals.map((final) => final.sinceVoiceEndMs);
      return {
        speakers: run.speakers,
        finals: run.finals.length,
        'median ms': Math.round(median(latencies)),
        'p95 ms': Math.round(percentile(latencies, 95)),
        'max finals waiting': run.maxWaiting,
        'finals failed': run.failedFinals,
        [`cores used (of ${CORES})`]: round(run.coresUsed, 2),
        'other processes, cores': round(run.othersCores, 2),
        'kept up': keptUp(run) ? 'yes' : 'no',
      };
    }),
  );
}
