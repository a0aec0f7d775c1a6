import { describe, expect, it } from 'vitest';
import { DECIMATION_INPUT_RATE, Decimator48To16 } from './resample';

function sine(frequencyHz: number, seconds: number, amplitude = 0.5): Float32Array {
  const samples = Math.round(DECIMATION_INPUT_RATE * seconds);
  return Float32Array.from(
    { length: samples },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / DECIMATION_INPUT_RATE),
  );
}

function rms(signal: Float32Array): number {
  let sum = 0;
  for (const value of signal) sum += value * value;
  return Math.sqrt(sum / signal.length);
}

/** Output level relative to input level, in dB, measured after the filter has settled. */
function gainDb(frequencyHz: number): number {
  const input = sine(frequencyHz, 0.5);
  const output = new Decimator48To16().process(input);
  const settled = output.subarray(200, output.length - 200);
  return 20 * Math.log10(rms(settled) / rms(input));
}

describe('Decimator48To16', () => {
  it('turns 48 kHz into a third as many samples', () => {
    expect(new Decimator48To16().process(new Float32Array(960)).length).toBe(320);
    expect(new Decimator48To16().process(new Float32Array(1000)).length).toBe(334);
  });

  it.each([100, 1000, 3000, 5000, 6500, 7000])('passes a %i Hz sine unchanged (within 0.1 dB)', (frequencyHz) => {
    expect(Math.abs(gainDb(frequencyHz))).toBeLessThan(0.1);
  });

  it.each([8100, 8500, 10_000, 12_000, 16_000, 20_000, 23_000])(
    'removes a %i Hz sine (at least 65 dB down)',
    (frequencyHz) => {
      expect(gainDb(frequencyHz)).toBeLessThan(-65);
    },
  );

  it('keeps a 10 kHz tone from folding to 6 kHz, which dropping samples alone would do', () => {
    const input = sine(10_000, 0.2);
    const naive = input.filter((_, n) => n % 3 === 0);
    expect(20 * Math.log10(rms(naive) / rms(input))).toBeGreaterThan(-1);
    expect(gainDb(10_000)).toBeLessThan(-65);
  });

  it('gives the same output whatever the chunk sizes', () => {
    const input = Float32Array.from({ length: 9_999 }, (_, n) => Math.sin(n * 0.37) * Math.cos(n * 0.011));
    const whole = new Decimator48To16().process(input);
    const streaming = new Decimator48To16();
    const pieces: Float32Array[] = [];
    let offset = 0;
    for (const size of [1, 2, 960, 7, 3, 500, 1, 1, 4000]) {
      pieces.push(streaming.process(input.subarray(offset, offset + size)));
      offset += size;
    }
    pieces.push(streaming.process(input.subarray(offset)));
    const joined = Float32Array.from(pieces.flatMap((piece) => [...piece]));
    expect(joined.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(joined[i]).toBeCloseTo(whole[i]!, 6);
  });

  it('delays by exactly the advertised number of output samples', () => {
    const impulse = new Float32Array(3000);
    impulse[300] = 1; // input sample 300 is output sample 100
    const output = new Decimator48To16().process(impulse);
    const peak = output.indexOf(Math.max(...output));
    expect(peak).toBe(100 + Decimator48To16.delaySamples);
  });
});
