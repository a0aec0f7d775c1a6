import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OnnxSpoofDetector } from './onnx-detector';

/** The AI_SPOOF_MODEL plumbing with tiny models from testing/make-test-models.py (loud audio counts as "spoof"). */
const MODELS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing');
const load = (file: string, spoofClass = 0) =>
  OnnxSpoofDetector.load({ path: path.join(MODELS, file), spoofClass, threshold: 0.5 });

const sine = (amplitude: number, samples = 24_000) =>
  Float32Array.from({ length: samples }, (_, i) => amplitude * Math.sin((2 * Math.PI * 220 * i) / 16_000));

describe('OnnxSpoofDetector', () => {
  it('runs a waveform model of any length and reads its spoof class through a softmax', async () => {
    const detector = await load('loudness-2class.onnx');
    try {
      const loud = await detector.analyse(sine(0.5));
      const quiet = await detector.analyse(sine(0.001));
      // mean|x| of a sine is 2A/π: 0.318 → logits [30.8, 0]; 0.00064 → [-0.94, 0].
      expect(loud).toMatchObject({ isSynthetic: true, features: null });
      expect(loud!.score).toBeGreaterThan(0.99);
      expect(quiet!.isSynthetic).toBe(false);
      expect(quiet!.score).toBeCloseTo(1 / (1 + Math.exp(0.936)), 2);
      expect(detector.method).toMatch(/ONNX.*loudness-2class.onnx/);
    } finally {
      await detector.close();
    }
  });

  it('honours AI_SPOOF_CLASS', async () => {
    const detector = await load('loudness-2class.onnx', 1);
    try {
      expect((await detector.analyse(sine(0.5)))!.isSynthetic).toBe(false);
    } finally {
      await detector.close();
    }
  });

  it('fits the utterance to a model of fixed length (repeated when short, cut when long)', async () => {
    const detector = await load('fixed-16000.onnx');
    try {
      expect((await detector.analyse(sine(0.5, 4_000)))!.isSynthetic).toBe(true);
      expect((await detector.analyse(sine(0.5, 40_000)))!.isSynthetic).toBe(true);
    } finally {
      await detector.close();
    }
  });

  it('refuses a model that does not take one waveform, naming the setting', async () => {
    await expect(load('two-inputs.onnx')).rejects.toThrow(/AI_SPOOF_MODEL=.*two-inputs.onnx: expected one input/);
  });

  it('answers null for audio too short to judge', async () => {
    const detector = await load('loudness-2class.onnx');
    try {
      expect(await detector.analyse(sine(0.5, 800))).toBeNull();
    } finally {
      await detector.close();
    }
  });
});
