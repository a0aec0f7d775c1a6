import { describe, expect, it } from 'vitest';
import { EngineBusyError, EngineUnavailableError, type Transcription } from '../speech-engine';
import { BufferedUtterance, type UtteranceDecoder } from './BufferedUtterance';
import { DecodeQueue } from './DecodeQueue';

const label = { engine: 'whisper', model: 'test', language: 'en' } as const;
const silence: Transcription = { text: '', confidence: 0, ...label };

/** A decoder that answers with the number of samples it was given, through a real queue. */
function countingDecoder(queue = new DecodeQueue(8)) {
  const seen: Array<{ samples: number[]; priority: string }> = [];
  let hold: Promise<void> = Promise.resolve();
  const decoder: UtteranceDecoder = (pcm, priority, signal) =>
    queue.enqueue({ priority, utteranceId: 'u', signal }, async () => {
      await hold;
      seen.push({ samples: Array.from(pcm), priority });
      return { text: `${pcm.length} samples`, confidence: 0.9, ...label };
    });
  return { decoder, seen, holdUntil: (gate: Promise<void>) => (hold = gate) };
}

describe('BufferedUtterance', () => {
  it('decodes what was heard so far for an interim, and everything for the final', async () => {
    const { decoder, seen } = countingDecoder();
    const utterance = new BufferedUtterance(decoder, silence);
    expect(await utterance.interim()).toBeNull();
    utterance.push(new Float32Array([1, 2]));
    utterance.push(new Float32Array([3]));
    expect(await utterance.interim()).toMatchObject({ text: '3 samples' });
    // Enough to outgrow the first buffer: earlier samples must survive the copy.
    utterance.push(new Float32Array(100_000).fill(4));
    const final = await utterance.finish();
    expect(final.text).toBe('100003 samples');
    expect(seen.map((s) => s.priority)).toEqual(['interim', 'final']);
    expect(seen[1]?.samples.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(await utterance.interim()).toBeNull();
    await expect(utterance.finish()).rejects.toThrow(/already ended/);
  });

  it('keeps the samples a waiting decode was given while more audio arrives', async () => {
    const { decoder, seen, holdUntil } = countingDecoder();
    let release!: () => void;
    holdUntil(new Promise((resolve) => (release = resolve)));
    const utterance = new BufferedUtterance(decoder, silence);
    utterance.push(new Float32Array([1, 2, 3]));
    const interim = utterance.interim();
    utterance.push(new Float32Array(70_000).fill(9));
    release();
    await interim;
    expect(seen[0]?.samples).toEqual([1, 2, 3]);
  });

  it('answers an empty utterance without decoding', async () => {
    const { decoder, seen } = countingDecoder();
    expect(await new BufferedUtterance(decoder, silence).finish()).toBe(silence);
    expect(seen).toEqual([]);
  });

  it('turns a busy engine into "no interim", but lets other failures through', async () => {
    const busy = new BufferedUtterance(async () => Promise.reject(new EngineBusyError()), silence);
    busy.push(new Float32Array(10));
    expect(await busy.interim()).toBeNull();
    const down = new BufferedUtterance(async () => Promise.reject(new EngineUnavailableError('restarting')), silence);
    down.push(new Float32Array(10));
    await expect(down.interim()).rejects.toBeInstanceOf(EngineUnavailableError);
  });

  it('takes its waiting decodes out of the queue when finished or aborted', async () => {
    const queue = new DecodeQueue(8);
    let release!: () => void;
    const running = queue.enqueue({ priority: 'final' }, () => new Promise<void>((resolve) => (release = resolve)));
    const { decoder, seen } = countingDecoder(queue);

    const finished = new BufferedUtterance(decoder, silence);
    finished.push(new Float32Array(5));
    const staleInterim = finished.interim();
    const final = finished.finish();
    expect(await staleInterim).toBeNull();

    const aborted = new BufferedUtterance(decoder, silence);
    aborted.push(new Float32Array(7));
    const abortedFinal = aborted.finish();
    aborted.abort();
    await expect(abortedFinal).rejects.toThrow(/aborted/);

    release();
    await running;
    expect((await final).text).toBe('5 samples');
    expect(seen.map((s) => `${s.priority}:${s.samples.length}`)).toEqual(['final:5']);
  });
});
