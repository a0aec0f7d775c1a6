import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AsrEngineInfo, LanguageChoice } from '@meetai/shared';
import {
  EngineBusyError,
  EngineUnavailableError,
  type LiveUtterance,
  type SpeechEngine,
  type Transcription,
} from '../asr/speech-engine';
import { librivoxClips, readWav } from '../testing/audio-fixtures';
import { DEFAULT_VAD_SETTINGS, SileroVad, VAD_FRAME_SAMPLES, releaseSileroModel } from '../vad/silero-vad';
import {
  DEFAULT_SPEECH_STREAM_SETTINGS,
  SpeechStream,
  type SpeechStreamEvent,
  type SpeechStreamSettings,
  loadSpeechStreamSettings,
} from './speech-stream';

const RATE = 16_000;
const PAD_SAMPLES = DEFAULT_VAD_SETTINGS.preSpeechPadFrames * VAD_FRAME_SAMPLES;

/** A speech engine that records what it is given and answers with what it was given. */
class FakeUtterance implements LiveUtterance {
  readonly pushed: Float32Array[] = [];
  interimCalls = 0;
  isFinished = false;
  isAborted = false;

  constructor(
    private readonly engine: FakeEngine,
    readonly language: LanguageChoice,
  ) {}

  get samples(): number {
    return this.pushed.reduce((sum, pcm) => sum + pcm.length, 0);
  }

  push(pcm: Float32Array): void {
    if (this.isFinished || this.isAborted) throw new Error('push after the utterance ended');
    this.pushed.push(pcm.slice());
  }

  async interim(): Promise<Transcription | null> {
    this.interimCalls++;
    this.engine.interimsInFlight++;
    this.engine.maxInterimsInFlight = Math.max(this.engine.maxInterimsInFlight, this.engine.interimsInFlight);
    const samples = this.samples;
    await new Promise((resolve) => setTimeout(resolve, this.engine.interimDelayMs));
    this.engine.interimsInFlight--;
    if (this.engine.isBusy) throw new EngineBusyError();
    return this.engine.transcription(`interim ${samples}`);
  }

  async finish(): Promise<Transcription> {
    if (this.isFinished || this.isAborted) throw new Error('finish called twice');
    this.isFinished = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.engine.failFinals) throw new Error('decoder crashed');
    return this.engine.transcription(`final ${this.samples}`);
  }

  abort(): void {
    this.isAborted = true;
  }
}

class FakeEngine implements SpeechEngine {
  readonly name = 'pocketsphinx' as const;
  readonly model = 'fake-model';
  readonly capabilities = { isStreaming: true, languages: ['en' as const], isMultilingual: false };
  readonly utterances: FakeUtterance[] = [];
  interimDelayMs = 1;
  interimsInFlight = 0;
  maxInterimsInFlight = 0;
  isBusy = false;
  failFinals = false;
  refuseNext = 0;

  transcription(text: string): Transcription {
    return { text, confidence: 0.75, language: 'en', engine: this.name, model: this.model };
  }

  openUtterance(options: { language: LanguageChoice }): LiveUtterance {
    if (this.refuseNext > 0) {
      this.refuseNext--;
      throw new EngineUnavailableError('The speech engine is restarting');
    }
    const utterance = new FakeUtterance(this, options.language);
    this.utterances.push(utterance);
    return utterance;
  }

  async start(): Promise<void> {}
  info(): AsrEngineInfo {
    return {
      engine: this.name,
      model: this.model,
      versions: {},
      languages: ['en'],
      is_multilingual: false,
      status: 'ready',
      reason: null,
    };
  }
  onStatus(): () => void {
    return () => {};
  }
  recognize(): Promise<Transcription> {
    throw new Error('captions never call recognize');
  }
  async close(): Promise<void> {}
}

function clip(id: string): Float32Array {
  const found = librivoxClips().find((c) => c.name.includes(id));
  if (!found) throw new Error(`no LibriVox clip ${id}`);
  const samples = readWav(found.path16k).samples.slice();
  // 20 ms fades: a clip butted against digital silence would click, and a click sounds like a consonant.
  for (let i = 0; i < 320; i++) {
    samples[i]! *= i / 320;
    samples[samples.length - 1 - i]! *= i / 320;
  }
  return samples;
}

const silence = (seconds: number) => new Float32Array(Math.round(seconds * RATE));

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function openStream(engine: FakeEngine, settings: SpeechStreamSettings = DEFAULT_SPEECH_STREAM_SETTINGS) {
  let next = 0;
  const stream = new SpeechStream({
    engine,
    language: 'en',
    vad: await SileroVad.create(),
    settings,
    newUtteranceId: () => `u${++next}`,
  });
  const events: SpeechStreamEvent[] = [];
  const collected = (async () => {
    for await (const event of stream) events.push(event);
  })();
  return { stream, events, collected };
}

