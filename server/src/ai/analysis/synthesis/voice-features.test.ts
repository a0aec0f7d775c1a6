import { describe, expect, it } from 'vitest';
import { extractVoiceFeatures, extractVoiceFeaturesAsync } from './voice-features';

/**
 * The measurements on signals whose answers are known: a glottal-like pulse
 * train at a set pitch, perfectly regular or with random period (jitter) and
 * amplitude (shimmer) perturbations, and silence.
 */
function pulses(options: { f0: number; seconds: number; jitter?: number; shimmer?: number; seed?: number }) {
  const { f0, seconds, jitter = 0, shimmer = 0 } = options;
  let seed = options.seed ?? 1;
  const random = () => ((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647) * 2 - 1;
  const out = new Float32Array(Math.round(seconds * 16_000));
  let at = 0;
  while (at < out.length) {
    const period = (16_000 / f0) * (1 + jitter * random());
    const amplitude = 0.5 * (1 + shimmer * random());
    // One cycle: a decaying resonance at 700 Hz, as a vowel's first formant rings after each glottal pulse.
    for (let i = 0; i < period && at + i < out.length; i++) {
      out[at + i] = amplitude * Math.exp(-i / 20) * Math.sin((2 * Math.PI * 700 * i) / 16_000);
    }
    at += Math.round(period);
  }
  return out;
}

describe('voice features', () => {
  it('finds the pitch of a regular pulse train, with little jitter or shimmer and a flat contour', () => {
    const features = extractVoiceFeatures(pulses({ f0: 150, seconds: 2 }))!;
    expect(features.f0MeanHz).toBeGreaterThan(145);
    expect(features.f0MeanHz).toBeLessThan(155);
    expect(features.voicedFraction).toBeGreaterThan(0.9);
    expect(features.jitter).toBeLessThan(0.01);
    expect(features.shimmer).toBeLessThan(0.01);
    expect(features.f0StdSemitones).toBeLessThan(0.3);
  });

  it('measures more jitter and shimmer as the cycles are perturbed more', () => {
    const steady = extractVoiceFeatures(pulses({ f0: 150, seconds: 2, jitter: 0.005, shimmer: 0.02 }))!;
    const shaky = extractVoiceFeatures(pulses({ f0: 150, seconds: 2, jitter: 0.03, shimmer: 0.2 }))!;
    expect(shaky.jitter).toBeGreaterThan(steady.jitter * 2);
    expect(shaky.shimmer).toBeGreaterThan(steady.shimmer * 2);
    expect(shaky.hnrDb).toBeLessThan(steady.hnrDb);
  });

  it('answers null for silence and for a click, and the same, yielding or not', async () => {
    expect(extractVoiceFeatures(new Float32Array(16_000))).toBeNull();
    const click = new Float32Array(16_000);
    click[8000] = 1;
    expect(extractVoiceFeatures(click)).toBeNull();
    const voice = pulses({ f0: 120, seconds: 3, jitter: 0.01, shimmer: 0.05 });
    expect(await extractVoiceFeaturesAsync(voice)).toEqual(extractVoiceFeatures(voice));
  });
});
