import { cpus } from 'node:os';
import type { LanguageChoice } from '@meetai/shared';
import { ASR_SAMPLE_RATE, type SpeechEngine } from '../../server/src/ai/asr/speech-engine';
import { SpeechStream, type SpeechStreamSettings } from '../../server/src/ai/captions/speech-stream';
import { SileroVad, type VadSettings } from '../../server/src/ai/vad/silero-vad';
import { cpuSeconds, machineCpuSeconds } from '../lib/server-process';
import { pushInRealTime, type BenchClip } from '../lib/speech';

/**
 * The floor of caption latency: the live pipeline without network, browser or
 * signaling. Each speaker's clips, with a pause after each, go in real-time
 * 20 ms frames into a `SpeechStream` (the real Silero VAD, the real engine);
 * N speakers talk at once, sharing the engine as a server's meetings do.
 */

/** The pause after each clip: what Chromium's fake microphone plays between loops of a padded clip. */
const PAUSE_SAMPLES = 1.5 * ASR_SAMPLE_RATE;

export const CORES = cpus().length;

export type PipelineSettings = { language: LanguageChoice; vad: VadSettings; stream: SpeechStreamSettings };

export type BareFinal = {
  speaker: number;
  /** Which of the speaker's clips (its place in the script) the utterance lies in, by its midpoint; -1 if none. */
  take: number;
  text: string;
  /** The stream's own figure: from the VAD deciding the speech ended to the final. */
  sinceSpeechEndMs: number;
  /** From the last voiced audio being spoken to the final: what a caption's `endMs` is measured from. */
  sinceVoiceEndMs: number;
};

export type BareRun = {
  speakers: number;
  finals: BareFinal[];
  failedFinals: number;
  /** Most utterances waiting for their final at one moment, over all speakers. */
  maxWaiting: number;
  /** CPU time of this process and `otherPids` (the whisper worker) over the wall time, in cores. */
  coresUsed: number;
  /** What everything else on the machine used meanwhile, in cores: the noise under the figures. */
  othersCores: number;
  wallSeconds: number;
};

/** Speaker i says the clips from clip i on (so utterances end at different times), each once per round. */
export function scripts(clips: BenchClip[], speakers: number, rounds: number): BenchClip[][] {
  return Array.from({ length: speakers }, (_, speaker) =>
    Array.from({ length: clips.length * rounds }, (_, n) => clips[(n + speaker) % clips.length]!),
  );
}

export async function runBarePipelines(
  engine: SpeechEngine,
  speakerScripts: BenchClip[][],
  settings: PipelineSettings,
  otherPids: number[] = [],
): Promise<BareRun> {
  const finals: BareFinal[] = [];
  let failedFinals = 0;
  let waiting = 0;
  let maxWaiting = 0;
  const streams = await Promise.all(
    speakerScripts.map(async () => {
      const vad = await SileroVad.create(settings.vad);
      return new SpeechStream({ engine, language: settings.language, vad, settings: settings.stream });
    }),
  );
  const cpuBefore = process.cpuUsage();
  const othersBefore = otherPids.map(workerCpuSeconds);
  const machineBefore = machineCpuSeconds();
  const startedAt = performance.now();
  await Promise.all(
    streams.map(async (stream, speaker) => {
      const { audio, spans } = withPauses(speakerScripts[speaker]!);
      const listening = (async () => {
        for await (const event of stream) {
          if (event.type === 'speechEnded') maxWaiting = Math.max(maxWaiting, ++waiting);
          if (event.type === 'finalFailed') {
            waiting -= 1;
            failedFinals += 1;
          }
          if (event.type !== 'final') continue;
          waiting -= 1;
          const middle = (event.startMs + event.endMs) / 2;
          finals.push({
            speaker,
            take: spans.findIndex((span) => middle >= span.fromMs && middle < span.toMs),
            text: event.text,
            sinceSpeechEndMs: event.sinceSpeechEndMs,
            sinceVoiceEndMs: performance.now() - (startedAt + event.endMs),
          });
        }
      })();
      await pushInRealTime(audio, (frame) => stream.pushFrame(frame), startedAt);
      await stream.endInput();
      await listening;
    }),
  );
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const others = otherPids.reduce((sum, pid, i) => sum + workerCpuSeconds(pid) - othersBefore[i]!, 0);
  const machine = machineCpuSeconds();
  const coresUsed = ((cpu.user + cpu.system) / 1e6 + others) / wallSeconds;
  const machineCores = ((machine.busy - machineBefore.busy) / (machine.total - machineBefore.total)) * CORES;
  return {
    speakers: speakerScripts.length,
    finals,
    failedFinals,
    maxWaiting,
    coresUsed,
    othersCores: Math.max(0, machineCores - coresUsed),
    wallSeconds,
  };
}

/** One speaker's clips back to back, each followed by a pause, and where each clip lies (ms of audio). */
function withPauses(script: BenchClip[]) {
  const length = script.reduce((sum, clip) => sum + clip.audio.length + PAUSE_SAMPLES, 0);
  const audio = new Float32Array(length);
  const spans: Array<{ fromMs: number; toMs: number }> = [];
  let at = 0;
  for (const clip of script) {
    audio.set(clip.audio, at);
    const toMs = ((at + clip.audio.length + PAUSE_SAMPLES) * 1000) / ASR_SAMPLE_RATE;
    spans.push({ fromMs: (at * 1000) / ASR_SAMPLE_RATE, toMs });
    at += clip.audio.length + PAUSE_SAMPLES;
  }
  return { audio, spans };
}

function workerCpuSeconds(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    // A restarted worker would make every figure of the run wrong: stop with why.
    throw new Error(
      `The engine's worker (pid ${pid}) is gone: something killed it during the run (e2e/captions.spec.ts kills every whisper_worker.py).`,
    );
  }
}