/** Pushes audio 20 ms at a time, as a tap does, then ends the input and waits for every event. */
async function run(pcm: Float32Array, engine: FakeEngine, settings?: SpeechStreamSettings) {
  const { stream, events, collected } = await openStream(engine, settings);
  for (let offset = 0; offset < pcm.length; offset += 320) stream.pushFrame(pcm.subarray(offset, offset + 320));
  await stream.endInput();
  await collected;
  return { stream, events };
}

/**
 * Like `run`, but gives the engine time between chunks (100 ms of audio, then a 30 ms pause), as a
 * live tap does: pushed all at once, a loaded machine can detect the whole clip before one interim returns.
 */
async function runPaced(pcm: Float32Array, engine: FakeEngine) {
  const { stream, events, collected } = await openStream(engine);
  for (let offset = 0; offset < pcm.length; offset += 1600) {
    stream.pushFrame(pcm.subarray(offset, offset + 1600));
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await stream.endInput();
  await collected;
  return { stream, events };
}

const ofUtterance = (events: SpeechStreamEvent[], id: string) =>
  events.filter((e) => ('utteranceId' in e ? e.utteranceId === id : false));

afterAll(async () => {
  await releaseSileroModel();
});

describe('loadSpeechStreamSettings', () => {
  it('has defaults, reads AI_CAPTIONS_*, and names a bad variable', () => {
    expect(loadSpeechStreamSettings({})).toEqual(DEFAULT_SPEECH_STREAM_SETTINGS);
    expect(loadSpeechStreamSettings({ AI_CAPTIONS_INTERIM_MS: '400', AI_CAPTIONS_MAX_UTTERANCE_MS: '' })).toEqual({
      interimEveryMs: 400,
      maxUtteranceMs: DEFAULT_SPEECH_STREAM_SETTINGS.maxUtteranceMs,
    });
    expect(() => loadSpeechStreamSettings({ AI_CAPTIONS_MAX_UTTERANCE_MS: '90' })).toThrow(
      /AI_CAPTIONS_MAX_UTTERANCE_MS/,
    );
  });
});

describe('SpeechStream with the real VAD on real speech', () => {
  it('turns two sentences 1.5 s apart into two utterances: started, interims, ended, final', async () => {
    const first = clip('0930');
    const second = clip('0880');
    const pcm = concat(silence(0.5), first, silence(1.5), second, silence(1));
    const engine = new FakeEngine();
    const { events, stream } = await run(pcm, engine);

    expect(engine.utterances).toHaveLength(2);
    expect(engine.utterances.every((u) => u.isFinished && !u.isAborted && u.language === 'en')).toBe(true);
    const clipsAt = [
      { startMs: 500, endMs: 500 + (first.length * 1000) / RATE },
      { startMs: 2000 + (first.length * 1000) / RATE, endMs: 2000 + ((first.length + second.length) * 1000) / RATE },
    ];
    ['u1', 'u2'].forEach((id, i) => {
      const own = ofUtterance(events, id);
      const types = own.map((e) => e.type);
      expect(types[0]).toBe('speechStarted');
      expect(types.slice(1, -2).every((type) => type === 'interim')).toBe(true);
      expect(types.filter((type) => type === 'interim').length).toBeGreaterThanOrEqual(1);
      expect(types.slice(-2)).toEqual(['speechEnded', 'final']);

      const final = own.at(-1) as Extract<SpeechStreamEvent, { type: 'final' }>;
      // The utterance lies on its sentence: it starts after the clip starts and ends near the clip's end.
      expect(final.startMs).toBeGreaterThanOrEqual(clipsAt[i]!.startMs);
      expect(final.startMs).toBeLessThan(clipsAt[i]!.startMs + 500);
      expect(final.endMs).toBeGreaterThan(clipsAt[i]!.endMs - 600);
      expect(final.endMs).toBeLessThanOrEqual(clipsAt[i]!.endMs + 100);
      expect(final).toMatchObject({ reason: 'silence', engine: 'pocketsphinx', model: 'fake-model', confidence: 0.75 });

      // The engine got the real audio, from the pre-speech pad on, in one piece, and the final reflects all of it.
      const utterance = engine.utterances[i]!;
      const padStart = (final.startMs * RATE) / 1000 - PAD_SAMPLES;
      expect(concat(...utterance.pushed)).toEqual(pcm.subarray(padStart, padStart + utterance.samples));
      expect(final.text).toBe(`final ${utterance.samples}`);
      expect(utterance.samples).toBeGreaterThan(((final.endMs - final.startMs) * RATE) / 1000 + PAD_SAMPLES);
    });
    expect(stream.stats).toMatchObject({ utterances: 2, finals: 2, finalsFailed: 0 });
  });

  it('asks for interims as speech grows, never two at once, and drops none after the final', async () => {
    const engine = new FakeEngine();
    engine.interimDelayMs = 25;
    const { events } = await runPaced(concat(silence(0.5), clip('0870'), silence(1)), engine);

    const interims = events.filter((e): e is Extract<SpeechStreamEvent, { type: 'interim' }> => e.type === 'interim');
    expect(interims.length).toBeGreaterThanOrEqual(2);
    expect(engine.maxInterimsInFlight).toBe(1);
    const heard = interims.map((e) => Number(e.text.split(' ')[1]));
    expect(heard).toEqual([...heard].sort((a, b) => a - b));
    const finalAt = events.findIndex((e) => e.type === 'final');
    expect(events.slice(finalAt).some((e) => e.type === 'interim')).toBe(false);
  });

  it('skips interims while the engine is busy, and still delivers every final', async () => {
    const engine = new FakeEngine();
    engine.isBusy = true;
    const { events, stream } = await run(concat(silence(0.5), clip('0880'), silence(1)), engine);
    expect(events.filter((e) => e.type === 'interim')).toEqual([]);
    expect(stream.stats.interimsSkipped).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'final')).toHaveLength(1);
  });

  it('cuts a long utterance at the maximum length and carries on in a new one, losing no audio', async () => {
    const speech = clip('0870');
    const pcm = concat(silence(0.5), speech, silence(1));
    const engine = new FakeEngine();
    const { events } = await run(pcm, engine, { interimEveryMs: 600, maxUtteranceMs: 2000 });

    const finals = events.filter((e): e is Extract<SpeechStreamEvent, { type: 'final' }> => e.type === 'final');
    expect(finals.length).toBeGreaterThanOrEqual(3);
    expect(finals.slice(0, -1).every((f) => f.reason === 'max-length')).toBe(true);
    expect(finals.at(-1)!.reason).toBe('silence');
    const starts = events.filter((e) => e.type === 'speechStarted');
    expect(starts.map((e) => e.isContinuation)).toEqual(finals.map((_, i) => i > 0));
    // Each cut utterance holds at most the maximum (plus the frame that crossed it), and together they hold
    // the speech exactly once, in order.
    for (const utterance of engine.utterances.slice(0, -1)) {
      expect(utterance.samples).toBeGreaterThanOrEqual(2 * RATE);
      expect(utterance.samples).toBeLessThan(2 * RATE + VAD_FRAME_SAMPLES);
    }
    const padStart = (starts[0]!.atMs * RATE) / 1000 - PAD_SAMPLES;
    const everything = concat(...engine.utterances.flatMap((u) => u.pushed));
    expect(everything).toEqual(pcm.subarray(padStart, padStart + everything.length));
    // A continuation starts where the utterance before it stopped.
    let pushedBefore = 0;
    engine.utterances.slice(0, -1).forEach((utterance, i) => {
      pushedBefore += utterance.samples;
      expect(starts[i + 1]!.atMs).toBe(((padStart + pushedBefore) * 1000) / RATE);
    });
  });

  it('finishes speech still going on when the input ends', async () => {
    const engine = new FakeEngine();
    const { events } = await run(concat(silence(0.5), clip('0870').subarray(0, 3 * RATE)), engine);
    expect(events.filter((e) => e.type === 'speechEnded').map((e) => e.reason)).toEqual(['end-of-input']);
    expect(events.at(-1)).toMatchObject({ type: 'final', reason: 'end-of-input' });
  });

  it('reports a failed final after its speechEnded', async () => {
    const engine = new FakeEngine();
    engine.failFinals = true;
    const { events, stream } = await run(concat(silence(0.5), clip('0880'), silence(1)), engine);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['speechEnded', 'finalFailed']);
    expect(events.at(-1)).toMatchObject({
      utteranceId: 'u1',
      error: expect.objectContaining({ message: 'decoder crashed' }),
    });
    expect(stream.stats.finalsFailed).toBe(1);
  });

  it('lets speech go when the engine refuses it, and takes the next utterance', async () => {
    const engine = new FakeEngine();
    engine.refuseNext = 1;
    const pcm = concat(silence(0.5), clip('0930'), silence(1.5), clip('0880'), silence(1));
    const { events, stream } = await run(pcm, engine);
    expect(stream.stats.refused).toBe(1);
    expect(engine.utterances).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'speechStarted', utteranceId: 'u2' });
    expect(events.filter((e) => e.type === 'final')).toHaveLength(1);
    expect(events.every((e) => !('utteranceId' in e) || e.utteranceId === 'u2')).toBe(true);
  });

  it('close() aborts the utterance in progress: no final, the events end', async () => {
    const engine = new FakeEngine();
    const { stream, events, collected } = await openStream(engine);
    const pcm = concat(silence(0.5), clip('0870'));
    for (let offset = 0; offset < 2.5 * RATE; offset += 320) stream.pushFrame(pcm.subarray(offset, offset + 320));
    await vi.waitFor(() => expect(engine.utterances).toHaveLength(1), { timeout: 10_000 });
    await stream.close();
    await collected;
    stream.pushFrame(pcm.subarray(0, 320));

    expect(engine.utterances[0]).toMatchObject({ isAborted: true, isFinished: false });
    expect(events.map((e) => e.type).filter((type) => type !== 'interim')).toEqual(['speechStarted']);
  });
});
